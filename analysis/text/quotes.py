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

Quotation marks may be straight or curly, double or single (an apostrophe between
letters is never a quotation mark), and quotes may run over several sentences and
paragraphs (a paragraph left open continues when the next one starts with an
opening mark).  Unbalanced marks never raise: an unclosed quote ends with its
paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from analysis.text.countries import form_index
from analysis.text.people import GENERIC_ROLES, PRONOUNS, ROLE_NOUNS, Registry
from analysis.text.pipeline import doc_text, sentences

#: Lemmas of verbs that attribute quoted words by naming something ("called it "a …"").
NAMING_LEMMAS: frozenset[str] = frozenset({"call", "describe", "dub", "label", "brand", "term"})

#: Lemmas of verbs that introduce reported speech.
CUE_LEMMAS: frozenset[str] = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "stress",
        "note",
        "recall",
        "claim",
        "warn",
        "explain",
        "announce",
        "insist",
        "emphasize",
        "emphasise",
        "argue",
        "report",
        "write",
        "declare",
        "confirm",
        "deny",
        "suggest",
        "acknowledge",
        "admit",
        "assert",
        "maintain",
        "accuse",
        "urge",
        "reply",
        "respond",
        "remark",
        "observe",
        "predict",
        "promise",
        "vow",
        "pledge",
        "caution",
        "complain",
        "reiterate",
        "underline",
        "underscore",
        "tweet",
        "post",
        "indicate",
        "conclude",
        "concede",
        "allege",
        "estimate",
        "believe",
        "reveal",
        "disclose",
        "mention",
    ]
)
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
    """One quotation or piece of reported speech."""

    text: str
    kind: str
    speaker: str | None
    cue: str | None
    start: int
    end: int
    speaker_text: str | None = None


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


def resolve_speaker(
    tok: Token, registry: Registry, last_speaker: str | None
) -> tuple[str | None, str]:
    """Resolve the head of a speaker phrase to a person, organisation or description.

    Returns ``(speaker, phrase as written)``.
    """
    span = _np_span(tok)
    written = span.text.strip()
    # a named person or organisation in the phrase (person first)
    found_org: str | None = None
    # an appositive name: "Its spokeswoman, Maria Zakharova, told reporters"
    appositives = [t for c in tok.children if c.dep_ == "appos" for t in c.subtree]
    for t in [tok, *span, *appositives]:
        ent = registry.at(t.idx, t.idx + len(t.text))
        if ent is not None and ent.kind == "person":
            return ent.name, written
        if ent is not None and found_org is None:
            found_org = ent.name
    low = tok.lower_
    if low in PRONOUNS or low in {"he", "she"}:
        last = registry.last_before(tok.idx, "person")
        return (last.name if last else last_speaker), written
    if low in {"it", "they", "we", "i"}:
        return last_speaker, written
    if found_org is not None:
        return found_org, written
    forms = form_index()
    for t in span:
        hit = forms.get(t.lower_)
        if hit is not None and hit[1] == "seat" and low in ROLE_NOUNS:
            return f"the {hit[2]}", written
    is_definite = span[0].lower_ in {"the", "this", "that"} if len(span) else False
    if is_definite and low in GENERIC_ROLES and len(span) <= 3 and last_speaker:
        return last_speaker, written
    text = written
    if span[0].lower_ in {"a", "an", "the"} and len(span) > 1:
        text = span[1:].text
    return text, written


def _in_spans(pos: int, spans: list[QuoteSpan]) -> QuoteSpan | None:
    for q in spans:
        if q.start <= pos < q.end:
            return q
    return None


def _subject(v: Token) -> Token | None:
    for child in v.children:
        if child.dep_ in {"nsubj", "expl"} and child.dep_ != "expl":
            return child
    if v.dep_ in {"conj", "xcomp"} and v.head is not v:
        for child in v.head.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _content_bounds(text: str, s: int, e: int, spans: list[QuoteSpan]) -> tuple[int, int]:
    """Trim a content range: whitespace, final punctuation; keep balanced quote marks."""
    s, e = _trim(text, s, e)
    while e > s and text[e - 1] in ".,;:!?" + CLOSE_DOUBLE + '"' + CLOSE_SINGLE:
        e -= 1
    while s < e and text[s] in ",;:—– ":
        s += 1
    # re-include a closing mark of a quote that started inside the content
    for q in spans:
        if s <= q.open < e and q.close is not None and q.close >= e:
            e = max(e, q.close + 1)
    return s, e


def _sentence_end(sent: Span) -> int:
    toks = [t for t in sent if not t.is_space]
    return toks[-1].idx + len(toks[-1].text) if toks else sent.end_char


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
    ...     print(q.kind, q.speaker, q.cue, q.text, sep=" | ")
    direct | Jens Stoltenberg | said | We are ready
    indirect | Jens Stoltenberg | according to | talks go on
    """
    text = doc_text(doc)
    if spans is None:
        spans = find_quote_spans(text)
    sents = sentences(doc)
    sent_starts = [s.start_char for s in sents]
    results: list[Quote] = []
    claimed: list[tuple[int, int]] = []
    used: set[int] = set()
    pending_fallback: list[Quote] = []
    cue: str | None
    speaker: str | None
    written: str | None

    def sent_of(pos: int) -> Span:
        return sents[max(0, bisect_right(sent_starts, pos) - 1)]

    def claimed_at(pos: int) -> bool:
        return any(a <= pos < b for a, b in claimed)

    def add_reported(
        cs: int,
        ce: int,
        speaker_tok: Token | None,
        cue: str,
        speaker: str | None = None,
        written: str | None = None,
    ) -> None:
        cs, ce = _content_bounds(text, cs, ce, spans)
        if ce <= cs or not re.search(r"\w", text[cs:ce]):
            return
        inside = [k for k, q in enumerate(spans) if cs <= q.open and (q.close or q.end) <= ce]
        kind = "indirect"
        if inside:
            kind = "mixed"
            if len(inside) == 1:
                q = spans[inside[0]]
                if q.start - cs <= 2 and ce - q.end <= 2:
                    kind = "direct"
                    cs, ce = q.start, q.end
                    while ce > cs and text[ce - 1] in ",;:":
                        ce -= 1
        else:
            # 'told reporters: "These are fantasies."' - the content is one quotation
            k = next(
                (k for k, q in enumerate(spans) if q.start <= cs + 1 and ce <= q.end + 2), None
            )
            if k is not None and spans[k].start >= cs - 2:
                kind = "direct"
                inside = [k]
        used.update(inside)
        if speaker_tok is not None:
            speaker, written = resolve_speaker(speaker_tok, registry, _last(results, cs))
        quote = Quote(text[cs:ce], kind, speaker, cue, cs, ce, written)
        results.append(quote)
        claimed.append((cs, ce))

    # 1. reported speech (and direct quotes introduced by a verb) ------------------
    for sent in sents:
        send = _sentence_end(sent)
        for tok in sent:
            if claimed_at(tok.idx) or _in_spans(tok.idx, spans):
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if not objs:
                    continue
                obj = objs[0]
                phrase_end = obj.right_edge.idx + len(obj.right_edge.text)
                before = text[sent.start_char : tok.idx]
                if not before.strip(" \n\"“'‘(—–-"):
                    add_reported(phrase_end, send, obj, "according to")
                else:
                    add_reported(sent.start_char, tok.idx, obj, "according to")
                continue
            if tok.lemma_.lower() not in CUE_LEMMAS or tok.pos_ not in {"VERB", "AUX"}:
                continue
            subj = _subject(tok)
            if subj is None or subj.dep_ == "nsubjpass":
                continue
            cue = tok.text.lower()
            # forward content: "said that …", "said: …", "told CNN, …, that …"
            start_tok: Token | None = None
            for t in doc[tok.i + 1 : sent.end]:
                if t.lemma_.lower() in CUE_LEMMAS and t.pos_ == "VERB" and t is not tok:
                    break
                if t.lower_ == "that" and t.dep_ == "mark":
                    start_tok = doc[t.i + 1] if t.i + 1 < len(doc) else None
                    break
                if t.text == ":" and t.i == tok.i + 1:
                    start_tok = doc[t.i + 1] if t.i + 1 < len(doc) else None
                    break
            ccomps = [c for c in tok.children if c.dep_ in {"ccomp", "parataxis"}]
            if start_tok is None:
                fwd = [c for c in ccomps if c.i > tok.i]
                if fwd:
                    start_tok = fwd[0].left_edge
                    if start_tok.i <= tok.i:  # "a shift that analysts say is …": after the cue
                        start_tok = doc[tok.i + 1]
            if start_tok is not None and start_tok.i < sent.end:
                q = _in_spans(start_tok.idx + 1, spans) or _in_spans(start_tok.idx, spans)
                end = send
                if q is not None and q.open >= start_tok.idx - 1 and q.end > end:
                    end = q.end  # a quote introduced here runs past the sentence
                add_reported(start_tok.idx, end, subj, cue)
                continue
            back = [c for c in ccomps if c.i < tok.i]
            if back:
                c = back[0]
                cs = c.left_edge.idx
                ce = c.right_edge.idx + len(c.right_edge.text)
                q = _in_spans(cs + 1, spans)
                if (
                    q is not None
                    and q.open < cs + 2
                    and (q.start < sent.start_char or (q.close or q.end) > ce)
                ):
                    continue  # a direct quote: handled below with its attribution
                add_reported(cs, ce, subj, cue)
                continue
            # "…, the Nikkei noted." / "…, said Peskov." without a parsed complement
            comma = None
            for t in doc[sent.start : min(tok.i, subj.left_edge.i)]:
                if t.text == ",":
                    comma = t
            if comma is not None and tok.i >= sent.end - 4 and comma.i > sent.start + 2:
                first = text[sent.start_char : comma.idx]
                if first.lstrip()[:1] in "\"“'‘":
                    continue
                add_reported(sent.start_char, comma.idx, subj, cue)

    # 2. direct quotes between quotation marks -------------------------------------
    for k, q in enumerate(spans):
        if k in used or any(a <= q.start < b for a, b in claimed):
            continue
        qs, qe = q.start, q.end
        while qe > qs and text[qe - 1] in ",;:":
            qe -= 1
        content = text[qs:qe]
        if not re.search(r"\w", content):
            continue
        speaker = None
        written = None
        cue = None
        after = q.close + 1 if q.close is not None else q.end
        # (a) attribution after the closing mark: '…," he said.' / '…," said Hayashi.'
        if q.close is not None:
            s_after = sent_of(after if after < len(text) else after - 1)
            toks = [t for t in s_after if t.idx >= after]
            for t in toks[:8]:
                if t.lemma_.lower() in CUE_LEMMAS and t.pos_ in {"VERB", "AUX"}:
                    subj = _subject(t)
                    if subj is None:
                        nxt = [
                            c for c in t.rights if c.dep_ in {"dobj", "nsubj", "attr", "npadvmod"}
                        ]
                        subj = nxt[0] if nxt else (doc[t.i + 1] if t.i + 1 < len(doc) else None)
                    if subj is not None and subj.idx >= after and not subj.is_punct:
                        speaker, written = resolve_speaker(subj, registry, _last(results, q.start))
                        cue = t.text.lower()
                    break
            if speaker is None:
                m = _DASH_ATTR.match(text, after)
                if m:
                    ent_tok = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
                    if ent_tok is not None:
                        head = ent_tok[0]
                        ent = registry.at(head.idx, head.idx + len(head.text))
                        line_end = text.find("\n", m.end())
                        line = text[m.end() : len(text) if line_end < 0 else line_end]
                        written = line.split(",")[0].strip()
                        speaker = ent.name if ent is not None else written
                        cue = "dash"
        # (b) attribution before the opening mark in the same sentence/paragraph
        if speaker is None:
            line_start = text.rfind("\n", 0, q.open) + 1
            s_before = sent_of(q.open)
            lo = max(line_start, s_before.start_char)
            prefix = text[lo : q.open]
            if prefix.strip():
                toks = [t for t in doc.char_span(lo, q.open, alignment_mode="contract") or []]
                verbs = [
                    t for t in toks if t.lemma_.lower() in CUE_LEMMAS and t.pos_ in {"VERB", "AUX"}
                ]
                if verbs and prefix.rstrip()[-1:] in {":", ","}:
                    subj = _subject(verbs[-1])
                    if subj is not None:
                        speaker, written = resolve_speaker(subj, registry, _last(results, q.start))
                        cue = verbs[-1].text.lower()
                elif prefix.rstrip().endswith(":") and toks:
                    label_toks = [t for t in toks if not t.is_punct]
                    if label_toks and len(label_toks) <= 8:
                        speaker, written = resolve_speaker(
                            label_toks[-1], registry, _last(results, q.start)
                        )
                        cue = "colon"
                if speaker is None:
                    # '… called the alliance "a war machine"': words quoted with a naming verb
                    naming = [
                        t for t in toks if t.lemma_.lower() in NAMING_LEMMAS and t.pos_ == "VERB"
                    ]
                    subj = _subject(naming[-1]) if naming else None
                    if subj is not None and subj.dep_ != "nsubjpass":
                        speaker, written = resolve_speaker(subj, registry, _last(results, q.start))
                        cue = naming[-1].text.lower()
                if speaker is None:
                    # a quote inside a sentence with no attribution: a scare quote
                    continue
        # (c) a quote standing on its own: the last speaker named before it
        quote = Quote(content, "direct", speaker, cue, qs, qe, written)
        if speaker is None:
            pending_fallback.append(quote)
        results.append(quote)
        claimed.append((q.start, q.end))

    # 3. transcript labels: "Peskov: We will respond." ---------------------------------
    for m in _LABEL.finditer(text):
        name_s, name_e = m.start("name"), m.end("name")
        if any(a <= m.start("body") < b for a, b in claimed):
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
        cs, ce = _content_bounds(text, m.start("body"), m.end("body"), spans)
        results.append(Quote(text[cs:ce], "direct", speaker, "colon", cs, ce, label))
        claimed.append((cs, ce))

    results.sort(key=lambda r: r.start)
    for quote in pending_fallback:
        quote.speaker = _last(results, quote.start)
        if quote.speaker is None:
            person = registry.last_before(quote.start, "person")
            quote.speaker = person.name if person else None
    return results


def _last(results: list[Quote], pos: int) -> str | None:
    """Speaker of the latest quote before ``pos``, or ``None``."""
    best: Quote | None = None
    for r in results:
        if r.start < pos and r.speaker and (best is None or r.start > best.start):
            best = r
    return best.speaker if best else None
