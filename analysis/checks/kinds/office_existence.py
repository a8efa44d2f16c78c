"""``office_existence``: "NATO has liaison offices in … including Ukraine", "in talks to open a
NATO office in Japan".

Existing offices, per named country, on the publication date: an active office
of the kind named whose own name uses that word → supported; an active office of
that kind under another name (a representation that absorbed a liaison office)
→ supported with caveats; only closed offices or none → not supported.  A claim
naming several countries takes the weakest grade.  A planned office: a proposed
office in that country in the table → supported (saying what became of it).
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.checks.evidence import claim_alliance, office_span
from analysis.checks.grades import Grade, weakest
from analysis.checks.kinds._common import not_checkable
from analysis.checks.registry import register
from analysis.checks.verdicts import Verdict
from analysis.claims import Claim
from analysis.countries import name as country_name
from analysis.dates import as_timestamp, format_day
from analysis.reference import offices
from analysis.reference.offices import LIAISON_KINDS

KIND = "office_existence"

_EXIST_RE = re.compile(
    r"\b(?:has|have|had|maintains|operates|runs|opened)\b[^.]{0,80}?\b(?:offices?|representations?|"
    r"information\s+cent(?:re|er)s?)\b",
    re.IGNORECASE,
)
_PLAN_RE = re.compile(
    r"\b(?:in\s+talks\s+to|plans?\s+to|planning\s+to|wants?\s+to|wanted\s+to|proposed|"
    r"possible\s+opening\s+of|to\s+open)\b[^.]{0,40}?\b(?:office|liaison\s+office)\b",
    re.IGNORECASE,
)
_COLS = ["office_id", "office_name", "office_type", "city", "country", "opened", "closed",
         "status", "status_note", "sources"]  # fmt: skip


@register(KIND, claim_kinds={"office"}, covers="an alliance's offices")
def check_office_existence(claim: Claim) -> Verdict | None:
    """Check that an organisation has, or planned, an office in the countries named.

    Examples
    --------
    >>> from analysis.checks import check_text
    >>> text = "NATO has similar liaison offices in other countries, including Ukraine."
    >>> [v.grade.value for v in check_text(text, "2023-05-10") if v.kind == "office_existence"]
    ['supported with caveats']
    """
    text = claim.text
    organisation = claim_alliance(claim)
    if organisation is None:
        return None
    plan = _PLAN_RE.search(text)
    exist = _EXIST_RE.search(text)
    if not plan and not exist:
        return None
    table = offices(organisation)
    if table.empty:
        return not_checkable(claim, KIND, f"The package holds no office table for {organisation}.")
    source = f"{organisation} office table (analysis/reference/data/offices.csv)"
    if plan and not exist:
        codes = claim.country_codes()
        if not codes:
            return None
        iso = codes[0]
        rows = table[(table["country_iso3"] == iso) & (table["status"] == "proposed")]
        ev = rows[_COLS].rename(columns={"sources": "url"}).reset_index(drop=True)
        ev.insert(0, "source", source)
        if rows.empty:
            return Verdict(
                text, KIND, Grade.NOT_CHECKABLE,
                f"The office table records no proposed {organisation} office in "
                f"{country_name(iso)}.",
                ev, {"country": iso, "summary": "no record"}, claim.start, claim.end,
            )  # fmt: skip
        r = rows.iloc[0]
        return Verdict(
            text, KIND, Grade.SUPPORTED,
            f"A {organisation} office in {r.city} was under discussion "
            f"({str(r.opened_note).replace('not opened; ', '')}) but never opened.",
            ev, {"country": iso, "status": "proposed", "summary": "proposed, never opened"},
            claim.start, claim.end,
        )  # fmt: skip
    assert exist is not None
    named = [m.code for m in claim.countries if m.start >= claim.start + exist.start()]
    if not named:
        return None
    liaison = bool(re.search(r"liaison", text, re.IGNORECASE))
    word = "liaison" if liaison else "office"
    on = as_timestamp(claim.reference_date)
    grades: list[Grade] = []
    notes: list[str] = []
    frames = []
    for iso in dict.fromkeys(named):
        here = table[table["country_iso3"] == iso]
        opened = here["opened_latest"].notna() & (here["opened_latest"] <= on)
        open_now = here[opened & (here["closed_latest"].isna() | (here["closed_latest"] >= on))]
        open_now = open_now[~open_now["status"].isin(["proposed", "agreed"])]
        pool = open_now[open_now["kind"].isin(LIAISON_KINDS)] if liaison else open_now
        frames.append(here[_COLS])
        cname = country_name(iso)
        if pool.empty:
            grades.append(Grade.NOT_SUPPORTED)
            past = ", ".join(f"{r.office_name} ({office_span(r)})" for _, r in here.iterrows())
            notes.append(
                f"no {organisation} {word} office was open in {cname} on "
                f"{format_day(claim.reference_date)}" + (f" (earlier: {past})" if past else "")
            )
            continue
        exact = pool[pool["office_name"].str.contains(word, case=False)]
        r = pool.iloc[0]
        if not exact.empty:
            grades.append(Grade.SUPPORTED)
            notes.append(f"{cname} hosts the {exact.iloc[0].office_name}")
        else:
            grades.append(Grade.CAVEATS)
            notes.append(
                f"{cname}'s {organisation} office is the {r.office_name} (since {r.opened}, "
                f"{r.office_type}); {r.status_note}"
            )
    ev = pd.concat(frames).rename(columns={"sources": "url"}).reset_index(drop=True)
    ev.insert(0, "source", source)
    reason = "; ".join(notes)
    reason = reason[0].upper() + reason[1:] + "."
    return Verdict(
        text, KIND, weakest(grades), reason, ev,
        {"countries": list(dict.fromkeys(named)), "summary": f"{len(named)} country(ies) checked"},
        claim.start, claim.end,
    )  # fmt: skip
