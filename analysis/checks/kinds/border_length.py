"""``border_length``: "Kazakhstan and Russia share a border of about 7,600 km".

The stated length is compared with every published figure the package holds for
that border (the CIA World Factbook for every pair, national and other figures
where tabulated), each source's latest edition.  Lengths measured on maps
(Natural Earth at each ruler) are reported beside them but do not decide the
grade while a published figure exists: a map generalises rivers and lakes away
and always comes out shorter.  With no published figure, the map lengths decide,
and the best grade is ``supported with caveats``.

Tolerance (:data:`~analysis.checks.grades.LENGTH_TOLERANCE`): 2 % for a plain
figure, 5 % for a hedged one ("about", "some", "nearly"); "more than" and "less
than" must simply hold.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

from analysis.checks.evidence import pair_lengths
from analysis.checks.grades import LENGTH_TOLERANCE, Grade, grade_ratio, tolerance_for
from analysis.checks.kinds._common import not_checkable
from analysis.checks.registry import register
from analysis.checks.verdicts import Verdict
from analysis.claims import Claim
from analysis.countries import name as country_name

KIND = "border_length"
_MI = 1.609344


def _named(row: Mapping[Hashable, object]) -> str:
    """A published figure's source; the Factbook's with the page it is printed on."""
    if row["source_kind"] == "cia_factbook":
        return f"{row['source']}, {str(row['edition']).split(',')[0]}"
    return str(row["source"])


def _fmt(values: list[float]) -> str:
    lo, hi = min(values), max(values)
    return f"{lo:,.0f} km" if round(lo) == round(hi) else f"{lo:,.0f}–{hi:,.0f} km"


@register(KIND, claim_kinds={"number"}, covers="land-border lengths between two countries")
def check_border_length(claim: Claim) -> Verdict | None:
    """Check a stated length of the land border between two countries.

    Examples
    --------
    >>> from analysis.checks import check_text
    >>> v = [v for v in check_text("Finland and Russia share a 1,340 km border.", "2023-05-10")
    ...      if v.kind == "border_length"][0]
    >>> v.grade.value, v.figures["published_km"][:1]
    ('depends on the source', [1309.0])
    """
    if "border" not in claim.kinds or "comparison" in claim.kinds:
        return None
    lengths = [q for q in claim.quantities("cardinal") if q.unit in ("km", "mi")]
    if not lengths:
        return None
    q = lengths[0]
    codes = claim.country_codes()
    if len(codes) == 1:
        codes += [c for c in claim.country_codes(context=True) if c not in codes][-1:]
    if len(codes) < 2:
        return not_checkable(
            claim, KIND, "The claim states a border length but names only one country; "
            "total land borders are not checked.",
        )  # fmt: skip
    a, b = codes[0], codes[1]
    target = q.value * (_MI if q.unit == "mi" else 1.0)
    ev = pair_lengths(a, b)
    names = f"{country_name(a)}–{country_name(b)}"
    if ev.empty:
        return not_checkable(claim, KIND, f"No source gives a length for the {names} border; "
                             "they may not share a land border.")  # fmt: skip
    wording = tolerance_for(q.comparator, q.hedge)
    tol = LENGTH_TOLERANCE[wording]
    pub = ev[ev["kind"] == "published"]
    comp = ev[ev["kind"] == "computed"]
    decide = pub if not pub.empty else comp
    grade = grade_ratio(list(decide["length_km"]), q.comparator, target, tol)
    if pub.empty and grade == Grade.SUPPORTED:
        grade = Grade.CAVEATS
    if q.comparator == ">":
        ev["meets_claim"] = ev["length_km"] > target
    elif q.comparator == "<":
        ev["meets_claim"] = ev["length_km"] < target
    else:
        ev["meets_claim"] = (ev["length_km"] - target).abs() <= tol * target
    ev["diff_pct"] = 100.0 * (target - ev["length_km"]) / ev["length_km"]
    parts = []
    if not pub.empty:
        listed = "; ".join(
            f"{_named(r)} {r['length_km']:,.0f} km" for r in pub.to_dict(orient="records")
        )
        parts.append(f"Published figures for the {names} border: {listed}.")
    else:
        parts.append(f"No published figure for the {names} border is tabulated.")
    if not comp.empty:
        parts.append(f"Measured on maps it is {_fmt(list(comp['length_km']))}"
                     + (" (maps generalise rivers and lakes, so they come out shorter)."
                        if not pub.empty else "."))  # fmt: skip
    stated = f"{q.text.strip()}"
    verdict_word = {
        Grade.SUPPORTED: f"The claim's {stated!r} agrees with them.",
        Grade.CAVEATS: f"The claim's {stated!r} agrees, narrowly or on map lengths only.",
        Grade.DEPENDS: f"The claim's {stated!r} agrees with some of them and not others.",
        Grade.NOT_SUPPORTED: f"The claim's {stated!r} agrees with none of them.",
        Grade.NOT_CHECKABLE: "",
    }[grade]
    reason = " ".join([*parts, verdict_word]).strip()
    figures = {
        "countries": [a, b], "claimed_km": target, "comparator": q.comparator, "tolerance": tol,
        "published_km": [float(x) for x in pub["length_km"]],
        "computed_km": [float(x) for x in comp["length_km"]],
        "summary": f"claimed {target:,.0f} km; published {_fmt(list(pub['length_km']))}"
        if not pub.empty else f"claimed {target:,.0f} km; maps {_fmt(list(comp['length_km']))}",
    }  # fmt: skip
    return Verdict(
        claim.text, KIND, grade, reason, ev.reset_index(drop=True), figures, claim.start, claim.end
    )
