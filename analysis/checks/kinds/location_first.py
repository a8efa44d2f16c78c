"""``location_first``: "a NATO office …, the first of its kind in Asia".

Rule: an office of the organisation in the region that opened before the
publication date (proposed or merely agreed offices excluded) → not supported,
naming them; only offices in countries whose placement in the region is
contested → depends on the source (the definition); none → supported.  The reason
also says whether the subject would be first in its own UN M49 subregion.
"Asia" is the UN M49 region Asia; countries whose placement is contested
(Georgia, Azerbaijan, Türkiye) are reported separately.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from analysis.checks.evidence import claim_alliance, existed_before, office_span
from analysis.checks.grades import Grade
from analysis.checks.registry import register
from analysis.checks.verdicts import Verdict
from analysis.claims import Claim
from analysis.countries import get as get_country
from analysis.countries import name as country_name
from analysis.reference import offices
from analysis.reference.offices import LIAISON_KINDS

KIND = "location_first"

_OFFICE_RE = re.compile(
    r"\b(office|offices|representation|information\s+cent(?:re|er)|liaison|regional\s+cent(?:re|er))\b",
    re.IGNORECASE,
)
_REGIONS: dict[str, tuple[str, Callable[[pd.Series], bool]]] = {
    "east asia": ("East Asia (UN M49 Eastern Asia)", lambda r: r.subregion == "Eastern Asia"),
    "eastern asia": ("East Asia (UN M49 Eastern Asia)", lambda r: r.subregion == "Eastern Asia"),
    "central asia": ("Central Asia (UN M49)", lambda r: r.subregion == "Central Asia"),
    "asia-pacific": (
        "the Asia-Pacific (UN M49 Eastern, South-eastern Asia and Oceania)",
        lambda r: r.subregion in ("Eastern Asia", "South-eastern Asia") or r.region == "Oceania",
    ),
    "indo-pacific": (
        "the Indo-Pacific (UN M49 Eastern, South-eastern, Southern Asia and Oceania)",
        lambda r: (
            r.subregion in ("Eastern Asia", "South-eastern Asia", "Southern Asia")
            or r.region == "Oceania"
        ),
    ),
    "middle east": (
        "the Middle East (UN M49 Western Asia)",
        lambda r: r.subregion == "Western Asia",
    ),
    "asia": ("Asia (UN M49 region Asia)", lambda r: r.in_asia == "yes"),
    "africa": ("Africa (UN M49)", lambda r: r.region == "Africa"),
}
_FIRST_RE = re.compile(
    r"\bfirst\b(?P<what>[^.;]{0,60}?)\b(?:in|outside)\s+(?:the\s+)?"
    r"(?P<region>East(?:ern)?\s+Asia|Central\s+Asia|Asia[-\s]Pacific|Indo[-\s]Pacific|"
    r"Middle\s+East|Asia|Africa)\b",
    re.IGNORECASE,
)


@register(KIND, claim_kinds={"first", "superlative"}, covers="firsts among an alliance's offices")
def check_location_first(claim: Claim) -> Verdict | None:
    """Check "the first (office) of its kind in <region>" against the office table.

    Examples
    --------
    >>> from analysis.checks import check_text
    >>> text = "Japan plans a NATO office, the first of its kind in Asia."
    >>> [(v.grade.value, v.figures["prior"]) for v in check_text(text, "2023-05-10")
    ...  if v.kind == "location_first"]
    [('not supported', ['KAZ-NLO', 'UZB-NLO', 'KWT-ICI'])]
    """
    m = _FIRST_RE.search(claim.text)
    if not m or not (_OFFICE_RE.search(claim.text) or _OFFICE_RE.search(claim.context[-300:])):
        return None
    organisation = claim_alliance(claim)
    table = offices(organisation) if organisation else pd.DataFrame()
    if organisation is None or table.empty:
        return None
    key = re.sub(r"\s+", " ", m.group("region").lower()).replace("asia pacific", "asia-pacific")
    key = key.replace("indo pacific", "indo-pacific")
    label, pred = _REGIONS[key]
    if re.search(r"liaison", claim.text, re.IGNORECASE):
        table = table[table["kind"].isin(LIAISON_KINDS)]
    prior = existed_before(table, claim.reference_date).sort_values(
        "opened_earliest", na_position="first"
    )
    in_region = prior[prior.apply(pred, axis=1)]
    contested = prior[prior["in_asia"] == "contested"] if key == "asia" else prior.iloc[0:0]
    codes = claim.country_codes()
    who = codes[0] if codes else None
    cols = ["office_id", "office_name", "city", "country", "subregion", "in_asia", "kind",
            "opened", "closed", "status", "sources"]  # fmt: skip
    evidence = pd.concat([in_region, contested])[cols].rename(columns={"sources": "url"})
    evidence.insert(
        0, "source", f"{organisation} office table (analysis/reference/data/offices.csv)"
    )
    names = [f"{r.office_name} in {r.city} ({office_span(r)})" for _, r in in_region.iterrows()]
    sub_note = ""
    if who is not None:
        sub = get_country(who).subregion or ""
        if sub:
            same = prior[prior["subregion"] == sub]
            sub_note = (
                f"; it would be the first in {sub} ({country_name(who)}'s UN M49 subregion)"
                if same.empty
                else f"; {sub} already had {', '.join(same['office_name'])}"
            )
    if not in_region.empty:
        grade = Grade.NOT_SUPPORTED
        reason = (
            f"{organisation} already had offices in {label} before: {'; '.join(names)}{sub_note}."
        )
    elif not contested.empty:
        grade = Grade.DEPENDS
        cn = ", ".join(f"{r.office_name} in {r.city}" for _, r in contested.iterrows())
        reason = (
            f"It depends on where Asia ends: {cn} lies in a country whose continent is "
            f"contested{sub_note}."
        )
    else:
        grade = Grade.SUPPORTED
        reason = f"The office table lists no earlier {organisation} office in {label}{sub_note}."
    return Verdict(
        claim.text, KIND, grade, reason, evidence.reset_index(drop=True),
        {"organisation": organisation, "region": label, "prior": list(in_region["office_id"]),
         "contested": list(contested["office_id"]),
         "summary": f"{len(in_region)} earlier office(s) in {m.group('region')}"},
        claim.start, claim.end,
    )  # fmt: skip
