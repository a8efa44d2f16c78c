"""Compare the text outputs of the book's committed notebooks with a fresh execution.

Usage::

    python tools/check_determinism.py book _build/jupyter_execute/book

The book build executes every notebook from scratch into ``_build/jupyter_execute``;
the committed notebooks were executed earlier (``make notebooks``). Their text
outputs (``text/plain``, ``text/html``, ``text/markdown``, glued values, streams)
must be identical, cell by cell, or the build is not deterministic (or a
committed notebook is stale). Images are not compared byte for byte (their
encoder metadata may differ) but their number and order must agree.
Exit status 1 on any difference.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

TEXT_MIMES = ("text/plain", "text/html", "text/markdown", "text/latex")
RECORD = "application/papermill.record/"


def _value(mime: str, value: object) -> str:
    if mime.startswith("image/"):
        return f"{mime}:<image>"
    return f"{mime}:" + ("".join(value) if isinstance(value, list) else str(value))


def glued(path: Path) -> dict[str, list[str]]:
    """Return glued values by name: from a committed notebook's outputs, or from the
    ``<name>.glue.json`` that myst-nb writes beside an executed one."""
    sidecar = path.with_suffix(".glue.json")
    found: dict[str, list[str]] = {}
    if sidecar.exists():
        import json

        for name, out in json.loads(sidecar.read_text(encoding="utf-8")).items():
            found[name] = sorted(_value(m, v) for m, v in out.get("data", {}).items())
        return found
    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            scrapbook = out.get("metadata", {}).get("scrapbook", {})
            name = scrapbook.get("name")
            if name:
                # glue(..., display=False) stores record/<mime>; display=True stores <mime>
                # (the figure is also the cell's output, shown in JupyterLab).
                prefix = scrapbook.get("mime_prefix", RECORD)
                data = out.get("data", {})
                found[name] = sorted(
                    _value(m[len(prefix) :], v) for m, v in data.items() if m.startswith(prefix)
                )
    return found


def outputs(path: Path) -> list[list[str]]:
    """Return, per code cell, the list of comparable output strings (glue records aside)."""
    nb = nbformat.read(str(path), as_version=4)
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        found = []
        for out in cell.get("outputs", []):
            if out.get("metadata", {}).get("scrapbook"):
                continue
            if out.get("output_type") == "stream":
                if out.get("name") == "stdout":
                    found.append("stream:" + "".join(out.get("text", "")))
                continue
            data = out.get("data", {})
            for mime in sorted(data):
                if mime in TEXT_MIMES or mime.startswith("application/papermill.record/text"):
                    value = data[mime]
                    found.append(
                        f"{mime}:" + ("".join(value) if isinstance(value, list) else value)
                    )
                elif mime.startswith("image/") or mime.startswith(
                    "application/papermill.record/image"
                ):
                    found.append(f"{mime}:<image>")
        cells.append(found)
    return cells


def main(argv: list[str]) -> int:
    committed_dir, built_dir = Path(argv[0]), Path(argv[1])
    problems = 0
    notebooks = sorted(committed_dir.glob("*.ipynb"))
    for nb in notebooks:
        built = built_dir / nb.name
        if not built.exists():
            print(f"DIFF {nb.name}: not executed by the build ({built} missing)")
            problems += 1
            continue
        ga, gb = glued(nb), glued(built)
        for name in sorted(set(ga) | set(gb)):
            if ga.get(name) != gb.get(name):
                print(f"DIFF {nb.name}: glued value {name!r} differs")
                problems += 1
        a, b = outputs(nb), outputs(built)
        if len(a) != len(b):
            print(f"DIFF {nb.name}: {len(a)} code cells committed, {len(b)} built")
            problems += 1
            continue
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                print(f"DIFF {nb.name}: code cell {i + 1} outputs differ")
                problems += 1
    print(f"determinism: {len(notebooks)} notebooks compared, {problems} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
