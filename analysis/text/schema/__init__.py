"""The JSON Schema of the extract output (:meth:`analysis.text.Analysis.to_dict`).

``extract.schema.json`` (shipped with the package) describes every field a
researcher can join on:

``article``
    ``title``, ``published`` (ISO day or null), ``words``, ``path`` (relative to the
    working directory when the file lies under it) and the versions that produced
    the output: ``package_version``, ``spacy_version``, ``model`` and
    ``model_version`` (the spaCy model that parsed the text) and ``data_version``
    (a digest of the packaged word lists).
``people`` / ``organizations``
    One row per entity with a stable ``id`` (``P1``, ``O1`` … in order of first
    mention), canonical ``name``, ``aliases`` (never pronouns) and ``mentions``.
``quotes``
    ``text``, ``kind`` (direct, indirect, mixed), ``speaker`` and ``speaker_id``,
    ``speakers``/``speaker_ids`` for joint statements, ``attribution`` (how the
    speaker was found: explicit, pronoun, role_noun, according_to, description,
    carried_over, label, dash), and the offsets of the content (``start``/``end``),
    of the speaker phrase (``speaker_start``/``speaker_end``) and of the cue
    (``cue_start``/``cue_end``).
``dates``
    ``iso`` at the granularity written (null when unresolved), ``granularity``, and
    the first and last day covered (``first_day``/``last_day``).
``entities``, ``countries``, ``claims``
    As documented in :mod:`analysis.text.analyze` and :mod:`analysis.claims`.

All character offsets refer to the analysed text, end exclusive.

Examples
--------
>>> from analysis.text import analyze
>>> validate(analyze("Finland joined NATO on April 4.", "2023-05-10").to_dict())
>>> schema()["title"]
'Extract output of nato-border-analysis (Analysis.to_dict)'
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from analysis.errors import BadInputError

SCHEMA_FILE = Path(__file__).resolve().parent / "extract.schema.json"

__all__ = ["SCHEMA_FILE", "schema", "validate"]


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """Return the packaged JSON Schema of the extract output.

    Examples
    --------
    >>> sorted(schema()["properties"])[:3]
    ['article', 'claims', 'countries']
    """
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def validate(output: dict[str, Any]) -> None:
    """Check one extract output against the schema.

    Raises
    ------
    BadInputError
        Naming the first field that breaks the schema.

    Examples
    --------
    >>> try:
    ...     validate({"article": {}})
    ... except BadInputError as exc:
    ...     print(str(exc)[:40])
    extract output breaks the schema at <roo
    """
    error = next(iter(sorted(_validator().iter_errors(output), key=lambda e: list(e.path))), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "<root>"
        raise BadInputError(f"extract output breaks the schema at {where}: {error.message}")
