"""Countries: names, demonyms, capitals, seats of power; regions and orgs are not countries."""

from __future__ import annotations

import warnings

import pytest

from analysis.errors import AmbiguousCountryError, UnknownCountryError
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


# ---------------------------------------------------------------- the one country model


def rows(text: str) -> list[dict]:
    return analyze(text).countries.to_dict("records")


def test_countries_table_has_candidates_column() -> None:
    table = analyze("Japan and Finland met.").countries
    assert list(table.columns)[-1] == "candidates"
    assert table["candidates"].map(lambda c: c == []).all()


def test_korea_alone_is_reported_ambiguous_not_guessed() -> None:
    (row,) = rows("Korea protested the decision.")
    assert row["iso3"] is None and row["name"] == "Korea"
    assert row["candidates"] == ["KOR", "PRK"] and row["kinds"] == ["name"]
    with pytest.raises(AmbiguousCountryError):
        resolve_country("Korean")


@pytest.mark.parametrize(
    "context",
    ["South Korea hosted the talks.", "Officials in Seoul agreed.", "President Yoon spoke."],
)
def test_korea_is_resolved_from_context(context: str) -> None:
    table = analyze(f"Korea protested the decision. {context}").countries
    assert "KOR" in set(table["iso3"])
    assert table["iso3"].notna().all() and table["candidates"].map(len).eq(0).all()
    korea = table.set_index("iso3").loc["KOR"]
    assert "Korea" in korea["forms"]


def test_korea_stays_ambiguous_when_the_text_names_both() -> None:
    table = analyze("South Korea and North Korea met. Korea was divided in 1945.").countries
    unresolved = table[table["iso3"].isna()]
    assert unresolved["name"].tolist() == ["Korea"]
    assert unresolved["candidates"].tolist() == [["KOR", "PRK"]]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Congo protested. The government in Kinshasa was firm.", "COD"),
        ("Troops from the DRC crossed. Congo said so.", "COD"),
        ("Congo protested. Brazzaville said so.", "COG"),
    ],
)
def test_congo_is_resolved_from_context(text: str, code: str) -> None:
    assert isos(text) == [code]


def test_congo_alone_is_ambiguous_in_every_output() -> None:
    a = analyze("Congo rejected the plan on May 3, officials said.", published="2023-05-10")
    (row,) = a.countries.to_dict("records")
    assert row["iso3"] is None and sorted(row["candidates"]) == ["COD", "COG"]
    assert a.claims["countries"].tolist() == [[]]  # the claim names no country it can't decide
    congo = a.entities[a.entities["text"] == "Congo"]
    assert congo["canonical"].tolist() == ["Congo"]  # the form itself, not a guessed country


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Soviet Union collapsed.", "SUN"),
        ("The USSR collapsed.", "SUN"),
        ("Yugoslavia broke apart.", "YUG"),
        ("Czechoslovakia split peacefully.", "CSK"),
        ("East Germany joined the West.", "DDR"),
    ],
)
def test_former_states_resolve_to_iso_3166_3_codes(text: str, code: str) -> None:
    (row,) = rows(text)
    assert row["iso3"] == code and row["kinds"] == ["name"] and row["candidates"] == []


def test_kosovo_and_former_names_in_one_text() -> None:
    text = "Kosovo declared independence from Serbia in 2008; West Germany and East Germany merged."
    assert set(isos(text)) == {"XKX", "SRB", "DEU", "DDR"}


def test_gazetteer_is_the_country_model_and_read_only() -> None:
    from analysis.countries import get

    g = gazetteer()
    assert g["XKX"] is get("XKX") and "SUN" in g and "KOS" not in g
    with pytest.raises(TypeError):
        g["XXX"] = g["JPN"]  # type: ignore[index]


def test_dateline_is_flagged_and_not_counted() -> None:
    from analysis.text import analyze

    a = analyze(
        "Drone down\n\nDUBAI, United Arab Emirates — A drone went down over Yemen on Tuesday.",
        "2024-05-29",
    )
    assert a.article["dateline"] == {
        "text": "DUBAI, United Arab Emirates", "start": 12, "end": 39, "countries": ["ARE"],
    }  # fmt: skip
    assert a.countries["iso3"].tolist() == ["YEM"]
    # a country named in the dateline and in the body is counted once, from the body
    b = analyze("Talks\n\nSEOUL — South Korea said talks went well.", "2024-05-29")
    assert b.countries["iso3"].tolist() == ["KOR"]
    assert b.countries["mentions"].tolist() == [1]
    assert analyze("Talks\n\nSouth Korea said — again — no.").article["dateline"] is None


def test_a_name_inside_a_longer_name_of_another_country_is_no_evidence() -> None:
    # "Republic of Korea" (the South's formal name) sits inside the North's formal name:
    # it does not make a lone "Korean" ambiguous between the two
    text = (
        "The Democratic People's Republic of Korea fired a missile. "
        "Korean broadcasters showed the launch."
    )
    table = analyze(text).countries
    assert table["iso3"].tolist() == ["PRK"]
    assert table["candidates"].map(len).eq(0).all()
    # the South named on its own still leaves the form undecided
    both = analyze(text + " The Republic of Korea protested.").countries
    assert both["iso3"].isna().any()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Samples came down in Inner Mongolia, state media said.", []),
        ("Protests spread in East Azerbaijan and West Azerbaijan.", []),
        ("Fishing boats crowd the Gulf of Thailand and Lake Chad.", []),
        ("Boats sailed up the Niger River and into the Congo Basin.", []),
        ("Warships entered the Philippine Sea.", []),
        ("Mongolia and China signed a deal in Inner Mongolia.", ["MNG", "CHN"]),
        ("Niger said the Niger River was flooding.", ["NER"]),
    ],
)
def test_sub_national_regions_and_features_named_after_countries(
    text: str, expected: list[str]
) -> None:
    assert isos(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The storm hit Atlanta, Georgia, on Monday.", []),
        ("Georgia's governor Brian Kemp signed the bill.", []),
        ("Voters in the state of Georgia went to the polls.", []),
        ("Georgia's president spoke in Tbilisi.", ["GEO"]),
        ("Russia sent troops into Georgia in 2008.", ["RUS", "GEO"]),
    ],
)
def test_georgia_the_us_state_is_not_the_country(text: str, expected: list[str]) -> None:
    assert isos(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He answered in French and left.", []),
        ("The lessons were taught in English and French.", []),
        ("VOA's Korean Service and French speakers asked him.", []),
        ("French troops and German officials arrived.", ["FRA", "DEU"]),
        ("He sailed in French waters.", ["FRA"]),
    ],
)
def test_a_demonym_that_names_a_language_is_not_a_country(text: str, expected: list[str]) -> None:
    assert isos(text) == expected


def test_a_country_inside_a_company_name_is_not_a_mention() -> None:
    assert isos("Air India and Singapore Airlines cancelled flights.") == []
    assert isos("Officials at the Turkish Airlines counter said so.") == []
    # a government body named after its country still speaks for it
    assert isos("The Russian Defense Ministry said the drills were over.") == ["RUS"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijani and Armenian troops clashed.", ["AZE", "ARM"]),
        ("Sri Lankan and Nepali leaders met.", ["LKA", "NPL"]),
        ("Jordan Peterson and Chad Smith spoke.", []),
        # the surname of a person named in full is that person, not a demonym
        ("UN rights chief Volker Turk spoke. “I am appalled,” said Turk.", []),
    ],
)
def test_a_demonym_the_model_tagged_as_a_person_is_still_a_country(
    text: str, expected: list[str]
) -> None:
    # only a form inside a longer person's name is part of the name
    assert isos(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("South Korea and North Korea held inter-Korean talks.", ["KOR", "PRK"]),
        ("North Korea's Korean Central News Agency said South Korea lied.", ["PRK", "KOR"]),
        ("The New Zealand Herald reported that Australia agreed.", ["AUS"]),
        ("The Irish Times and the Jerusalem Post reported it.", []),
    ],
)
def test_outlets_and_inter_korean_leave_no_stray_country(text: str, expected: list[str]) -> None:
    table = analyze(text).countries
    assert table["iso3"].tolist() == expected  # no unresolved "Korean", no outlet's country
