"""What a worker does with a chunk of articles: parse, extract, (check), and send back records.

Every engine (in the parent, in a process pool, on Dask) runs the same
:func:`process_chunk`, so their results are identical by construction.  A worker
loads the spaCy pipeline once (:func:`analysis.text.pipeline.load_pipeline`
caches it per process), runs the whole chunk through ``nlp.pipe`` and returns
compact JSON-ready records, never spaCy objects.  An article that fails becomes
an error record; the chunk goes on.
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.articles import Article
from analysis.corpus.inputs import Failed, one_line
from analysis.errors import AnalysisError, ModelNotFoundError

__all__ = ["PIPE_BATCH", "ChunkResult", "article_record", "peak_rss_mb", "process_chunk"]

#: ``nlp.pipe`` batch size.  spaCy parses a batch at once, so memory grows with it
#: (8 news articles of 750 words: +85 MB over one at a time) while throughput
#: hardly changes beyond 4.
PIPE_BATCH = 4


@dataclass
class ChunkResult:
    """The records of one chunk, in order, with what the worker noticed.

    Attributes
    ----------
    records
        One JSON-ready dict per article (an error record when it failed).
    warnings
        The warnings each article raised (one list per record).
    pid, peak_rss_mb
        The worker process and its peak resident memory so far, in MB.
    cpu_seconds
        CPU time the worker spent on this chunk.
    """

    records: list[dict[str, Any]]
    warnings: list[list[str]] = field(default_factory=list)
    pid: int = 0
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB.

    On Linux this is ``VmHWM`` from ``/proc/self/status``, the high-water mark of this
    process's own memory.  ``ru_maxrss`` is the fallback elsewhere; on Linux it would
    carry over the parent's peak into a worker started by fork and exec.

    Examples
    --------
    >>> peak_rss_mb() > 0
    True
    """
    import resource
    import sys

    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def article_record(analysis: Any, article: Article, verdicts: list[Any] | None) -> dict[str, Any]:
    """The record of one analysed article: ``id``, ``article`` and one list per table.

    Built from :meth:`analysis.text.analyze.Analysis.to_dict` as it is, so fields the
    text engine adds appear here (and in the Parquet tables) without a change.

    Examples
    --------
    >>> from analysis.articles import make_article
    >>> from analysis.text import analyze
    >>> art = make_article("Finland joined NATO.", id="a1")
    >>> rec = article_record(analyze(art), art, None)
    >>> rec["id"], rec["article"]["id"], rec["countries"][0]["iso3"]
    ('a1', 'a1', 'FIN')
    """
    data = analysis.to_dict()
    head: dict[str, Any] = {"id": article.id, **data.get("article", {})}
    if article.path is not None:
        head["path"] = str(article.path)
    url = article.metadata.get("url") if article.metadata else None
    if isinstance(url, str):
        head["url"] = url
    record: dict[str, Any] = {"id": article.id, "article": head}
    record.update((k, v) for k, v in data.items() if k != "article")
    if verdicts is not None:
        record["verdicts"] = [v.to_dict() for v in verdicts]
    return record


def _one(nlp: Any, doc: Any, article: Article, check: bool) -> dict[str, Any]:
    from analysis.text.analyze import analyze_doc

    if doc is None:
        doc = nlp(article.text)
    analysis = analyze_doc(doc, article)
    verdicts = None
    if check:
        from analysis.checks import check_claims

        verdicts = check_claims(analysis, article.published)
    return article_record(analysis, article, verdicts)


def _docs(nlp: Any, articles: Sequence[Article], batch_size: int) -> Iterator[Any]:
    """The parsed docs of ``articles`` through ``nlp.pipe``; ``None`` for each one left
    unparsed after the pipe broke (those are parsed one by one, so only a bad text fails)."""
    done = 0
    try:
        for doc in nlp.pipe((a.text for a in articles), batch_size=batch_size):
            done += 1
            yield doc
    except Exception:  # a text that breaks the batch: fall back to one at a time
        for _ in range(done, len(articles)):
            yield None


def process_chunk(
    items: Sequence[Article | Failed],
    *,
    check: bool = False,
    model: str | None = None,
    batch_size: int = PIPE_BATCH,
) -> ChunkResult:
    """Analyse a chunk of articles in this process and return their records, in order.

    Parameters
    ----------
    items
        Articles (and :class:`~analysis.corpus.inputs.Failed` items, passed through
        as error records).
    check
        Also grade the claims (:func:`analysis.checks.check_claims`), adding ``verdicts``.
    model
        spaCy model package (default: the pipeline's usual choice).
    batch_size
        ``nlp.pipe`` batch size.

    Raises
    ------
    ModelNotFoundError
        When the model is not installed (the whole run stops: no article can succeed).

    Examples
    --------
    >>> from analysis.articles import make_article
    >>> res = process_chunk([make_article("Japan spoke.", id="j"), Failed("x", "x is empty")])
    >>> [r["id"] for r in res.records], res.records[1]["error"]
    (['j', 'x'], 'x is empty')
    """
    from analysis.text.pipeline import load_pipeline

    cpu = time.process_time()
    try:
        nlp = load_pipeline(model)
    except AnalysisError:
        raise
    except Exception as exc:  # a package by that name that is not a spaCy model
        raise ModelNotFoundError(f"cannot load spaCy model {model!r}: {one_line(exc)}") from None
    articles = [a for a in items if isinstance(a, Article)]
    docs = _docs(nlp, articles, max(1, batch_size))
    records: list[dict[str, Any]] = []
    notes: list[list[str]] = []
    for item in items:
        if isinstance(item, Failed):
            records.append(item.to_record())
            notes.append([])
            continue
        doc = next(docs)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                records.append(_one(nlp, doc, item, check))
            except Exception as exc:  # one bad article is an error row, never the end of the run
                failed = Failed(item.id, one_line(exc), str(item.path) if item.path else None)
                records.append(failed.to_record())
        notes.append(list(dict.fromkeys(str(w.message) for w in caught)))
    spent = time.process_time() - cpu
    return ChunkResult(records, notes, os.getpid(), peak_rss_mb(), spent)
