"""Derive the 1:50m and 1:110m rulers from the vendored Natural Earth 5.1.1 1:10m layer.

Natural Earth publishes point-of-view country polygons at 1:10m only (its
maintainer, nvkelso/natural-earth-vector issues #863 and #875), so no registry
package holds 5.1.1 German-view layers at 1:50m or 1:110m.  This script makes
them: :func:`shapely.coverage_simplify` (Visvalingam–Whyatt on the shared edges
of the whole coverage, never country by country) keeps one line per shared edge,
so neighbours keep identical vertices and the exact shared-segment method of
``analysis.geo.borders`` still works.

The tolerances (in degrees) were chosen so that the world's land borders lose
as much length as in Natural Earth's own published 1:50m and 1:110m layers
(4.1.0, ``50m-ne4``/``110m-ne4``): the script prints, for every candidate, the
length of the pairs both layers have as a share of their 1:10m length, the
median per-border share, and the vertex counts, beside the published figures.

Run from a checkout, then regenerate the checksums::

    .venv/bin/python tools/derive_ne_scales.py            # writes analysis/data/*.parquet
    .venv/bin/python tools/update_checksums.py

``--compare`` prints the table for a range of tolerances and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from analysis._data import package_file
from analysis.geo import borders, layers
from analysis.geo.catalogue import get_ruler

TOLERANCES = {"50m": 0.1, "110m": 0.3}
"""Chosen tolerance (degrees) per derived scale; see the module docstring."""

CANDIDATES = {"50m": (0.06, 0.08, 0.1, 0.12), "110m": (0.2, 0.25, 0.3, 0.4, 0.5)}


def derive(frame: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """Simplify a whole coverage at once; return ``iso3``, ``name``, ``adm0_a3``, geometry.

    Raises ``ValueError`` when the input is not a valid coverage or a country's
    shape vanishes (neither happens with Natural Earth 5.1.1 1:10m).
    """
    geoms = np.asarray(frame.geometry.values, dtype=object)
    if not shapely.coverage_is_valid(geoms):
        raise ValueError("the input layer is not a valid coverage")
    simple = shapely.coverage_simplify(geoms, tolerance)
    if shapely.is_empty(simple).any() or not shapely.is_valid(simple).all():
        raise ValueError(f"tolerance {tolerance}: a shape vanished or became invalid")
    out = gpd.GeoDataFrame(
        frame[["iso3", "name", "adm0_a3"]].reset_index(drop=True),
        geometry=list(simple),
        crs="EPSG:4326",
    )
    return out


def pair_lengths(iso3: np.ndarray, names: np.ndarray, geoms: np.ndarray) -> pd.Series:
    """Shared length in km per (a_iso3, b_iso3) pair, by the engine's own method."""
    m = borders.topology(iso3, names, geoms).matrix()
    return m.set_index(["a_iso3", "b_iso3"])["length_km"]


def shared_vertices(iso3: np.ndarray, geoms: np.ndarray) -> int:
    """Number of shared boundary segments (each counted once)."""
    return int(len(borders.topology(iso3, iso3, geoms).shared_idx))


def compare(scale: str, tolerances: tuple[float, ...]) -> pd.DataFrame:
    """The comparison table of candidate tolerances against the published layer."""
    base_layer = layers.layer("10m")
    iso3 = base_layer.frame["iso3"].to_numpy(dtype=str)
    names = base_layer.frame["name"].to_numpy(dtype=str)
    base = pair_lengths(iso3, names, base_layer.raw)
    pub_layer = layers.layer(f"{scale}-ne4")
    pub_iso = pub_layer.frame["iso3"].to_numpy(dtype=str)
    pub = pair_lengths(pub_iso, pub_iso, pub_layer.raw)
    common = pub.index.intersection(base.index)
    rows = [
        {
            "layer": f"published {scale}-ne4 (NE 4.1.0)",
            "tolerance": np.nan,
            "vertices": int(shapely.get_num_coordinates(pub_layer.raw).sum()),
            "shared segments": shared_vertices(pub_iso, pub_layer.raw),
            "pairs": len(pub),
            "share of 10m length": pub[common].sum() / base[common].sum(),
            "median share": float((pub[common] / base[common]).median()),
        }
    ]
    for tol in tolerances:
        d = derive(base_layer.frame, tol)
        g = np.asarray(d.geometry.values, dtype=object)
        p = pair_lengths(iso3, names, g)
        rows.append(
            {
                "layer": f"derived {scale}" + (" (chosen)" if tol == TOLERANCES[scale] else ""),
                "tolerance": tol,
                "vertices": int(shapely.get_num_coordinates(g).sum()),
                "shared segments": shared_vertices(iso3, g),
                "pairs": len(p),
                "share of 10m length": p[common].sum() / base[common].sum(),
                "median share": float((p[common] / base[common]).median()),
            }
        )
    rows.append(
        {
            "layer": "10m (NE 5.1.1, for scale)",
            "tolerance": 0.0,
            "vertices": int(shapely.get_num_coordinates(base_layer.raw).sum()),
            "shared segments": shared_vertices(iso3, base_layer.raw),
            "pairs": len(base),
            "share of 10m length": 1.0,
            "median share": 1.0,
        }
    )
    return pd.DataFrame(rows)


def write(scale: str, folder: Path) -> Path:
    """Derive ``scale`` and write it as GeoParquet (zstd) into ``folder``."""
    frame = layers.layer("10m").frame
    out = derive(frame, TOLERANCES[scale])
    path = folder / get_ruler(scale).data_file
    out.to_parquet(path, compression="zstd", index=False, write_covering_bbox=False)
    return path


def main(argv: list[str] | None = None) -> int:
    """Write the derived layers (or, with ``--compare``, print the comparison only)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", action="store_true", help="print the table only")
    parser.add_argument("--folder", type=Path, default=None, help="default: analysis/data")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 140)
    for scale in TOLERANCES:
        table = compare(scale, CANDIDATES[scale])
        print(table.round(3).to_string(index=False))
        print()
        if not args.compare:
            path = write(scale, args.folder or package_file("data"))
            print(f"wrote {path} ({path.stat().st_size} bytes)\n")
    if not args.compare:
        print("now run: .venv/bin/python tools/update_checksums.py", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
