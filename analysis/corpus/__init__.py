"""Corpus scale: stream many articles through the text engine on a process pool or Dask.

* :mod:`~analysis.corpus.inputs` — files, folders, globs, standard input, JSON lines,
  Parquet and CSV, resolved up front and read lazily;
* :mod:`~analysis.corpus.records` — what a worker does with a chunk (one ``nlp.pipe`` run);
* :mod:`~analysis.corpus.engines` — this process, a process pool, or a Dask cluster;
* :mod:`~analysis.corpus.writers` — atomic JSON lines and Parquet tables, ``--resume``;
* :mod:`~analysis.corpus.tables` — tidy tables built from the records' own keys;
* :mod:`~analysis.corpus.run` — the run itself: chunks, progress, summary;
* :mod:`~analysis.corpus.cluster` — :func:`dask_extract` for Dask DataFrames.

Examples
--------
>>> from analysis.articles import make_article
>>> with make_engine() as engine:
...     summary = run_corpus([make_article("Japan spoke.", id="j")], lambda r, n: None, engine)
>>> summary.line().split(" (")[0]
'1 articles: 1 ok, 0 failed'
"""

from __future__ import annotations

from analysis.corpus.cluster import dask_extract, table_frames
from analysis.corpus.engines import DaskEngine, InlineEngine, ProcessEngine, make_engine
from analysis.corpus.inputs import (
    Failed,
    Source,
    article_from_row,
    count_articles,
    iter_articles,
    resolve_inputs,
)
from analysis.corpus.records import ChunkResult, article_record, process_chunk
from analysis.corpus.run import Interrupted, Summary, run_corpus, stop_on_sigterm
from analysis.corpus.tables import Schema, split_record
from analysis.corpus.writers import JsonlSink, ParquetSink, open_sink, output_kind

__all__ = [
    "ChunkResult",
    "DaskEngine",
    "Failed",
    "InlineEngine",
    "Interrupted",
    "JsonlSink",
    "ParquetSink",
    "ProcessEngine",
    "Schema",
    "Source",
    "Summary",
    "article_from_row",
    "article_record",
    "count_articles",
    "dask_extract",
    "iter_articles",
    "make_engine",
    "open_sink",
    "output_kind",
    "process_chunk",
    "resolve_inputs",
    "run_corpus",
    "split_record",
    "stop_on_sigterm",
    "table_frames",
]
