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


def test_said_with_a_broken_parse_still_reports_the_clause() -> None:
    text = (
        "Finland said its attempt to launch a new weather satellite ended in failure on "
        "Monday when a newly built engine exploded in flight."
    )
    found = quotes(text)
    assert len(found) == 1 and found[0][1] == "Finland"
    assert found[0][2].startswith("its attempt to launch a new weather satellite ended")


def test_said_with_a_real_object_is_not_a_statement() -> None:
    assert quotes("The mayor said a prayer for the victims and left.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The storm came hours after Oslo issued a warning that it would close the port "
            "by June 4.",
            "Oslo",
            "it would close the port by June 4",
        ),
        (
            "Maria Olsen gave an assurance that the school would reopen in May.",
            "Maria Olsen",
            "the school would reopen in May",
        ),
    ],
)
def test_a_statement_noun_with_a_that_clause(text: str, speaker: str, content: str) -> None:
    assert [(s, c) for _, s, c in quotes(text)] == [(speaker, content)]


def test_rejecting_a_claim_is_not_making_it() -> None:
    assert quotes("Maria Olsen rejected the statement that the school would close.") == []


def test_its_spokesperson_with_no_organisation_named_is_the_sentence_subject() -> None:
    text = (
        "The city water board will raise prices next year to pay for new pipes, its "
        "spokesperson said on Monday."
    )
    ((_, speaker, content),) = quotes(text)
    assert speaker == "city water board"
    assert content.startswith("The city water board will raise prices")


def test_a_naming_participle_ends_the_statement_before_it() -> None:
    found = quotes(
        'Maria Olsen insisted the flights had not been cancelled, calling the reports "false."'
    )
    assert found[0] == ("indirect", "Maria Olsen", "the flights had not been cancelled")
    assert [(k, s) for k, s, _ in found[1:]] == [("direct", "Maria Olsen")]


def test_a_statement_starts_at_the_first_complement_not_a_later_that() -> None:
    ((_, speaker, content),) = quotes(
        "Maria Olsen, the airline's chief executive, said passengers would be refunded, "
        "and that the delays were regrettable."
    )
    assert speaker == "Maria Olsen"
    assert content.startswith("passengers would be refunded")
    assert content.endswith("the delays were regrettable")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Another drone went down in the desert, according to rebel images.", []),
        ("The toll rose to 40, according to official figures.", []),
        (
            "The toll rose to 40, according to data from the health ministry.",
            [("indirect", "health ministry", "The toll rose to 40")],
        ),
        (
            "The toll rose to 40, according to Maria Olsen.",
            [("indirect", "Maria Olsen", "The toll rose to 40")],
        ),
    ],
)
def test_according_to_pictures_or_figures_is_not_reported_speech(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert quotes(text) == expected


def test_according_to_inside_the_statement_covers_the_sentence() -> None:
    found = quotes("The plant, according to Energoatom, lost power twice on Monday.")
    assert len(found) == 1 and found[0][1] == "Energoatom"
    assert found[0][2].startswith("The plant") and found[0][2].endswith("twice on Monday")
    # after a finite clause the phrase closes that clause's statement
    found = quotes("Prices rose in May, according to the ministry, and fell in June.")
    assert found == [("indirect", "ministry", "Prices rose in May")]


def test_a_report_in_a_relative_clause_with_a_subjectless_statement() -> None:
    found = quotes(
        "The rebels released footage they said showed the helicopter being hit by a missile "
        "over the northern desert."
    )
    assert len(found) == 1
    kind, speaker, content = found[0]
    assert speaker == "rebels"
    assert content.startswith("showed the helicopter being hit")


def test_an_object_holding_quoted_words_is_a_mixed_statement() -> None:
    found = quotes(
        'Foreign Minister Anna Berg stressed the need for "direct" and "steady talks" '
        "between Norway and Sweden during her visit to Oslo."
    )
    assert len(found) == 1
    kind, speaker, content = found[0]
    assert (kind, speaker) == ("mixed", "Anna Berg")
    assert content.startswith("the need for") and "between Norway and Sweden" in content
    # a naming verb keeps its own rule: the quoted name alone, given to the subject
    found = quotes('Anna Berg called the plan "a disaster for the region".')
    assert found == [("direct", "Anna Berg", "a disaster for the region")]


def test_a_dateline_parsed_as_a_second_subject_does_not_speak() -> None:
    text = (
        "Talks in Oslo\n\nState Department — U.S. Secretary of State Antony Blinken stressed "
        'the need for "direct" and "steady talks" with Norway during his visit.'
    )
    assert [s for _, s, _ in quotes(text)] == ["Antony Blinken"]


def test_a_scare_quoted_modifier_of_an_object_is_not_a_statement() -> None:
    assert quotes('The minister announced a "historic" deal with Sweden.') == []


def said(text: str) -> list[tuple[str | None, str]]:
    """(speaker, statement) of every quote in ``text``."""
    return [(speaker, content) for _, speaker, content in quotes(text)]


def test_a_parenthetical_frame_gives_the_statement_it_interrupts() -> None:
    got = said("Peter Smith spoke on Friday. Despite that, he said, the economy is growing.")
    assert got == [("Peter Smith", "the economy is growing")]
    # a statement that began before the frame is the whole sentence
    got = said("Peter Smith spoke on Friday. The plan, he said, was wrong.")
    assert got == [("Peter Smith", "The plan, he said, was wrong")]


def test_a_finite_cue_the_parser_hung_on_a_noun_speaks_for_that_noun() -> None:
    text = (
        "Speaking at the Security Council, Lebanon's top diplomat, Abdallah Bouhabib, "
        'called the attack "an unprecedented method of warfare."'
    )
    assert said(text) == [("Abdallah Bouhabib", "an unprecedented method of warfare.")]
    # a participle naming something ("a plan called Atlas") is no statement
    assert said("The plan called Atlas was approved on Monday.") == []


def test_a_speaker_hung_on_an_organisation_is_not_that_organisation() -> None:
    text = (
        "In an interview with The Associated Press, the embattled leader denied once "
        "again that the attack was planned."
    )
    speakers = [s for s, _ in said(text)]
    assert speakers and "Associated Press" not in speakers
