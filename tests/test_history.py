"""Borders through time: each side as the state it then was (analysis.history)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from analysis import history as H
from analysis.errors import BadInputError
from analysis.geo import alliance_border as today_alliance_border
from analysis.geo import border_between, shared_border


def _km(a: str, b: str) -> float:
    return shared_border(a, b).length_km


def test_russia_and_nato_in_1960_is_the_soviet_union_with_norway_and_turkey() -> None:
    b = H.alliance_border("RUS", "NATO", on="1960-01-01")
    assert (b.state.code, b.state.name, b.on) == ("SUN", "Soviet Union", date(1960, 1, 1))
    assert b.header().startswith("measured: Soviet Union (SUN) on 1960-01-01 against NATO")
    lengths = dict(zip(b.borders["neighbor_iso3"], b.borders["length_km"], strict=True))
    assert set(lengths) == {"NOR", "TUR"}
    assert lengths["NOR"] == pytest.approx(_km("RUS", "NOR"))
    assert lengths["TUR"] == pytest.approx(
        _km("ARM", "TUR") + _km("AZE", "TUR") + _km("GEO", "TUR")
    )
    # West Germany (DEU in the table) is a member, cannot be built, and cannot touch the USSR
    assert b.not_measured.empty and "DEU" in b.members
    assert b.total_km > b.length_km > 0


def test_russia_and_nato_in_1995_is_russia_with_norway_alone() -> None:
    b = H.alliance_border("RUS", "NATO", on="1995-01-01")
    assert b.state.code == "RUS"
    assert b.borders["neighbor_iso3"].tolist() == ["NOR"]
    assert b.length_km == pytest.approx(_km("RUS", "NOR"))


def test_warsaw_pact_in_1980_is_the_ussr_with_its_four_neighbours() -> None:
    b = H.alliance_border("RUS", "Warsaw Pact", on="1980-01-01")
    assert b.state.code == "SUN"
    assert set(b.borders["neighbor_iso3"]) == {"CSK", "HUN", "POL", "ROU"}
    csk = b.borders.set_index("neighbor_iso3").loc["CSK", "length_km"]
    assert csk == pytest.approx(_km("UKR", "SVK"))  # the USSR touched Slovakia only
    assert b.borders.set_index("neighbor_iso3").loc["CSK", "member_codes"] == ("CSK",)


def test_a_member_that_cannot_be_built_is_reported_not_measured() -> None:
    b = H.alliance_border("POL", "Warsaw Pact", on="1980-01-01")
    assert set(b.borders["neighbor_iso3"]) == {"SUN", "CSK"}
    nm = b.not_measured.set_index("state_iso3")
    assert nm.index.tolist() == ["DDR"]
    assert "cannot be built" in nm.loc["DDR", "reason"]
    assert nm.loc["DDR", "at_most_km"] == pytest.approx(_km("POL", "DEU"))
    assert b.notes() == [
        f"not measured: {nm.loc['DDR', 'reason']}; its border here is at most "
        f"{_km('POL', 'DEU'):.1f} km"
    ]
    # Czechoslovakia and NATO in 1980: only West Germany could border it, and it is not measured
    c = H.alliance_border("SVK", "NATO", on="1980-01-01")
    assert c.state.code == "CSK" and c.borders.empty and c.length_km == 0.0
    assert c.not_measured["state_iso3"].tolist() == ["FRG"]
    assert c.not_measured["member_codes"].tolist() == [("DEU",)]


def test_a_country_then_divided_is_an_error_never_another_measurement() -> None:
    with pytest.raises(BadInputError, match=r"West Germany \(FRG\).*East Germany \(DDR\)"):
        H.alliance_border("DEU", "NATO", on="1980-01-01")
    after = H.alliance_border("DEU", "NATO", on="1991-01-01")
    assert after.state.code == "DEU" and "CSK" not in set(after.borders["neighbor_iso3"])


@pytest.mark.parametrize(
    ("alliance", "day", "match"),
    [
        ("NATO", "1949-04-03", "NATO did not exist on 1949-04-03"),
        ("NATO", "1949-05-01", "its table starts on 1949-08-24"),
        ("Warsaw Pact", "1995-01-01", "dissolved, last day 1991-07-01"),
        ("NATO", (date.today() + timedelta(days=1)).isoformat(), "future"),
        ("NATO", "1995-02-30", "on"),
    ],
)
def test_out_of_range_dates_are_one_line_errors(alliance: str, day: str, match: str) -> None:
    with pytest.raises(BadInputError, match=match) as info:
        H.alliance_border("RUS", alliance, on=day)
    assert "\n" not in str(info.value)


def test_none_arguments_name_the_argument() -> None:
    with pytest.raises(BadInputError, match="alliance"):
        H.alliance_border("RUS", None, on="1995-01-01")  # type: ignore[arg-type]
    with pytest.raises(BadInputError, match="members"):
        today_alliance_border("RUS", None)  # type: ignore[arg-type]


def test_other_alliances_through_time() -> None:
    eu = H.alliance_border("RUS", "EU", on="2020-01-01")
    assert set(eu.borders["neighbor_iso3"]) == {"FIN", "EST", "LVA", "LTU", "POL"}
    csto = H.alliance_border("RUS", "CSTO", on="2020-01-01")
    assert set(csto.borders["neighbor_iso3"]) == {"BLR", "KAZ"}
    # the CIS before the USSR ended: its members were still Soviet, the state measured itself
    cis = H.alliance_border("RUS", "CIS", on="1991-12-22")
    assert cis.state.code == "SUN" and cis.borders.empty


def test_nato_timeline_is_correct_on_every_date() -> None:
    tl = H.border_timeline("RUS", "NATO")
    steps = {r.date: r for r in tl.itertuples()}
    want = {
        date(1949, 8, 24): ("SUN", {"NOR"}),
        date(1952, 2, 18): ("SUN", {"NOR", "TUR"}),
        date(1991, 12, 26): ("RUS", {"NOR"}),
        date(1999, 3, 12): ("RUS", {"NOR", "POL"}),
        date(2004, 3, 29): ("RUS", {"NOR", "POL", "EST", "LVA", "LTU"}),
        date(2023, 4, 4): ("RUS", {"NOR", "POL", "EST", "LVA", "LTU", "FIN"}),
    }
    for day, (state, bordering) in want.items():
        assert steps[day].state_iso3 == state, day
        assert set(steps[day].bordering_members) == bordering, day
    lengths = tl["length_km"].tolist()
    changes = [d for d, a, b in zip(tl["date"][1:], lengths, lengths[1:], strict=False) if a != b]
    assert changes == [date(1952, 2, 18), *sorted(d for d in want if d > date(1952, 2, 18))]
    assert steps[date(1949, 8, 24)].length_km == pytest.approx(_km("RUS", "NOR"))
    assert steps[date(1991, 12, 26)].length_km < steps[date(1952, 2, 18)].length_km
    # between two steps, the series holds the value the dated measurement gives
    for day in ("1970-06-30", "1991-12-25", "2001-01-01", "2010-01-01", "2024-06-01"):
        d = date.fromisoformat(day)
        row = tl[tl["date"] <= d].iloc[-1]
        b = H.alliance_border("RUS", "NATO", on=d)
        assert row["length_km"] == pytest.approx(b.length_km), day
        assert row["state_iso3"] == b.state.code, day
    assert tl["date"].is_monotonic_increasing and list(tl.columns) == H.TIMELINE_COLUMNS
    assert tl["not_measured"].map(len).sum() == 0


def test_warsaw_pact_timeline_ends_at_dissolution() -> None:
    tl = H.border_timeline("RUS", "Warsaw Pact", "110m")
    assert str(tl["date"].iloc[0]) == "1955-06-05"
    assert set(tl["bordering_members"].iloc[0]) == {"POL", "CSK", "HUN", "ROU"}
    last = tl.iloc[-1]
    assert (str(last["date"]), last["members"], last["length_km"]) == ("1991-07-02", 0, 0.0)


def test_the_warsaw_pact_and_nato_as_blocs() -> None:
    bb = H.bloc_border("Warsaw Pact", "NATO", on="1980-01-01")
    pairs = {(a, b) for a, b in zip(bb.pairs["a_iso3"], bb.pairs["b_iso3"], strict=True)}
    assert pairs == {("SUN", "NOR"), ("SUN", "TUR"), ("BGR", "GRC"), ("BGR", "TUR")}
    assert bb.length_km == pytest.approx(
        border_between("SUN", "NOR") + border_between("SUN", "TUR") + _km("BGR", "GRC")
        + _km("BGR", "TUR")
    )  # fmt: skip
    assert set(bb.not_measured["state_iso3"]) == {"DDR", "FRG"}
    united = H.bloc_border("Warsaw Pact", "NATO", on="1991-01-01")  # Germany whole, in NATO
    assert {("CSK", "DEU"), ("POL", "DEU")} <= set(
        zip(united.pairs["a_iso3"], united.pairs["b_iso3"], strict=True)
    )
    assert united.not_measured.empty
    tl = H.bloc_timeline("Warsaw Pact", "NATO", "110m")
    assert str(tl["date"].iloc[-1]) == "1990-10-03" and tl["not_measured"].iloc[-1] == ()
    assert isinstance(tl, pd.DataFrame) and tl["date"].is_monotonic_increasing
