"""The 1:50m and 1:110m rulers derived from Natural Earth 5.1.1 1:10m."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

from analysis.geo import alliance_border, border_matrix, countries, shared_border
from analysis.geo.borders import GEOD
from analysis.geo.layers import layer

TOOLS = Path(__file__).resolve().parents[1] / "tools"
NATO_BEFORE = ["NOR", "EST", "LVA", "LTU", "POL"]


def _tool(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _pairs(scale: str) -> pd.Series:
    return border_matrix(scale).set_index(["a_iso3", "b_iso3"])["length_km"]


@pytest.mark.parametrize("scale", ["50m", "110m"])
def test_every_10m_border_survives_and_none_is_new(scale: str) -> None:
    assert not countries(scale).geometry.is_empty.any()  # no neighbour's polygon vanished
    base, derived = _pairs("10m"), _pairs(scale)
    assert set(derived.index) == set(base.index)
    assert (derived > 0).all()
    # removing vertices only ever replaces a path by a shorter chord
    assert (derived <= base.reindex(derived.index) + 1e-6).all()


@pytest.mark.parametrize("scale", ["50m", "110m"])
def test_derived_neighbours_share_vertices(scale: str) -> None:
    """The exact boundary intersection agrees with the shared-segment method."""
    world = countries(scale).set_index("iso3").geometry
    for n in ("FIN", "NOR", "EST", "LVA", "LTU", "POL", "CHN", "KAZ"):
        inter = world["RUS"].boundary.intersection(world[n].boundary)
        lines = [g for g in shapely.get_parts(inter) if g.geom_type == "LineString"]
        lines += [
            p for g in shapely.get_parts(inter) if g.geom_type == "MultiLineString" for p in g.geoms
        ]
        exact = sum(GEOD.geometry_length(g) for g in lines) / 1000.0
        assert shared_border("RUS", n, scale).length_km == pytest.approx(exact, rel=1e-6)


@pytest.mark.parametrize("scale", ["50m", "110m"])
def test_generalisation_resembles_the_published_scale(scale: str) -> None:
    base, derived, published = _pairs("10m"), _pairs(scale), _pairs(f"{scale}-ne4")
    common = published.index.intersection(base.index)
    assert len(common) > 300
    ours = derived[common].sum() / base[common].sum()
    theirs = published[common].sum() / base[common].sum()
    assert ours == pytest.approx(theirs, abs=0.01)
    assert 0.8 < ours < 0.95


def test_derived_layers_are_reproducible_from_10m() -> None:
    derive = _tool("derive_ne_scales")
    frame = layer("10m").frame
    for scale, tol in derive.TOLERANCES.items():
        again = derive.derive(frame, tol)
        assert again["iso3"].tolist() == layer(scale).frame["iso3"].tolist()
        same = shapely.equals_exact(
            np.asarray(again.geometry.values), np.asarray(layer(scale).raw), tolerance=0.0
        )
        assert same.all(), scale


def test_derive_refuses_a_broken_coverage() -> None:
    import geopandas as gpd

    derive = _tool("derive_ne_scales")
    overlapping = gpd.GeoDataFrame(
        {"iso3": ["A", "B"], "name": ["a", "b"], "adm0_a3": ["A", "B"]},
        geometry=[shapely.box(0, 0, 2, 1), shapely.box(1, 0, 3, 1)],
        crs="EPSG:4326",
    )
    with pytest.raises(ValueError, match="not a valid coverage"):
        derive.derive(overlapping, 0.1)


def test_western_sahara_follows_the_point_of_view() -> None:
    km = {s: shared_border("ESH", "MAR", s).length_km for s in ("10m", "50m", "110m")}
    assert max(km.values()) - min(km.values()) < 1.0  # a straight line at every scale
    assert 400 < km["10m"] < 500
    for extra in ("50m-ne4", "110m-ne4"):  # default view: Western Sahara inside Morocco
        assert shared_border("ESH", "MAR", extra).length_km > 2 * km["10m"]


def test_coarser_rulers_raise_the_nato_ratio() -> None:
    ratios = []
    for scale in ("10m", "50m", "110m"):
        before = alliance_border("RUS", NATO_BEFORE, scale)["length_km"].sum()
        after = alliance_border("RUS", [*NATO_BEFORE, "FIN"], scale)["length_km"].sum()
        ratios.append(after / before)
    assert ratios[0] < ratios[1] < ratios[2]
    assert ratios[0] > 2.1 and ratios[2] < 2.3
