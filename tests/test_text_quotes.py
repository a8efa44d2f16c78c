"""Quotes: marks, apostrophes, multi-paragraph quotes, attributions and reported speech."""

from __future__ import annotations

from analysis.text import analyze, find_quote_spans


def quotes(text: str) -> list[tuple[str, str | None, str | None, str]]:
    q = analyze(text).quotes
    return [
        (r["kind"], r["speaker"], r["cue"] if isinstance(r["cue"], str) else None, r["text"])
        for _, r in q.iterrows()
    ]


def test_straight_and_curly_marks() -> None:
    text = 'Talks\n\n"We are ready to talk," Jens Stoltenberg said.\n\n“We remain open,” he added.'
    assert quotes(text) == [
        ("direct", "Jens Stoltenberg", "said", "We are ready to talk"),
        ("direct", "Jens Stoltenberg", "added", "We remain open"),
    ]


def test_apostrophes_are_not_quote_marks() -> None:
    text = (
        "Russia's war and the allies' plans didn't change Finland’s course, officials' notes show."
    )
    assert find_quote_spans(text) == []
    assert analyze(text).quotes.empty


def test_single_quotes_as_quotation_marks() -> None:
    spans = find_quote_spans("He called it ‘a dangerous step for Europe’ on Monday.")
    assert len(spans) == 1


def test_odd_and_unbalanced_marks_do_not_raise() -> None:
    for text in ['He said "yes.', 'A " B " C "', "”Backwards“ marks.", '"', "''", "« ouvert"]:
        find_quote_spans(text)
        analyze("Title\n\n" + text)
    spans = find_quote_spans('An "unclosed quote\n\nNext paragraph says "ok".')
    assert [s.close is None for s in spans] == [True, False]


def test_multi_paragraph_quote() -> None:
    text = (
        'Peskov warned.\n\nKremlin spokesman Dmitry Peskov said: "The expansion is a threat.\n\n'
        '"We will respond with countermeasures."\n\nOther news followed.'
    )
    rows = quotes(text)
    assert len(rows) == 1
    kind, speaker, cue, content = rows[0]
    assert (kind, speaker, cue) == ("direct", "Dmitry Peskov", "said")
    assert "threat" in content and "countermeasures" in content


def test_dash_and_colon_attributions() -> None:
    text = (
        'Report\n\n"Security in Europe and Asia is indivisible." — Jens Stoltenberg\n\n'
        "Fumio Kishida: Japan will deepen its partnership with NATO."
    )
    rows = quotes(text)
    assert rows[0][:3] == ("direct", "Jens Stoltenberg", "dash")
    assert rows[1][:3] == ("direct", "Fumio Kishida", "colon")
    assert rows[1][3].startswith("Japan will deepen")


def test_quote_paragraph_goes_to_last_named_speaker() -> None:
    text = (
        "Talks\n\nForeign Minister Penny Wong said that Australia supports the plan.\n\n"
        "“It makes the whole region safer and more stable.”"
    )
    rows = quotes(text)
    assert rows[1][0] == "direct" and rows[1][1] == "Penny Wong" and rows[1][2] is None


def test_reported_speech() -> None:
    text = (
        "Defence Minister Yasukazu Hamada met reporters. According to him, the drills went well. "
        "The ministry will publish details, the Kyodo agency reported. "
        'Hamada told NHK that the talks were "very productive" and would continue.'
    )
    rows = quotes(text)
    assert rows[0][:3] == ("indirect", "Yasukazu Hamada", "according to")
    assert rows[1][0] == "indirect" and rows[1][2] == "reported"
    assert rows[2][:3] == ("mixed", "Yasukazu Hamada", "told")


def test_pronoun_and_description_speakers() -> None:
    text = (
        "President Sauli Niinisto visited Tokyo. "
        "The president said that Finland wants closer ties. "
        "He stressed that the border is long."
    )
    rows = quotes(text)
    assert [r[1] for r in rows] == ["Sauli Niinisto", "Sauli Niinisto"]


def test_scare_quotes_are_not_quotes() -> None:
    assert analyze('The so-called "peace plan" was rejected in Kyiv.').quotes.empty
    # A label quoted with a naming verb is the subject's wording, not a scare quote.
    q = analyze('Moscow calls it a "special military operation" in Ukraine.').quotes
    assert q["text"].tolist() == ["special military operation"]
    assert q["cue"].tolist() == ["calls"]


def test_words_quoted_with_a_naming_verb_are_attributed() -> None:
    text = (
        'Blinken called it "a historic moment". North Korea\'s state media, KCNA, '
        'called the alliance "a war machine". Critics see a "new era" of tension.'
    )
    quotes = analyze(text, published="2024-03-07").quotes
    pairs = zip(quotes["speaker"], quotes["cue"], strict=True)
    by_text = dict(zip(quotes["text"], pairs, strict=True))
    assert by_text["a historic moment"] == ("Blinken", "called")
    assert by_text["a war machine"][1] == "called"
    assert "new era" not in by_text  # a scare quote with no speaker stays out


def test_reported_speech_in_a_relative_clause_starts_after_the_cue() -> None:
    text = "It is a shift that analysts say is the biggest change since the Cold War."
    q = analyze(text, published="2024-03-07").quotes
    assert q["text"].tolist() == ["is the biggest change since the Cold War"]
    assert q["speaker"].tolist() == ["analysts"]


def _rows(text: str) -> list[dict]:
    return analyze(text, published="2024-05-10").to_dict()["quotes"]


def test_participle_frames() -> None:
    rows = _rows(
        "Chief Cabinet Secretary Yoshimasa Hayashi told reporters the launch failed, adding "
        "the government presumes nothing reached space."
    )
    adding = next(r for r in rows if r["cue"] == "adding")
    assert adding["speaker"] == "Yoshimasa Hayashi"
    assert adding["text"].startswith("the government presumes")
    rows = _rows("The BBC quoted one merchant as saying rains often flooded the market.")
    assert [(r["speaker"], r["cue"]) for r in rows] == [("one merchant", "saying")]


def test_passive_attribution() -> None:
    rows = _rows(
        "Japan is in talks to open a NATO office. This was announced by Foreign Minister "
        "Yoshimasa Hayashi. The plan was first reported by Nikkei Asia."
    )
    assert [(r["text"], r["speaker"], r["cue"]) for r in rows] == [
        ("Japan is in talks to open a NATO office", "Yoshimasa Hayashi", "announced"),
        ("The plan", "Nikkei Asia", "reported"),
    ]


def test_cue_verbs_from_the_lexicon() -> None:
    for verb in ("tweeted", "warned", "insisted", "claimed"):
        rows = _rows(f"Senator Jane Roe {verb} that the deal was dead.")
        assert [(r["speaker"], r["cue"]) for r in rows] == [("Jane Roe", verb)], verb
    assert _rows("Officials ordered that the border be closed.") == []  # excluded verb


def test_joint_speakers_and_ids() -> None:
    (row,) = _rows("Joe Biden and Xi Jinping said that talks would continue.")
    assert row["speakers"] == ["Joe Biden", "Xi Jinping"]
    assert len(row["speaker_ids"]) == 2 and row["speaker_id"] == row["speaker_ids"][0]


def test_pronouns_respect_gender() -> None:
    rows = _rows("Mr. John Smith met Mrs. Anna Berg in Oslo. She said that the talks went well.")
    assert [(r["speaker"], r["attribution"]) for r in rows] == [("Anna Berg", "pronoun")]


def test_title_makes_a_person_and_places_are_not_people() -> None:
    a = analyze("President Zelensky spoke at Sabina Shoal. Zelensky said that aid helps.")
    assert "Zelensky" in a.people["name"].tolist()
    assert "Sabina Shoal" not in a.people["name"].tolist()


def test_relative_pronoun_speaker() -> None:
    rows = _rows("Liu Pengyu, a spokesperson, who told VOA that China acted, left.")
    assert rows and rows[0]["speaker"] == "Liu Pengyu"


def test_i_think_inside_a_quote_is_not_extracted_twice() -> None:
    rows = _rows('"I think that the talks will work," Jens Stoltenberg said.')
    assert [(r["kind"], r["speaker"]) for r in rows] == [("direct", "Jens Stoltenberg")]


def test_names_are_never_split() -> None:
    a = analyze("Prime Minister Jean-Michel Sama Lukonde said that aid helps.")
    assert a.people["name"].tolist() == ["Jean-Michel Sama Lukonde"]
    assert a.quotes["speaker"].tolist() == ["Jean-Michel Sama Lukonde"]


def test_attributions_are_not_quotes() -> None:
    rows = _rows(
        "A State Department spokesperson, who insisted on anonymity according to department "
        "policy, said that talks had stalled. Officials met on Monday, announcing the "
        "official election results Sunday night."
    )
    assert [(r["cue"], r["text"]) for r in rows] == [("said", "talks had stalled")]


def test_complement_subject_parsed_as_object() -> None:
    rows = _rows("United Nations agencies warn the humanitarian situation in the city is "
                 "rapidly deteriorating.")  # fmt: skip
    assert rows[0]["text"].startswith("the humanitarian situation")


def test_who_climbs_to_the_person() -> None:
    rows = _rows(
        "The official reacted to comments by Liu Pengyu, a spokesperson for the Chinese "
        'Embassy in Washington, who told VOA, "The U.S. needs to stop."'
    )
    assert [(r["kind"], r["speaker"]) for r in rows] == [("direct", "Liu Pengyu")]


def test_sentence_final_attribution_covers_inner_cues() -> None:
    rows = _rows(
        "North Korea's National Aerospace Technology Administration issued a report. "
        "An initial analysis suggested that the cause was a new engine, but other causes "
        "were being investigated, the report said."
    )
    final = [r for r in rows if r["cue"] == "said"]
    assert len(final) == 1 and final[0]["text"].startswith("An initial analysis suggested")
    assert final[0]["speaker"] == "National Aerospace Technology Administration"
    assert not [r for r in rows if r["cue"] == "suggested"]
