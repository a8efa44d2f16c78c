"""Text extraction: read an English news article the way a careful fact-checker does.

>>> from analysis.text import analyze
>>> analyze("Finland joined NATO on April 4.", published="2023-05-10").dates["iso"].tolist()
['2023-04-04']

Importing this package also registers the spaCy factory ``news_analysis``
(:mod:`analysis.text.component`): ``nlp.add_pipe("news_analysis")`` adds the
extraction to a pipeline of one's own, with ``Doc._.analysis`` and ``Doc._.quotes``.
"""

from __future__ import annotations

from analysis.text.analyze import (
    Analysis,
    Table,
    analyze,
    analyze_doc,
    analyze_many,
    looks_english,
)
from analysis.text.component import NewsAnalysis
from analysis.text.countries import find_countries, gazetteer, resolve_country
from analysis.text.dates import find_dates
from analysis.text.pipeline import load_pipeline
from analysis.text.quotes import find_quote_spans

__all__ = [
    "Analysis",
    "NewsAnalysis",
    "Table",
    "analyze",
    "analyze_doc",
    "analyze_many",
    "find_countries",
    "find_dates",
    "find_quote_spans",
    "gazetteer",
    "load_pipeline",
    "looks_english",
    "resolve_country",
]
