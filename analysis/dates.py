"""The one date helper: turn what users pass into a :class:`datetime.date`, and back.

Every public function of the package that takes a date goes through :func:`as_date`,
so all of them accept the same things a pandas user has at hand:

* ``str`` in ISO 8601 form (``"2023-04-04"``, or a date-time such as
  ``"2023-04-04T10:00:00+02:00"``, whose calendar day is kept);
* :class:`datetime.date` and :class:`datetime.datetime`;
* :class:`pandas.Timestamp` and :class:`numpy.datetime64`;
* ``None``, ``pandas.NaT`` and a float NaN where the value is optional.

Anything else (a number, bytes, a list, an impossible day such as ``2023-02-30``)
raises :class:`~analysis.errors.BadInputError` whose one-line message names the
argument.  Dates are plain :class:`datetime.date` objects inside the package, so the
whole range 0001-01-01 … 9999-12-31 works (pandas timestamps stop at 2262).

Partial dates in the reference tables ("2017-01" at month precision, "before
2013") are bounds, not days: :func:`parse_partial_date` gives the first and last day
they can mean.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd

from analysis.errors import BadInputError

__all__ = [
    "PRECISIONS",
    "DateLike",
    "as_date",
    "as_timestamp",
    "format_day",
    "parse_partial_date",
    "shift_days",
    "shift_years",
]

#: Anything :func:`as_date` accepts (besides ``None`` and NaT).
DateLike = date | datetime | str | Any

#: Precisions a partial date in a reference table can have.
PRECISIONS: tuple[str, ...] = ("day", "month", "year", "decade", "before", "unknown")

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?\s*$")


def _missing(value: Any) -> bool:
    """``None``, NaN and the NaTs of pandas and numpy; never true for a non-scalar."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def as_date(value: Any, name: str = "date", *, optional: bool = False) -> date | None:
    """Return ``value`` as a :class:`datetime.date`, or ``None`` for a missing optional value.

    Parameters
    ----------
    value
        A ``str`` (ISO 8601 day or date-time), ``date``, ``datetime``,
        ``pandas.Timestamp`` or ``numpy.datetime64``; ``None``, ``NaT`` or NaN
        when ``optional``.
    name
        The argument's name, used in the error message ("bad published …").
    optional
        Whether a missing value is allowed (it then returns ``None``).

    Raises
    ------
    BadInputError
        For a missing required value, a type that is not a date, or a string
        that is not a real ISO day.

    Examples
    --------
    >>> import pandas as pd, numpy as np
    >>> from datetime import datetime
    >>> as_date("2023-04-04"), as_date(pd.Timestamp("2023-04-04 13:00"))
    (datetime.date(2023, 4, 4), datetime.date(2023, 4, 4))
    >>> as_date(np.datetime64("2023-04-04")), as_date(datetime(2023, 4, 4, 9))
    (datetime.date(2023, 4, 4), datetime.date(2023, 4, 4))
    >>> as_date(pd.NaT, "published", optional=True) is None
    True
    >>> try:
    ...     as_date("2023-02-30", "published")
    ... except BadInputError as exc:
    ...     print(exc)
    bad published '2023-02-30': not a real day (expected YYYY-MM-DD)
    """
    if _missing(value) or (optional and isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise BadInputError(f"{name} is required: give a date as YYYY-MM-DD")
    if isinstance(value, datetime):  # also pandas.Timestamp; first, as datetime is a date
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return _from_string(value, name)
    if type(value).__name__ == "datetime64":
        # numpy: go through its ISO text, which covers years 1–9999 (pandas would overflow)
        text = str(value)
        return _from_string(text, name)
    raise BadInputError(
        f"bad {name} {value!r}: expected a date (YYYY-MM-DD, date, datetime, Timestamp), "
        f"not {type(value).__name__}"
    )


def _from_string(value: str, name: str) -> date:
    match = _ISO_DAY.match(value)
    shown = value if len(value) <= 40 else value[:37] + "..."
    if not match:
        raise BadInputError(f"bad {name} {shown!r}: expected a date as YYYY-MM-DD")
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise BadInputError(f"bad {name} {shown!r}: not a real day (expected YYYY-MM-DD)") from None


def parse_partial_date(value: str, precision: str) -> tuple[date | None, date | None]:
    """Return the first and last day a date written at ``precision`` can mean.

    Parameters
    ----------
    value
        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` matching ``precision``; empty only
        when ``precision`` is ``"unknown"``.
    precision
        One of :data:`PRECISIONS`: ``day``, ``month``, ``year``, ``decade``
        (``value`` is the decade's first year), ``before`` (``value`` is a year; the
        date is on or before its end) or ``unknown``.

    Returns
    -------
    tuple of (date or None, date or None)
        Earliest and latest possible day; ``None`` where unbounded or unknown.

    Raises
    ------
    ValueError
        When the value does not match its precision (the table loaders turn this
        into an error naming the row).

    Examples
    --------
    >>> parse_partial_date("2017-01", "month")
    (datetime.date(2017, 1, 1), datetime.date(2017, 1, 31))
    >>> parse_partial_date("2013", "before")
    (None, datetime.date(2013, 12, 31))
    >>> parse_partial_date("", "unknown")
    (None, None)
    """
    patterns = {
        "day": r"\d{4}-\d{2}-\d{2}",
        "month": r"\d{4}-\d{2}",
        "year": r"\d{4}",
        "decade": r"\d{3}0",
        "before": r"\d{4}",
    }
    if precision == "unknown":
        if value:
            raise ValueError("must be empty when the precision is 'unknown'")
        return None, None
    if precision not in patterns:
        raise ValueError("unknown precision " + repr(precision))
    if not re.fullmatch(patterns[precision], value):
        raise ValueError(f"does not match precision {precision!r}")
    try:
        if precision == "day":
            d = date.fromisoformat(value)
            return d, d
        if precision == "month":
            y, m = int(value[:4]), int(value[5:7])
            first = date(y, m, 1)
            return first, shift_days(date(y + (m == 12), m % 12 + 1, 1), -1)
        y = int(value)
        if precision == "year":
            return date(y, 1, 1), date(y, 12, 31)
        if precision == "decade":
            return date(y, 1, 1), date(min(y + 9, 9999), 12, 31)
        return None, date(y, 12, 31)  # "before"
    except ValueError:
        raise ValueError("is not a real date") from None


def shift_days(day: date, days: int) -> date:
    """Return ``day`` moved by ``days``, clamped to the calendar's ends (never raises).

    Relative dates in a text ("the next day") near 0001-01-01 or 9999-12-31 would
    otherwise overflow.

    Examples
    --------
    >>> shift_days(date(2023, 4, 4), -5), shift_days(date(9999, 12, 31), 1)
    (datetime.date(2023, 3, 30), datetime.date(9999, 12, 31))
    """
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def shift_years(day: date, years: int) -> date:
    """Return ``day`` moved by whole years (29 February → 28 February), clamped to 1…9999.

    Examples
    --------
    >>> shift_years(date(2024, 2, 29), -1), shift_years(date(9999, 6, 1), 1)
    (datetime.date(2023, 2, 28), datetime.date(9999, 12, 31))
    """
    year = day.year + years
    if year > 9999:
        return date.max
    if year < 1:
        return date.min
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a common year
        return day.replace(year=year, day=28)


def as_timestamp(day: date) -> pd.Timestamp:
    """A day as a :class:`pandas.Timestamp`, clamped to the range pandas can hold (1677–2262).

    Comparisons with datetime64 columns need a Timestamp; a claim dated 9999-12-31
    compares as the latest day pandas knows instead of overflowing.

    Examples
    --------
    >>> as_timestamp(date(2023, 4, 4)), as_timestamp(date(9999, 12, 31)).year
    (Timestamp('2023-04-04 00:00:00'), 2262)
    """
    low, high = pd.Timestamp.min.ceil("D"), pd.Timestamp.max.floor("D")
    if day <= low.date():
        return low
    if day >= high.date():
        return high
    return pd.Timestamp(day)


def format_day(day: date) -> str:
    """Write a day the way the package's prose does: ``4 April 2023``.

    Examples
    --------
    >>> format_day(date(2023, 4, 4))
    '4 April 2023'
    """
    return f"{day.day} {day.strftime('%B')} {day.year}"
