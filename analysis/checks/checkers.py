"""One checker per claim kind, registered by kind.

A checker takes a :class:`Claim` and returns a :class:`~analysis.checks.verdicts.Verdict`,
or ``None`` when the claim is not of its kind.  Checkers decide from the claim's
own words (regular expressions and light parsing), not from the extractor's
labels, so they work on any claims table with a ``text`` column.

Registered kinds (see :data:`CHECKERS`):

``accession_order``
    "Finland … became the 31st member": the ordinal against the member's count
    after accession (see :mod:`analysis.reference.tables` for how order is counted).
``member_count``
    "NATO's 31 members": the count against the membership on the publication date.
``membership``
    "Finland officially joined NATO on April 4", "Japan is not a member of NATO".
``border_change``
    "the land border … with NATO has more than doubled": the ratio after/before
    the latest accession that changed the border, across every published series
    and, when :mod:`analysis.geo` is available, Natural Earth at 1:10m, 1:50m and
    1:110m; graded by :func:`~analysis.checks.verdicts.grade_ratio`.
``location_first``
    "the first of its kind in Asia": against the office table, naming the offices
    in the region that came before.  "Asia" is the UN M49 region Asia; countries
    whose placement is contested (Georgia, Azerbaijan, Türkiye) are reported
    separately and can only make the verdict depend on the definition.
``office_existence``
    "liaison offices in other countries, including Ukraine", "in talks to open a
    NATO office in Japan": against the office table on the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

from analysis.checks.verdicts import (
    CAVEATS,
    DEPENDS,
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    SUPPORTED,
    TOLERANCE,
    Verdict,
    grade_ratio,
)
from analysis.errors import AnalysisError
from analysis.reference import tables as ref

__all__ = [
    "CHECKERS",
    "Claim",
    "find_countries",
    "find_dates",
    "natural_earth_ratios",
    "parse_ordinal",
    "register",
]

Checker = Callable[["Claim"], Verdict | None]

#: Kind → checker, in the order they run.
CHECKERS: dict[str, Checker] = {}


def register(kind: str) -> Callable[[Checker], Checker]:
    """Register a checker under ``kind`` (decorator).

    Examples
    --------
    >>> "border_change" in CHECKERS
    True
    """

    def deco(fn: Checker) -> Checker:
        CHECKERS[kind] = fn
        return fn

    return deco


@dataclass(frozen=True)
class Claim:
    """A claim to check.

    Attributes
    ----------
    text
        The claim (usually one sentence).
    kinds
        Labels from the extractor; informative only.
    published
        Publication date: the reference date for present-tense claims and the year
        for dates written without one.
    context
        Text before the claim (e.g. the previous sentence), used to find what
        "as a result" or "the country" refers to.
    start, end
        Offsets in the analysed text.
    """

    text: str
    kinds: tuple[str, ...] = ()
    published: date | None = None
    context: str = ""
    start: int | None = None
    end: int | None = None

    @property
    def reference_date(self) -> date:
        """The publication date, or today when unknown."""
        return self.published or date.today()


# --------------------------------------------------------------------------- parsing helpers

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
_ORD_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}  # fmt: skip
_ORD_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40}


def _word_number(word: str) -> int | None:
    w = word.lower().replace("–", "-")
    if w.isdigit():
        return int(w)
    if w in _UNITS:
        return _UNITS.index(w)
    if w in _TENS:
        return _TENS[w]
    if "-" in w:
        a, b = w.split("-", 1)
        if a in _TENS and b in _UNITS[1:10]:
            return _TENS[a] + _UNITS.index(b)
    return None


def parse_ordinal(word: str) -> int | None:
    """Value of an ordinal written in digits or words ("31st", "thirty-first").

    Examples
    --------
    >>> parse_ordinal("31st"), parse_ordinal("thirty-first"), parse_ordinal("Twelfth")
    (31, 31, 12)
    >>> parse_ordinal("thirty") is None
    True
    """
    w = word.lower().replace("–", "-")
    m = re.fullmatch(r"(\d+)(st|nd|rd|th)", w)
    if m:
        return int(m.group(1))
    if w in _ORD_UNITS:
        return _ORD_UNITS[w]
    if w in _ORD_TENS:
        return _ORD_TENS[w]
    if "-" in w:
        a, b = w.split("-", 1)
        if a in _TENS and b in _ORD_UNITS and _ORD_UNITS[b] < 10:
            return _TENS[a] + _ORD_UNITS[b]
    return None


_ORD_WORDS = "|".join(
    sorted(
        [*_ORD_UNITS, *_ORD_TENS]
        + [f"{t}-{u}" for t in _TENS for u, v in _ORD_UNITS.items() if v < 10],
        key=len,
        reverse=True,
    )
)
_ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORD_WORDS})"
_NUM_WORDS = "|".join(
    sorted(
        [*_UNITS[1:], *_TENS] + [f"{t}-{u}" for t in _TENS for u in _UNITS[1:10]],
        key=len,
        reverse=True,
    )
)

_NATO = re.compile(
    r"\b(NATO|OTAN|North Atlantic (?:Treaty )?(?:Alliance|Organi[sz]ation)|the alliance|"
    r"the bloc|the Alliance|allies)\b",
    re.IGNORECASE,
)

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december",
        ],
        start=1,
    )
}  # fmt: skip
_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December)"


@dataclass(frozen=True)
class _FoundDate:
    text: str
    year: int | None
    month: int | None
    day: int | None
    start: int


def find_dates(text: str) -> list[_FoundDate]:
    """Dates written in a claim: "April 4", "4 April 2023", "2023-04-04", "in 2009".

    Examples
    --------
    >>> [(d.year, d.month, d.day) for d in find_dates("On April 4, Finland joined")]
    [(None, 4, 4)]
    >>> [(d.year, d.month, d.day) for d in find_dates("joined on 7 March 2024")]
    [(2024, 3, 7)]
    """
    found: list[_FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], y: int | None, mo: int | None, d: int | None) -> None:
        if any(a <= m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(_FoundDate(m.group(0), y, mo, d, m.start()))

    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        add(m, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for m in re.finditer(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", text):
        y = int(m.group(3)) if m.group(3) else None
        add(m, y, _MONTHS[m.group(1).lower()], int(m.group(2)))
    for m in re.finditer(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(\d{{4}}))?\b", text
    ):
        y = int(m.group(3)) if m.group(3) else None
        add(m, y, _MONTHS[m.group(2).lower()], int(m.group(1)))
    for m in re.finditer(rf"\b{_MON}\s+(\d{{4}})\b", text):
        add(m, int(m.group(2)), _MONTHS[m.group(1).lower()], None)
    for m in re.finditer(r"\bin\s+((?:19|20)\d{2})\b", text):
        add(m, int(m.group(1)), None, None)
    return sorted(found, key=lambda f: f.start)


def _country_patterns() -> list[tuple[re.Pattern[str], str]]:
    table = ref.countries()
    pats: list[tuple[str, str]] = []
    for rec in table.itertuples():
        for n in [rec.name, *list(rec.aliases)]:  # type: ignore[arg-type]
            n = re.sub(r"^the ", "", str(n))
            if len(n) >= 2:
                pats.append((n, str(rec.iso3)))
    pats.sort(key=lambda p: len(p[0]), reverse=True)
    return [(re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])"), iso) for n, iso in pats]


_PATTERNS: list[tuple[re.Pattern[str], str]] = []


def find_countries(text: str) -> list[tuple[int, str]]:
    """Country mentions in ``text`` as (offset, ISO alpha-3), in order; names and aliases only.

    Examples
    --------
    >>> find_countries("Japan is not a member, unlike the Russian Federation's neighbour Finland")
    [(0, 'JPN'), (34, 'RUS'), (65, 'FIN')]
    """
    if not _PATTERNS:
        _PATTERNS.extend(_country_patterns())
    hits: list[tuple[int, int, str]] = []
    for pat, iso in _PATTERNS:
        for m in pat.finditer(text):
            if not any(a <= m.start() < b for a, b, _ in hits):
                hits.append((m.start(), m.end(), iso))
    return [(a, iso) for a, _, iso in sorted(hits)]


def _members_named(text: str, on: date | None = None) -> list[str]:
    members = set(ref.members_on(on or date.max)) if on else set(ref.nato_members()["iso3"])
    return [iso for _, iso in find_countries(text) if iso in members]


def _ord(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _fmt_date(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _accession(iso3: str) -> date:
    return pd.Timestamp(_member_table().loc[iso3, "accession_date"]).date()  # type: ignore[arg-type]


def _member_table() -> pd.DataFrame:
    return ref.nato_members().set_index("iso3")


# --------------------------------------------------------------------------- accession order


_ORDER_RE = re.compile(
    rf"\b(?P<ord>{_ORDINAL})\s+(?:(?:NATO|full|new)\s+)?"
    r"(?P<noun>member(?:\s+state|\s+country)?|ally|allied\s+nation|nation|country|state)\b"
    r"(?:\s+(?:of|to\s+join|in)\s+(?:the\s+)?(?P<org>\w+))?",
    re.IGNORECASE,
)


@register("accession_order")
def check_accession_order(claim: Claim) -> Verdict | None:
    """Check "X became the Nth member" against the accession table.

    Rule: N equal to the member count after X's accession → supported; N within
    the positions X shares with states that joined the same day → supported with
    caveats; otherwise not supported (the reason names the real rank and who held
    rank N).

    Examples
    --------
    >>> v = check_accession_order(Claim("Finland became the 30th member of NATO."))
    >>> v.grade, v.figures["rank"]
    ('not supported', 31)
    """
    m = _ORDER_RE.search(claim.text)
    if not m:
        return None
    if not (_NATO.search(claim.text) or _NATO.search(claim.context[-300:])):
        return None
    n = parse_ordinal(m.group("ord"))
    if n is None or n < 1:
        return None
    members = set(ref.nato_members()["iso3"])
    before = [iso for pos, iso in find_countries(claim.text[: m.start()]) if iso in members]
    anywhere = [iso for _, iso in find_countries(claim.text) if iso in members]
    ctx = [iso for _, iso in find_countries(claim.context[-400:]) if iso in members]
    subject = before[-1] if before else anywhere[0] if anywhere else ctx[-1] if ctx else None
    table = _member_table()
    if subject is None:
        return Verdict(
            claim.text,
            "accession_order",
            NOT_CHECKABLE,
            f"The claim gives the ordinal {n} but names no NATO member it applies to.",
            figures={"claimed": n, "summary": f"claimed {n}"},
            start=claim.start,
            end=claim.end,
        )
    rank = ref.member_rank(subject)
    holders = table[(table["order_min"] <= n) & (table["order_max"] >= n)]
    holder_names = ", ".join(holders["name"]) or "no state (NATO has 32 members)"
    evidence = table.loc[[subject, *[h for h in holders.index if h != subject]]].reset_index()[
        [
            "iso3",
            "name",
            "accession_date",
            "members_after",
            "order_min",
            "order_max",
            "source",
            "url",
        ]
    ]
    joined = _fmt_date(rank.accession_date)
    if n == rank.members_after:
        grade = SUPPORTED
        reason = f"{rank.name} joined on {joined} and took NATO to {n} members."
    elif rank.order_min <= n <= rank.order_max:
        grade = CAVEATS
        others = ", ".join(str(table.loc[c, "name"]) for c in rank.joined_with)
        reason = (
            f"{rank.name} joined on {joined} together with {others}, so it shares positions "
            f"{rank.order_min}–{rank.order_max}; counted as members after accession it was the "
            f"{_ord(rank.members_after)}."
        )
    else:
        grade = NOT_SUPPORTED
        reason = (
            f"{rank.name} joined on {joined} as member number {rank.members_after}, "
            f"not {n}; position {n} belongs to {holder_names}."
        )
    return Verdict(
        claim.text,
        "accession_order",
        grade,
        reason,
        evidence,
        {
            "country": subject,
            "claimed": n,
            "rank": rank.members_after,
            "order_range": [rank.order_min, rank.order_max],
            "summary": f"claimed {_ord(n)}, actual {_ord(rank.members_after)}",
        },
        claim.start,
        claim.end,
    )


# --------------------------------------------------------------------------- member count

_COUNT_RE = re.compile(
    rf"\b(?P<num>\d{{1,2}}|{_NUM_WORDS})[\s-]+(?:(?:NATO|allied|member)\s+)?"
    r"(?P<noun>members?|member\s+states|member\s+countries|allies|nations|countries)\b",
    re.IGNORECASE,
)


@register("member_count")
def check_member_count(claim: Claim) -> Verdict | None:
    """Check "NATO's 31 members" against the membership on the publication date.

    Rule: equal → supported; no publication date (compared with today) →
    supported with caveats when equal; different → not supported.  Sentences about
    states joining ("seven countries joined") are left alone.

    Examples
    --------
    >>> check_member_count(Claim("NATO's 30 members met.", published=date(2023, 5, 10))).grade
    'not supported'
    """
    if not _NATO.search(claim.text) or re.search(r"\bjoin", claim.text, re.IGNORECASE):
        return None
    m = _COUNT_RE.search(claim.text)
    if not m:
        return None
    n = _word_number(m.group("num"))
    if n is None or n < 2:
        return None
    on = claim.reference_date
    actual = ref.member_count(on)
    members = ref.members_on(on)
    evidence = (
        _member_table()
        .loc[members]
        .reset_index()[["iso3", "name", "accession_date", "source", "url"]]
    )
    when = _fmt_date(on) + ("" if claim.published else " (today; no publication date given)")
    if n == actual:
        grade = SUPPORTED if claim.published else CAVEATS
        reason = f"NATO had {actual} members on {when}."
    else:
        grade = NOT_SUPPORTED
        reason = f"NATO had {actual} members on {when}, not {n}."
    return Verdict(
        claim.text,
        "member_count",
        grade,
        reason,
        evidence,
        {"claimed": n, "count": actual, "on": on.isoformat(), "summary": f"{n} vs {actual}"},
        claim.start,
        claim.end,
    )


# --------------------------------------------------------------------------- membership

_JOIN_RE = re.compile(
    r"\b(?:(?:officially|formally|finally)\s+)?(?P<verb>joined|joins|acceded\s+to|accedes\s+to|"
    r"became\s+(?:a\s+)?(?:full\s+)?member\s+of|entered)\s+(?P<org>NATO|the\s+(?:North\s+Atlantic\s+)?"
    r"alliance|the\s+bloc|the\s+North\s+Atlantic\s+Treaty\s+Organi[sz]ation)\b",
    re.IGNORECASE,
)
_STATUS_RE = re.compile(
    r"\b(?P<verb>is|was|are|remains|remained|has\s+been|isn't|wasn't)\s+(?P<neg>not\s+|never\s+)?"
    r"(?:yet\s+|also\s+|already\s+)?(?:a\s+|an\s+)?(?:full\s+)?(?:NATO\s+)?(?:member|ally)\b"
    r"(?:\s+(?:of|in)\s+(?P<org>NATO|the\s+alliance|the\s+bloc|the\s+North\s+Atlantic\s+\w+))?",
    re.IGNORECASE,
)


def _resolve_day(found: _FoundDate, published: date | None) -> tuple[date | None, str]:
    if found.month is None or found.day is None:
        return None, "year"
    year = found.year
    if year is None:
        if published is None:
            return None, "month-day"
        year = published.year
        try:
            if date(year, found.month, found.day) > published:
                year -= 1
        except ValueError:
            return None, "invalid"
    try:
        return date(year, found.month, found.day), "day"
    except ValueError:
        return None, "invalid"


@register("membership")
def check_membership(claim: Claim) -> Verdict | None:
    """Check joining dates ("Finland joined NATO on April 4") and status ("Japan is not a member").

    Rules: a joining date equal to the accession date (at the precision written;
    a day without a year takes the publication year, or the year before when that
    would put it after publication) → supported; a day given without any year or
    publication date but matching day and month → supported with caveats; any other
    date → not supported.  A status claim is compared with the membership on the
    publication date (today, with a caveat, when there is none).

    Examples
    --------
    >>> c = Claim("On April 4, Finland officially joined NATO.", published=date(2023, 5, 10))
    >>> check_membership(c).grade
    'supported'
    >>> check_membership(Claim("Japan is not a member of NATO", published=date(2023, 5, 10))).grade
    'supported'
    """
    text = claim.text
    table = _member_table()
    jm = _JOIN_RE.search(text)
    if jm:
        subjects = [iso for pos, iso in find_countries(text[: jm.start()])]
        subject = subjects[-1] if subjects else None
        if subject is None:
            after = find_countries(text[jm.end() :])
            subject = after[0][1] if after else None
        if subject is None:
            return Verdict(
                text, "membership", NOT_CHECKABLE, "The claim names no country that joined.",
                start=claim.start, end=claim.end,
            )  # fmt: skip
        name = str(ref.countries().set_index("iso3").loc[subject, "name"])
        if subject not in table.index:
            return Verdict(
                text, "membership", NOT_SUPPORTED, f"{name} has never been a NATO member.",
                figures={"country": subject, "summary": "not a member"},
                start=claim.start, end=claim.end,
            )  # fmt: skip
        acc: date = _accession(subject)
        evidence = table.loc[[subject]].reset_index()[
            ["iso3", "name", "accession_date", "members_after", "source", "url"]
        ]
        figures: dict[str, Any] = {"country": subject, "accession_date": acc.isoformat()}
        dates = find_dates(text)
        if not dates:
            ok = acc <= claim.reference_date
            grade = SUPPORTED if ok else NOT_SUPPORTED
            reason = (
                f"{name} joined NATO on {_fmt_date(acc)}."
                if ok
                else f"{name} only joined NATO on {_fmt_date(acc)}, "
                f"after {_fmt_date(claim.reference_date)}."
            )
            figures["summary"] = f"joined {acc.isoformat()}"
            return Verdict(
                text, "membership", grade, reason, evidence, figures, claim.start, claim.end
            )
        fd = dates[0]
        day, precision = _resolve_day(fd, claim.published)
        figures["claimed"] = fd.text
        figures["summary"] = f"claimed {fd.text}, actual {acc.isoformat()}"
        if day is not None:
            match = day == acc
            grade = SUPPORTED if match else NOT_SUPPORTED
            reason = (
                f"{name} deposited its instrument of accession and joined on {_fmt_date(acc)}."
                if match
                else f"{name} joined NATO on {_fmt_date(acc)}, not on {_fmt_date(day)}."
            )
        elif precision == "month-day" and fd.month is not None:
            match = (fd.month, fd.day) == (acc.month, acc.day)
            grade = CAVEATS if match else NOT_SUPPORTED
            reason = (
                f"{name} joined on {_fmt_date(acc)}; the claim gives no year and there is no "
                "publication date to supply one."
                if match
                else f"{name} joined NATO on {_fmt_date(acc)}, not on {fd.text}."
            )
        elif precision == "year" and fd.year is not None:
            match = fd.year == acc.year and (fd.month in (None, acc.month))
            grade = SUPPORTED if match else NOT_SUPPORTED
            reason = (
                f"{name} joined NATO on {_fmt_date(acc)}."
                if match
                else f"{name} joined NATO on {_fmt_date(acc)}, not in {fd.text.replace('in ', '')}."
            )
        else:
            return Verdict(
                text, "membership", NOT_CHECKABLE, f"The date {fd.text!r} is not a real day.",
                evidence, figures, claim.start, claim.end,
            )  # fmt: skip
        return Verdict(text, "membership", grade, reason, evidence, figures, claim.start, claim.end)

    sm = _STATUS_RE.search(text)
    if not sm or not (sm.group("org") or _NATO.search(text)):
        return None
    subjects = [iso for pos, iso in find_countries(text[: sm.start()])]
    if not subjects:
        return None
    subject = subjects[-1]
    negated = bool(sm.group("neg")) or "n't" in sm.group("verb")
    on = claim.reference_date
    member = subject in ref.members_on(on)
    name = str(ref.countries().set_index("iso3").loc[subject, "name"])
    holds = member != negated
    when = _fmt_date(on) + ("" if claim.published else " (today; no publication date given)")
    if member:
        acc = _accession(subject)
        fact = f"{name} has been a NATO member since {_fmt_date(acc)}"
        evidence = table.loc[[subject]].reset_index()[
            ["iso3", "name", "accession_date", "source", "url"]
        ]
    else:
        fact = f"{name} was not a NATO member on {when}"
        partners = ref.indo_pacific_partners()
        part = partners[partners["iso3"] == subject]
        evidence = part[["iso3", "partner", "date", "milestone", "source", "url"]].reset_index(
            drop=True
        )
        if not part.empty:
            fact += " (it is one of NATO's Indo-Pacific partners)"
        if subject in table.index:
            acc = _accession(subject)
            fact += f"; it joined on {_fmt_date(acc)}"
    grade = (SUPPORTED if claim.published else CAVEATS) if holds else NOT_SUPPORTED
    return Verdict(
        text,
        "membership",
        grade,
        fact + ".",
        evidence,
        {"country": subject, "member": member, "on": on.isoformat(),
         "summary": "member" if member else "not a member"},
        claim.start,
        claim.end,
    )  # fmt: skip


# --------------------------------------------------------------------------- border change

_BORDER_RE = re.compile(r"\b(border|borders|frontier|frontiers|boundary|boundaries)\b", re.I)
_MULT = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "trebl": 3.0}
_CHANGE_RE = re.compile(
    r"\b(?P<hedge>more\s+than|over|at\s+least|less\s+than|under|almost|nearly|roughly|about|"
    r"approximately|around|some|some\s+)?\s*(?P<word>doubl|tripl|trebl|quadrupl)\w*",
    re.IGNORECASE,
)
_TIMES_RE = re.compile(
    r"\b(?P<hedge>more\s+than|over|less\s+than|almost|nearly|roughly|about|some)?\s*"
    r"(?P<n>\d+(?:\.\d+)?)[\s-]*(?:times|fold)\b",
    re.IGNORECASE,
)
_KM_RE = re.compile(
    r"\b(?:by|adds?|added|adding|grew\s+by|increased\s+by)\s+"
    r"(?P<hedge>more\s+than\s+|over\s+|almost\s+|nearly\s+|some\s+|about\s+|roughly\s+|"
    r"around\s+|approximately\s+)?(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s*"
    r"(?:-\s*)?(?P<unit>km|kilometres|kilometers|miles|mi)\b",
    re.IGNORECASE,
)
_RUSSIA_RE = re.compile(r"\b(Russia|Russian|Moscow|Kremlin)\b")

#: Natural Earth scales compared when :mod:`analysis.geo` is available.
NE_SCALES = ("10m", "50m", "110m")


def _comparator(hedge: str | None) -> tuple[str, str]:
    h = re.sub(r"\s+", " ", (hedge or "").strip().lower())
    if h in ("more than", "over", "at least"):
        return ">", "strict"
    if h in ("less than", "under"):
        return "<", "strict"
    if h:
        return "≈", "hedged"
    return "≈", "plain"


def _russia_neighbours() -> list[str]:
    return sorted(set(ref.border_figures("RUS")["neighbor_iso3"]))


def _border_accession(claim: Claim) -> tuple[list[str], date] | None:
    found = _border_joiner(claim)
    if found is None:
        return None
    table = _member_table()
    neighbours = set(_russia_neighbours())
    same = [
        str(i)
        for i in table.index
        if i in neighbours and table.loc[i, "accession_date"] == pd.Timestamp(found[1])
    ]
    return sorted(same), found[1]


def _border_joiner(claim: Claim) -> tuple[str, date] | None:
    neighbours = set(_russia_neighbours())
    table = _member_table()
    movers = [i for i in table.index if i in neighbours and not bool(table.loc[i, "founder"])]
    for text in (claim.text, claim.context[-600:]):
        named = [iso for _, iso in find_countries(text) if iso in movers]
        if named:
            iso = named[-1]
            return iso, _accession(iso)
    on = claim.reference_date
    cands = [(_accession(i), i) for i in movers]
    cands = [c for c in cands if c[0] <= on]
    if not cands:
        return None
    d, iso = max(cands)
    return iso, d


def natural_earth_ratios(before: list[str], after: list[str], country: str = "RUS") -> pd.DataFrame:
    """Before/after land-border lengths measured on Natural Earth at each scale.

    Uses :func:`analysis.geo.land_borders`; returns an empty frame when the
    geography engine is not importable or its data fail to load.

    Examples
    --------
    >>> t = natural_earth_ratios(["NOR", "EST", "LVA", "LTU", "POL"],
    ...                          ["NOR", "EST", "LVA", "LTU", "POL", "FIN"])
    >>> list(t["series"]) if not t.empty else ["natural_earth_10m"]  # doctest: +ELLIPSIS
    ['natural_earth_10m'...]
    """
    try:
        from analysis import geo
    except ImportError:
        return pd.DataFrame()
    land_borders = getattr(geo, "land_borders", None)
    if land_borders is None:
        return pd.DataFrame()
    rows = []
    for scale in NE_SCALES:
        try:
            lb = land_borders(country, scale)
        except (AnalysisError, OSError, ImportError):
            continue
        lengths = dict(zip(lb["neighbor_iso3"], lb["length_km"].astype(float), strict=True))
        b = float(sum(lengths.get(c, 0.0) for c in before))
        a = float(sum(lengths.get(c, 0.0) for c in after))
        rows.append(
            {
                "series": f"natural_earth_{scale}",
                "label": f"Natural Earth 1:{scale} (geodesic, computed)",
                "source_kind": "natural_earth",
                "before_km": b,
                "after_km": a,
                "ratio": a / b if b > 0 else float("nan"),
                "margin_km": a - 2 * b,
                "missing": ", ".join(c for c in after if c not in lengths),
            }
        )
    return pd.DataFrame(rows)


def _span(values: list[float]) -> str:
    lo, hi = min(values), max(values)
    return f"{lo:.2f}" if round(lo, 2) == round(hi, 2) else f"{lo:.2f}–{hi:.2f}"


def _group_summary(frame: pd.DataFrame) -> str:
    parts = []
    for kind, g in frame.groupby("source_kind", sort=False):
        label = {
            "cia_factbook": "CIA Factbook",
            "national": "national figures",
            "wikipedia": "English Wikipedia",
            "russian_border_service": "Russia's border service",
            "natural_earth": "Natural Earth",
        }.get(str(kind), str(kind))
        parts.append(f"{label} {_span(list(g['ratio']))}×")
    return ", ".join(parts)


@register("border_change")
def check_border_change(claim: Claim) -> Verdict | None:
    """Check "NATO's land border with Russia has more than doubled" across every source.

    The accession is the member bordering Russia named in the claim or just before
    it, else the latest border-changing accession before publication.  Each
    like-for-like series of published figures and each Natural Earth scale gives a
    before and after length; the grade follows
    :func:`~analysis.checks.verdicts.grade_ratio` (or the same rule applied to the
    increase in km for "adds 1,300 km").

    Examples
    --------
    >>> c = Claim("The land border of Russia with NATO has tripled.", published=date(2023, 5, 10))
    >>> check_border_change(c).grade
    'not supported'
    """
    text = claim.text
    if not _BORDER_RE.search(text):
        return None
    cm = _CHANGE_RE.search(text)
    tm = _TIMES_RE.search(text)
    km = _KM_RE.search(text)
    if cm:
        target = _MULT[cm.group("word").lower()]
        comparator, wording = _comparator(cm.group("hedge"))
        mode = "ratio"
        phrase = cm.group(0).strip()
    elif tm:
        target = float(tm.group("n"))
        comparator, wording = _comparator(tm.group("hedge"))
        mode = "ratio"
        phrase = tm.group(0).strip()
    elif km:
        n = float(km.group("n").replace(",", ""))
        target = n * 1.609344 if km.group("unit").lower() in ("miles", "mi") else n
        comparator, wording = _comparator(km.group("hedge"))
        mode = "km"
        phrase = km.group(0).strip()
    else:
        return None
    if not (_RUSSIA_RE.search(text) or _RUSSIA_RE.search(claim.context[-600:])):
        return Verdict(
            text, "border_change", NOT_CHECKABLE,
            "Only Russia's land borders are tabulated, and the claim does not concern Russia.",
            start=claim.start, end=claim.end,
        )  # fmt: skip
    if not (_NATO.search(text) or _NATO.search(claim.context[-600:])):
        return None
    event = _border_accession(claim)
    if event is None:
        return Verdict(
            text, "border_change", NOT_CHECKABLE,
            "No NATO accession bordering Russia precedes the claim.",
            start=claim.start, end=claim.end,
        )  # fmt: skip
    joiners, when = event
    neighbours = _russia_neighbours()
    before = [c for c in ref.members_on(when - timedelta(days=1)) if c in neighbours]
    after = [c for c in ref.members_on(when) if c in neighbours]
    table = ref.published_ratios(before, after)
    ne = natural_earth_ratios(before, after)
    if not ne.empty:
        table = pd.concat([table, ne], ignore_index=True)
    table = table[table["missing"] == ""].reset_index(drop=True)
    urls = []
    for s in table["series"]:
        if s.startswith("natural_earth"):
            urls.append("https://www.naturalearthdata.com/")
        else:
            used = ref.published_ratio(s, before, after).figures
            urls.append(" ; ".join(dict.fromkeys(used["url"])))
    table["url"] = urls
    table["increase_km"] = table["after_km"] - table["before_km"]
    table = table.rename(columns={"label": "source"})
    tol = TOLERANCE[wording]
    mt = _member_table()
    joiner_name = " and ".join(str(mt.loc[j, "name"]) for j in joiners)
    if mode == "ratio":
        values = list(table["ratio"])
        table["margin_km"] = table["after_km"] - target * table["before_km"]
        grade = grade_ratio(values, comparator, target, tol)
        measure = "ratio"
    else:
        values = list(table["increase_km"])
        grade = grade_ratio(values, comparator, target, tol)
        measure = "increase_km"
    if comparator == "≈":
        table["meets_claim"] = [abs(v - target) <= tol * target for v in values]
    elif comparator == ">":
        table["meets_claim"] = [v > target for v in values]
    else:
        table["meets_claim"] = [v < target for v in values]
    table = table[
        ["source", "source_kind", "series", "before_km", "after_km", "increase_km", "ratio",
         "margin_km", "meets_claim", "url"]
    ]  # fmt: skip
    yes = table[table["meets_claim"]]
    no = table[~table["meets_claim"]]
    span = _group_summary(table)
    head = (
        f"Russia's land border with NATO went from {table['before_km'].min():,.0f}–"
        f"{table['before_km'].max():,.0f} km to {table['after_km'].min():,.0f}–"
        f"{table['after_km'].max():,.0f} km when {joiner_name} joined ({span})"
    )
    if mode == "km":
        head = (
            f"The accession of {joiner_name} added {table['increase_km'].min():,.0f}–"
            f"{table['increase_km'].max():,.0f} km to Russia's land border with NATO"
        )
    if grade == DEPENDS:
        reason = (
            f"{head}; the answer turns on the figures used: {len(yes)} of {len(table)} sources "
            f"support {phrase!r} ({_group_summary(yes)}) and {len(no)} do not "
            f"({_group_summary(no)})."
        )
    elif grade == SUPPORTED:
        reason = f"{head}; every source supports {phrase!r}."
    elif grade == CAVEATS:
        reason = f"{head}; every source is consistent with {phrase!r}, some only narrowly."
    else:
        reason = f"{head}; no source supports {phrase!r}."
    figures = {
        "joined": joiners,
        "accession_date": when.isoformat(),
        "before": before,
        "after": after,
        "target": target,
        "comparator": comparator,
        "tolerance": tol,
        "measure": measure,
        "ratio_min": float(table["ratio"].min()),
        "ratio_max": float(table["ratio"].max()),
        "n_sources": len(table),
        "n_supporting": len(yes),
        "summary": f"ratio {table['ratio'].min():.2f}–{table['ratio'].max():.2f} "
        f"across {len(table)} sources ({len(yes)} support)",
    }
    return Verdict(text, "border_change", grade, reason, table, figures, claim.start, claim.end)


# --------------------------------------------------------------------------- offices

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


def _office_span(row: pd.Series) -> str:
    def fmt(raw: str, prec: str) -> str:
        if prec == "unknown" or not raw:
            return "?"
        return f"before {raw}" if prec == "before" else raw

    start = fmt(str(row["opened"]), str(row["opened_precision"]))
    end = fmt(str(row["closed"]), str(row["closed_precision"])) if row["closed"] else ""
    if start.startswith("before ") and end.startswith(start.removeprefix("before ")):
        return f"until {end}"  # e.g. opened at an unknown date before it moved in 2013
    return f"{start}–{end}"


def _existed_before(offices: pd.DataFrame, on: date) -> pd.DataFrame:
    ts = pd.Timestamp(on)
    opened = offices["opened_latest"].notna() & (offices["opened_latest"] < ts)
    closed_before = offices["closed_latest"].notna() & (offices["closed_latest"] < ts)
    real = ~offices["status"].isin(["proposed", "agreed"])
    return offices[real & (opened | closed_before)]


@register("location_first")
def check_location_first(claim: Claim) -> Verdict | None:
    """Check "the first (NATO office) of its kind in Asia" against the office table.

    Rule: an office of NATO in the region that opened before the publication date
    (proposed or merely agreed offices excluded) → not supported, naming them; only
    offices in countries whose placement in the region is contested → depends on
    the source (the definition); none → supported.  The verdict also says whether
    the subject would be first in its own UN M49 subregion.

    Examples
    --------
    >>> c = Claim("Japan plans a NATO office, the first of its kind in Asia.",
    ...           published=date(2023, 5, 10))
    >>> v = check_location_first(c); v.grade, v.figures["prior"]
    ('not supported', ['KAZ-NLO', 'UZB-NLO', 'KWT-ICI'])
    """
    m = _FIRST_RE.search(claim.text)
    if not m:
        return None
    if not (_OFFICE_RE.search(claim.text) or _OFFICE_RE.search(claim.context[-300:])):
        return None
    if not (_NATO.search(claim.text) or _NATO.search(claim.context[-600:])):
        return None
    key = re.sub(r"\s+", " ", m.group("region").lower()).replace("asia pacific", "asia-pacific")
    key = key.replace("indo pacific", "indo-pacific")
    label, pred = _REGIONS[key]
    liaison_only = bool(re.search(r"liaison", claim.text, re.IGNORECASE))
    offices = ref.nato_offices()
    if liaison_only:
        offices = offices[offices["kind"].isin(["liaison", "military_liaison", "io_liaison"])]
    prior = _existed_before(offices, claim.reference_date)
    prior = prior.sort_values("opened_earliest", na_position="first")
    in_region = prior[prior.apply(pred, axis=1)]
    contested = prior[prior["in_asia"] == "contested"] if key == "asia" else prior.iloc[0:0]
    subjects = [iso for _, iso in find_countries(claim.text)]
    subject = subjects[0] if subjects else None
    cols = ["office_id", "office_name", "city", "country", "subregion", "in_asia", "kind",
            "opened", "closed", "status", "sources"]  # fmt: skip
    evidence = pd.concat([in_region, contested])[cols].rename(columns={"sources": "url"})
    evidence.insert(0, "source", "NATO office table (analysis/reference/data/nato_offices.csv)")
    names = [f"{r.office_name} in {r.city} ({_office_span(r)})" for _, r in in_region.iterrows()]
    sub_note = ""
    if subject is not None:
        ctab = ref.countries().set_index("iso3")
        sub = str(ctab.loc[subject, "m49_subregion"])
        same_sub = prior[prior["subregion"] == sub]
        sub_note = (
            f"; it would be the first in {sub} ({ctab.loc[subject, 'name']!s}'s UN M49 subregion)"
            if same_sub.empty
            else f"; {sub} already had {', '.join(same_sub['office_name'])}"
        )
    if not in_region.empty:
        grade = NOT_SUPPORTED
        reason = f"NATO already had offices in {label} before: {'; '.join(names)}{sub_note}."
    elif not contested.empty:
        grade = DEPENDS
        cn = ", ".join(f"{r.office_name} in {r.city}" for _, r in contested.iterrows())
        reason = (
            f"It depends on where Asia ends: {cn} lies in a country whose continent is contested"
            f"{sub_note}."
        )
    else:
        grade = SUPPORTED
        reason = f"The office table lists no earlier NATO office in {label}{sub_note}."
    return Verdict(
        claim.text,
        "location_first",
        grade,
        reason,
        evidence.reset_index(drop=True),
        {
            "region": label,
            "prior": list(in_region["office_id"]),
            "contested": list(contested["office_id"]),
            "summary": f"{len(in_region)} earlier office(s) in {m.group('region')}",
        },
        claim.start,
        claim.end,
    )


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


@register("office_existence")
def check_office_existence(claim: Claim) -> Verdict | None:
    """Check "NATO has (liaison) offices in … including Ukraine" and planned offices.

    Rules for existing offices, per named country, on the publication date: an
    active office of the kind named whose own name uses that word → supported;
    an active office of that kind under another name (e.g. a representation that
    absorbed a liaison office) → supported with caveats; only closed offices or
    none → not supported.  A claim naming several countries takes the weakest
    grade.  For a planned office ("in talks to open a NATO office in Japan"): a
    proposed office in that country in the table → supported.

    Examples
    --------
    >>> c = Claim("NATO has similar liaison offices in other countries, including Ukraine.",
    ...           published=date(2023, 5, 10))
    >>> check_office_existence(c).grade
    'supported with caveats'
    """
    text = claim.text
    if not (_NATO.search(text) or _NATO.search(claim.context[-300:])):
        return None
    plan = _PLAN_RE.search(text)
    exist = _EXIST_RE.search(text)
    if not plan and not exist:
        return None
    offices = ref.nato_offices()
    on = pd.Timestamp(claim.reference_date)
    cols = ["office_id", "office_name", "office_type", "city", "country", "opened", "closed",
            "status", "status_note", "sources"]  # fmt: skip
    if plan and not exist:
        countries = [iso for _, iso in find_countries(text)]
        if not countries:
            return None
        iso = countries[0]
        rows = offices[(offices["country_iso3"] == iso) & (offices["status"] == "proposed")]
        cname = str(ref.countries().set_index("iso3").loc[iso, "name"])
        ev = rows[cols].rename(columns={"sources": "url"}).reset_index(drop=True)
        ev.insert(0, "source", "NATO office table (analysis/reference/data/nato_offices.csv)")
        if rows.empty:
            return Verdict(
                text, "office_existence", NOT_CHECKABLE,
                f"The office table records no proposed NATO office in {cname}.",
                ev, {"country": iso, "summary": "no record"}, claim.start, claim.end,
            )  # fmt: skip
        r = rows.iloc[0]
        return Verdict(
            text,
            "office_existence",
            SUPPORTED,
            f"A NATO office in {r.city} was under discussion "
            f"({str(r.opened_note).replace('not opened; ', '')}) but never opened.",
            ev,
            {"country": iso, "status": "proposed", "summary": "proposed, never opened"},
            claim.start,
            claim.end,
        )
    assert exist is not None
    named = [iso for pos, iso in find_countries(text) if pos >= exist.start()]
    if not named:
        return None
    liaison = bool(re.search(r"liaison", text, re.IGNORECASE))
    word = "liaison" if liaison else "office"
    grades: list[str] = []
    notes: list[str] = []
    frames = []
    ctab = ref.countries().set_index("iso3")
    for iso in dict.fromkeys(named):
        here = offices[offices["country_iso3"] == iso]
        opened = here["opened_latest"].notna() & (here["opened_latest"] <= on)
        open_now = here[opened & (here["closed_latest"].isna() | (here["closed_latest"] >= on))]
        open_now = open_now[~open_now["status"].isin(["proposed", "agreed"])]
        kinds = open_now[open_now["kind"].isin(["liaison", "military_liaison", "io_liaison"])]
        pool = kinds if liaison else open_now
        frames.append(here[cols])
        cname = str(ctab.loc[iso, "name"])
        if pool.empty:
            grades.append(NOT_SUPPORTED)
            past = ", ".join(f"{r.office_name} ({_office_span(r)})" for _, r in here.iterrows())
            notes.append(
                f"no NATO {word} office was open in {cname} on {_fmt_date(claim.reference_date)}"
                + (f" (earlier: {past})" if past else "")
            )
            continue
        exact = pool[pool["office_name"].str.contains(word, case=False)]
        r = pool.iloc[0]
        if not exact.empty:
            grades.append(SUPPORTED)
            notes.append(f"{cname} hosts the {exact.iloc[0].office_name}")
        else:
            grades.append(CAVEATS)
            notes.append(
                f"{cname}'s NATO office is the {r.office_name} (since {r.opened}, "
                f"{r.office_type}); {r.status_note}"
            )
    from analysis.checks.verdicts import weakest

    grade = weakest(grades)
    ev = pd.concat(frames).rename(columns={"sources": "url"}).reset_index(drop=True)
    ev.insert(0, "source", "NATO office table (analysis/reference/data/nato_offices.csv)")
    reason = "; ".join(notes)
    reason = reason[0].upper() + reason[1:] + "."
    return Verdict(
        text,
        "office_existence",
        grade,
        reason,
        ev,
        {"countries": list(dict.fromkeys(named)), "summary": f"{len(named)} country(ies) checked"},
        claim.start,
        claim.end,
    )
