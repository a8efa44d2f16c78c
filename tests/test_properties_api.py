"""Property-based tests of the public API below the text engine: whatever a caller passes,
the package answers or raises one of its own errors (an ``AnalysisError``), never a
``TypeError``, ``KeyError`` or a pandas error."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import AnalysisError, BadInputError
from analysis.claims import Claim, claims_from
from analysis.countries import get, resolve
from analysis.dates import as_date, parse_partial_date, shift_days, shift_years
from analysis.reference import members_on, resolve_alliance

#: Anything a caller might pass where a value is expected.
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.binary(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dates(),
    st.datetimes(),
    st.just(pd.NaT),
    st.just(np.datetime64("NaT")),
    st.dates().map(lambda d: np.datetime64(d.isoformat())),
    st.dates(min_value=date(1700, 1, 1), max_value=date(2250, 1, 1)).map(pd.Timestamp),
)
DATES = st.one_of(
    st.dates(),
    st.datetimes(),
    st.dates().map(date.isoformat),
    st.dates().map(lambda d: np.datetime64(d.isoformat())),
    st.dates(min_value=date(1700, 1, 1), max_value=date(2250, 1, 1)).map(pd.Timestamp),
)


@given(ANYTHING)
def test_as_date_answers_or_names_the_argument(value: object) -> None:
    try:
        out = as_date(value, "published", optional=True)
    except BadInputError as exc:
        assert "published" in str(exc) and "\n" not in str(exc)
    else:
        assert out is None or isinstance(out, date)


@given(DATES)
def test_every_date_type_a_pandas_user_has_is_accepted(value: object) -> None:
    out = as_date(value, "on")
    assert isinstance(out, date) and not isinstance(out, datetime)


@given(st.dates(), st.integers(min_value=-(10**7), max_value=10**7))
def test_date_arithmetic_never_overflows(day: date, n: int) -> None:
    assert isinstance(shift_days(day, n), date)
    assert isinstance(shift_years(day, n % 20000 - 10000), date)


@given(st.text(max_size=12), st.sampled_from(["day", "month", "year", "decade", "before",
                                               "unknown", "week", ""]))  # fmt: skip
def test_partial_dates_raise_value_error_only(value: str, precision: str) -> None:
    try:
        first, last = parse_partial_date(value, precision)
    except ValueError:
        return
    assert first is None or last is None or first <= last


@given(ANYTHING)
def test_country_resolution_answers_or_raises_its_own_error(value: object) -> None:
    try:
        country = resolve(value)  # type: ignore[arg-type]
    except AnalysisError as exc:
        assert "\n" not in str(exc)
    else:
        assert get(country.code) == country


@given(ANYTHING, DATES)
@settings(max_examples=60)
def test_alliance_queries_answer_or_raise_their_own_error(alliance: object, on: object) -> None:
    try:
        members = members_on(alliance, on)  # type: ignore[arg-type]
    except AnalysisError as exc:
        assert "\n" not in str(exc)
    else:
        assert members == [] or resolve_alliance(alliance)  # type: ignore[arg-type]


@given(st.dictionaries(st.sampled_from(["text", "kinds", "start", "countries", "numbers",
                                        "dates", "published", "in_quote"]), ANYTHING))  # fmt: skip
@settings(max_examples=80)
def test_claim_records_are_read_or_rejected(record: dict[str, object]) -> None:
    try:
        claims = claims_from([record])
    except AnalysisError:
        return
    assert isinstance(claims[0], Claim)


@pytest.mark.parametrize("value", [None, 42, "Finland joined NATO.", b"x", object()])
def test_claims_from_rejects_what_holds_no_claims(value: object) -> None:
    with pytest.raises(BadInputError):
        claims_from(value)
