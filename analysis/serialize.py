"""Records and JSON for every result type of the package (the library's, not the CLI's).

Results are pandas DataFrames, dataclasses and dicts holding numpy scalars, dates,
enums and NaN.  :func:`jsonable` turns any of them into plain JSON values, the same
way everywhere: the command line, the corpus writers and ``to_dict`` methods all
call it, so a number or a date is written identically wherever it appears.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

__all__ = ["dumps", "jsonable", "records"]

#: Field names of the dataclasses (without ``to_dict``) that :func:`jsonable` has met.
_DATACLASS_FIELDS: dict[type, tuple[str, ...]] = {}


def jsonable(value: Any) -> Any:
    """Convert a result into plain JSON values.

    NaN, ``None`` and NaT become ``None``; dates and timestamps ISO strings; numpy
    scalars and arrays Python numbers and lists; enums their value; dataclasses
    and objects with ``to_dict`` dicts; DataFrames lists of records.

    Examples
    --------
    >>> import numpy as np
    >>> from datetime import date
    >>> jsonable({"n": np.int64(3), "d": date(2023, 4, 4), "x": float("nan"), "l": (1, 2)})
    {'n': 3, 'd': '2023-04-04', 'x': None, 'l': [1, 2]}
    """
    kind = type(value)
    # fast paths for the plain values that make up almost every record
    if value is None or kind is str or kind is int or kind is bool:
        return value
    if kind is list or kind is tuple:
        return [jsonable(v) for v in value]
    if kind is dict:
        return {str(k): jsonable(v) for k, v in value.items()}
    names = _DATACLASS_FIELDS.get(kind)
    if names is not None:
        return {n: jsonable(getattr(value, n)) for n in names}
    if isinstance(value, bool | str):
        return value
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, int):
        return value
    if isinstance(value, pd.DataFrame):
        return records(value)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return jsonable(value.to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = tuple(f.name for f in dataclasses.fields(value))
        _DATACLASS_FIELDS[kind] = names  # found at once next time
        return {n: jsonable(getattr(value, n)) for n in names}
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return jsonable(value.tolist())
    if value is pd.NaT:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return a DataFrame as a list of JSON-ready dicts (NaN → None, dates → ISO).

    Examples
    --------
    >>> records(pd.DataFrame({"a": [1.5, float("nan")]}))
    [{'a': 1.5}, {'a': None}]
    """
    return [jsonable(row) for row in frame.to_dict(orient="records")]


def dumps(value: Any, *, indent: int | None = None) -> str:
    """Serialise a result to JSON text (UTF-8, non-ASCII kept) through :func:`jsonable`.

    Examples
    --------
    >>> dumps({"country": "Türkiye", "km": 1.0})
    '{"country": "Türkiye", "km": 1.0}'
    """
    return json.dumps(jsonable(value), ensure_ascii=False, indent=indent)
