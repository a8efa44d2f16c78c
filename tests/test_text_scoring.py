"""The scorer of extraction output against gold readings: hand-made pairs, scores by hand."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.errors import BadInputError
from analysis.text.scoring import (
    CountryCounts,
    Tally,
    match_quotes,
    names_match,
    normalize_name,
    score_article,
    score_many,
)

TEXT = (
    '"We will not give up," said Maria Lopez, the mayor. The council said the bridge would '
    "reopen on Tuesday. Acme Corp. told Reuters that profits fell."
)


def span(passage: str, occurrence: int = 0) -> list[int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(passage, start + 1)
    return [start, start + len(passage)]


def gold_reading() -> dict[str, Any]:
    quotes = [
        ("We will not give up,", "direct", "Maria Lopez"),
        ("the bridge would reopen on Tuesday", "indirect", "City Council"),
        ("profits fell", "indirect", "Acme Corp."),
    ]
    return {
        "id": "t1",
        "countries": ["ESP", "MEX"],
        "people": [{"name": "Maria Lopez", "aliases": ["the mayor"]}],
        "organizations": [
            {"name": "City Council", "aliases": ["council"]},
            {"name": "Acme Corp.", "aliases": []},
            {"name": "Reuters", "aliases": []},
        ],
        "dates": [{"text": "Tuesday", "span": span("Tuesday"), "iso": "2024-05-14"}],
        "quotes": [
            {"text": t, "span": span(t), "kind": k, "speaker": s, "cue": "said"}
            for t, k, s in quotes
        ],
        "claims": [],
    }


def perfect_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """What an extractor that agrees with the gold reading in every respect would print."""
    return {
        "countries": [{"iso3": c} for c in gold["countries"]],
        "people": [{"name": p["name"], "aliases": []} for p in gold["people"]],
        "organizations": [{"name": o["name"], "aliases": []} for o in gold["organizations"]],
        "dates": [
            {"text": d["text"], "start": d["span"][0], "end": d["span"][1], "iso": d["iso"]}
            for d in gold["dates"]
        ],
        "quotes": [
            {"text": q["text"], "start": q["span"][0], "end": q["span"][1], "speaker": q["speaker"]}
            for q in gold["quotes"]
        ],
    }


def test_a_perfect_prediction_scores_one_everywhere() -> None:
    gold = gold_reading()
    s = score_article(gold, perfect_prediction(gold))
    assert s.quotes_found == Tally(3, 3)
    assert s.right_speaker == Tally(3, 3)
    assert s.quote_precision == Tally(3, 3)
    assert (s.dates.ratio, s.people.ratio, s.organizations.ratio, s.country_f1) == (1, 1, 1, 1)
    assert all(not rows for kind, rows in s.misses.items() if kind != "country")


def test_a_missing_quote_lowers_recall_by_one_over_n() -> None:
    gold = gold_reading()
    pred = perfect_prediction(gold)
    del pred["quotes"][1]
    s = score_article(gold, pred)
    n = len(gold["quotes"])
    assert s.quotes_found.ratio == pytest.approx(1 - 1 / n)
    assert s.right_speaker.ratio == pytest.approx(1 - 1 / n)
    assert s.quote_precision == Tally(2, 2)  # both extracted quotes are real
    assert [m["text"] for m in s.misses["quote"]] == ["the bridge would reopen on Tuesday"]


def test_a_wrong_speaker_is_found_but_not_right() -> None:
    gold = gold_reading()
    pred = perfect_prediction(gold)
    pred["quotes"][2]["speaker"] = "Reuters"  # the outlet told, not the speaker
    s = score_article(gold, pred)
    assert s.quotes_found == Tally(3, 3)
    assert s.right_speaker == Tally(2, 3)
    assert s.misses["speaker"] == [
        {"text": "profits fell", "gold": "Acme Corp.", "said": "Reuters"}
    ]


def test_a_quote_without_speaker_is_not_right() -> None:
    gold = gold_reading()
    pred = perfect_prediction(gold)
    pred["quotes"][0]["speaker"] = None
    assert score_article(gold, pred).right_speaker == Tally(2, 3)


def test_overlap_must_cover_half_of_the_gold_span() -> None:
    gold = gold_reading()
    start, end = gold["quotes"][1]["span"]  # 34 characters
    length = end - start
    half = (length + 1) // 2
    for covered, counted in [(half - 1, False), (half, True), (length, True)]:
        pred = perfect_prediction(gold)
        pred["quotes"][1].update(start=start, end=start + covered)
        found = score_article(gold, pred).quotes_found
        assert found == Tally(3 if counted else 2, 3), covered
    # a longer extracted span that covers the whole gold quote counts
    pred = perfect_prediction(gold)
    pred["quotes"][1].update(start=start - 10, end=end + 15)
    assert score_article(gold, pred).quotes_found == Tally(3, 3)


def test_matching_is_one_to_one_and_greedy_by_overlap() -> None:
    # one extracted span over two gold quotes is paired with the one it overlaps most
    assert match_quotes([(0, 10), (10, 14)], [(0, 14)]) == {0: 0}
    # the larger overlap wins even when it is listed later
    assert match_quotes([(0, 10)], [(0, 6), (0, 9)]) == {0: 1}
    gold = gold_reading()
    pred = perfect_prediction(gold)
    pred["quotes"] = [{"start": 0, "end": gold["quotes"][1]["span"][1], "speaker": "Maria Lopez"}]
    s = score_article(gold, pred)
    assert s.quotes_found == Tally(1, 3)
    assert s.quote_precision == Tally(1, 1)


def test_quote_precision_counts_invented_quotes() -> None:
    gold = gold_reading()
    pred = perfect_prediction(gold)
    pred["quotes"].append({"start": 200, "end": 220, "speaker": "Someone"})
    s = score_article(gold, pred)
    assert s.quote_precision == Tally(3, 4)
    assert s.quotes_found == Tally(3, 3)


def test_speakers_match_by_surname_alias_and_extractor_aliases() -> None:
    gold = gold_reading()
    pred = perfect_prediction(gold)
    pred["quotes"][0]["speaker"] = "Lopez"  # surname rule
    pred["quotes"][1]["speaker"] = "Municipal body"  # an extractor alias, below
    pred["organizations"].append({"name": "Municipal body", "aliases": ["council"]})
    pred["quotes"][2]["speaker"] = "ACME CORP"  # normalised spelling
    assert score_article(gold, pred).right_speaker == Tally(3, 3)


def test_unnamed_speakers_match_by_head_noun() -> None:
    gold = gold_reading()
    gold["quotes"][2].update(speaker="spokesperson", speaker_named=False)
    pred = perfect_prediction(gold)
    pred["quotes"][2]["speaker"] = "A company spokesperson"
    assert score_article(gold, pred).right_speaker == Tally(3, 3)
    pred["quotes"][2]["speaker"] = "Acme Corp."
    assert score_article(gold, pred).right_speaker == Tally(2, 3)


def test_joint_speakers_and_government_aliases() -> None:
    gold = gold_reading()
    gold["quotes"][1]["speaker"] = ["City Council", "Maria Lopez"]
    gold["quotes"][2].update(speaker="Spain", speaker_aliases=["Madrid"])
    pred = perfect_prediction(gold)
    pred["quotes"][1]["speaker"] = "Maria Lopez"
    pred["quotes"][2]["speaker"] = "Madrid"
    assert score_article(gold, pred).right_speaker == Tally(3, 3)


def test_dates_need_overlap_and_the_same_resolution() -> None:
    gold = gold_reading()
    gold["dates"].append({"text": "fiscal", "span": [0, 3], "iso": None})
    pred = perfect_prediction(gold)
    assert score_article(gold, pred).dates == Tally(2, 2)  # null matches null
    pred["dates"][0]["iso"] = "2024-05-07"  # the Tuesday before
    s = score_article(gold, pred)
    assert s.dates == Tally(1, 2)
    assert s.misses["date"] == [
        {"text": "Tuesday", "gold": "2024-05-14", "said": [("Tuesday", "2024-05-07")]}
    ]
    pred = perfect_prediction(gold)
    pred["dates"][0].update(start=0, end=2)  # right value, wrong place
    assert score_article(gold, pred).dates == Tally(1, 2)


def test_people_and_organisations_recall_uses_aliases() -> None:
    gold = gold_reading()
    pred = perfect_prediction(gold)
    pred["people"] = [{"name": "Mayor", "aliases": ["Maria Lopez"]}]  # found through an alias
    pred["organizations"] = [{"name": "council", "aliases": []}, {"name": "Reuters News"}]
    s = score_article(gold, pred)
    assert s.people == Tally(1, 1)
    assert s.organizations == Tally(1, 3)  # council (gold alias); "Reuters News" is not Reuters
    assert sorted(m["name"] for m in s.misses["organization"]) == ["Acme Corp.", "Reuters"]


def test_country_f1_by_hand() -> None:
    gold = gold_reading()  # ESP, MEX
    pred = perfect_prediction(gold)
    pred["countries"] = [{"iso3": "ESP"}, {"iso3": "FRA"}, {"iso3": "USA"}]
    s = score_article(gold, pred)
    assert s.countries == CountryCounts(tp=1, fp=2, fn=1)
    assert s.country_f1 == pytest.approx(2 * 1 / (2 * 1 + 2 + 1))
    assert s.misses["country"] == [{"missing": ["MEX"], "extra": ["FRA", "USA"]}]


def test_overall_figures_are_micro_averages() -> None:
    a = gold_reading()  # 3 quotes, countries ESP MEX
    b = gold_reading()
    b["id"] = "t2"
    b["quotes"] = b["quotes"][:1]  # 1 quote
    b["countries"] = ["ESP"]
    pa = perfect_prediction(a)
    pa["quotes"] = pa["quotes"][:1]  # finds 1 of 3
    pa["countries"] = [{"iso3": "ESP"}]  # tp 1, fn 1
    pb = perfect_prediction(b)  # finds 1 of 1
    pb["countries"] = [{"iso3": "ESP"}, {"iso3": "PRT"}]  # tp 1, fp 1
    score = score_many([(a, pa), (b, pb)])
    figures = score.figures()
    assert score.articles == 2
    assert figures["quotes found"] == pytest.approx(2 / 4)  # not the mean of 1/3 and 1
    assert figures["country F1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))
    table = score.table()
    assert table["id"].tolist() == ["t1", "t2"]
    assert table["quotes found"].tolist() == pytest.approx([1 / 3, 1.0])


def test_nothing_to_count_is_none_not_zero() -> None:
    gold = {
        "id": "e",
        "quotes": [],
        "dates": [],
        "people": [],
        "organizations": [],
        "countries": [],
    }
    s = score_article(gold, {"quotes": [], "countries": []})
    assert s.quotes_found.ratio is None and s.dates.ratio is None
    assert s.country_f1 == 1.0  # two empty sets agree


def test_a_malformed_prediction_is_a_user_error() -> None:
    with pytest.raises(BadInputError, match="quotes"):
        score_article(gold_reading(), {"quotes": "not a list"})


@pytest.mark.parametrize(
    ("gold", "predicted", "person", "expected"),
    [
        ("Yoshimasa Hayashi", "Hayashi", True, True),
        ("Mohibul Hasan Chowdhury", "Hasan Chowdhury", True, True),
        ("Jean-Michel Sama Lukonde", "Jean-Michel Lukonde", True, True),
        ("Joe Biden", "Jill Biden", True, False),
        ("Yoshimasa Hayashi", "Hayashi", False, False),  # no surname rule for organisations
        ("José Ramos-Horta", "Jose Ramos Horta", True, True),
        ("The Associated Press", "Associated Press", False, True),
    ],
)
def test_names_match(gold: str, predicted: str, person: bool, expected: bool) -> None:
    assert names_match(gold, [], predicted, person=person) is expected


def test_normalize_name() -> None:
    assert normalize_name("  The  KREMLIN's ") == "kremlin"
    assert normalize_name("Société Nationale d'Électricité") == "societe nationale d electricite"
