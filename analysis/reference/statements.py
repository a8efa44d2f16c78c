"""What officials, outlets and analysts said about a border change, with their numbers.

``border_statements.csv``: one statement a row: ``statement_id``, ``section``
(NATO / wire services and outlets / think tanks), ``date`` as written with its
``date_precision``, ``speaker``, ``outlet``, ``wording`` (a short excerpt),
``ratio_word`` (how the wording grades the change), ``numbers``, ``url``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis.reference._load import (
    date_pair,
    day_bounds,
    load_table,
    matches,
    one_of,
    required,
    text_columns,
    timestamps,
)

__all__ = ["RATIO_WORDS", "border_statements"]

PRECISIONS = ("day", "month", "year", "decade", "before", "unknown")
RATIO_WORDS = ("more_than_doubled", "doubled", "roughly_doubled", "increase_km", "other", "none")

_SCHEMA = pa.DataFrameSchema(
    text_columns(
        [
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
        ],  # fmt: skip
        {
            "statement_id": required(),
            "section": required(),
            "date_precision": one_of(PRECISIONS),
            "speaker": required(),
            "outlet": required(),
            "outlet_detail": required(),
            "wording": required(),
            "ratio_word": one_of(RATIO_WORDS),
            "url": matches(r"^https?://", "must start with a URL"),
        },
        unique=["statement_id"],
    ),
    checks=[date_pair("date", "date_precision")],
)


def _parse(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    bounds = [day_bounds(v, p) for v, p in zip(out["date"], out["date_precision"], strict=True)]
    out["date_earliest"] = timestamps([a for a, _ in bounds]).to_numpy()
    out["date_latest"] = timestamps([b for _, b in bounds]).to_numpy()
    return out


def border_statements(path: str | Path | None = None) -> pd.DataFrame:
    """What NATO, outlets and analysts said about Finland's effect on NATO's border with Russia.

    One statement a row: ``statement_id``, ``section``, ``date`` as written with
    ``date_precision`` and its bounds ``date_earliest``/``date_latest``,
    ``speaker``, ``outlet``, ``outlet_detail``, ``wording``, ``ratio_word`` (one of
    :data:`RATIO_WORDS`), ``numbers``, ``url``.

    Examples
    --------
    >>> border_statements().set_index("statement_id").loc["S01", "ratio_word"]
    'more_than_doubled'
    """
    return load_table("border_statements.csv", _SCHEMA, _parse, path)
