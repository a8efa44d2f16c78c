"""``membership``: "Finland officially joined NATO on April 4", "Japan is not a member of NATO",
"Finland joined the European Union in 1995".

Joining claims: the date given is compared with the member's accession at the
precision written.  A day without a year takes the publication year (resolved by
the text engine against the publication date); with no publication date, a day
and month that match the accession give ``supported with caveats``.  A year or
a month that contains the accession day → supported; any other date → not
supported.  A claim of joining with no date is supported when the accession came
before publication.

Status claims ("is (not) a member of") are compared with the membership on the
publication date (today, with a caveat, when there is none).
"""

from __future__ import annotations

import re
from datetime import date

from analysis.checks.evidence import claim_alliance, subject, unknown_blocs
from analysis.checks.grades import Grade
from analysis.checks.kinds._common import not_checkable, when_text
from analysis.checks.registry import register
from analysis.checks.verdicts import Verdict
from analysis.claims import Claim, DateRef
from analysis.countries import name as country_name
from analysis.dates import format_day
from analysis.reference import alliance_members, members_on, partners, prose_name

KIND = "membership"

_JOIN_RE = re.compile(
    r"\b(?:(?:officially|formally|finally)\s+)?(?:joined|joins|acceded\s+to|accedes\s+to|"
    r"became\s+(?:a\s+)?(?:full\s+)?(?:member|part)\s+of|entered|was\s+admitted\s+(?:to|into))\b",
    re.IGNORECASE,
)
_STATUS_RE = re.compile(
    r"\b(?P<verb>is|was|are|remains|remained|has\s+been|isn't|wasn't)\s+(?P<neg>not\s+|never\s+)?"
    r"(?:yet\s+|also\s+|already\s+)?(?:a\s+|an\s+)?(?:full\s+)?(?:\w+\s+)?(?:member|ally)\b",
    re.IGNORECASE,
)


def _date_verdict(name: str, alliance: str, joined: date, d: DateRef) -> tuple[Grade, str] | None:
    acc = joined
    day = format_day(acc)
    first, last = d.bounds()
    if first is not None and last is not None:
        ok = first <= acc <= last
        if d.granularity == "day":
            fact = f"{name} deposited its instrument of accession and joined {alliance} on {day}."
            wrong = f"{name} joined {alliance} on {day}, not on {format_day(first)}."
        else:
            fact = f"{name} joined {alliance} on {day}, which is in {d.text.removeprefix('in ')}."
            wrong = f"{name} joined {alliance} on {day}, not in {d.text.removeprefix('in ')}."
        return (Grade.SUPPORTED, fact) if ok else (Grade.NOT_SUPPORTED, wrong)
    written = d.written or ""
    if (
        written.startswith("--") and len(written) == 7
    ):  # month and day, no year, no publication date
        same = written == f"--{acc.month:02d}-{acc.day:02d}"
        if same:
            return Grade.CAVEATS, (
                f"{name} joined {alliance} on {day}; the claim gives no year and there is no "
                "publication date to supply one."
            )
        return Grade.NOT_SUPPORTED, f"{name} joined {alliance} on {day}, not on {d.text}."
    return None


@register(KIND, claim_kinds={"membership"}, covers="alliance membership and accession dates")
def check_membership(claim: Claim) -> Verdict | None:
    """Check a claim that a country joined, or is or is not a member of, an alliance.

    Examples
    --------
    >>> from analysis.checks import check_text
    >>> [v.grade.value for v in check_text("Finland joined the European Union in 1995.",
    ...                                    "2024-01-01") if v.kind == "membership"]
    ['supported']
    """
    text = claim.text
    alliance = claim_alliance(claim)
    jm = _JOIN_RE.search(text)
    sm = None if jm else _STATUS_RE.search(text)
    if not jm and not sm:
        return None
    if alliance is None:
        blocs = unknown_blocs(claim)
        if blocs:
            return not_checkable(
                claim, KIND, f"The package holds no member table for {', '.join(blocs)}."
            )
        return None
    said = prose_name(alliance)  # how a sentence names it: "NATO", "the EU"
    pivot = claim.start + (jm or sm).start()  # type: ignore[union-attr]
    table = alliance_members(alliance)
    if jm:
        who = subject(claim, pivot)
        if who is None:
            return not_checkable(claim, KIND, "The claim names no country that joined.")
        name = country_name(who)
        spans = table[(table["member_code"] == who) & (table["role"] == "member")]
        if spans.empty:
            return Verdict(
                text, KIND, Grade.NOT_SUPPORTED,
                f"{name} has never been a full member of {said}.",
                figures={"alliance": alliance, "country": who, "summary": "never a member"},
                start=claim.start, end=claim.end,
            )  # fmt: skip
        evidence = spans[
            ["member_code", "member_name", "joined", "left", "source", "url"]
        ].reset_index(drop=True)
        figures: dict[str, object] = {"alliance": alliance, "country": who}
        dates = [d for d in claim.dates if d.start > pivot - 40] or list(claim.dates)
        if not dates:
            acc = spans.iloc[-1]["joined"]
            ok = acc <= claim.reference_date
            reason = (
                f"{name} joined {said} on {format_day(acc)}."
                if ok
                else f"{name} only joined {said} on {format_day(acc)}, after {when_text(claim)}."
            )
            figures.update(accession_date=acc.isoformat(), summary=f"joined {acc.isoformat()}")
            grade = Grade.SUPPORTED if ok else Grade.NOT_SUPPORTED
            return Verdict(text, KIND, grade, reason, evidence, figures, claim.start, claim.end)
        d = dates[0]
        # the span whose accession fits the date best (a state may have joined twice)
        results = [
            (_date_verdict(name, said, s["joined"], d), s["joined"]) for _, s in spans.iterrows()
        ]
        usable = [(r, acc) for r, acc in results if r is not None]
        if not usable:
            return not_checkable(
                claim, KIND, f"The date {d.text!r} cannot be placed on a calendar."
            )
        (grade, reason), acc = min(usable, key=lambda x: x[0][0] != Grade.SUPPORTED)
        figures.update(
            accession_date=acc.isoformat(), claimed=d.text,
            summary=f"claimed {d.text}, actual {acc.isoformat()}",
        )  # fmt: skip
        return Verdict(text, KIND, grade, reason, evidence, figures, claim.start, claim.end)

    assert sm is not None
    who = subject(claim, pivot)
    if who is None or not any(m.start < pivot for m in claim.countries):
        return None
    negated = bool(sm.group("neg")) or "n't" in sm.group("verb")
    on = claim.reference_date
    member = who in members_on(alliance, on)
    name = country_name(who)
    holds = member != negated
    spans = table[(table["member_code"] == who) & (table["role"] == "member")]
    if member:
        acc = spans[spans["joined"] <= on].iloc[-1]["joined"]
        fact = f"{name} has been a member of {said} since {format_day(acc)}"
        evidence = spans[
            ["member_code", "member_name", "joined", "left", "source", "url"]
        ].reset_index(drop=True)
    else:
        fact = f"{name} was not a member of {said} on {when_text(claim)}"
        part = partners(alliance)
        part = part[part["iso3"] == who]
        evidence = part[["iso3", "partner", "date", "milestone", "source", "url"]].reset_index(
            drop=True
        )
        if not part.empty:
            fact += f" (it is a partner of {said})"
        if not spans.empty:
            fact += f"; it was a member from {format_day(spans.iloc[0]['joined'])}"
    grade = (
        (Grade.SUPPORTED if claim.published else Grade.CAVEATS) if holds else Grade.NOT_SUPPORTED
    )
    return Verdict(
        text, KIND, grade, fact + ".", evidence,
        {"alliance": alliance, "country": who, "member": member, "on": on.isoformat(),
         "summary": "member" if member else "not a member"},
        claim.start, claim.end,
    )  # fmt: skip
