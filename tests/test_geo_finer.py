"""The finer ruler: Russia's borders from OpenStreetMap (``osm``)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import box

import analysis.geo
from analysis.errors import BadInputError, DataFileError
from analysis.geo import (
    UntrustedBorderWarning,
    alliance_border,
    border_lines,
    border_matrix,
    countries,
    finer_borders,
    land_borders,
    layers,
    perimeter,
    richardson_ratio,
    shared_border,
)
from analysis.geo.geodesy import length_km
from analysis.reference import border_figures

TOOLS = Path(__file__).resolve().parents[1] / "tools"
NATO_BEFORE = ["NOR", "EST", "LVA", "LTU", "POL"]
NATO_AFTER = [*NATO_BEFORE, "FIN"]


def _tool(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _quiet_land_borders(scale: str = "osm"):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UntrustedBorderWarning)
        return land_borders("RUS", scale)


def test_osm_holds_every_neighbour_of_russia() -> None:
    t = finer_borders("osm")
    assert set(t["neighbor_iso3"]) == set(land_borders("RUS", "10m")["neighbor_iso3"])
    assert set(t["country_iso3"]) == {"RUS"}
    assert t.crs.to_epsg() == 4326
    assert t["reason"].str.len().gt(10).all()
    assert np.allclose(t["length_km"], [length_km(g) for g in t.geometry])


def test_untrusted_border_is_left_out_with_a_warning() -> None:
    with pytest.warns(UntrustedBorderWarning, match="RUS–UKR") as caught:
        lb = land_borders("RUS", "osm")
    assert len(caught) == 1 and "include_untrusted=True" in str(caught[0].message)
    assert "UKR" not in set(lb["neighbor_iso3"]) and lb["trusted"].all()
    full = land_borders("RUS", "osm", include_untrusted=True)
    assert len(full) == len(lb) + 1
    ukr = full.set_index("neighbor_iso3").loc["UKR"]
    assert not ukr["trusted"] and "overlap" in ukr["reason"]
    assert list(full.columns) == [
        "neighbor_iso3",
        "neighbor_name",
        "length_km",
        "trusted",
        "reason",
    ]
    assert full["length_km"].is_monotonic_decreasing


def test_trust_flags_agree_with_the_published_figures() -> None:
    """Recheck the vendored flags: trusted borders are near the Factbook or a national figure."""
    f = border_figures("RUS")
    cia = f[
        (f["source_kind"] == "cia_factbook")
        & f["is_latest"].astype(bool)
        & f["source"].str.contains("Russia page", regex=False)
    ]
    factbook = cia.groupby("neighbor_iso3")["length_km"].sum()
    national = f[f["series"].map(lambda s: "national_excl_sea" in s)]
    for row in finer_borders("osm").itertuples():
        if not row.trusted:
            continue
        near_cia = abs(row.length_km / factbook[row.neighbor_iso3] - 1) <= 0.10
        nat = national[national["neighbor_iso3"] == row.neighbor_iso3]["length_km"]
        near_nat = bool((abs(row.length_km / nat - 1) <= 0.05).any())
        assert near_cia or near_nat, row.neighbor_iso3


def test_finer_ruler_comes_close_to_the_official_ratio() -> None:
    lb = _quiet_land_borders().set_index("neighbor_iso3")["length_km"]
    before, after = lb[NATO_BEFORE].sum(), lb[NATO_AFTER].sum()
    cia = border_figures("RUS", series="cia_factbook_latest").set_index("neighbor_iso3")
    official = cia.loc[NATO_AFTER, "length_km"].sum() / cia.loc[NATO_BEFORE, "length_km"].sum()
    assert after / before == pytest.approx(official, abs=0.02)
    # Natural Earth 1:10m is further off: rivers and lakes are generalised away
    ne = land_borders("RUS", "10m").set_index("neighbor_iso3")["length_km"]
    assert abs(ne[NATO_AFTER].sum() / ne[NATO_BEFORE].sum() - official) > 0.1


def test_osm_lines_follow_the_natural_earth_borders_and_leave_out_the_sea() -> None:
    world = countries("10m").set_index("iso3").geometry
    lines = border_lines("RUS", "osm", include_untrusted=True).set_index("neighbor_iso3")
    for n in ("FIN", "EST", "NOR", "POL", "LTU", "CHN"):
        ne_line = shared_border("RUS", n).geometry
        pts = shapely.points(shapely.get_coordinates(lines.loc[n].geometry))
        # every vertex is within 0.2° of the 1:10m border (1:10m is generalised, and
        # misplaces the Tumen tripoint by ~0.15°)
        assert (shapely.distance(pts, ne_line) < 0.2).all(), n
        # and within the 1 km margin of the land-and-lakes mask, never out at sea
        land = world["RUS"].union(world[n])
        assert (shapely.distance(pts, land) < 0.03).all(), n
    # the untrusted Ukrainian line runs round Crimea, degrees away from the 1:10m border
    ukr = shapely.points(shapely.get_coordinates(lines.loc["UKR"].geometry))
    assert shapely.distance(ukr, shared_border("RUS", "UKR").geometry).max() > 1.0


def test_shared_border_on_the_finer_ruler() -> None:
    sb = shared_border("Finland", "Russia", "osm")
    assert (sb.a, sb.b, sb.scale, sb.trusted) == ("FIN", "RUS", "osm", True)
    assert sb.length_km == pytest.approx(
        _quiet_land_borders().set_index("neighbor_iso3").loc["FIN", "length_km"]
    )
    assert length_km(sb.geometry) == pytest.approx(sb.length_km)
    assert "Factbook" in sb.reason
    ukr = shared_border("RUS", "UKR", "osm")
    assert not ukr.trusted and ukr.length_km > 0
    assert shared_border("RUS", "PRT", "osm").length_km == 0.0


@pytest.mark.parametrize(
    "call",
    [
        lambda: land_borders("FIN", "osm"),
        lambda: shared_border("FIN", "SWE", "osm"),
        lambda: border_lines("Finland", "osm"),
        lambda: alliance_border("FIN", ["NOR"], "osm"),
    ],
)
def test_countries_the_ruler_does_not_cover(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadInputError, match="^ruler 'osm' covers only Russia's borders$"):
        call()


def test_world_operations_need_polygons() -> None:
    for call in (
        lambda: border_matrix("osm"),
        lambda: perimeter("RUS", "osm"),
        lambda: countries("osm"),
    ):
        with pytest.raises(BadInputError, match="ruler 'osm' covers only Russia's borders"):
            call()
    with pytest.raises(BadInputError, match="polygon layer"):
        finer_borders("10m")


def test_alliance_border_and_dividers_on_the_finer_ruler() -> None:
    with pytest.warns(UntrustedBorderWarning):
        nato = alliance_border("RUS", NATO_AFTER, "osm")
    assert set(nato["neighbor_iso3"]) == set(NATO_AFTER)
    with pytest.warns(UntrustedBorderWarning, match="RUS–UKR left out"):
        df = richardson_ratio("RUS", ["NOR"], ["NOR", "UKR"], steps_km=(50,), scale="osm")
    assert df["ratio"].iloc[-1] == pytest.approx(1.0)  # Ukraine's untrusted line is not summed


@pytest.fixture
def fake_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    shutil.copytree(layers.package_file("data"), folder)
    monkeypatch.setattr(layers, "package_file", lambda *parts: tmp_path.joinpath(*parts))
    analysis.geo.clear_cache()
    yield folder
    monkeypatch.undo()
    analysis.geo.clear_cache()


def test_damaged_line_files(fake_data: Path) -> None:
    from analysis._data import write_checksums

    name = "osm_russia_borders.parquet"
    (fake_data / name).write_bytes(b"not parquet")
    with pytest.raises(DataFileError, match=f"corrupt: .*{name}"):
        finer_borders()
    write_checksums(fake_data)
    with pytest.raises(DataFileError, match=f"unreadable: .*{name}"):
        finer_borders()
    countries("110m").iloc[:3].to_parquet(fake_data / name)  # polygons, not border lines
    write_checksums(fake_data)
    analysis.geo.clear_cache()
    with pytest.raises(DataFileError, match="not a border-line table"):
        finer_borders()


# ------------------------------------------------------------- the vendor script's method


def test_shared_line_closes_gaps_between_vertices_and_cuts_the_sea() -> None:
    osm = _tool("vendor_osm_borders")
    home = box(24.0, 59.0, 25.0, 60.0)
    other = box(25.0002, 59.0, 26.0, 60.0)  # ~11 m east: no shared vertex, no exact contact
    assert home.boundary.intersection(other.boundary).is_empty
    everywhere = box(23.0, 58.0, 27.0, 61.0)
    line, overlap = osm.shared_line(home, other, everywhere, tolerance_m=50.0, margin_m=0.0)
    assert length_km(line) == pytest.approx(111.3, abs=0.5)  # one degree of latitude
    assert overlap == 0.0
    land_south = box(23.0, 58.0, 27.0, 59.5)  # north of 59.5° is sea
    cut, _ = osm.shared_line(home, other, land_south, tolerance_m=50.0, margin_m=0.0)
    assert length_km(cut) == pytest.approx(length_km(line) / 2, rel=0.01)
    too_tight, _ = osm.shared_line(home, other, everywhere, tolerance_m=5.0, margin_m=0.0)
    assert too_tight.is_empty


def test_trust_rule() -> None:
    osm = _tool("vendor_osm_borders")
    ok, why = osm.trust(100.0, 105.0, [], 0.0)
    assert ok and why.startswith("agrees with CIA Factbook")
    ok, why = osm.trust(100.0, 130.0, [("national, excl. sea", 102.0)], 0.0)
    assert ok and "differs from CIA Factbook" in why
    ok, why = osm.trust(100.0, 130.0, [("national, excl. sea", 120.0)], 0.0)
    assert not ok and why.startswith("disagrees")
    ok, why = osm.trust(100.0, 100.0, [], 5.0)
    assert not ok and "overlap" in why
    assert osm.trust(100.0, None, [], 0.0)[0] is False
