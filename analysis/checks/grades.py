"""Verdict grades (:class:`Grade`) and the rules that assign them.

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
from enum import StrEnum
from types import MappingProxyType

__all__ = [
    "GRADES",
    "LENGTH_TOLERANCE",
    "TOLERANCE",
    "Grade",
    "grade_rank",
    "grade_ratio",
    "tolerance_for",
    "weakest",
]


class Grade(StrEnum):
    """How well the data support a claim; compares equal to its plain-text value.

    Examples
    --------
    >>> Grade.SUPPORTED == "supported", Grade("not supported").name
    (True, 'NOT_SUPPORTED')
    """

    SUPPORTED = "supported"
    CAVEATS = "supported with caveats"
    DEPENDS = "depends on the source"
    NOT_SUPPORTED = "not supported"
    NOT_CHECKABLE = "not checkable"


#: The grades in order, strongest support first.
GRADES: tuple[Grade, ...] = tuple(Grade)

#: Relative tolerances for ratio claims, by how the claim is worded.
TOLERANCE = MappingProxyType({"strict": 0.01, "plain": 0.10, "hedged": 0.15})

#: Relative tolerances for a stated length ("a 1,340 km border", "about 7,600 km").
LENGTH_TOLERANCE = MappingProxyType({"strict": 0.01, "plain": 0.02, "hedged": 0.05})


def tolerance_for(comparator: str, hedge: str | None) -> str:
    """The wording class of a quantity: ``strict`` (more/less than), ``hedged`` or ``plain``.

    Examples
    --------
    >>> tolerance_for(">", "more than"), tolerance_for("≈", "about"), tolerance_for("=", None)
    ('strict', 'hedged', 'plain')
    """
    if comparator in (">", "<"):
        return "strict"
    return "hedged" if hedge else "plain"


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
        return GRADES.index(Grade(grade))
    except ValueError:
        raise ValueError(f"unknown grade {grade!r}; choose from {', '.join(GRADES)}") from None


def weakest(grades: Iterable[str]) -> Grade:
    """The weakest of several grades among the checkable ones (for claims with parts).

    ``not checkable`` parts are ignored unless every part is not checkable.  Two
    parts pulling in opposite directions (one supported, one not supported) give
    ``not supported``: a claim is only as good as its weakest part.

    Examples
    --------
    >>> weakest(["supported", "supported with caveats"]).value
    'supported with caveats'
    >>> weakest(["not checkable", "supported"]).value
    'supported'
    >>> weakest([]).value
    'not checkable'
    """
    checkable = [Grade(g) for g in grades if g != Grade.NOT_CHECKABLE]
    if not checkable:
        return Grade.NOT_CHECKABLE
    return max(checkable, key=grade_rank)


def grade_ratio(ratios: Sequence[float], comparator: str, target: float, tolerance: float) -> Grade:
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
    >>> grade_ratio([2.11, 2.15, 1.99], ">", 2, 0.01).value
    'depends on the source'
    >>> grade_ratio([2.11, 2.15], ">", 2, 0.01).value
    'supported'
    >>> grade_ratio([2.005, 2.15], ">", 2, 0.01).value
    'supported with caveats'
    >>> grade_ratio([1.99, 2.25], "≈", 3, 0.10).value
    'not supported'
    >>> grade_ratio([1.99, 2.11, 2.25], "≈", 2, 0.15).value
    'supported'
    """
    vals = [float(r) for r in ratios if r == r]
    if not vals:
        return Grade.NOT_CHECKABLE
    if comparator in (">", "<"):
        sign = 1.0 if comparator == ">" else -1.0
        holds = [sign * (v - target) > 0 for v in vals]
        clear = [sign * (v - target) > tolerance * target for v in vals]
        if all(clear):
            return Grade.SUPPORTED
        if all(holds):
            return Grade.CAVEATS
        if any(holds):
            return Grade.DEPENDS
        return Grade.NOT_SUPPORTED
    if comparator in ("≈", "="):
        dev = [abs(v - target) / target for v in vals]
        within = [d <= tolerance for d in dev]
        if all(within):
            return Grade.SUPPORTED
        if any(within):
            return Grade.CAVEATS if all(d <= 2 * tolerance for d in dev) else Grade.DEPENDS
        return Grade.NOT_SUPPORTED
    raise ValueError(f"unknown comparator {comparator!r}; use '>', '<' or '≈'")
