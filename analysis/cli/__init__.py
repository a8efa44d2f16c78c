"""Command line: ``python -m analysis <command> …``.

This module owns argument parsing, output formats and exit codes; the analysis
itself lives in the package, which never imports this module.  Each command group
registers itself from a module of this package (:mod:`analysis.cli.geo`,
:mod:`analysis.cli.text`, :mod:`analysis.cli.check`); output formats live in
:mod:`analysis.cli.output`.

Exit status: 0 on success, 2 for a user error (one line on standard error, no
traceback, nothing written to standard output), 1 for an unexpected failure.
"""

from __future__ import annotations

import argparse
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
        return 0
