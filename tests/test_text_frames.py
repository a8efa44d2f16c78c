"""Attribution frames the parser gets wrong: sentence-final speakers, participles.

Every text here was written for these tests (issue 15: missed quotes).
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
            "The probe is carried on a rocket set for liftoff from the launch center on the "
            "island of Hainan, the China National Space Administration announced.",
            "China National Space Administration",
            "The probe is carried on a rocket set for liftoff from the launch center on the "
            "island of Hainan",
        ),
        (
            "There are several main options, Melanie Verwoerd, a former member of parliament "
            "who is now a political analyst, told VOA.",
            "Melanie Verwoerd",
            "There are several main options",
        ),
    ],
)
def test_a_sentence_final_speaker_parsed_as_an_apposition(
    text: str, speaker: str, content: str
) -> None:
    found = quotes(text)
    assert [(s, c) for _, s, c in found] == [(speaker, content)]


def test_a_speech_participle_after_a_comma_starts_a_statement_of_its_own() -> None:
    text = (
        "The coast guard said on Saturday it had deployed a ship to the shoal, where it "
        "accused China of building an island, amid a maritime row, adding two other vessels "
        "were in rotational deployment in the area."
    )
    found = quotes(text)
    assert len(found) == 2
    assert found[0][2].endswith("amid a maritime row")
    assert found[1][2] == "two other vessels were in rotational deployment in the area"
    assert found[0][1] == found[1][1]
