"""Command line: ``python -m analysis <command> …``.

This module owns argument parsing, output formats and exit codes; the analysis
itself lives in the package.  Each command group registers itself from a module
in :mod:`analysis.commands`.

Exit status: 0 on success, 2 for a user error (one line on standard error, no
traceback, nothing written to standard output), 1 for an unexpected failure.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import sys
import warnings
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TextIO

import pandas as pd

from analysis.errors import AnalysisError, BadInputError

FORMATS = ("table", "csv", "json")

Handler = Callable[[argparse.Namespace], int]


def parse_iso_date(value: str) -> date:
    """Parse ``YYYY-MM-DD`` strictly, raising :class:`BadInputError` naming the value.

    Examples
    --------
    >>> parse_iso_date("2023-04-04")
    datetime.date(2023, 4, 4)
    """
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise BadInputError(f"bad date {value!r}: expected a real date as YYYY-MM-DD") from None


def _jsonable(value: Any) -> Any:
    """Convert numpy/pandas scalars, dates and NaN into plain JSON values."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return _jsonable(value.tolist())
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT or value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _table_number(value: float) -> str:
    """Format a float for reading: 0.1 precision for lengths, 4 significant digits below 10."""
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.4g}"


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return a DataFrame as a list of JSON-ready dicts (NaN → None, dates → ISO)."""
    return [_jsonable(row) for row in frame.to_dict(orient="records")]


def render(data: pd.DataFrame | list[dict[str, Any]] | dict[str, Any], fmt: str) -> str:
    """Render a result as ``table``, ``csv``, ``json`` or ``jsonl`` text.

    The whole output is built in memory first, so a failure never leaves half an
    answer on standard output.
    """
    if fmt == "json":
        payload = records(data) if isinstance(data, pd.DataFrame) else _jsonable(data)
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        payload = records(data) if isinstance(data, pd.DataFrame) else _jsonable(data)
        return json.dumps(payload, ensure_ascii=False) + "\n"
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    if fmt == "csv":
        buf = io.StringIO()
        frame.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL)
        return buf.getvalue()
    if fmt == "table":
        if frame.empty:
            return "(no rows)\n"
        return frame.to_string(index=False, float_format=_table_number) + "\n"
    raise BadInputError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def emit(data: pd.DataFrame | list[dict[str, Any]] | dict[str, Any], fmt: str) -> None:
    """Render ``data`` in ``fmt`` and write it to standard output in one piece."""
    sys.stdout.write(render(data, fmt))


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose usage errors are one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Build the top-level parser with every registered command."""
    from analysis.commands import check, geo, text

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
