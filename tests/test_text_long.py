"""Long texts in paragraph batches, and the argument checks of analyze/analyze_many."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.errors import BadInputError
from analysis.text import analyze, analyze_many, batching, load_pipeline
from analysis.text.batching import pipe_long, split_paragraphs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from bench_long_text import long_text  # noqa: E402


def test_split_keeps_every_character_and_the_limit() -> None:
    text = long_text(30_000)
    pieces = split_paragraphs(text, 4_000)
    assert "".join(pieces) == text
    assert all(len(p) <= 4_000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut at paragraph breaks


def test_batched_parse_is_the_pieces_parsed_and_shifted() -> None:
    text = long_text(12_000)
    nlp = load_pipeline()
    joined, _ = next(pipe_long(nlp, [(text, None)], limit=3_000))
    assert joined.text == text
    expected = []
    offset = 0
    for piece in split_paragraphs(text, 3_000):
        ents = nlp(piece).ents
        expected += [(offset + e.start_char, offset + e.end_char, e.label_) for e in ents]
        offset += len(piece)
    assert [(e.start_char, e.end_char, e.label_) for e in joined.ents] == expected
    assert len(expected) > 100


def test_batched_analysis_matches_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    text = long_text(12_000)
    whole = analyze(text, "2024-06-01")
    monkeypatch.setattr(batching, "CHUNK_CHARS", 3_000)
    monkeypatch.setattr(
        batching.pipe_long, "__kwdefaults__", {**batching.pipe_long.__kwdefaults__, "limit": 3_000}
    )
    pieces = analyze(text, "2024-06-01")
    assert pieces.text == whole.text
    # dates are found in the text, not the parse: the same in both
    cols = ["start", "end", "iso"]
    assert pieces.dates[cols].values.tolist() == whole.dates[cols].values.tolist()
    assert len(pieces.quotes) > 20
    for frame in ("quotes", "dates", "entities"):
        for _, row in getattr(pieces, frame).iterrows():
            assert pieces.text[row["start"] : row["end"]] == row["text"]


def test_longer_than_spacy_max_length(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = load_pipeline()
    monkeypatch.setattr(nlp, "max_length", 5_000)
    text = long_text(8_000)
    with pytest.raises(ValueError, match="max_length"):
        nlp(text)
    doc, _ = next(pipe_long(nlp, [(text, "x")], limit=3_000))
    assert doc.text == text


@pytest.mark.parametrize(
    "published",
    [
        "2023-05-10",
        date(2023, 5, 10),
        datetime(2023, 5, 10, 13, 30),
        pd.Timestamp("2023-05-10"),
        np.datetime64("2023-05-10"),
    ],
)
def test_published_as_pandas_users_pass_it(published: object) -> None:
    a = analyze("Finland joined NATO on April 4.", published)
    assert a.dates["iso"].tolist() == ["2023-04-04"]
    assert a.article["published"] == "2023-05-10"


@pytest.mark.parametrize("missing", [None, pd.NaT, np.datetime64("NaT")])
def test_published_missing(missing: object) -> None:
    a = analyze("Finland joined NATO on Tuesday.", missing)
    assert a.article["published"] is None
    assert a.dates["iso"].tolist() == [None]


@pytest.mark.parametrize("bad", [3.5, 20230510, ["2023-05-10"], object(), "May 10th"])
def test_published_rejected_naming_the_argument(bad: object) -> None:
    with pytest.raises(BadInputError, match="published"):
        analyze("Finland joined NATO.", bad)


def test_analyze_many_with_a_dataframe() -> None:
    df = pd.DataFrame(
        {"text": ["Finland joined NATO on April 4."] * 2,
         "published": pd.to_datetime(["2023-05-10", None])}
    )  # fmt: skip
    runs = list(analyze_many(zip(df.text, df.published, strict=True)))
    assert [r.dates["iso"].tolist() for r in runs] == [["2023-04-04"], [None]]


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"texts": "a string"}, "texts"),
        ({"texts": b"bytes"}, "texts"),
        ({"texts": 42}, "texts"),
        ({"texts": ["x"], "batch_size": 0}, "batch_size"),
        ({"texts": ["x"], "batch_size": -3}, "batch_size"),
        ({"texts": ["x"], "batch_size": 2.5}, "batch_size"),
        ({"texts": ["x"], "n_process": 0}, "n_process"),
        ({"texts": ["x"], "n_process": True}, "n_process"),
        ({"texts": ["x"], "published": 12.0}, "published"),
    ],
)
def test_analyze_many_rejects_bad_arguments_at_the_call(kwargs: dict, word: str) -> None:
    with pytest.raises(BadInputError, match=word):
        analyze_many(**kwargs)
