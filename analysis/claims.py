"""The one claim type: a check-worthy sentence with what it names, dates and counts.

The text engine (:mod:`analysis.text`) finds claims and fills every field; the
checkers (:mod:`analysis.checks`) read them and never parse the sentence for
countries, dates or numbers again.  A claim is also a row of
``Analysis.claims`` and of the ``claims`` table the corpus writers produce:
:meth:`Claim.to_record` and :meth:`Claim.from_record` convert between the two, so
claims extracted once (and stored as JSON lines or Parquet) can be checked later.

All offsets are character offsets into the analysed article text, like every
other offset the package reports.

``kinds`` are the text engine's labels of what the sentence does:

* ``number``: a count, amount, length or percentage (dates are not numbers);
* ``comparison``: "more than doubled", "larger than", "twice as", "rose by 5 %";
* ``ordinal``: "the 31st member", "second-largest" (not "first", see below);
* ``superlative``: "the longest", "the only", "the first of its kind";
* ``first``: "first", "first-ever", "for the first time";
* ``membership``: "joined NATO", "is not a member of", "accession", "withdrew from";
* ``dated_event``: a sentence with a date that says something happened then;
* ``office``: appointments and resignations, or an organisation's office or mission;
* ``border``: the sentence gives a number or comparison about a land border.

Each checker says which of these kinds it looks at (see
:mod:`analysis.checks.registry`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any, Literal

from analysis.dates import as_date
from analysis.errors import BadInputError

__all__ = [
    "CLAIM_COLUMNS",
    "KINDS",
    "Claim",
    "DateRef",
    "Mention",
    "Quantity",
    "QuantityKind",
    "claims_from",
]

KINDS: tuple[str, ...] = (
    "number", "comparison", "ordinal", "superlative", "first", "membership", "dated_event",
    "office", "border",
)  # fmt: skip

QuantityKind = Literal["cardinal", "ordinal", "multiplier", "percent", "money"]


@dataclass(frozen=True)
class Mention:
    """Something a claim names: a country (``code`` = ISO alpha-3) or an organisation
    (``code`` = its canonical name), as written at ``start:end``.

    Examples
    --------
    >>> Mention("FIN", "Finland", 12, 19, "name").code
    'FIN'
    """

    code: str
    text: str
    start: int
    end: int
    kind: str = ""


@dataclass(frozen=True)
class DateRef:
    """A date a claim gives, resolved against the publication date where possible.

    Attributes
    ----------
    text, start, end
        As written, and where.
    iso
        Resolved value at its granularity (``2023-04-04``, ``2023-04``, ``2023``,
        ``2023-W19``), or ``None`` when it cannot be resolved (no publication date).
    granularity
        ``day``, ``week``, ``month``, ``year`` …
    written
        What the text itself fixes, in ISO 8601 form, even when ``iso`` is
        unresolved: ``--04-04`` for "April 4" without a year, ``2023-04`` for
        "April 2023"; ``None`` for purely relative dates ("last week").

    Examples
    --------
    >>> DateRef("April 4", 3, 10, "2023-04-04", "day", "--04-04").bounds()
    (datetime.date(2023, 4, 4), datetime.date(2023, 4, 4))
    """

    text: str
    start: int
    end: int
    iso: str | None
    granularity: str
    written: str | None = None

    def bounds(self) -> tuple[date | None, date | None]:
        """First and last day the resolved date covers (``None, None`` when unresolved).

        Examples
        --------
        >>> DateRef("in 1995", 0, 7, "1995", "year", "1995").bounds()
        (datetime.date(1995, 1, 1), datetime.date(1995, 12, 31))
        """
        from analysis.dates import parse_partial_date

        if self.iso is None:
            return None, None
        if self.granularity == "week" or "W" in self.iso:
            year, week = self.iso.split("-W")
            first = date.fromisocalendar(int(year), int(week), 1)
            return first, date.fromisocalendar(int(year), int(week), 7)
        precision = {10: "day", 7: "month", 4: "year"}.get(len(self.iso))
        if precision is None:
            return None, None
        return parse_partial_date(self.iso, precision)


@dataclass(frozen=True)
class Quantity:
    """A number a claim states, with its unit and how it is hedged.

    Attributes
    ----------
    text, start, end
        As written ("about 7,600 km", "31st", "more than doubled"), and where.
    value
        The number (7600.0, 31.0, 2.0).
    kind
        ``cardinal``, ``ordinal``, ``multiplier`` ("doubled", "three times"),
        ``percent`` or ``money``.
    unit
        The normalised unit or counted noun: ``km``, ``mi``, ``%``, ``member``,
        ``country`` …, or ``None``.
    hedge
        The qualifier as written ("about", "more than"), or ``None``.
    comparator
        What the hedge means: ``=`` (none), ``>`` ("more than", "over"), ``<``
        ("less than", "under"), ``≈`` ("about", "nearly", "some").

    Examples
    --------
    >>> Quantity("about 7,600 km", 0, 14, 7600.0, "cardinal", "km", "about", "≈").value
    7600.0
    """

    text: str
    start: int
    end: int
    value: float
    kind: QuantityKind = "cardinal"
    unit: str | None = None
    hedge: str | None = None
    comparator: str = "="


@dataclass(frozen=True)
class Claim:
    """A check-worthy sentence and everything the text engine found in it.

    Attributes
    ----------
    text
        The sentence.
    kinds
        The text engine's labels (see :data:`KINDS`).
    start, end, sentence
        Offsets in the article text and the sentence's index.
    published
        Publication date of the article: the reference date for present-tense
        claims and the year of dates written without one.
    countries, organizations
        Mentions in the sentence, in text order.
    dates, numbers
        Dates and quantities in the sentence, in text order.
    context
        The text of up to three sentences before the claim, for what "as a
        result" or "the alliance" refers to; ``context_countries``,
        ``context_organizations`` and ``context_dates`` are what it names.
    in_quote
        The claim is inside a quotation.

    Examples
    --------
    >>> c = Claim("Finland joined NATO.", ("membership",),
    ...           countries=(Mention("FIN", "Finland", 0, 7, "name"),))
    >>> c.country_codes(), c.reference_date == date.today()
    (['FIN'], True)
    """

    text: str
    kinds: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    sentence: int = 0
    published: date | None = None
    countries: tuple[Mention, ...] = ()
    organizations: tuple[Mention, ...] = ()
    dates: tuple[DateRef, ...] = ()
    numbers: tuple[Quantity, ...] = ()
    context: str = ""
    context_countries: tuple[Mention, ...] = ()
    context_organizations: tuple[Mention, ...] = ()
    context_dates: tuple[DateRef, ...] = ()
    in_quote: bool = False
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def reference_date(self) -> date:
        """The publication date, or today when unknown.

        Examples
        --------
        >>> Claim("x", published=date(2023, 5, 10)).reference_date
        datetime.date(2023, 5, 10)
        """
        return self.published or date.today()

    def country_codes(self, *, context: bool = False) -> list[str]:
        """Distinct country codes named in the claim (then its context), in text order.

        Examples
        --------
        >>> Claim("x", countries=(Mention("RUS", "Russia", 0, 6),)).country_codes()
        ['RUS']
        """
        found = [m.code for m in self.countries]
        if context:
            found += [m.code for m in self.context_countries]
        return list(dict.fromkeys(found))

    def organization_names(self, *, context: bool = False) -> list[str]:
        """Distinct organisations named in the claim (then its context), in text order.

        Examples
        --------
        >>> nato = Mention("NATO", "NATO", 0, 4, "alliance")
        >>> Claim("x", organizations=(nato,)).organization_names()
        ['NATO']
        """
        found = [m.code for m in self.organizations]
        if context:
            found += [m.code for m in self.context_organizations]
        return list(dict.fromkeys(found))

    def quantities(self, kind: str | None = None, unit: str | None = None) -> list[Quantity]:
        """The claim's quantities of a kind (and unit), in text order.

        Examples
        --------
        >>> q = Quantity("31st", 0, 4, 31.0, "ordinal")
        >>> [x.value for x in Claim("x", numbers=(q,)).quantities("ordinal")]
        [31.0]
        """
        return [
            q for q in self.numbers
            if (kind is None or q.kind == kind) and (unit is None or q.unit == unit)
        ]  # fmt: skip

    def with_published(self, published: Any) -> Claim:
        """A copy with another publication date (anything :func:`~analysis.dates.as_date` takes).

        Examples
        --------
        >>> Claim("x").with_published("2023-05-10").published
        datetime.date(2023, 5, 10)
        """
        return replace(self, published=as_date(published, "published", optional=True))

    # ------------------------------------------------------------------ records

    def to_record(self) -> dict[str, Any]:
        """Return the claim as one row of a claims table (plain values and lists of dicts).

        Examples
        --------
        >>> Claim("Finland joined.", ("membership",), 0, 15).to_record()["kinds"]
        ['membership']
        """
        from analysis.serialize import jsonable

        out = {}
        for f in fields(self):
            if f.name == "notes":
                continue
            out[f.name] = jsonable(getattr(self, f.name))
        out["country_codes"] = self.country_codes()
        return out

    @classmethod
    def from_record(cls, record: Mapping[str, Any], published: Any = None) -> Claim:
        """Rebuild a claim from a claims-table row (as :meth:`to_record` wrote it).

        Missing columns take their defaults, so a table with only ``text`` works.

        Raises
        ------
        BadInputError
            When ``text`` is missing or a nested value has the wrong shape.

        Examples
        --------
        >>> Claim.from_record({"text": "Japan is not a member of NATO."}).kinds
        ()
        """
        if not isinstance(record, Mapping) or not isinstance(record.get("text"), str):
            raise BadInputError("a claim record needs a 'text' string")

        def items(name: str) -> list[Any]:
            value = record.get(name)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                return []
            if hasattr(value, "tolist"):
                value = value.tolist()
            if not isinstance(value, list | tuple):
                raise BadInputError(f"claim column {name!r} must be a list")
            return list(value)

        def build(kind: type, name: str) -> tuple[Any, ...]:
            out = []
            for item in items(name):
                if isinstance(item, kind):
                    out.append(item)
                    continue
                if not isinstance(item, Mapping):
                    raise BadInputError(f"claim column {name!r} holds {type(item).__name__}")
                known = {f.name for f in fields(kind)}
                try:
                    out.append(kind(**{k: _plain(v) for k, v in item.items() if k in known}))
                except TypeError as exc:
                    raise BadInputError(f"claim column {name!r}: {exc}") from None
            return tuple(out)

        def offset(name: str, default: int) -> int:
            value = _plain(record.get(name))
            if value is None:
                return default
            whole = isinstance(value, int) or (
                isinstance(value, float) and math.isfinite(value) and value.is_integer()
            )
            if isinstance(value, bool) or not whole:
                raise BadInputError(f"claim column {name!r} must be a whole number, not {value!r}")
            return int(value)

        pub = published if published is not None else record.get("published")
        return cls(
            text=record["text"],
            kinds=tuple(str(k) for k in items("kinds")),
            start=offset("start", 0),
            end=offset("end", len(record["text"])),
            sentence=offset("sentence", 0),
            published=as_date(pub, "published", optional=True),
            countries=build(Mention, "countries"),
            organizations=build(Mention, "organizations"),
            dates=build(DateRef, "dates"),
            numbers=build(Quantity, "numbers"),
            context=str(record.get("context") or ""),
            context_countries=build(Mention, "context_countries"),
            context_organizations=build(Mention, "context_organizations"),
            context_dates=build(DateRef, "context_dates"),
            in_quote=bool(_plain(record.get("in_quote")) or False),
        )


#: Columns of a claims table, in order.
CLAIM_COLUMNS: list[str] = [
    "text", "kinds", "start", "end", "sentence", "published", "countries", "organizations",
    "dates", "numbers", "context", "context_countries", "context_organizations", "context_dates",
    "in_quote", "country_codes",
]  # fmt: skip


def _plain(value: Any) -> Any:
    """numpy scalars → Python; NaN → None (records read back from Parquet carry both)."""
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def claims_from(source: Any, published: Any = None) -> list[Claim]:
    """Return the claims held by ``source`` as :class:`Claim` objects.

    Parameters
    ----------
    source
        An ``Analysis`` (anything with a ``claims`` DataFrame, or a ``rows("claims")``
        method, and an ``article`` dict), a claims DataFrame, a list of records or of
        :class:`Claim`, or one :class:`Claim`.
    published
        Publication date for claims that carry none.

    Raises
    ------
    BadInputError
        For anything else (a plain string is text, not claims: use
        :func:`analysis.checks.check_text`).

    Examples
    --------
    >>> import pandas as pd
    >>> [c.text for c in claims_from(pd.DataFrame({"text": ["Japan is not in NATO."]}))]
    ['Japan is not in NATO.']
    """
    import pandas as pd

    default = as_date(published, "published", optional=True)
    if isinstance(source, Claim):
        items: Iterable[Any] = [source]
    elif isinstance(source, str):
        raise BadInputError("claims_from got text; use analysis.checks.check_text for plain text")
    elif isinstance(source, pd.DataFrame):
        items = source.to_dict(orient="records")
    elif callable(getattr(source, "rows", None)) or (
        hasattr(source, "claims") and isinstance(source.claims, pd.DataFrame)
    ):
        article = getattr(source, "article", {}) or {}
        if default is None and isinstance(article, Mapping):
            default = as_date(article.get("published"), "published", optional=True)
        # an Analysis keeps its claims as rows: read them without building the DataFrame
        rows = getattr(source, "rows", None)
        items = rows("claims") if callable(rows) else source.claims.to_dict(orient="records")
    elif isinstance(source, Iterable):
        items = list(source)
    else:
        raise BadInputError(f"cannot read claims from {type(source).__name__}")
    out = []
    for item in items:
        claim = item if isinstance(item, Claim) else Claim.from_record(item)
        if claim.published is None and default is not None:
            claim = replace(claim, published=default)
        out.append(claim)
    return out
