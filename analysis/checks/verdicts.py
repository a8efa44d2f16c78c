"""Verdict grades, the :class:`Verdict` record and the rules that assign grades.

Grades, from strongest to weakest
---------------------------------
``supported``
    Every source we hold agrees with the claim, with room to spare.
``supported with caveats``
    Every source agrees, but only narrowly, or the claim needs a charitable reading
    (a renamed office, an order shared with states that joined the same day).
``depends on the source``
    Sources or definitions disagree: some figures or definitions support the
    claim and others contradict it.
``not supported``
    Every source we hold contradicts the claim.
``not checkable``
    The claim is of a kind we check, but the text lacks what the check needs
    (no country, no date), or no source covers it.

Rules for ratio claims (:func:`grade_ratio`)
--------------------------------------------
A claim such as "more than doubled" is a comparison of each source's ratio
``after / before`` with a target (2 for doubled, 3 for tripled):

* ``">"`` ("more than doubled"): all ratios above ``target × (1 + tolerance)`` →
  supported; all above ``target`` but some within the tolerance → supported with
  caveats; some above and some at or below → depends on the source; none above →
  not supported.  ``"<"`` mirrors it.
* ``"≈"`` ("doubled", "roughly doubled"): all within ``tolerance`` of the target
  → supported; all within twice the tolerance → supported with caveats; some
  within and some beyond twice the tolerance → depends on the source; none
  within the tolerance → not supported.

The default tolerances are in :data:`TOLERANCE`: 1 % for a strict comparison, 10 %
for a plain "doubled", 15 % for a hedged "roughly / about / some" doubling.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

__all__ = [
    "CAVEATS",
    "DEPENDS",
    "GRADES",
    "NOT_CHECKABLE",
    "NOT_SUPPORTED",
    "SUPPORTED",
    "TOLERANCE",
    "Verdict",
    "grade_ratio",
    "grade_rank",
    "verdicts_frame",
    "weakest",
]

SUPPORTED = "supported"
CAVEATS = "supported with caveats"
DEPENDS = "depends on the source"
NOT_SUPPORTED = "not supported"
NOT_CHECKABLE = "not checkable"

#: The grades in order, strongest support first.
GRADES: tuple[str, ...] = (SUPPORTED, CAVEATS, DEPENDS, NOT_SUPPORTED, NOT_CHECKABLE)

#: Relative tolerances for ratio claims, by how the claim is worded.
TOLERANCE: dict[str, float] = {"strict": 0.01, "plain": 0.10, "hedged": 0.15}


def grade_rank(grade: str) -> int:
    """Position of ``grade`` in :data:`GRADES` (0 = supported).

    Raises
    ------
    ValueError
        For a string that is not a grade.

    Examples
    --------
    >>> grade_rank("supported"), grade_rank("not supported")
    (0, 3)
    """
    try:
        return GRADES.index(grade)
    except ValueError:
        raise ValueError(f"unknown grade {grade!r}; choose from {', '.join(GRADES)}") from None


def weakest(grades: Iterable[str]) -> str:
    """The weakest of several grades among the checkable ones (for claims with parts).

    ``not checkable`` parts are ignored unless every part is not checkable.  Two
    parts pulling in opposite directions (one supported, one not supported) give
    ``not supported``: a claim is only as good as its weakest part.

    Examples
    --------
    >>> weakest(["supported", "supported with caveats"])
    'supported with caveats'
    >>> weakest(["not checkable", "supported"])
    'supported'
    >>> weakest([])
    'not checkable'
    """
    checkable = [g for g in grades if g != NOT_CHECKABLE]
    if not checkable:
        return NOT_CHECKABLE
    return max(checkable, key=grade_rank)


def grade_ratio(ratios: Sequence[float], comparator: str, target: float, tolerance: float) -> str:
    """Grade a ratio claim from each source's ratio, by the rules in the module docstring.

    Parameters
    ----------
    ratios
        One ratio per source (NaN values are ignored).
    comparator
        ``">"``, ``"<"`` or ``"≈"``.
    target
        The multiple claimed: 2 for doubled.
    tolerance
        Relative tolerance (0.10 = 10 %).

    Examples
    --------
    >>> grade_ratio([2.11, 2.15, 1.99], ">", 2, 0.01)
    'depends on the source'
    >>> grade_ratio([2.11, 2.15], ">", 2, 0.01)
    'supported'
    >>> grade_ratio([2.005, 2.15], ">", 2, 0.01)
    'supported with caveats'
    >>> grade_ratio([1.99, 2.25], "≈", 3, 0.10)
    'not supported'
    >>> grade_ratio([1.99, 2.11, 2.25], "≈", 2, 0.15)
    'supported'
    """
    vals = [float(r) for r in ratios if r == r]
    if not vals:
        return NOT_CHECKABLE
    if comparator in (">", "<"):
        sign = 1.0 if comparator == ">" else -1.0
        holds = [sign * (v - target) > 0 for v in vals]
        clear = [sign * (v - target) > tolerance * target for v in vals]
        if all(clear):
            return SUPPORTED
        if all(holds):
            return CAVEATS
        if any(holds):
            return DEPENDS
        return NOT_SUPPORTED
    if comparator == "≈":
        dev = [abs(v - target) / target for v in vals]
        within = [d <= tolerance for d in dev]
        if all(within):
            return SUPPORTED
        if any(within):
            return CAVEATS if all(d <= 2 * tolerance for d in dev) else DEPENDS
        return NOT_SUPPORTED
    raise ValueError(f"unknown comparator {comparator!r}; use '>', '<' or '≈'")


@dataclass
class Verdict:
    """The outcome of checking one claim.

    Attributes
    ----------
    claim
        The claim text as extracted.
    kind
        The checker that produced it (``accession_order``, ``membership``,
        ``member_count``, ``border_change``, ``location_first``, ``office_existence``).
    grade
        One of :data:`GRADES`.
    reason
        One plain sentence saying why.
    evidence
        Rows of numbers with their sources and URLs.
    figures
        Key figures (ratio range, count, rank …) for tables and the book.
    start, end
        Character offsets of the claim in the analysed text, when known.
    """

    claim: str
    kind: str
    grade: str
    reason: str
    evidence: pd.DataFrame = field(default_factory=pd.DataFrame)
    figures: dict[str, Any] = field(default_factory=dict)
    start: int | None = None
    end: int | None = None

    def __post_init__(self) -> None:
        grade_rank(self.grade)  # validates

    @property
    def sources(self) -> list[str]:
        """Distinct source names in the evidence, in order of appearance."""
        if "source" not in self.evidence.columns:
            return []
        return list(dict.fromkeys(str(s) for s in self.evidence["source"].dropna()))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (evidence as a list of records).

        Examples
        --------
        >>> v = Verdict("Japan is not a member of NATO", "membership", "supported", "ok")
        >>> sorted(v.to_dict())[:3]
        ['claim', 'end', 'evidence']
        """
        from analysis.serialize import records

        return {
            "claim": self.claim,
            "kind": self.kind,
            "grade": self.grade,
            "reason": self.reason,
            "figures": self.figures,
            "sources": self.sources,
            "evidence": records(self.evidence) if not self.evidence.empty else [],
            "start": self.start,
            "end": self.end,
        }


def verdicts_frame(verdicts: Iterable[Verdict]) -> pd.DataFrame:
    """One row per verdict: claim, kind, grade, key figure, reason, sources.

    Examples
    --------
    >>> verdicts_frame([]).columns.tolist()
    ['claim', 'kind', 'grade', 'key_figure', 'reason', 'sources']
    """
    rows = [
        {
            "claim": v.claim,
            "kind": v.kind,
            "grade": v.grade,
            "key_figure": v.figures.get("summary", ""),
            "reason": v.reason,
            "sources": "; ".join(v.sources),
        }
        for v in verdicts
    ]
    return pd.DataFrame(rows, columns=["claim", "kind", "grade", "key_figure", "reason", "sources"])
