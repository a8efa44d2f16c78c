"""Dates written in a text, resolved against the publication date.

Rules, chosen for news text:

* a date is reported at the granularity written: ``day`` (2023-05-03), ``week``
  (ISO week, 2023-W18), ``month`` (2023-05) or ``year`` (2022); a day is never
  invented for a month-only or year-only expression;
* a month and day without a year take the year that puts them closest to the
  publication date (the first one on or after it when the sentence speaks of the
  future: "will", "is due to", "scheduled"…);
* a weekday alone is the latest such day on or before publication ("on Tuesday"
  in a Wednesday article is the day before; in a Tuesday article it is that day),
  "last Tuesday" is strictly before, "next Tuesday" strictly after, and a
  weekday in a future-tense sentence (or after "starting", "beginning") is the first
  on or after publication;
* "N days/weeks/months/years earlier" counts back from the last day the text named
  before it (from publication when it named none);
* "last/this/next week|month|year", "yesterday", "today", "tomorrow" and "N days/
  weeks/months/years ago" are resolved at their own granularity;
* numbers that merely count ("31st member", "74 years", "2000 troops") are not dates:
  only calendar words, ISO dates and years after a preposition ("in 1949") count.

Without a publication date, relative expressions keep ``iso=None``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_MON = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WD = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})(?![-–/]\d)"
_PREP = (
    r"(?:in|on|since|by|until|till|through|from|to|during|of|before|after|between|and|or"
    r"|around|as of|starting|from|early|mid|late|end of|beginning of|start of)"
)
_MOD = r"(?:(?P<mod>early|mid|late|last|next|this)[\s-]+)?"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b")),
    (
        "mdy",
        re.compile(
            _WD + _MON + r"\s+(?P<day>\d{1,2})" + _ORD + r"\b(?!\s*(?:%|per|-\d|,\d{3}))"
            r"(?:,?\s+" + _YEAR + r"\b)?"
        ),
    ),
    (
        "dmy",
        re.compile(
            _WD
            + r"(?:the\s+)?\b(?P<day>\d{1,2})"
            + _ORD
            + r"\s+(?:of\s+)?"
            + _MON
            + r"(?:,?\s+"
            + _YEAR
            + r"\b)?(?![\w])"
        ),
    ),
    (
        "monthrel",
        re.compile(_MON + r"\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"),
    ),
    (
        "anaphor",
        re.compile(
            r"\b(?P<phrase>(?:the\s+same|that)\s+(?P<unit>day|week|month|year)"
            r"|the\s+(?:next|following)\s+(?P<nunit>day|week)"
            r"|the\s+(?P<punit>day|week)\s+before)\b",
            re.I,
        ),
    ),
    ("modmonth", re.compile(r"\b(?P<mod>early|mid|late)[\s-]+" + _MON + r"(?![\w-])", re.I)),
    ("my", re.compile(_MOD + _MON + r",?\s+(?:of\s+)?" + _YEAR + r"\b")),
    (
        "month",
        re.compile(r"\b(?P<prep>" + _PREP + r")\s+(?P<body>" + _MOD + _MON + r")(?![\w-])", re.I),
    ),
    (
        "year",
        re.compile(
            r"\b(?P<prep>" + _PREP + r")\s+(?:the\s+year\s+)?" + _YEAR + r"\b(?![-–]?\d|,\d|%)",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<mod>last|next|this|on|early|late)\s+)?"
            r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s\b)\b"
        ),
    ),
    ("word", re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight)\b", re.I)),
    (
        "rel",
        re.compile(
            r"\b(?:(?:earlier|later)\s+)?(?P<mod>last|this|next)\s+(?P<unit>week|weekend|month|year)\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            r"\s+(?P<unit>day|week|month|year)s?\s+"
            r"(?:ago|(?P<earlier>earlier|before)(?!\s+(?:the|that|this|a|an)\b))\b",
            re.I,
        ),
    ),
)
#: Words before a weekday that look forward from the time of writing ("starting Saturday").
_FORWARD = re.compile(r"\b(?:starting|beginning)\s+(?:on\s+)?$", re.I)

_FUTURE = re.compile(
    r"\b(will|shall|'ll|’ll|is due|are due|scheduled|is set to|are set to|planned|"
    r"plans? to (?!the\b|a\b|an\b|its\b|their\b)|"
    r"is expected to|are expected to|upcoming|is to|are to)\b",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression: text, ISO value, granularity and character offsets."""

    text: str
    iso: str | None
    granularity: str
    start: int
    end: int
    relative: bool
    written: str | None = None
    """What the text itself fixes, in ISO 8601 form: ``--04-04`` for "April 4"
    without a year, ``2023-04`` for "April 2023"; ``None`` for relative dates."""


def _month_num(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def resolve_weekday(weekday: int, published: date, mod: str | None, future: bool) -> date:
    """Resolve a weekday (0 = Monday) against a publication date.

    Examples
    --------
    >>> pub = date(2023, 5, 10)  # a Wednesday
    >>> resolve_weekday(1, pub, "on", False), resolve_weekday(2, pub, None, False)
    (datetime.date(2023, 5, 9), datetime.date(2023, 5, 10))
    >>> resolve_weekday(2, pub, "last", False), resolve_weekday(2, pub, "next", False)
    (datetime.date(2023, 5, 3), datetime.date(2023, 5, 17))
    >>> resolve_weekday(4, pub, "on", True)
    datetime.date(2023, 5, 12)
    """
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if mod == "last":
        return published - timedelta(days=back or 7)
    if mod == "next":
        return published + timedelta(days=ahead or 7)
    if future:
        return published + timedelta(days=ahead)
    return published - timedelta(days=back)


def _closest_day(m: int, d: int, published: date, future: bool) -> date | None:
    cands = [c for y in (published.year - 1, published.year, published.year + 1)
             if (c := _safe_date(y, m, d)) is not None]  # fmt: skip
    if not cands:
        return None
    if future:
        later = [c for c in cands if c >= published]
        if later:
            return min(later)
    return min(cands, key=lambda c: (abs((c - published).days), c > published))


def _closest_month(m: int, published: date, mod: str | None, future: bool) -> tuple[int, int]:
    here = published.year * 12 + published.month - 1
    cands = [(y, m) for y in (published.year - 1, published.year, published.year + 1)]
    idx = [y * 12 + mm - 1 for y, mm in cands]
    if mod == "last":
        return max((c for c, i in zip(cands, idx, strict=True) if i < here), default=cands[0])
    if mod == "next":
        return min((c for c, i in zip(cands, idx, strict=True) if i > here), default=cands[-1])
    if mod == "this":
        return (published.year, m)
    if future:
        return min((c for c, i in zip(cands, idx, strict=True) if i >= here), default=cands[-1])
    # not future: the latest such month up to the publication month ("in April" in a
    # December article is the April just gone, not the one to come)
    return max((c for c, i in zip(cands, idx, strict=True) if i <= here), default=cands[0])


def _modifies_noun(doc: Doc, start: int, end: int) -> bool:
    """True when a date expression hangs off a noun ("a surge of migrants in November").

    Such a date dates an event named by the noun, not the sentence's main verb, so
    a future tense elsewhere in the sentence says nothing about it.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:  # "Thursday or Friday"
        root = root.head
    head = root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    return head.pos_ in {"NOUN", "PROPN"} and head.i < span.start


def _is_future(
    text: str,
    start: int,
    sentences: list[tuple[int, int]] | None,
    pattern: re.Pattern[str] | None = None,
) -> bool:
    rx = pattern or _FUTURE
    if sentences:
        i = bisect_right(sentences, (start, len(text) + 1)) - 1
        if i >= 0 and sentences[i][0] <= start < sentences[i][1]:
            s, e = sentences[i]
            return bool(rx.search(text, s, e))
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    hi_dot = text.find(".", start)
    hi = len(text) if hi_dot < 0 else hi_dot
    return bool(rx.search(text, lo, hi))


_WOULD = re.compile(r"\bwould\b", re.I)
_BARE_YEAR = re.compile(r"(?P<year>(?:1[89]|20)\d{2})")


def _anaphor(text: str, m: re.Match[str], earlier: list[DateMention]) -> DateMention | None:
    """Resolve "the same day", "that week", "the next day" against the last date before it.

    Kept with ``iso=None`` when no earlier date can anchor it.
    """
    phrase = m.group(0)
    unit = (m.group("unit") or m.group("nunit") or m.group("punit") or "day").lower()
    low = phrase.lower()
    shift = 1 if ("next" in low or "following" in low) else -1 if "before" in low else 0
    anchor = next((d for d in reversed(earlier) if d.iso and d.granularity == "day"), None)
    if unit in {"month", "year"}:
        anchor = anchor or next((d for d in reversed(earlier) if d.iso), None)
    iso: str | None = None
    gran = unit
    if anchor is not None and anchor.iso:
        if anchor.granularity == "day":
            day = date.fromisoformat(anchor.iso)
            if unit == "day":
                iso = (day + timedelta(days=shift)).isoformat()
            elif unit == "week":
                iso = _week(day + timedelta(days=7 * shift))
            elif unit == "month":
                iso = anchor.iso[:7]
            else:
                iso = anchor.iso[:4]
        elif unit == "year":
            iso = anchor.iso[:4]
        elif unit == "month" and anchor.granularity == "month":
            iso = anchor.iso
    return DateMention(phrase, iso, gran, m.start(), m.end(), True, None)


def _written(kind: str, g: dict[str, str | None]) -> str | None:
    """The part of a date the text fixes by itself, in ISO 8601 (``--MM-DD`` without a year)."""
    if kind == "iso":
        return f"{g['year']}-{g['m']}-{g['day']}"
    if kind in ("mdy", "dmy"):
        mon, day = _month_num(str(g["mon"])), int(str(g["day"]))
        return f"{g['year']}-{mon:02d}-{day:02d}" if g.get("year") else f"--{mon:02d}-{day:02d}"
    if kind == "my":
        return f"{int(str(g['year'])):04d}-{_month_num(str(g['mon'])):02d}"
    if kind in ("month", "modmonth"):
        return f"--{_month_num(str(g['mon'])):02d}"
    if kind in ("year", "neryear"):
        return str(g["year"])
    return None


def _resolve(
    kind: str, m: re.Match[str], text: str, published: date | None, future: bool
) -> tuple[str | None, str, bool] | None:
    """Return (iso, granularity, relative) for one regex match, or None to drop it."""
    g = m.groupdict()
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))
        return (d.isoformat(), "day", False) if d else None
    if kind in ("mdy", "dmy"):
        mon, day = _month_num(g["mon"]), int(g["day"])
        if not 1 <= day <= 31:
            return None
        if g.get("year"):
            d = _safe_date(int(g["year"]), mon, day)
            return (d.isoformat(), "day", False) if d else None
        if published is None:
            return (None, "day", True)
        d = _closest_day(mon, day, published, future)
        return (d.isoformat() if d else None, "day", True)
    if kind == "my":
        return (f"{int(g['year']):04d}-{_month_num(g['mon']):02d}", "month", False)
    if kind == "monthrel":
        if published is None:
            return (None, "month", True)
        year = published.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return (f"{year:04d}-{_month_num(g['mon']):02d}", "month", True)
    if kind == "anaphor":
        return None  # resolved in find_dates against the last date mentioned
    if kind in ("month", "modmonth"):
        mon_text = g["mon"]
        if not mon_text[0].isupper():
            return None
        if mon_text.rstrip(".").lower() == "may" and mon_text != "May":
            return None
        mon = _month_num(mon_text)
        mod = (g.get("mod") or "").lower() or None
        if published is None:
            return (None, "month", True)
        y, mm = _closest_month(mon, published, mod, future)
        return (f"{y:04d}-{mm:02d}", "month", True)
    if kind in ("year", "neryear"):
        return (g["year"], "year", False)
    if kind == "weekday":
        if published is None:
            return (None, "day", True)
        mod = (g.get("mod") or "").lower() or None
        d = resolve_weekday(WEEKDAYS[g["wd"].lower()], published, mod, future)
        return (d.isoformat(), "day", True)
    if kind == "word":
        w = g["w"].lower()
        if published is None:
            return (None, "day", True)
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
        return ((published + timedelta(days=offset)).isoformat(), "day", True)
    if kind == "rel":
        mod, unit = g["mod"].lower(), g["unit"].lower()
        k = {"last": -1, "this": 0, "next": 1}[mod]
        gran = "week" if unit == "weekend" else unit
        if published is None:
            return (None, gran, True)
        if gran == "week":
            return (_week(published + timedelta(days=7 * k)), "week", True)
        if gran == "month":
            y, mm = _shift_month(published.year, published.month, k)
            return (f"{y:04d}-{mm:02d}", "month", True)
        return (str(published.year + k), "year", True)
    if kind == "ago":
        n_text, unit = g["n"].lower(), g["unit"].lower()
        n = int(n_text) if n_text.isdigit() else NUMBER_WORDS[n_text]
        if published is None:
            return (None, unit, True)
        if unit == "day":
            return ((published - timedelta(days=n)).isoformat(), "day", True)
        if unit == "week":
            return (_week(published - timedelta(days=7 * n)), "week", True)
        if unit == "month":
            y, mm = _shift_month(published.year, published.month, -n)
            return (f"{y:04d}-{mm:02d}", "month", True)
        return (str(published.year - n), "year", True)
    return None  # pragma: no cover


def find_dates(
    text: str,
    published: date | None = None,
    *,
    doc: Doc | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> list[DateMention]:
    """Find and resolve the dates written in ``text``.

    Parameters
    ----------
    text
        The text (offsets refer to it).
    published
        Publication date used to resolve relative expressions.
    doc
        The parsed text, when available: years used as counts ("in 2000 troops")
        are dropped by their dependency label.
    sentences
        Character ranges of the sentences (for the future-tense rule).

    Examples
    --------
    >>> pub = date(2023, 5, 10)
    >>> [(d.text, d.iso, d.granularity) for d in find_dates("On May 3, it said so.", pub)]
    [('May 3', '2023-05-03', 'day')]
    >>> [(d.text, d.iso) for d in find_dates("Talks began last year, in March.", pub)]
    [('last year', '2022'), ('March', '2023-03')]
    >>> find_dates("Finland became the 31st member after 74 years.", pub)
    []
    """
    cands: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if kind == "month":
                s = m.start("body")
            elif kind == "year":
                s = m.start("year")
            else:
                s = m.start()
            cands.append((s, m.end(), kind, m))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    if doc is not None:
        # a bare year the statistical model reads as a date ("the 2024 election")
        for ent in doc.ents:
            if ent.label_ == "DATE" and _BARE_YEAR.fullmatch(ent.text):
                found = _BARE_YEAR.match(text, ent.start_char)
                if found is not None:
                    cands.append((ent.start_char, ent.end_char, "neryear", found))
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[DateMention] = []
    last_end = -1
    for s, e, kind, m in cands:
        if s < last_end:
            continue
        if kind == "anaphor":
            mention = _anaphor(text, m, out)
            if mention is not None:
                out.append(mention)
                last_end = e
            continue
        if kind == "ago" and m.group("earlier"):
            # "a partnership that began 20 years earlier": earlier than the time the
            # text is at, the last date it named (the publication date if none)
            anchor = next((d for d in reversed(out) if d.iso and d.granularity == "day"), None)
            ref = date.fromisoformat(anchor.iso) if anchor and anchor.iso else published
            res = _resolve("ago", m, text, ref, False)
            if res is not None:
                out.append(DateMention(text[s:e], res[0], res[1], s, e, True, None))
                last_end = e
            continue
        if kind == "year" and doc is not None:
            span = doc.char_span(m.start("year"), m.end("year"))
            if span is not None and span.root.dep_ == "nummod":
                continue
        future = _is_future(text, s, sentences)
        if kind == "weekday" and not future:
            # reported future: "conditions would persist through Thursday"; a forecast
            # "starting Saturday"
            future = _is_future(text, s, sentences, _WOULD) or bool(
                _FORWARD.search(text, max(0, s - 20), s)
            )
        if future and doc is not None and _modifies_noun(doc, s, e):
            future = False  # "will act after a surge in November": the surge is past or near
        res = _resolve(kind, m, text, published, future)
        if res is None:
            continue
        surface = text[s:e]
        stripped = surface.rstrip(" ,")
        written = _written(kind, m.groupdict())
        out.append(DateMention(stripped, res[0], res[1], s, s + len(stripped), res[2], written))
        last_end = e
    return out


def bounds(iso: str | None, granularity: str) -> tuple[str | None, str | None]:
    """First and last day (ISO) covered by a resolved date at its granularity.

    Examples
    --------
    >>> bounds("2022-W19", "week"), bounds("2024-02", "month")
    (('2022-05-09', '2022-05-15'), ('2024-02-01', '2024-02-29'))
    >>> bounds("2023", "year"), bounds("2023-04-04", "day"), bounds(None, "day")
    (('2023-01-01', '2023-12-31'), ('2023-04-04', '2023-04-04'), (None, None))
    """
    if not iso:
        return None, None
    try:
        if granularity == "week" or "-W" in iso:
            year, week = iso.split("-W")
            first = date.fromisocalendar(int(year), int(week), 1)
            return first.isoformat(), (first + timedelta(days=6)).isoformat()
        if granularity == "month" or len(iso) == 7:
            y, m = int(iso[:4]), int(iso[5:7])
            ny, nm = _shift_month(y, m, 1)
            last = date(ny, nm, 1) - timedelta(days=1)
            return date(y, m, 1).isoformat(), last.isoformat()
        if granularity == "year" or len(iso) == 4:
            return f"{iso}-01-01", f"{iso}-12-31"
        day = date.fromisoformat(iso)
    except ValueError:
        return None, None
    return day.isoformat(), day.isoformat()
