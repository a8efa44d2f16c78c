"""Command line: ``python -m analysis <command> …``.

This module owns argument parsing, output formats and exit codes; the analysis
itself lives in the package, which never imports this module.  Each command group
registers itself from a module of this package (:mod:`analysis.cli.geo`,
:mod:`analysis.cli.text`, :mod:`analysis.cli.check`); output formats live in
:mod:`analysis.cli.output`.

Exit status: 0 on success, 2 for a user error (one line on standard error, no
traceback, nothing written to standard output), 3 when some articles of a batch
failed (each one an error row), 130/143 when interrupted, 1 for an unexpected
failure.  A closed pipe (``| head -1``) ends the run quietly with status 0.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import TextIO

from analysis.errors import AnalysisError

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose usage errors are one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Build the top-level parser with every registered command."""
    from analysis.cli import check, geo, text

    parser = _Parser(
        prog="python -m analysis",
        description="Extract claims from news articles and check them against border data.",
    )
    from analysis import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in (geo, text, check):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Examples
    --------
    >>> main(["borders", "Atlantis"])  # prints "error: unknown country 'Atlantis'" on stderr
    2
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        return _run(handler, args)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Print a warning as one line on standard error, without source code."""
    sys.stderr.write(f"warning: {message}\n")


def _run(handler: Handler, args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except AnalysisError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OverflowError as exc:  # a date or number beyond what a library can hold
        sys.stderr.write(f"error: value out of range: {' '.join(str(exc).split())}\n")
        return 2
    except RecursionError:
        sys.stderr.write("error: input nested too deeply\n")
        return 2
    except MemoryError:
        sys.stderr.write("error: out of memory; split the input into smaller articles\n")
        return 2


def _silence_stdout() -> None:
    """After a closed pipe, point standard output at /dev/null so the final flush is quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        fd = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
