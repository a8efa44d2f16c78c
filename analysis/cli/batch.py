"""The corpus options shared by ``extract`` and ``check``, and the run behind them.

``python -m analysis extract|check INPUT... [--out PATH] [--engine local|dask]
[--workers N] [--scheduler ADDRESS] [--resume] [--model NAME]``

Without ``--out`` one article prints one JSON object (or a table) and several
print one JSON object a line, as they come.  With ``--out`` the records go to
JSON lines or Parquet tables, written atomically.  Exit status: 0 when every
article succeeded, 3 when some failed (each one an error row, with a one-line
summary on standard error), 2 for a bad invocation, 130/143 when interrupted.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import warnings
from collections.abc import Callable
from typing import Any

from analysis.errors import BadInputError, ModelNotFoundError

__all__ = ["add_corpus_arguments", "run_batch"]

#: Largest ``--workers`` accepted (a typo such as 4000 should not start 4000 processes).
MAX_WORKERS = 512


def add_corpus_arguments(p: argparse.ArgumentParser) -> None:
    """Add the inputs and the corpus options to a sub-command's parser.

    Examples
    --------
    >>> p = argparse.ArgumentParser()
    >>> add_corpus_arguments(p)
    >>> p.parse_args(["a.txt", "--workers", "2"]).workers
    2
    """
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="article files, folders (recursive), globs, - (standard input), .jsonl, "
        ".parquet or .csv tables (id, text, published, title, url), or seed ids",
    )
    p.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date (overrides metadata)"
    )
    p.add_argument(
        "--out",
        metavar="PATH",
        help="write FILE.jsonl (one object per article) or DIR/ or NAME.parquet (tables)",
    )
    p.add_argument(
        "--engine", choices=("local", "dask"), default=None, help="where to run (default: local)"
    )
    p.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (implies --engine dask)")
    p.add_argument("--resume", action="store_true", help="skip ids already in --out")
    p.add_argument("--model", metavar="NAME", help="spaCy model package (default: installed one)")


def _check_model(model: str | None) -> None:
    """Fail fast, in this process, when the model cannot be imported anywhere."""
    from analysis.text.pipeline import INSTALL_HINT, MODEL_CANDIDATES

    names = (model,) if model else MODEL_CANDIDATES
    for name in names:
        try:
            if importlib.util.find_spec(name) is not None:
                return
        except (ImportError, ValueError):
            continue
    if model:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install it with: {INSTALL_HINT}"
        )
    raise ModelNotFoundError(f"no spaCy English model found; install one with: {INSTALL_HINT}")


def _validate(args: argparse.Namespace) -> None:
    if not 1 <= args.workers <= MAX_WORKERS:
        raise BadInputError(f"--workers must be between 1 and {MAX_WORKERS}, not {args.workers}")
    if args.resume and not args.out:
        raise BadInputError("--resume needs --out (the output to resume)")
    if args.scheduler and args.engine == "local":
        raise BadInputError("--scheduler needs --engine dask")
    if args.out and getattr(args, "format", None) == "table":
        raise BadInputError("--format table prints to the terminal; leave it out with --out")
    if args.model is not None and not args.model.strip():
        raise BadInputError("--model: give a spaCy model package name")


def run_batch(
    args: argparse.Namespace,
    *,
    check: bool,
    render: Callable[[dict[str, Any], bool], str],
) -> int:
    """Run ``extract`` or ``check`` over the inputs of ``args``; return the exit status.

    ``render(record, single)`` gives the text printed for one record without ``--out``.
    """
    from analysis.cli.output import StdoutSink, parse_iso_date
    from analysis.corpus import (
        Interrupted,
        count_articles,
        iter_articles,
        make_engine,
        open_sink,
        resolve_inputs,
        run_corpus,
        stop_on_sigterm,
    )

    _validate(args)
    published = parse_iso_date(args.published, "--published") if args.published else None
    sources = resolve_inputs(list(args.inputs))
    single = len(sources) == 1 and sources[0].single and not args.out
    _check_model(args.model)
    tty = bool(getattr(sys.stderr, "isatty", lambda: False)())
    sink: Any
    if args.out:
        sink = open_sink(args.out, resume=args.resume, tables=("verdicts",) if check else ())
    else:
        sink = StdoutSink(single, render)

    def write(record: dict[str, Any], notes: list[str]) -> None:
        if single:
            for note in notes:
                warnings.warn(note, UserWarning, stacklevel=1)
        sink.write(record)

    try:
        with stop_on_sigterm():
            engine = make_engine(
                args.engine or ("dask" if args.scheduler else "local"),
                args.workers,
                args.scheduler,
                check=check,
                model=args.model,
            )
            with engine:
                summary = run_corpus(
                    iter_articles(sources, published),
                    write,
                    engine,
                    skip=sink.done,
                    total=count_articles(sources) if tty else None,
                    progress=tty and not single,
                )
            sink.commit()
    except Interrupted as exc:
        sink.abort()
        where = f"; nothing written to {args.out}" if args.out else ""
        sys.stderr.write(f"stopped by {signal_name(exc.signum)}{where}\n")
        return 128 + exc.signum
    except KeyboardInterrupt:
        sink.abort()
        where = f"; nothing written to {args.out}" if args.out else ""
        sys.stderr.write(f"interrupted{where}\n")
        return 130
    except BaseException:
        sink.abort()
        raise
    if single and sink.error is not None:
        raise BadInputError(sink.error)
    if args.out or summary.failed or summary.skipped:
        target = f" → {args.out}" if args.out else ""
        sys.stderr.write(summary.line() + target + "\n")
    return summary.status


def signal_name(signum: int) -> str:
    """``SIGTERM`` for 15 and so on.

    Examples
    --------
    >>> signal_name(15)
    'SIGTERM'
    """
    import signal

    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"
