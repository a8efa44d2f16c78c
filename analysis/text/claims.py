"""Check-worthy sentences → :class:`analysis.claims.Claim`, with everything they name.

A sentence is a claim when it has at least one of the kinds listed in
:mod:`analysis.claims` (numbers, comparisons, ordinals, superlatives, firsts,
membership, dated events, offices, borders).  Each claim carries the countries,
organisations, dates and quantities found in it, and those of up to three
sentences before it (its context), so that the checkers never parse the text
again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from analysis.claims import KINDS, Claim, DateRef, Mention, Quantity
from analysis.text.countries import CountryMention
from analysis.text.dates import DateMention
from analysis.text.numbers import Ranges, find_quantities
from analysis.text.people import Registry
from analysis.text.pipeline import doc_text, sentences, token_view
from analysis.text.quotes import QuoteSpan

__all__ = ["CONTEXT_SENTENCES", "find_claims", "sentence_kinds"]

#: How many sentences before a claim form its context.
CONTEXT_SENTENCES = 3

_MEMBER_LEMMAS = {
    "join", "accede", "accession", "member", "membership", "admit", "admission", "withdraw",
    "withdrawal", "expel", "expulsion", "ratify", "ratification", "leave",
}  # fmt: skip
#: Growth of an alliance: a membership claim only with a number or a date attached
#: ("NATO's enlargement to 32 members"), not as a topic ("the expansion of NATO").
_GROWTH_LEMMAS = {"enlargement", "enlarge", "expansion", "expand"}
_MEMBER_CONTEXT = {"alliance", "bloc", "union", "treaty", "organization", "organisation"}
_CHANGE_LEMMAS = {
    "increase", "decrease", "rise", "fall", "grow", "drop", "decline", "shrink", "surge",
    "plunge", "exceed", "outnumber", "surpass", "jump", "climb", "cut", "reduce", "add",
    "lengthen", "extend",
}  # fmt: skip
_OFFICE_NOUNS = {"office", "representation", "mission", "embassy", "consulate", "headquarters"}
_OFFICE_VERBS = {"appoint", "elect", "nominate", "resign", "swear", "inaugurate", "dismiss"}
#: Words that make a sentence about an office a claim: it exists, opens, closes, moves.
_OFFICE_EVENTS = {
    "open", "opening", "close", "closure", "closing", "establish", "establishment", "set",
    "host", "have", "launch", "inaugurate", "shut", "relocate", "move", "plan", "propose",
}  # fmt: skip
_BORDER_LEMMAS = {"border", "frontier", "boundary"}
_GROUP_TYPES = {"alliance", "bloc", "intergovernmental"}
_NOT_FIRST = re.compile(r"\b(at first|first of all|first and foremost)\b", re.I)
_SUPER_RE = re.compile(
    r"\b(the only|unprecedented|record(?:-high|-low| high| low| number)|of its kind|"
    r"never before|largest|biggest|longest|highest|lowest)\b",
    re.I,
)
_COMPARE_RE = re.compile(r"\b(twice|half as|\d+ times|three times|four times)\b", re.I)
_MOST_RE = re.compile(r"\b(the most|the least)\s+\w+", re.I)


def sentence_kinds(
    sent: Span, quantities: Sequence[Quantity], dates: Ranges, has_group: bool
) -> list[str]:
    """Return the kinds of one sentence, in the order of :data:`analysis.claims.KINDS`.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> s = next(load_pipeline()("Finland joined NATO, becoming the 31st member.").sents)
    >>> sentence_kinds(s, find_quantities(s), Ranges([]), True)
    ['ordinal', 'membership']
    """
    kinds: set[str] = set()
    view = token_view(sent.doc)
    idx, lower, lemma, tag, pos = view.idx, view.lower, view.lemma, view.tag, view.pos
    every = range(sent.start, sent.end)
    toks = [j for j in every if idx[j] not in dates]  # token indices outside dates
    lemmas = {lemma[j] for j in toks}
    for q in quantities:
        if q.kind == "ordinal":
            kinds.add("first" if q.value == 1 else "ordinal")
        elif q.kind == "multiplier":
            kinds.add("comparison")
        else:
            kinds.add("number")
    text = sent.text
    if "first" in kinds and _NOT_FIRST.search(text):
        kinds.discard("first")
    hedges = Ranges([(q.start, q.end) for q in quantities if q.hedge])
    for i, j in enumerate(toks):
        if idx[j] in hedges:  # "more than 20,000 km" hedges a number; it compares nothing
            continue
        if tag[j] in {"JJR", "RBR"} and any(lower[x] == "than" for x in toks[i + 1 : i + 5]):
            kinds.add("comparison")
        if tag[j] in {"JJS", "RBS"} and lower[j] not in {"most", "least"}:
            kinds.add("superlative")
    if _COMPARE_RE.search(text):
        kinds.add("comparison")
    if "number" in kinds and lemmas & _CHANGE_LEMMAS:
        kinds.add("comparison")
    if _SUPER_RE.search(text) or _MOST_RE.search(text):
        kinds.add("superlative")
    in_group = has_group or bool(lemmas & _MEMBER_CONTEXT)
    if in_group and lemmas & _MEMBER_LEMMAS:
        kinds.add("membership")
    dated = len(toks) < len(every)
    if in_group and lemmas & _GROWTH_LEMMAS and ("number" in kinds or dated):
        kinds.add("membership")
    if lemmas & _OFFICE_VERBS:
        kinds.add("office")
    office_noun = any(lemma[j] in _OFFICE_NOUNS and pos[j] == "NOUN" for j in toks)
    if office_noun and has_group and lemmas & _OFFICE_EVENTS:
        kinds.add("office")
    border = any(lemma[j] in _BORDER_LEMMAS and pos[j] in ("NOUN", "PROPN") for j in toks)
    if border and kinds & {"number", "comparison"}:
        kinds.add("border")
    return [k for k in KINDS if k in kinds]


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def find_claims(
    doc: Doc,
    registry: Registry,
    countries: Sequence[CountryMention],
    dates: Sequence[DateMention],
    quote_spans: Sequence[QuoteSpan] = (),
) -> list[Claim]:
    """Return the check-worthy sentences of a parsed document as :class:`Claim` objects.

    The claims carry no publication date; :func:`analysis.text.analyze` adds the
    article's.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> from analysis.text.people import build_registry
    >>> doc = load_pipeline()("The border has more than doubled. It rained.")
    >>> [(c.text, c.kinds) for c in find_claims(doc, build_registry(doc), [], [])]
    [('The border has more than doubled.', ('comparison', 'border'))]
    """
    text = doc_text(doc)
    sents = sentences(doc)
    date_ranges = Ranges([(d.start, d.end) for d in dates])
    quote_ranges = Ranges([(q.start, q.end) for q in quote_spans])
    starts = [s.start_char for s in sents]
    pos = token_view(doc).pos

    def sentence_of(pos: int) -> int:
        from bisect import bisect_right

        return max(0, bisect_right(starts, pos) - 1)

    # index every mention by sentence once (linear in mentions, not sentences × mentions)
    n = len(sents)
    country_at: list[list[Mention]] = [[] for _ in range(n)]
    for c in countries:
        if c.iso3 is not None:  # ambiguous mentions name no country
            country_at[sentence_of(c.start)].append(Mention(c.iso3, c.text, c.start, c.end, c.kind))
    org_at: list[list[Mention]] = [[] for _ in range(n)]
    group_at = [False] * n
    for ent in registry.organizations:
        for ms, me, surface in ent.mentions:
            k = sentence_of(ms)
            org_at[k].append(Mention(ent.name, surface, ms, me, ent.org_type or ""))
            group_at[k] = group_at[k] or ent.org_type in _GROUP_TYPES
    date_at: list[list[DateRef]] = [[] for _ in range(n)]
    for d in dates:
        date_at[sentence_of(d.start)].append(
            DateRef(d.text, d.start, d.end, d.iso, d.granularity, getattr(d, "written", None))
        )
    for mentions in (*country_at, *org_at):
        mentions.sort(key=lambda m: m.start)
    for refs in date_at:
        refs.sort(key=lambda d: d.start)

    claims: list[Claim] = []
    for i, sent in enumerate(sents):
        quantities = find_quantities(sent, date_ranges)
        kinds = sentence_kinds(sent, quantities, date_ranges, group_at[i])
        if date_at[i] and "VERB" in pos[sent.start : sent.end]:
            kinds = [k for k in KINDS if k in set(kinds) | {"dated_event"}]
        if not kinds:
            continue
        ts, te = _trimmed(text, sent.start_char, sent.end_char)
        lo = max(0, i - CONTEXT_SENTENCES)
        cs, ce = _trimmed(text, sents[lo].start_char, sent.start_char) if lo < i else (ts, ts)
        claims.append(
            Claim(
                text=text[ts:te],
                kinds=tuple(kinds),
                start=ts,
                end=te,
                sentence=i,
                countries=tuple(country_at[i]),
                organizations=tuple(org_at[i]),
                dates=tuple(date_at[i]),
                numbers=tuple(quantities),
                context=text[cs:ce],
                context_countries=tuple(m for k in range(lo, i) for m in country_at[k]),
                context_organizations=tuple(m for k in range(lo, i) for m in org_at[k]),
                context_dates=tuple(m for k in range(lo, i) for m in date_at[k]),
                in_quote=ts in quote_ranges or (ts + 1) in quote_ranges,
            )
        )
    return claims
