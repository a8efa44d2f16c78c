"""Alliance borders and their timeline."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.errors import BadInputError, UnknownCountryError
from analysis.geo import alliance_border, alliance_border_timeline, land_borders, shared_border

BEFORE = ["NOR", "EST", "LVA", "LTU", "POL"]


def test_alliance_border_rows_and_total() -> None:
    df = alliance_border("Russia", [*BEFORE, "Germany", "usa", "Russia"])
    assert set(df["neighbor_iso3"]) == set(BEFORE)
    assert df["length_km"].sum() == pytest.approx(
        sum(shared_border("RUS", m).length_km for m in BEFORE)
    )
    assert alliance_border("RUS", []).empty


def test_nato_ratio_at_every_scale() -> None:
    for scale in ("10m", "50m", "110m"):
        before = alliance_border("RUS", BEFORE, scale)["length_km"].sum()
        after = alliance_border("RUS", [*BEFORE, "FIN"], scale)["length_km"].sum()
        assert 2.0 < after / before < 2.4, scale


def test_members_missing_from_coarse_layer_are_skipped() -> None:
    df = alliance_border("RUS", ["Malta", "Finland"], "110m-ne4")  # no Malta at NE 4.1.0 1:110m
    assert df["neighbor_iso3"].tolist() == ["FIN"]
    with pytest.raises(UnknownCountryError):
        alliance_border("RUS", ["Finlandd"], "110m-ne4")
    with pytest.raises(UnknownCountryError):
        alliance_border("RUS", ["Finlandd"])
    with pytest.raises(BadInputError):
        alliance_border("RUS", "FIN")


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "iso3": ["USA", "NOR", "POL", "EST", "LVA", "LTU", "FIN", "SWE"],
            "accession_date": [
                "1949-08-24",
                date(1949, 8, 24),
                pd.Timestamp("1999-03-12"),
                "2004-03-29",
                "2004-03-29",
                "2004-03-29",
                "2023-04-04",
                "2024-03-07",
            ],
        }
    )


def test_timeline_steps() -> None:
    tl = alliance_border_timeline("RUS", _table())
    assert tl["date"].tolist() == [
        date(1949, 8, 24),
        date(1999, 3, 12),
        date(2004, 3, 29),
        date(2023, 4, 4),
        date(2024, 3, 7),
    ]
    assert tl["members"].tolist() == [2, 3, 6, 7, 8]
    assert tl["added"].tolist()[2] == ["EST", "LTU", "LVA"]
    lb = land_borders("RUS").set_index("neighbor_iso3")["length_km"]
    assert tl["length_km"].iloc[0] == pytest.approx(lb["NOR"])
    assert tl["length_km"].iloc[-1] == pytest.approx(lb[[*BEFORE, "FIN"]].sum())
    assert tl["length_km"].iloc[-1] == tl["length_km"].iloc[-2]  # Sweden adds nothing
    assert tl["share_of_land_border"].iloc[-1] == pytest.approx(tl["length_km"].iloc[-1] / lb.sum())
    assert tl["bordering_members"].iloc[3][0] == "FIN"


def test_timeline_with_exit_and_coarse_scale() -> None:
    t = pd.DataFrame(
        {
            "iso3": ["NOR", "FIN", "MLT"],
            "accession_date": ["1949-08-24", "2000-01-01", "2001-01-01"],
            "exit_date": [None, "2010-01-01", None],
        }
    )
    tl = alliance_border_timeline("RUS", t, "110m")
    assert tl["members"].tolist() == [1, 2, 3, 2]
    assert tl["removed"].iloc[-1] == ["FIN"]
    assert tl["length_km"].iloc[-1] == pytest.approx(tl["length_km"].iloc[0])


def test_timeline_errors() -> None:
    with pytest.raises(BadInputError, match="accession_date"):
        alliance_border_timeline("RUS", pd.DataFrame({"iso3": ["NOR"]}))
    with pytest.raises(BadInputError, match="DataFrame"):
        alliance_border_timeline("RUS", [("NOR", "1949-08-24")])  # type: ignore[arg-type]
    bad = pd.DataFrame({"iso3": ["NOR"], "accession_date": ["24 Aug 19x9"]})
    with pytest.raises(BadInputError, match="19x9"):
        alliance_border_timeline("RUS", bad)
    none = pd.DataFrame({"iso3": ["NOR"], "accession_date": [None]})
    with pytest.raises(BadInputError, match="NOR"):
        alliance_border_timeline("RUS", none)
    with pytest.raises(UnknownCountryError):
        alliance_border_timeline(
            "RUS", pd.DataFrame({"iso3": ["XXY"], "accession_date": ["2000-01-01"]})
        )


def test_timeline_with_reference_members() -> None:
    import analysis.reference as ref

    tl = alliance_border_timeline("RUS", ref.accession_table("NATO"))
    fin = tl[tl["added"].map(lambda a: "FIN" in a)]
    before = tl.loc[fin.index[0] - 1, "length_km"]
    assert fin["length_km"].iloc[0] / before == pytest.approx(2.147, abs=0.01)


def test_members_none_names_the_argument() -> None:
    with pytest.raises(BadInputError, match="members must be a collection of countries, not None"):
        alliance_border("RUS", None)  # type: ignore[arg-type]
