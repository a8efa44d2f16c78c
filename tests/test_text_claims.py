"""Check-worthy claims and their kinds."""

from __future__ import annotations

from analysis.text import analyze


def kinds(text: str) -> list[list[str]]:
    return [list(k) for k in analyze(text, "2023-05-10").claims["kinds"]]


def test_claim_kinds() -> None:
    assert kinds("Sweden became the 32nd member of NATO.") == [["ordinal", "membership"]]
    assert kinds("Japan is not a member of NATO.") == [["membership"]]
    assert kinds("The border grew from 1,215 km to 2,550 km.") == [["number", "comparison"]]
    assert kinds("It is the longest border in Europe.") == [["superlative"]]
    assert "first" in kinds("It is the first such office in Asia.")[0]
    assert kinds("Spending rose by more than 20 percent.")[0][:2] == ["number", "comparison"]
    assert "dated_event" in kinds("Finland joined on April 4.")[0]


def test_claim_columns_and_details() -> None:
    claims = analyze(
        "Finland, which joined NATO on April 4, shares a 1,340 km border with Russia. It rained.",
        "2023-05-10",
    ).claims
    assert list(claims.columns[:7]) == [
        "text",
        "kinds",
        "start",
        "end",
        "sentence",
        "countries",
        "numbers",
    ]
    row = claims.iloc[0]
    assert row["countries"] == ["FIN", "RUS"]
    assert "1,340" in row["numbers"] and "4" not in row["numbers"]
    assert row["dates"] == ["2023-04-04"]
    assert len(claims) == 1


def test_office_and_comparison_without_numbers() -> None:
    assert kinds("Prime Minister Fumio Kishida visited Kyiv.") == []  # a title is not a claim
    assert "office" in kinds("Yoshimasa Hayashi was appointed foreign minister in 2021.")[0]
    assert "office" in kinds("NATO has a liaison office in Kyiv.")[0]
    assert kinds("The length of the border has more than doubled.") == [["comparison"]]
    assert kinds("Cooperation becomes more and more important.") == []


def test_alliance_growth_is_a_claim_only_with_a_number_or_date() -> None:
    assert kinds("Peskov commented on the expansion of NATO.") == []
    assert "membership" in kinds("NATO's enlargement to 32 members was completed.")[0]
    assert "office" not in sum(kinds("Hayashi gave no details about the NATO office."), [])
    assert "office" in kinds("NATO plans to open a liaison office in Tokyo.")[0]
