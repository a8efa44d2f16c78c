"""Word lists of the attribution rules, read from ``analysis/text/data`` (data, not code).

* ``cue_verbs.csv`` — reporting verbs (lemmas) that introduce quoted or reported
  speech, each with its *frame* and its published source: ``speech`` verbs ("say",
  "warn", "tweet", "accuse") introduce a statement; ``cognition`` verbs ("believe",
  "fear") introduce one only with an explicit "that" clause; ``excluded`` verbs are
  listed by a source but deliberately not used (the ``note`` column says why).
  Sources: the reporting-verb list of textacy 0.13 (``textacy.extract.triples``)
  and the verb classes of communication of Levin (1993), *English Verb Classes and
  Alternations* (University of Chicago Press), §37.2, §37.7–37.9 and §29.5.
* ``role_nouns.csv`` — nouns and titles that stand for a person or an organisation
  named elsewhere in the article ("the minister", "the spokesman", "the ministry"),
  with the kind of entity they refer to.

Both tables are checked against ``SHA256SUMS`` and validated with pandera on load.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis._data import verified
from analysis.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent / "data"

_CUE_SCHEMA = pa.DataFrameSchema(
    {
        "lemma": pa.Column(str, pa.Check.str_matches(r"^[a-z]+$"), unique=True),
        "frame": pa.Column(str, pa.Check.isin(["speech", "cognition", "excluded"])),
        "source": pa.Column(str, pa.Check.str_length(min_value=3)),
        "note": pa.Column(str),
    },
    strict=True,
)
_ROLE_SCHEMA = pa.DataFrameSchema(
    {
        "noun": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z -]*$"), unique=True),
        "refers_to": pa.Column(str, pa.Check.isin(["person", "org", "seat"])),
        "generic": pa.Column(str, pa.Check.isin(["yes", "no"])),
        "source": pa.Column(str, pa.Check.str_length(min_value=3)),
    },
    strict=True,
)


def _table(name: str, schema: pa.DataFrameSchema) -> pd.DataFrame:
    path = verified(DATA_DIR / name)
    with open(path, encoding="utf-8", newline="") as fh:
        frame = pd.DataFrame(list(csv.DictReader(fh)), dtype=str).fillna("")
    try:
        return schema.validate(frame)
    except (pa.errors.SchemaError, pa.errors.SchemaErrors) as exc:
        first = str(exc).splitlines()[0]
        raise DataFileError(f"{path.name}: {first}") from None


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, str]:
    """Map each cue-verb lemma to its frame (``speech`` or ``cognition``).

    Examples
    --------
    >>> cues = cue_verbs()
    >>> cues["say"], cues["tweet"], cues["believe"], "order" in cues
    ('speech', 'speech', 'cognition', False)
    """
    table = _table("cue_verbs.csv", _CUE_SCHEMA)
    used = table[table["frame"] != "excluded"]
    return dict(zip(used["lemma"], used["frame"], strict=True))


@lru_cache(maxsize=1)
def role_nouns() -> dict[str, tuple[str, bool]]:
    """Map each role noun to ``(kind it refers to, generic?)``.

    A *generic* role ("official", "source") may stand for anyone of an
    organisation; a specific one ("minister", "spokesman") for one person.

    Examples
    --------
    >>> role_nouns()["minister"], role_nouns()["ministry"], role_nouns()["kremlin"]
    (('person', False), ('org', False), ('seat', False))
    """
    table = _table("role_nouns.csv", _ROLE_SCHEMA)
    return {
        str(noun): (str(kind), generic == "yes")
        for noun, kind, generic in zip(
            table["noun"], table["refers_to"], table["generic"], strict=True
        )
    }
