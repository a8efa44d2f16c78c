"""Analyse news articles into tables: entities, countries, people, organisations,
dates, quotes and check-worthy claims.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from analysis.articles import Article, make_article
from analysis.claims import CLAIM_COLUMNS, Claim, claims_from
from analysis.countries import get as get_country
from analysis.dates import as_date
from analysis.errors import BadInputError
from analysis.text.batching import pipe_long
from analysis.text.claims import find_claims
from analysis.text.countries import find_countries, find_dateline
from analysis.text.dates import bounds, find_dates
from analysis.text.people import build_registry
from analysis.text.pipeline import doc_text, load_pipeline, model_of, sentences
from analysis.text.quotes import extract_quotes, find_quote_spans

ENTITY_COLUMNS = ["text", "label", "start", "end", "sentence", "canonical", "source"]
COUNTRY_COLUMNS = ["iso3", "name", "mentions", "forms", "kinds", "first", "candidates"]
PERSON_COLUMNS = ["id", "name", "mentions", "aliases", "title", "affiliation", "first"]
ORG_COLUMNS = ["id", "name", "mentions", "aliases", "type", "first"]
DATE_COLUMNS = [
    "text", "iso", "granularity", "start", "end", "sentence", "relative", "first_day", "last_day",
]  # fmt: skip
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


class Table:
    """One table of an :class:`Analysis`: its rows as built, its DataFrame on demand.

    The extraction builds plain row dicts; most consumers (the JSON output, the corpus
    writers, the checkers) want exactly those, so the DataFrame is only built when
    someone asks for it, and then once.

    Examples
    --------
    >>> t = Table([{"iso3": "FIN", "mentions": 2}], ["iso3", "mentions"])
    >>> t.records(), t.frame["mentions"].tolist()
    ([{'iso3': 'FIN', 'mentions': 2}], [2])
    """

    __slots__ = ("_frame", "columns", "rows")

    def __init__(self, rows: list[dict[str, Any]], columns: list[str]) -> None:
        self.rows = rows
        self.columns = columns
        self._frame: pd.DataFrame | None = None

    @classmethod
    def of(cls, frame: pd.DataFrame) -> Table:
        """A table around an existing DataFrame (its rows are read from it).

        Examples
        --------
        >>> Table.of(pd.DataFrame({"a": [1]})).records()
        [{'a': 1}]
        """
        from analysis.serialize import records

        table = cls(records(frame), [str(c) for c in frame.columns])
        table._frame = frame
        return table

    @property
    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame with the table's columns (built on first use)."""
        if self._frame is None:
            self._frame = _frame(self.rows, self.columns)
        return self._frame

    def records(self) -> list[dict[str, Any]]:
        """JSON-ready records: one dict per row with every column, in column order.

        The same values :func:`analysis.serialize.records` gives for :attr:`frame`
        (a missing value is ``None``), computed from the rows without pandas.
        """
        from analysis.serialize import jsonable

        cols = self.columns
        return [{c: jsonable(row.get(c)) for c in cols} for row in self.rows]


def _as_table(table: Table | pd.DataFrame) -> Table:
    return table if isinstance(table, Table) else Table.of(table)


def _table_property(name: str) -> property:
    def get(self: Analysis) -> pd.DataFrame:
        return self.tables[name].frame

    get.__doc__ = f"The ``{name}`` table as a DataFrame (built on first use)."
    return property(get)


class Analysis:
    """What one article says, as tables (one per kind of finding).

    Each table is a DataFrame attribute (``entities``, ``countries``, ``people``,
    ``organizations``, ``dates``, ``quotes``, ``claims``), built from the extracted rows
    the first time it is read; :meth:`to_dict` and :meth:`rows` use the rows directly.

    Attributes
    ----------
    article
        ``title``, ``published`` (ISO date or ``None``), ``words`` and provenance.
    text
        The analysed text (furniture removed); every offset refers to it.
    english
        ``False`` when the text does not look like English.
    notes
        Warnings about the analysis (also raised as ``UserWarning``).

    Examples
    --------
    >>> a = analyze("Finland joined NATO.")
    >>> a.countries["iso3"].tolist(), a.rows("countries")[0]["iso3"]
    (['FIN'], 'FIN')
    """

    TABLES = ("entities", "countries", "people", "organizations", "dates", "quotes", "claims")

    entities = _table_property("entities")
    countries = _table_property("countries")
    people = _table_property("people")
    organizations = _table_property("organizations")
    dates = _table_property("dates")
    quotes = _table_property("quotes")
    claims = _table_property("claims")

    def __init__(
        self,
        article: dict[str, Any],
        text: str,
        tables: dict[str, Table | pd.DataFrame],
        english: bool = True,
        notes: list[str] | None = None,
    ) -> None:
        missing = [n for n in self.TABLES if n not in tables]
        if missing:
            raise BadInputError(f"Analysis needs the tables {', '.join(missing)}")
        self.article = article
        self.text = text
        self.tables: dict[str, Table] = {n: _as_table(tables[n]) for n in self.TABLES}
        self.english = english
        self.notes = list(notes or [])

    def __repr__(self) -> str:
        sizes = ", ".join(f"{n}={len(self.tables[n].rows)}" for n in self.TABLES)
        return f"Analysis(title={self.article.get('title')!r}, {sizes})"

    def rows(self, name: str) -> list[dict[str, Any]]:
        """The rows of table ``name`` as extracted (dicts; do not modify them).

        Examples
        --------
        >>> analyze("Japan spoke.").rows("countries")[0]["name"]
        'Japan'
        """
        if name not in self.tables:
            raise BadInputError(f"no table {name!r}; the tables are {', '.join(self.TABLES)}")
        return self.tables[name].rows

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
        out: dict[str, Any] = {"article": dict(self.article)}
        for name in self.TABLES:
            out[name] = self.tables[name].records()
        return out


def looks_english(text: str) -> bool:
    """Guess whether ``text`` is English from its share of English stop words.

    Examples
    --------
    >>> looks_english("The minister said that the talks were going well."), looks_english(
    ...     "Die Regierung hat am Dienstag neue Gespräche angekündigt und verschoben.")
    (True, False)
    >>> looks_english("Chief Cabinet Secretary Yoshimasa Hayashi told reporters the launch "
    ...               "failed, adding the government presumes nothing reached space.")
    True
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
    # a short text full of names has few stop words ("Chief Cabinet Secretary Yoshimasa
    # Hayashi told reporters …"): under 40 words only another language's stop words
    # (above) make it foreign
    return len(words) < 40 or stop_share >= 0.18


def _prepare(item: str | Article, published: Any) -> Article:
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


#: Columns that hold a whole number or nothing (kept as Python ints and None, not floats).
_OPTIONAL_INTS = ("speaker_start", "speaker_end", "cue_start", "cue_end")


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for col in _OPTIONAL_INTS:
        if col in frame.columns:
            frame[col] = pd.Series([r[col] for r in rows], dtype=object, index=frame.index)
    return frame


def _relative_path(path: Path | str | None) -> str | None:
    """The article's path relative to the working directory when it lies under it."""
    if path is None:
        return None
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def provenance(doc: Doc) -> dict[str, str]:
    """Versions of what produced an analysis: package, spaCy, model, data.

    ``data_version`` is the first 12 hex digits of the SHA-256 of the text data's
    ``SHA256SUMS`` listing, so it changes whenever any packaged word list does.

    Examples
    --------
    >>> sorted(provenance(load_pipeline()("Japan.")))
    ['data_version', 'model', 'model_version', 'package_version', 'spacy_version']
    """
    meta = model_of(doc)
    return {
        "package_version": _package_version(),
        "spacy_version": spacy.__version__,
        "model": meta[0] if meta else "",
        "model_version": meta[1] if meta else "",
        "data_version": _data_version(),
    }


@lru_cache(maxsize=1)
def _package_version() -> str:
    try:
        return importlib.metadata.version("nato-border-analysis")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - not installed
        return "unknown"


@lru_cache(maxsize=1)
def _data_version() -> str:
    listing = Path(__file__).resolve().parent / "data" / "SHA256SUMS"
    return hashlib.sha256(listing.read_bytes()).hexdigest()[:12]


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
        return max(0, bisect_right(starts, pos) - 1)

    spans = find_quote_spans(text)
    registry = build_registry(doc, [(q.start, q.end) for q in spans])
    countries = find_countries(doc, names_only=not english)
    # a dateline ("DUBAI, United Arab Emirates —") says where the reporter was, not what
    # the article is about: flagged in the article record, not counted as a mention
    dateline = find_dateline(text)
    dateline_record: dict[str, Any] | None = None
    if dateline is not None:
        ds, de = dateline
        in_dateline = [c for c in countries if ds <= c.start < de]
        countries = [c for c in countries if not ds <= c.start < de]
        dateline_record = {
            "text": text[ds:de], "start": ds, "end": de,
            "countries": sorted({c.iso3 for c in in_dateline if c.iso3}),
        }  # fmt: skip
    dates = find_dates(text, article.published, doc=doc, sentences=sent_ranges)
    quotes = extract_quotes(doc, registry, spans)
    claims = find_claims(doc, registry, countries, dates, spans)

    # entities ---------------------------------------------------------------------
    # sorted starts for O(log n) overlap look-ups (countries and dates do not overlap)
    c_sorted = sorted(countries, key=lambda c: c.start)
    c_starts = [c.start for c in c_sorted]
    d_sorted = sorted(dates, key=lambda d: d.start)
    d_starts = [d.start for d in d_sorted]

    def country_over(s: int, e: int) -> Any:
        i = bisect_left(c_starts, e) - 1
        while i >= 0 and c_sorted[i].end > s:
            if c_sorted[i].start < e:
                return c_sorted[i]
            i -= 1
        return None

    def date_in(s: int, e: int) -> Any:
        i = bisect_left(d_starts, s)
        return d_sorted[i] if i < len(d_sorted) and d_sorted[i].start < e else None

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
            hit = country_over(ent.start_char, ent.end_char)
            if hit is not None and ent.label_ in {"GPE", "NORP", "LOC", "FAC", "ORG"}:
                canonical = get_country(hit.iso3).name if hit.iso3 else hit.text
            elif ent.label_ == "DATE":
                d = date_in(ent.start_char, ent.end_char)
                canonical = (d.iso or ent.text) if d else ent.text
        source = "ruler" if ent.ent_id_ else "ner"
        rows.append(
            dict(text=ent.text, label=ent.label_, start=ent.start_char, end=ent.end_char,
                 sentence=sent_index(ent.start_char), canonical=canonical, source=source)
        )  # fmt: skip
        seen.add((ent.start_char, ent.end_char))
    ent_starts = [r["start"] for r in rows]  # doc.ents are sorted and do not overlap
    ent_ends = [r["end"] for r in rows]

    def in_entity(pos: int) -> bool:
        i = bisect_right(ent_starts, pos) - 1
        return i >= 0 and pos < ent_ends[i]

    for item in registry.organizations + registry.people:
        for s, e, surface in item.mentions:
            if (s, e) in seen or in_entity(s):
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
             sentence=sent_index(d.start), relative=d.relative,
             first_day=bounds(d.iso, d.granularity)[0], last_day=bounds(d.iso, d.granularity)[1])
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
    people = entity_rows(registry.people if english else [], True)
    orgs = entity_rows([o for o in registry.organizations if english or o.org_type], False)
    return Analysis(
        article={
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "words": article.words,
            "path": _relative_path(article.path),
            "dateline": dateline_record,
            **provenance(doc),
        },
        text=text,
        tables={
            "entities": Table(rows, ENTITY_COLUMNS),
            "countries": Table(country_rows, COUNTRY_COLUMNS),
            "people": Table(people, PERSON_COLUMNS),
            "organizations": Table(orgs, ORG_COLUMNS),
            "dates": Table(date_rows, DATE_COLUMNS),
            "quotes": Table(quote_rows, QUOTE_COLUMNS),
            "claims": Table(claim_rows, CLAIM_COLUMNS),
        },
        english=english,
        notes=notes,
    )


def analyze(text: str | Article, published: Any = None, *, nlp: Language | None = None) -> Analysis:
    """Analyse one article.

    Parameters
    ----------
    text
        Raw article text (page furniture is stripped first; offsets refer to the
        stripped text, ``Analysis.text``) or an :class:`~analysis.articles.Article`.
    published
        Publication date for resolving relative dates, as anything
        :func:`analysis.dates.as_date` takes (``str``, ``date``, ``datetime``,
        ``pandas.Timestamp``, ``numpy.datetime64``; ``None`` or ``NaT`` for none);
        overrides an Article's own date.
    nlp
        A pipeline from :func:`load_pipeline` (default: the cached one).

    Raises
    ------
    BadInputError
        For empty, whitespace-only or binary-looking text, or a ``published`` that
        is not a date.

    Notes
    -----
    Texts longer than :data:`analysis.text.batching.CHUNK_CHARS` are parsed in
    paragraph batches (:func:`analysis.text.batching.pipe_long`), so the cost per
    character stays flat and memory bounded.

    Examples
    --------
    >>> a = analyze("Finland joined NATO on April 4, becoming its 31st member.", "2023-05-10")
    >>> a.countries["iso3"].tolist(), a.dates["iso"].tolist(), a.claims["kinds"].tolist()
    (['FIN'], ['2023-04-04'], [['ordinal', 'membership', 'dated_event']])
    >>> import pandas as pd
    >>> analyze("Finland joined NATO on April 4.", pd.Timestamp("2023-05-10")).dates["iso"][0]
    '2023-04-04'
    """
    article = _prepare(text, published)
    pipeline = nlp or load_pipeline()
    doc, _ = next(pipe_long(pipeline, [(article.text, None)]))
    return analyze_doc(doc, article)


def _positive(value: object, name: str, *, allow_all: bool = False) -> int:
    """An int ≥ 1 (or -1 for "all cores" when ``allow_all``), else BadInputError."""
    ok = isinstance(value, int) and not isinstance(value, bool)
    if ok and (value >= 1 or (allow_all and value == -1)):  # type: ignore[operator]
        return int(value)  # type: ignore[call-overload]
    hint = " or -1 (all cores)" if allow_all else ""
    raise BadInputError(f"bad {name} {value!r}: expected a whole number >= 1{hint}")


def analyze_many(
    texts: Iterable[str | Article | tuple[str | Article, Any]],
    n_process: int = 1,
    batch_size: int = 16,
    published: Any = None,
    *,
    nlp: Language | None = None,
) -> Iterator[Analysis]:
    """Analyse many articles, streaming them through ``nlp.pipe``.

    Parameters
    ----------
    texts
        An iterable of article texts, :class:`~analysis.articles.Article` objects, or
        ``(text, published)`` pairs (not one string: that would be its letters).
    n_process, batch_size
        Passed to :meth:`spacy.language.Language.pipe` (whole numbers >= 1;
        ``n_process=-1`` uses every core).
    published
        Default publication date for items that carry none (see :func:`analyze`).

    Yields
    ------
    Analysis
        One per input, in input order.

    Raises
    ------
    BadInputError
        At the call (not at the first item) for a string or non-iterable ``texts``,
        a bad ``n_process``, ``batch_size`` or ``published``.

    Examples
    --------
    >>> runs = analyze_many(["Japan spoke.", ("Seoul replied.", None)])
    >>> [a.countries["iso3"].tolist() for a in runs]
    [['JPN'], ['KOR']]
    >>> try:
    ...     analyze_many("Japan spoke.")
    ... except BadInputError as exc:
    ...     print(exc)
    bad texts: expected an iterable of articles, got one str (wrap it in a list)
    """
    if isinstance(texts, (str, bytes)):
        raise BadInputError(
            f"bad texts: expected an iterable of articles, got one {type(texts).__name__} "
            "(wrap it in a list)"
        )
    if not isinstance(texts, Iterable):
        raise BadInputError(
            f"bad texts: expected an iterable of articles, got {type(texts).__name__}"
        )
    n_process = _positive(n_process, "n_process", allow_all=True)
    batch_size = _positive(batch_size, "batch_size")
    default = as_date(published, "published", optional=True)
    pipeline = nlp or load_pipeline()
    return _analyze_stream(texts, n_process, batch_size, default, pipeline)


def _analyze_stream(
    texts: Iterable[str | Article | tuple[str | Article, Any]],
    n_process: int,
    batch_size: int,
    published: date | None,
    pipeline: Language,
) -> Iterator[Analysis]:
    def prepared() -> Iterator[tuple[str, Article]]:
        for item in texts:
            if isinstance(item, tuple):
                if len(item) != 2:
                    raise BadInputError(
                        f"bad texts item: expected (text, published), got {len(item)} values"
                    )
                body, pub = item
                day = as_date(pub, "published", optional=True)
                article = _prepare(body, day if day is not None else published)
            else:
                article = _prepare(item, None)
                if article.published is None and published is not None:
                    article = _prepare(article, published)
            yield article.text, article

    for doc, article in pipe_long(pipeline, prepared(), n_process=n_process, batch_size=batch_size):
        yield analyze_doc(doc, article)
