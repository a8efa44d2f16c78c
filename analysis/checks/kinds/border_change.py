"""``border_change``: "Russia's land border with NATO has more than doubled", "… grew by 1,300 km".

The change is the latest accession to the alliance (named by the claim or its
context) that changed the country's land border with it: a joiner named in the
claim or just before it, else the last such accession before publication.  The
border before and after is summed from every source of the catalogue
(:func:`analysis.reference.border_sources`): each like-for-like series of
published figures, and each ruler on which :mod:`analysis.geo` measures the map.

Grade (:func:`~analysis.checks.grades.grade_ratio` over every source, or the same
rule on the increase in km): all sources support the claim with room to spare →
supported; all, some narrowly → supported with caveats; some do and some do not
→ depends on the source; none → not supported.  The reason counts *sources*,
not rulers (Natural Earth at three scales is one source measured three ways), and
keeps published figures apart from lengths computed on maps.
"""

from __future__ import annotations

import pandas as pd

from analysis.checks.evidence import (
    bordering_members,
    claim_alliance,
    members_before,
    neighbours,
    ratio_table,
)
from analysis.checks.grades import TOLERANCE, Grade, grade_ratio, tolerance_for
from analysis.checks.kinds._common import not_checkable
from analysis.checks.registry import register
from analysis.checks.verdicts import Verdict
from analysis.claims import Claim, Quantity
from analysis.countries import name as country_name
from analysis.dates import format_day
from analysis.reference import accession_table, border_sources, prose_name

KIND = "border_change"
_MI = 1.609344
_WORDS = {2.0: "double", 3.0: "triple", 4.0: "quadruple", 0.5: "half"}


def _claimed(claim: Claim) -> tuple[str, Quantity] | None:
    mult = claim.quantities("multiplier")
    if mult:
        return "ratio", mult[0]
    lengths = [q for q in claim.quantities("cardinal") if q.unit in ("km", "mi")]
    if lengths:
        return "km", lengths[0]
    return None


def _change(claim: Claim, country: str, alliance: str) -> tuple[list[str], object] | None:
    """(joiners, day) of the accession the claim refers to."""
    near = set(neighbours(country))
    table = accession_table(alliance)
    movers = table[table["iso3"].isin(near) & ~table["founder"]].copy()
    movers["joined"] = [d.date() for d in movers["accession_date"]]
    if movers.empty:
        return None
    named = [c for c in claim.country_codes() + [m.code for m in reversed(claim.context_countries)]
             if c in set(movers["iso3"])]  # fmt: skip
    if named:
        day = movers.set_index("iso3").loc[named[0], "joined"]
        if isinstance(day, pd.Series):
            day = day.iloc[-1]
    else:
        past = movers[movers["joined"] <= claim.reference_date]
        if past.empty:
            return None
        day = past["joined"].max()
    joiners = sorted(movers.loc[movers["joined"] == day, "iso3"])
    return joiners, day


def _span(values: list[float], digits: int) -> str:
    lo, hi = min(values), max(values)
    a, b = f"{lo:.{digits}f}", f"{hi:.{digits}f}"
    return a if a == b else f"{a}–{b}"


def _source_groups(table: pd.DataFrame, digits: int) -> list[tuple[str, bool, str, int]]:
    """(name, supports, values, rulers) per source, in table order: a source's series
    and rulers count once (Natural Earth at three scales is one source)."""
    names = border_sources().drop_duplicates("source_kind").set_index("source_kind")["source_name"]
    out = []
    for kind, g in table.groupby("source_kind", sort=False):
        name = str(names.get(kind, kind))
        rulers = int((g["kind"] == "computed").sum())
        out.append((name, bool(g["meets_claim"].all()), _span(list(g["value"]), digits), rulers))
    return out


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _describe(groups: list[tuple[str, bool, str, int]], unit: str) -> str:
    def one(label: str, values: str, rulers: int) -> str:
        extra = f" with {rulers} rulers" if rulers > 1 else ""
        return f"{label} ({values}{unit}{extra})"

    return _join([one(lbl, v, r) for lbl, _, v, r in groups])


def _number_word(n: int) -> str:
    return (
        ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][n]
        if n < 10
        else str(n)
    )


@register(KIND, claim_kinds={"comparison"}, covers="changes of a land border with an alliance")
def check_border_change(claim: Claim) -> Verdict | None:
    """Check a claimed change of a country's land border with an alliance, across every source.

    Examples
    --------
    >>> from analysis.checks import check_text
    >>> text = "Finland joined NATO in 2023. Russia's land border with NATO has tripled."
    >>> [v.grade.value for v in check_text(text, "2023-05-10") if v.kind == "border_change"]
    ['not supported']
    """
    if "border" not in claim.kinds:
        return None
    found = _claimed(claim)
    if found is None:
        return None
    mode, q = found
    alliance = claim_alliance(claim)
    if alliance is None:
        return None
    said = prose_name(alliance)  # how a sentence names it: "NATO", "the EU"
    members_ever = set(accession_table(alliance)["iso3"])
    country = next((c for c in claim.country_codes() if c not in members_ever), None)
    if country is None:
        country = next(
            (c for c in claim.country_codes(context=True) if c not in members_ever), None
        )
    if country is None:
        return not_checkable(
            claim, KIND, f"The claim does not say whose border with {said} changed."
        )
    event = _change(claim, country, alliance)
    if event is None:
        return not_checkable(
            claim, KIND,
            f"No accession to {said} changed {country_name(country)}'s land border "
            "before the claim.",
        )  # fmt: skip
    joiners, day = event
    before = members_before(country, alliance, day)  # type: ignore[arg-type]
    after = bordering_members(country, alliance, day)  # type: ignore[arg-type]
    table = ratio_table(country, before, after)
    if table.empty:
        return not_checkable(
            claim, KIND, f"No source gives every border of {country_name(country)} involved."
        )
    if mode == "ratio" and not (table["before_km"] > 0).any():
        return not_checkable(
            claim, KIND,
            f"Before {_join([country_name(j) for j in joiners])} joined, {country_name(country)} "
            f"had no land border with {said}, so the change is not a multiple of anything.",
            joined=joiners, after_km=float(table["after_km"].max()),
        )  # fmt: skip
    table = table[table["before_km"] > 0].reset_index(drop=True) if mode == "ratio" else table
    wording = tolerance_for(q.comparator, q.hedge)
    tol = TOLERANCE[wording]
    if mode == "ratio":
        target = q.value
        values = list(table["ratio"])
        table["margin_km"] = table["after_km"] - target * table["before_km"]
        digits, unit = 3, "×"
    else:
        target = q.value * (_MI if q.unit == "mi" else 1.0)
        values = list(table["increase_km"])
        table["margin_km"] = table["increase_km"] - target
        digits, unit = 0, " km"
    grade = grade_ratio(values, q.comparator, target, tol)
    if q.comparator == ">":
        table["meets_claim"] = [v > target for v in values]
    elif q.comparator == "<":
        table["meets_claim"] = [v < target for v in values]
    else:
        table["meets_claim"] = [abs(v - target) <= tol * target for v in values]
    table["value"] = values
    groups = _source_groups(table, digits)
    yes = [g for g in groups if g[1]]
    no = [g for g in groups if not g[1]]
    joiner_names = _join([country_name(j) for j in joiners])
    who = country_name(country)
    pub = table[table["kind"] == "published"]
    comp = table[table["kind"] == "computed"]
    head = (
        f"When {joiner_names} joined on {format_day(day)}, {who}'s land border with {said} "  # type: ignore[arg-type]
        f"went from {table['before_km'].min():,.0f}–{table['before_km'].max():,.0f} km to "
        f"{table['after_km'].min():,.0f}–{table['after_km'].max():,.0f} km."
    )
    measured = []
    if not pub.empty:
        measured.append(f"published figures give {_span(list(pub['value']), digits)}{unit}")
    if not comp.empty:
        measured.append(f"lengths measured on maps give {_span(list(comp['value']), digits)}{unit}")
    head += " " + _join(measured)[0].upper() + _join(measured)[1:] + "."
    phrase = q.text.strip()
    n_sources = len(groups)
    if grade == Grade.DEPENDS:
        short = {">": f"at or under {target:g}{unit}", "<": f"at or over {target:g}{unit}"}.get(
            q.comparator, f"more than {tol:.0%} away from {target:g}{unit}"
        )
        reason = (
            f"{head} {_number_word(len(yes)).capitalize()} of {_number_word(n_sources)} sources "
            f"bear out {phrase!r}: {_describe(yes, unit)}. {_describe(no, unit)[0].upper()}"
            f"{_describe(no, unit)[1:]} {'put' if len(no) > 1 else 'puts'} it {short}."
        )
    elif grade == Grade.SUPPORTED:
        reason = f"{head} Every source bears out {phrase!r}."
    elif grade == Grade.CAVEATS:
        reason = f"{head} Every source is consistent with {phrase!r}, some only narrowly."
    else:
        reason = f"{head} No source bears out {phrase!r}."
    table = table[
        ["source", "kind", "source_kind", "series", "before_km", "after_km", "increase_km", "ratio",
         "margin_km", "meets_claim", "url"]
    ].reset_index(drop=True)  # fmt: skip
    figures = {
        "country": country, "alliance": alliance, "joined": joiners,
        "accession_date": day.isoformat(),  # type: ignore[attr-defined]
        "before": before, "after": after, "target": target, "comparator": q.comparator,
        "tolerance": tol, "measure": "ratio" if mode == "ratio" else "increase_km",
        "ratio_min": float(table["ratio"].min()), "ratio_max": float(table["ratio"].max()),
        "n_series": len(table), "n_sources": n_sources, "n_sources_supporting": len(yes),
        "summary": f"ratio {_span(list(table['ratio']), 3)} across {n_sources} sources "
        f"({len(yes)} bear it out)",
    }  # fmt: skip
    return Verdict(claim.text, KIND, grade, reason, table, figures, claim.start, claim.end)
