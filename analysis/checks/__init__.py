"""Grade the claims of an article against geography and sourced reference data.

One claim flow: the text engine (:mod:`analysis.text`) extracts
:class:`~analysis.claims.Claim` objects with their kinds, countries, dates and
numbers; :func:`check_claims` offers each claim to the checkers registered for
its kinds (one module per kind in :mod:`analysis.checks.kinds`), and every claim
gets a :class:`Verdict`, a ``not checkable`` one with its reason when no checker
takes it.  Grades are :class:`Grade` values (:mod:`analysis.checks.grades`).

Examples
--------
>>> from analysis.checks import check_text
>>> [(v.kind, v.grade.value) for v in check_text("Japan is not a member of NATO.", "2023-05-10")]
[('membership', 'supported')]
"""

from __future__ import annotations

from analysis.checks.grades import GRADES, Grade, grade_ratio, weakest
from analysis.checks.registry import Checker, check_claims, check_text, checkers, register
from analysis.checks.verdicts import Verdict, verdicts_frame

__all__ = [
    "GRADES",
    "Checker",
    "Grade",
    "Verdict",
    "check_claims",
    "check_text",
    "checkers",
    "grade_ratio",
    "register",
    "verdicts_frame",
    "weakest",
]
