"""Countries mentioned in a text: names, aliases, demonyms, capitals and seats of power.

The surface forms come from the package's one country model
(:func:`analysis.countries.surface_forms`).  Matching uses a spaCy
:class:`~spacy.matcher.PhraseMatcher` on lower-cased tokens, then keeps a match
only when its case fits (acronyms such as "US" must be upper case, other forms
must start with a capital, so "us" and "turkey" are never countries), it is not
part of a longer region or sea ("Sea of Japan", "Korean Peninsula"), and it does
not fall inside a person's name or a news organisation ("The Japan Times").

A country's name is not counted where the text uses it for something else: a
geographic feature or sub-national region ("Niger River", "Inner Mongolia"), the
other place of the same name (:data:`HOMONYMS`: "Atlanta, Georgia"), a language
("spoke in French", "VOA's Korean Service") or a company named after the country
("Singapore Airlines").

A form that fits several countries ("Korea", "Congo", "Korean") is decided from
the rest of the text when exactly one candidate is named there, by any form or
by a context cue ("South Korea", "Seoul", "Yoon"; "DRC", "Kinshasa"); otherwise
the mention is reported unresolved with its candidates, never guessed.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from analysis import countries as model
from analysis._data import verified
from analysis.text.pipeline import DATA_DIR, doc_text, organizations

#: Kinds of surface form, in the order they are reported.
FORM_KINDS: tuple[str, ...] = model.KINDS

_REGION = "__REGION__"
_CUE = "__CUE__::"
_HOMONYM = "__HOMONYM__::"

#: Country names that are also the name of another place, with phrases that show the
#: other place is meant when the text holds one of them and none of the country's own
#: cues ("Atlanta, Georgia", "Georgia's governor Brian Kemp").
HOMONYMS: Mapping[str, tuple[str, frozenset[str], frozenset[str]]] = MappingProxyType(
    {
        "Georgia": (
            "the US state",
            frozenset(
                {
                    "Atlanta",
                    "Fulton County",
                    "Savannah",
                    "Macon",
                    "Kemp",
                    "Raffensperger",
                    "Peach State",
                    "state of Georgia",
                    "Georgia state",
                    "Georgia Senate",
                    "Georgia legislature",
                    "Georgia Republicans",
                    "Georgia Democrats",
                    "Georgia voters",
                    "Georgia Tech",
                }
            ),  # fmt: skip
            frozenset({"Tbilisi", "Georgian", "Georgians", "Caucasus", "Georgian Dream"}),
        )
    }
)


@dataclass(frozen=True)
class CountryMention:
    """A country found in a text.

    ``iso3`` is the country's code (see :mod:`analysis.countries`), or ``None``
    when the form is ambiguous and the text does not decide it; ``candidates``
    then lists the possible codes (it is empty for a resolved mention).

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> [(m.iso3, m.candidates) for m in find_countries(load_pipeline()("Korea protested."))]
    [(None, ('KOR', 'PRK'))]
    """

    iso3: str | None
    text: str
    kind: str
    start: int
    end: int
    token_start: int
    token_end: int
    candidates: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def gazetteer() -> Mapping[str, model.Country]:
    """Return every country the text can name, keyed by code (a read-only view).

    Current countries, territories and disputed entities, plus the former
    states whose names the gazetteer lists ("Soviet Union").

    Examples
    --------
    >>> g = gazetteer()
    >>> g["JPN"].name, "Japanese" in g["JPN"].demonyms, "Kremlin" in g["RUS"].seats
    ('Japan', True, True)
    """
    codes = {code for f in model.surface_forms() for code in f.codes}
    return MappingProxyType(
        {c: model.get(c) for c in model.codes(include_former=True) if c in codes}
    )


@lru_cache(maxsize=1)
def regions() -> tuple[str, ...]:
    """Return region, sea and event names that are never countries.

    Examples
    --------
    >>> "Asia-Pacific" in regions() and "Sea of Japan" in regions()
    True
    """
    with open(verified(DATA_DIR / "regions.csv"), encoding="utf-8", newline="") as fh:
        return tuple(row["name"] for row in csv.DictReader(fh))


def _strip_the(form: str) -> str:
    return form[4:] if form[:4] in ("The ", "the ") else form


@lru_cache(maxsize=1)
def _forms() -> Mapping[str, tuple[tuple[str, ...], str, str]]:
    """Lower-cased form → (codes, kind, form as written); the first form of a key wins."""
    index: dict[str, tuple[tuple[str, ...], str, str]] = {}
    for f in model.surface_forms():
        form = _strip_the(f.form)
        index.setdefault(form.lower(), (f.codes, f.kind, form))
    return MappingProxyType(index)


@lru_cache(maxsize=1)
def form_index() -> Mapping[str, tuple[str, str, str]]:
    """Map each lower-cased surface form to ``(code, kind, form as written)``.

    An ambiguous form ("korea") has the empty string as its code.

    Examples
    --------
    >>> form_index()["kremlin"], form_index()["korea"][0]
    (('RUS', 'seat', 'Kremlin'), '')
    """
    return MappingProxyType(
        {
            low: (codes[0] if len(codes) == 1 else "", kind, form)
            for low, (codes, kind, form) in _forms().items()
        }
    )


def resolve_country(value: str) -> str:
    """Return the code for a country name, alias, demonym, capital, seat or code.

    The same resolver as :func:`analysis.countries.resolve` with ``forms=True``.

    Raises
    ------
    UnknownCountryError
        When nothing matches (with close suggestions).
    AmbiguousCountryError
        When the form fits several countries ("Korean").

    Examples
    --------
    >>> [resolve_country(v) for v in ("the Russian Federation", "Finnish", "kor")]
    ['RUS', 'FIN', 'KOR']
    """
    return model.resolve(value, forms=True).code


_MATCHERS: dict[int, tuple[PhraseMatcher, dict[int, tuple[tuple[str, ...], str, str]]]] = {}


@lru_cache(maxsize=1)
def _tokenizer() -> Language:
    return spacy.blank("en")


def phrase_doc(vocab: Vocab, text: str) -> Doc:
    """Tokenize ``text`` with the English rules into a Doc sharing ``vocab``.

    Examples
    --------
    >>> from spacy.vocab import Vocab
    >>> [t.text for t in phrase_doc(Vocab(), "Russia's")]
    ['Russia', "'s"]
    """
    toks = _tokenizer().make_doc(text)
    return Doc(vocab, words=[t.text for t in toks], spaces=[bool(t.whitespace_) for t in toks])


def _matcher(vocab: Vocab) -> tuple[PhraseMatcher, dict[int, tuple[tuple[str, ...], str, str]]]:
    key = id(vocab)
    if key in _MATCHERS:
        return _MATCHERS[key]
    matcher = PhraseMatcher(vocab, attr="LOWER")
    keys: dict[int, tuple[tuple[str, ...], str, str]] = {}
    for lower, info in _forms().items():
        label = f"C::{lower}"
        matcher.add(label, [phrase_doc(vocab, info[2])])
        keys[vocab.strings[label]] = info
    for cue, codes in model.context_cues().items():
        label = _CUE + cue
        matcher.add(label, [phrase_doc(vocab, cue)])
        keys[vocab.strings[label]] = (codes, "cue", cue)
    matcher.add(_REGION, [phrase_doc(vocab, r) for r in regions()])
    for form, (_, other, own) in HOMONYMS.items():
        matcher.add(_HOMONYM + form, [phrase_doc(vocab, c) for c in other])
        matcher.add(_HOMONYM + form + "::own", [phrase_doc(vocab, c) for c in own])
    _MATCHERS[key] = (matcher, keys)
    return matcher, keys


def _case_ok(written: str, form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return written.replace(" ", "") == form.replace(" ", "")  # acronyms: exact
    return written[:1].isupper() or not written[:1].isalpha()


#: Words before a capital that make it a place ("reporters in Beijing"), not a government.
LOCATIVE_WORDS: frozenset[str] = frozenset(
    {
        "in", "at", "from", "near", "to", "into", "outside", "around", "via", "across",
        "toward", "towards", "through", "inside", "visit", "visited", "visiting", "visits",
    }
)  # fmt: skip


def _is_place_not_government(doc: Doc, start: int, end: int) -> bool:
    """True when a capital or seat of power names a place, not a government.

    Two signs: a dateline ("STOCKHOLM (AP) —" at the start of a line), and a
    locative word just before it ("a news conference in Tokyo", "visited Kyiv"),
    unless it is possessive ("in Moscow's view" still speaks of the government).

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> _is_place_not_government(nlp("He spoke to reporters in Beijing."), 5, 6)
    True
    >>> _is_place_not_government(nlp("Beijing criticised the plan."), 0, 1)
    False
    """
    span = doc[start:end]
    if end < len(doc) and doc[end].text in {"'s", "’s"}:
        return False
    line_start = span.start_char == 0 or doc_text(doc)[span.start_char - 1] == "\n"
    if (
        line_start
        and span.text.isupper()
        and end < len(doc)
        and doc[end].text in {"(", ",", "—", "–", "-"}
    ):
        return True
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE_WORDS


#: Capitalised heads that make a country name part of a geographic feature's name
#: ("Niger River", "Congo Basin", "Philippine Sea", "Jordan Valley").
FEATURE_HEADS: frozenset[str] = frozenset(
    {"River", "Delta", "Basin", "Valley", "Sea", "Strait", "Straits", "Gulf", "Bay",
     "Lake", "Mountains", "Plateau", "Desert", "Trench", "Ridge", "Rift"}
)  # fmt: skip


def _is_feature_name(doc: Doc, start: int, end: int) -> bool:
    """True when the match is the first part of a geographic feature's name.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> _is_feature_name(nlp("Boats sailed up the Niger River."), 4, 5)
    True
    >>> _is_feature_name(nlp("Niger River traders and Niger agreed."), 4, 5)
    False
    """
    return end < len(doc) and doc[end].text in FEATURE_HEADS


#: Words after a demonym that make it a language ("Korean Service", "French speakers").
LANGUAGE_NEXT: frozenset[str] = frozenset(
    {"language", "languages", "speaker", "speakers", "speaking", "translation",
     "translations", "subtitles", "service", "dub", "dubbed", "version", "edition",
     "lessons", "classes", "teacher", "teachers", "proficiency", "literature"}
)  # fmt: skip
#: Words before a demonym used as a noun that make it a language ("spoke in French").
LANGUAGE_PREV: frozenset[str] = frozenset(
    {"in", "into", "from", "speak", "speaks", "spoke", "speaking", "spoken", "learn",
     "learned", "learning", "teach", "taught", "translated", "fluent"}
)  # fmt: skip


def _is_language(doc: Doc, start: int, end: int) -> bool:
    """True when a demonym names a language, not the people or country.

    Either a language word follows it ("Korean Service", "English-language daily",
    "French speakers"), or it stands alone as a noun after "in", "speak", "into"…
    ("the lessons were in French").

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> _is_language(nlp("He answered in French and left."), 3, 4)
    True
    >>> _is_language(nlp("He sailed in French waters."), 3, 4)
    False
    """
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.text in {"-", "–"} and end + 1 < len(doc):
        nxt = doc[end + 1]  # "English-language"
    if nxt is not None and nxt.lower_ in LANGUAGE_NEXT:
        return True
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.lower_ in {"and", "or"} and start >= 2:
        # "in English and French": the second of two languages
        first = doc[start - 2]
        if first.text[:1].isupper() and first.i >= 1 and doc[first.i - 1].lower_ in LANGUAGE_PREV:
            prev = doc[first.i - 1]
    if prev is None or prev.lower_ not in LANGUAGE_PREV:
        return False
    # a noun of its own ("in French."), not a modifier ("in French waters")
    return nxt is None or not (nxt.pos_ in {"NOUN", "PROPN"} and doc[end - 1].dep_ in
                               {"amod", "compound"})  # fmt: skip


#: Last words of company, media, school and team names that carry a country's name
#: without speaking for it ("Singapore Airlines", "Bank of England" is not here: banks
#: of a country are its central banks).
COMPANY_HEADS: frozenset[str] = frozenset(
    {"Airlines", "Airways", "Air", "Telecom", "Motors", "Electric", "Steel", "Petroleum",
     "Daily", "Times", "Post", "Herald", "Tribune", "Television", "TV", "Radio",
     "University", "College", "Institute", "FC", "Club", "Inc", "Inc.", "Ltd", "Ltd.",
     "Corp", "Corp.", "Corporation", "Group", "Holdings", "Railways"}
)  # fmt: skip


def _in_company_name(doc: Doc, start: int, end: int) -> bool:
    """True when a country's name is part of an organisation named after it.

    The match lies inside one ORG entity of the statistical model whose first or last
    word is in :data:`COMPANY_HEADS` ("Air India", "Singapore Airlines", "the
    Jerusalem Post"); a government body ("the Russian Defense Ministry") is not one.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> doc = nlp("Singapore Airlines cancelled flights.")
    >>> _in_company_name(doc, 0, 1)
    True
    """
    if doc[start].ent_type_ != "ORG":
        return False
    for e in doc.ents:  # only reached for a match inside an ORG entity
        if e.start <= start and end <= e.end and e.label_ == "ORG" and not e.ent_id_:
            words = [t.text for t in e if t.pos_ != "DET"]
            if e.end - e.start == end - start or not words:
                return False
            return words[0] in COMPANY_HEADS or words[-1] in COMPANY_HEADS
    return False


def _other_places(doc: Doc, raw: list[tuple[int, int, int]]) -> set[str]:
    """Homonym forms (:data:`HOMONYMS`) that name the other place in this text.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> doc = load_pipeline()("The storm hit Atlanta, Georgia.")
    >>> [(m.iso3, m.text) for m in find_countries(doc)]
    []
    >>> doc = load_pipeline()("Georgia's president spoke in Tbilisi.")
    >>> [(m.iso3, m.text) for m in find_countries(doc)]
    [('GEO', 'Georgia')]
    """
    if not HOMONYMS:
        return set()
    other: set[str] = set()
    own: set[str] = set()
    strings = doc.vocab.strings
    for match_id, _, _ in raw:
        label = strings[match_id]
        if not label.startswith(_HOMONYM):
            continue
        form = label[len(_HOMONYM) :]
        if form.endswith("::own"):
            own.add(form[: -len("::own")])
        else:
            other.add(form)
    return other - own


def _evidence(
    doc: Doc,
    raw: list[tuple[int, int, int]],
    keys: Mapping[int, tuple[tuple[str, ...], str, str]],
    in_region: list[bool],
) -> set[str]:
    """Codes the text names unambiguously, as evidence for its ambiguous forms.

    A form inside a longer form of another country is part of that name ("Republic
    of Korea" inside "Democratic People's Republic of Korea"), not evidence for its
    own country.
    """
    longest = [0] * (len(doc) + 1)
    longest_codes: list[tuple[str, ...]] = [()] * (len(doc) + 1)
    cased: dict[tuple[int, int, int], bool] = {}
    for match_id, start, end in raw:
        info = keys.get(match_id)
        if info is None:
            continue
        cased[(match_id, start, end)] = ok = _case_ok(doc[start:end].text, info[2])
        if not ok or info[1] == "cue":
            continue
        for i in range(start, end):
            if end - start > longest[i]:
                longest[i], longest_codes[i] = end - start, info[0]
    evidence: set[str] = set()
    for match_id, start, end in raw:
        info = keys.get(match_id)
        if info is None or len(info[0]) != 1 or any(in_region[start:end]):
            continue
        if longest[start] > end - start and info[0][0] not in longest_codes[start]:
            continue
        if cased.get((match_id, start, end), False):
            evidence.add(info[0][0])
    return evidence


def _decide(candidates: tuple[str, ...], evidence: set[str]) -> str | None:
    """The one candidate the rest of the text names, else ``None`` (never a guess)."""
    named = [c for c in candidates if c in evidence]
    return named[0] if len(named) == 1 else None


def find_countries(doc: Doc, *, names_only: bool = False) -> list[CountryMention]:
    """Find country mentions in a parsed document.

    Parameters
    ----------
    doc
        A document parsed with :func:`analysis.text.pipeline.load_pipeline`.
    names_only
        Keep only full country names of five letters or more (used for text that
        does not look like English, where short forms collide with other words).

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> doc = load_pipeline()("Moscow warned Tokyo. Japanese ships sailed the Sea of Japan.")
    >>> [(m.iso3, m.kind) for m in find_countries(doc)]
    [('RUS', 'capital'), ('JPN', 'capital'), ('JPN', 'demonym')]
    >>> doc = load_pipeline()("Korea's president Yoon spoke. Korean exports grew.")
    >>> [(m.iso3, m.text) for m in find_countries(doc)]
    [('KOR', 'Korea'), ('KOR', 'Korean')]
    """
    matcher, keys = _matcher(doc.vocab)
    raw = matcher(doc)
    region_id = doc.vocab.strings[_REGION]
    in_region = [False] * (len(doc) + 1)
    for match_id, start, end in raw:
        if match_id == region_id:
            for i in range(start, end):
                in_region[i] = True
    other_place = _other_places(doc, raw)
    # what the text names unambiguously anywhere (even as a place or inside a
    # longer match of the same country) decides its ambiguous forms; only worked out
    # when some form is ambiguous
    ambiguous = any(len(keys[m][0]) > 1 for m, _, _ in raw if m in keys)
    evidence = _evidence(doc, raw, keys, in_region) if ambiguous else set()
    # longest match wins; regions block the countries they contain
    raw_sorted = sorted(raw, key=lambda m: (-(m[2] - m[1]), m[1]))
    taken = [False] * (len(doc) + 1)
    # tokens inside a person's name or a news outlet's name ("Korea Herald"): entities
    # do not overlap, so a per-token flag answers "inside one?" in O(length)
    block_of = [-1] * (len(doc) + 1)
    news = {name for name, info in organizations().items() if info.type == "news"}
    whole_person: set[tuple[int, int]] = set()  # PERSON entities that are one form only
    ents = doc.ents
    # a one-word PERSON that is the surname of a person named in full is that person
    # ("Volker Turk … said Turk"), never the demonym it looks like
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    for ent in ents:
        if ent.label_ == "PERSON" or (ent.label_ == "ORG" and ent.ent_id_ in news):
            for i in range(ent.start, ent.end):
                block_of[i] = ent.start
            if ent.label_ == "PERSON" and ent.text not in surnames:
                whole_person.add((ent.start, ent.end))
    found: list[CountryMention] = []
    for match_id, start, end in raw_sorted:
        if any(taken[start:end]):
            continue
        span: Span = doc[start:end]
        if match_id == region_id:
            for i in range(start, end):
                taken[i] = True
            continue
        info = keys.get(match_id)
        if info is None or info[1] == "cue":
            continue
        codes, kind, form = info
        if not _case_ok(span.text, form):
            continue
        if (
            block_of[start] >= 0
            and block_of[start] == block_of[end - 1]
            and (start, end) not in whole_person  # "Azerbaijani" tagged PERSON is no name
        ):
            continue  # the match lies inside one blocking entity
        if names_only and (kind != "name" or len(form) < 5):
            continue
        if kind in {"capital", "seat"} and _is_place_not_government(doc, start, end):
            continue
        if _is_feature_name(doc, start, end):
            continue
        if form in other_place:
            continue  # "Atlanta, Georgia": the text speaks of the other place
        if kind == "demonym" and _is_language(doc, start, end):
            continue  # "spoke in French", "VOA's Korean Service", "English-language"
        if kind in {"name", "demonym", "capital"} and _in_company_name(doc, start, end):
            continue  # "Air India", "Singapore Airlines", "Bank of England"
        for i in range(start, end):
            taken[i] = True
        code = codes[0] if len(codes) == 1 else _decide(codes, evidence)
        found.append(
            CountryMention(
                code,
                span.text,
                kind,
                span.start_char,
                span.end_char,
                start,
                end,
                () if code is not None else codes,
            )
        )
    found.sort(key=lambda m: m.start)
    return found


_DATELINE = re.compile(
    r"(?P<dl>[^\W\d_][^\n—–]{1,60}?)(?:\s*\((?:AP|AFP|Reuters|VOA)\))?\s+(?:—|–|--)\s+(?=\S)"
)
_DATELINE_STOP = frozenset(
    {"the", "a", "an", "on", "in", "at", "is", "was", "are", "were", "has", "have", "said", "of",
     "and", "to", "for", "with", "by"}
)  # fmt: skip


def find_dateline(text: str) -> tuple[int, int] | None:
    """The dateline at the start of the first body paragraph ("SEOUL/TOKYO —"), if any.

    A dateline is a short place phrase (at most six words, no function words)
    followed by a dash, right after the headline.  Returns its character range.

    Examples
    --------
    >>> t = "Headline\\n\\nDUBAI, United Arab Emirates (AP) — A drone went down."
    >>> s, e = find_dateline(t); t[s:e]
    'DUBAI, United Arab Emirates'
    >>> find_dateline("Headline\\n\\nFormer President Trump on Tuesday declared — again.") is None
    True
    """
    first = text.find("\n")
    if first < 0:
        return None
    body = first
    while body < len(text) and text[body].isspace():
        body += 1
    m = _DATELINE.match(text, body)
    if m is None:
        return None
    words = re.findall(r"[^\W\d_]+", m.group("dl"))
    if not words or len(words) > 6 or any(w.lower() in _DATELINE_STOP for w in words):
        return None
    return m.start("dl"), m.end("dl")
