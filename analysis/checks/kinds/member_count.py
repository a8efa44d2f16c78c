"""``member_count``: "NATO's 31 members", "the 27-member European Union".

Rule: the count equals the alliance's full members on the publication date →
supported (with caveats when there is no publication date and today is used);
otherwise not supported.  Sentences about states joining ("seven countries
joined") are about an accession, not a count, and are left to ``membership``.
"""

from __future__ import annotations

import re

from analysis.checks.evidence import claim_alliance
from analysis.checks.grades import Grade
from analysis.checks.kinds._common import MEMBER_NOUNS, when_text
from analysis.checks.registry import register
from analysis.checks.verdicts import Verdict
from analysis.claims import Claim
from analysis.reference import alliance_members, member_count, members_on, prose_name

KIND = "member_count"
_JOINING = re.compile(r"\b(join|joined|joins|joining|accede|acceded|admitted|invited)\b", re.I)


@register(KIND, claim_kinds={"number"}, covers="member counts")
def check_member_count(claim: Claim) -> Verdict | None:
    """Check a count of an alliance's members against its membership on the publication date.

    Examples
    --------
    >>> from analysis.checks import check_text
    >>> [v.grade.value for v in check_text("NATO's 30 members met.", "2023-05-10")
    ...  if v.kind == "member_count"]
    ['not supported']
    """
    counts = [
        q for q in claim.quantities("cardinal")
        if q.unit in MEMBER_NOUNS and q.value >= 2 and q.value == int(q.value)
    ]  # fmt: skip
    if not counts or _JOINING.search(claim.text):
        return None
    alliance = claim_alliance(claim, context=False)
    if alliance is None:
        return None
    said = prose_name(alliance)  # how a sentence names it: "NATO", "the EU"
    n = int(counts[0].value)
    on = claim.reference_date
    actual = member_count(alliance, on)
    codes = members_on(alliance, on)
    m = alliance_members(alliance)
    evidence = (
        m[m["member_code"].isin(codes) & (m["role"] == "member")][
            ["member_code", "member_name", "joined", "source", "url"]
        ]
        .drop_duplicates("member_code")
        .reset_index(drop=True)
    )
    when = when_text(claim)
    if n == actual:
        grade = Grade.SUPPORTED if claim.published else Grade.CAVEATS
        reason = f"{said[:1].upper() + said[1:]} had {actual} members on {when}."
    else:
        grade = Grade.NOT_SUPPORTED
        reason = f"{said[:1].upper() + said[1:]} had {actual} members on {when}, not {n}."
    return Verdict(
        claim.text, KIND, grade, reason, evidence,
        {"alliance": alliance, "claimed": n, "count": actual, "on": on.isoformat(),
         "summary": f"{n} vs {actual}"},
        claim.start, claim.end,
    )  # fmt: skip
