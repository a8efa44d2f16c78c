"""Nested reported speech goes to its own speaker (issue 15).

``Smith said Jones had told him "we will win"``: the inner statement is Jones's, not
Smith's; a quotation inside a quotation goes to the person the outer speaker names;
"I think that …" inside a direct quote is the outer speaker's and is not extracted a
second time.  Every text here was written for these tests.
"""

from __future__ import annotations

import pytest

from analysis.text import analyze


def quotes(text: str) -> list[tuple[str, str | None, str]]:
    q = analyze(text).quotes
    return [(r["kind"], r["speaker"], r["text"]) for _, r in q.iterrows()]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Coach Tom Smith said Peter Jones had told him that the team would win the cup.",
            "Peter Jones",
            "the team would win the cup",
        ),
        (
            "Maria Lopez told reporters that Ahmed Khan had warned her that the dam would break.",
            "Ahmed Khan",
            "the dam would break",
        ),
        (
            "The mayor, Anna Berg, said that Olaf Lind had said the bridge would close in May.",
            "Olaf Lind",
            "the bridge would close in May",
        ),
        (
            "Tom Smith said that, according to Peter Jones, the plan would fail.",
            "Peter Jones",
            "the plan would fail",
        ),
    ],
)
def test_reported_speech_inside_reported_speech_goes_to_the_inner_speaker(
    text: str, speaker: str, content: str
) -> None:
    found = quotes(text)
    assert [(s, c) for _, s, c in found] == [(speaker, content)]


def test_a_quotation_reported_inside_reported_speech_is_the_inner_speakers() -> None:
    text = 'Coach Tom Smith said Peter Jones had told him "we will win the cup" on Monday.'
    assert quotes(text) == [("direct", "Peter Jones", "we will win the cup")]


def test_the_outer_speaker_keeps_a_statement_about_himself() -> None:
    # a pronoun subject of the inner verb is the outer speaker: one statement, his
    text = "Coach Tom Smith said he had told the players that the team would win the cup."
    found = quotes(text)
    assert len(found) == 1 and found[0][1] == "Tom Smith"
    assert found[0][2].endswith("the team would win the cup")


@pytest.mark.parametrize(
    "text",
    [
        "\"Peter Jones told me 'we will win the cup' and I believed him,\" Tom Smith said.",
        "Tom Smith said: “Peter Jones told me ‘we will win the cup’ and I believed him.”",
        "\"'We will win the cup,' Peter Jones told me,\" Tom Smith said.",
    ],
)
def test_a_quote_inside_a_quote_goes_to_the_person_named_inside(text: str) -> None:
    found = quotes(text)
    assert len(found) == 2
    outer = next(q for q in found if len(q[2]) > 30)
    inner = next(q for q in found if q is not outer)
    assert outer[1] == "Tom Smith" and "Peter Jones" in outer[2]
    assert inner[:2] == ("direct", "Peter Jones") and inner[2].lower() == "we will win the cup"


@pytest.mark.parametrize(
    "text",
    [
        "\"I said 'we will win the cup' and I meant it,\" Tom Smith said.",
        '"The plan is bad. I think that it will fail," Tom Smith said.',
        'Tom Smith spoke on Monday. "I think that the plan will fail. We believe that it is '
        'wrong," he said.',
        'In Paris, Tom Smith said "I think that the plan will fail" before leaving.',
        'Tom Smith said the plan was bad.\n\n"I believe that it will fail and I said that to '
        'the minister."',
    ],
)
def test_first_person_speech_inside_a_direct_quote_is_not_extracted_again(text: str) -> None:
    found = quotes(text)
    assert all(speaker == "Tom Smith" for _, speaker, _ in found)
    # no extracted statement lies inside another one
    spans = [(r["start"], r["end"]) for _, r in analyze(text).quotes.iterrows()]
    for a in spans:
        assert not any(b != a and b[0] <= a[0] and a[1] <= b[1] for b in spans)
    direct = [c for kind, _, c in found if kind == "direct"]
    assert len(direct) == 1 and "I " in direct[0]


def test_a_statement_that_opens_with_a_quotation_is_that_quotation() -> None:
    found = quotes('In Paris, Tom Smith said "I think that the plan will fail" before leaving.')
    assert found == [("direct", "Tom Smith", "I think that the plan will fail")]
    # a quotation followed by its own verb is mixed speech, marks included
    assert quotes('Tom Smith said "the plan" would fail.') == [
        ("mixed", "Tom Smith", '"the plan" would fail')
    ]


def test_an_inner_verb_without_a_statement_keeps_the_outer_report() -> None:
    # "announced new sanctions" reports a thing, not a statement: the ministry's
    # statement stays whole and is the ministry's
    found = quotes("The ministry said Russia announced new sanctions on Monday.")
    assert found == [("indirect", "ministry", "Russia announced new sanctions on Monday")]
    found = quotes("The ministry said Russia announced that new sanctions would follow.")
    assert found == [("indirect", "Russia", "new sanctions would follow")]
