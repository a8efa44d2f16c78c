"""Benchmarks of the geography engine: correctness, speed, memory.  Prints a table.

Run: ``.venv/bin/python benchmarks/bench_borders.py``
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time

import numpy as np
import pyproj
import shapely

NATO_BEFORE = ["NOR", "EST", "LVA", "LTU", "POL"]
NATO_AFTER = [*NATO_BEFORE, "FIN"]
WGS84 = pyproj.Geod(ellps="WGS84")


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


def main() -> None:
    t0 = time.perf_counter()
    from analysis.geo import alliance_border, border_matrix, countries, land_borders
    from analysis.geo.borders import _topology

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

    print("\nNATO before (NOR EST LVA LTU POL) / after (+FIN)")
    for scale in ("10m", "50m", "110m"):
        b = alliance_border("RUS", NATO_BEFORE, scale)["length_km"].sum()
        a = alliance_border("RUS", NATO_AFTER, scale)["length_km"].sum()
        print(f"  {scale:5} before {b:8.1f} km  after {a:8.1f} km  ratio {a / b:.3f}")

    # speed: both after loading; the engine's topology cache is cleared first
    times = []
    for _ in range(3):
        _topology.cache_clear()
        t0 = time.perf_counter()
        m = border_matrix("10m")
        times.append(time.perf_counter() - t0)
    t_fast = min(times)
    t0 = time.perf_counter()
    n_naive = naive_matrix(world)
    t_naive = time.perf_counter() - t0

    out = subprocess.run(
        [sys.executable, __file__, "--memory-child"], capture_output=True, text=True, check=True
    )
    peak_mb = int(out.stdout.strip().splitlines()[-1]) / 1024

    rows += [
        ("imports (s)", f"{t_import:.2f}"),
        ("10m load incl. checksum (s)", f"{t_load:.3f}"),
        ("border_matrix 10m, cold cache (s)", f"{t_fast:.3f} (best of 3; {len(m)} pairs)"),
        ("naive all-pairs geopandas (s)", f"{t_naive:.2f} ({n_naive} pairs)"),
        ("speed-up", f"{t_naive / t_fast:.1f}x"),
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
