"""Vendor the UN M49 regions of every ISO 3166-1 country into ``analysis/countries/data/m49.csv``.

The source is the CSV ``all/all.csv`` of the public GitHub repository
``lukes/ISO-3166-Countries-with-Regional-Codes`` (CC BY-SA 4.0), which merges the
ISO 3166-1 codes with the UN Statistics Division's M49 regions.  Bring a snapshot
onto the machine first (vendor time only; nothing is fetched here), then::

    python tools/vendor_countries.py --git-dir /path/to/snapshot.git --commit <sha>

The script reads the file from that commit with ``git show``, keeps only what
pycountry lacks (the alpha-3 key and the M49 region, sub-region and intermediate
region with their codes: no names, no other codes), checks every alpha-3 code
against pycountry, writes ``m49.csv`` and ``m49.source.json`` (source, commit,
licence, SHA-256 of the source file and of the result) and regenerates the
folder's ``SHA256SUMS``.  No network is used.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pycountry

from analysis._data import package_file, write_checksums

REPOSITORY = "lukes/ISO-3166-Countries-with-Regional-Codes"
SOURCE_PATH = "all/all.csv"
LICENCE = "CC BY-SA 4.0 (LICENSE.md of the repository); the regions are UN M49"

#: Columns of ``m49.csv`` and the source column each one is read from.
COLUMNS: dict[str, str] = {
    "alpha3": "alpha-3",
    "region": "region",
    "subregion": "sub-region",
    "intermediate_region": "intermediate-region",
    "region_code": "region-code",
    "subregion_code": "sub-region-code",
    "intermediate_region_code": "intermediate-region-code",
}


def convert(text: str) -> list[dict[str, str]]:
    """Turn the source CSV into the rows of ``m49.csv``, sorted by alpha-3 code.

    Raises
    ------
    ValueError
        A required column is missing or an alpha-3 code is not an ISO 3166-1 code
        known to pycountry.

    Examples
    --------
    >>> src = ("name,alpha-2,alpha-3,country-code,iso_3166-2,region,sub-region,"
    ...        "intermediate-region,region-code,sub-region-code,intermediate-region-code\\n"
    ...        "Finland,FI,FIN,246,ISO 3166-2:FI,Europe,Northern Europe,,150,154,\\n")
    >>> convert(src)[0]["subregion"]
    'Northern Europe'
    """
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS.values() if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"source CSV lacks columns {missing}")
    rows = []
    for rec in reader:
        code = rec["alpha-3"].strip()
        if pycountry.countries.get(alpha_3=code) is None:
            raise ValueError(f"source CSV: {code!r} is not an ISO 3166-1 alpha-3 code in pycountry")
        rows.append({ours: (rec[theirs] or "").strip() for ours, theirs in COLUMNS.items()})
    return sorted(rows, key=lambda r: r["alpha3"])


def write_rows(rows: list[dict[str, str]], path: Path) -> str:
    """Write ``rows`` as CSV (LF line ends, UTF-8) and return the file's SHA-256.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "m49.csv"
    >>> len(write_rows([dict.fromkeys(COLUMNS, "")], p))
    64
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def _git(git_dir: Path, *args: str) -> bytes:
    done = subprocess.run(["git", f"--git-dir={git_dir}", *args], capture_output=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed: {done.stderr.decode(errors='replace')}")
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    """Read the snapshot, write ``m49.csv`` and ``m49.source.json``, regenerate the listing.

    Examples
    --------
    >>> main(["--git-dir", "/nonexistent.git", "--commit", "HEAD"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    SystemExit: git rev-parse HEAD^{commit} failed: ...
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--git-dir", type=Path, required=True, help="bare git dir of the snapshot")
    parser.add_argument("--commit", required=True, help="commit to read (40 hex digits)")
    parser.add_argument("--folder", type=Path, default=None, help="default: the package")
    args = parser.parse_args(argv)
    folder = args.folder or package_file("countries", "data")
    commit = _git(args.git_dir, "rev-parse", f"{args.commit}^{{commit}}").decode().strip()
    source = _git(args.git_dir, "show", f"{commit}:{SOURCE_PATH}")
    licence_text = _git(args.git_dir, "show", f"{commit}:LICENSE.md").decode("utf-8")
    if "by-sa/4.0" not in licence_text:
        raise SystemExit("LICENSE.md no longer says CC BY-SA 4.0; review the licence first")
    date = _git(args.git_dir, "show", "-s", "--format=%cI", commit).decode().strip()
    rows = convert(source.decode("utf-8"))
    digest = write_rows(rows, folder / "m49.csv")
    record = {
        "file": "m49.csv",
        "rows": len(rows),
        "source": f"https://github.com/{REPOSITORY}",
        "source_path": SOURCE_PATH,
        "commit": commit,
        "commit_date": date,
        "licence": LICENCE,
        "source_sha256": hashlib.sha256(source).hexdigest(),
        "sha256": digest,
        "columns": COLUMNS,
    }
    (folder / "m49.source.json").write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    write_checksums(folder)
    json.dump(record, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
