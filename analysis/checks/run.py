"""Run every registered checker over the claims extracted from an article."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import pandas as pd

from analysis.checks.checkers import CHECKERS, Claim
from analysis.checks.verdicts import NOT_CHECKABLE, Verdict
from analysis.errors import BadInputError

__all__ = ["check_claims", "check_text", "claims_from"]


def _as_date(value: Any) -> date | None:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise BadInputError(f"bad published date {value!r}: expected YYYY-MM-DD") from None


def _kinds(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(str(v) for v in value)
    return ()


def claims_from(analysis: Any, published: date | str | None = None) -> list[Claim]:
    """Turn an analysis result, a claims DataFrame or a list of strings into :class:`Claim` objects.

    Parameters
    ----------
    analysis
        An object with a ``claims`` DataFrame (and optionally ``published``,
        ``text`` or ``article``), a DataFrame with a ``text`` column (optional
        ``published``, ``kinds``, ``start``, ``end``), or an iterable of strings.
    published
        Publication date; overrides whatever the input carries.

    Examples
    --------
    >>> [c.text for c in claims_from(["Finland joined NATO.", "Japan is not a member."])]
    ['Finland joined NATO.', 'Japan is not a member.']
    """
    pub = _as_date(published)
    full_text: str | None = None
    if isinstance(analysis, pd.DataFrame):
        frame = analysis
    elif hasattr(analysis, "claims"):
        frame = analysis.claims
        if pub is None:
            pub = _as_date(getattr(analysis, "published", None))
        article = getattr(analysis, "article", None)
        if isinstance(article, Mapping):  # analysis.text.Analysis keeps a dict
            if pub is None:
                pub = _as_date(article.get("published"))
            t = getattr(analysis, "text", None)
        else:
            if pub is None and article is not None:
                pub = _as_date(getattr(article, "published", None))
            t = getattr(analysis, "text", None)
            if not isinstance(t, str) and article is not None:
                t = getattr(article, "text", None)
        full_text = t if isinstance(t, str) else None
    elif isinstance(analysis, Iterable) and not isinstance(analysis, (str, bytes)):
        frame = pd.DataFrame({"text": [str(t) for t in analysis]})
    else:
        raise BadInputError(
            "check_claims needs an analysis result, a DataFrame with a 'text' column "
            "or a list of claim strings"
        )
    if not isinstance(frame, pd.DataFrame) or "text" not in frame.columns:
        raise BadInputError("the claims table has no 'text' column")
    out: list[Claim] = []
    previous: list[str] = []
    for rec in frame.to_dict(orient="records"):
        text = str(rec["text"])
        start = rec.get("start")
        end = rec.get("end")
        start_i = int(start) if start is not None and start == start else None
        end_i = int(end) if end is not None and end == end else None
        if full_text is not None and start_i is not None:
            context = full_text[max(0, start_i - 800) : start_i]
        else:
            context = " ".join(previous[-2:])
        row_pub = pub if pub is not None else _as_date(rec.get("published"))
        out.append(
            Claim(
                text=text,
                kinds=_kinds(rec.get("kinds")),
                published=row_pub,
                context=context,
                start=start_i,
                end=end_i,
            )
        )
        previous.append(text)
    return out


def check_claims(
    analysis: Any,
    published: date | str | None = None,
    *,
    include_unchecked: bool = False,
) -> list[Verdict]:
    """Check every claim with every checker that applies; return the verdicts in text order.

    Parameters
    ----------
    analysis
        The result of :func:`analysis.text.analyze` (anything with a ``claims``
        DataFrame), a claims DataFrame with a ``text`` column, or a list of strings.
    published
        Publication date (``YYYY-MM-DD`` or a date); the reference date for
        present-tense claims.  Defaults to the input's own.
    include_unchecked
        Also return a ``not checkable`` verdict for claims no checker applies to.

    Returns
    -------
    list of Verdict
        One per (claim, applicable checker); a claim such as "Finland joined NATO on
        April 4, becoming the 31st member" gets two.

    Examples
    --------
    >>> vs = check_claims(["On April 4, Finland officially joined NATO, becoming the "
    ...                    "31st member of the alliance."], published="2023-05-10")
    >>> [(v.kind, v.grade) for v in vs]
    [('accession_order', 'supported'), ('membership', 'supported')]
    """
    verdicts: list[Verdict] = []
    for claim in claims_from(analysis, published):
        found = False
        for checker in CHECKERS.values():
            v = checker(claim)
            if v is not None:
                verdicts.append(v)
                found = True
        if not found and include_unchecked:
            verdicts.append(
                Verdict(
                    claim.text,
                    "unknown",
                    NOT_CHECKABLE,
                    "No checker applies to this claim.",
                    start=claim.start,
                    end=claim.end,
                )
            )
    return verdicts


def check_text(text: str, published: date | str | None = None) -> list[Verdict]:
    """Extract claims with :func:`analysis.text.analyze` and check them.

    Raises
    ------
    ImportError
        When :mod:`analysis.text` is not available.

    Examples
    --------
    >>> [(v.kind, v.grade) for v in check_text("Finland became the 31st member of NATO.",
    ...                                          "2023-05-10")]
    [('accession_order', 'supported')]
    """
    from analysis import text as text_mod  # lazy: the text engine is optional here

    analyze = getattr(text_mod, "analyze", None)
    if analyze is None:
        raise ImportError("analysis.text.analyze is not available yet")
    pub = _as_date(published)
    result = analyze(text, published=pub)
    return check_claims(result, pub)
