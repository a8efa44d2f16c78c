"""Tidy tables from article records, built generically from the records' own keys.

A record (see :mod:`analysis.corpus.records`) is ``id``, ``article`` (a dict) and
one list per kind of finding.  :func:`split_record` makes one ``articles`` row of
it (``article_id``, ``error`` and the article's fields) and one row per item of
every list-valued section (``quotes``, ``entities``, ``dates``, ``claims``,
``verdicts`` …), each with the ``article_id`` key.  No column list is written
down here: a field the text engine adds becomes a column.

Column types come from the values (:class:`Schema`): numbers, booleans, strings and
lists of strings or numbers stay themselves (Arrow lists), anything more nested
(dicts, lists of dicts) is stored as a JSON string, and a column that is always
empty is a string column.  The types of all rows are known before any is
written, so every row group of a table has the same schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

__all__ = ["KEY", "REQUIRED_TABLES", "Schema", "split_record", "to_batch"]

#: The key column of every table.
KEY = "article_id"

#: Tables written even when no article had a row for them (so readers find them).
REQUIRED_TABLES = ("articles", "quotes", "entities", "dates", "claims")

#: Kinds of value a column can hold, and the Arrow type of each settled kind.
_ARROW: dict[str, pa.DataType] = {
    "bool": pa.bool_(),
    "int": pa.int64(),
    "float": pa.float64(),
    "str": pa.string(),
    "list_str": pa.list_(pa.string()),
    "list_int": pa.list_(pa.int64()),
    "list_float": pa.list_(pa.float64()),
    "json": pa.string(),
}


def split_record(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Split a record into rows of tidy tables keyed by ``article_id``.

    Examples
    --------
    >>> rows = split_record({"id": "a", "article": {"id": "a", "title": "T"},
    ...                      "quotes": [{"text": "q"}], "claims": []})
    >>> rows["articles"], rows["quotes"], rows["claims"]
    ([{'article_id': 'a', 'error': None, 'title': 'T'}], [{'article_id': 'a', 'text': 'q'}], [])
    >>> split_record({"id": "b", "error": "b is empty"})["articles"]
    [{'article_id': 'b', 'error': 'b is empty'}]
    """
    article_id = str(record.get("id"))
    head: dict[str, Any] = {KEY: article_id, "error": record.get("error")}
    out: dict[str, list[dict[str, Any]]] = {"articles": [head]}
    for key, value in record.items():
        if key in {"id", "error"}:
            continue
        if key == "article" and isinstance(value, dict):
            head.update((k, v) for k, v in value.items() if k != "id")
        elif isinstance(value, list):
            out[key] = [
                {KEY: article_id, **item}
                if isinstance(item, dict)
                else {KEY: article_id, "value": item}
                for item in value
            ]
        else:
            head[key] = value
    return out


def _kind(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, list):
        inner = {_kind(v) for v in value} - {None}
        if not inner:
            return "list_any"
        if inner == {"str"}:
            return "list_str"
        if inner == {"int"}:
            return "list_int"
        if inner <= {"int", "float"}:
            return "list_float"
    return "json"


def _settle(kinds: set[str]) -> str:
    """The one kind a column holding values of ``kinds`` is stored as."""
    if not kinds:
        return "str"
    if len(kinds) == 1:
        (only,) = kinds
        return "list_str" if only == "list_any" else only
    if kinds <= {"int", "float"}:
        return "float"
    lists = kinds - {"list_any"}
    if kinds <= {"list_any", "list_str", "list_int", "list_float"}:
        if len(lists) == 1:
            return next(iter(lists))
        if lists <= {"list_int", "list_float"}:
            return "list_float"
    return "json"


class Schema:
    """The columns of every table and the kind of value each holds, learnt from rows.

    Examples
    --------
    >>> s = Schema()
    >>> s.observe({"quotes": [{"article_id": "a", "start": 1, "tags": ["x"], "n": None}]})
    >>> s.kinds("quotes")
    {'article_id': 'str', 'start': 'int', 'tags': 'list_str', 'n': 'str'}
    >>> s.arrow("quotes").field("tags").type
    ListType(list<item: string>)
    """

    def __init__(self) -> None:
        self._kinds: dict[str, dict[str, set[str]]] = {}

    @property
    def tables(self) -> list[str]:
        """The tables seen so far, ``articles`` first."""
        return sorted(self._kinds, key=lambda t: (t != "articles", t))

    def observe(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Take note of the columns and value kinds of some rows."""
        for name, rows in tables.items():
            cols = self._kinds.setdefault(name, {KEY: set()})
            for row in rows:
                for col, value in row.items():
                    seen = cols.setdefault(col, set())
                    kind = _kind(value)
                    if kind is not None:
                        seen.add(kind)

    def ensure(self, names: Iterable[str]) -> None:
        """Make sure the tables ``names`` exist (with at least the key column)."""
        for name in names:
            self._kinds.setdefault(name, {KEY: set()})

    def kinds(self, table: str) -> dict[str, str]:
        """Column → settled kind, for one table (key column first)."""
        cols = self._kinds.get(table, {KEY: set()})
        settled = {col: _settle(kinds) for col, kinds in cols.items()}
        settled[KEY] = "str"
        return {KEY: "str", **{c: k for c, k in settled.items() if c != KEY}}

    def arrow(self, table: str) -> pa.Schema:
        """The Arrow schema of one table; JSON columns are named in its metadata."""
        kinds = self.kinds(table)
        json_cols = [c for c, k in kinds.items() if k == "json"]
        return pa.schema(
            [pa.field(c, _ARROW[k]) for c, k in kinds.items()],
            metadata={"analysis.json_columns": json.dumps(json_cols)},
        )


def _convert(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=False)
    if kind == "float" and not isinstance(value, bool):
        return float(value)
    if kind == "list_float":
        return [None if v is None else float(v) for v in value]
    return value


def to_batch(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.RecordBatch:
    """Rows of one table as an Arrow record batch of ``schema`` (JSON columns encoded).

    Examples
    --------
    >>> s = Schema()
    >>> rows = [{"article_id": "a", "figures": {"km": 1}}]
    >>> s.observe({"verdicts": rows})
    >>> to_batch(rows, s.arrow("verdicts")).to_pylist()
    [{'article_id': 'a', 'figures': '{"km": 1}'}]
    """
    json_cols = _json_columns(schema)
    kinds = {f.name: "json" if f.name in json_cols else _kind_of_type(f.type) for f in schema}
    columns = {
        name: [_convert(row.get(name), kind) for row in rows] for name, kind in kinds.items()
    }
    return pa.RecordBatch.from_pydict(columns, schema=schema)


def _json_columns(schema: pa.Schema) -> set[str]:
    raw = (schema.metadata or {}).get(b"analysis.json_columns")
    return set(json.loads(raw)) if raw else set()


def _kind_of_type(dtype: pa.DataType) -> str:
    for kind, arrow in _ARROW.items():
        if kind != "json" and dtype.equals(arrow):
            return kind
    return "str"
