"""Richardson's dividers."""

from __future__ import annotations

import numpy as np
import pyproj
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import BadInputError
from analysis.geo import richardson, richardson_ratio, shared_border
from analysis.geo.ruler import divider_walk, fit_richardson

WGS84 = pyproj.Geod(ellps="WGS84")


def test_straight_meridian_walk() -> None:
    line = np.array([[25.0, 60.0], [25.0, 60.5], [25.0, 61.0]])
    full = WGS84.line_length(line[:, 0], line[:, 1]) / 1000.0
    n, rest = divider_walk(line, 10.0)
    assert n == int(full // 10.0)
    assert n * 10.0 + rest == pytest.approx(full, abs=1e-3)


def test_zigzag_is_shortened_by_a_long_ruler() -> None:
    lon = np.linspace(20.0, 21.0, 41)
    lat = 60.0 + 0.02 * (np.arange(41) % 2)
    line = np.column_stack([lon, lat])
    full = WGS84.line_length(lon, lat) / 1000.0
    n_fine, r_fine = divider_walk(line, 0.5)
    n_coarse, r_coarse = divider_walk(line, 20.0)
    fine = n_fine * 0.5 + r_fine
    coarse = n_coarse * 20.0 + r_coarse
    assert coarse < fine <= full + 1e-6
    assert coarse == pytest.approx(WGS84.line_length([20, 21], [60, 60]) / 1000.0, rel=0.05)


@settings(max_examples=40, deadline=None)
@given(
    pts=st.lists(st.tuples(st.floats(-0.5, 0.5), st.floats(-0.5, 0.5)), min_size=2, max_size=12),
    step=st.floats(0.5, 80.0),
)
def test_divider_length_never_exceeds_the_line(pts: list[tuple[float, float]], step: float) -> None:
    line = np.array(pts) + np.array([30.0, 50.0])
    full = WGS84.line_length(line[:, 0], line[:, 1]) / 1000.0
    n, rest = divider_walk(line, step)
    assert n >= 0 and rest >= 0
    assert n * step + rest <= full + 1e-3


def test_fit_recovers_known_dimension() -> None:
    s = np.array([1.0, 2.0, 5.0, 10.0, 50.0])
    D, F = fit_richardson(s, 800.0 * s ** (1 - 1.25))
    assert pytest.approx(1.25) == D and pytest.approx(800.0) == F
    assert np.isnan(fit_richardson([5.0], [10.0])[0])


def test_richardson_finland() -> None:
    r = richardson("FIN", "RUS", steps_km=(50, 10, 2))
    t = r.table
    assert t["step_km"].tolist() == [50.0, 10.0, 2.0]
    assert t["length_km"].is_monotonic_increasing  # shorter ruler, longer border
    assert (t["length_km"] <= r.full_length_km + 1e-6).all()
    assert r.full_length_km == pytest.approx(shared_border("FIN", "RUS").length_km)
    assert 1.0 <= r.D < 1.5 and r.F > 0
    again = richardson("Finland", "Russia", steps_km=(50, 10, 2))
    assert again.table.equals(t)  # deterministic


def test_richardson_non_neighbours_and_bad_steps() -> None:
    r = richardson("PRT", "RUS", steps_km=(10, 5))
    assert (r.table["length_km"] == 0).all() and np.isnan(r.D)
    for bad in ((), (0,), (-5,), (float("nan"),)):
        with pytest.raises(BadInputError):
            richardson("FIN", "RUS", steps_km=bad)
    with pytest.raises(BadInputError):
        divider_walk(np.array([[0.0, 0.0], [1.0, 0.0]]), 0.0)


def test_richardson_ratio_nato() -> None:
    before = ["NOR", "EST", "LVA", "LTU", "POL"]
    after = [*before, "FIN", "DEU", "RUS"]  # non-neighbours and the country itself add nothing
    df = richardson_ratio("RUS", before, after, steps_km=(20, 5))
    assert list(df.columns) == ["step_km", "before_km", "after_km", "ratio"]
    assert df["step_km"].tolist() == [20.0, 5.0, 0.0]
    full = df.iloc[-1]
    expected_before = sum(shared_border("RUS", c).length_km for c in before)
    assert full["before_km"] == pytest.approx(expected_before)
    assert full["after_km"] - full["before_km"] == pytest.approx(
        shared_border("RUS", "FIN").length_km
    )
    assert (df["ratio"] > 2.0).all() and (df["ratio"] < 2.4).all()
    empty = richardson_ratio("RUS", [], ["FIN"], steps_km=(50,))
    assert empty["ratio"].isna().all()


def test_richardson_on_the_finer_ruler() -> None:
    fine = richardson("FIN", "RUS", steps_km=(20, 5), scale="osm")
    coarse = richardson("FIN", "RUS", steps_km=(20, 5), scale="110m")
    assert fine.full_length_km == pytest.approx(shared_border("FIN", "RUS", "osm").length_km)
    assert fine.full_length_km > coarse.full_length_km
    assert (fine.table["length_km"] > coarse.table["length_km"]).all()
    with pytest.raises(BadInputError, match="covers only Russia's borders"):
        richardson("FIN", "SWE", steps_km=(20,), scale="osm")


def test_ratio_by_ruler_falls_as_the_ruler_gets_finer() -> None:
    from analysis.geo import ratio_by_ruler

    before = ["NOR", "EST", "LVA", "LTU", "POL"]
    t = ratio_by_ruler("RUS", before, [*before, "FIN"], extras=False).set_index("ruler")
    assert list(t.index) == ["110m", "50m", "10m", "osm"]
    assert t.loc["110m", "ratio"] > t.loc["10m", "ratio"] > t.loc["osm", "ratio"]
    assert round(float(t.loc["osm", "ratio"]), 3) == 1.994
    # a regional ruler that cannot be trusted for a border involved is left out
    uk = ratio_by_ruler("RUS", ["NOR"], ["NOR", "UKR"], extras=False)
    assert "osm" not in set(uk["ruler"])
