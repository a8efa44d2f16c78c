"""Offices of alliances outside (or accredited away from) their member states.

``offices.csv``: one office a row, with the ``organisation`` that runs it (NATO
for every row so far), city, host country, kind, opening and closing dates at the
precision the sources allow, status and city-level coordinates; ``sources`` names
the URLs read.  Region columns come from the host country (UN M49).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis.countries import get as get_country
from analysis.reference._load import (
    country_code,
    date_pair,
    day_bounds,
    frame_check,
    identifier,
    load_table,
    number,
    one_of,
    required,
    text_columns,
    timestamps,
    urls,
)
from analysis.reference.alliances import resolve_alliance

__all__ = ["LIAISON_KINDS", "OFFICE_KINDS", "OFFICE_STATUSES", "offices"]

PRECISIONS = ("day", "month", "year", "decade", "before", "unknown")
OFFICE_STATUSES = ("active", "closed", "merged", "moved", "proposed", "agreed", "unknown")
OFFICE_KINDS = (
    "liaison", "information", "regional_centre", "military_liaison", "military_hq", "io_liaison",
)  # fmt: skip
#: Kinds that count as liaison offices.
LIAISON_KINDS = ("liaison", "military_liaison", "io_liaison")

_COLUMNS = [
    "organisation", "office_id", "office_name", "city", "country_iso3", "office_type", "kind",
    "opened", "opened_precision", "closed", "closed_precision", "status", "lat", "lon",
    "opened_note", "status_note", "sources",
]  # fmt: skip


def _closing_fits_status(frame: pd.DataFrame) -> pd.Series:
    ended = frame["status"].isin(["closed", "merged", "moved"])
    open_ = frame["status"].isin(["active", "proposed", "agreed"])
    has_close = frame["closed"] != ""
    return (~(ended & ~has_close) & ~(open_ & has_close)).rename("closed")


def _closes_after_opening(frame: pd.DataFrame) -> pd.Series:
    ok = []
    for o, op, c, cp in zip(
        frame["opened"],
        frame["opened_precision"],
        frame["closed"],
        frame["closed_precision"],
        strict=True,
    ):
        try:
            first = day_bounds(o, op)[0]
            last = day_bounds(c, cp or "unknown")[1] if c else None
        except ValueError:
            ok.append(True)
            continue
        ok.append(first is None or last is None or first <= last)
    return pd.Series(ok, index=frame.index, name="closed")


def _in_range(column: str, low: float, high: float) -> pa.Check:
    def ok(s: pd.Series) -> pd.Series:
        return s.map(lambda v: _float_or_nan(v) == _float_or_nan(v) and low <= float(v) <= high)

    return pa.Check(ok, error=f"must be within {low:g}..{high:g}")


def _float_or_nan(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return float("nan")


_SCHEMA = pa.DataFrameSchema(
    text_columns(
        _COLUMNS,
        {
            "organisation": required(),
            "office_id": identifier(),
            "office_name": required(),
            "city": required(),
            "country_iso3": country_code(),
            "office_type": required(),
            "kind": one_of(OFFICE_KINDS),
            "opened_precision": one_of(PRECISIONS),
            "closed_precision": one_of(PRECISIONS, allow_empty=True),
            "status": one_of(OFFICE_STATUSES),
            "lat": [number(positive=False), _in_range("lat", -90, 90)],
            "lon": [number(positive=False), _in_range("lon", -180, 180)],
            "sources": urls(),
        },
        unique=["office_id"],
    ),
    checks=[
        date_pair("opened", "opened_precision"),
        date_pair("closed", "closed_precision"),
        frame_check(
            _closing_fits_status,
            "closed",
            "needs a closing date exactly when it is closed, merged or moved",
        ),
        frame_check(_closes_after_opening, "closed", "closes before it opened"),
    ],
)


def _parse(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    opened = [day_bounds(v, p) for v, p in zip(out["opened"], out["opened_precision"], strict=True)]
    closed = [
        day_bounds(v, p or "unknown") if v else (None, None)
        for v, p in zip(out["closed"], out["closed_precision"], strict=True)
    ]
    out["opened_earliest"] = timestamps([a for a, _ in opened]).to_numpy()
    out["opened_latest"] = timestamps([b for _, b in opened]).to_numpy()
    out["closed_earliest"] = timestamps([a for a, _ in closed]).to_numpy()
    out["closed_latest"] = timestamps([b for _, b in closed]).to_numpy()
    out["closed_precision"] = [
        p if c else "" for c, p in zip(out["closed"], out["closed_precision"], strict=True)
    ]
    out["lat"] = out["lat"].astype(float)
    out["lon"] = out["lon"].astype(float)
    at = list(out.columns).index("country_iso3") + 1
    hosts = [get_country(c) for c in out["country_iso3"]]
    out.insert(at, "country", [h.name for h in hosts])
    out["region"] = [h.region for h in hosts]
    out["subregion"] = [h.subregion for h in hosts]
    out["in_asia"] = [h.in_asia for h in hosts]
    out["asia_basis"] = [h.asia_basis for h in hosts]
    return out


def offices(organisation: str | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """Offices outside member states, with dates, status, region and coordinates.

    Dates keep their precision: ``opened`` is as written, ``opened_earliest`` /
    ``opened_latest`` bound it (``NaT`` where unknown or unbounded); the same for
    ``closed``.  ``status`` is one of :data:`OFFICE_STATUSES`; ``kind`` groups
    office types (:data:`OFFICE_KINDS`).  ``region``/``subregion`` are the host
    country's UN M49 region; ``in_asia`` says whether it counts as Asia (``yes``,
    ``no``, ``contested``) with its ``asia_basis``.

    Parameters
    ----------
    organisation
        Keep the offices of one organisation (``"NATO"``).
    path
        Read this CSV instead of the packaged table.

    Examples
    --------
    >>> o = offices("NATO").set_index("office_id")
    >>> o.loc["UZB-NLO", ["city", "status", "in_asia"]].tolist()
    ['Tashkent', 'closed', 'yes']
    """
    frame = load_table("offices.csv", _SCHEMA, _parse, path)
    if organisation is not None:
        wanted = resolve_alliance(organisation)  # one-line UnknownAllianceError if unknown
        frame = frame[frame["organisation"] == wanted].reset_index(drop=True)
    return frame
