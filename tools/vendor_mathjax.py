"""Vendor MathJax for the book, so that math renders with no request to another host.

Usage (at vendor time only; needs npm and the npm registry)::

    python tools/vendor_mathjax.py [--version 3.2.2]

It runs ``npm pack mathjax@VERSION`` in a scratch folder, checks the tarball
against the registry's integrity hash (npm does this itself, and the script
compares the SHA-512 npm reports with the tarball it got), and copies the one
combined component the book needs, ``es5/tex-svg.js`` (TeX input, SVG output,
its fonts built in, so no font files are fetched), into
``book/_static/mathjax/`` together with MathJax's licence.  It writes
``book/_static/mathjax/PROVENANCE.md`` with the package, version, licence and
the SHA-256 of the tarball and of every file it copied.  ``_config.yml`` points
Sphinx's ``mathjax_path`` at the copied file.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEST = ROOT / "book" / "_static" / "mathjax"
#: Files taken from the package tarball (paths inside ``package/``) and their names here.
FILES = {"es5/tex-svg.js": "tex-svg.js", "LICENSE": "LICENSE"}


def sha256(path: Path) -> str:
    """SHA-256 of a file, hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="3.2.2", help="mathjax version on npm")
    args = parser.parse_args(argv)
    spec = f"mathjax@{args.version}"
    with tempfile.TemporaryDirectory(prefix="vendor-mathjax-") as tmp:
        work = Path(tmp)
        out = subprocess.run(
            ["npm", "pack", spec, "--json", "--pack-destination", str(work)],
            cwd=work,
            check=True,
            capture_output=True,
            text=True,
        )
        info = json.loads(out.stdout)[0]
        tarball = work / info["filename"]
        digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        if info.get("integrity") != f"sha512-{digest}":
            print(f"integrity mismatch for {tarball.name}", file=sys.stderr)
            return 1
        with tarfile.open(tarball) as tar:
            manifest = json.load(tar.extractfile("package/package.json"))  # type: ignore[arg-type]
            if manifest.get("license") != "Apache-2.0":
                print(f"unexpected licence {manifest.get('license')!r}", file=sys.stderr)
                return 1
            tar.extractall(work / "x", filter="data")
        if DEST.exists():
            shutil.rmtree(DEST)
        DEST.mkdir(parents=True)
        rows = []
        for src, name in FILES.items():
            target = DEST / name
            shutil.copyfile(work / "x" / "package" / src, target)
            size, digest = target.stat().st_size, sha256(target)
            rows.append(f"| `{name}` | `package/{src}` | {size:,} | `{digest}` |")
        tar_sha = sha256(tarball)
    lines = [
        "# MathJax, vendored for offline math",
        "",
        "Written by `tools/vendor_mathjax.py`; do not edit by hand.",
        "",
        f"- Package: npm `mathjax` {manifest['version']} (`npm pack {spec}`)",
        f"- Licence: {manifest['license']} (copy in `LICENSE`)",
        f"- Tarball: `{info['filename']}`, SHA-256 `{tar_sha}`",
        f"- Registry integrity: `{info['integrity']}`",
        f"- Vendored on: {date.today().isoformat()}",
        "- Used by: `_config.yml` (`sphinx.config.mathjax_path: mathjax/tex-svg.js`);",
        "  TeX input with SVG output, fonts built in, so the page fetches nothing else.",
        "",
        "| file | from the tarball | bytes | SHA-256 |",
        "| --- | --- | ---: | --- |",
        *rows,
        "",
    ]
    (DEST / "PROVENANCE.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"vendored {spec} into {DEST.relative_to(ROOT)}: {', '.join(FILES.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
