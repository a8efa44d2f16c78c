"""Countries: names, demonyms, capitals, seats of power; regions and orgs are not countries."""

from __future__ import annotations

import warnings

import pytest

from analysis.errors import UnknownCountryError
from analysis.text import analyze, gazetteer, resolve_country


def isos(text: str) -> list[str]:
    return analyze(text).countries["iso3"].tolist()


def test_gazetteer_covers_iso_list() -> None:
    g = gazetteer()
    assert len(g) >= 249
    assert all(len(code) == 3 and code.isupper() for code in g)
    for code in ("JPN", "UKR", "RUS", "FIN", "KOR", "PRK", "AUS", "NZL", "CHN", "USA", "GBR"):
        assert g[code].capitals


def test_seats_and_capitals_count_as_governments() -> None:
    text = (
        "The Kremlin rejected the plan. Downing Street and the White House disagreed with Beijing."
    )
    assert set(isos(text)) == {"RUS", "GBR", "USA", "CHN"}
    assert set(isos("Seoul, Canberra and Wellington welcomed the decision of Tokyo.")) == {
        "KOR",
        "AUS",
        "NZL",
        "JPN",
    }


def test_demonyms() -> None:
    assert set(isos("Finnish troops met Japanese and South Korean officials.")) == {
        "FIN",
        "JPN",
        "KOR",
    }
    assert isos("North Korean missiles flew.") == ["PRK"]


def test_regions_and_organisations_are_not_countries() -> None:
    text = (
        "Asia, Eastern Europe, the Asia-Pacific and the Pacific region worry NATO and the EU. "
        "Ships crossed the Sea of Japan near the Korean Peninsula."
    )
    assert isos(text) == []


def test_case_and_collisions() -> None:
    assert isos("Let us eat turkey in china bowls.") == []
    assert isos("The US and Turkey agreed.") == ["USA", "TUR"]
    assert isos("Jordan Peterson spoke to The Japan Times.") == []


def test_mentions_and_forms() -> None:
    a = analyze("Russia and the Russian Federation. Moscow said Russian forces moved.")
    row = a.countries.iloc[0]
    assert row["iso3"] == "RUS" and row["mentions"] == 4
    assert set(row["kinds"]) == {"name", "capital", "demonym"}


def test_resolve_country() -> None:
    assert resolve_country("the Kremlin") == "RUS"
    assert resolve_country("nzl") == "NZL"
    with pytest.raises(UnknownCountryError) as err:
        resolve_country("Japn")
    assert "Japan" in str(err.value)


def test_non_english_warns_and_reports_no_nonsense() -> None:
    text = (
        "Die Regierung in Tokio hat am Dienstag neue Gespräche mit der NATO angekündigt. "
        "Man sagte, Chile und Oman seien nicht beteiligt, aber die Lage bleibe schwierig."
    )
    with pytest.warns(UserWarning, match="English"):
        a = analyze(text)
    assert not a.english
    assert set(a.countries["iso3"]) <= {"CHL", "OMN"}  # only full names written in the text
    assert a.people.empty  # the English model's PERSON guesses on German are noise
    assert set(a.organizations["name"]) <= {"NATO"}
    assert set(a.entities["source"]) <= {"ruler"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        analyze("Japan and Finland signed a treaty in Helsinki on security.")


def test_capitals_as_places_are_not_country_mentions() -> None:
    text = (
        "STOCKHOLM (AP) — Sweden joined NATO on Thursday.\n\n"
        "Kishida told a news conference in Tokyo that Moscow had miscalculated. "
        "The summit in Vilnius ended. In Beijing's view, the alliance was expanding."
    )
    a = analyze(text, published="2024-03-07")
    forms = {f for fs in a.countries["forms"] for f in fs}
    assert "STOCKHOLM" not in forms and "Tokyo" not in forms and "Vilnius" not in forms
    assert {"Moscow", "Beijing"} <= forms  # governments: a subject, a possessive
    assert "LTU" not in set(a.countries["iso3"])
