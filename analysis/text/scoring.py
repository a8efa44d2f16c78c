"""Score the text engine's output against hand-made gold readings of articles.

A *gold reading* is a JSON object written by a person who read the article (the
development set in ``benchmarks/devset/gold`` follows the JSON Schema
``benchmarks/devset/gold.schema.json``).  A *prediction* is what the package
extracted: the output of ``python -m analysis extract FILE --format json``, i.e.
:meth:`analysis.text.Analysis.to_dict`.  Both refer to the same text, so character
offsets can be compared directly.

Matching rules
--------------
Names (people, organisations, speakers)
    Names are compared after :func:`normalize_name`: Unicode accents removed,
    case folded, a possessive ``'s`` and a leading "the" dropped, every run of
    punctuation or spaces turned into one space ("Ramos-Horta" = "Ramos Horta").
    A gold entity is written as its canonical name plus the other names the article
    uses for it (its *aliases*, e.g. ``IAEA`` for the International Atomic Energy
    Agency); a predicted entity brings its canonical name plus the aliases the
    extractor found (the ``aliases`` column of its ``people``/``organizations``
    table).  The two match when any gold form equals any predicted form.  For a
    person there is also the *surname rule*: a predicted name matches when its words
    are the last words of the gold name (``Hayashi`` or ``Hasan Chowdhury`` for
    "Mohibul Hasan Chowdhury"), or when it has the gold name's first and last words
    ("Jean-Michel Lukonde" for "Jean-Michel Sama Lukonde").  A different first name
    never matches ("Jill Biden" is not "Joe Biden").
Quotes found (recall)
    A gold quote is *found* when an extracted quote overlaps its span by at least
    half of the gold span's length.  Gold and extracted quotes are paired one to one,
    greedily: all pairs that qualify are taken in order of decreasing overlap (ties:
    earlier gold quote first, then earlier extracted quote), and a pair is kept when
    neither side is paired yet.  An extracted quote that is much longer than the
    gold one still counts (it covers the gold span); one that covers less than half
    of it does not.
Right speaker
    The share of *all* gold quotes that are found and whose paired extracted quote
    names the right speaker.  A gold speaker is a named person or organisation
    (several for a joint statement: any of them is right), compared by the name rules
    above (with the quote's own ``speaker_aliases``, for a government that speaks
    as its country or capital: "Pyongyang said"), or, for a speaker the article does
    not name, the head noun of its
    description (``"official"``, ``"merchant"``; ``speaker_named`` is false): an
    extracted speaker is then right when one of its words is that noun.
Quote precision
    The share of extracted quotes that are paired with a gold quote (reported, not a
    target: the gold set lists every reported statement, so a low precision points
    at spans the extractor invents).
Dates
    A gold date is found when an extracted date overlaps its span (any overlap) and
    has the same resolution ``iso`` (both ``None`` counts as the same for an
    expression the gold reading says cannot be resolved).  Each extracted date is
    used for one gold date at most.
People and organisations (recall)
    A gold person (organisation) is found when some extracted person (organisation)
    matches it by the name rules above.
Countries
    Set F1 of ISO 3166-1 alpha-3 codes per article: gold ``countries`` (a country
    named only in a dateline is not in that list) against the ``iso3`` column of the
    extracted ``countries`` table.  Two empty sets score 1.0.
Overall figures
    Micro-averages: the found and total counts of every article are added up before
    dividing, and country F1 is computed from the summed true positives, false
    positives and false negatives.  A figure with nothing to count is ``None``.

Examples
--------
>>> gold = {"id": "x", "countries": ["JPN"], "people": [{"name": "Yoshimasa Hayashi"}],
...         "organizations": [], "dates": [], "claims": [],
...         "quotes": [{"span": [0, 20], "text": "x" * 20, "kind": "direct",
...                     "speaker": "Yoshimasa Hayashi", "cue": "said"}]}
>>> pred = {"countries": [{"iso3": "JPN"}], "people": [{"name": "Hayashi", "aliases": []}],
...         "organizations": [], "dates": [],
...         "quotes": [{"start": 2, "end": 25, "speaker": "Hayashi"}]}
>>> s = score_article(gold, pred)
>>> s.quotes_found.ratio, s.right_speaker.ratio, s.people.ratio, s.country_f1
(1.0, 1.0, 1.0, 1.0)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.errors import BadInputError

__all__ = [
    "ArticleScore",
    "CountryCounts",
    "Score",
    "Tally",
    "match_quotes",
    "name_forms",
    "names_match",
    "normalize_name",
    "score_article",
    "score_many",
]

_POSSESSIVE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalize_name(name: str) -> str:
    """Return the comparison form of a name.

    Accents are removed, case folded, a possessive ``'s`` and a leading "the" dropped
    and every run of punctuation or white space becomes one space.

    Examples
    --------
    >>> normalize_name("José Ramos-Horta"), normalize_name("The Kremlin's")
    ('jose ramos horta', 'kremlin')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _POSSESSIVE.sub("", plain.casefold())
    words = _NON_WORD.sub(" ", plain).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def name_forms(name: str, aliases: Iterable[str] = ()) -> frozenset[str]:
    """Return the normalised forms of a name and its aliases (empty forms dropped).

    Examples
    --------
    >>> sorted(name_forms("International Atomic Energy Agency", ["IAEA"]))
    ['iaea', 'international atomic energy agency']
    """
    forms = {normalize_name(n) for n in [name, *aliases] if isinstance(n, str)}
    forms.discard("")
    return frozenset(forms)


def _surname_match(gold_name: str, predicted: str) -> bool:
    gold_words = normalize_name(gold_name).split()
    pred_words = normalize_name(predicted).split()
    if len(gold_words) < 2 or not pred_words or pred_words[-1] != gold_words[-1]:
        return False
    if len(pred_words) < len(gold_words) and gold_words[-len(pred_words) :] == pred_words:
        return True  # "Hayashi", "Hasan Chowdhury" for "Mohibul Hasan Chowdhury"
    return pred_words[0] == gold_words[0]  # "Jean-Michel Lukonde" for "… Sama Lukonde"


def names_match(
    gold_name: str,
    gold_aliases: Iterable[str],
    predicted: str,
    predicted_aliases: Iterable[str] = (),
    *,
    person: bool = False,
) -> bool:
    """Tell whether a predicted name refers to a gold entity (rules in the module doc).

    Parameters
    ----------
    gold_name, gold_aliases
        The gold entity's canonical name and the other names the article uses.
    predicted, predicted_aliases
        The extracted canonical name and the aliases the extractor attached to it.
    person
        Also apply the surname rule.

    Examples
    --------
    >>> names_match("Xanana Gusmão", [], "Gusmao", person=True)
    True
    >>> names_match("Joint Chiefs of Staff", ["JCS"], "JCS")
    True
    >>> names_match("Joe Biden", [], "Jill Biden", person=True)
    False
    """
    gold = name_forms(gold_name, gold_aliases)
    pred = name_forms(predicted, predicted_aliases)
    if gold & pred:
        return True
    return person and any(_surname_match(gold_name, p) for p in [predicted, *predicted_aliases])


@dataclass(frozen=True)
class Tally:
    """A count of hits out of a total; ``ratio`` is ``None`` when the total is 0.

    Examples
    --------
    >>> Tally(3, 4).ratio, Tally(0, 0).ratio, (Tally(1, 2) + Tally(2, 2)).ratio
    (0.75, None, 0.75)
    """

    found: int
    total: int

    @property
    def ratio(self) -> float | None:
        """``found / total``, or ``None`` when there is nothing to count."""
        return self.found / self.total if self.total else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.found + other.found, self.total + other.total)


@dataclass(frozen=True)
class CountryCounts:
    """True positives, false positives and false negatives of country codes.

    Examples
    --------
    >>> CountryCounts(2, 1, 1).f1, CountryCounts(0, 0, 0).f1
    (0.6666666666666666, 1.0)
    """

    tp: int
    fp: int
    fn: int

    @property
    def f1(self) -> float:
        """Set F1, ``2·tp / (2·tp + fp + fn)``; 1.0 when both sets are empty."""
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 1.0

    def __add__(self, other: CountryCounts) -> CountryCounts:
        return CountryCounts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class ArticleScore:
    """The scores of one article (see the module docstring for each rule).

    ``misses`` lists, per kind, the gold items that were not found (or, for
    ``speaker``, found with the wrong speaker), for error analysis.
    """

    id: str
    quotes_found: Tally
    right_speaker: Tally
    quote_precision: Tally
    dates: Tally
    people: Tally
    organizations: Tally
    countries: CountryCounts
    misses: dict[str, list[dict[str, Any]]] = field(default_factory=dict, compare=False)

    @property
    def country_f1(self) -> float:
        """Set F1 of this article's country codes."""
        return self.countries.f1


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_quotes(
    gold_spans: Sequence[tuple[int, int]], predicted_spans: Sequence[tuple[int, int]]
) -> dict[int, int]:
    """Pair gold and extracted quote spans one to one, greedily by overlap.

    A pair qualifies when the overlap is at least half the gold span's length; pairs
    are taken by decreasing overlap, then gold order, then prediction order.

    Returns
    -------
    dict
        Gold index → predicted index for every paired gold quote.

    Examples
    --------
    >>> match_quotes([(0, 10), (20, 30)], [(0, 4), (18, 40), (2, 9)])
    {1: 1, 0: 2}
    """
    candidates = []
    for gi, g in enumerate(gold_spans):
        need = (g[1] - g[0]) / 2
        for pi, p in enumerate(predicted_spans):
            ov = _overlap(g, p)
            if ov > 0 and ov >= need:
                candidates.append((-ov, gi, pi))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(candidates):
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def _records(predicted: Mapping[str, Any], table: str) -> list[dict[str, Any]]:
    rows = predicted.get(table) or []
    if not isinstance(rows, list):
        raise BadInputError(f"prediction table {table!r} is not a list of records")
    return [r for r in rows if isinstance(r, dict)]


def _aliases(row: Mapping[str, Any]) -> list[str]:
    value = row.get("aliases") or []
    return [a for a in value if isinstance(a, str)] if isinstance(value, list) else []


def _entity_aliases(predicted: Mapping[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for table in ("people", "organizations"):
        for row in _records(predicted, table):
            if isinstance(row.get("name"), str):
                out.setdefault(row["name"], []).extend(_aliases(row))
    return out


def _gold_entities(gold: Mapping[str, Any], key: str) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for item in gold.get(key) or []:
        if isinstance(item, str):
            out.append((item, []))
        else:
            out.append((item["name"], list(item.get("aliases") or [])))
    return out


def _speaker_right(
    gold_quote: Mapping[str, Any],
    predicted: str | None,
    aliases: Mapping[str, list[str]],
    gold_aliases: Mapping[str, list[str]],
    gold_people: set[str],
) -> bool:
    if not predicted:
        return False
    wanted = gold_quote.get("speaker")
    names = [wanted] if isinstance(wanted, str) else list(wanted or [])
    if gold_quote.get("speaker_named", True) is False:
        words = set(normalize_name(predicted).split())
        return any(normalize_name(n) in words for n in names)
    extra = [a for a in gold_quote.get("speaker_aliases") or [] if isinstance(a, str)]
    return any(
        names_match(
            n, [*gold_aliases.get(n, []), *extra], predicted, aliases.get(predicted, []),
            person=n in gold_people,
        )
        for n in names
    )  # fmt: skip


def _entity_recall(
    gold: list[tuple[str, list[str]]], predicted: list[dict[str, Any]], person: bool
) -> tuple[Tally, list[dict[str, Any]]]:
    found = 0
    missed = []
    for name, aliases in gold:
        if any(
            names_match(name, aliases, str(p.get("name", "")), _aliases(p), person=person)
            for p in predicted
        ):
            found += 1
        else:
            missed.append({"name": name})
    return Tally(found, len(gold)), missed


def score_article(
    gold: Mapping[str, Any], predicted: Mapping[str, Any], article_id: str | None = None
) -> ArticleScore:
    """Score one article's extraction against its gold reading.

    Parameters
    ----------
    gold
        A gold reading (``benchmarks/devset/gold.schema.json``).
    predicted
        :meth:`~analysis.text.Analysis.to_dict` of the same text.
    article_id
        Name for the result (default: the gold ``id``).

    Raises
    ------
    BadInputError
        When a prediction table is not a list of records.

    Examples
    --------
    >>> gold = {"id": "g", "countries": ["FIN", "RUS"], "people": [], "organizations": [],
    ...         "quotes": [], "claims": [],
    ...         "dates": [{"span": [20, 27], "text": "April 4", "iso": "2023-04-04"}]}
    >>> pred = {"countries": [{"iso3": "FIN"}], "dates": [{"start": 20, "end": 27,
    ...         "iso": "2023-04-04"}], "quotes": [], "people": [], "organizations": []}
    >>> s = score_article(gold, pred)
    >>> s.dates.ratio, round(s.country_f1, 3), s.quotes_found.ratio
    (1.0, 0.667, None)
    """
    gid = article_id or str(gold.get("id", "article"))
    aliases = _entity_aliases(predicted)
    people = _gold_entities(gold, "people")
    orgs = _gold_entities(gold, "organizations")
    gold_aliases = {n: a for n, a in people + orgs}
    gold_people = {n for n, _ in people}

    gold_quotes = list(gold.get("quotes") or [])
    pred_quotes = _records(predicted, "quotes")
    pairs = match_quotes(
        [(int(q["span"][0]), int(q["span"][1])) for q in gold_quotes],
        [(int(q["start"]), int(q["end"])) for q in pred_quotes],
    )
    right = 0
    misses: dict[str, list[dict[str, Any]]] = {"quote": [], "speaker": [], "date": []}
    for gi, q in enumerate(gold_quotes):
        if gi not in pairs:
            misses["quote"].append({"text": q["text"], "speaker": q.get("speaker")})
            continue
        said = pred_quotes[pairs[gi]].get("speaker")
        if _speaker_right(q, said, aliases, gold_aliases, gold_people):
            right += 1
        else:
            misses["speaker"].append({"text": q["text"], "gold": q.get("speaker"), "said": said})

    gold_dates = list(gold.get("dates") or [])
    pred_dates = _records(predicted, "dates")
    used: set[int] = set()
    dates_found = 0
    for d in gold_dates:
        span = (int(d["span"][0]), int(d["span"][1]))
        hit = next(
            (
                i
                for i, p in enumerate(pred_dates)
                if i not in used
                and _overlap(span, (int(p["start"]), int(p["end"]))) > 0
                and p.get("iso") == d.get("iso")
            ),
            None,
        )
        if hit is None:
            said = [
                (p.get("text"), p.get("iso"))
                for p in pred_dates
                if _overlap(span, (int(p["start"]), int(p["end"]))) > 0
            ]
            misses["date"].append({"text": d["text"], "gold": d.get("iso"), "said": said})
        else:
            used.add(hit)
            dates_found += 1

    people_tally, misses["person"] = _entity_recall(people, _records(predicted, "people"), True)
    org_tally, misses["organization"] = _entity_recall(
        orgs, _records(predicted, "organizations"), False
    )
    gold_iso = set(gold.get("countries") or [])
    pred_iso = {str(c.get("iso3")) for c in _records(predicted, "countries")}
    misses["country"] = [
        {"missing": sorted(gold_iso - pred_iso), "extra": sorted(pred_iso - gold_iso)}
    ]
    return ArticleScore(
        id=gid,
        quotes_found=Tally(len(pairs), len(gold_quotes)),
        right_speaker=Tally(right, len(gold_quotes)),
        quote_precision=Tally(len(pairs), len(pred_quotes)),
        dates=Tally(dates_found, len(gold_dates)),
        people=people_tally,
        organizations=org_tally,
        countries=CountryCounts(
            len(gold_iso & pred_iso), len(pred_iso - gold_iso), len(gold_iso - pred_iso)
        ),
        misses=misses,
    )


#: The figures reported for a set of articles, in table order: (column, label).
FIGURES: tuple[tuple[str, str], ...] = (
    ("quotes_found", "quotes found"),
    ("right_speaker", "right speaker"),
    ("dates", "dates"),
    ("people", "people"),
    ("organizations", "organisations"),
    ("country_f1", "country F1"),
    ("quote_precision", "quote precision"),
)


@dataclass(frozen=True)
class Score:
    """Scores of many articles: the per-article results and their micro-averages.

    Examples
    --------
    >>> empty = {"quotes": [], "dates": [], "people": [], "organizations": [], "countries": []}
    >>> s = score_many([({"id": "a", **empty}, empty)])
    >>> s.articles, s.figures()["country F1"]
    (1, 1.0)
    """

    per_article: tuple[ArticleScore, ...]

    @property
    def articles(self) -> int:
        """Number of articles scored."""
        return len(self.per_article)

    def total(self, name: str) -> Tally:
        """The summed :class:`Tally` of one figure (``"quotes_found"``, ``"dates"`` …)."""
        out = Tally(0, 0)
        for a in self.per_article:
            out = out + getattr(a, name)
        return out

    @property
    def countries(self) -> CountryCounts:
        """Summed country counts (their ``f1`` is the micro-averaged country F1)."""
        out = CountryCounts(0, 0, 0)
        for a in self.per_article:
            out = out + a.countries
        return out

    def figures(self) -> dict[str, float | None]:
        """The overall figures as label → value (a share in 0…1, or ``None``)."""
        out: dict[str, float | None] = {}
        for key, label in FIGURES:
            out[label] = self.countries.f1 if key == "country_f1" else self.total(key).ratio
        return out

    def table(self) -> pd.DataFrame:
        """One row per article: every figure as a share, with the counts behind it.

        Examples
        --------
        >>> empty = {"quotes": [], "dates": [], "people": [], "organizations": [], "countries": []}
        >>> list(score_many([({"id": "a", **empty}, empty)]).table().columns[:3])
        ['id', 'quotes', 'quotes found']
        """
        rows = []
        for a in self.per_article:
            row: dict[str, Any] = {"id": a.id, "quotes": a.quotes_found.total}
            for key, label in FIGURES:
                row[label] = a.country_f1 if key == "country_f1" else getattr(a, key).ratio
            rows.append(row)
        return pd.DataFrame(rows, columns=["id", "quotes", *(label for _, label in FIGURES)])


def score_many(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> Score:
    """Score many ``(gold, predicted)`` pairs; see :class:`Score` for the averages.

    Examples
    --------
    >>> g = {"id": "a", "quotes": [{"span": [0, 4], "text": "abcd", "speaker": "X"}]}
    >>> score_many([(g, {"quotes": []})]).figures()["quotes found"]
    0.0
    """
    return Score(tuple(score_article(g, p) for g, p in pairs))
