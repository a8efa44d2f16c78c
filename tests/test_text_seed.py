"""The seed article: the targets of issue 4."""

from __future__ import annotations

import pytest

from analysis.articles import load_article
from analysis.text import Analysis, analyze

SEED = "000_e7a9e3d448b427a1"


@pytest.fixture(scope="session")
def seed() -> Analysis:
    return analyze(load_article(SEED))


def test_article_meta(seed: Analysis) -> None:
    assert seed.article["published"] == "2023-05-10"
    assert seed.article["title"].startswith("In Japan")
    assert "Exit mobile version" not in seed.text


def test_seven_countries(seed: Analysis) -> None:
    assert set(seed.countries["iso3"]) == {"JPN", "UKR", "RUS", "FIN", "KOR", "AUS", "NZL"}
    rus = seed.countries.set_index("iso3").loc["RUS"]
    assert "Moscow" in rus["forms"] and "Russian Federation" in rus["forms"]


def test_people(seed: Analysis) -> None:
    people = seed.people.set_index("name")
    assert set(people.index) == {"Yoshimasa Hayashi", "Dmitry Peskov"}
    aliases = people.loc["Yoshimasa Hayashi", "aliases"]
    assert "Hayashi" in aliases and "the minister" in aliases
    assert people.loc["Yoshimasa Hayashi", "title"] == "Foreign Minister"


def test_organizations(seed: Analysis) -> None:
    names = set(seed.organizations["name"])
    assert {"NATO", "CNN", "Nikkei Asia", "The Insider"} <= names
    nato = seed.organizations.set_index("name").loc["NATO"]
    assert "the alliance" in nato["aliases"] and "the bloc" in nato["aliases"]
    assert not ({"Asia", "Eastern Europe"} & names)


def test_dates(seed: Analysis) -> None:
    assert dict(zip(seed.dates["text"], seed.dates["iso"], strict=True)) == {
        "May 3": "2023-05-03",
        "April 4": "2023-04-04",
    }


def _quote(seed: Analysis, needle: str) -> dict:
    rows = seed.quotes[seed.quotes["text"].str.contains(needle, regex=False)]
    assert len(rows) == 1, (needle, seed.quotes[["kind", "speaker", "text"]])
    return rows.iloc[0].to_dict()


@pytest.mark.parametrize(
    ("needle", "kind", "speaker", "cue"),
    [
        ("What is happening in Eastern Europe", "direct", "Yoshimasa Hayashi", None),
        ("made the world less stable", "indirect", "Yoshimasa Hayashi", "according to"),
        ("cooperate very steadily", "mixed", "Yoshimasa Hayashi", "recalled"),
        ("would not go into details", "indirect", "NATO", "told"),
        ("has long-standing cooperation", "mixed", "NATO", "stressed"),
        ("cyber threats", "indirect", "Nikkei Asia", "noted"),
        ("countermeasures", "mixed", "Dmitry Peskov", "said"),
        ("defense strategy may change", "indirect", "Military experts", "told"),
    ],
)
def test_quotes(seed: Analysis, needle: str, kind: str, speaker: str, cue: str | None) -> None:
    q = _quote(seed, needle)
    assert (q["kind"], q["speaker"]) == (kind, speaker)
    if cue is None:
        assert q["cue"] is None or q["cue"] != q["cue"]  # None or NaN
    else:
        assert q["cue"] == cue
    assert seed.text[q["start"] : q["end"]] == q["text"]


def test_checkable_claims(seed: Analysis) -> None:
    claims = seed.claims

    def kinds_of(needle: str) -> list[str]:
        row = claims[claims["text"].str.contains(needle, regex=False)]
        assert len(row) == 1
        return list(row.iloc[0]["kinds"])

    assert "first" in kinds_of("first of its kind in Asia")
    assert "ordinal" in kinds_of("31st member")
    assert "membership" in kinds_of("31st member")
    assert "comparison" in kinds_of("more than doubled")
    for _, row in claims.iterrows():
        assert seed.text[row["start"] : row["end"]] == row["text"]


def test_entity_offsets(seed: Analysis) -> None:
    for _, row in seed.entities.iterrows():
        assert seed.text[row["start"] : row["end"]] == row["text"]


def test_titles_with_of_and_no_generic_organisations() -> None:
    from analysis.text import analyze

    text = (
        "Prime Minister Ulf Kristersson met U.S. Secretary of State Antony Blinken. "
        "Both said cooperation in the Indo-Pacific mattered."
    )
    a = analyze(text, published="2024-03-07")
    titles = dict(zip(a.people["name"], a.people["title"], strict=True))
    assert titles["Antony Blinken"] == "Secretary of State"
    assert not {"State", "Indo-Pacific"} & set(a.organizations["name"])
