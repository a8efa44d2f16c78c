"""Claim checks: grading rules, every checker (a form that holds and one that fails),
the one claim flow from text to verdicts, subsets of checkers, the CLI."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from analysis.checks import (
    GRADES,
    Grade,
    Verdict,
    check_claims,
    check_text,
    checkers,
    verdicts_frame,
)
from analysis.checks.grades import grade_rank, grade_ratio, weakest
from analysis.claims import Claim, claims_from
from analysis.cli import main
from analysis.errors import BadInputError
from analysis.text import analyze

PUB = date(2023, 5, 10)
SEED = "seeds/000_e7a9e3d448b427a1.txt"
S, C, D, N, X = (
    Grade.SUPPORTED, Grade.CAVEATS, Grade.DEPENDS, Grade.NOT_SUPPORTED, Grade.NOT_CHECKABLE,
)  # fmt: skip


def verdicts_for(
    text: str, kind: str, published: date | None = PUB, context: str = ""
) -> list[Verdict]:
    full = f"{context} {text}" if context else text
    return [v for v in check_text(full, published) if v.kind == kind and v.claim == text]


def one(text: str, kind: str, published: date | None = PUB, context: str = "") -> Verdict:
    found = verdicts_for(text, kind, published, context)
    assert len(found) == 1, f"{kind} did not apply once to {text!r}: {found}"
    return found[0]


def none_of(text: str, kind: str, published: date | None = PUB) -> None:
    assert verdicts_for(text, kind, published) == [], f"{kind} applied to {text!r}"


# --------------------------------------------------------------------------- grading rules


def test_grades_are_ordered_and_typed():
    assert GRADES[0] is Grade.SUPPORTED and GRADES[-1] is Grade.NOT_CHECKABLE
    assert grade_rank("depends on the source") == 2
    assert Grade.SUPPORTED == "supported"
    with pytest.raises(ValueError):
        grade_rank("true")
    with pytest.raises(ValueError):
        Verdict("x", "k", "maybe", "r")
    assert Verdict("x", "k", "supported", "r").grade is Grade.SUPPORTED


@pytest.mark.parametrize(
    ("ratios", "cmp", "target", "tol", "grade"),
    [
        ([2.2, 2.3], ">", 2, 0.01, S),
        ([2.01, 2.3], ">", 2, 0.01, C),
        ([1.99, 2.3], ">", 2, 0.01, D),
        ([1.99, 1.5], ">", 2, 0.01, N),
        ([1.5, 1.8], "<", 2, 0.01, S),
        ([2.0, 2.0], ">", 2, 0.01, N),
        ([2.0, 2.1], "≈", 2, 0.10, S),
        ([2.0, 2.35], "≈", 2, 0.10, C),
        ([2.0, 2.5], "≈", 2, 0.10, D),
        ([2.0, 2.2], "≈", 3, 0.10, N),
        ([7644.0], "=", 7600, 0.02, S),
        ([float("nan")], ">", 2, 0.01, X),
    ],
)
def test_grade_ratio_rules(ratios, cmp, target, tol, grade):
    assert grade_ratio(ratios, cmp, target, tol) is grade


def test_grade_ratio_bad_comparator_and_weakest():
    with pytest.raises(ValueError):
        grade_ratio([2.0], "!=", 2, 0.1)
    assert weakest([S, N]) is N
    assert weakest([X, C]) is C
    assert weakest([X]) is X


# --------------------------------------------------------------------------- accession order


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        (
            "On April 4, Finland officially joined NATO, becoming the 31st member of the alliance.",
            S,
        ),
        ("Finland became the 30th member of NATO.", N),
        ("Sweden became NATO's 32nd member on 7 March 2024.", S),
        ("Sweden became NATO's 31st member on 7 March 2024.", N),
        ("Croatia became the 27th member of NATO in 2009.", C),
        ("Montenegro was the 30th country to join NATO.", N),
        ("Croatia became the 28th member state of the European Union in 2013.", S),
        ("Croatia became the 27th member state of the European Union in 2013.", N),
    ],
)
def test_accession_order(text, grade):
    v = one(text, "accession_order", published=date(2024, 6, 1))
    assert v.grade is grade, v.reason
    assert not v.evidence.empty and v.evidence["url"].str.startswith("http").all()


def test_accession_order_reason_names_real_holder_and_alliance_comes_from_the_claim():
    v = one("Finland became the 30th member of NATO.", "accession_order")
    assert "North Macedonia" in v.reason and v.figures["rank"] == 31
    v = one("Croatia became the 28th member state of the European Union in 2013.",
            "accession_order", published=date(2024, 1, 1))  # fmt: skip
    assert v.figures["alliance"] == "EU"


def test_accession_order_uses_context_and_skips_non_members():
    v = one("It became the 31st member of the alliance.", "accession_order",
            context="Finland joined NATO.")  # fmt: skip
    assert v.figures["country"] == "FIN" and v.grade is S
    assert one("NATO welcomed its 31st member.", "accession_order").grade is X
    none_of("The 31st member of the club spoke.", "accession_order")


# --------------------------------------------------------------------------- member count


def test_member_count_holds_and_fails():
    assert one("NATO's 31 members agreed.", "member_count").grade is S
    assert one("All 30 allies of NATO agreed.", "member_count").grade is N
    assert one("NATO's 32 member states met.", "member_count", published=None).grade is C
    assert one("The EU's 27 members met.", "member_count", published=date(2021, 1, 1)).grade is S
    assert one("The EU's 28 members met.", "member_count", published=date(2021, 1, 1)).grade is N
    none_of("Seven countries joined NATO in 2004.", "member_count")
    none_of("The 12 apostles met.", "member_count")


# --------------------------------------------------------------------------- membership


@pytest.mark.parametrize(
    ("text", "published", "grade"),
    [
        ("On April 4, Finland officially joined NATO.", PUB, S),
        ("On April 5, Finland officially joined NATO.", PUB, N),
        ("Finland joined NATO on 4 April 2023.", None, S),
        ("Finland joined NATO on April 4.", None, C),
        ("Sweden joined NATO in 2023.", PUB, N),
        ("Sweden joined NATO in March 2024.", None, S),
        ("Finland joined NATO.", PUB, S),
        ("Sweden joined NATO.", PUB, N),
        ("Japan joined NATO.", PUB, N),
        ("Japan is not a member of NATO.", PUB, S),
        ("Japan is a member of NATO.", PUB, N),
        ("Finland is not a member of the Atlantic alliance.", PUB, N),
        ("Sweden is not yet a member of NATO.", PUB, S),
        ("Sweden is not yet a member of NATO.", date(2024, 6, 1), N),
        ("Norway is a NATO member.", None, C),
        ("Finland joined the European Union in 1995.", PUB, S),
        ("Finland joined the European Union in 1994.", PUB, N),
        ("Britain left the European Union, so it is not a member of the EU.", PUB, S),
        ("Kazakhstan is a member of the CSTO.", PUB, S),
        ("Georgia is a member of the CSTO.", PUB, N),
    ],
)
def test_membership(text, published, grade):
    v = one(text, "membership", published=published)
    assert v.grade is grade, v.reason


def test_membership_not_applicable_and_uncheckable():
    none_of("The minister is a member of parliament.", "membership")
    none_of("Japan's talks with NATO continue.", "membership")
    assert one("They joined NATO on April 4.", "membership").grade is X


def test_unknown_bloc_is_not_checkable_with_reason():
    v = one("Indonesia joined ASEAN in 1967.", "membership")
    assert v.grade is X and "ASEAN" in v.reason


# --------------------------------------------------------------------------- border change

SEED_BORDER = (
    "As a result, the total length of the land border of the Russian Federation with the "
    "countries of the North Atlantic Alliance has more than doubled."
)
CTX = "On April 4, Finland officially joined NATO, becoming the 31st member of the alliance."


def test_border_more_than_doubled_depends_on_the_source():
    v = one(SEED_BORDER, "border_change", context=CTX)
    assert v.grade is D
    ev = v.evidence.set_index("series")
    assert round(ev.loc["cia_factbook_latest", "ratio"], 3) == 1.994
    assert ev.loc["cia_factbook_latest", "margin_km"] == pytest.approx(-8.0)
    assert round(ev.loc["wikipedia_en", "ratio"], 3) == 2.107
    assert not ev.loc["cia_factbook_latest", "meets_claim"]
    assert ev.loc["wikipedia_en", "meets_claim"]
    assert v.figures["joined"] == ["FIN"] and v.figures["country"] == "RUS"
    assert sorted(v.figures["before"]) == ["EST", "LTU", "LVA", "NOR", "POL"]
    assert set(ev["kind"]) == {"published", "computed"}


def test_border_reason_counts_sources_not_rulers():
    v = one(SEED_BORDER, "border_change", context=CTX)
    rulers = (v.evidence["source_kind"] == "natural_earth").sum()
    assert rulers >= 3  # Natural Earth measured with several rulers …
    kinds = v.evidence["source_kind"].nunique()
    assert v.figures["n_sources"] == kinds  # … counts as one source
    words = ["one", "two", "three", "four", "five", "six", "seven"]
    assert f"of {words[kinds - 1]} sources" in v.reason
    assert v.reason[0].isupper() and "1.994×" in v.reason  # three decimals near the threshold
    assert "Published figures give" in v.reason and "measured on maps" in v.reason


def test_border_natural_earth_rows():
    v = one(SEED_BORDER, "border_change", context=CTX)
    ev = v.evidence.set_index("series")
    assert {"ne_10m", "ne_50m", "ne_110m"} <= set(ev.index)
    assert ev.loc["ne_10m", "ratio"] == pytest.approx(2.15, abs=0.01)


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("NATO's land border with Russia roughly doubled when Finland joined.", S),
        ("Russia's border with NATO has tripled since Finland joined.", N),
        ("Russia's border with NATO grew 3 times after Finland joined.", N),
        ("Russia's border with NATO has less than doubled with Finland.", D),
        ("Finland's accession adds some 1,300 km to NATO's border with Russia.", S),
        ("Finland's accession adds 500 km to NATO's border with Russia.", N),
    ],
)
def test_border_variants(text, grade):
    v = one(text, "border_change")
    assert v.grade is grade, v.reason


def test_border_without_joiner_uses_latest_accession():
    v = one("NATO's border with Russia more than doubled.", "border_change")
    assert v.figures["joined"] == ["FIN"]
    v = one("NATO's border with Russia doubled.", "border_change", published=date(2010, 1, 1))
    assert v.figures["joined"] == ["EST", "LTU", "LVA"]
    assert v.figures["before"] == ["NOR", "POL"]
    none_of("The border is long.", "border_change")


# --------------------------------------------------------------------------- border length


def test_border_length_any_pair_with_the_factbook():
    v = one("Kazakhstan and Russia share a border of about 7,600 km.", "border_length")
    assert v.grade is S, v.reason
    assert 7644.0 in v.figures["published_km"] and "7,644 km" in v.reason
    assert v.figures["computed_km"]  # map lengths reported beside them
    v = one("Kazakhstan and Russia share a border of about 3,000 km.", "border_length")
    assert v.grade is N


def test_border_length_with_one_country_is_not_checkable():
    v = one("Russia has more than 20,000 km of land borders.", "border_length")
    assert v.grade is X and "only one country" in v.reason


# --------------------------------------------------------------------------- offices


def test_first_in_asia_not_supported_names_prior_offices():
    text = "Japan is in talks to open a NATO office in the country, the first of its kind in Asia."
    v = one(text, "location_first")
    assert v.grade is N
    assert "Tashkent" in v.reason and "Kuwait" in v.reason
    assert {"UZB-NLO", "KWT-ICI"} <= set(v.figures["prior"])
    assert "first in Eastern Asia" in v.reason


def test_first_in_east_asia_supported_and_before_tashkent():
    assert (
        one("A NATO office in Tokyo would be the first in East Asia.", "location_first").grade is S
    )
    text = "The NATO office would be the first in Central Asia."
    assert one(text, "location_first", published=date(2000, 1, 1)).grade is S
    assert one(text, "location_first").grade is N


def test_location_first_not_applicable():
    none_of("The first summit in Asia was held.", "location_first")


def test_office_existence():
    v = one("NATO has similar liaison offices in other countries, including Ukraine.",
            "office_existence")  # fmt: skip
    assert v.grade is C and "Representation" in v.reason
    assert one("NATO has a liaison office in Georgia.", "office_existence").grade is S
    v = one("NATO has liaison offices in Georgia and Japan.", "office_existence")
    assert v.grade is N and "Japan" in v.reason
    v = one("NATO has an information office in Russia.", "office_existence")
    assert v.grade is N and "2021-11-01" in v.reason
    assert one("NATO has an information office in Russia.", "office_existence",
               published=date(2015, 1, 1)).grade is S  # fmt: skip


def test_office_plans():
    v = one("Japan is in talks to open a NATO office.", "office_existence")
    assert v.grade is S and v.figures["status"] == "proposed"
    assert one("Georgia plans to open a NATO office.", "office_existence").grade is X


# --------------------------------------------------------------------------- the claim flow


def test_every_claim_gets_a_verdict_never_silence():
    text = "A NATO spokesman told CNN that talks were continuing. Trade rose 5% in 2022."
    vs = check_text(text, PUB)
    assert len(vs) == len(analyze(text, PUB).claims) >= 1
    assert all(v.grade is X and v.kind == "unchecked" and v.reason for v in vs)


def test_checkers_dispatch_on_kind_and_can_be_chosen():
    a = analyze(f"{CTX} {SEED_BORDER}", PUB)
    kinds = [v.kind for v in check_claims(a)]
    assert kinds == ["accession_order", "membership", "border_change"]
    only = check_claims(a, checkers=["membership"], include_unchecked=False)
    assert [v.kind for v in only] == ["membership"]
    with pytest.raises(BadInputError, match="unknown checker"):
        check_claims(a, checkers=["astrology"])
    for name, checker in checkers().items():
        assert checker.name == name and checker.claim_kinds


def test_claims_round_trip_through_records_and_tables():
    a = analyze(f"{CTX} {SEED_BORDER}", PUB)
    claims = a.claim_list()
    assert [Claim.from_record(c.to_record()) for c in claims] == claims
    again = claims_from(pd.DataFrame([c.to_record() for c in claims]))
    assert again == claims
    from_table = check_claims(a.claims)
    assert [(v.kind, v.grade) for v in from_table] == [(v.kind, v.grade) for v in check_claims(a)]


def test_verdicts_serialise():
    vs = check_text(f"{CTX} {SEED_BORDER}", PUB)
    table = verdicts_frame(vs)
    assert list(table["grade"]) == ["supported", "supported", "depends on the source"]
    d = vs[2].to_dict()
    assert json.loads(json.dumps(d))["grade"] == "depends on the source"
    assert d["evidence"] and d["sources"]


def test_check_claims_bad_inputs():
    with pytest.raises(BadInputError):
        check_claims(42)
    with pytest.raises(BadInputError):
        check_claims(pd.DataFrame({"claim": ["x"]}))
    with pytest.raises(BadInputError):
        check_claims("Finland joined NATO.")
    with pytest.raises(BadInputError):
        check_text("Finland joined NATO.", published="10 May")


def test_check_claims_takes_the_publication_date_from_an_analysis_result() -> None:
    text = "Japan talks\n\nSeparately, the minister recalled that Japan is not a member of NATO."
    membership = [v for v in check_claims(analyze(text, published="2023-05-10"))
                  if v.kind == "membership"]  # fmt: skip
    assert membership and membership[0].figures["on"] == "2023-05-10"


# --------------------------------------------------------------------------- command line


def test_cli_check_seed_json(capsys):
    assert main(["check", SEED, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    grades = {(v["kind"], v["grade"]) for v in out["verdicts"]}
    assert ("border_change", D) in grades
    assert ("accession_order", S) in grades
    assert ("location_first", N) in grades
    assert ("office_existence", C) in grades
    assert out["article"]["published"] == "2023-05-10"


def test_cli_check_table_and_errors(capsys):
    assert main(["check", SEED, "--published", "2023-05-10"]) == 0
    out = capsys.readouterr().out
    assert "DEPENDS ON THE SOURCE" in out and "CIA World Factbook" in out
    assert main(["check", "/no/such/file.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error:")
    assert main(["check", SEED, "--published", "2023-13-01"]) == 2
