"""Property-based tests of the geography and reference API: whatever a caller passes as a
country, scale, alliance, date or source, the package answers or raises one of its own
errors (an ``AnalysisError`` with a one-line message), never a ``TypeError``,
``KeyError``, ``ValueError`` or a pandas/shapely error."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import AnalysisError
from analysis.geo import land_borders, perimeter, resolve_country, shared_border
from analysis.reference import (
    accession_table,
    border_figures,
    factbook_borders,
    is_member,
    member_count,
    member_rank,
    offices,
    published_ratio,
)

#: What a caller might pass as a country: codes, names, junk, and non-strings.
COUNTRYISH = st.one_of(
    st.sampled_from(["RUS", "Finland", "fin", "XKX", "Kosovo", "SUN", "Congo", "Korea", "USA"]),
    st.text(max_size=20),
    st.none(),
    st.integers(),
    st.floats(allow_nan=True),
    st.binary(max_size=8),
    st.lists(st.text(max_size=3), max_size=2),
)
SCALEISH = st.one_of(
    st.sampled_from(["10m", "50m", "110m", "50m-ne4", "110m-ne4", "osm"]),
    st.text(max_size=6),
    st.none(),
    st.integers(),
)
ALLIANCEISH = st.one_of(
    st.sampled_from(["NATO", "EU", "CSTO", "Warsaw Pact", "CIS", "nato"]),
    st.text(max_size=12),
    st.none(),
    st.integers(),
)
DATEISH = st.one_of(
    st.dates(),
    st.datetimes(),
    st.dates().map(date.isoformat),
    st.text(max_size=12),
    st.none(),
    st.just(pd.NaT),
    st.dates().map(lambda d: np.datetime64(d.isoformat())),
    st.dates(min_value=date(1700, 1, 1), max_value=date(2250, 1, 1)).map(pd.Timestamp),
    st.integers(),
)

# Border computations load a layer once (cached); each example is then fast.
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _own_error(exc: AnalysisError) -> None:
    message = str(exc)
    assert message and "\n" not in message, f"not one line: {message!r}"


@SETTINGS
@given(COUNTRYISH, SCALEISH)
def test_country_on_a_layer_answers_or_raises_its_own_error(value: object, scale: object) -> None:
    try:
        code = resolve_country(value, scale)  # type: ignore[arg-type]
    except AnalysisError as exc:
        _own_error(exc)
    else:
        assert isinstance(code, str) and len(code) == 3


@SETTINGS
@given(COUNTRYISH, st.sampled_from(["10m", "110m"]))
def test_land_borders_answer_or_raise_their_own_error(value: object, scale: str) -> None:
    try:
        frame = land_borders(value, scale)  # type: ignore[arg-type]
    except AnalysisError as exc:
        _own_error(exc)
    else:
        assert {"neighbor_iso3", "length_km"} <= set(frame.columns)
        assert (frame["length_km"] > 0).all()


@SETTINGS
@given(COUNTRYISH, COUNTRYISH)
def test_shared_border_is_symmetric_or_refused(a: object, b: object) -> None:
    try:
        ab = shared_border(a, b, "110m")  # type: ignore[arg-type]
    except AnalysisError as exc:
        _own_error(exc)
        return
    ba = shared_border(b, a, "110m")  # type: ignore[arg-type]
    assert ab.length_km == pytest.approx(ba.length_km, rel=1e-9)
    assert ab.length_km >= 0


@SETTINGS
@given(COUNTRYISH)
def test_perimeter_is_positive_or_refused(value: object) -> None:
    try:
        km = perimeter(value, "110m")  # type: ignore[arg-type]
    except AnalysisError as exc:
        _own_error(exc)
    else:
        assert km > 0


@SETTINGS
@given(COUNTRYISH, ALLIANCEISH, DATEISH)
def test_membership_queries_answer_or_raise_their_own_error(
    country: object, alliance: object, on: object
) -> None:
    try:
        member = is_member(country, alliance, on)  # type: ignore[arg-type]
        count = member_count(alliance, on)  # type: ignore[arg-type]
    except AnalysisError as exc:
        _own_error(exc)
    else:
        assert isinstance(member, bool)
        assert count >= (1 if member else 0)


@SETTINGS
@given(COUNTRYISH, ALLIANCEISH)
def test_rank_and_accessions_answer_or_raise_their_own_error(
    country: object, alliance: object
) -> None:
    try:
        table = accession_table(alliance)  # type: ignore[arg-type]
    except AnalysisError as exc:
        _own_error(exc)
        return
    assert table["accession_date"].notna().all()
    try:
        rank = member_rank(country, alliance)  # type: ignore[arg-type]
    except AnalysisError as exc:
        _own_error(exc)
    else:
        assert 1 <= rank.members_after <= len(table)


@SETTINGS
@given(COUNTRYISH)
def test_published_figures_answer_or_raise_their_own_error(value: object) -> None:
    for lookup in (border_figures, factbook_borders):
        try:
            frame = lookup(value)  # type: ignore[operator]
        except AnalysisError as exc:
            _own_error(exc)
        else:
            assert isinstance(frame, pd.DataFrame)


@SETTINGS
@given(
    st.one_of(st.sampled_from(["cia_factbook_latest", "national_excl_sea"]), st.text(max_size=8)),
    st.lists(COUNTRYISH, max_size=3),
    st.lists(COUNTRYISH, max_size=3),
)
def test_published_ratio_answers_or_raises_its_own_error(
    series: str, before: list[object], after: list[object]
) -> None:
    try:
        ratio = published_ratio(series, before, after)  # type: ignore[arg-type]
    except AnalysisError as exc:
        _own_error(exc)
    else:
        assert ratio.before_km >= 0 and ratio.after_km >= 0


@SETTINGS
@given(st.one_of(st.none(), st.sampled_from(["NATO", "EU"]), st.text(max_size=8), st.integers()))
def test_offices_answer_or_raise_their_own_error(organisation: object) -> None:
    try:
        frame = offices(organisation)  # type: ignore[arg-type]
    except AnalysisError as exc:
        _own_error(exc)
    else:
        assert isinstance(frame, pd.DataFrame)
