"""Check-worthy sentences: numbers, comparisons, ordinals, superlatives, firsts,
membership, dated events and offices.

A sentence is a claim when it has at least one of these kinds (the vocabulary the
claim checks consume):

``number``       a count, amount or percentage (dates are not numbers here);
``comparison``   "more than doubled", "larger than", "twice as", "rose by 5 %";
``ordinal``      "the 31st member", "second-largest" (but not "first", see below);
``superlative``  "the longest", "the only", "unprecedented", "the first of its kind";
``first``        "first", "first-ever", "for the first time";
``membership``   "joined NATO", "is not a member of", "accession", "withdrew from";
``dated_event``  a sentence with a date that says something happened then;
``office``       appointments and resignations ("was appointed foreign minister"), or
                 an organisation's office or mission ("a NATO liaison office"). A
                 person merely named with a title is not a claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from analysis.text.countries import CountryMention
from analysis.text.dates import DateMention
from analysis.text.people import Registry
from analysis.text.pipeline import doc_text, sentences
from analysis.text.quotes import QuoteSpan

KINDS: tuple[str, ...] = (
    "number", "comparison", "ordinal", "superlative", "first", "membership", "dated_event",
    "office",
)  # fmt: skip
_NUM_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_MEMBER_LEMMAS = {
    "join", "accede", "accession", "member", "membership", "admit", "admission", "withdraw",
    "withdrawal", "expel", "expulsion", "ratify", "ratification",
}  # fmt: skip
#: Growth of an alliance: a membership claim only with a number or a date attached
#: ("NATO's enlargement to 32 members"), not as a topic ("the expansion of NATO").
_GROWTH_LEMMAS = {"enlargement", "enlarge", "expansion", "expand"}
_MEMBER_CONTEXT = {"alliance", "bloc", "union", "treaty", "organization", "organisation"}
_CHANGE_LEMMAS = {
    "increase", "decrease", "rise", "fall", "grow", "drop", "decline", "shrink", "surge",
    "plunge", "exceed", "outnumber", "surpass", "jump", "climb", "cut", "reduce",
}  # fmt: skip
_MULTIPLY_LEMMAS = {"double", "triple", "treble", "quadruple", "halve"}
_OFFICE_NOUNS = {"office", "representation", "mission", "embassy", "consulate", "headquarters"}
_OFFICE_VERBS = {"appoint", "elect", "nominate", "resign", "swear", "inaugurate", "dismiss"}
#: Words that make a sentence about an office a claim: it exists, opens, closes, moves.
_OFFICE_EVENTS = {
    "open", "opening", "close", "closure", "closing", "establish", "establishment", "set",
    "host", "have", "launch", "inaugurate", "shut", "relocate", "move", "plan", "propose",
}  # fmt: skip
_ORDINAL_RE = re.compile(
    r"\b(\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|twentieth|thirtieth|hundredth)\b",
    re.I,
)
_FIRST_RE = re.compile(r"\b(first(?:-ever)?|1st)\b", re.I)
_NOT_FIRST = re.compile(r"\b(at first|first of all|first and foremost)\b", re.I)
_SUPER_RE = re.compile(
    r"\b(the only|unprecedented|record(?:-high|-low| high| low| number)|of its kind|"
    r"never before|largest|biggest|longest|highest|lowest|most|least)\b",
    re.I,
)


@dataclass
class Claim:
    """A check-worthy sentence."""

    text: str
    kinds: list[str]
    start: int
    end: int
    sentence: int
    countries: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    in_quote: bool = False


def _inside(pos: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def sentence_kinds(
    sent: Span, date_ranges: Sequence[tuple[int, int]], has_group: bool
) -> tuple[list[str], list[str]]:
    """Return (kinds, numbers) for one sentence.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> s = next(load_pipeline()("Finland joined NATO, becoming the 31st member.").sents)
    >>> sentence_kinds(s, [], True)
    (['ordinal', 'membership'], ['31st'])
    """
    kinds: set[str] = set()
    numbers: list[str] = []
    text = sent.text
    base = sent.start_char
    toks = [t for t in sent if not _inside(t.idx, date_ranges)]
    for t in toks:
        if t.ent_type_ in _NUM_ENTS or (t.like_num and t.pos_ == "NUM"):
            if t.ent_type_ == "ORDINAL" or _ORDINAL_RE.fullmatch(t.text):
                continue
            kinds.add("number")
            numbers.append(t.text)
    for m in _ORDINAL_RE.finditer(text):
        if not _inside(base + m.start(), date_ranges):
            kinds.add("ordinal")
            numbers.append(m.group(0))
    for m in _FIRST_RE.finditer(text):
        if not _inside(base + m.start(), date_ranges) and not _NOT_FIRST.search(text):
            kinds.add("first")
            numbers.append(m.group(0))
    lemmas = [t.lemma_.lower() for t in toks]
    for i, t in enumerate(toks):
        if t.tag_ in {"JJR", "RBR"} and any(x.lower_ == "than" for x in toks[i + 1 : i + 5]):
            kinds.add("comparison")
        if t.tag_ in {"JJS", "RBS"} and t.lower_ not in {"most", "least"}:
            kinds.add("superlative")
    if any(lem in _MULTIPLY_LEMMAS for lem in lemmas) or re.search(
        r"\b(twice|three times|\d+ times|half as)\b", text, re.I
    ):
        kinds.add("comparison")
    if "number" in kinds and any(lem in _CHANGE_LEMMAS for lem in lemmas):
        kinds.add("comparison")
    sm = _SUPER_RE.search(text)
    if sm and (sm.group(0).lower() not in {"most", "least"} or re.search(
        r"\b(the most|the least)\s+\w+", text, re.I
    )):  # fmt: skip
        kinds.add("superlative")
    in_group = has_group or any(lem in _MEMBER_CONTEXT for lem in lemmas)
    if in_group and any(lem in _MEMBER_LEMMAS for lem in lemmas):
        kinds.add("membership")
    dated = any(s <= t.idx < e for t in toks for s, e in date_ranges)
    if in_group and any(lem in _GROWTH_LEMMAS for lem in lemmas) and ("number" in kinds or dated):
        kinds.add("membership")
    if any(lem in _OFFICE_VERBS for lem in lemmas):
        kinds.add("office")
    office_noun = any(t.lemma_.lower() in _OFFICE_NOUNS and t.pos_ == "NOUN" for t in toks)
    if office_noun and has_group and any(lem in _OFFICE_EVENTS for lem in lemmas):
        kinds.add("office")
    ordered = [k for k in KINDS if k in kinds]
    return ordered, numbers


def find_claims(
    doc: Doc,
    registry: Registry,
    countries: Sequence[CountryMention],
    dates: Sequence[DateMention],
    quote_spans: Sequence[QuoteSpan] = (),
) -> list[Claim]:
    """Return the check-worthy sentences of a parsed document.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> from analysis.text.people import build_registry
    >>> doc = load_pipeline()("The border has more than doubled. It rained.")
    >>> [(c.text, c.kinds) for c in find_claims(doc, build_registry(doc), [], [])]
    [('The border has more than doubled.', ['comparison'])]
    """
    text = doc_text(doc)
    date_ranges = [(d.start, d.end) for d in dates]
    quote_ranges = [(q.start, q.end) for q in quote_spans]
    groups = {"alliance", "bloc", "intergovernmental"}
    claims: list[Claim] = []
    for i, sent in enumerate(sentences(doc)):
        s, e = sent.start_char, sent.end_char
        involved = [
            (ms, ent)
            for ent in registry.people + registry.organizations
            for ms, me, _ in ent.mentions
            if s <= ms < e
        ]
        has_group = any(ent.org_type in groups for _, ent in involved)
        sent_dates = [d for d in dates if s <= d.start < e]
        kinds, numbers = sentence_kinds(sent, date_ranges, has_group)
        if sent_dates and any(t.pos_ == "VERB" for t in sent):
            kinds = [k for k in KINDS if k in set(kinds) | {"dated_event"}]
        if not kinds:
            continue
        ts, te = s, e
        while te > ts and text[te - 1].isspace():
            te -= 1
        while ts < te and text[ts].isspace():
            ts += 1
        names: dict[str, None] = {}
        for _, ent in sorted(involved, key=lambda x: x[0]):
            names.setdefault(ent.name, None)
        isos: dict[str, None] = {}
        for c in countries:
            if s <= c.start < e and c.iso3 is not None:  # ambiguous mentions name no country
                isos.setdefault(c.iso3, None)
        claims.append(
            Claim(
                text=text[ts:te],
                kinds=kinds,
                start=ts,
                end=te,
                sentence=i,
                countries=list(isos),
                numbers=numbers,
                entities=list(names),
                dates=[d.iso or d.text for d in sent_dates],
                in_quote=_inside(ts, quote_ranges) or _inside(ts + 1, quote_ranges),
            )
        )
    return claims
