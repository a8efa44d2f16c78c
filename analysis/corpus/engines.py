"""Engines that run :func:`~analysis.corpus.records.process_chunk` over a stream of chunks.

* :class:`InlineEngine` — this process (one worker: no process to start, nothing to copy);
* :class:`ProcessEngine` — a pool of worker processes on this machine
  (:class:`concurrent.futures.ProcessPoolExecutor`), each loading the model once;
* :class:`DaskEngine` — a ``dask.distributed`` cluster: a :class:`~distributed.LocalCluster`
  of worker processes on loopback, or an existing cluster at a scheduler address.

Each engine's :meth:`map` takes chunks lazily and yields their results in input
order, with at most a few chunks per worker in flight, so the input is never
read far ahead of the output and memory stays flat.  The parent only reads
input, writes output and shows progress; all parsing and extraction happen in
the workers.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from typing import Any

from analysis.corpus.records import PIPE_BATCH, ChunkResult, process_chunk
from analysis.errors import BadInputError

__all__ = ["DaskEngine", "Engine", "InlineEngine", "ProcessEngine", "make_engine"]

#: How long to wait for a Dask scheduler given with ``--scheduler``.
CONNECT_TIMEOUT = "10s"

#: Chunks in flight per worker: one being processed, one queued (keeps workers busy).
IN_FLIGHT = 2

#: Dask settings for the workers of a local cluster.  Two of Dask's defaults cost a
#: spaCy worker CPU that a plain process pool does not spend (measured with
#: ``benchmarks/bench_corpus.py``: about 20-40 % more CPU per chunk with both on):
#: the statistical profiler samples the running task's stack every 10 ms, and
#: ``MALLOC_TRIM_THRESHOLD_=65536`` makes glibc hand memory back to the system after
#: nearly every parse, so the next one faults it in again.  Without them a worker's peak
#: memory stays within the corpus benchmark's 600 MB.  Workers of a cluster given
#: with ``--scheduler`` keep their own settings (see the README, "Running on a cluster").
LOCAL_WORKER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


class Engine:
    """Base of the engines: a context manager with an ordered, bounded :meth:`map`."""

    workers = 1

    def __init__(
        self, *, check: bool = False, model: str | None = None, batch_size: int = PIPE_BATCH
    ):
        self.task = partial(process_chunk, check=check, model=model, batch_size=batch_size)
        self.model = model

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(abort=exc[0] is not None)

    def close(self, abort: bool = False) -> None:
        """Release the workers (at once, when ``abort``)."""

    def submit(self, chunk: list[Any]) -> Any:
        """Start one chunk; return a future with ``result()``."""
        raise NotImplementedError

    def map(self, chunks: Iterable[list[Any]]) -> Iterator[ChunkResult]:
        """Results of ``chunks``, in order, with a bounded number in flight."""
        return _ordered(self.submit, chunks, IN_FLIGHT * self.workers)


def _ordered(
    submit: Callable[[list[Any]], Any], chunks: Iterable[list[Any]], window: int
) -> Iterator[ChunkResult]:
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class _Done:
    """A finished 'future' for the inline engine."""

    def __init__(self, value: ChunkResult) -> None:
        self.value = value

    def result(self) -> ChunkResult:
        return self.value


class InlineEngine(Engine):
    """Run every chunk in this process, one after the other.

    With one worker this is the fastest choice: nothing is copied between
    processes and the model is loaded once, here.
    """

    def submit(self, chunk: list[Any]) -> _Done:
        return _Done(self.task(chunk))

    def map(self, chunks: Iterable[list[Any]]) -> Iterator[ChunkResult]:
        for chunk in chunks:
            yield self.task(chunk)


def _init_worker(model: str | None) -> None:
    """Worker start-up: leave Ctrl-C to the parent, load the model once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from analysis.errors import ModelNotFoundError
    from analysis.text.pipeline import load_pipeline

    with contextlib.suppress(ModelNotFoundError):  # reported by the first chunk instead
        load_pipeline(model)


class ProcessEngine(Engine):
    """A pool of ``workers`` processes on this machine (started with ``spawn``)."""

    def __init__(self, workers: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.workers = workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.model,),
        )

    def submit(self, chunk: list[Any]) -> Future[ChunkResult]:
        return self.pool.submit(self.task, chunk)

    def close(self, abort: bool = False) -> None:
        if abort:
            # stop at once: drop queued chunks and end the workers mid-chunk
            procs = list((getattr(self.pool, "_processes", None) or {}).values())
            terminate = getattr(self.pool, "terminate_workers", None)  # Python 3.14+
            if terminate is not None:
                terminate()
            for proc in procs:
                with contextlib.suppress(Exception):
                    proc.terminate()
            self.pool.shutdown(wait=False, cancel_futures=True)
            for proc in procs:
                with contextlib.suppress(Exception):
                    proc.join(timeout=5)
        self.pool.shutdown(wait=True)


class DaskEngine(Engine):
    """A ``dask.distributed`` cluster: a new local one, or the one at ``scheduler``.

    A local cluster has ``workers`` worker processes with one thread each, bound to
    127.0.0.1, without a dashboard, and with :data:`LOCAL_WORKER_CONFIG`.  On an existing
    cluster every worker needs this package and the spaCy model installed (see the
    README, "Running on a cluster").
    """

    def __init__(self, workers: int, scheduler: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        from distributed import Client, LocalCluster

        self.cluster: Any = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=CONNECT_TIMEOUT)
                self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
            else:
                import dask

                # the nannies read these as they start, and hand them to their workers
                with dask.config.set(LOCAL_WORKER_CONFIG):
                    self.cluster = LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                self.client = Client(self.cluster)
                self.workers = workers
        except (OSError, ValueError, TypeError) as exc:
            self._close_cluster()
            reason = " ".join(str(exc).split()) or type(exc).__name__
            if scheduler:
                msg = f"cannot reach the Dask scheduler at {scheduler}: {reason}"
            else:
                msg = f"cannot start a local Dask cluster: {reason}"
            raise BadInputError(msg) from None
        except BaseException:
            self._close_cluster()
            raise
        from analysis.corpus.plugin import PreloadModel

        self.client.register_plugin(PreloadModel(self.model), name=PreloadModel.name)

    def submit(self, chunk: list[Any]) -> Any:
        return self.client.submit(self.task, chunk, pure=False)

    def _close_cluster(self) -> None:
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close(timeout=10)

    def close(self, abort: bool = False) -> None:
        with contextlib.suppress(Exception):
            if abort:
                self.client.cancel(list(self.client.futures.values()), force=True)
        with contextlib.suppress(Exception):
            self.client.close(timeout=10)
        self._close_cluster()


def make_engine(
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    *,
    check: bool = False,
    model: str | None = None,
    batch_size: int = PIPE_BATCH,
) -> Engine:
    """The engine for ``--engine``/``--workers``/``--scheduler``.

    ``local`` with one worker runs in this process; with more, in a process pool.

    Examples
    --------
    >>> with make_engine("local", 1) as eng:
    ...     type(eng).__name__
    'InlineEngine'
    """
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise BadInputError(f"--workers must be a whole number of at least 1, not {workers!r}")
    opts: dict[str, Any] = {"check": check, "model": model, "batch_size": batch_size}
    if engine == "dask" or scheduler:
        return DaskEngine(workers, scheduler, **opts)
    if engine != "local":
        raise BadInputError(f"unknown engine {engine!r}; choose local or dask")
    if workers == 1:
        return InlineEngine(**opts)
    return ProcessEngine(workers, **opts)
