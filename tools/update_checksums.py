"""Regenerate the ``SHA256SUMS`` listing of every data folder in the package.

Run after adding or deliberately editing a data file::

    python tools/update_checksums.py          # rewrite every listing
    python tools/update_checksums.py --check  # exit 1 if a listing is stale

The tests run the ``--check`` form, so a data file changed without its listing fails CI.
"""

from __future__ import annotations

import argparse
import sys

from analysis._data import PACKAGE_ROOT, data_files, data_folders, listed, sha256, write_checksums


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or with ``--check`` only compare) every data folder's listing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if stale")
    args = parser.parse_args(argv)
    stale = 0
    for folder in data_folders():
        rel = folder.relative_to(PACKAGE_ROOT.parent)
        if args.check:
            want = {p.name: sha256(p) for p in data_files(folder)}
            if dict(listed(folder)) != want:
                print(f"stale: {rel}/SHA256SUMS", file=sys.stderr)
                stale += 1
            continue
        digests = write_checksums(folder)
        print(f"{rel}/SHA256SUMS: {len(digests)} files")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
