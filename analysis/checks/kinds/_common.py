"""Small pieces the checker modules share: member nouns, ordinals as words, verdict helpers."""

from __future__ import annotations

from analysis.checks.grades import Grade
from analysis.checks.verdicts import Verdict
from analysis.claims import Claim

#: Nouns a count or an ordinal of an alliance's members is written with.
MEMBER_NOUNS = frozenset(
    {
        "member",
        "ally",
        "nation",
        "country",
        "state",
        "member state",
        "member country",
        "signatory",
        "participant",
    }  # fmt: skip
)


def ordinal(n: int) -> str:
    """``31`` → ``"31st"``.

    Examples
    --------
    >>> ordinal(31), ordinal(12), ordinal(22)
    ('31st', '12th', '22nd')
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def not_checkable(claim: Claim, kind: str, reason: str, **figures: object) -> Verdict:
    """A ``not checkable`` verdict for ``claim`` with its reason.

    Examples
    --------
    >>> not_checkable(Claim("x"), "membership", "No country.").grade.value
    'not checkable'
    """
    return Verdict(
        claim.text, kind, Grade.NOT_CHECKABLE, reason, figures=dict(figures),
        start=claim.start, end=claim.end,
    )  # fmt: skip


def when_text(claim: Claim) -> str:
    """The reference day as the reasons write it, saying when it is today by default.

    Examples
    --------
    >>> from datetime import date
    >>> when_text(Claim("x", published=date(2023, 5, 10)))
    '10 May 2023'
    """
    from analysis.dates import format_day

    day = format_day(claim.reference_date)
    return day if claim.published else day + " (today; no publication date given)"
