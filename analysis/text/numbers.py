"""Numbers stated in a sentence: value, unit, kind and hedge (``Quantity``).

"about 7,600 km" is one quantity (7600, ``km``, hedged "about"), not three
numbers; "the 31st member" is an ordinal 31 counting ``member``; "has more than
doubled" is a multiplier 2 hedged "more than"; "twice", "three times" and
"2.5-fold" are multipliers too.  Numbers that are part of a date ("April 4",
"in 2023") are left to :mod:`analysis.text.dates`.

Words are read with small tables rather than a library: the number-parsing
packages on PyPI (``word2number``, ``text2num``) do not read ordinals, hedges or
multiplier verbs, and a sentence needs all of these at once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Span

from analysis.claims import Quantity
from analysis.text.pipeline import TokenView, doc_text, token_view

__all__ = ["Ranges", "find_quantities", "parse_number", "parse_ordinal"]

_UNITS_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "dozen": 12}  # fmt: skip
_ORD_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}  # fmt: skip
_ORD_TENS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip

#: Hedges before a number, longest first, and what they mean.
HEDGES: tuple[tuple[str, str], ...] = (
    ("more than", ">"), ("greater than", ">"), ("at least", ">"), ("just over", ">"),
    ("over", ">"), ("upwards of", ">"), ("in excess of", ">"),
    ("less than", "<"), ("fewer than", "<"), ("just under", "<"), ("under", "<"),
    ("up to", "<"), ("at most", "<"),
    ("about", "≈"), ("around", "≈"), ("roughly", "≈"), ("approximately", "≈"),
    ("nearly", "≈"), ("almost", "≈"), ("some", "≈"), ("close to", "≈"), ("an estimated", "≈"),
    ("estimated", "≈"), ("circa", "≈"), ("approx.", "≈"), ("nearly", "≈"),
)  # fmt: skip

#: Units of length and share, as written → normalised.
UNITS: dict[str, str] = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mile": "mi", "miles": "mi", "mi": "mi", "%": "%", "percent": "%",
    "per cent": "%", "pct": "%", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
}  # fmt: skip
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_MULTIPLY = {"double": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0, "halve": 0.5}
_ORDINAL_RE = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
_NUMERIC_RE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_FOLD_RE = re.compile(r"^(\d+(?:\.\d+)?)-?fold$", re.I)


class Ranges:
    """Sorted, non-overlapping character ranges with O(log n) membership.

    Examples
    --------
    >>> r = Ranges([(10, 20), (0, 5)])
    >>> 3 in r, 7 in r, 19 in r, 20 in r
    (True, False, True, False)
    """

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        spans = sorted(ranges)
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]


def parse_number(text: str) -> float | None:
    """Value of a cardinal written in digits or words ("7,644", "thirty-two", "1.5 million").

    Examples
    --------
    >>> parse_number("7,644"), parse_number("thirty-two"), parse_number("1.5 million")
    (7644.0, 32.0, 1500000.0)
    >>> parse_number("several") is None
    True
    """
    words = text.lower().replace("–", "-").replace(",", "").split()
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w == "and":
            continue
        if re.fullmatch(r"\d+(\.\d+)?", w):
            current += float(w)
            seen = True
        elif w in _UNITS_WORDS:
            current += _UNITS_WORDS.index(w)
            seen = True
        elif w in _TENS:
            current += _TENS[w]
            seen = True
        elif "-" in w and w.split("-", 1)[0] in _TENS and w.split("-", 1)[1] in _UNITS_WORDS[1:10]:
            a, b = w.split("-", 1)
            current += _TENS[a] + _UNITS_WORDS.index(b)
            seen = True
        elif w in _SCALES and (seen or w == "dozen"):
            scale = _SCALES[w]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total += current
                current = 0.0
        else:
            return None
    return total + current if seen or total else None


def parse_ordinal(word: str) -> int | None:
    """Value of an ordinal written in digits or words ("31st", "thirty-first", "Twelfth").

    Examples
    --------
    >>> parse_ordinal("31st"), parse_ordinal("thirty-first"), parse_ordinal("Twelfth")
    (31, 31, 12)
    >>> parse_ordinal("thirty") is None
    True
    """
    w = word.lower().replace("–", "-")
    m = _ORDINAL_RE.fullmatch(w)
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


#: Words that can start a quantity (see :func:`_maybe_quantity`).
_QUANTITY_WORDS = frozenset(_TENS) | frozenset(_ORD_UNITS) | frozenset(_ORD_TENS) | {"twice"}
_DIGIT_OR_DASH = re.compile(r"[\d\-–]")


def _maybe_quantity(view: TokenView, i: int) -> bool:
    """Whether token ``i`` can start a quantity in :func:`find_quantities`: a superset of
    every test there (a number-like word, a digit or dash, a number or ordinal word,
    a multiplying verb), checked on plain lists instead of a spaCy ``Token``."""
    lower = view.lower[i]
    return (
        view.like_num[i]
        or lower in _QUANTITY_WORDS
        or view.lemma[i] in _MULTIPLY
        or _DIGIT_OR_DASH.search(lower) is not None
    )


def _hedge_before(sent: Span, i: int) -> tuple[str | None, str, int]:
    """Hedge ending just before token index ``i`` (doc index): (text, comparator, start char)."""
    doc = sent.doc
    lo = sent.start
    lower = token_view(doc).lower
    for phrase, comp in HEDGES:
        words = phrase.split()
        j = i - len(words)
        if j < lo:
            continue
        if lower[j:i] == words:
            return doc[j:i].text, comp, doc[j].idx
    return None, "=", doc[i].idx


def _unit_after(sent: Span, k: int) -> tuple[str | None, int]:
    """Unit or counted noun after the number ending at token ``k`` (exclusive): (unit, end char)."""
    doc = sent.doc
    if k >= sent.end:
        return None, doc[k - 1].idx + len(doc[k - 1])
    t = doc[k]
    if k + 1 < sent.end and f"{t.lower_} {doc[k + 1].lower_}" in UNITS:
        nxt = doc[k + 1]
        return UNITS[f"{t.lower_} {nxt.lower_}"], nxt.idx + len(nxt)
    if t.lower_ in UNITS:
        return UNITS[t.lower_], t.idx + len(t)
    if t.text == "-" and k + 1 < sent.end and doc[k + 1].lower_ in UNITS:  # "1,300-km"
        nxt = doc[k + 1]
        return UNITS[nxt.lower_], nxt.idx + len(nxt)
    end = doc[k - 1].idx + len(doc[k - 1])
    head = doc[k - 1].head
    if doc[k - 1].dep_ in {"nummod", "amod", "npadvmod", "compound"} and head.pos_ == "NOUN":
        return head.lemma_.lower(), end
    if t.pos_ == "NOUN" and t.dep_ != "npadvmod":
        return t.lemma_.lower(), end
    return None, end


def _number_run(sent: Span, i: int) -> int:
    """End (exclusive) of the run of number words starting at token ``i``."""
    doc = sent.doc
    k = i + 1
    while k < sent.end and (
        doc[k].lower_ in _SCALES
        or doc[k].lower_ == "and"
        and k + 1 < sent.end
        and doc[k + 1].like_num
        or (doc[k].like_num and not _NUMERIC_RE.match(doc[k].text) and doc[k - 1].lower_ != "and")
    ):
        k += 1
    while k > i + 1 and doc[k - 1].lower_ == "and":
        k -= 1
    return k


def find_quantities(sent: Span, skip: Ranges | None = None) -> list[Quantity]:
    """The quantities stated in one sentence, in text order.

    Parameters
    ----------
    sent
        A sentence of a parsed document.
    skip
        Character ranges to ignore (the dates found in the text).

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> s = next(load_pipeline()("They share a border of about 7,600 km.").sents)
    >>> [(q.value, q.unit, q.hedge) for q in find_quantities(s)]
    [(7600.0, 'km', 'about')]
    >>> s = next(load_pipeline()("The border has more than doubled.").sents)
    >>> [(q.kind, q.value, q.hedge) for q in find_quantities(s)]
    [('multiplier', 2.0, 'more than')]
    """
    doc = sent.doc
    text = doc_text(doc)  # joined once per document, not per quantity
    view = token_view(doc)
    skip = skip or Ranges([])
    out: list[Quantity] = []
    i = sent.start
    while i < sent.end:
        if not _maybe_quantity(view, i):  # most tokens: no Token object needed
            i += 1
            continue
        t = doc[i]
        if t.idx in skip:
            i += 1
            continue
        lemma = t.lemma_.lower()
        lower = t.lower_
        if lower in _TENS and i + 2 < sent.end and doc[i + 1].text in ("-", "–"):
            # the tokenizer splits "thirty-two" and "thirty-second" into three tokens
            joined = f"{lower}-{doc[i + 2].lower_}"
            end = doc[i + 2].idx + len(doc[i + 2])
            hedge, comp, start = _hedge_before(sent, i)
            as_ordinal = parse_ordinal(joined)
            as_number = parse_number(joined)
            if as_ordinal is not None:
                unit, _ = _unit_after(sent, i + 3)
                out.append(
                    Quantity(text[t.idx : end], t.idx, end, float(as_ordinal), "ordinal", unit)
                )
                i += 3
                continue
            if as_number is not None:
                unit, uend = _unit_after(sent, i + 3)
                out.append(
                    Quantity(
                        text[start : max(end, uend)],
                        start,
                        max(end, uend),
                        as_number,
                        "cardinal",
                        unit,
                        hedge,
                        comp,
                    )
                )
                i += 3
                continue
        ordinal = parse_ordinal(t.text)
        if ordinal is not None and (
            t.ent_type_ == "ORDINAL"
            or _ORDINAL_RE.match(t.text)
            or lower in _ORD_UNITS
            or lower in _ORD_TENS
            or "-" in lower
        ):
            if lower in ("second",) and t.pos_ not in ("ADJ", "NUM"):
                i += 1  # "a second" (time) or "to second" (verb)
                continue
            unit, _ = _unit_after(sent, i + 1)
            out.append(Quantity(t.text, t.idx, t.idx + len(t), float(ordinal), "ordinal", unit))
            i += 1
            continue
        if lemma in _MULTIPLY and t.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            hedge, comp, start = _hedge_before(sent, i)
            end = t.idx + len(t)
            out.append(
                Quantity(
                    text[start:end],
                    start,
                    end,
                    _MULTIPLY[lemma],
                    "multiplier",
                    None,
                    hedge,
                    comp,
                )
            )
            i += 1
            continue
        if lower == "twice":
            hedge, comp, start = _hedge_before(sent, i)
            end = t.idx + len(t)
            out.append(Quantity(text[start:end], start, end, 2.0, "multiplier", None, hedge, comp))
            i += 1
            continue
        fold = _FOLD_RE.match(t.text)
        if fold:
            hedge, comp, start = _hedge_before(sent, i)
            end = t.idx + len(t)
            out.append(
                Quantity(
                    text[start:end],
                    start,
                    end,
                    float(fold.group(1)),
                    "multiplier",
                    None,
                    hedge,
                    comp,
                )
            )
            i += 1
            continue
        is_num = _NUMERIC_RE.match(t.text) is not None or (
            t.like_num and parse_number(t.text) is not None
        )
        if not is_num or t.ent_type_ in ("DATE", "TIME") and t.idx in skip:
            i += 1
            continue
        k = _number_run(sent, i)
        value = parse_number(doc[i:k].text)
        if value is None:
            i += 1
            continue
        if lower in ("one", "a", "an") and k == i + 1 and t.dep_ not in ("nummod",):
            i += 1  # "one of the allies": a pronoun, not a count
            continue
        hedge, comp, start = _hedge_before(sent, i)
        if i > sent.start and doc[i - 1].text in _CURRENCY:
            start = min(start, doc[i - 1].idx)
            end = doc[k - 1].idx + len(doc[k - 1])
            out.append(
                Quantity(
                    text[start:end],
                    start,
                    end,
                    value,
                    "money",
                    _CURRENCY[doc[i - 1].text],
                    hedge,
                    comp,
                )
            )
            i = k
            continue
        if k < sent.end and doc[k].lower_ in ("times",):
            end = doc[k].idx + len(doc[k])
            out.append(
                Quantity(text[start:end], start, end, value, "multiplier", None, hedge, comp)
            )
            i = k + 1
            continue
        unit, end = _unit_after(sent, k)
        kind = "percent" if unit == "%" else "cardinal"
        out.append(Quantity(text[start:end], start, end, value, kind, unit, hedge, comp))  # type: ignore[arg-type]
        i = k
    return out
