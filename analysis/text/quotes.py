"""Quotations and reported speech, with their speakers.

Three kinds are reported:

* ``direct`` — words inside quotation marks attributed to a speaker, whether the
  attribution follows (``"…," he said``), precedes (``Hayashi said: "…"``), is a dash
  (``"…" — Jens Stoltenberg``), a transcript label (``Peskov: …``) or is missing
  because the quote stands at the start of its own sentence or paragraph (it then
  goes to the last speaker named before it);
* ``indirect`` — reported speech without quotation marks: ``X said that …``,
  ``X told CNN that …``, ``According to X, …``, ``…, the Nikkei noted.``;
* ``mixed`` — reported speech that contains quoted words
  (``Peskov said that this "is another aggravation"``).

Nested speech goes to its own speaker: in ``Smith said Jones had told him that …``
or ``Smith said that, according to Jones, …`` the inner statement is Jones's, and a
quotation inside a quotation (``"Jones told me 'we will win'," Smith said``) is
extracted a second time only for the person the outer speaker names, never for the
outer speaker's own "I think that …".

Quotation marks may be straight or curly, double or single (an apostrophe between
letters is never a quotation mark), and quotes may run over several sentences and
paragraphs (a paragraph left open continues when the next one starts with an
opening mark).  Unbalanced marks never raise: an unclosed quote ends with its
paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from analysis.text.countries import form_index
from analysis.text.lexicon import cue_verbs, role_nouns
from analysis.text.people import PRONOUNS, ROLE_NOUNS, Entity, Registry, pronoun_gender
from analysis.text.pipeline import doc_text, sentences, token_view

#: Lemmas of verbs that attribute quoted words by naming something ("called it "a …"").
NAMING_LEMMAS: frozenset[str] = frozenset({"call", "describe", "dub", "label", "brand", "term"})


def cue_lemmas() -> frozenset[str]:
    """Lemmas of the verbs that introduce reported speech (from the cue-verb lexicon).

    Examples
    --------
    >>> {"say", "tweet", "accuse", "warn"} <= cue_lemmas()
    True
    """
    return frozenset(cue_verbs())


#: Phrasal cues: lemma + particle ("point out", "lay out").
PHRASAL_CUES: frozenset[tuple[str, str]] = frozenset({("point", "out"), ("spell", "out")})
OPEN_DOUBLE = "“„«‟"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
_DASH_ATTR = re.compile(r"\s*(?:\n\s*)?(?:—|–|--|―)\s*(?=\S)")
_NOT_LABELS = frozenset(
    {
        "note", "editor's note", "update", "photo", "photos", "video", "source", "sources",
        "read more", "related", "warning", "breaking", "correction", "caption", "credit",
        "image", "advertisement", "q", "a",
    }
)  # fmt: skip
_LABEL = re.compile(r"^(?P<name>[A-Z][^\n:\"“”]{1,60}?):\s+(?P<body>\S[^\n]*)$", re.M)


@dataclass(frozen=True)
class QuoteSpan:
    """Text between quotation marks: mark positions and content offsets."""

    open: int
    close: int | None
    start: int
    end: int


@dataclass
class Quote:
    """One quotation or piece of reported speech.

    ``attribution`` says how the speaker was found: ``explicit`` (named in the
    attribution), ``pronoun`` ("he said"), ``role_noun`` ("the minister said",
    "its spokesperson"), ``according_to``, ``description`` (an unnamed speaker,
    "officials said"), ``carried_over`` (a quote standing on its own, given to the
    last speaker) or ``label``/``dash`` (transcript label, dash after the quote).
    """

    text: str
    kind: str
    speaker: str | None
    cue: str | None
    start: int
    end: int
    speaker_text: str | None = None
    attribution: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    entity: Entity | None = None
    joint: tuple[Entity, ...] = ()

    @property
    def speakers(self) -> list[str]:
        """Every speaker of the quote (several for a joint statement)."""
        if self.joint:
            return [e.name for e in self.joint]
        return [self.speaker] if self.speaker else []

    @property
    def speaker_id(self) -> str | None:
        """The registry id of the speaker, when the speaker is a known entity."""
        return self.entity.id if self.entity is not None else None


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: name, phrase as written, how it was found, offsets, entity."""

    name: str | None
    written: str | None
    attribution: str
    start: int | None = None
    end: int | None = None
    entity: Entity | None = None
    joint: tuple[Entity, ...] = ()


class _Claimed:
    """Disjoint claimed character ranges, merged on insert; O(log n) membership.

    Examples
    --------
    >>> c = _Claimed()
    >>> c.add(10, 20); c.add(15, 30); c.add(0, 5)
    >>> 3 in c, 7 in c, 29 in c, 30 in c
    (True, False, True, False)
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, a: int, b: int) -> None:
        if b <= a:
            return
        i = bisect_right(self._starts, a)
        # merge with the previous range when they touch
        if i > 0 and self._ends[i - 1] >= a:
            i -= 1
            a = self._starts[i]
            b = max(b, self._ends[i])
        j = i
        while j < len(self._starts) and self._starts[j] <= b:
            b = max(b, self._ends[j])
            j += 1
        self._starts[i:j] = [a]
        self._ends[i:j] = [b]

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]


class _SpanIndex:
    """Quote spans sorted by opening mark, with O(log n) look-ups by position."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.spans = spans
        self.opens = [q.open for q in spans]
        self._starts = sorted((q.start, k) for k, q in enumerate(spans))
        self._start_keys = [a for a, _ in self._starts]
        # the longest span up to each start (spans may nest: a single inside a double)
        self._reach: list[int] = []
        best = -1
        for _a, k in self._starts:
            best = max(best, spans[k].end)
            self._reach.append(best)

    def at(self, pos: int) -> QuoteSpan | None:
        """The span whose content holds ``pos`` (the latest-starting one)."""
        i = bisect_right(self._start_keys, pos) - 1
        while i >= 0 and self._reach[i] > pos:
            q = self.spans[self._starts[i][1]]
            if q.start <= pos < q.end:
                return q
            i -= 1
        return None

    def opening_in(self, lo: int, hi: int) -> range:
        """Indices of the spans whose opening mark lies in ``[lo, hi)``."""
        return range(bisect_left(self.opens, lo), bisect_left(self.opens, hi))


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def _para_start_ok(text: str, pos: int) -> bool:
    """True when ``pos`` is the first non-blank character of its line."""
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Pair quotation marks; never raises on unbalanced or odd marks.

    Examples
    --------
    >>> text = 'He said "yes" and “no”.'
    >>> [text[q.start:q.end] for q in find_quote_spans(text)]
    ['yes', 'no']
    >>> s = '“First part.\\n\\n“Second part,” he said.'
    >>> [s[q.start:q.end] for q in find_quote_spans(s)]
    ['First part.\\n\\n“Second part,']
    >>> [(q.close is None) for q in find_quote_spans('An "unclosed quote\\n\\nNext paragraph.')]
    [True]
    """
    spans: list[QuoteSpan] = []
    n = len(text)
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n" and open_at is not None:
            # the quote continues only if the next paragraph opens with a mark
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and (text[j] in OPEN_DOUBLE or text[j] == '"'):
                continue
            if j >= n or "\n" in text[i:j] or True:
                s, e = _trim(text, open_at + 1, i)
                if e > s:
                    spans.append(QuoteSpan(open_at, None, s, e))
                open_at = None
            continue
        if ch not in OPEN_DOUBLE and ch not in CLOSE_DOUBLE and ch != '"':
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == '"':
            opening = prev.isspace() or prev in "([{—–-/:" or i == 0
            closing = nxt.isspace() or nxt in ".,;:!?)]}—–-" or i + 1 == n
            if opening and closing or not opening and not closing:
                opening = open_at is None
        else:
            opening = ch in OPEN_DOUBLE
        if opening:
            if open_at is not None and _para_start_ok(text, i):
                continue  # continuation mark of a multi-paragraph quote
            if open_at is not None:  # unbalanced: end the previous quote here
                s, e = _trim(text, open_at + 1, i)
                if e > s:
                    spans.append(QuoteSpan(open_at, None, s, e))
            open_at = i
        elif open_at is not None:
            s, e = _trim(text, open_at + 1, i)
            if e > s:
                spans.append(QuoteSpan(open_at, i, s, e))
            open_at = None
    if open_at is not None:
        s, e = _trim(text, open_at + 1, n)
        if e > s:
            spans.append(QuoteSpan(open_at, None, s, e))
    spans.extend(_single_quote_spans(text, spans))
    spans.sort(key=lambda q: q.open)
    return spans


def _single_quote_spans(text: str, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quoted passages outside double quotes; apostrophes are skipped."""
    taken = [(q.open, (q.close if q.close is not None else q.end)) for q in doubles]
    out: list[QuoteSpan] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch in OPEN_SINGLE or ch == "'":
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if (prev.isspace() or prev in "([{—–:") and nxt.isalnum():
                if any(a <= i <= b for a, b in taken):
                    i += 1
                    continue
                end_line = text.find("\n", i)
                end_line = n if end_line < 0 else end_line
                j = i + 1
                while j < end_line:
                    c = text[j]
                    if c in CLOSE_SINGLE or c == "'":
                        after = text[j + 1] if j + 1 < n else " "
                        before = text[j - 1]
                        if not after.isalnum() and not before.isspace():
                            if (
                                before.lower() == "s"
                                and after == " "
                                and text[j + 2 : j + 3].islower()
                            ):
                                j += 1
                                continue  # plural possessive: "the allies' positions"
                            content = text[i + 1 : j]
                            if len(content.split()) >= 2:
                                out.append(QuoteSpan(i, j, i + 1, j))
                                i = j
                            break
                    j += 1
        i += 1
    return out


def _np_span(tok: Token) -> Span:
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in {"prep", "compound", "amod", "nummod", "poss"} or child.dep_ == "appos":
            right = max(right, child.right_edge.i)
    span = doc[left : right + 1]
    # stop at a comma (participial and relative clauses)
    for t in span:
        if t.text == "," and t.i > tok.i:
            return doc[left : t.i]
    return span


_DEMONSTRATIVES = frozenset({"this", "that", "it", "these", "those"})
_PLURAL_PRONOUNS = frozenset({"they", "we"})


def _joint(tok: Token, registry: Registry) -> tuple[Entity, ...]:
    """Entities of a coordinated subject ("Biden and Xi said"), in order."""
    out: list[Entity] = []
    for t in [tok, *tok.conjuncts]:
        ent = registry.at(t.idx, t.idx + len(t.text))
        if ent is not None and ent not in out:
            out.append(ent)
    return tuple(out) if len(out) > 1 else ()


def _continues(last: Quote, tok: Token, registry: Registry, gender: str | None) -> bool:
    """Whether "he"/"she" at ``tok`` most likely goes on with the speaker of ``last``.

    The previous quote ends at most one sentence before the pronoun, no person is
    named between its attribution and the pronoun, and its speaker fits the pronoun
    (a person of that gender or of unknown gender, or an organisation speaking through
    an unnamed spokesperson).
    """
    if not last.speaker or last.start >= tok.idx:
        return False
    ent = last.entity
    if ent is not None and ent.kind == "person" and ent.gender not in {None, gender}:
        return False
    if (
        ent is not None
        and ent.kind == "org"
        and ent.org_type  # a known organisation, not a name the model took for one
        and last.attribution not in {"role_noun", "pronoun"}
    ):
        return False
    if ent is None and last.attribution == "description":
        # "Lind said" (a name the model did not tag) goes on; "officials said" does not
        words = (last.speaker_text or "").split()
        if (
            len(words) != 1
            or not words[0][:1].isupper()
            or words[0].lower() in role_nouns()
            or words[0].lower() in form_index()
        ):
            return False
    after = max(last.end, last.speaker_end or 0)
    if after > tok.idx:
        after = last.end
    between = doc_text(tok.doc)[after : tok.idx]
    if len(_SENTENCE_BREAK.findall(between)) > 1:
        return False
    person = registry.last_before(tok.idx, "person")
    if person is None or person is ent:
        return True
    latest = max((s for s, e, w in person.mentions if e <= tok.idx and w.lower() not in PRONOUNS),
                 default=-1)  # fmt: skip
    return latest < after


_OPEN_SINGLE_MARK = re.compile(r"(?:^|[\s(\[{—–:])['‘‹]\w")
_LEAD_CONJUNCTION = re.compile(r"(?:But|And|Yet)\s+(?=\S)")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])")


def _country_of(words: Sequence[str]) -> str:
    """The one country code named by some of ``words`` (lower case), else ``""``.

    Examples
    --------
    >>> _country_of(["u.s."]), _country_of(["state", "department"]), _country_of(["top"])
    ('USA', 'USA', '')
    """
    forms = form_index()
    codes = {forms[w][0] for w in words if w in forms and forms[w][0]}
    codes |= {
        forms[f"{a} {b}"][0]
        for a, b in zip(words, words[1:], strict=False)
        if f"{a} {b}" in forms and forms[f"{a} {b}"][0]
    }
    return next(iter(codes)) if len(codes) == 1 else ""


def _same_role(low: str, earlier: Sequence[Quote], country: str = "") -> Quote | None:
    """The latest of ``earlier`` whose speaker was described by the role noun ``low``.

    "… a State Department spokesperson said. … said the U.S. spokesperson": the
    definite description goes back to the speaker last described with that noun
    (the last 30 quotes are looked at); with ``country``, only to one whose speaker
    or description names that country.
    """
    for quote in reversed(earlier[-30:]):
        written = (quote.speaker_text or "").lower().split()
        if not written or written[-1] != low or written[0] in {"the", "this"}:
            continue
        if country:
            named = [*written[:-1], *(quote.speaker or "").lower().split()]
            if _country_of(named) != country:
                continue
        return quote
    return None


def resolve_speaker(tok: Token, registry: Registry, last: Quote | None) -> Speaker:
    """Resolve the head of a speaker phrase to a person, organisation or description.

    ``last`` is the latest quote before this one (its speaker is the fallback for
    "the source said" and "they said").

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> from analysis.text.people import build_registry
    >>> doc = load_pipeline()("Foreign Minister Penny Wong spoke. The minister said it was over.")
    >>> sp = resolve_speaker(doc[7], build_registry(doc), None)
    >>> sp.name, sp.written, sp.attribution
    ('Penny Wong', 'The minister', 'role_noun')
    """
    span = _np_span(tok)
    marks = [t.i for t in span if t.i < tok.i and (t.is_quote or t.text in CLOSE_DOUBLE)]
    if marks:  # '"It is over," Lind, 54, told': the parser hung the quote on the name
        span = tok.doc[marks[-1] + 1 : span.end]
        while len(span) > 1 and (span[0].is_punct or span[0].is_space):
            span = span[1:]
    written = span.text.strip()
    s0, e0 = (span.start_char, span.end_char) if len(span) else (tok.idx, tok.idx + len(tok))
    last_name = last.speaker if last is not None else None
    last_entity = last.entity if last is not None else None

    def made(name: str | None, how: str, ent: Entity | None = None) -> Speaker:
        return Speaker(name, written, how, s0, e0, ent, _joint(tok, registry))

    low = tok.lower_
    own = registry.at(tok.idx, tok.idx + len(tok.text))
    if low in {"they", "it"} and tok.head.dep_ == "relcl":
        # "The Houthis released footage they said showed …": the pronoun is the one
        # who released what is spoken of
        thing = tok.head.head
        giver = thing.head if thing.dep_ in {"dobj", "pobj"} else None
        subj = next((c for c in giver.children if c.dep_ == "nsubj"), None) if giver else None
        if subj is not None and subj.pos_ in {"NOUN", "PROPN"}:
            inner = resolve_speaker(subj, registry, last)
            return Speaker(inner.name, written, "pronoun", s0, e0, inner.entity, inner.joint)
    # the head itself is a mention the registry resolved ("he", "the minister")
    if own is not None and (low in PRONOUNS or low in {"he", "she"}):
        return made(own.name, "pronoun", own)
    # a named person or organisation in the phrase (person first)
    found_org: Entity | None = None
    appositives = [t for c in tok.children if c.dep_ == "appos" for t in c.subtree]
    # "Liu Pengyu, a spokesperson for the Chinese Embassy, who told VOA": the name
    # (only a person's name: in "with The Associated Press, the embattled leader" the
    # parser hung the speaker on an organisation it was talking to)
    head_ent = (
        registry.at(tok.head.idx, tok.head.idx + len(tok.head.text))
        if tok.dep_ == "appos"
        else None
    )
    named_head = [tok.head] if head_ent is not None and head_ent.kind == "person" else []
    # the head, its appositive name ("Her deputy, Olaf Lind,"), then the phrase; a
    # possessive pronoun in it ("Her deputy") names someone else, so it comes last
    owners = [t for t in span if t.dep_ == "poss" and t.pos_ == "PRON"]
    in_phrase = [t for t in span if t not in owners]
    for t in [tok, *named_head, *appositives, *in_phrase, *owners]:
        ent = registry.at(t.idx, t.idx + len(t.text))
        if ent is not None and ent.kind == "person":
            mention = next((m for m in ent.mentions if m[0] <= t.idx < m[1]), None)
            how = "explicit"
            if mention is not None and mention[2].lower().split()[0] in {"the", "this"}:
                how = "role_noun"
            return made(ent.name, how, ent)
        if ent is not None and found_org is None:
            found_org = ent
    if low in {"he", "she"}:
        gender = pronoun_gender(low)
        person = registry.last_before(tok.idx, "person", gender=gender)
        if person is not None:
            return made(person.name, "pronoun", person)
        return made(last_name, "pronoun", last_entity)
    if low == "it":
        org = (
            last_entity
            if last_entity is not None and last_entity.kind == "org"
            else registry.last_before(tok.idx, "org")
        )
        if org is not None:
            return made(org.name, "pronoun", org)
        return made(last_name, "pronoun", last_entity)
    if low in _PLURAL_PRONOUNS or low == "i":
        return made(last_name, "pronoun", last_entity)
    if found_org is not None:
        return made(found_org.name, "explicit", found_org)
    roles = role_nouns()
    # "its spokesperson", "their representative": the organisation named before
    poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}]
    if poss and low in roles:
        org = registry.last_before(tok.idx, "org")
        if org is not None:
            return made(org.name, "role_noun", org)
        # "The Philippine coast guard is committed to …, its spokesperson said": with no
        # organisation named, "its" is the subject the statement opens with
        owner = _owner_subject(tok)
        if owner is not None:
            return Speaker(owner, written, "role_noun", s0, e0, None, ())
    forms = form_index()
    for t in span:
        hit = forms.get(t.lower_)
        if hit is not None and hit[1] == "seat" and (low in ROLE_NOUNS or t.i == tok.i):
            return made(hit[2] if t.i == tok.i else f"the {hit[2]}", "explicit")
    is_definite = span[0].lower_ in {"the", "this", "that"} if len(span) else False
    role = roles.get(low)
    if role is not None and role[0] == "org" and role[1]:
        # "an announcement from Islamabad's foreign ministry": the document's author
        for prep in (c for c in tok.children if c.lower_ in {"from", "by", "of"}):
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs:
                inner = resolve_speaker(objs[0], registry, last)
                return Speaker(inner.name, written, inner.attribution, s0, e0, inner.entity,
                               inner.joint)  # fmt: skip
        if is_definite:  # "the report said": the author just named, else the last speaker
            author = registry.last_before(tok.idx, "org")
            near = (
                author is not None
                and tok.idx
                - max((e for _, e, _ in author.mentions if e <= tok.idx), default=-10_000)
                < 600
            )
            if author is not None and near:
                return made(author.name, "role_noun", author)
            if last_name:
                return made(last_name, "role_noun", last_entity)
    if is_definite and role is not None and len(span) <= 4:
        kind, generic = role
        if kind == "org":
            org = registry.last_before(tok.idx, "org", head=low)
            if org is not None:
                return made(org.name, "role_noun", org)
        elif kind == "person" and generic and last_name:
            return made(last_name, "role_noun", last_entity)
    conjs = [c for c in tok.conjuncts if c.i > tok.i]
    if conjs and not _joint(tok, registry):
        # "according to local media and police": a joint description, said as written
        last_conj = max(conjs, key=lambda c: c.i)
        span = tok.doc[span.start : max(span.end, last_conj.right_edge.i + 1)]
        written = span.text.strip()
        s0, e0 = span.start_char, span.end_char
    text = written
    if len(span) > 1 and span[0].lower_ in {"a", "an", "the"}:
        text = span[1:].text
    return Speaker(text, written, "description", s0, e0, None, ())


def _owner_subject(tok: Token) -> str | None:
    """The noun phrase "its"/"their" in front of ``tok`` stands for, within its sentence.

    The first subject of the sentence that is a common or proper noun (not a pronoun),
    without its article: "The Philippine coast guard is committed …, its spokesperson
    said" → "Philippine coast guard".

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> doc = load_pipeline()("The city water board will raise prices, its spokesperson said.")
    >>> _owner_subject(doc[-3])
    'city water board'
    """
    try:
        sent = tok.sent
    except ValueError:  # a pipeline without sentence boundaries
        return None
    for t in sent:
        if t.i >= tok.i:
            break
        if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"NOUN", "PROPN"}:
            words = [w for w in t.subtree if w.i <= t.i and w.dep_ not in {"det", "poss"}]
            words = [w for w in words if not w.is_punct]
            if words and words[0].i >= t.left_edge.i:
                return " ".join(w.text for w in words)
    return None


def _subject(v: Token) -> Token | None:
    """The active subject of a cue verb, through coordination and participle frames.

    ", saying …", "…, adding that …", "pointing out that …": the participle's
    subject is the subject of the clause it hangs off.
    """
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:
        # "State Department — Secretary of State Antony Blinken underscored": a
        # dateline parsed as a second subject; the one next to the verb speaks
        before = [c for c in subjects if c.i < v.i]
        subjects = [before[-1]] if before else subjects[:1]
    for child in subjects:
        if child.dep_ == "nsubj":
            if child.lower_ in {"who", "which", "that"} and v.dep_ == "relcl":
                # "Liu Pengyu, …, who told VOA": the relative's antecedent; "who" is a
                # person, so climb past "the Chinese Embassy in Washington" to the name
                if child.lower_ == "who":
                    return _person_antecedent(v.head)
                return v.head
            return child
    head = v.head
    if v.tag_ == "VBG" and v.dep_ == "pcomp" and head.lower_ == "as":
        # "X quoted Y as saying …": Y speaks
        objs = [c for c in head.head.children if c.dep_ in {"dobj", "nsubjpass"}]
        if objs:
            return objs[0]
    participle = v.tag_ == "VBG" and v.dep_ in {"advcl", "xcomp", "conj", "dep", "acl", "csubj"}
    if participle:
        # ", adding …" may hang anywhere below the clause whose subject speaks
        up = head
        for _ in range(3):
            subj = next((c for c in up.children if c.dep_ == "nsubj" and c.i != v.i), None)
            if subj is not None:
                return subj
            if up.head.i == up.i:
                break
            up = up.head
    if head is not v and (v.dep_ in {"conj", "xcomp"} or participle):
        for child in head.children:
            if child.dep_ == "nsubj":
                return child
        if participle and head.dep_ in {"conj", "xcomp"} and head.head is not head:
            for child in head.head.children:
                if child.dep_ == "nsubj":
                    return child
    if v.dep_ == "acl" and v.tag_ == "VBD" and head.pos_ in {"NOUN", "PROPN"} and head.i < v.i:
        # "Lebanon's top diplomat, Abdallah Bouhabib, called the attack …": a verb in the
        # finite past tense does not modify the noun before it (that is a participle,
        # "a plan called X"); the parser lost the clause's subject, which is that noun
        return head
    return None


def _parenthetical_frame(cue: Token, subj: Token, sent: Span) -> Token | None:
    """The first token of the statement a parenthetical ", he said," interrupts, if any.

    The cue hangs on a clause that comes after it (``parataxis``) and the frame stands
    between commas: "Despite that, he said, Bolivia's economy is growing".

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> doc = load_pipeline()("Despite that, he said, the economy is growing.")
    >>> _parenthetical_frame(doc[4], doc[3], doc[:]).text
    'the'
    >>> doc = load_pipeline()("The minister, he said, was wrong.")
    >>> _parenthetical_frame(doc[4], doc[3], doc[:]).text
    'The'
    >>> doc = load_pipeline()("He said the economy is growing.")
    >>> _parenthetical_frame(doc[1], doc[0], doc[:]) is None
    True
    """
    doc = cue.doc
    if cue.dep_ != "parataxis" or cue.head.i <= cue.i:
        return None
    left = subj.left_edge.i - 1
    if left < sent.start or doc[left].text != "," or subj.i > cue.i:
        return None
    right = cue.right_edge.i
    if doc[right].text != ",":
        right += 1
    if right + 1 >= sent.end or doc[right].text != ",":
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < left for c in cue.head.children):
        # "The minister, he said, was wrong": the statement began before the frame
        return next((t for t in sent if not t.is_space), doc[right + 1])
    return doc[right + 1]


def _in_speaker_phrase(tok: Token) -> bool:
    """Whether ``tok`` lies inside the subject of a cue verb (part of who speaks)."""
    node = tok
    for _ in range(12):
        if node.dep_ in {"nsubj", "nsubjpass"} and _is_cue(node.head):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _person_antecedent(tok: Token) -> Token:
    """The nearest person at or above ``tok`` (a name, else a person role noun)."""
    roles = role_nouns()
    node = tok
    role: Token | None = None
    for _ in range(6):
        if node.ent_type_ == "PERSON":
            return node
        if role is None and roles.get(node.lower_, ("", False))[0] == "person":
            role = node
        if node.head.i == node.i:
            break
        node = node.head
    return role or tok


def _final_frame(sent: Span, text: str, index: _SpanIndex) -> tuple[Token, Token, Token] | None:
    """A sentence-final attribution ", the report said." / ", said Peskov.", if any.

    Returns (comma, speaker head, cue).  Only when the sentence holds another cue
    before it (otherwise the ordinary rules handle the sentence) and does not start
    with a quotation mark (a direct quote keeps its own rules).
    """
    toks = [t for t in sent if not t.is_space and not t.is_punct]
    if len(toks) < 6 or text[sent.start_char : sent.start_char + 1] in "\"“'‘":
        return None
    cue = next((t for t in reversed(toks[-5:]) if _is_cue(t) and t.dep_ == "ROOT"), None)
    if cue is None or index.at(cue.idx) is not None:
        return None
    subj = _subject(cue)
    if subj is None:
        after = [c for c in cue.rights if c.dep_ in {"nsubj", "dobj", "attr"}]
        subj = after[0] if after else None
    if subj is None:
        return None
    first = min(subj.left_edge.i, cue.i)
    doc = sent.doc
    if first - 1 < sent.start or doc[first - 1].text != ",":
        return None
    if not any(_is_cue(t) for t in doc[sent.start : first - 1]):
        return None
    return doc[first - 1], subj, cue


_NOT_NESTED_SUBJECTS = frozenset(
    {"i", "we", "he", "she", "they", "it", "you", "this", "that", "who", "which", "there"}
)


def _nested_report(
    cue: Token, start: Token, sent: Span, subj: Token | None, registry: Registry
) -> bool:
    """Whether the statement after ``cue`` is someone else's reported speech.

    ``Smith said Jones had told him that …``, ``Smith said that, according to Jones,
    …``: the reported clause is headed by a speech verb (or an "according to" frame)
    whose own speaker is named and differs from the outer speaker, so the inner
    statement belongs to that speaker.  A pronoun or first-person subject ("Smith
    said he had told them …", "I think that …") is the outer speaker and keeps the
    outer frame.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> from analysis.text.people import build_registry
    >>> doc = load_pipeline()("Tom Smith said Peter Jones had told him that the team would win.")
    >>> reg = build_registry(doc)
    >>> _nested_report(doc[2], doc[3], doc[:], doc[1], reg)
    True
    >>> doc = load_pipeline()("Tom Smith said he had told them that the team would win.")
    >>> _nested_report(doc[2], doc[3], doc[:], doc[1], build_registry(doc))
    False
    """
    doc = cue.doc
    first = start
    while first.i < sent.end - 1 and (first.is_punct or first.is_space):
        first = doc[first.i + 1]
    if first.lower_ == "according" and first.i + 1 < sent.end and doc[first.i + 1].lower_ == "to":
        return True
    outer = registry.at(subj.idx, subj.idx + len(subj.text)) if subj is not None else None
    for t in doc[start.i : min(sent.end, start.i + 12)]:
        if not (_is_cue(t) and t.pos_ == "VERB" and cue_verbs().get(t.lemma_.lower()) == "speech"):
            continue
        # the inner verb heads the reported clause (its head is the outer cue)
        if t.head.i != cue.i:
            return False
        inner = _subject(t)
        if inner is None or not start.i <= inner.i < t.i or inner.lower_ in _NOT_NESTED_SUBJECTS:
            return False
        ent = registry.at(inner.idx, inner.idx + len(inner.text))
        if ent is None and inner.lower_ not in role_nouns() and inner.pos_ != "PROPN":
            return False
        # the inner verb reports a statement of its own ("told him that …", "told him
        # "…""), not a thing ("announced new sanctions")
        own = any(c.dep_ in {"ccomp", "parataxis"} and c.i > t.i for c in t.children) or any(
            u.is_quote for u in doc[t.i + 1 : min(sent.end, t.i + 5)]
        )
        return own and (ent is None or ent is not outer)
    return False


def _adjunct_tail(doc: Doc, q: QuoteSpan, end: int) -> bool:
    """Whether the words after a closed quote up to ``end`` only frame it ("… on Monday").

    A statement that opens with a quotation and goes on with a finite verb is mixed
    (``"the plan" would fail``); one that goes on with an adjunct is the quotation.
    """
    if q.close is None or q.close + 1 >= end:
        return q.close is not None
    tail = doc.char_span(q.close + 1, end, alignment_mode="expand")
    if tail is None:
        return False
    return not any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} or t.is_quote for t in tail)


def _inner_quotes(doc: Doc, outer: Quote, registry: Registry) -> list[Quote]:
    """Quotations inside a quotation that the outer speaker attributes to someone named.

    ``"Jones told me 'we will win' and I believed him," Smith said``: the inner words
    are Jones's.  The inner attribution is a speech verb just before the inner marks
    (or just after them) inside the outer quotation, with a named subject; a first
    person or a pronoun ("I said 'no'") is the outer speaker, and no second quote is
    made.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> from analysis.text.people import build_registry
    >>> text = "“Peter Jones told me ‘we will win the cup’ and I agreed,” Tom Smith said."
    >>> doc = load_pipeline()(text)
    >>> reg = build_registry(doc)
    >>> found = [q for q in extract_quotes(doc, reg) if q.speaker == "Tom Smith"]
    >>> [(q.text, q.speaker) for q in _inner_quotes(doc, found[0], reg)]
    [('we will win the cup', 'Peter Jones')]
    """
    text = doc_text(doc)
    content = text[outer.start : outer.end]
    if _OPEN_SINGLE_MARK.search(content) is None:
        return []  # no single mark opens a quotation (apostrophes do not)
    out: list[Quote] = []
    for q in _single_quote_spans(content, []):
        qs, qe = outer.start + q.start, outer.start + q.end
        while qe > qs and text[qe - 1] in ",;:.":
            qe -= 1
        before = doc.char_span(outer.start, outer.start + q.open, alignment_mode="contract")
        after = doc.char_span(outer.start + q.end + 1, outer.end, alignment_mode="contract")
        verbs = [
            t for t in (before or [])[-6:]
            if t.pos_ == "VERB" and (_is_cue(t) or t.lemma_.lower() in NAMING_LEMMAS)
        ]  # fmt: skip
        if not verbs and after is not None:
            first_verb = next((t for t in after[:4] if t.pos_ == "VERB"), None)
            verbs = [first_verb] if first_verb is not None and _is_cue(first_verb) else []
        if not verbs:
            continue
        cue = verbs[-1]
        subj = _subject(cue)
        if (
            subj is None
            or not outer.start <= subj.idx < outer.end
            or subj.lower_ in _NOT_NESTED_SUBJECTS
        ):
            continue
        ent = registry.at(subj.idx, subj.idx + len(subj.text))
        if ent is None or ent is outer.entity:
            continue
        written = _np_span(subj).text.strip()
        out.append(
            Quote(text[qs:qe], "direct", ent.name, _cue_text(cue), qs, qe, written, "explicit",
                  subj.idx, subj.idx + len(subj.text), cue.idx, _cue_end(cue), ent)
        )  # fmt: skip
    return out


#: Things that show rather than say: "according to images" is not reported speech
#: unless someone is named as their source ("according to data from the ministry").
NOT_SPEAKERS: frozenset[str] = frozenset(
    {"image", "images", "photo", "photos", "photograph", "footage", "video", "picture",
     "imagery", "data", "figure", "figures", "record", "records", "estimate", "estimates",
     "map", "maps", "chart", "statistic", "statistics", "tally", "count", "calculation",
     "analysis"}
)  # fmt: skip

#: Nouns that name a statement ("issued a warning that …") and the verbs that deliver one.
SPEECH_NOUNS: frozenset[str] = frozenset(
    {"warning", "statement", "announcement", "pledge", "promise", "assurance", "vow"}
)
DELIVERY_LEMMAS: frozenset[str] = frozenset(
    {"issue", "make", "release", "publish", "give", "send", "post", "deliver", "repeat",
     "renew", "reiterate"}
)  # fmt: skip


def _nominal_frame(noun: Token) -> tuple[Token, Token, Token] | None:
    """``(speaker, first, last)`` of "X issued a warning that …", else ``None``.

    The noun is the object of a delivering verb ("issued", "made") whose subject is
    the speaker, and has a "that" clause of its own; the statement is that clause.
    "Rejected the claim that …" is not a statement of its subject and is left alone.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> doc = load_pipeline()("Pyongyang issued a warning that it would launch a satellite.")
    >>> speaker, first, last = _nominal_frame(doc[3])
    >>> speaker.text, doc[first.i : last.i + 1].text
    ('Pyongyang', 'it would launch a satellite')
    """
    verb = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or verb.lemma_.lower() not in DELIVERY_LEMMAS:
        return None
    subj = _subject(verb)
    if subj is None or subj.lower_ in {"who", "which", "that"}:
        return None
    for clause in noun.children:
        if clause.dep_ not in {"acl", "ccomp", "relcl"} or clause.i < noun.i:
            continue
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is None or mark.i != noun.i + 1 or mark.i + 1 > clause.right_edge.i:
            continue
        return subj, noun.doc[mark.i + 1], clause.right_edge
    return None


def _is_naming(tok: Token) -> bool:
    """Whether a verb names what it quotes ("called it "a war machine"")."""
    return tok.lemma_.lower() in NAMING_LEMMAS


def _said_clause(cue: Token, obj: Token, sent: Span) -> bool:
    """Whether "say" + object is a statement the parser broke ("said its attempt … ended").

    "Say" takes a clause, not a thing: when its object is followed in the sentence by a
    finite verb that hangs inside the object's phrase, the object was the clause's
    subject.  Other cue verbs take real objects ("announced the results") and are left
    alone.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> doc = load_pipeline()("North Korea said its attempt to launch a new military "
    ...                       "reconnaissance satellite ended in failure Monday.")
    >>> cue = doc[2]; obj = [c for c in cue.children if c.dep_ == "dobj"][0]
    >>> _said_clause(cue, obj, doc[:])
    True
    """
    if cue.lemma_.lower() != "say" or obj.pos_ not in {"NOUN", "PROPN"}:
        return False
    finite = [t for t in obj.subtree if t.tag_ in {"VBD", "VBZ", "VBP", "MD"} and t.i > obj.i]
    return bool(finite) and not any(
        t.lower_ in {"that", "which", "who"} for t in cue.doc[obj.i : finite[0].i]
    )


def _comma_participle(v: Token) -> bool:
    """Whether ``v`` is a speech participle set off by a comma (", adding …").

    Its subject is not inside the clause it follows: it goes back to the speaker.
    """
    doc = v.doc
    if v.i == 0 or doc[v.i - 1].text != ",":
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in v.children):
        return False
    return v.dep_ in {"advcl", "xcomp", "conj", "dep", "acl", "csubj"}


def _trailing_appos(cue: Token, sent: Span) -> Token | None:
    """The speaker of a sentence-final cue that the parser attached as an apposition.

    "…, the China National Space Administration announced." / "…, Melanie Verwoerd,
    a former member of parliament, told VOA.": a noun in apposition, set off by a
    comma, whose phrase ends right before the cue, which ends the sentence.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> doc = load_pipeline()("There are several main options, Melanie Verwoerd, a former "
    ...                       "member of parliament who is now a political analyst, told VOA.")
    >>> _trailing_appos(doc[-3], doc[:]).text
    'Verwoerd'
    """
    doc = cue.doc
    rest = [t for t in doc[cue.i + 1 : sent.end] if not t.is_punct and not t.is_space]
    if len(rest) > 2:
        return None
    for t in doc[sent.start : cue.i]:
        if t.dep_ != "appos" or t.pos_ not in {"PROPN", "NOUN"}:
            continue
        end = t.right_edge.i
        if end != cue.i - 1 and not (end == cue.i - 2 and doc[cue.i - 1].text == ","):
            continue
        first = t.left_edge.i
        if first - 1 > sent.start + 2 and doc[first - 1].text == ",":
            return t
    return None


def _agent(v: Token) -> Token | None:
    """The agent of a passive cue ("was announced by X" → X)."""
    for child in v.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            return objs[0] if objs else None
    return None


def _is_cue(tok: Token) -> bool:
    """Whether ``tok`` is a cue verb (lexicon lemma, or a phrasal cue "point out")."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = tok.lemma_.lower()
    if lemma in cue_verbs():
        return True
    return any((lemma, c.lower_) in PHRASAL_CUES for c in tok.children if c.dep_ == "prt")


def _cue_text(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    prt = [c for c in tok.children if c.dep_ == "prt" and (lemma, c.lower_) in PHRASAL_CUES]
    return f"{tok.lower_} {prt[0].lower_}" if prt else tok.lower_


def _cue_end(tok: Token) -> int:
    prt = [c for c in tok.children if c.dep_ == "prt"]
    last = prt[-1] if prt and _cue_text(tok) != tok.lower_ else tok
    return last.idx + len(last.text)


def _content_bounds(text: str, s: int, e: int, index: _SpanIndex) -> tuple[int, int]:
    """Trim a content range: whitespace, final punctuation; keep balanced quote marks."""
    s, e = _trim(text, s, e)
    while e > s and text[e - 1] in ".,;:!?" + CLOSE_DOUBLE + '"' + CLOSE_SINGLE:
        e -= 1
    while s < e and text[s] in ",;:—– ":
        s += 1
    # re-include a closing mark of a quote that started inside the content
    for k in index.opening_in(s, e):
        q = index.spans[k]
        if q.close is not None and q.close >= e:
            e = max(e, q.close + 1)
    return s, e


def _sentence_end(sent: Span) -> int:
    doc = sent.doc
    for i in range(sent.end - 1, sent.start - 1, -1):  # the last token that is not space
        if not doc[i].is_space:
            return doc[i].idx + len(doc[i].text)
    return sent.end_char


def _frame_words(doc: Doc) -> Callable[[int], bool]:
    """A test of token index ``i``: can it open a frame in :func:`extract_quotes`?

    True for "according", a statement noun and a cue verb or the verb of a phrasal
    cue (a superset of what the frame rules act on), read from the token view, so the
    other tokens of a sentence need no spaCy ``Token`` object.
    """
    view = token_view(doc)
    cues = cue_verbs()
    phrasal = {lemma for lemma, _ in PHRASAL_CUES}

    def may_frame(i: int) -> bool:
        low = view.lower[i]
        if low == "according" or low in SPEECH_NOUNS:
            return True
        lemma = view.lemma[i]
        return view.pos[i] in {"VERB", "AUX"} and (lemma in cues or lemma in phrasal)

    return may_frame


def extract_quotes(
    doc: Doc, registry: Registry, spans: list[QuoteSpan] | None = None
) -> list[Quote]:
    """Find direct, indirect and mixed quotes with speakers and cues.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> from analysis.text.people import build_registry
    >>> text = '"We are ready," Jens Stoltenberg said. According to him, talks go on.'
    >>> doc = load_pipeline()(text)
    >>> for q in extract_quotes(doc, build_registry(doc)):
    ...     print(q.kind, q.speaker, q.cue, q.attribution, q.text, sep=" | ")
    direct | Jens Stoltenberg | said | explicit | We are ready
    indirect | Jens Stoltenberg | according to | pronoun | talks go on
    """
    text = doc_text(doc)
    if spans is None:
        spans = find_quote_spans(text)
    index = _SpanIndex(spans)
    sents = sentences(doc)
    sent_starts = [s.start_char for s in sents]
    results: list[Quote] = []
    claimed = _Claimed()
    used: set[int] = set()
    pending_fallback: list[Quote] = []
    by_start: list[tuple[int, Quote]] = []  # quotes with a speaker, sorted by start

    def sent_of(pos: int) -> Span:
        return sents[max(0, bisect_right(sent_starts, pos) - 1)]

    def last_quote(pos: int) -> Quote | None:
        i = bisect_left(by_start, pos, key=lambda x: x[0]) - 1
        return by_start[i][1] if i >= 0 else None

    def record(quote: Quote) -> None:
        results.append(quote)
        if quote.speaker:
            insort(by_start, (quote.start, quote), key=lambda x: x[0])

    def add_reported(
        cs: int,
        ce: int,
        speaker_tok: Token | None,
        cue: str,
        cue_span: tuple[int, int],
        attribution: str | None = None,
    ) -> None:
        cs, ce = _content_bounds(text, cs, ce, index)
        if ce <= cs or not re.search(r"\w", text[cs:ce]):
            return
        lead = _LEAD_CONJUNCTION.match(text, cs, ce)
        if lead is not None and index.at(cs) is None:
            cs = lead.end()  # "But North Korea has shown …": the statement, not the link
        opened = index.at(cs)
        if opened is not None and opened.start == cs and opened.open < cs:
            cs = opened.open  # the statement opens with a quotation: include its marks
            if opened.close is not None and opened.close >= ce:
                ce = opened.close + 1
        inside = [k for k in index.opening_in(cs, ce) if (spans[k].close or spans[k].end) <= ce]
        kind = "indirect"
        if inside:
            kind = "mixed"
            if len(inside) == 1:
                q = spans[inside[0]]
                if q.start - cs <= 2 and (ce - q.end <= 2 or _adjunct_tail(doc, q, ce)):
                    kind = "direct"
                    cs, ce = q.start, q.end
                    while ce > cs and text[ce - 1] in ",;:":
                        ce -= 1
        else:
            # 'told reporters: "These are fantasies."' - the content is one quotation
            whole = index.at(cs + 1) or index.at(cs)
            if (
                whole is not None
                and whole.start >= cs - 2
                and (ce <= whole.end + 2 or _adjunct_tail(doc, whole, ce))
            ):
                if ce > whole.end + 2:  # '"…" before leaving': the quotation alone
                    ce = whole.end
                kind = "direct"
                inside = [spans.index(whole)]
        used.update(inside)
        sp = (
            resolve_speaker(speaker_tok, registry, last_quote(cs))
            if speaker_tok is not None
            else Speaker(None, None, "description")
        )
        how = sp.attribution
        if attribution is not None and how in {"explicit", "description"}:
            how = attribution
        quote = Quote(
            text[cs:ce], kind, sp.name, cue, cs, ce, sp.written, how, sp.start, sp.end,
            cue_span[0], cue_span[1], sp.entity, sp.joint,
        )  # fmt: skip
        record(quote)
        claimed.add(cs, ce)

    # 1. reported speech (and direct quotes introduced by a verb) ------------------
    frames = cue_verbs()
    may_frame = _frame_words(doc)
    for si, sent in enumerate(sents):
        send = _sentence_end(sent)
        final = _final_frame(sent, text, index)
        if final is not None:
            # "…, but other causes were being investigated, the report said.": the
            # sentence-final attribution covers every cue inside the sentence
            final_comma, final_subj, final_cue = final
            add_reported(sent.start_char, final_comma.idx, final_subj, _cue_text(final_cue),
                         (final_cue.idx, _cue_end(final_cue)))  # fmt: skip
            continue
        for tok in (doc[i] for i in range(sent.start, sent.end) if may_frame(i)):
            if tok.idx in claimed or index.at(tok.idx) is not None:
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                if _in_speaker_phrase(tok):
                    continue  # "a spokesperson, who spoke according to policy, said"
                to = doc[tok.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if not objs:
                    continue
                obj = objs[0]
                if obj.lemma_.lower() in NOT_SPEAKERS and not any(
                    c.lower_ in {"from", "by", "of"} for c in obj.children
                ):
                    continue  # "according to Houthi images": pictures show, they do not say
                phrase_end = obj.right_edge.idx + len(obj.right_edge.text)
                before = text[sent.start_char : tok.idx]
                cue_span = (tok.idx, to.idx + len(to.text))
                lead = next((t for t in reversed(doc[sent.start : tok.i]) if not t.is_punct), None)
                # "X said that, according to Y, …": the statement after the phrase is Y's
                nested = lead is not None and (lead.lower_ == "that" or _is_cue(lead))
                if not before.strip(" \n\"“'‘(—–-") or nested:
                    add_reported(phrase_end, send, obj, "according to", cue_span, "according_to")
                elif text[phrase_end:send].lstrip().startswith(",") and not any(
                    t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in doc[sent.start : tok.i]
                ):
                    # "The plant, according to Energoatom, lost power": the phrase sits
                    # inside the statement, which is the whole sentence
                    add_reported(sent.start_char, send, obj, "according to", cue_span,
                                 "according_to")  # fmt: skip
                else:
                    add_reported(sent.start_char, tok.idx, obj, "according to", cue_span,
                                 "according_to")  # fmt: skip
                continue
            nominal = _nominal_frame(tok) if tok.lower_ in SPEECH_NOUNS else None
            if nominal is not None:
                # "Pyongyang issued a warning that it would …": the clause is the statement
                n_subj, n_first, n_last = nominal
                add_reported(n_first.idx, n_last.idx + len(n_last.text), n_subj, tok.lower_,
                             (tok.idx, tok.idx + len(tok.text)))  # fmt: skip
                continue
            if not _is_cue(tok):
                continue
            cue = _cue_text(tok)
            cue_span = (tok.idx, _cue_end(tok))
            subj = _subject(tok)
            if subj is None:
                # "…, the China National Space Administration announced.": the parser
                # hung the speaker on the statement as an apposition
                speaker_np = _trailing_appos(tok, sent)
                if speaker_np is not None:
                    before_np = doc[speaker_np.left_edge.i - 1]
                    add_reported(sent.start_char, before_np.idx, speaker_np, cue, cue_span)
                    continue
                # passive: "This was announced by X", "… was first reported by X"
                agent = _agent(tok)
                patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                if agent is None or patient is None:
                    continue
                bare = patient.left_edge.i == patient.i
                if patient.lower_ in _DEMONSTRATIVES and bare and si > 0:
                    prev = sents[si - 1]
                    if prev.start_char not in claimed:
                        add_reported(prev.start_char, _sentence_end(prev), agent, cue, cue_span)
                else:
                    ps, pe = patient.left_edge.idx, patient.right_edge.idx + len(patient.right_edge)
                    if patient.left_edge.i >= sent.start:
                        add_reported(ps, pe, agent, cue, cue_span)
                continue
            cognition = frames.get(tok.lemma_.lower()) == "cognition"
            # forward content: "said that …", "said: …", "told CNN, …, that …"
            start_tok: Token | None = None
            for t in doc[tok.i + 1 : sent.end]:
                if _is_cue(t) and t.pos_ == "VERB" and t.i != tok.i:
                    break
                if t.lower_ == "that" and t.dep_ == "mark":
                    start_tok = doc[t.i + 1] if t.i + 1 < len(doc) else None
                    break
                if t.text == ":" and t.i == tok.i + 1:
                    start_tok = doc[t.i + 1] if t.i + 1 < len(doc) else None
                    break
            if cognition and start_tok is None:
                continue  # "believe", "fear": only with an explicit "that" clause
            ccomps = [c for c in tok.children if c.dep_ in {"ccomp", "parataxis"}]
            marked = start_tok is not None  # an explicit "that" or colon
            first_ccomp = next((c for c in ccomps if c.i > tok.i), None)
            if (
                start_tok is not None
                and first_ccomp is not None
                and tok.i < first_ccomp.left_edge.i < start_tok.i - 1
            ):
                # "said passengers would be refunded, and that …": the statement starts
                # with the first complement, not at the later "that"
                start_tok = first_ccomp.left_edge
            if start_tok is None:
                fwd = [c for c in ccomps if c.i > tok.i]
                objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
                # "agencies warn the situation … is deteriorating": the parser took the
                # complement's subject for the cue's object
                if (
                    fwd
                    and objs
                    and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in fwd[0].children)
                    and tok.lemma_.lower() != "tell"  # "told reporters …": the addressee
                    and objs[0].i < fwd[0].left_edge.i
                    and not any(t.is_punct for t in doc[objs[0].i : fwd[0].left_edge.i])
                ):
                    start_tok = objs[0].left_edge
                if fwd and start_tok is None:
                    start_tok = fwd[0].left_edge
                    if start_tok.i <= tok.i:  # "a shift that analysts say is …": after the cue
                        start_tok = doc[tok.i + 1]
                if start_tok is None and objs and _said_clause(tok, objs[0], sent):
                    start_tok = objs[0].left_edge  # "said its attempt … ended in failure"
                if start_tok is None and objs and not cognition:
                    # "underscored the necessity for "direct" and "sustained engagement"":
                    # an object holding the speaker's quoted words is a mixed statement
                    obj = objs[0]
                    o_end = obj.right_edge.idx + len(obj.right_edge.text)
                    # the quoted words come after the object's head ("the necessity for
                    # "…""), not as a scare-quoted modifier ("a "historic" deal")
                    if index.opening_in(obj.idx, o_end) and not _is_naming(tok):
                        add_reported(obj.left_edge.idx, o_end, subj, cue, cue_span)
                        continue
                nxt_tok = doc[tok.i + 1] if tok.i + 1 < sent.end else None
                if (
                    start_tok is None
                    and tok.dep_ == "relcl"
                    and nxt_tok is not None
                    and nxt_tok.tag_ in {"VBD", "VBZ", "VBP", "MD"}
                    and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in nxt_tok.children)
                ):
                    start_tok = nxt_tok  # "footage they said showed …": the subjectless clause
            if (
                tok.tag_ == "VBG"
                and not marked
                and tok.i + 1 < sent.end
                and (start_tok is None or start_tok.i > tok.i + 3)
            ):
                # ", adding the government presumes …": the rest of the sentence
                nxt = doc[tok.i + 1]
                if nxt.dep_ in {"dobj", "dative"} and tok.lemma_.lower() == "tell":
                    nxt = doc[nxt.right_edge.i + 1] if nxt.right_edge.i + 1 < sent.end else nxt
                rest = doc[nxt.i : sent.end]
                finite = any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in rest)
                if not nxt.is_punct and nxt.pos_ not in {"ADP", "ADV"} and finite:
                    start_tok = nxt
                elif start_tok is None or start_tok.i > tok.i + 3:
                    continue  # "announcing the results": an object, not a statement
            if start_tok is not None and start_tok.i < sent.end:
                if _nested_report(tok, start_tok, sent, subj, registry):
                    continue  # "X said Y had told him …": Y's statement, found at its own cue
                q = index.at(start_tok.idx + 1) or index.at(start_tok.idx)
                end = send
                # "told reporters …, adding …": the participle starts a statement of its own
                later = next(
                    (t for t in doc[start_tok.i + 1 : sent.end]
                     if t.tag_ == "VBG"
                     and (_is_cue(t) or t.lemma_.lower() in NAMING_LEMMAS)
                     and (t.head.i == tok.i or _comma_participle(t))),
                    None,
                )  # fmt: skip
                if later is not None:
                    end = later.idx
                if q is not None and q.open >= start_tok.idx - 1 and q.end > end:
                    end = q.end  # a quote introduced here runs past the sentence
                add_reported(start_tok.idx, end, subj, cue, cue_span)
                continue
            if cognition:
                continue
            frame = _parenthetical_frame(tok, subj, sent)
            if frame is not None:
                # "Despite that, he said, Bolivia's economy is growing …": the frame
                # interrupts the statement, which goes on after it
                add_reported(frame.idx, send, subj, cue, cue_span)
                continue
            back = [c for c in ccomps if c.i < tok.i]
            if back:
                c = back[0]
                cs = c.left_edge.idx
                ce = c.right_edge.idx + len(c.right_edge.text)
                q = index.at(cs + 1)
                if (
                    q is not None
                    and q.open < cs + 2
                    and (q.start < sent.start_char or (q.close or q.end) > ce)
                ):
                    continue  # a direct quote: handled below with its attribution
                add_reported(cs, ce, subj, cue, cue_span)
                continue
            # "…, the Nikkei noted." / "…, said Peskov." without a parsed complement
            comma: Token | None = None
            for t in doc[sent.start : min(tok.i, subj.left_edge.i)]:
                if t.text == ",":
                    comma = t
            if comma is not None and tok.i >= sent.end - 4 and comma.i > sent.start + 2:
                first = text[sent.start_char : comma.idx]
                if first.lstrip()[:1] in "\"“'‘":
                    continue
                add_reported(sent.start_char, comma.idx, subj, cue, cue_span)

    # 2. direct quotes between quotation marks -------------------------------------
    for k, q in enumerate(spans):
        if k in used or q.start in claimed:
            continue
        qs, qe = q.start, q.end
        while qe > qs and text[qe - 1] in ",;:":
            qe -= 1
        content = text[qs:qe]
        if not re.search(r"\w", content):
            continue
        sp: Speaker | None = None
        cue_tok: Token | None = None
        cue_label: str | None = None
        after = q.close + 1 if q.close is not None else q.end
        # (a) attribution after the closing mark: '…," he said.' / '…," said Hayashi.'
        if q.close is not None:
            s_after = sent_of(after if after < len(text) else after - 1)
            toks = [t for t in s_after if t.idx >= after]
            for t in toks[:30]:
                if t.pos_ != "VERB" and not (t.pos_ == "AUX" and _is_cue(t)):
                    continue  # the first verb after the quote decides
                if not _is_cue(t):
                    break
                if _is_cue(t):
                    subj = _subject(t)
                    if subj is None:
                        rights = [
                            c for c in t.rights if c.dep_ in {"dobj", "nsubj", "attr", "npadvmod"}
                        ]
                        subj = (
                            rights[0] if rights else (doc[t.i + 1] if t.i + 1 < len(doc) else None)
                        )
                    if subj is not None and subj.idx >= after and not subj.is_punct:
                        sp = resolve_speaker(subj, registry, last_quote(q.start))
                        cue_tok = t
                    break
            if sp is None:
                m = _DASH_ATTR.match(text, after)
                if m:
                    ent_tok = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
                    if ent_tok is not None:
                        head = ent_tok[0]
                        ent = registry.at(head.idx, head.idx + len(head.text))
                        line_end = text.find("\n", m.end())
                        line = text[m.end() : len(text) if line_end < 0 else line_end]
                        written = line.split(",")[0].strip()
                        sp = Speaker(
                            ent.name if ent is not None else written, written, "dash",
                            m.end(), m.end() + len(written), ent,
                        )  # fmt: skip
                        cue_label = "dash"
        # (b) attribution before the opening mark in the same sentence/paragraph
        if sp is None:
            line_start = text.rfind("\n", 0, q.open) + 1
            s_before = sent_of(q.open)
            lo = max(line_start, s_before.start_char)
            prefix = text[lo : q.open]
            if prefix.strip():
                toks = [t for t in doc.char_span(lo, q.open, alignment_mode="contract") or []]
                verbs = [t for t in toks if _is_cue(t)]
                if verbs and prefix.rstrip()[-1:] in {":", ","}:
                    subj = _subject(verbs[-1])
                    if subj is not None:
                        sp = resolve_speaker(subj, registry, last_quote(q.start))
                        cue_tok = verbs[-1]
                elif prefix.rstrip().endswith(":") and toks:
                    label_toks = [t for t in toks if not t.is_punct]
                    if label_toks and len(label_toks) <= 8:
                        sp = resolve_speaker(label_toks[-1], registry, last_quote(q.start))
                        cue_label = "colon"
                if sp is None:
                    # '… called the alliance "a war machine"': words quoted with a naming verb
                    naming = [
                        t for t in toks if t.lemma_.lower() in NAMING_LEMMAS and t.pos_ == "VERB"
                    ]
                    subj = _subject(naming[-1]) if naming else None
                    if subj is not None and subj.dep_ != "nsubjpass":
                        sp = resolve_speaker(subj, registry, last_quote(q.start))
                        cue_tok = naming[-1]
                if sp is None:
                    # a quote inside a sentence with no attribution: a scare quote
                    continue
        # (c) a quote standing on its own: the last speaker named before it
        if sp is None:
            quote = Quote(content, "direct", None, None, qs, qe, None, "carried_over")
            pending_fallback.append(quote)
            results.append(quote)
        else:
            cue_word = cue_label or (_cue_text(cue_tok) if cue_tok is not None else None)
            cs_, ce_ = (cue_tok.idx, _cue_end(cue_tok)) if cue_tok is not None else (None, None)
            quote = Quote(
                content, "direct", sp.name, cue_word, qs, qe, sp.written, sp.attribution,
                sp.start, sp.end, cs_, ce_, sp.entity, sp.joint,
            )  # fmt: skip
            record(quote)
        claimed.add(q.start, q.end)

    # 3. transcript labels: "Peskov: We will respond." ---------------------------------
    for m in _LABEL.finditer(text):
        name_s, name_e = m.start("name"), m.end("name")
        if m.start("body") in claimed:
            continue
        label = m.group("name").strip()
        words = label.split()
        if not 1 <= len(words) <= 4 or label.lower() in _NOT_LABELS:
            continue
        if not all(w[:1].isupper() or w.lower() in {"de", "van", "von", "al"} for w in words):
            continue
        if label.split()[0].lower() in {"on", "in", "at", "by", "for", "from", "update"}:
            continue
        ent = registry.at(name_s, name_e)
        if ent is not None and not any(s >= name_s and e == name_e for s, e, _ in ent.mentions):
            ent = None if len(words) > 3 else ent
        speaker = ent.name if ent is not None else label
        cs, ce = _content_bounds(text, m.start("body"), m.end("body"), index)
        record(
            Quote(text[cs:ce], "direct", speaker, "colon", cs, ce, label, "label",
                  name_s, name_e, name_e, name_e + 1, ent)
        )  # fmt: skip
        claimed.add(cs, ce)

    # 4. a quotation inside a quotation: "Jones told me 'we will win'," Smith said ----
    for outer in [r for r in results if r.kind in {"direct", "mixed"}]:
        for inner_quote in _inner_quotes(doc, outer, registry):
            record(inner_quote)

    results.sort(key=lambda r: r.start)
    # '"…," Conroy said. …, he added.': a pronoun right after a quote goes on with its
    # speaker (decided once every quote is known: direct quotes are found after the
    # reported speech around them)
    previous: Quote | None = None
    roles = role_nouns()
    for n, quote in enumerate(results):
        # "… said the U.S. spokesperson": the speaker last described as "a … spokesperson"
        words = (quote.speaker_text or "").lower().split()
        role = roles.get(words[-1]) if len(words) >= 2 and words[0] in {"the", "this"} else None
        if quote.attribution == "role_noun" and role is not None and role[0] == "person":
            # "the U.S. spokesperson": only a speaker of that country, unless generic
            country = _country_of(words[1:-1])
            same = _same_role(words[-1], results[:n], country)
            if same is not None and (role[1] or country):
                quote.speaker, quote.entity, quote.joint = same.speaker, same.entity, same.joint
        if (
            previous is not None
            and quote.attribution == "pronoun"
            and quote.speaker_start is not None
            and (quote.speaker_text or "").lower() in {"he", "she"}
            and quote.speaker != previous.speaker
        ):
            pron = doc.char_span(quote.speaker_start, quote.speaker_end or quote.speaker_start + 2)
            gender = pronoun_gender(quote.speaker_text or "")
            if pron is not None and _continues(previous, pron[0], registry, gender):
                quote.speaker, quote.entity, quote.joint = (
                    previous.speaker,
                    previous.entity,
                    previous.joint,
                )
        if quote.speaker:
            previous = quote
    for quote in pending_fallback:
        earlier = last_quote(quote.start)
        if earlier is not None:
            quote.speaker = earlier.speaker
            quote.entity, quote.joint = earlier.entity, earlier.joint
        else:
            person = registry.last_before(quote.start, "person")
            quote.speaker = person.name if person else None
            quote.entity = person
    return results
