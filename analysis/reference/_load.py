"""Read, verify and validate one reference table; the machinery every table module shares.

A table is a CSV file in ``analysis/reference/data`` with a source on every row.
:func:`load_table`

* checks the packaged file against its ``SHA256SUMS`` listing
  (:func:`analysis._data.verified`, the one checksum mechanism);
* reads every cell as text and validates the frame with a pandera schema; the
  first failure becomes a :class:`~analysis.errors.ReferenceDataError` naming the
  file, the data row, the line, the column, the rule broken and the bad value;
* converts the validated text into typed columns with the table's own parser;
* caches the result per file, and hands out copies whose cells hold only
  immutable values (tuples, not lists), so a caller who changes what it got back
  cannot change what the next caller gets.

Each public loader takes an optional ``path`` so that tests (and researchers with
their own tables) can load another file with the same schema; such files are
validated but not checksum-verified.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis._data import package_file, verified
from analysis.dates import parse_partial_date
from analysis.errors import DataFileError, ReferenceDataError

DATA_DIR = package_file("reference", "data")

Parser = Callable[[pd.DataFrame], pd.DataFrame]

_ID = r"^[A-Za-z0-9_-]+$"
_CODE = r"^[A-Z]{3}$"


# --------------------------------------------------------------------------- checks


def required() -> pa.Check:
    """A pandera check: the cell is not empty.

    Examples
    --------
    >>> required().error
    'must not be empty'
    """
    return pa.Check(lambda s: s.str.strip() != "", error="must not be empty")


def one_of(options: Iterable[str], *, allow_empty: bool = False) -> pa.Check:
    """A pandera check: the cell is one of ``options`` (or empty when allowed).

    Examples
    --------
    >>> one_of(["day", "year"]).error
    'must be one of day, year'
    """
    opts = tuple(options)
    allowed = set(opts) | ({""} if allow_empty else set())
    return pa.Check(lambda s: s.isin(allowed), error="must be one of " + ", ".join(opts))


def matches(pattern: str, error: str, *, allow_empty: bool = False) -> pa.Check:
    """A pandera check: the cell matches a regular expression (or is empty when allowed).

    Examples
    --------
    >>> matches(r"^\\d+$", "must be a whole number").error
    'must be a whole number'
    """
    rx = re.compile(pattern)

    def ok(s: pd.Series) -> pd.Series:
        return s.map(lambda v: (allow_empty and v == "") or bool(rx.search(v)))

    return pa.Check(ok, error=error)


def identifier() -> pa.Check:
    """A pandera check: letters, digits, ``-`` and ``_`` only.

    Examples
    --------
    >>> identifier().error
    "must be letters, digits, '-' or '_'"
    """
    return matches(_ID, "must be letters, digits, '-' or '_'")


def country_code(*, allow_empty: bool = False) -> pa.Check:
    """A pandera check: a code the package's country model knows (ISO 3166-1/-3 or documented).

    Examples
    --------
    >>> country_code().error
    'must be a country code known to analysis.countries (ISO 3166-1 or 3166-3 alpha-3)'
    """

    def ok(s: pd.Series) -> pd.Series:
        return s.map(lambda v: (allow_empty and v == "") or _known_code(v))

    return pa.Check(
        ok,
        error="must be a country code known to analysis.countries (ISO 3166-1 or 3166-3 alpha-3)",
    )


def _known_code(code: str) -> bool:
    from analysis.countries import get
    from analysis.errors import UnknownCountryError

    try:
        return get(code).code == code
    except UnknownCountryError:
        return False


def urls() -> pa.Check:
    """A pandera check: every ``' ; '``-separated part of the cell is a URL.

    Examples
    --------
    >>> urls().error
    "every ' ; '-separated part must be a URL"
    """

    def ok(value: str) -> bool:
        parts = [p.strip() for p in value.split(" ; ")]
        return bool(value.strip()) and all(
            p.startswith(("http://", "https://", "github.com/")) for p in parts
        )

    return pa.Check(lambda s: s.map(ok), error="every ' ; '-separated part must be a URL")


def number(*, positive: bool = True, allow_empty: bool = False) -> pa.Check:
    """A pandera check: a finite (positive) decimal number.

    Examples
    --------
    >>> number().error
    'must be a positive number'
    """

    def ok(v: str) -> bool:
        if v == "":
            return allow_empty
        try:
            x = float(v)
        except ValueError:
            return False
        return x == x and abs(x) != float("inf") and (x > 0 or not positive)

    return pa.Check(
        lambda s: s.map(ok), error="must be a positive number" if positive else "must be a number"
    )


#: error text of each frame-wide check → the column its failures are reported under
_FRAME_COLUMN: dict[str, str] = {}


def frame_check(fn: Callable[[pd.DataFrame], pd.Series], column: str, error: str) -> pa.Check:
    """A frame-wide pandera check (it sees whole rows) whose failures name ``column``.

    ``fn`` returns one boolean per row.

    Examples
    --------
    >>> frame_check(lambda f: f["a"] != "", "a", "a must be set").error
    'a must be set'
    """
    _FRAME_COLUMN[error] = column
    return pa.Check(fn, error=error)


def date_pair(column: str, precision_column: str) -> pa.Check:
    """A frame-wide pandera check: the date in ``column`` parses at the precision beside it.

    ``precision_column`` holds ``day``, ``month``, ``year``, ``decade``, ``before`` or
    ``unknown``; an empty precision means ``day`` for a date and ``unknown`` for an
    empty cell.  The rows that fail are reported under ``column``.

    Examples
    --------
    >>> frame = pd.DataFrame({"joined": ["2023-04-04", "2023-13"], "p": ["day", "month"]})
    >>> date_pair("joined", "p")(frame).check_output.tolist()
    [True, False]
    """

    def ok(frame: pd.DataFrame) -> pd.Series:
        flags = []
        for value, precision in zip(frame[column], frame[precision_column], strict=True):
            try:
                day_bounds(value, precision)
            except ValueError:
                flags.append(False)
            else:
                flags.append(True)
        return pd.Series(flags, index=frame.index, name=column)

    return frame_check(
        ok,
        column,
        f"does not match the precision in {precision_column!r} (YYYY-MM-DD, YYYY-MM or YYYY)",
    )


def text_columns(
    names: Iterable[str],
    checks: dict[str, pa.Check | list[pa.Check]],
    *,
    unique: Iterable[str] = (),
) -> dict[str, pa.Column]:
    """Build pandera columns of text for ``names``; ``checks`` maps a column to its rules,
    and the ``unique`` columns are keys.

    Examples
    --------
    >>> sorted(text_columns(["a", "b"], {"a": required()}, unique=["a"]))
    ['a', 'b']
    """
    keys = set(unique)
    out: dict[str, pa.Column] = {}
    for name in names:
        rule = checks.get(name, [])
        out[name] = pa.Column(str, rule if isinstance(rule, list) else [rule], unique=name in keys)
    return out


# --------------------------------------------------------------------------- loading


def _row_error(name: str, exc: pa.errors.SchemaErrors, frame: pd.DataFrame) -> ReferenceDataError:
    cases = exc.failure_cases.copy()
    cases["_row"] = pd.to_numeric(cases["index"], errors="coerce")
    cases = cases.sort_values("_row", kind="stable", na_position="first")
    first = cases.iloc[0]
    column = first["column"]
    rule = str(first["check"])
    if rule == "field_uniqueness":  # report the repeat, naming the first use
        same = cases[(cases["check"] == rule) & (cases["column"] == column)]
        same = same[same["failure_case"] == first["failure_case"]]
        rows = sorted(int(r) for r in same["_row"])
        first = same[same["_row"] == rows[1]].iloc[0] if len(rows) > 1 else first
        rule = f"duplicate key (first used in row {rows[0] + 1})"
    if first["_row"] != first["_row"]:  # no row: a frame-level problem (missing column …)
        return ReferenceDataError(f"{name}: {rule} ({first['failure_case']})")
    row = int(first["_row"])
    if str(first["schema_context"]) == "DataFrameSchema":
        column = _FRAME_COLUMN.get(str(first["check"]), column)
    value = frame.iloc[row][column] if column in frame.columns else first["failure_case"]
    return ReferenceDataError(
        f"{name}, row {row + 1} (line {row + 2}), column {column!r}: {rule}; got {value!r}"
    )


def read_csv(path: Path, name: str) -> pd.DataFrame:
    """Read a reference CSV as text cells, with one-line errors for unreadable files.

    The standard library's reader is used rather than pandas', which silently
    turns a row with one field too many into an index instead of failing.

    Raises
    ------
    DataFileError
        The file is missing or not UTF-8.
    ReferenceDataError
        A row has too many or too few fields, or there is no header.

    Examples
    --------
    >>> read_csv(DATA_DIR / "alliances.csv", "alliances.csv").columns[0]
    'alliance_id'
    """
    if not path.is_file():
        raise DataFileError(f"reference table {name} not found at {path}")
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
    except UnicodeDecodeError:
        raise DataFileError(f"reference table {name} at {path} is not UTF-8") from None
    except csv.Error as exc:
        raise ReferenceDataError(f"{name}: not a readable CSV ({exc})") from None
    if not rows:
        raise ReferenceDataError(f"{name}: no header and no rows")
    header = [c.strip() for c in rows[0]]
    body = [r for r in rows[1:] if any(cell.strip() for cell in r)]
    for number, r in enumerate(body, start=1):
        if len(r) != len(header):
            problem = "too many fields" if len(r) > len(header) else "too few fields"
            raise ReferenceDataError(
                f"{name}, row {number} (line {number + 1}): {problem} "
                f"({len(r)} for {len(header)} columns)"
            )
    return pd.DataFrame([[c.strip() for c in r] for r in body], columns=header, dtype=str)


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, name: str) -> pd.DataFrame:
    """Validate a text frame with ``schema``; the first failure names its row.

    Raises
    ------
    ReferenceDataError
        Naming the table, row, line, column, rule and value.

    Examples
    --------
    >>> schema = pa.DataFrameSchema({"id": pa.Column(str, required())})
    >>> try:
    ...     validate(pd.DataFrame({"id": ["a", ""]}), schema, "t.csv")
    ... except ReferenceDataError as exc:
    ...     print(exc)
    t.csv, row 2 (line 3), column 'id': must not be empty; got ''
    """
    missing = [c for c in schema.columns if c not in frame.columns]
    if missing:
        raise ReferenceDataError(f"{name}: missing column(s) {', '.join(missing)}")
    if frame.empty:
        raise ReferenceDataError(f"{name}: no rows")
    frame = frame[list(schema.columns)]
    try:
        return schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise _row_error(name, exc, frame) from None


def frozen(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` whose list cells are tuples (immutable).

    Examples
    --------
    >>> frozen(pd.DataFrame({"a": [[1, 2]]}))["a"].iloc[0]
    (1, 2)
    """
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object and out[col].map(lambda v: isinstance(v, list)).any():
            out[col] = out[col].map(lambda v: tuple(v) if isinstance(v, list) else v)
    return out


@lru_cache(maxsize=64)
def _cached(name: str, path: str, packaged: bool, schema_id: int) -> pd.DataFrame:
    schema, parse = _SCHEMAS[schema_id]
    p = Path(path)
    if packaged:
        verified(p)
    frame = validate(read_csv(p, name), schema, name)
    return frozen(parse(frame))


_SCHEMAS: dict[int, tuple[pa.DataFrameSchema, Parser]] = {}


def load_table(
    file_name: str,
    schema: pa.DataFrameSchema,
    parse: Parser,
    path: str | Path | None = None,
) -> pd.DataFrame:
    """Load, verify, validate, parse and cache a reference table; return a copy.

    Parameters
    ----------
    file_name
        The CSV's name in :data:`DATA_DIR`.
    schema
        Its pandera schema (text cells).
    parse
        Turns the validated text frame into typed columns.
    path
        Another CSV with the same schema (validated, not checksum-verified).

    Examples
    --------
    >>> from analysis.reference.alliances import alliances
    >>> "NATO" in set(alliances()["alliance_id"])
    True
    """
    key = id(schema)
    _SCHEMAS.setdefault(key, (schema, parse))
    packaged = path is None
    target = DATA_DIR / file_name if packaged else Path(path)  # type: ignore[arg-type]
    shown = file_name if packaged else target.name
    return _cached(shown, str(target), packaged, key).copy()


_DERIVED: list[Callable[[], None]] = []


def derived_cache(clear: Callable[[], None]) -> None:
    """Register the ``cache_clear`` of a cache built from tables, for :func:`clear_cache`.

    Examples
    --------
    >>> derived_cache(lambda: None)
    """
    _DERIVED.append(clear)


def clear_cache() -> None:
    """Forget every loaded table and everything built from them (for tests that swap files).

    Examples
    --------
    >>> clear_cache()
    """
    _cached.cache_clear()
    for clear in _DERIVED:
        clear()


def timestamps(days: Iterable[date | None]) -> pd.Series:
    """Days (or ``None``) as a datetime64 column (``NaT`` for ``None``).

    Examples
    --------
    >>> timestamps([date(2017, 1, 1), None]).tolist()
    [Timestamp('2017-01-01 00:00:00'), NaT]
    """
    return pd.to_datetime(pd.Series(list(days), dtype=object))


def day_bounds(value: str, precision: str) -> tuple[date | None, date | None]:
    """First and last day of a validated partial date (:func:`~analysis.dates.parse_partial_date`).

    Examples
    --------
    >>> day_bounds("2017-01", "month")
    (datetime.date(2017, 1, 1), datetime.date(2017, 1, 31))
    """
    return parse_partial_date(value, precision or ("unknown" if not value else "day"))
