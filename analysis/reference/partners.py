"""Partnership milestones of alliances with states outside them (NATO's Indo-Pacific partners).

``partners.csv``: one milestone a row: ``organisation``, ``milestone_id``,
``partner``, ``iso3``, ``date`` as written with its ``date_precision``, the
``milestone``, ``source`` and ``url``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis.reference._load import (
    country_code,
    date_pair,
    day_bounds,
    identifier,
    load_table,
    one_of,
    required,
    text_columns,
    timestamps,
    urls,
)
from analysis.reference.alliances import resolve_alliance

__all__ = ["partners"]

PRECISIONS = ("day", "month", "year", "decade", "before", "unknown")

_SCHEMA = pa.DataFrameSchema(
    text_columns(
        [
            "organisation",
            "milestone_id",
            "partner",
            "iso3",
            "date",
            "date_precision",
            "milestone",
            "source",
            "url",
        ],  # fmt: skip
        {
            "organisation": required(),
            "milestone_id": identifier(),
            "partner": required(),
            "iso3": country_code(),
            "date_precision": one_of(PRECISIONS),
            "milestone": required(),
            "source": required(),
            "url": urls(),
        },
        unique=["milestone_id"],
    ),
    checks=[date_pair("date", "date_precision")],
)


def _parse(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    bounds = [day_bounds(v, p) for v, p in zip(out["date"], out["date_precision"], strict=True)]
    out["date_earliest"] = timestamps([a for a, _ in bounds]).to_numpy()
    out["date_latest"] = timestamps([b for _, b in bounds]).to_numpy()
    return out


def partners(organisation: str | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """Partnership milestones, one a row, with the span each written date covers.

    Columns: ``organisation``, ``milestone_id``, ``partner``, ``iso3``, ``date`` (as
    written), ``date_precision``, ``date_earliest``/``date_latest``, ``milestone``,
    ``source``, ``url``.

    Examples
    --------
    >>> sorted(partners("NATO")["iso3"].unique())
    ['AUS', 'JPN', 'KOR', 'NZL']
    """
    frame = load_table("partners.csv", _SCHEMA, _parse, path)
    if organisation is not None:
        wanted = resolve_alliance(organisation)  # one-line UnknownAllianceError if unknown
        frame = frame[frame["organisation"] == wanted].reset_index(drop=True)
    return frame
