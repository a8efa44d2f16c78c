"""Claim checks: grading rules, every checker (holds and fails), check_claims, the CLI."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.checks import check_claims, claims_from, verdicts_frame
from analysis.checks import checkers as ck
from analysis.checks.verdicts import (
    CAVEATS,
    DEPENDS,
    GRADES,
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    SUPPORTED,
    Verdict,
    grade_rank,
    grade_ratio,
    weakest,
)
from analysis.cli import main
from analysis.errors import BadInputError

PUB = date(2023, 5, 10)
SEED = "seeds/000_e7a9e3d448b427a1.txt"


def one(text: str, kind: str, published: date | None = PUB, context: str = "") -> Verdict:
    v = ck.CHECKERS[kind](ck.Claim(text, published=published, context=context))
    assert v is not None, f"{kind} did not apply to {text!r}"
    return v


# --------------------------------------------------------------------------- grading rules


def test_grades_are_ordered():
    assert GRADES[0] == SUPPORTED and GRADES[-1] == NOT_CHECKABLE
    assert grade_rank(DEPENDS) == 2
    with pytest.raises(ValueError):
        grade_rank("true")
    with pytest.raises(ValueError):
        Verdict("x", "k", "maybe", "r")


@pytest.mark.parametrize(
    ("ratios", "cmp", "target", "tol", "grade"),
    [
        ([2.2, 2.3], ">", 2, 0.01, SUPPORTED),
        ([2.01, 2.3], ">", 2, 0.01, CAVEATS),
        ([1.99, 2.3], ">", 2, 0.01, DEPENDS),
        ([1.99, 1.5], ">", 2, 0.01, NOT_SUPPORTED),
        ([1.5, 1.8], "<", 2, 0.01, SUPPORTED),
        ([2.0, 2.0], ">", 2, 0.01, NOT_SUPPORTED),
        ([2.0, 2.1], "≈", 2, 0.10, SUPPORTED),
        ([2.0, 2.35], "≈", 2, 0.10, CAVEATS),
        ([2.0, 2.5], "≈", 2, 0.10, DEPENDS),
        ([2.0, 2.2], "≈", 3, 0.10, NOT_SUPPORTED),
        ([float("nan")], ">", 2, 0.01, NOT_CHECKABLE),
    ],
)
def test_grade_ratio_rules(ratios, cmp, target, tol, grade):
    assert grade_ratio(ratios, cmp, target, tol) == grade


def test_grade_ratio_bad_comparator():
    with pytest.raises(ValueError):
        grade_ratio([2.0], "!=", 2, 0.1)


def test_weakest():
    assert weakest([SUPPORTED, NOT_SUPPORTED]) == NOT_SUPPORTED
    assert weakest([NOT_CHECKABLE, CAVEATS]) == CAVEATS
    assert weakest([NOT_CHECKABLE]) == NOT_CHECKABLE


# --------------------------------------------------------------------------- parsing helpers


@pytest.mark.parametrize(
    ("word", "value"),
    [("31st", 31), ("2nd", 2), ("thirty-second", 32), ("first", 1), ("twentieth", 20), ("x", None)],
)
def test_parse_ordinal(word, value):
    assert ck.parse_ordinal(word) == value


def test_find_dates_and_countries():
    d = ck.find_dates("It joined on 2024-03-07, not March 7th or 7 March 2024 or in 2009.")
    assert [(x.year, x.month, x.day) for x in d] == [
        (2024, 3, 7),
        (None, 3, 7),
        (2024, 3, 7),
        (2009, None, None),
    ]
    assert [iso for _, iso in ck.find_countries("the Czech Republic and North Korea")] == [
        "CZE",
        "PRK",
    ]


# --------------------------------------------------------------------------- accession order


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        (
            "On April 4, Finland officially joined NATO, becoming the 31st member of the alliance.",
            SUPPORTED,
        ),
        ("Finland became the 30th member of NATO.", NOT_SUPPORTED),
        ("Sweden became NATO's thirty-second member state.", SUPPORTED),
        ("Croatia became the 27th member of NATO in 2009.", CAVEATS),
        ("Montenegro was the 30th country to join NATO.", NOT_SUPPORTED),
    ],
)
def test_accession_order(text, grade):
    v = one(text, "accession_order")
    assert v.grade == grade
    assert not v.evidence.empty and v.evidence["url"].str.startswith("http").all()


def test_accession_order_reason_names_real_holder():
    v = one("Finland became the 30th member of NATO.", "accession_order")
    assert "North Macedonia" in v.reason and v.figures["rank"] == 31


def test_accession_order_uses_context_and_skips_non_members():
    v = one(
        "It became the 31st member of the alliance.",
        "accession_order",
        context="Finland joined NATO.",
    )
    assert v.figures["country"] == "FIN" and v.grade == SUPPORTED
    assert one("The bloc welcomed its 31st member.", "accession_order").grade == NOT_CHECKABLE
    assert ck.check_accession_order(ck.Claim("The first of its kind in Asia.")) is None
    assert ck.check_accession_order(ck.Claim("The 31st member of the club.")) is None


# --------------------------------------------------------------------------- member count


def test_member_count():
    assert one("NATO's 31 members agreed.", "member_count").grade == SUPPORTED
    assert one("All 30 allies of NATO agreed.", "member_count").grade == NOT_SUPPORTED
    assert one("NATO's 32 member states met.", "member_count", published=None).grade == CAVEATS
    assert ck.check_member_count(ck.Claim("Seven countries joined NATO in 2004.")) is None
    assert ck.check_member_count(ck.Claim("The 12 apostles.")) is None


# --------------------------------------------------------------------------- membership


@pytest.mark.parametrize(
    ("text", "published", "grade"),
    [
        ("On April 4, Finland officially joined NATO.", PUB, SUPPORTED),
        ("On April 5, Finland officially joined NATO.", PUB, NOT_SUPPORTED),
        ("Finland joined NATO on 4 April 2023.", None, SUPPORTED),
        ("Finland joined NATO on April 4.", None, CAVEATS),
        ("Sweden joined NATO in 2023.", PUB, NOT_SUPPORTED),
        ("Sweden joined NATO in March 2024.", None, SUPPORTED),
        ("Finland joined NATO.", PUB, SUPPORTED),
        ("Sweden joined NATO.", PUB, NOT_SUPPORTED),
        ("Japan joined NATO.", PUB, NOT_SUPPORTED),
        ("Japan is not a member of NATO.", PUB, SUPPORTED),
        ("Japan is a member of NATO.", PUB, NOT_SUPPORTED),
        ("Finland is not a member of the alliance.", PUB, NOT_SUPPORTED),
        ("Sweden is not yet a member of NATO.", PUB, SUPPORTED),
        ("Sweden is not yet a member of NATO.", date(2024, 6, 1), NOT_SUPPORTED),
        ("Norway is a NATO member.", None, CAVEATS),
    ],
)
def test_membership(text, published, grade):
    assert one(text, "membership", published=published).grade == grade


def test_membership_not_applicable_and_uncheckable():
    assert ck.check_membership(ck.Claim("The minister is a member of parliament.")) is None
    assert ck.check_membership(ck.Claim("Japan's talks with NATO continue.")) is None
    assert one("They joined NATO on April 4.", "membership").grade == NOT_CHECKABLE
    assert one("Finland joined NATO on February 30.", "membership").grade == NOT_CHECKABLE


# --------------------------------------------------------------------------- border change

SEED_BORDER = (
    "As a result, the total length of the land border of the Russian Federation with the "
    "countries of the North Atlantic Alliance has more than doubled."
)
CTX = "On April 4, Finland officially joined NATO, becoming the 31st member of the alliance."


def test_border_more_than_doubled_depends_on_source():
    v = one(SEED_BORDER, "border_change", context=CTX)
    assert v.grade == DEPENDS
    ev = v.evidence.set_index("series")
    assert round(ev.loc["cia_factbook_latest", "ratio"], 3) == 1.994
    assert ev.loc["cia_factbook_latest", "margin_km"] == pytest.approx(-8.0)
    assert round(ev.loc["wikipedia_en", "ratio"], 3) == 2.107
    assert not ev.loc["cia_factbook_latest", "meets_claim"]
    assert ev.loc["wikipedia_en", "meets_claim"]
    assert v.figures["joined"] == ["FIN"]
    assert sorted(v.figures["before"]) == ["EST", "LTU", "LVA", "NOR", "POL"]
    assert "turns on the figures" in v.reason


def test_border_natural_earth_rows_when_geo_available():
    import analysis.geo  # noqa: F401

    v = one(SEED_BORDER, "border_change", context=CTX)
    ev = v.evidence.set_index("series")
    assert {"natural_earth_10m", "natural_earth_50m", "natural_earth_110m"} <= set(ev.index)
    assert ev.loc["natural_earth_10m", "ratio"] == pytest.approx(2.15, abs=0.01)
    # 1:50m and 1:110m are Natural Earth 5.1.1 (German view) simplified from 1:10m
    assert ev.loc["natural_earth_50m", "ratio"] == pytest.approx(2.23, abs=0.01)
    assert ev.loc["natural_earth_110m", "ratio"] == pytest.approx(2.26, abs=0.01)


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("NATO's land border with Russia roughly doubled when Finland joined.", SUPPORTED),
        ("Russia's border with NATO has tripled since Finland joined.", NOT_SUPPORTED),
        ("Russia's border with NATO grew 3 times after Finland joined.", NOT_SUPPORTED),
        ("Russia's border with NATO has less than doubled with Finland.", DEPENDS),
        ("Finland's accession adds some 1,300 km to NATO's border with Russia.", SUPPORTED),
        ("Finland's accession adds 500 km to NATO's border with Russia.", NOT_SUPPORTED),
        ("Finland's accession adds 830 miles to NATO's border with Russia.", CAVEATS),
    ],
)
def test_border_variants(text, grade):
    assert one(text, "border_change").grade == grade


def test_border_without_joiner_uses_latest_accession_and_without_russia_is_uncheckable():
    v = one("NATO's border with Russia more than doubled.", "border_change")
    assert v.figures["joined"] == ["FIN"]
    v = one("NATO's border with Russia doubled.", "border_change", published=date(2010, 1, 1))
    assert v.figures["joined"] == ["EST", "LTU", "LVA"]
    assert v.figures["before"] == ["NOR", "POL"]
    assert one("NATO's border with China doubled.", "border_change").grade == NOT_CHECKABLE
    assert ck.check_border_change(ck.Claim("The border is long.")) is None
    assert ck.check_border_change(ck.Claim("Trade with Russia doubled at the border.")) is None


def test_natural_earth_ratios_empty_without_geo(monkeypatch):
    import analysis.geo as geo

    monkeypatch.delattr(geo, "land_borders")
    assert ck.natural_earth_ratios(["NOR"], ["NOR", "FIN"]).empty
    v = one(SEED_BORDER, "border_change", context=CTX)
    assert len(v.evidence) == 5 and v.grade == DEPENDS


# --------------------------------------------------------------------------- location firsts


def test_first_in_asia_not_supported_names_prior_offices():
    v = one(
        "Japan is in talks to open a NATO office in the country, the first of its kind in Asia.",
        "location_first",
    )
    assert v.grade == NOT_SUPPORTED
    assert "Tashkent" in v.reason and "Kuwait" in v.reason
    assert {"UZB-NLO", "KWT-ICI"} <= set(v.figures["prior"])
    assert "first in Eastern Asia" in v.reason


def test_first_in_east_asia_supported_and_before_tashkent():
    v = one("A NATO office in Tokyo would be the first in East Asia.", "location_first")
    assert v.grade == SUPPORTED
    v = one(
        "The NATO office would be the first in Central Asia.",
        "location_first",
        published=date(2000, 1, 1),
    )
    assert v.grade == SUPPORTED
    v = one("The NATO office would be the first in Central Asia.", "location_first")
    assert v.grade == NOT_SUPPORTED


def test_first_in_asia_contested_definition():
    # before Tashkent/Astana data are bounded, only Georgia's office (2010) could count
    v = one("The new NATO liaison office is the first of its kind in Asia.", "location_first",
            published=date(2011, 1, 1))  # fmt: skip
    assert v.grade in (DEPENDS, NOT_SUPPORTED)
    assert "GEO-NLO" in v.figures["contested"] or v.figures["prior"]


def test_location_first_not_applicable():
    assert ck.check_location_first(ck.Claim("The first summit in Asia.")) is None
    assert ck.check_location_first(ck.Claim("First reported by the Nikkei Asia.")) is None


# --------------------------------------------------------------------------- office existence


def test_office_existence_ukraine_with_caveats():
    v = one(
        "NATO has similar liaison offices in other countries, including Ukraine.",
        "office_existence",
    )
    assert v.grade == CAVEATS and "Representation" in v.reason


def test_office_existence_holds_and_fails():
    assert one("NATO has a liaison office in Georgia.", "office_existence").grade == SUPPORTED
    assert (
        one("NATO has liaison offices in Georgia and Moldova.", "office_existence").grade
        == SUPPORTED
    )
    v = one("NATO has liaison offices in Georgia and Japan.", "office_existence")
    assert v.grade == NOT_SUPPORTED and "Japan" in v.reason
    v = one("NATO has an information office in Russia.", "office_existence")
    assert v.grade == NOT_SUPPORTED and "2021-11-01" in v.reason
    v = one(
        "NATO has an information office in Russia.", "office_existence", published=date(2015, 1, 1)
    )
    assert v.grade == SUPPORTED


def test_office_plans():
    v = one("Japan is in talks to open a NATO office.", "office_existence")
    assert v.grade == SUPPORTED and v.figures["status"] == "proposed"
    assert one("Georgia plans to open a NATO office.", "office_existence").grade == NOT_CHECKABLE
    assert ck.check_office_existence(ck.Claim("NATO plans to open an office.")) is None
    assert ck.check_office_existence(ck.Claim("The company has offices in Ukraine.")) is None


# --------------------------------------------------------------------------- check_claims


def test_check_claims_inputs():
    frame = pd.DataFrame(
        {
            "text": [CTX, SEED_BORDER, "Nothing to see here."],
            "kinds": [["ordinal"], ["comparison"], []],
            "start": [0, 100, 300],
            "end": [90, 250, 320],
            "published": ["2023-05-10"] * 3,
        }
    )
    vs = check_claims(frame)
    assert [v.kind for v in vs] == ["accession_order", "membership", "border_change"]
    assert vs[2].figures["joined"] == ["FIN"] and vs[2].start == 100
    with_unchecked = check_claims(frame, include_unchecked=True)
    assert with_unchecked[-1].grade == NOT_CHECKABLE
    obj = SimpleNamespace(claims=frame.drop(columns="published"), published=PUB, text=None)
    assert len(check_claims(obj)) == 3
    table = verdicts_frame(vs)
    assert list(table["grade"]) == [SUPPORTED, SUPPORTED, DEPENDS]
    d = vs[2].to_dict()
    json.dumps(d, default=str)
    assert d["evidence"] and d["sources"]


def test_claims_from_uses_full_text_for_context():
    text = f"{CTX} {SEED_BORDER}"
    claims = pd.DataFrame({"text": [SEED_BORDER], "start": [len(CTX) + 1], "end": [len(text)]})
    article = SimpleNamespace(published=PUB, text=text)
    obj = SimpleNamespace(claims=claims, article=article)
    (c,) = claims_from(obj)
    assert c.published == PUB and "Finland" in c.context


def test_check_claims_bad_inputs():
    with pytest.raises(BadInputError):
        check_claims(42)
    with pytest.raises(BadInputError):
        check_claims(pd.DataFrame({"claim": ["x"]}))
    with pytest.raises(BadInputError):
        check_claims(["x"], published="10 May")


# --------------------------------------------------------------------------- command line


def test_cli_check_seed_json(capsys):
    assert main(["check", SEED, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    grades = {(v["kind"], v["grade"]) for v in out["verdicts"]}
    assert ("border_change", DEPENDS) in grades
    assert ("accession_order", SUPPORTED) in grades
    assert ("location_first", NOT_SUPPORTED) in grades
    assert ("office_existence", CAVEATS) in grades
    assert out["article"]["published"] == "2023-05-10"


def test_cli_check_table_and_errors(capsys):
    assert main(["check", SEED, "--published", "2023-05-10"]) == 0
    out = capsys.readouterr().out
    assert "DEPENDS ON THE SOURCE" in out and "CIA World Factbook" in out
    assert main(["check", "/no/such/file.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error:")
    assert main(["check", SEED, "--published", "2023-13-01"]) == 2


def test_check_claims_takes_the_publication_date_from_an_analysis_result() -> None:
    from analysis.text import analyze

    text = "Japan talks\n\nSeparately, the minister recalled that Japan is not a member of NATO."
    result = analyze(text, published="2023-05-10")
    verdicts = check_claims(result)
    membership = [v for v in verdicts if v.kind == "membership"]
    assert membership and membership[0].figures["on"] == "2023-05-10"
