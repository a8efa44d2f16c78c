"""Load and validate the sourced reference tables shipped in ``analysis/reference/data``.

Every table is a CSV file with one source (and URL) per row; ``SOURCES.md`` in the
same folder says where each table came from.  Loading a table

* checks the file's SHA-256 against ``SHA256SUMS`` (packaged files only),
* validates every row (types, ISO 3166-1 alpha-3 codes known to ``countries.csv``,
  unique keys, dates that parse at their stated precision, positive numbers),
* raises :class:`~analysis.errors.ReferenceDataError` naming the file, the row and
  the problem on the first bad row,
* caches the result for the process (one parse per file and path).

Each loader takes an optional ``path`` so tests can feed it a deliberately broken
copy.  The returned DataFrames are copies: callers may modify them freely.

How membership order is counted
-------------------------------
A member's *count after accession* (``members_after``) is the number of states
that were members at the end of its accession day; this is how NATO and the press
number members ("Finland became the 31st member").  States that joined on the same
day share a range of ordinal positions, ``order_min`` … ``order_max``: the twelve
founders hold 1–12, Greece and Türkiye 13–14, the 1999 trio 17–19, and so on.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from analysis._data import listed, package_file, verified
from analysis.errors import DataFileError, ReferenceDataError, UnknownCountryError

__all__ = [
    "DATA_DIR",
    "TABLES",
    "AccessionRank",
    "BorderRatio",
    "border_figures",
    "border_series",
    "border_statements",
    "countries",
    "in_asia",
    "indo_pacific_partners",
    "is_member",
    "member_count",
    "member_rank",
    "members_on",
    "nato_members",
    "nato_offices",
    "parse_partial_date",
    "published_ratio",
    "published_ratios",
    "resolve_country",
    "verify_checksums",
]

DATA_DIR = package_file("reference", "data")

#: Table name → file name inside :data:`DATA_DIR`.
TABLES: dict[str, str] = {
    "countries": "countries.csv",
    "nato_members": "nato_members.csv",
    "indo_pacific_partners": "indo_pacific_partners.csv",
    "nato_offices": "nato_offices.csv",
    "border_figures": "border_figures.csv",
    "border_statements": "border_statements.csv",
}

PRECISIONS = ("day", "month", "year", "decade", "before", "unknown")
OFFICE_STATUSES = ("active", "closed", "merged", "moved", "proposed", "agreed", "unknown")
OFFICE_KINDS = (
    "liaison",
    "information",
    "regional_centre",
    "military_liaison",
    "military_hq",
    "io_liaison",
)
SOURCE_KINDS = (
    "cia_factbook",
    "national",
    "wikipedia",
    "russian_border_service",
    "russian_regional",
    "other",
)
INCLUDES = ("land", "rivers", "lakes", "sea", "unspecified")
RATIO_WORDS = ("more_than_doubled", "doubled", "roughly_doubled", "increase_km", "other", "none")
ASIA_VALUES = ("yes", "no", "contested")

_ISO3 = re.compile(r"^[A-Z]{3}$")
_ID = re.compile(r"^[A-Za-z0-9_-]+$")


# --------------------------------------------------------------------------- helpers


class _Row:
    """One CSV row with its position, for error messages that name the row."""

    def __init__(self, table: str, number: int, values: dict[str, str]) -> None:
        self.table = table
        self.rownum = number  # 1-based data row; the file line is number + 1
        self.values = values

    def fail(self, column: str, problem: str) -> ReferenceDataError:
        value = self.values.get(column, "")
        return ReferenceDataError(
            f"{self.table}, row {self.rownum} (line {self.rownum + 1}), column {column!r}: "
            f"{problem}; got {value!r}"
        )

    def text(self, column: str, *, required: bool = True) -> str:
        value = self.values.get(column, "").strip()
        if required and not value:
            raise self.fail(column, "must not be empty")
        return value

    def choice(self, column: str, options: Iterable[str]) -> str:
        value = self.text(column)
        opts = tuple(options)
        if value not in opts:
            raise self.fail(column, "must be one of " + ", ".join(opts))
        return value

    def iso3(self, column: str, known: set[str] | None) -> str:
        value = self.text(column)
        if not _ISO3.match(value):
            raise self.fail(column, "must be an ISO 3166-1 alpha-3 code (three capital letters)")
        if known is not None and value not in known:
            raise self.fail(column, "is not a country code listed in countries.csv")
        return value

    def number(self, column: str, *, positive: bool = True, required: bool = True) -> float | None:
        raw = self.text(column, required=required)
        if not raw:
            return None
        try:
            value = float(raw)
        except ValueError:
            raise self.fail(column, "must be a number") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise self.fail(column, "must be a finite number")
        if positive and value <= 0:
            raise self.fail(column, "must be positive")
        return value

    def integer(self, column: str, *, required: bool = True) -> int | None:
        raw = self.text(column, required=required)
        if not raw:
            return None
        if not re.fullmatch(r"-?\d+", raw):
            raise self.fail(column, "must be a whole number")
        return int(raw)

    def boolean(self, column: str) -> bool:
        value = self.text(column).lower()
        if value not in ("true", "false"):
            raise self.fail(column, "must be true or false")
        return value == "true"

    def url(self, column: str) -> str:
        value = self.text(column)
        for part in value.split(" ; "):
            if not part.strip().startswith(("http://", "https://", "github.com/")):
                raise self.fail(column, "every ' ; '-separated part must be a URL")
        return value

    def day(self, column: str, *, required: bool = True) -> date | None:
        raw = self.text(column, required=required)
        if not raw:
            return None
        try:
            if len(raw) != 10:
                raise ValueError
            return date.fromisoformat(raw)
        except ValueError:
            raise self.fail(column, "must be a date written YYYY-MM-DD") from None

    def partial(self, column: str, precision: str) -> tuple[date | None, date | None]:
        try:
            return parse_partial_date(self.values.get(column, "").strip(), precision)
        except ValueError as exc:
            raise self.fail(column, str(exc)) from None


def parse_partial_date(value: str, precision: str) -> tuple[date | None, date | None]:
    """Return the first and last day a date written at ``precision`` can mean.

    Parameters
    ----------
    value
        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` matching ``precision``; empty only
        when ``precision`` is ``"unknown"``.
    precision
        ``day``, ``month``, ``year``, ``decade`` (``value`` is the decade's first
        year), ``before`` (``value`` is a year; the date is on or before its end) or
        ``unknown``.

    Returns
    -------
    tuple of (date or None, date or None)
        Earliest and latest possible day; ``None`` where unbounded or unknown.

    Raises
    ------
    ValueError
        When the value does not match its precision.

    Examples
    --------
    >>> parse_partial_date("2017-01", "month")
    (datetime.date(2017, 1, 1), datetime.date(2017, 1, 31))
    >>> parse_partial_date("2013", "before")
    (None, datetime.date(2013, 12, 31))
    >>> parse_partial_date("", "unknown")
    (None, None)
    """
    patterns = {
        "day": r"\d{4}-\d{2}-\d{2}",
        "month": r"\d{4}-\d{2}",
        "year": r"\d{4}",
        "decade": r"\d{3}0",
        "before": r"\d{4}",
    }
    if precision == "unknown":
        if value:
            raise ValueError("must be empty when the precision is 'unknown'")
        return None, None
    if precision not in patterns:
        raise ValueError("unknown precision " + repr(precision))
    if not re.fullmatch(patterns[precision], value):
        raise ValueError(f"does not match precision {precision!r}")
    try:
        if precision == "day":
            d = date.fromisoformat(value)
            return d, d
        if precision == "month":
            y, m = int(value[:4]), int(value[5:7])
            first = date(y, m, 1)
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        y = int(value)
        if precision == "year":
            return date(y, 1, 1), date(y, 12, 31)
        if precision == "decade":
            return date(y, 1, 1), date(y + 9, 12, 31)
        return None, date(y, 12, 31)  # "before"
    except ValueError:
        raise ValueError("is not a real date") from None


def _read_rows(path: Path, table: str, columns: list[str]) -> list[_Row]:
    if not path.is_file():
        raise DataFileError(f"reference table {table} not found at {path}")
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [c for c in columns if c not in header]
            if missing:
                raise ReferenceDataError(f"{table}: missing column(s) {', '.join(missing)}")
            rows = []
            for i, rec in enumerate(reader, start=1):
                if None in rec:
                    raise ReferenceDataError(f"{table}, row {i} (line {i + 1}): too many fields")
                rows.append(_Row(table, i, {k: (v or "") for k, v in rec.items()}))
    except UnicodeDecodeError:
        raise DataFileError(f"reference table {table} at {path} is not UTF-8") from None
    if not rows:
        raise ReferenceDataError(f"{table}: no rows")
    return rows


def _unique(rows: list[_Row], column: str, keys: list[Any]) -> None:
    seen: dict[Any, int] = {}
    for row, key in zip(rows, keys, strict=True):
        if key in seen:
            raise row.fail(column, f"duplicate key (first used in row {seen[key]})")
        seen[key] = row.rownum


def _resolve(table: str, path: str | Path | None) -> tuple[Path, bool]:
    if path is None:
        return DATA_DIR / TABLES[table], True
    return Path(path), False


def verify_checksums() -> dict[str, str]:
    """Check every packaged table against ``SHA256SUMS``; return name → digest.

    Raises
    ------
    DataFileError
        When a table is missing or its SHA-256 differs from the listed one.

    Examples
    --------
    >>> sorted(verify_checksums())[:2]
    ['border_figures.csv', 'border_statements.csv']
    """
    sums = listed(DATA_DIR)
    for name in TABLES.values():
        verified(DATA_DIR / name)
    return {name: sums[name] for name in TABLES.values()}


def _load(table: str, path: str | Path | None, parse: Callable[[Path, str], pd.DataFrame]) -> Any:
    resolved, packaged = _resolve(table, path)
    return _cached(table, str(resolved), packaged, parse)


@lru_cache(maxsize=64)
def _cached(
    table: str, path: str, packaged: bool, parse: Callable[[Path, str], pd.DataFrame]
) -> pd.DataFrame:
    p = Path(path)
    if packaged:
        verified(p)
    return parse(p, p.name)


def _known_codes() -> set[str]:
    return set(countries()["iso3"])


# --------------------------------------------------------------------------- countries


def _parse_countries(path: Path, name: str) -> pd.DataFrame:
    cols = ["iso3", "name", "aliases", "m49_region", "m49_subregion", "in_asia", "asia_basis"]
    rows = _read_rows(path, name, cols)
    out: list[dict[str, Any]] = []
    for r in rows:
        out.append(
            {
                "iso3": r.iso3("iso3", None),
                "name": r.text("name"),
                "aliases": [a.strip() for a in r.text("aliases", required=False).split(";") if a],
                "m49_region": r.text("m49_region"),
                "m49_subregion": r.text("m49_subregion"),
                "in_asia": r.choice("in_asia", ASIA_VALUES),
                "asia_basis": r.text("asia_basis"),
            }
        )
    _unique(rows, "iso3", [o["iso3"] for o in out])
    return pd.DataFrame(out)


def countries(path: str | Path | None = None) -> pd.DataFrame:
    """Countries the reference tables mention, with their UN M49 region and Asia flag.

    ``in_asia`` is ``yes`` when the UN M49 geoscheme puts the country in Asia and it
    is not commonly counted elsewhere, ``contested`` for transcontinental or
    disputed cases (Georgia, Azerbaijan, Türkiye), ``no`` otherwise; ``asia_basis``
    states the basis for each.

    Parameters
    ----------
    path
        Read this CSV instead of the packaged table (for tests).

    Examples
    --------
    >>> countries().set_index("iso3").loc["UZB", "m49_subregion"]
    'Central Asia'
    """
    return _load("countries", path, _parse_countries).copy()


def in_asia(iso3: str) -> str:
    """Return ``"yes"``, ``"no"`` or ``"contested"``: is the country in Asia?

    Examples
    --------
    >>> in_asia("KWT"), in_asia("UKR"), in_asia("GEO")
    ('yes', 'no', 'contested')
    """
    table = countries().set_index("iso3")
    code = resolve_country(iso3)
    return str(table.loc[code, "in_asia"])


def resolve_country(name: str) -> str:
    """Return the ISO 3166-1 alpha-3 code for a code, name or alias in ``countries.csv``.

    Matching ignores case, a leading "the" and surrounding spaces.

    Raises
    ------
    UnknownCountryError
        With close matches as suggestions when nothing matches.

    Examples
    --------
    >>> resolve_country("the Russian Federation"), resolve_country("fin")
    ('RUS', 'FIN')
    """
    lookup = _name_lookup()
    key = _norm(name)
    if key in lookup:
        return lookup[key]
    close = difflib.get_close_matches(key, list(lookup), n=3, cutoff=0.75)
    raise UnknownCountryError(name, sorted({lookup[c] for c in close}))


def _norm(name: str) -> str:
    key = re.sub(r"\s+", " ", name.strip().lower())
    return re.sub(r"^the ", "", key)


@lru_cache(maxsize=1)
def _name_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for rec in countries().itertuples():
        for n in [rec.iso3, rec.name, *list(rec.aliases)]:  # type: ignore[arg-type]
            lookup[_norm(str(n))] = str(rec.iso3)
    return lookup


# --------------------------------------------------------------------------- members


def _parse_members(path: Path, name: str) -> pd.DataFrame:
    cols = [
        "iso3",
        "name",
        "accession_date",
        "founder",
        "members_after",
        "order_min",
        "order_max",
        "note",
        "source",
        "url",
    ]
    rows = _read_rows(path, name, cols)
    known = _known_codes()
    out: list[dict[str, Any]] = []
    for r in rows:
        out.append(
            {
                "iso3": r.iso3("iso3", known),
                "name": r.text("name"),
                "accession_date": r.day("accession_date"),
                "founder": r.boolean("founder"),
                "members_after": r.integer("members_after"),
                "order_min": r.integer("order_min"),
                "order_max": r.integer("order_max"),
                "note": r.text("note", required=False),
                "source": r.text("source"),
                "url": r.url("url"),
            }
        )
    _unique(rows, "iso3", [o["iso3"] for o in out])
    dates = [o["accession_date"] for o in out]
    first = min(dates)
    for r, o in zip(rows, out, strict=True):
        after = sum(d <= o["accession_date"] for d in dates)
        before = sum(d < o["accession_date"] for d in dates)
        if o["members_after"] != after:
            raise r.fail("members_after", f"disagrees with the accession dates (expected {after})")
        if (o["order_min"], o["order_max"]) != (before + 1, after):
            raise r.fail("order_min", f"order range must be {before + 1}-{after}")
        if o["founder"] != (o["accession_date"] == first):
            raise r.fail("founder", "founders are exactly the members of the earliest date")
    frame = pd.DataFrame(out)
    frame["accession_date"] = pd.to_datetime(frame["accession_date"])
    return frame.sort_values(["accession_date", "iso3"], kind="stable").reset_index(drop=True)


def nato_members(path: str | Path | None = None) -> pd.DataFrame:
    """The 32 NATO members with accession dates, order and sources.

    Columns: ``iso3``, ``name``, ``accession_date`` (datetime64; founders dated
    1949-08-24, when the treaty entered into force), ``founder``, ``members_after``
    (members once it joined), ``order_min``/``order_max`` (ordinal positions shared
    with states joining the same day), ``note``, ``source``, ``url``.

    Parameters
    ----------
    path
        Read this CSV instead of the packaged table (for tests).

    Examples
    --------
    >>> m = nato_members()
    >>> len(m), m.set_index("iso3").loc["FIN", "members_after"]
    (32, np.int64(31))
    """
    return _load("nato_members", path, _parse_members).copy()


def _as_date(on: date | str | pd.Timestamp) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(on)
    except (ValueError, TypeError):
        raise ReferenceDataError(f"bad date {on!r}: expected YYYY-MM-DD") from None
    if ts is pd.NaT:
        raise ReferenceDataError(f"bad date {on!r}: expected YYYY-MM-DD")
    return ts.normalize()


def members_on(on: date | str | pd.Timestamp, path: str | Path | None = None) -> list[str]:
    """ISO alpha-3 codes of the NATO members at the end of day ``on``, in accession order.

    A state is a member from its accession day inclusive.

    Examples
    --------
    >>> len(members_on("2023-04-03")), len(members_on("2023-04-04"))
    (30, 31)
    >>> "FIN" in members_on("2023-04-04")
    True
    """
    ts = _as_date(on)
    m = nato_members(path)
    return [str(c) for c in m.loc[m["accession_date"] <= ts, "iso3"]]


def member_count(on: date | str | pd.Timestamp) -> int:
    """Number of NATO members at the end of day ``on``.

    Examples
    --------
    >>> member_count("2024-03-07")
    32
    """
    return len(members_on(on))


def is_member(iso3: str, on: date | str | pd.Timestamp) -> bool:
    """Whether ``iso3`` (code or name) was a NATO member at the end of day ``on``.

    Examples
    --------
    >>> is_member("Japan", "2023-05-10"), is_member("FIN", "2023-04-04")
    (False, True)
    """
    return resolve_country(iso3) in members_on(on)


@dataclass(frozen=True)
class AccessionRank:
    """Where a member stands in NATO's accession order.

    Attributes
    ----------
    iso3, name
        The member.
    accession_date
        Day it joined.
    members_after
        Members once it joined: the usual "Nth member".
    order_min, order_max
        Ordinal positions it shares with states joining the same day.
    joined_with
        Other states that joined the same day.
    """

    iso3: str
    name: str
    accession_date: date
    members_after: int
    order_min: int
    order_max: int
    joined_with: tuple[str, ...]


def member_rank(iso3: str) -> AccessionRank:
    """Accession order of a NATO member (code or name).

    Raises
    ------
    UnknownCountryError
        When the country is unknown or not a NATO member.

    Examples
    --------
    >>> member_rank("Finland").members_after
    31
    >>> r = member_rank("HRV"); (r.order_min, r.order_max, r.joined_with)
    (27, 28, ('ALB',))
    """
    code = resolve_country(iso3)
    m = nato_members()
    hit = m[m["iso3"] == code]
    if hit.empty:
        raise UnknownCountryError(f"{iso3} (not a NATO member)")
    rec = hit.iloc[0]
    same = m[(m["accession_date"] == rec["accession_date"]) & (m["iso3"] != code)]
    return AccessionRank(
        iso3=code,
        name=str(rec["name"]),
        accession_date=rec["accession_date"].date(),
        members_after=int(rec["members_after"]),
        order_min=int(rec["order_min"]),
        order_max=int(rec["order_max"]),
        joined_with=tuple(str(c) for c in same["iso3"]),
    )


# --------------------------------------------------------------------------- partners


def _parse_partners(path: Path, name: str) -> pd.DataFrame:
    cols = [
        "milestone_id",
        "partner",
        "iso3",
        "date",
        "date_precision",
        "milestone",
        "source",
        "url",
    ]
    rows = _read_rows(path, name, cols)
    known = _known_codes()
    out: list[dict[str, Any]] = []
    for r in rows:
        precision = r.choice("date_precision", PRECISIONS)
        earliest, latest = r.partial("date", precision)
        mid = r.text("milestone_id")
        if not _ID.match(mid):
            raise r.fail("milestone_id", "must be letters, digits, '-' or '_'")
        out.append(
            {
                "milestone_id": mid,
                "partner": r.text("partner"),
                "iso3": r.iso3("iso3", known),
                "date": r.text("date", required=precision != "unknown"),
                "date_precision": precision,
                "date_earliest": earliest,
                "date_latest": latest,
                "milestone": r.text("milestone"),
                "source": r.text("source"),
                "url": r.url("url"),
            }
        )
    _unique(rows, "milestone_id", [o["milestone_id"] for o in out])
    frame = pd.DataFrame(out)
    for c in ("date_earliest", "date_latest"):
        frame[c] = pd.to_datetime(frame[c])
    return frame


def indo_pacific_partners(path: str | Path | None = None) -> pd.DataFrame:
    """NATO's Indo-Pacific partners (Japan, South Korea, Australia, NZ), one milestone a row.

    Columns: ``milestone_id``, ``partner``, ``iso3``, ``date`` (as written),
    ``date_precision``, ``date_earliest``/``date_latest`` (the span the written
    date covers), ``milestone``, ``source``, ``url``.

    Examples
    --------
    >>> sorted(indo_pacific_partners()["iso3"].unique())
    ['AUS', 'JPN', 'KOR', 'NZL']
    """
    return _load("indo_pacific_partners", path, _parse_partners).copy()


# --------------------------------------------------------------------------- offices


def _parse_offices(path: Path, name: str) -> pd.DataFrame:
    cols = [
        "office_id",
        "office_name",
        "city",
        "country_iso3",
        "office_type",
        "kind",
        "opened",
        "opened_precision",
        "closed",
        "closed_precision",
        "status",
        "lat",
        "lon",
        "opened_note",
        "status_note",
        "sources",
    ]
    rows = _read_rows(path, name, cols)
    table = countries().set_index("iso3")
    known = set(table.index)
    out: list[dict[str, Any]] = []
    for r in rows:
        oid = r.text("office_id")
        if not _ID.match(oid):
            raise r.fail("office_id", "must be letters, digits, '-' or '_'")
        op = r.choice("opened_precision", PRECISIONS)
        o_first, o_last = r.partial("opened", op)
        cp_raw = r.text("closed_precision", required=False) or "unknown"
        if cp_raw not in PRECISIONS:
            raise r.fail("closed_precision", "must be one of " + ", ".join(PRECISIONS))
        c_first, c_last = r.partial("closed", cp_raw)
        status = r.choice("status", OFFICE_STATUSES)
        if status in ("closed", "merged", "moved") and c_last is None:
            raise r.fail("closed", f"a {status} office needs a closing date")
        if status in ("active", "proposed", "agreed") and c_first is not None:
            raise r.fail("closed", f"an office with status {status!r} cannot have a closing date")
        if o_first and c_last and c_last < o_first:
            raise r.fail("closed", "closes before it opened")
        lat = r.number("lat", positive=False)
        lon = r.number("lon", positive=False)
        assert lat is not None and lon is not None
        if not -90 <= lat <= 90:
            raise r.fail("lat", "latitude must be within -90..90")
        if not -180 <= lon <= 180:
            raise r.fail("lon", "longitude must be within -180..180")
        iso = r.iso3("country_iso3", known)
        out.append(
            {
                "office_id": oid,
                "office_name": r.text("office_name"),
                "city": r.text("city"),
                "country_iso3": iso,
                "country": str(table.loc[iso, "name"]),
                "office_type": r.text("office_type"),
                "kind": r.choice("kind", OFFICE_KINDS),
                "opened": r.text("opened", required=False),
                "opened_precision": op,
                "opened_earliest": o_first,
                "opened_latest": o_last,
                "closed": r.text("closed", required=False),
                "closed_precision": cp_raw if c_last else "",
                "closed_earliest": c_first,
                "closed_latest": c_last,
                "status": status,
                "lat": lat,
                "lon": lon,
                "region": str(table.loc[iso, "m49_region"]),
                "subregion": str(table.loc[iso, "m49_subregion"]),
                "in_asia": str(table.loc[iso, "in_asia"]),
                "asia_basis": str(table.loc[iso, "asia_basis"]),
                "opened_note": r.text("opened_note", required=False),
                "status_note": r.text("status_note", required=False),
                "sources": r.url("sources"),
            }
        )
    _unique(rows, "office_id", [o["office_id"] for o in out])
    frame = pd.DataFrame(out)
    for c in ("opened_earliest", "opened_latest", "closed_earliest", "closed_latest"):
        frame[c] = pd.to_datetime(frame[c])
    return frame


def nato_offices(path: str | Path | None = None) -> pd.DataFrame:
    """NATO offices outside (or accredited away from) member states, with dates and region.

    Dates keep their precision: ``opened`` is as written, ``opened_earliest`` /
    ``opened_latest`` bound it (``NaT`` where unknown or unbounded); the same for
    ``closed``.  ``status`` is one of ``active``, ``closed``, ``merged``, ``moved``,
    ``proposed``, ``agreed``, ``unknown``; ``kind`` groups office types
    (``liaison``, ``information``, ``regional_centre``, ``military_liaison``,
    ``military_hq``, ``io_liaison``).  ``region``/``subregion`` are the host
    country's UN M49 region; ``in_asia`` and ``asia_basis`` come from
    :func:`countries`.

    Examples
    --------
    >>> o = nato_offices().set_index("office_id")
    >>> o.loc["UZB-NLO", ["city", "status", "in_asia"]].tolist()
    ['Tashkent', 'closed', 'yes']
    """
    return _load("nato_offices", path, _parse_offices).copy()


# --------------------------------------------------------------------------- border figures


def _parse_borders(path: Path, name: str) -> pd.DataFrame:
    cols = [
        "figure_id",
        "country_iso3",
        "neighbor_iso3",
        "neighbor_name",
        "source_kind",
        "source",
        "edition",
        "year_from",
        "year_to",
        "is_latest",
        "length_km",
        "includes",
        "series",
        "note",
        "url",
    ]
    rows = _read_rows(path, name, cols)
    known = _known_codes()
    out: list[dict[str, Any]] = []
    for r in rows:
        includes = r.text("includes").split(";")
        bad = [i for i in includes if i not in INCLUDES]
        if bad:
            raise r.fail("includes", "parts must be among " + ", ".join(INCLUDES))
        y0 = r.integer("year_from", required=False)
        y1 = r.integer("year_to", required=False)
        for col, y in (("year_from", y0), ("year_to", y1)):
            if y is not None and not 1900 <= y <= 2100:
                raise r.fail(col, "must be a year between 1900 and 2100")
        if y0 is not None and y1 is not None and y1 < y0:
            raise r.fail("year_to", "is before year_from")
        series = [s for s in r.text("series", required=False).split(";") if s]
        for s in series:
            if not _ID.match(s):
                raise r.fail("series", "series names must be letters, digits, '-' or '_'")
        out.append(
            {
                "figure_id": r.text("figure_id"),
                "country_iso3": r.iso3("country_iso3", known),
                "neighbor_iso3": r.iso3("neighbor_iso3", known),
                "neighbor_name": r.text("neighbor_name"),
                "source_kind": r.choice("source_kind", SOURCE_KINDS),
                "source": r.text("source"),
                "edition": r.text("edition"),
                "year_from": y0,
                "year_to": y1,
                "is_latest": r.boolean("is_latest"),
                "length_km": r.number("length_km"),
                "includes": ";".join(includes),
                "series": series,
                "note": r.text("note", required=False),
                "url": r.url("url"),
            }
        )
    _unique(rows, "figure_id", [o["figure_id"] for o in out])
    # like-for-like series: at most one figure per border in each series
    seen: dict[tuple[str, str, str], int] = {}
    for r, o in zip(rows, out, strict=True):
        for s in o["series"]:
            key = (o["country_iso3"], o["neighbor_iso3"], s)
            if key in seen:
                raise r.fail("series", f"series {s!r} already has this border in row {seen[key]}")
            seen[key] = r.rownum
    frame = pd.DataFrame(out)
    for c in ("year_from", "year_to"):
        frame[c] = frame[c].astype("Int64")
    return frame


def border_figures(
    country: str = "RUS",
    *,
    series: str | None = None,
    latest_only: bool = False,
    path: str | Path | None = None,
) -> pd.DataFrame:
    """Published land-border lengths of ``country`` by neighbour, source and edition.

    Columns: ``figure_id``, ``country_iso3``, ``neighbor_iso3``, ``neighbor_name``,
    ``source_kind`` (cia_factbook, national, wikipedia, russian_border_service,
    russian_regional, other), ``source``, ``edition``, ``year_from``, ``year_to``,
    ``is_latest`` (latest figure of that source for that border), ``length_km``,
    ``includes`` (``;``-joined parts among land, rivers, lakes, sea, unspecified),
    ``series`` (list of like-for-like sets the figure belongs to), ``note``, ``url``.

    Parameters
    ----------
    country
        Code or name; only Russia's borders are tabulated so far.
    series
        Keep only figures in this like-for-like series (see :func:`border_series`).
    latest_only
        Keep only each source's latest figure.
    path
        Read this CSV instead of the packaged table (for tests).

    Examples
    --------
    >>> cia = border_figures("RUS", series="cia_factbook_latest")
    >>> int(cia["length_km"].sum())
    2626
    """
    code = resolve_country(country)
    f = _load("border_figures", path, _parse_borders)
    f = f[f["country_iso3"] == code]
    if series is not None:
        f = f[f["series"].apply(lambda s: series in s)]
    if latest_only:
        f = f[f["is_latest"]]
    return f.reset_index(drop=True).copy()


#: Plain-language labels of the like-for-like series in ``border_figures.csv``.
SERIES_LABELS: dict[str, str] = {
    "cia_factbook_latest": "CIA World Factbook 2021–2025 (Russia page)",
    "national_excl_sea": "National official figures, land incl. rivers and lakes, excl. sea",
    "national_incl_sea": "National official figures as published, incl. sea sections",
    "wikipedia_en": "English Wikipedia border articles (2023–2024 copies)",
    "russian_border_service": "Russia's border service (FSB), land incl. rivers and lakes",
}

SERIES_KINDS: dict[str, str] = {
    "cia_factbook_latest": "cia_factbook",
    "national_excl_sea": "national",
    "national_incl_sea": "national",
    "wikipedia_en": "wikipedia",
    "russian_border_service": "russian_border_service",
}


def border_series(country: str = "RUS") -> list[str]:
    """Names of the like-for-like series of published figures for ``country``.

    Examples
    --------
    >>> "cia_factbook_latest" in border_series()
    True
    """
    f = border_figures(country)
    names = sorted({s for lst in f["series"] for s in lst})
    order = list(SERIES_LABELS)
    return sorted(names, key=lambda s: (order.index(s) if s in order else len(order), s))


@dataclass(frozen=True)
class BorderRatio:
    """A country's land border with a group of states before and after a change.

    Attributes
    ----------
    series, label, source_kind
        Which like-for-like figures were used.
    before_km, after_km
        Summed lengths; ``nan`` when a needed border is missing from the series.
    ratio
        ``after_km / before_km``.
    missing
        Borders the series lacks (the ratio is then not computed).
    figures
        The rows used (neighbour, length, source, url).
    """

    series: str
    label: str
    source_kind: str
    before_km: float
    after_km: float
    ratio: float
    missing: tuple[str, ...]
    figures: pd.DataFrame

    def margin_km(self, factor: float = 2.0) -> float:
        """Kilometres above (positive) or below (negative) ``factor`` × the before length.

        Examples
        --------
        >>> r = published_ratio("cia_factbook_latest", ["NOR", "EST", "LVA", "LTU", "POL"],
        ...                     ["NOR", "EST", "LVA", "LTU", "POL", "FIN"])
        >>> r.margin_km()
        -8.0
        """
        return self.after_km - factor * self.before_km


def published_ratio(
    series: str,
    before: Iterable[str],
    after: Iterable[str],
    country: str = "RUS",
) -> BorderRatio:
    """Sum one like-for-like series of published figures before and after a change.

    Parameters
    ----------
    series
        A series from :func:`border_series`.
    before, after
        Neighbours (codes) counted before and after, e.g. the NATO members bordering
        Russia before and after Finland joined.
    country
        The country whose border is measured.

    Returns
    -------
    BorderRatio
        With ``nan`` lengths and the ``missing`` neighbours when the series is
        incomplete for the borders asked.

    Examples
    --------
    >>> r = published_ratio("wikipedia_en", ["NOR", "EST", "LVA", "LTU", "POL"],
    ...                     ["NOR", "EST", "LVA", "LTU", "POL", "FIN"])
    >>> round(r.before_km, 1), round(r.after_km, 1), round(r.ratio, 3)
    (1210.6, 2550.6, 2.107)
    """
    f = border_figures(country, series=series)
    lengths = dict(zip(f["neighbor_iso3"], f["length_km"], strict=True))
    b, a = list(before), list(after)
    missing = tuple(sorted({c for c in b + a if c not in lengths}))
    if missing:
        before_km = after_km = ratio = float("nan")
    else:
        before_km = float(sum(lengths[c] for c in b))
        after_km = float(sum(lengths[c] for c in a))
        ratio = after_km / before_km if before_km > 0 else float("nan")
    used = f[f["neighbor_iso3"].isin(set(b) | set(a))][
        ["neighbor_iso3", "length_km", "includes", "source", "edition", "url"]
    ].reset_index(drop=True)
    return BorderRatio(
        series=series,
        label=SERIES_LABELS.get(series, series),
        source_kind=SERIES_KINDS.get(series, "other"),
        before_km=before_km,
        after_km=after_km,
        ratio=ratio,
        missing=missing,
        figures=used,
    )


def published_ratios(
    before: Iterable[str], after: Iterable[str], country: str = "RUS"
) -> pd.DataFrame:
    """:func:`published_ratio` for every series, one row each.

    Columns: ``series``, ``label``, ``source_kind``, ``before_km``, ``after_km``,
    ``ratio``, ``margin_km`` (after − 2 × before), ``missing``.

    Examples
    --------
    >>> t = published_ratios(["NOR", "EST", "LVA", "LTU", "POL"],
    ...                      ["NOR", "EST", "LVA", "LTU", "POL", "FIN"])
    >>> t.set_index("series").loc["cia_factbook_latest", "ratio"].round(3)
    np.float64(1.994)
    """
    b, a = list(before), list(after)
    recs = []
    for s in border_series(country):
        r = published_ratio(s, b, a, country)
        recs.append(
            {
                "series": s,
                "label": r.label,
                "source_kind": r.source_kind,
                "before_km": r.before_km,
                "after_km": r.after_km,
                "ratio": r.ratio,
                "margin_km": r.margin_km(),
                "missing": ", ".join(r.missing),
            }
        )
    return pd.DataFrame(recs)


# --------------------------------------------------------------------------- statements


def _parse_statements(path: Path, name: str) -> pd.DataFrame:
    cols = [
        "statement_id",
        "section",
        "date",
        "date_precision",
        "speaker",
        "outlet",
        "wording",
        "ratio_word",
        "numbers",
        "url",
        "outlet_detail",
    ]
    rows = _read_rows(path, name, cols)
    out: list[dict[str, Any]] = []
    for r in rows:
        precision = r.choice("date_precision", PRECISIONS)
        earliest, latest = r.partial("date", precision)
        out.append(
            {
                "statement_id": r.text("statement_id"),
                "section": r.text("section"),
                "date": r.text("date", required=False),
                "date_precision": precision,
                "date_earliest": earliest,
                "date_latest": latest,
                "speaker": r.text("speaker"),
                "outlet": r.text("outlet"),
                "outlet_detail": r.text("outlet_detail"),
                "wording": r.text("wording"),
                "ratio_word": r.choice("ratio_word", RATIO_WORDS),
                "numbers": r.text("numbers", required=False),
                "url": r.text("url"),
            }
        )
        if not out[-1]["url"].startswith("http"):
            raise r.fail("url", "must start with a URL")
    _unique(rows, "statement_id", [o["statement_id"] for o in out])
    frame = pd.DataFrame(out)
    for c in ("date_earliest", "date_latest"):
        frame[c] = pd.to_datetime(frame[c])
    return frame


def border_statements(path: str | Path | None = None) -> pd.DataFrame:
    """What NATO, outlets and analysts said about Finland's effect on NATO's border with Russia.

    One statement a row: ``statement_id``, ``section`` (NATO / wire services and
    outlets / think tanks), ``date`` as written with ``date_precision`` and its
    bounds, ``speaker``, ``outlet``, ``wording`` (short excerpt), ``ratio_word``
    (more_than_doubled, doubled, roughly_doubled, increase_km, other, none),
    ``numbers``, ``url``.

    Examples
    --------
    >>> s = border_statements()
    >>> s.set_index("statement_id").loc["S01", "ratio_word"]
    'more_than_doubled'
    """
    return _load("border_statements", path, _parse_statements).copy()
