"""Countries mentioned in a text: names, aliases, demonyms, capitals and seats of power.

Matching uses the packaged gazetteer (``data/countries.csv``) with a spaCy
:class:`~spacy.matcher.PhraseMatcher` on lower-cased tokens, then keeps a match
only when its case fits (acronyms such as "US" must be upper case, other forms
must start with a capital, so "us" and "turkey" are never countries), it is not
part of a longer region or sea ("Sea of Japan", "Korean Peninsula"), and it does
not fall inside a person's name or a news organisation ("The Japan Times").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from analysis._data import verified
from analysis.errors import UnknownCountryError
from analysis.text.pipeline import DATA_DIR, doc_text, organizations

#: Kinds of surface form, in the order they are reported.
FORM_KINDS: tuple[str, ...] = ("name", "demonym", "capital", "seat")

_REGION = "__REGION__"


@dataclass(frozen=True)
class Country:
    """One gazetteer row."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True)
class CountryMention:
    """A country found in a text."""

    iso3: str
    text: str
    kind: str
    start: int
    end: int
    token_start: int
    token_end: int


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Country]:
    """Return the packaged country gazetteer keyed by ISO 3166-1 alpha-3 code.

    Examples
    --------
    >>> g = gazetteer()
    >>> g["JPN"].name, "Japanese" in g["JPN"].demonyms, "Kremlin" in g["RUS"].seats
    ('Japan', True, True)
    """
    out: dict[str, Country] = {}
    with open(verified(DATA_DIR / "countries.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["iso3"]] = Country(
                iso3=row["iso3"],
                name=row["name"],
                aliases=_split(row["aliases"]),
                demonyms=_split(row["demonyms"]),
                capitals=_split(row["capitals"]),
                seats=_split(row["seats"]),
            )
    return out


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
    return form[4:] if form.startswith("The ") else form


@lru_cache(maxsize=1)
def form_index() -> dict[str, tuple[str, str, str]]:
    """Map each lower-cased surface form to ``(iso3, kind, form as written)``.

    Examples
    --------
    >>> form_index()["kremlin"]
    ('RUS', 'seat', 'Kremlin')
    """
    index: dict[str, tuple[str, str, str]] = {}
    for c in gazetteer().values():
        groups = (
            ("name", (c.name, *c.aliases)),
            ("demonym", c.demonyms),
            ("capital", c.capitals),
            ("seat", c.seats),
        )
        for kind, forms in groups:
            for form in forms:
                form = _strip_the(form)
                index.setdefault(form.lower(), (c.iso3, kind, form))
    return index


def resolve_country(value: str) -> str:
    """Return the ISO3 code for a country name, alias, demonym, capital or code.

    Raises
    ------
    UnknownCountryError
        When nothing matches.

    Examples
    --------
    >>> [resolve_country(v) for v in ("the Russian Federation", "Finnish", "kor")]
    ['RUS', 'FIN', 'KOR']
    """
    key = value.strip()
    if key.lower().startswith("the "):
        key = key[4:]
    if key.upper() in gazetteer():
        return key.upper()
    hit = form_index().get(key.lower())
    if hit is None:
        import difflib

        close = difflib.get_close_matches(key.lower(), list(form_index()), n=3)
        raise UnknownCountryError(value, [form_index()[c][2] for c in close])
    return hit[0]


_MATCHERS: dict[int, tuple[PhraseMatcher, dict[int, tuple[str, str, str]]]] = {}


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


def _matcher(vocab: Vocab) -> tuple[PhraseMatcher, dict[int, tuple[str, str, str]]]:
    key = id(vocab)
    if key in _MATCHERS:
        return _MATCHERS[key]
    matcher = PhraseMatcher(vocab, attr="LOWER")
    keys: dict[int, tuple[str, str, str]] = {}
    for lower, info in form_index().items():
        label = f"C::{lower}"
        matcher.add(label, [phrase_doc(vocab, info[2])])
        keys[vocab.strings[label]] = info
    matcher.add(_REGION, [phrase_doc(vocab, r) for r in regions()])
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
    """
    matcher, keys = _matcher(doc.vocab)
    raw = matcher(doc)
    # longest match wins; regions block the countries they contain
    raw_sorted = sorted(raw, key=lambda m: (-(m[2] - m[1]), m[1]))
    taken = [False] * (len(doc) + 1)
    blocked: list[tuple[int, int]] = []
    news = {name for name, info in organizations().items() if info.type == "news"}
    for ent in doc.ents:
        if ent.label_ == "PERSON" or (ent.label_ == "ORG" and ent.ent_id_ in news):
            blocked.append((ent.start, ent.end))
    found: list[CountryMention] = []
    for match_id, start, end in raw_sorted:
        if any(taken[start:end]):
            continue
        span: Span = doc[start:end]
        if match_id == doc.vocab.strings[_REGION]:
            for i in range(start, end):
                taken[i] = True
            continue
        info = keys.get(match_id)
        if info is None:
            continue
        iso3, kind, form = info
        if not _case_ok(span.text, form):
            continue
        if any(bs <= start and end <= be for bs, be in blocked):
            continue
        if names_only and (kind != "name" or len(form) < 5):
            continue
        if kind in {"capital", "seat"} and _is_place_not_government(doc, start, end):
            continue
        for i in range(start, end):
            taken[i] = True
        found.append(
            CountryMention(iso3, span.text, kind, span.start_char, span.end_char, start, end)
        )
    found.sort(key=lambda m: m.start)
    return found
