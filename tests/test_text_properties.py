"""Property-based tests of the text API: random Unicode text, random dates.

Whatever text and publication date a user passes, ``analyze`` either returns an
analysis whose offsets point into its own text and whose output validates against
the schema, or raises the package's own error (:class:`analysis.errors.AnalysisError`).
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import AnalysisError, BadInputError
from analysis.text import analyze, analyze_many
from analysis.text.schema import validate

pytestmark = pytest.mark.filterwarnings("ignore:text does not look like English")

_SETTINGS = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)

#: News-like words mixed with arbitrary Unicode, quotes and line breaks.
_WORDS = st.sampled_from(
    ["Finland", "joined", "NATO", "on", "April", "4", "said", "“", "”", '"', "'", "—",
     "Tuesday", "last", "week", "Hayashi", "the", "minister", "according", "to", ",", ".",
     "\n\n", "\n", "km", "about", "2023", "he", "she", "Kremlin", ":"]
)  # fmt: skip
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_WORDS, st.text(max_size=6)), max_size=80).map(" ".join),
)
_DATES = st.one_of(
    st.none(),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.dates(min_value=date(1700, 1, 1), max_value=date(2200, 1, 1)).map(pd.Timestamp),
    st.dates(min_value=date(1700, 1, 1), max_value=date(2200, 1, 1)).map(
        lambda d: np.datetime64(d.isoformat())
    ),
    st.dates().map(date.isoformat),
    st.just(pd.NaT),
    st.text(max_size=12),
    st.integers(),
    st.floats(allow_nan=True),
)


def _check(result_text: str, out: dict) -> None:
    validate(out)
    for table in ("entities", "dates", "quotes", "claims"):
        for row in out[table]:
            assert 0 <= row["start"] <= row["end"] <= len(result_text)
            assert result_text[row["start"] : row["end"]] == row["text"]


@_SETTINGS
@given(text=_TEXT, published=_DATES)
def test_analyze_raises_only_the_packages_errors(text: str, published: object) -> None:
    try:
        result = analyze(text, published)
    except AnalysisError:
        return
    _check(result.text, result.to_dict())


@_SETTINGS
@given(texts=st.lists(_TEXT, max_size=3), published=_DATES)
def test_analyze_many_raises_only_the_packages_errors(texts: list[str], published: object) -> None:
    try:
        results = list(analyze_many([t for t in texts if t.strip()], published=published))
    except AnalysisError:
        return
    for result in results:
        _check(result.text, result.to_dict())


@_SETTINGS
@given(value=st.one_of(st.integers(), st.floats(), st.lists(st.integers()), st.binary()))
def test_bad_published_types_name_the_argument(value: object) -> None:
    try:
        analyze("Finland joined NATO on April 4.", value)
    except BadInputError as exc:
        assert "published" in str(exc)
    else:
        raise AssertionError(f"{value!r} was accepted as a date")
