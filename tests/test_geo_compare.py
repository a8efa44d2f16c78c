"""Computed borders beside published figures."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.errors import BadInputError
from analysis.geo import compare_with_published, country_name, shared_border


def _published() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "neighbor_iso3": ["FIN", "FIN", "CHN", "CHN", "KOR"],
            "neighbor_name": ["Finland", "Finland", "China (se)", "China (s)", "South Korea"],
            "source": [
                "CIA World Factbook (Russia page)",
                "National Land Survey of Finland",
                "CIA World Factbook (Russia page)",
                "CIA World Factbook (Russia page)",
                "English Wikipedia",
            ],
            "edition_or_date": ["2014-2025 editions (latest)", "2018", "latest", "latest", "x"],
            "length_km": [1309, 1343.6, 4133, 46, 1],
        }
    )


def test_compare_long_table() -> None:
    c = compare_with_published("RUS", published=_published())
    fin = c[c["neighbor_iso3"] == "FIN"].set_index("source_kind")
    computed = shared_border("RUS", "FIN").length_km
    assert fin.loc["cia_factbook", "published_km"] == 1309
    assert fin.loc["cia_factbook", "diff_km"] == pytest.approx(computed - 1309)
    assert fin.loc["cia_factbook", "diff_pct"] == pytest.approx(100 * (computed - 1309) / 1309)
    assert bool(fin.loc["cia_factbook", "is_latest"]) and not bool(fin.loc["other", "is_latest"])
    chn = c[c["neighbor_iso3"] == "CHN"]
    assert chn["published_km"].tolist() == [4179]  # the Factbook's two pieces summed
    kor = c[c["neighbor_iso3"] == "KOR"].iloc[0]
    assert kor["computed_km"] == 0.0 and kor["neighbor_name"] == country_name("KOR")
    assert kor["source_kind"] == "wikipedia"
    mng = c[c["neighbor_iso3"] == "MNG"].iloc[0]
    assert pd.isna(mng["published_km"]) and mng["computed_km"] > 0
    latest = compare_with_published("RUS", published=_published(), latest_only=True)
    assert set(latest["source_kind"].dropna()) == {"cia_factbook"}


def test_compare_unknown_published_code_keeps_code() -> None:
    pub = pd.DataFrame(
        {
            "neighbor_iso3": ["ZZZ"],
            "length_km": [5.0],
            "source_kind": ["other"],
            "is_latest": [True],
        }
    )
    c = compare_with_published("RUS", published=pub)
    assert c[c["neighbor_iso3"] == "ZZZ"]["neighbor_name"].iloc[0] == "ZZZ"


def test_compare_bad_input() -> None:
    with pytest.raises(BadInputError, match="length_km"):
        compare_with_published("RUS", published=pd.DataFrame({"neighbor_iso3": ["FIN"]}))
    with pytest.raises(BadInputError, match="not a number"):
        compare_with_published(
            "RUS", published=pd.DataFrame({"neighbor_iso3": ["FIN"], "length_km": ["long"]})
        )
    with pytest.raises(BadInputError):
        compare_with_published("RUS", published=[1, 2])  # type: ignore[arg-type]


def test_compare_with_reference_figures() -> None:
    import analysis.reference  # noqa: F401

    c = compare_with_published("RUS", "10m", latest_only=True)
    cia = c[c["source_kind"] == "cia_factbook"].drop_duplicates("neighbor_iso3")
    assert {"FIN", "NOR", "POL"} <= set(cia["neighbor_iso3"])
    pol = cia.set_index("neighbor_iso3").loc["POL"]
    assert abs(pol["diff_pct"]) < 5  # Poland is the one NE border close to the Factbook


def test_lengths_by_source_combines_published_series_and_scales() -> None:
    from analysis.geo import land_borders, lengths_by_source
    from analysis.reference import border_figures

    t = lengths_by_source(
        "Russia", ["FIN", "Estonia"], series=["cia_factbook_latest"], scales=["10m", "110m"]
    )
    assert set(t["series"]) == {"cia_factbook_latest", "ne_10m", "ne_110m"}
    assert set(t["neighbor_iso3"]) == {"FIN", "EST"}
    cia = border_figures("RUS", series="cia_factbook_latest").set_index("neighbor_iso3")
    got = t[t["series"] == "cia_factbook_latest"].set_index("neighbor_iso3")["length_km"]
    assert got["FIN"] == cia.loc["FIN", "length_km"]
    ne = land_borders("RUS", "110m").set_index("neighbor_iso3")["length_km"]
    got110 = t[t["series"] == "ne_110m"].set_index("neighbor_iso3")["length_km"]
    assert abs(got110["EST"] - ne["EST"]) < 1e-9
    assert (t["neighbor_name"] != "").all()


def test_lengths_by_source_defaults_cover_every_series() -> None:
    from analysis.geo import lengths_by_source
    from analysis.reference import border_series

    t = lengths_by_source("RUS", scales=[])
    assert set(t["series"]) == set(border_series("RUS"))
    assert (t["length_km"] > 0).all()
