"""Benchmarks of the geography engine: correctness, speed, memory, and every ruler.  Prints tables.

Run: ``.venv/bin/python benchmarks/bench_borders.py``

* Russia's 1:10m borders, engine against an independent boundary intersection.
* ``border_matrix("10m")`` against the naive all-pairs boundary intersection, in the
  same run, and their ratio (target at most 0.25×, aim 0.1×).
* Russia's land border with NATO before Finland (NOR, EST, LVA, LTU, POL) and
  after (+ FIN), on every ruler from 1:110m down to the finest.
* Each neighbour's length on every ruler beside the CIA World Factbook (read from
  ``analysis.reference``: the benchmark may, the geo package may not).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
import warnings

import numpy as np
import pyproj
import shapely

NATO_BEFORE = ["NOR", "EST", "LVA", "LTU", "POL"]
NATO_AFTER = [*NATO_BEFORE, "FIN"]
WGS84 = pyproj.Geod(ellps="WGS84")
TARGET = 0.25


def _linear_km(geom: shapely.Geometry) -> float:
    total = 0.0
    for part in shapely.get_parts(geom):
        if part.geom_type == "MultiLineString":
            total += sum(WGS84.geometry_length(g) for g in part.geoms)
        elif part.geom_type in ("LineString", "LinearRing"):
            total += WGS84.geometry_length(part)
    return total / 1000.0


def naive_matrix(world) -> int:  # type: ignore[no-untyped-def]
    """Boundary intersection over all pairs (geopandas, vectorised per row)."""
    bounds = world.boundary
    found = 0
    for i in range(len(world) - 1):
        inter = bounds.iloc[i + 1 :].intersection(bounds.iloc[i])
        for g in inter[~inter.is_empty]:
            if _linear_km(g) > 0:
                found += 1
    return found


def memory_child() -> None:
    from analysis.geo import border_matrix

    border_matrix("10m")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(peak_kb)


def _russia_lengths(scale: str) -> dict[str, float]:
    from analysis.geo import land_borders

    with warnings.catch_warnings():  # untrusted borders are reported in their own column
        warnings.simplefilter("ignore")
        lb = land_borders("RUS", scale, include_untrusted=True)
    if "trusted" in lb:
        lb = lb[lb["trusted"]]
    return dict(zip(lb["neighbor_iso3"], lb["length_km"].astype(float), strict=True))


def main() -> None:
    t0 = time.perf_counter()
    from analysis.geo import borders, countries, finer_borders, land_borders, rulers
    from analysis.reference import border_figures

    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    world = countries("10m")
    t_load = time.perf_counter() - t0

    rows = []
    lb = land_borders("RUS")
    geom = world.set_index("iso3").geometry
    worst = 0.0
    print("Russia 1:10m, engine vs independent boundary ∩ boundary (same data)")
    print(f"{'iso3':5} {'name':18} {'engine km':>10} {'exact km':>10} {'diff %':>8}")
    for r in lb.itertuples():
        exact = _linear_km(geom["RUS"].boundary.intersection(geom[r.neighbor_iso3].boundary))
        diff = 100 * (r.length_km - exact) / exact
        worst = max(worst, abs(diff))
        print(
            f"{r.neighbor_iso3:5} {r.neighbor_name:18} "
            f"{r.length_km:10.1f} {exact:10.1f} {diff:8.4f}"
        )
    rows.append(("neighbours of RUS at 10m", f"{len(lb)} (want 14)"))
    rows.append(("worst diff vs exact", f"{worst:.4f} %"))

    # every ruler, coarsest first, down to the finest
    catalogue = rulers().sort_values("order", ascending=False)
    print("\nRussia–NATO before (NOR EST LVA LTU POL) / after (+FIN), coarse to fine")
    print(f"  {'ruler':9} {'before km':>10} {'after km':>10} {'ratio':>7}  label")
    lengths: dict[str, dict[str, float]] = {}
    for r in catalogue.itertuples():
        lengths[r.id] = _russia_lengths(r.id)
        b = sum(lengths[r.id].get(c, 0.0) for c in NATO_BEFORE)
        a = sum(lengths[r.id].get(c, 0.0) for c in NATO_AFTER)
        print(f"  {r.id:9} {b:10.1f} {a:10.1f} {a / b:7.3f}  {r.label}")
    cia = border_figures("RUS")
    cia = cia[
        (cia["source_kind"] == "cia_factbook")
        & cia["is_latest"].astype(bool)
        & cia["source"].str.contains("Russia page", regex=False)
    ]
    factbook = cia.groupby("neighbor_iso3")["length_km"].sum()
    fb, fa = factbook[NATO_BEFORE].sum(), factbook[NATO_AFTER].sum()
    print(f"  {'Factbook':9} {fb:10.1f} {fa:10.1f} {fa / fb:7.3f}  CIA World Factbook 2014-2025")

    print("\nEach neighbour, km on every ruler (coarse to fine) and against the Factbook")
    ids = list(catalogue["id"])
    trust = finer_borders("osm").set_index("neighbor_iso3")
    print(
        f"  {'iso3':4} " + " ".join(f"{i:>9}" for i in ids) + f" {'Factbook':>9} {'osm vs FB':>9}"
    )
    for n in factbook.sort_values(ascending=False).index:
        cells = " ".join(f"{lengths[i].get(n, float('nan')):9.1f}" for i in ids)
        osm = lengths["osm"].get(n)
        vs = f"{100 * (osm / factbook[n] - 1):+8.1f}%" if osm else "untrusted"
        flag = "" if bool(trust.loc[n, "trusted"]) else f"  ({trust.loc[n, 'reason'][:60]}…)"
        print(f"  {n:4} {cells} {factbook[n]:9.1f} {vs:>9}{flag}")
    for i in ids:
        common = [n for n in factbook.index if n in lengths[i]]
        err = np.array([lengths[i][n] / factbook[n] - 1 for n in common])
        total = sum(lengths[i][n] for n in common) / factbook[common].sum() - 1
        print(
            f"  {i:9} total {100 * total:+6.1f} %, median per-border error "
            f"{100 * np.median(np.abs(err)):5.1f} % over {len(common)} borders"
        )

    # speed: both after loading; the engine's topology cache is cleared first
    times = []
    for _ in range(3):
        borders.clear_cache()
        t0 = time.perf_counter()
        m = borders.border_matrix("10m")
        times.append(time.perf_counter() - t0)
    t_fast = min(times)
    t0 = time.perf_counter()
    n_naive = naive_matrix(world)
    t_naive = time.perf_counter() - t0
    ratio = t_fast / t_naive

    out = subprocess.run(
        [sys.executable, __file__, "--memory-child"], capture_output=True, text=True, check=True
    )
    peak_mb = int(out.stdout.strip().splitlines()[-1]) / 1024

    rows += [
        ("imports (s)", f"{t_import:.2f}"),
        ("10m load incl. checksum (s)", f"{t_load:.3f}"),
        ("border_matrix 10m, cold cache (s)", f"{t_fast:.3f} (best of 3; {len(m)} pairs)"),
        ("naive all-pairs geopandas (s)", f"{t_naive:.2f} ({n_naive} pairs)"),
        (
            "border_matrix / naive",
            f"{ratio:.3f}x (target <= {TARGET}x, aim 0.1x: "
            f"{'met' if ratio <= TARGET else 'MISSED'})",
        ),
        ("peak RSS, process doing 10m matrix", f"{peak_mb:.0f} MB"),
    ]
    print()
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:{width}}  {v}")
    assert np.isfinite(t_fast)


if __name__ == "__main__":
    if "--memory-child" in sys.argv:
        memory_child()
    else:
        main()
