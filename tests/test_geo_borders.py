"""Shared borders, land borders, the world matrix and perimeters."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyproj
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import BadInputError, UnknownCountryError
from analysis.geo import (
    SharedBorder,
    border_matrix,
    countries,
    land_borders,
    perimeter,
    shared_border,
)
from analysis.geo import borders as B

WGS84 = pyproj.Geod(ellps="WGS84")
RUSSIA_NEIGHBOURS = {
    "NOR", "FIN", "EST", "LVA", "LTU", "POL", "BLR", "UKR", "GEO", "AZE", "KAZ", "CHN",
    "MNG", "PRK",
}  # fmt: skip


def exact_length_km(a: str, b: str, scale: str = "10m") -> float:
    """Independent method: boundary(A) ∩ boundary(B), linear parts, geodesic length."""
    world = countries(scale).set_index("iso3").geometry
    inter = world[a].boundary.intersection(world[b].boundary)
    parts = [g for g in shapely.get_parts(inter) if g.geom_type in ("LineString", "LinearRing")]
    parts += [
        p for g in shapely.get_parts(inter) if g.geom_type == "MultiLineString" for p in g.geoms
    ]
    return sum(WGS84.geometry_length(p) for p in parts) / 1000.0


def test_russia_has_its_14_neighbours_at_10m() -> None:
    lb = land_borders("Russia")
    assert set(lb["neighbor_iso3"]) == RUSSIA_NEIGHBOURS
    assert lb["length_km"].is_monotonic_decreasing
    assert list(lb.columns) == ["neighbor_iso3", "neighbor_name", "length_km"]


@pytest.mark.parametrize("neighbour", sorted(RUSSIA_NEIGHBOURS))
def test_russia_borders_match_exact_intersection(neighbour: str) -> None:
    ours = shared_border("RUS", neighbour).length_km
    assert ours == pytest.approx(exact_length_km("RUS", neighbour), rel=0.01)


@pytest.mark.parametrize("scale", ["50m", "110m"])
def test_coarse_scales_match_exact_intersection(scale: str) -> None:
    for n in ("FIN", "NOR", "EST", "LTU", "POL", "CHN"):
        ours = shared_border("RUS", n, scale).length_km
        assert ours == pytest.approx(exact_length_km("RUS", n, scale), rel=0.01)


def test_coarser_data_give_shorter_finnish_border() -> None:
    fin = [shared_border("RUS", "FIN", s).length_km for s in ("10m", "50m", "110m")]
    assert fin[0] > fin[1] > fin[2] > 0
    # known magnitude of the Natural Earth Finland-Russia line (notes: 1,225.5 km)
    assert 1150 < fin[0] < 1300


def test_kaliningrad_counts() -> None:
    pol = shared_border("POL", "RUS")
    assert pol.length_km > 150
    assert pol.geometry.bounds[0] > 19.0 and pol.geometry.bounds[2] < 23.5  # all in Prussia


def test_shared_border_object() -> None:
    sb = shared_border("finland", "RUS")
    assert isinstance(sb, SharedBorder)
    assert (sb.a, sb.b, sb.scale) == ("FIN", "RUS", "10m")
    assert sb.geometry.geom_type in ("LineString", "MultiLineString")
    assert WGS84.geometry_length(sb.geometry) / 1000 == pytest.approx(sb.length_km, rel=1e-9)
    with pytest.raises(AttributeError):
        sb.length_km = 0.0  # type: ignore[misc]


def test_non_neighbours_and_point_contacts_are_zero() -> None:
    sb = shared_border("PRT", "RUS")
    assert sb.length_km == 0.0 and sb.geometry.is_empty
    assert shared_border("USA", "RUS").length_km == 0.0  # Diomedes: sea, not land


def test_errors() -> None:
    with pytest.raises(BadInputError, match="'1m'"):
        shared_border("RUS", "FIN", "1m")
    with pytest.raises(BadInputError, match="itself"):
        shared_border("RUS", "Russia")
    with pytest.raises(UnknownCountryError):
        shared_border("RUS", "Narnia")
    with pytest.raises(BadInputError):
        land_borders("RUS", scale="big")


def test_islands_have_no_land_borders() -> None:
    for iso in ("ISL", "AUS", "JPN"):
        assert land_borders(iso).empty


def test_matrix_consistent_with_land_borders() -> None:
    m = border_matrix("10m")
    assert list(m.columns) == ["a_iso3", "a_name", "b_iso3", "b_name", "length_km"]
    assert (m["a_iso3"] < m["b_iso3"]).all()
    assert not m.duplicated(["a_iso3", "b_iso3"]).any()
    assert 300 < len(m) < 360  # ~329 pairs sharing a line in NE 10m
    both = pd.concat(
        [
            m.rename(columns={"a_iso3": "c", "b_iso3": "n"})[["c", "n", "length_km"]],
            m.rename(columns={"b_iso3": "c", "a_iso3": "n"})[["c", "n", "length_km"]],
        ]
    )
    rus = both[both["c"] == "RUS"].set_index("n")["length_km"].sort_index()
    lb = land_borders("RUS").set_index("neighbor_iso3")["length_km"].sort_index()
    pd.testing.assert_series_equal(rus, lb, check_names=False)


def test_matrix_matches_exact_method_on_a_sample() -> None:
    m = border_matrix("110m")
    sample = m.sample(25, random_state=1)
    for row in sample.itertuples():
        exact = exact_length_km(row.a_iso3, row.b_iso3, "110m")
        assert row.length_km == pytest.approx(exact, rel=0.01, abs=0.05)


def test_russia_perimeter_excludes_antimeridian_edges() -> None:
    geom = countries("10m").set_index("iso3").geometry["RUS"]
    naive = WGS84.geometry_length(geom) / 1000.0  # counts the cut at ±180°
    artificial = naive - perimeter("RUS")
    assert 900 < artificial < 1100  # the notes measured 995 km


def test_artificial_mask() -> None:
    seg = np.array(
        [
            [180.0, 65.0, 180.0, 66.0],  # along the antimeridian
            [-180.0, 65.0, -180.0, 66.0],
            [179.0, 65.0, -179.0, 65.0],  # jump across it
            [-10.0, -90.0, 10.0, -90.0],  # south pole edge
            [179.0, 65.0, 180.0, 65.5],  # real edge touching it
            [10.0, 50.0, 11.0, 50.0],
        ]
    )
    assert B.artificial_mask(seg).tolist() == [True, True, True, True, False, False]


def test_group_keys_falls_back_on_collision(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(B, "_MIX", np.zeros(4, dtype=np.uint64))  # every key collides
    keys = np.array([[5, 5, 6, 6], [0, 0, 1, 1], [5, 5, 6, 6], [0, 0, 1, 1]], dtype=np.int64)
    owner = np.array([3, 1, 2, 1])
    order, new = B._group_keys(keys, owner)
    k = keys[order]
    assert new.tolist() == [True, False, True, False]
    assert (k[0] == k[1]).all() and (k[2] == k[3]).all()
    assert owner[order].tolist()[2:] == [2, 3]


# --------------------------------------------------------------------- properties

_MATRIX = border_matrix("50m")
_PAIRS = list(zip(_MATRIX["a_iso3"], _MATRIX["b_iso3"], strict=True))
_CODES = sorted(countries("50m")["iso3"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pair=st.one_of(
        st.sampled_from(_PAIRS),
        st.tuples(st.sampled_from(_CODES), st.sampled_from(_CODES)).filter(lambda p: p[0] != p[1]),
    ),
    scale=st.sampled_from(["10m", "50m", "110m"]),
)
def test_shared_border_is_symmetric_and_non_negative(pair: tuple[str, str], scale: str) -> None:
    a, b = pair
    try:
        ab = shared_border(a, b, scale)
    except UnknownCountryError:  # not every 50m country exists at 110m
        return
    ba = shared_border(b, a, scale)
    assert ab.length_km >= 0.0
    assert ab.length_km == pytest.approx(ba.length_km, rel=1e-12, abs=1e-12)
    assert (ab.length_km == 0.0) == ab.geometry.is_empty


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(code=st.sampled_from(_CODES), scale=st.sampled_from(["10m", "50m", "110m"]))
def test_land_borders_fit_inside_perimeter(code: str, scale: str) -> None:
    try:
        lb = land_borders(code, scale)
    except UnknownCountryError:
        return
    assert (lb["length_km"] > 0).all()
    assert lb["length_km"].sum() <= perimeter(code, scale) + 1e-6


def test_ring_segments_of_a_box() -> None:
    from shapely.geometry import MultiPolygon, box

    geoms = np.array([box(0, 0, 1, 1), MultiPolygon([box(2, 0, 3, 1), box(4, 0, 5, 1)])])
    seg, owner = B.ring_segments(geoms)
    assert seg.shape == (12, 4)
    assert owner.tolist() == [0] * 4 + [1] * 8


def test_border_lines_match_land_borders() -> None:
    from analysis.geo import border_lines, land_borders
    from analysis.geo.borders import GEOD

    lines = border_lines("RUS", "50m")
    table = land_borders("RUS", "50m")
    assert lines["neighbor_iso3"].tolist() == table["neighbor_iso3"].tolist()
    assert lines.crs.to_epsg() == 4326
    fin = lines.set_index("neighbor_iso3").loc["FIN"]
    assert abs(GEOD.geometry_length(fin.geometry) / 1000 - fin["length_km"]) < 0.5


def test_topology_outside_lon_lat_range_still_finds_shared_edges() -> None:
    """Coordinates beyond ±180/±90 (say, metres) are never skipped by the vertex filter."""
    from shapely.geometry import box

    geoms = np.array([box(0, 0, 5e5, 5e5), box(5e5, 0, 1e6, 5e5), box(2e6, 0, 3e6, 1)])
    t = B.topology(np.array(["A", "B", "C"]), np.array(["a", "b", "c"]), geoms)
    assert t.pairs[["a", "b"]].values.tolist() == [[0, 1]]
    assert len(t.shared_idx) == 1


def test_vertex_filter_keeps_every_shared_segment() -> None:
    """The candidate filter is a superset: all segments of two rings are candidates."""
    lay = B.layer("110m")
    seg, owner, maybe = B._segments(lay.raw)
    keys = B._segment_keys(seg)
    _, first, counts = np.unique(keys, axis=0, return_index=True, return_counts=True)
    twice = np.isin(np.arange(len(seg)), first[counts >= 2])
    assert maybe[twice].all()
    assert maybe.mean() < 0.5  # and it does filter
