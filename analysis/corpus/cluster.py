"""The corpus on Dask, for people whose texts already sit in a Dask DataFrame.

:func:`dask_extract` takes a Dask DataFrame with a text column (and optionally id,
publication date and title columns) and returns lazy Dask DataFrames of the tidy
tables (``articles``, ``quotes``, ``entities``, ``dates``, ``claims`` … and
``verdicts`` with ``check=True``), keyed by ``article_id``.  Every partition goes
through :func:`~analysis.corpus.records.process_chunk` on a worker, the same
function the command line's engines run, so the rows are those of
``python -m analysis extract … --out DIR/``.

The extraction of a partition is shared by all the tables: compute them together
(``dask.compute(*tables.values())``) or ``persist`` them, or it runs once per table.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from analysis.corpus.inputs import article_from_row
from analysis.corpus.records import PIPE_BATCH, process_chunk
from analysis.corpus.tables import KEY, Schema, split_record
from analysis.serialize import dumps

__all__ = ["dask_extract", "table_frames"]

_DTYPES = {"int": "Int64", "float": "float64", "bool": "boolean"}

_RECORDS_META = pd.DataFrame(
    {KEY: pd.Series([], dtype=object), "record": pd.Series([], dtype=object)}
)


def _records(
    part: pd.DataFrame,
    text: str,
    id: str | None,
    published: str | None,
    title: str | None,
    check: bool,
    model: str | None,
) -> pd.DataFrame:
    """One partition of texts → one row per article: id and its record as JSON."""
    items = []
    ids = part[id].tolist() if id else [str(i) for i in part.index]
    pubs = part[published].tolist() if published else [None] * len(part)
    titles = part[title].tolist() if title else [None] * len(part)
    for n, (i, body, pub, head) in enumerate(
        zip(ids, part[text].tolist(), pubs, titles, strict=True)
    ):
        row = {"id": i, "text": body, "published": pub, "title": head}
        items.append(article_from_row(row, f"row:{n}", None))
    result = process_chunk(items, check=check, model=model, batch_size=PIPE_BATCH)
    return pd.DataFrame(
        {
            KEY: pd.Series([str(r["id"]) for r in result.records], dtype=object),
            "record": pd.Series([dumps(r) for r in result.records], dtype=object),
        }
    )


def table_frames(records: list[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    """Tidy pandas tables of some records (the schema learnt from them).

    Examples
    --------
    >>> frames = table_frames([{"id": "a", "article": {"title": "T"}, "quotes": [{"k": 1}]}])
    >>> frames["quotes"].to_dict("records")
    [{'article_id': 'a', 'k': 1}]
    """
    schema = Schema()
    split = [split_record(r) for r in records]
    for rows in split:
        schema.observe(rows)
    return {
        name: _frame([row for rows in split for row in rows.get(name, [])], schema.kinds(name))
        for name in schema.tables
    }


def _frame(rows: list[dict[str, Any]], kinds: dict[str, str]) -> pd.DataFrame:
    columns = {}
    for col, kind in kinds.items():
        values = [row.get(col) for row in rows]
        if kind == "json":
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        columns[col] = pd.Series(values, dtype=_DTYPES.get(kind, object))
    return pd.DataFrame(columns)


def _explode(part: pd.DataFrame, table: str, kinds: dict[str, str]) -> pd.DataFrame:
    rows = []
    for raw in part["record"].tolist():
        rows.extend(split_record(json.loads(raw)).get(table, []))
    return _frame(rows, kinds)


def _probe_kinds(check: bool, model: str | None) -> dict[str, dict[str, str]]:
    """Column kinds of every table, from the seed article run here (needs the model here)."""
    from analysis.articles import load_seed

    result = process_chunk([load_seed()], check=check, model=model)
    record = result.records[0]
    if record.get("error"):
        from analysis.errors import BadInputError

        raise BadInputError(f"cannot probe the tables' columns: {record['error']}")
    schema = Schema()
    schema.observe(split_record(record))
    schema.observe(split_record({"id": "x", "error": "e", "article": {"path": "p", "url": "u"}}))
    return {name: schema.kinds(name) for name in schema.tables}


def dask_extract(
    ddf: Any,
    text: str = "text",
    id: str | None = "id",
    published: str | None = None,
    *,
    title: str | None = None,
    check: bool = False,
    model: str | None = None,
) -> dict[str, Any]:
    """Extract (and with ``check``, grade) the articles of a Dask DataFrame, lazily.

    Parameters
    ----------
    ddf
        A :class:`dask.dataframe.DataFrame` with one article a row.
    text, id, published, title
        Its columns: the text; the id (``None``: the index); the publication date
        and the title (``None``: from the text).
    check
        Also grade the claims: adds a ``verdicts`` table.
    model
        spaCy model package installed on the workers.

    Returns
    -------
    dict
        Table name → lazy :class:`dask.dataframe.DataFrame`, each with an
        ``article_id`` column.  The columns are those of the seed article's
        record (``articles`` also has ``error``, ``path``, ``url``); an article
        that fails has its ``error`` in ``articles`` and no other rows.

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> texts = pd.DataFrame({"id": ["a", "b"], "text": ["Japan spoke.", "Seoul replied."]})
    >>> tables = dask_extract(dd.from_pandas(texts, npartitions=1))
    >>> import dask
    >>> countries, = dask.compute(tables["countries"], scheduler="sync")
    >>> countries[["article_id", "iso3"]].values.tolist()
    [['a', 'JPN'], ['b', 'KOR']]
    """
    from analysis.errors import BadInputError

    for name, col in (("text", text), ("id", id), ("published", published), ("title", title)):
        if col is not None and col not in ddf.columns:
            raise BadInputError(f"{name} column {col!r} is not in the DataFrame")
    records = ddf.map_partitions(
        _records, text, id, published, title, check, model, meta=_RECORDS_META
    )
    out = {}
    for table, kinds in _probe_kinds(check, model).items():
        meta = _frame([], kinds)
        out[table] = records.map_partitions(_explode, table, kinds, meta=meta)
    return out
