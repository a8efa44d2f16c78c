"""Check extracted claims against reference data and geography, with graded verdicts.

Examples
--------
>>> from analysis.checks import check_claims
>>> [v.grade for v in check_claims(["Japan is not a member of NATO."], "2023-05-10")]
['supported']
"""

from __future__ import annotations

from analysis.checks.checkers import CHECKERS, Claim, register
from analysis.checks.run import check_claims, check_text, claims_from
from analysis.checks.verdicts import GRADES, Verdict, grade_ratio, verdicts_frame, weakest

__all__ = [
    "CHECKERS",
    "GRADES",
    "Claim",
    "Verdict",
    "check_claims",
    "check_text",
    "claims_from",
    "grade_ratio",
    "register",
    "verdicts_frame",
    "weakest",
]
