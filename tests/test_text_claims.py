"""Check-worthy claims and their kinds."""

from __future__ import annotations

from analysis.text import analyze


def kinds(text: str) -> list[list[str]]:
    return [list(k) for k in analyze(text, "2023-05-10").claims["kinds"]]


def test_claim_kinds() -> None:
    assert kinds("Sweden became the 32nd member of NATO.") == [["ordinal", "membership"]]
    assert kinds("Japan is not a member of NATO.") == [["membership"]]
    assert kinds("The border grew from 1,215 km to 2,550 km.") == [
        ["number", "comparison", "border"]
    ]
    assert kinds("Russia has more than 20,000 km of land borders.") == [["number", "border"]]
    assert kinds("It is the longest border in Europe.") == [["superlative"]]
    assert "first" in kinds("It is the first such office in Asia.")[0]
    assert kinds("Spending rose by more than 20 percent.")[0][:2] == ["number", "comparison"]
    assert "dated_event" in kinds("Finland joined on April 4.")[0]


def test_claim_columns_and_details() -> None:
    from analysis.claims import CLAIM_COLUMNS

    result = analyze(
        "Finland, which joined NATO on April 4, shares a 1,340 km border with Russia. It rained.",
        "2023-05-10",
    )
    claims = result.claims
    assert list(claims.columns) == CLAIM_COLUMNS
    assert len(claims) == 1
    (claim,) = result.claim_list()
    assert claim.country_codes() == ["FIN", "RUS"] and claim.organization_names() == ["NATO"]
    (q,) = claim.numbers  # "4" belongs to the date, "km" to the number: one quantity
    assert (q.text, q.value, q.unit, q.kind) == ("1,340 km", 1340.0, "km", "cardinal")
    (d,) = claim.dates
    assert (d.text, d.iso, d.written) == ("April 4", "2023-04-04", "--04-04")
    assert result.text[claim.start : claim.end] == claim.text
    assert all(result.text[m.start : m.end] == m.text for m in claim.countries)


def test_quantities_have_hedges_units_and_kinds() -> None:
    (c,) = analyze(
        "Kazakhstan and Russia share a border of about 7,600 km.", "2023-05-10"
    ).claim_list()
    (q,) = c.numbers
    assert (q.value, q.unit, q.hedge, q.comparator) == (7600.0, "km", "about", "≈")
    (c,) = analyze("The border has more than doubled.", "2023-05-10").claim_list()
    assert [(q.kind, q.value, q.comparator) for q in c.numbers] == [("multiplier", 2.0, ">")]
    (c,) = analyze("NATO has thirty-two members.", "2023-05-10").claim_list()
    assert [(q.value, q.unit) for q in c.numbers] == [(32.0, "member")]
    (c,) = analyze("Sweden became the 32nd member of NATO.", "2023-05-10").claim_list()
    assert [(q.kind, q.value, q.unit) for q in c.numbers] == [("ordinal", 32.0, "member")]


def test_context_carries_what_came_before() -> None:
    text = (
        "On April 4, Finland officially joined NATO. As a result, the border has more than doubled."
    )
    claims = analyze(text, "2023-05-10").claim_list()
    last = claims[-1]
    assert "Finland" in last.context and [m.code for m in last.context_countries] == ["FIN"]
    assert [m.code for m in last.context_organizations] == ["NATO"]
    assert [d.iso for d in last.context_dates] == ["2023-04-04"]


def test_office_and_comparison_without_numbers() -> None:
    assert kinds("Prime Minister Fumio Kishida visited Kyiv.") == []  # a title is not a claim
    assert "office" in kinds("Yoshimasa Hayashi was appointed foreign minister in 2021.")[0]
    assert "office" in kinds("NATO has a liaison office in Kyiv.")[0]
    assert kinds("The length of the border has more than doubled.") == [["comparison", "border"]]
    assert kinds("Cooperation becomes more and more important.") == []


def test_alliance_growth_is_a_claim_only_with_a_number_or_date() -> None:
    assert kinds("Peskov commented on the expansion of NATO.") == []
    assert "membership" in kinds("NATO's enlargement to 32 members was completed.")[0]
    assert "office" not in sum(kinds("Hayashi gave no details about the NATO office."), [])
    assert "office" in kinds("NATO plans to open a liaison office in Tokyo.")[0]
