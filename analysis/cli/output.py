"""Output formats of the command line: table, CSV, JSON and JSON lines.

The whole output of a command is rendered in memory first and written in one
piece, so a failure never leaves half an answer on standard output; a batch of
articles prints one complete record at a time (:class:`StdoutSink`).  JSON goes
through :func:`analysis.serialize.jsonable`, the one serialisation of the package.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd

from analysis.dates import as_date
from analysis.errors import BadInputError
from analysis.serialize import jsonable, records

FORMATS = ("table", "csv", "json")

__all__ = ["FORMATS", "StdoutSink", "emit", "lists_to_text", "parse_iso_date", "render"]


def parse_iso_date(value: str, name: str = "date") -> date:
    """Parse a date given on the command line (``YYYY-MM-DD``) with :func:`~analysis.dates.as_date`.

    Examples
    --------
    >>> parse_iso_date("2023-04-04")
    datetime.date(2023, 4, 4)
    """
    parsed = as_date(value, name)
    assert parsed is not None  # as_date raises for a missing required value
    return parsed


def _table_number(value: float) -> str:
    """Format a float for reading: 0.1 precision for lengths, 4 significant digits below 10."""
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.4g}"


def lists_to_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Join list cells with ``;`` for table and CSV output (JSON keeps real lists).

    Examples
    --------
    >>> lists_to_text(pd.DataFrame({"a": [["FIN", "NOR"], []]}))["a"].tolist()
    ['FIN;NOR', '']
    """
    out = frame.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, list | tuple)).any():
            out[col] = out[col].map(
                lambda v: ";".join(map(str, v)) if isinstance(v, list | tuple) else v
            )
    return out


def render(data: pd.DataFrame | list[dict[str, Any]] | dict[str, Any], fmt: str) -> str:
    """Render a result as ``table``, ``csv``, ``json`` or ``jsonl`` text.

    Examples
    --------
    >>> print(render(pd.DataFrame({"iso3": ["FIN"], "length_km": [1225.51]}), "table"), end="")
    iso3  length_km
     FIN     1225.5
    """
    if fmt == "json":
        payload = records(data) if isinstance(data, pd.DataFrame) else jsonable(data)
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        payload = records(data) if isinstance(data, pd.DataFrame) else jsonable(data)
        return json.dumps(payload, ensure_ascii=False) + "\n"
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    frame = lists_to_text(frame)
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


class StdoutSink:
    """Records printed on standard output as they come (no ``--out``).

    One article (``single``) prints its record once, and a failure is kept in
    :attr:`error` for a one-line message instead; several print one record per
    line (JSON lines, error rows included) and flush each, so ``| head -1`` stops
    the run early.  Nothing is atomic about a terminal, so commit and abort do nothing.
    """

    def __init__(self, single: bool, render_record: Callable[[dict[str, Any], bool], str]):
        self.single = single
        self.render_record = render_record
        self.done: set[str] = set()
        self.error: str | None = None

    def write(self, record: dict[str, Any]) -> None:
        """Print one record (or remember the error of the single article)."""
        if self.single and record.get("error") is not None:
            self.error = str(record["error"])
            return
        sys.stdout.write(self.render_record(record, self.single))
        sys.stdout.flush()

    def commit(self) -> None:
        """Nothing to do: every record is already printed."""

    def abort(self) -> None:
        """Nothing to remove."""
