"""Historical states as exact unions of today's countries: geometry, borders, state_on."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import BadInputError, DataFileError, UnknownCountryError
from analysis.geo import border_between, countries, get_state, land_borders, shared_border
from analysis.geo import states as S
from analysis.geo.borders import topology


def _dissolved_topology(state: str, scale: str) -> tuple[np.ndarray, object]:
    """The border engine run on a coverage where ``state``'s parts are one dissolved polygon."""
    world = countries(scale)
    parts = set(get_state(state).parts)
    rest = world[~world["iso3"].isin(parts)]
    iso3 = np.array(sorted([*rest["iso3"], state]))
    geoms = {r.iso3: r.geometry for r in rest.itertuples()}
    geoms[state] = S.state_geometry(state, scale)
    return iso3, topology(iso3, iso3, np.array([geoms[c] for c in iso3]))


@pytest.mark.parametrize("scale", ["10m", "110m"])
def test_the_dissolve_is_exact_a_unions_border_is_the_sum_of_its_parts(scale: str) -> None:
    iso3, topo = _dissolved_topology("SUN", scale)
    m = topo.matrix()  # type: ignore[attr-defined]
    sun = m[(m["a_iso3"] == "SUN") | (m["b_iso3"] == "SUN")]
    measured = {
        (b if a == "SUN" else a): km
        for a, b, km in zip(sun["a_iso3"], sun["b_iso3"], sun["length_km"], strict=True)
    }
    # Norway touches only Russia; Türkiye touches Armenia, Azerbaijan (Nakhchivan) and Georgia
    assert measured["NOR"] == pytest.approx(shared_border("RUS", "NOR", scale).length_km, rel=1e-9)
    parts = sum(shared_border(p, "TUR", scale).length_km for p in ("ARM", "AZE", "GEO"))
    assert measured["TUR"] == pytest.approx(parts, rel=1e-9)
    # and for every outside neighbour: the engine on the dissolve equals the sum of parts
    table = S.state_land_borders("SUN", scale).set_index("neighbor_iso3")["length_km"]
    assert set(measured) == set(table.index)
    for n, km in measured.items():
        assert km == pytest.approx(table[n], rel=1e-9), n
        assert border_between("SUN", n, scale) == pytest.approx(km, rel=1e-9), n


def test_internal_borders_vanish() -> None:
    g = S.state_geometry("CSK")
    cze = countries("10m").set_index("iso3").loc["CZE", "geometry"]
    svk = countries("10m").set_index("iso3").loc["SVK", "geometry"]
    internal = shared_border("CZE", "SVK").geometry
    assert internal.length > 0
    # the Czech–Slovak line is inside the union, not on its outline
    assert g.boundary.intersection(internal).length < 1e-9
    assert g.area == pytest.approx(cze.area + svk.area, rel=1e-9)
    assert g.equals(shapely.union_all([cze, svk]))
    assert "CZE" not in set(S.state_land_borders("CSK")["neighbor_iso3"])


def test_yugoslavia_and_serbia_and_montenegro() -> None:
    yug = S.state_land_borders("YUG").set_index("neighbor_iso3")["length_km"]
    assert set(yug.index) == {"ALB", "AUT", "BGR", "GRC", "HUN", "ITA", "ROU"}
    for n in yug.index:
        parts = sum(shared_border(p, n).length_km for p in get_state("YUG").parts)
        assert yug[n] == pytest.approx(parts, rel=1e-12)
    assert border_between("SCG", "HRV") == pytest.approx(
        shared_border("SRB", "HRV").length_km + shared_border("MNE", "HRV").length_km
    )


def test_border_between_current_countries_is_the_engine() -> None:
    assert border_between("FIN", "RUS") == pytest.approx(shared_border("FIN", "RUS").length_km)
    assert border_between("PRT", "RUS") == 0.0
    assert border_between("RUS", "NOR", "osm") == shared_border("RUS", "NOR", "osm").length_km


def test_border_between_refuses_what_it_cannot_measure() -> None:
    with pytest.raises(BadInputError, match="overlap"):
        border_between("SUN", "RUS")
    with pytest.raises(BadInputError, match=r"East Germany \(DDR\) cannot be built"):
        border_between("DDR", "POL")
    with pytest.raises(BadInputError, match="West Germany"):
        S.state_geometry("FRG")
    with pytest.raises(BadInputError, match="polygon ruler"):
        border_between("SUN", "NOR", "osm")
    with pytest.raises(UnknownCountryError):
        get_state("Sovjet Onion")


@pytest.mark.parametrize(
    ("country", "day", "code"),
    [
        ("RUS", "1960-01-01", "SUN"),
        ("RUS", "1991-12-25", "SUN"),
        ("RUS", "1991-12-26", "RUS"),
        ("RUS", "1995-01-01", "RUS"),
        ("Estonia", "1980-01-01", "SUN"),
        ("CZE", "1980-01-01", "CSK"),
        ("SVK", "1993-01-01", "SVK"),
        ("SVN", "1980-01-01", "YUG"),
        ("SRB", "1992-04-27", "SCG"),
        ("SRB", "2000-01-01", "SCG"),
        ("SRB", "2006-06-03", "SRB"),
        ("XKX", "1990-01-01", "YUG"),
        ("FIN", "1960-01-01", "FIN"),
        ("DEU", "1990-10-03", "DEU"),
        ("SUN", "1960-01-01", "SUN"),
    ],
)
def test_state_on(country: str, day: str, code: str) -> None:
    s = S.state_on(country, day)
    assert s.code == code and s.buildable
    assert s.exists_on(date.fromisoformat(day))


def test_state_on_divided_germany_says_so() -> None:
    s = S.state_on("DEU", "1980-01-01")
    assert (s.code, s.buildable, s.parts) == ("FRG", False, ())
    assert "West Germany (FRG)" in s.reason and "East Germany (DDR)" in s.reason
    assert S.state_on("DEU", "1948-01-01").name == "Allied-occupied Germany"
    assert S.state_on("DEU", "1990-10-02").code == "FRG"
    ddr = S.state_on("DDR", "1980-01-01")
    assert (ddr.code, ddr.buildable, ddr.within) == ("DDR", False, "DEU")


def test_state_on_dates_outside_the_model() -> None:
    with pytest.raises(BadInputError, match="before 1947-09-15"):
        S.state_on("RUS", "1940-01-01")
    with pytest.raises(BadInputError, match="future"):
        S.state_on("RUS", date.today() + timedelta(days=1))
    with pytest.raises(BadInputError, match=r"Soviet Union \(SUN\) did not exist on 1995-01-01"):
        S.state_on("SUN", "1995-01-01")
    with pytest.raises(BadInputError, match="'on'|on"):
        S.state_on("RUS", "1995-02-30")


def test_no_country_belongs_to_two_states_on_one_day() -> None:
    t = S.states()
    for code in {p for parts in t["parts"] for p in parts}:
        spans = sorted((r.valid_from, r.valid_to) for r in t.itertuples() if code in r.parts)
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end <= start, code


def test_states_table_and_divided_states_agree_with_the_country_model() -> None:
    from analysis.countries import former_states

    t = S.states().set_index("code")
    fs = former_states().set_index("code")
    for code in ("SUN", "YUG", "CSK", "SCG", "DDR"):
        assert t.loc[code, "valid_from"] == fs.loc[code, "valid_from"]
        assert t.loc[code, "valid_to"] == fs.loc[code, "valid_to"]
    assert t.loc["DDR", "parts"] == () and t.loc["DDR", "within"] == "DEU"
    d = S.divided_states()
    assert d.loc[d["holds_code"], "code"].tolist() == ["FRG"]


def test_a_bad_divided_states_table_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "divided_states.csv"
    bad.write_text(
        "country,state_code,state_name,holds_code,valid_from,valid_to,source,url,note\n"
        "DEU,FRG,West Germany,maybe,1949-05-23,1990-10-03,x,https://x,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(S, "data_path", lambda name: bad)
    S._divided.cache_clear()
    try:
        with pytest.raises(DataFileError, match="divided_states.csv"):
            S.divided_states()
    finally:
        S._divided.cache_clear()


def test_geometry_at_a_coarse_ruler_and_cache() -> None:
    a = S.state_geometry("SUN", "110m")
    assert a is S.state_geometry("SUN", "110m")
    assert a.is_valid and a.area > countries("110m").set_index("iso3").loc["RUS", "geometry"].area
    assert set(S.state_land_borders("SUN", "110m")["neighbor_iso3"]) <= set(
        land_borders("RUS", "110m")["neighbor_iso3"]
    ) | {n for p in get_state("SUN").parts for n in land_borders(p, "110m")["neighbor_iso3"]}


@settings(max_examples=60, deadline=None)
@given(
    day=st.dates(min_value=S.MODEL_START, max_value=date.today()),
    country=st.sampled_from(
        ["RUS", "UKR", "EST", "KAZ", "CZE", "SVK", "SVN", "HRV", "SRB", "MNE", "XKX", "FIN"]
    ),
)
def test_state_on_is_a_state_holding_the_country_that_existed_then(day: date, country: str) -> None:
    s = S.state_on(country, day)
    assert country in s.parts and s.exists_on(day)
    if s.code != country:  # a former state: the country was not yet independent
        assert s.valid_to is not None and day < s.valid_to
