"""``accession_order``: "Finland … became the 31st member of NATO".

The ordinal is compared with the member's count after accession in the alliance
named by the claim (see :mod:`analysis.reference.alliances` for how order is
counted).  Rule: equal → supported; within the positions the member shares with
states that joined the same day → supported with caveats; otherwise not
supported, naming the real rank and who held the position claimed.
"""

from __future__ import annotations

import pandas as pd

from analysis.checks.evidence import claim_alliance, subject, unknown_blocs
from analysis.checks.grades import Grade
from analysis.checks.kinds._common import MEMBER_NOUNS, not_checkable, ordinal
from analysis.checks.registry import register
from analysis.checks.verdicts import Verdict
from analysis.claims import Claim
from analysis.countries import name as country_name
from analysis.dates import format_day
from analysis.reference import accession_table, alliances, member_rank, prose_name

KIND = "accession_order"


@register(KIND, claim_kinds={"ordinal"}, covers="accession order (the Nth member)")
def check_accession_order(claim: Claim) -> Verdict | None:
    """Check "X became the Nth member of <alliance>" against the alliance's accessions.

    Examples
    --------
    >>> from analysis.checks import check_text
    >>> [v.grade.value for v in check_text("Finland became the 30th member of NATO.",
    ...                                    "2023-05-10") if v.kind == "accession_order"]
    ['not supported']
    """
    ordinals = [q for q in claim.quantities("ordinal") if q.unit in MEMBER_NOUNS and q.value >= 1]
    if not ordinals:
        return None
    q = ordinals[0]
    n = int(q.value)
    alliance = claim_alliance(claim)
    if alliance is None:
        blocs = unknown_blocs(claim)
        if blocs:
            return not_checkable(
                claim, KIND, f"The package holds no member table for {', '.join(blocs)}.", claimed=n
            )
        return None
    said = prose_name(alliance)  # how a sentence names it: "NATO", "the EU"
    table = accession_table(alliance)
    members = set(table["iso3"])
    who = subject(claim, q.start, among=members)
    if who is None:
        return not_checkable(
            claim, KIND, f"The claim gives the ordinal {n} but names no member of {said} it "
            "applies to.", claimed=n, summary=f"claimed {ordinal(n)}",
        )  # fmt: skip
    rank = member_rank(who, alliance)
    holders = table[(table["order_min"] <= n) & (table["order_max"] >= n)]
    name = country_name(who)
    total = len(table)
    holder_names = ", ".join(country_name(c) for c in holders["iso3"]) or (
        f"no state ({said} has had {total} accessions)"
    )
    rows = table[table["iso3"].isin([who, *holders["iso3"]])]
    evidence = rows[["iso3", "name", "accession_date", "members_after", "order_min",
                     "order_max", "source", "url"]].reset_index(drop=True)  # fmt: skip
    joined = format_day(rank.joined)
    if n == rank.members_after:
        grade = Grade.SUPPORTED
        reason = f"{name} joined {said} on {joined} and took it to {n} members."
    elif rank.order_min <= n <= rank.order_max:
        grade = Grade.CAVEATS
        others = ", ".join(country_name(c) for c in rank.joined_with)
        reason = (
            f"{name} joined {said} on {joined} together with {others}, so it shares positions "
            f"{rank.order_min}–{rank.order_max}; counted as members after accession it was the "
            f"{ordinal(rank.members_after)}."
        )
    else:
        grade = Grade.NOT_SUPPORTED
        reason = (
            f"{name} joined {said} on {joined} as member number {rank.members_after}, "
            f"not {n}; position {n} belongs to {holder_names}."
        )
    alliance_name = str(alliances().set_index("alliance_id").loc[alliance, "name"])
    return Verdict(
        claim.text, KIND, grade, reason, pd.DataFrame(evidence),
        {"alliance": alliance, "alliance_name": alliance_name, "country": who, "claimed": n,
         "rank": rank.members_after, "order_range": [rank.order_min, rank.order_max],
         "summary": f"claimed {ordinal(n)}, actual {ordinal(rank.members_after)}"},
        claim.start, claim.end,
    )  # fmt: skip
