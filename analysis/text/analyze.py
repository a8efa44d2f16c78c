"""Analyse news articles into tables: entities, countries, people, organisations,
dates, quotes and check-worthy claims.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from analysis.articles import Article, make_article
from analysis.claims import CLAIM_COLUMNS, Claim, claims_from
from analysis.countries import get as get_country
from analysis.dates import as_date
from analysis.errors import BadInputError
from analysis.text.claims import find_claims
from analysis.text.countries import find_countries
from analysis.text.dates import find_dates
from analysis.text.people import build_registry
from analysis.text.pipeline import doc_text, load_pipeline, sentences
from analysis.text.quotes import extract_quotes, find_quote_spans

ENTITY_COLUMNS = ["text", "label", "start", "end", "sentence", "canonical", "source"]
COUNTRY_COLUMNS = ["iso3", "name", "mentions", "forms", "kinds", "first", "candidates"]
PERSON_COLUMNS = ["id", "name", "mentions", "aliases", "title", "affiliation", "first"]
ORG_COLUMNS = ["id", "name", "mentions", "aliases", "type", "first"]
DATE_COLUMNS = ["text", "iso", "granularity", "start", "end", "sentence", "relative"]
QUOTE_COLUMNS = [
    "text", "kind", "speaker", "cue", "start", "end", "sentence", "speaker_text",
    "speaker_id", "speakers", "speaker_ids", "attribution", "speaker_start", "speaker_end",
    "cue_start", "cue_end",
]  # fmt: skip

#: Frequent function words of other languages written in Latin script (not English words).
_FOREIGN_STOP = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "mit",
        "von",
        "zu",
        "den",
        "dem",
        "des",
        "im",
        "sich",
        "auch",
        "auf",
        "eine",
        "einen",
        "ein",
        "wird",
        "le",
        "la",
        "les",
        "et",
        "est",
        "une",
        "des",
        "du",
        "au",
        "aux",
        "pour",
        "pas",
        "sur",
        "dans",
        "qui",
        "que",
        "ce",
        "sont",
        "avec",
        "el",
        "los",
        "las",
        "y",
        "es",
        "una",
        "del",
        "por",
        "para",
        "con",
        "se",
        "lo",
        "como",
        "pero",
        "sus",
        "il",
        "di",
        "che",
        "della",
        "sono",
        "per",
        "non",
        "gli",
        "nel",
        "alla",
        "och",
        "att",
        "det",
        "som",
        "för",
        "med",
        "av",
        "på",
        "är",
        "inte",
        "ja",
        "ei",
        "se",
        "että",
        "mutta",
        "ovat",
        "oli",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass
class Analysis:
    """What one article says, as DataFrames (one per kind of finding).

    Attributes
    ----------
    article
        ``title``, ``published`` (ISO date or ``None``) and ``words``.
    text
        The analysed text (furniture removed); every offset refers to it.
    english
        ``False`` when the text does not look like English.
    """

    article: dict[str, Any]
    text: str
    entities: pd.DataFrame
    countries: pd.DataFrame
    people: pd.DataFrame
    organizations: pd.DataFrame
    dates: pd.DataFrame
    quotes: pd.DataFrame
    claims: pd.DataFrame
    english: bool = True
    notes: list[str] = field(default_factory=list)

    TABLES = ("entities", "countries", "people", "organizations", "dates", "quotes", "claims")

    def claim_list(self) -> list[Claim]:
        """The claims as :class:`analysis.claims.Claim` objects (what the checkers take).

        Examples
        --------
        >>> analyze("Finland joined NATO on April 4.", "2023-05-10").claim_list()[0].dates[0].iso
        '2023-04-04'
        """
        return claims_from(self)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: ``article`` plus one list of records per table.

        Examples
        --------
        >>> sorted(analyze("Japan joined.").to_dict())[:3]
        ['article', 'claims', 'countries']
        """
        from analysis.serialize import records

        out: dict[str, Any] = {"article": dict(self.article)}
        for name in self.TABLES:
            out[name] = records(getattr(self, name))
        return out


def looks_english(text: str) -> bool:
    """Guess whether ``text`` is English from its share of English stop words.

    Examples
    --------
    >>> looks_english("The minister said that the talks were going well."), looks_english(
    ...     "Die Regierung hat am Dienstag neue Gespräche angekündigt und verschoben.")
    (True, False)
    """
    words = _WORD.findall(text[:20000])
    if len(words) < 6:
        return True
    lower = [w.lower() for w in words]
    ascii_share = sum(w.isascii() for w in words) / len(words)
    stop_share = sum(w in STOP_WORDS for w in lower) / len(words)
    foreign_share = sum(w in _FOREIGN_STOP for w in lower) / len(words)
    if ascii_share < 0.7 or foreign_share > stop_share:
        return False
    return len(words) < 15 or stop_share >= 0.18


def _prepare(item: str | Article, published: date | str | None) -> Article:
    if isinstance(item, Article):
        if published is not None:
            day = as_date(published, "published", optional=True)
            return Article(
                item.id, item.title, item.text, day, item.metadata, item.path, item.removed
            )
        return item
    if not isinstance(item, str):
        raise BadInputError(f"expected article text (str), got {type(item).__name__}")
    return make_article(item, published=as_date(published, "published", optional=True))


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def analyze_doc(doc: Doc, article: Article) -> Analysis:
    """Build the :class:`Analysis` of an already parsed article (used by :func:`analyze_many`).

    Examples
    --------
    >>> nlp = load_pipeline()
    >>> art = make_article("Finland joined NATO on April 4.", published="2023-05-10")
    >>> analyze_doc(nlp(art.text), art).dates["iso"].tolist()
    ['2023-04-04']
    """
    text = doc_text(doc)
    english = looks_english(text)
    notes: list[str] = []
    if not english:
        msg = (
            "text does not look like English; only full country names and known "
            "organisations are reported, no people"
        )
        warnings.warn(msg, UserWarning, stacklevel=3)
        notes.append(msg)
    sents = sentences(doc)
    sent_ranges = [(s.start_char, s.end_char) for s in sents]
    starts = [a for a, _ in sent_ranges]

    def sent_index(pos: int) -> int:
        from bisect import bisect_right

        return max(0, bisect_right(starts, pos) - 1)

    spans = find_quote_spans(text)
    registry = build_registry(doc, [(q.start, q.end) for q in spans])
    countries = find_countries(doc, names_only=not english)
    dates = find_dates(text, article.published, doc=doc, sentences=sent_ranges)
    quotes = extract_quotes(doc, registry, spans)
    claims = find_claims(doc, registry, countries, dates, spans)

    # entities ---------------------------------------------------------------------
    country_at = {(c.start, c.end): c for c in countries}
    date_at = {d.start: d for d in dates}
    rows: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for ent in doc.ents:
        canonical = ent.text
        found = registry.at(ent.start_char, ent.end_char)
        if ent.label_ in {"PERSON", "ORG"} and found is not None:
            canonical = found.name
        elif ent.label_ == "ORG" and ent.ent_id_:
            canonical = ent.ent_id_
        else:
            hit = next(
                (c for (s, e), c in country_at.items() if s < ent.end_char and ent.start_char < e),
                None,
            )
            if hit is not None and ent.label_ in {"GPE", "NORP", "LOC", "FAC", "ORG"}:
                canonical = get_country(hit.iso3).name if hit.iso3 else hit.text
            elif ent.label_ == "DATE":
                d = next(
                    (d for s, d in date_at.items() if ent.start_char <= s < ent.end_char), None
                )
                canonical = (d.iso or ent.text) if d else ent.text
        source = "ruler" if ent.ent_id_ else "ner"
        rows.append(
            dict(text=ent.text, label=ent.label_, start=ent.start_char, end=ent.end_char,
                 sentence=sent_index(ent.start_char), canonical=canonical, source=source)
        )  # fmt: skip
        seen.add((ent.start_char, ent.end_char))
    for item in registry.organizations + registry.people:
        for s, e, surface in item.mentions:
            if (s, e) in seen or any(r["start"] <= s < r["end"] for r in rows):
                continue
            if surface.lower() in {"he", "him", "his", "she", "her", "hers"}:
                continue
            rows.append(
                dict(text=surface, label="ORG" if item.kind == "org" else "PERSON", start=s, end=e,
                     sentence=sent_index(s), canonical=item.name, source="alias")
            )  # fmt: skip
    rows.sort(key=lambda r: r["start"])
    if not english:  # the English model's guesses on other languages are noise
        rows = [r for r in rows if r["source"] == "ruler"]
    entities = _frame(rows, ENTITY_COLUMNS)

    # countries ----------------------------------------------------------------------
    # one row per country; an ambiguous form the text does not decide gets its own
    # row (iso3 None, name = the form as written) with its candidate codes
    by_key: dict[tuple[str | None, str], dict[str, Any]] = {}
    for c in countries:
        key = (c.iso3, "" if c.iso3 else c.text.lower())
        if key not in by_key:
            name = get_country(c.iso3).name if c.iso3 else c.text
            by_key[key] = dict(iso3=c.iso3, name=name, mentions=0, forms=[], kinds=[],
                               first=c.start, candidates=list(c.candidates))  # fmt: skip
        row = by_key[key]
        row["mentions"] += 1
        if c.text not in row["forms"]:
            row["forms"].append(c.text)
        if c.kind not in row["kinds"]:
            row["kinds"].append(c.kind)
    country_rows = sorted(by_key.values(), key=lambda r: (-r["mentions"], r["first"]))

    def entity_rows(items: list[Any], person: bool) -> list[dict[str, Any]]:
        out = []
        for ent in items:
            first = min(s for s, _, _ in ent.mentions)
            row: dict[str, Any] = dict(
                id=ent.id, name=ent.name, mentions=len(ent.mentions), aliases=ent.aliases
            )
            if person:
                row.update(title=ent.title or None, affiliation=ent.affiliation or None)
            else:
                row.update(type=ent.org_type or None)
            row["first"] = first
            out.append(row)
        return sorted(out, key=lambda r: (-r["mentions"], r["first"]))

    date_rows = [
        dict(text=d.text, iso=d.iso, granularity=d.granularity, start=d.start, end=d.end,
             sentence=sent_index(d.start), relative=d.relative)
        for d in dates
    ]  # fmt: skip
    quote_rows = [
        dict(text=q.text, kind=q.kind, speaker=q.speaker, cue=q.cue, start=q.start, end=q.end,
             sentence=sent_index(q.start), speaker_text=q.speaker_text,
             speaker_id=q.speaker_id, speakers=q.speakers,
             speaker_ids=[e.id for e in q.joint] if q.joint else
             ([q.speaker_id] if q.speaker_id else []),
             attribution=q.attribution, speaker_start=q.speaker_start,
             speaker_end=q.speaker_end, cue_start=q.cue_start, cue_end=q.cue_end)
        for q in quotes
    ]  # fmt: skip
    claim_rows = [c.with_published(article.published).to_record() for c in claims]
    return Analysis(
        article={
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "words": article.words,
        },
        text=text,
        entities=entities,
        countries=_frame(country_rows, COUNTRY_COLUMNS),
        people=_frame(entity_rows(registry.people if english else [], True), PERSON_COLUMNS),
        organizations=_frame(
            entity_rows([o for o in registry.organizations if english or o.org_type], False),
            ORG_COLUMNS,
        ),
        dates=_frame(date_rows, DATE_COLUMNS),
        quotes=_frame(quote_rows, QUOTE_COLUMNS),
        claims=_frame(claim_rows, CLAIM_COLUMNS),
        english=english,
        notes=notes,
    )


def analyze(
    text: str | Article, published: date | str | None = None, *, nlp: Language | None = None
) -> Analysis:
    """Analyse one article.

    Parameters
    ----------
    text
        Raw article text (page furniture is stripped first; offsets refer to the
        stripped text, ``Analysis.text``) or an :class:`~analysis.articles.Article`.
    published
        Publication date (``date`` or ``YYYY-MM-DD``) for resolving relative dates;
        overrides an Article's own date.
    nlp
        A pipeline from :func:`load_pipeline` (default: the cached one).

    Raises
    ------
    BadInputError
        For empty, whitespace-only or binary-looking text.

    Examples
    --------
    >>> a = analyze("Finland joined NATO on April 4, becoming its 31st member.", "2023-05-10")
    >>> a.countries["iso3"].tolist(), a.dates["iso"].tolist(), a.claims["kinds"].tolist()
    (['FIN'], ['2023-04-04'], [['ordinal', 'membership', 'dated_event']])
    """
    article = _prepare(text, published)
    pipeline = nlp or load_pipeline()
    return analyze_doc(pipeline(article.text), article)


def analyze_many(
    texts: Iterable[str | Article | tuple[str | Article, date | str | None]],
    n_process: int = 1,
    batch_size: int = 16,
    published: date | str | None = None,
    *,
    nlp: Language | None = None,
) -> Iterator[Analysis]:
    """Analyse many articles, streaming them through ``nlp.pipe``.

    Parameters
    ----------
    texts
        Article texts, :class:`~analysis.articles.Article` objects, or
        ``(text, published)`` pairs.
    n_process, batch_size
        Passed to :meth:`spacy.language.Language.pipe`.
    published
        Default publication date for items that carry none.

    Yields
    ------
    Analysis
        One per input, in input order.

    Examples
    --------
    >>> runs = analyze_many(["Japan spoke.", ("Seoul replied.", None)])
    >>> [a.countries["iso3"].tolist() for a in runs]
    [['JPN'], ['KOR']]
    """
    pipeline = nlp or load_pipeline()

    def prepared() -> Iterator[tuple[str, Article]]:
        for item in texts:
            if isinstance(item, tuple):
                body, pub = item
                article = _prepare(body, pub if pub is not None else published)
            else:
                article = _prepare(item, None)
                if article.published is None and published is not None:
                    article = _prepare(article, published)
            yield article.text, article

    for doc, article in pipeline.pipe(
        prepared(), as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        yield analyze_doc(doc, article)
