"""Evidence that joins geography and reference data: pair lengths, ratio tables, book tables."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.checks import evidence as ev
from analysis.countries import name as country_name
from analysis.geo import land_borders, shared_border
from analysis.reference import border_figures, border_series, border_sources

FIVE = ["NOR", "EST", "LVA", "LTU", "POL"]
SIX = [*FIVE, "FIN"]


def test_compare_with_published_long_table() -> None:
    c = ev.compare_with_published("RUS", "10m")
    fin = c[(c["neighbor_iso3"] == "FIN") & (c["source_kind"] == "cia_factbook") & c["is_latest"]]
    computed = shared_border("RUS", "FIN").length_km
    assert fin["published_km"].iloc[0] == 1309
    assert fin["diff_km"].iloc[0] == pytest.approx(computed - 1309)
    assert fin["diff_pct"].iloc[0] == pytest.approx(100 * (computed - 1309) / 1309)
    mng = c[c["neighbor_iso3"] == "MNG"]
    assert mng["computed_km"].iloc[0] > 0
    latest = ev.compare_with_published("RUS", latest_only=True)
    assert latest["is_latest"].dropna().all()
    pol = latest[(latest["neighbor_iso3"] == "POL") & (latest["source_kind"] == "cia_factbook")]
    assert abs(pol["diff_pct"].iloc[0]) < 5  # Poland is the one NE border close to the Factbook


def test_lengths_by_source_combines_published_series_and_rulers() -> None:
    t = ev.lengths_by_source(
        "RUS", ["FIN", "EST"], series=["cia_factbook_latest"], rulers=["10m", "110m"]
    )
    assert set(t["series"]) == {"cia_factbook_latest", "ne_10m", "ne_110m"}
    assert set(t["neighbor_iso3"]) == {"FIN", "EST"}
    assert set(t["kind"]) == {"published", "computed"}
    cia = border_figures("RUS", series="cia_factbook_latest").set_index("neighbor_iso3")
    got = t[t["series"] == "cia_factbook_latest"].set_index("neighbor_iso3")["length_km"]
    assert got["FIN"] == cia.loc["FIN", "length_km"]
    ne = land_borders("RUS", "110m").set_index("neighbor_iso3")["length_km"]
    got110 = t[t["series"] == "ne_110m"].set_index("neighbor_iso3")["length_km"]
    assert abs(got110["EST"] - ne["EST"]) < 1e-9
    labels = border_sources().set_index("source_id")["label"]
    assert set(t.loc[t["series"] == "ne_10m", "source"]) == {labels["ne_10m"]}
    assert (t["neighbor_name"] == [country_name(c) for c in t["neighbor_iso3"]]).all()


def test_lengths_by_source_defaults_cover_every_series() -> None:
    t = ev.lengths_by_source("RUS", rulers=[])
    assert set(t["series"]) == set(border_series("RUS"))
    assert (t["length_km"] > 0).all()


def test_pair_lengths_merges_factbook_pages_and_keeps_disagreement() -> None:
    same = ev.pair_lengths("RUS", "KAZ")
    assert same[same["kind"] == "published"]["length_km"].tolist() == [7644.0]
    differ = ev.pair_lengths("DEU", "POL")
    assert sorted(differ[differ["kind"] == "published"]["length_km"]) == [447.0, 467.0]
    fin = ev.pair_lengths("RUS", "FIN")
    assert (fin[fin["source_kind"] == "cia_factbook"]["length_km"] == 1309.0).sum() == 1
    assert (
        ev.pair_lengths("FIN", "JPN").empty
        or (ev.pair_lengths("FIN", "JPN")["kind"] == "computed").all()
    )


def test_ratio_table_has_every_source_once() -> None:
    t = ev.ratio_table("RUS", FIVE, SIX)
    assert set(t["kind"]) == {"published", "computed"}
    assert t["series"].is_unique
    assert "factbook" not in set(t["series"])  # Russia has its own Factbook series already
    blr = ev.ratio_table("BLR", ["POL"], ["POL", "LTU"])
    assert "factbook" in set(blr["series"])  # the Factbook serves any other country
    row = blr.set_index("series").loc["factbook"]
    assert row["after_km"] > row["before_km"] > 0


def test_bordering_members_of_any_alliance() -> None:
    from datetime import date

    assert set(ev.bordering_members("RUS", "EU", date(2020, 1, 1))) == {
        "FIN",
        "POL",
        "EST",
        "LVA",
        "LTU",
    }
    assert set(ev.bordering_members("RUS", "CSTO", date(2025, 1, 1))) == {"BLR", "KAZ"}


def test_neighbours_join_every_source() -> None:
    assert {"FIN", "NOR", "KAZ", "CHN", "PRK"} <= set(ev.neighbours("RUS"))
    assert isinstance(ev.computed_lengths("RUS", ["10m"]), pd.DataFrame)
