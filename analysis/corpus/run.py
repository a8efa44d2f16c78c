"""Run a corpus through an engine: chunks in, records out, a summary at the end.

:func:`run_corpus` reads the articles lazily, skips ids already written
(``--resume``) and repeated ids, cuts the rest into chunks, runs them on an
engine (:mod:`analysis.corpus.engines`) and hands every record, in input order,
to a writer.  It shows a progress bar on a terminal only, and turns SIGTERM into
the same clean stop as Ctrl-C (:func:`stop_on_sigterm`).
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from types import FrameType
from typing import Any

from analysis.articles import Article
from analysis.corpus.engines import Engine
from analysis.corpus.inputs import Failed

__all__ = ["Interrupted", "Summary", "run_corpus", "stop_on_sigterm"]

#: Articles per chunk sent to a worker (one ``nlp.pipe`` run).  Small chunks balance
#: the workers (a chunk is the unit of work) at a negligible cost: only texts go
#: out and compact records come back.
CHUNK = 4

Writer = Callable[[dict[str, Any], list[str]], None]


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal (SIGINT or SIGTERM); carries the signal number."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextlib.contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Interrupted` like Ctrl-C raises KeyboardInterrupt.

    Outside the main thread (where Python cannot install handlers) this does nothing.

    Examples
    --------
    >>> with stop_on_sigterm():
    ...     signal.getsignal(signal.SIGTERM).__name__
    '_raise'
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not stop the clean-up
        raise Interrupted(signum)

    previous = signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@dataclass
class Summary:
    """What a run did: counts, words, time, the workers' CPU time and peak memory.

    Examples
    --------
    >>> Summary(articles=3, ok=2, failed=1, seconds=2.0, words=900).line()
    '3 articles: 2 ok, 1 failed (2.0 s, 1.5 articles/s, 450 words/s)'
    """

    articles: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    words: int = 0
    warned: int = 0
    seconds: float = 0.0
    peak_rss_mb: dict[int, float] = field(default_factory=dict)
    cpu_seconds: float = 0.0

    @property
    def status(self) -> int:
        """Exit status: 0 when every article succeeded, 3 when some failed."""
        return 3 if self.failed else 0

    def line(self) -> str:
        """The one-line summary printed on standard error."""
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        wps = self.words / self.seconds if self.seconds > 0 else 0.0
        parts = [f"{self.ok} ok", f"{self.failed} failed"]
        if self.skipped:
            parts.append(f"{self.skipped} already written")
        if self.warned:
            parts.append(f"{self.warned} with warnings")
        return (
            f"{self.articles} articles: {', '.join(parts)} "
            f"({self.seconds:.1f} s, {rate:.1f} articles/s, {wps:.0f} words/s)"
        )


def _chunks(items: Iterator[Article | Failed], size: int) -> Iterator[list[Article | Failed]]:
    while chunk := list(islice(items, size)):
        yield chunk


def run_corpus(
    articles: Iterable[Article | Failed],
    write: Writer,
    engine: Engine,
    *,
    skip: set[str] | None = None,
    chunk_size: int = CHUNK,
    total: int | None = None,
    progress: bool | None = None,
) -> Summary:
    """Analyse a stream of articles on ``engine`` and hand each record to ``write``.

    Parameters
    ----------
    articles
        Articles and :class:`~analysis.corpus.inputs.Failed` items, e.g. from
        :func:`~analysis.corpus.inputs.iter_articles`.
    write
        Called with each record and its warnings, in input order.
    engine
        From :func:`~analysis.corpus.engines.make_engine` (already entered).
    skip
        Ids not to analyse again (already written).
    chunk_size
        Articles per chunk.
    total
        Number of articles expected, for the progress bar's time left.
    progress
        Show a progress bar (default: when standard error is a terminal).

    Examples
    --------
    >>> from analysis.articles import make_article
    >>> from analysis.corpus.engines import make_engine
    >>> got = []
    >>> with make_engine() as eng:
    ...     s = run_corpus([make_article("Japan spoke.", id="j"), Failed("x", "x is empty")],
    ...                    lambda rec, notes: got.append(rec["id"]), eng)
    >>> got, s.ok, s.failed, s.status
    (['j', 'x'], 1, 1, 3)
    """
    from tqdm import tqdm

    summary = Summary()
    done = set(skip or ())
    seen: set[str] = set()
    words: dict[str, int] = {}
    if progress is None:
        progress = bool(getattr(sys.stderr, "isatty", lambda: False)())

    def todo() -> Iterator[Article | Failed]:
        for item in articles:
            if item.id in done:
                summary.skipped += 1
                bar.update(1)
                continue
            if item.id in seen:
                item = Failed(item.id, f"duplicate article id {item.id!r} (already analysed)")
            else:
                seen.add(item.id)
                if isinstance(item, Article):
                    words[item.id] = item.words
            yield item

    start = time.perf_counter()
    with tqdm(
        total=total, unit="article", disable=not progress, file=sys.stderr, dynamic_ncols=True
    ) as bar:
        for result in engine.map(_chunks(todo(), max(1, chunk_size))):
            for record, notes in zip(result.records, result.warnings, strict=True):
                write(record, notes)
                summary.articles += 1
                if record.get("error") is None:
                    summary.ok += 1
                    summary.words += words.pop(str(record["id"]), 0)
                else:
                    summary.failed += 1
                    words.pop(str(record["id"]), None)
                summary.warned += bool(notes)
            summary.cpu_seconds += result.cpu_seconds
            if result.pid:
                old = summary.peak_rss_mb.get(result.pid, 0.0)
                summary.peak_rss_mb[result.pid] = max(old, result.peak_rss_mb)
            bar.update(len(result.records))
            elapsed = time.perf_counter() - start
            if elapsed > 0:
                bar.set_postfix_str(f"{summary.words / elapsed:,.0f} words/s", refresh=False)
    summary.seconds = time.perf_counter() - start
    return summary
