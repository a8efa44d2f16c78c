"""Country facts the reference tables need: is a code known, its name, its UN M49 region.

The codes are those of the package's country model: ISO 3166-1 alpha-3 for today's
states, ISO 3166-3 alpha-3 for former states (SUN, CSK, DDR, YUG), read from
``pycountry``, plus the documented code ``XKX`` for Kosovo.  Regions and the
``in_asia`` judgement come from ``countries.csv`` in this folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import pandas as pd
import pandera.pandas as pa
import pycountry

from analysis.errors import UnknownCountryError
from analysis.reference._load import (
    derived_cache,
    load_table,
    matches,
    one_of,
    required,
    text_columns,
)

#: Codes outside ISO 3166 that the package documents (see analysis.countries).
EXTRA_CODES: Mapping[str, str] = MappingProxyType({"XKX": "Kosovo"})

ASIA_VALUES = ("yes", "no", "contested")

_SCHEMA = pa.DataFrameSchema(
    text_columns(
        ["iso3", "name", "aliases", "m49_region", "m49_subregion", "in_asia", "asia_basis"],
        {
            "iso3": [matches(r"^[A-Z]{3}$", "must be three capital letters")],
            "name": required(),
            "m49_region": required(),
            "m49_subregion": required(),
            "in_asia": one_of(ASIA_VALUES),
            "asia_basis": required(),
        },
        unique=["iso3"],
    ),
)


def _parse(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["aliases"] = out["aliases"].map(lambda v: tuple(a.strip() for a in v.split(";") if a))
    return out


def regions() -> pd.DataFrame:
    """UN M49 region, subregion and the ``in_asia`` judgement of the countries the tables use.

    ``in_asia`` is ``yes`` when the UN M49 geoscheme puts the country in Asia and it
    is not commonly counted elsewhere, ``contested`` for transcontinental or
    disputed cases (Georgia, Azerbaijan, Türkiye), ``no`` otherwise; ``asia_basis``
    states the basis for each.

    Examples
    --------
    >>> regions().set_index("iso3").loc["UZB", "m49_subregion"]
    'Central Asia'
    """
    return load_table("countries.csv", _SCHEMA, _parse)


@lru_cache(maxsize=4096)
def is_known_code(code: str) -> bool:
    """Whether ``code`` is a country code of the package's country model.

    Examples
    --------
    >>> is_known_code("FIN"), is_known_code("SUN"), is_known_code("XKX"), is_known_code("ZZZ")
    (True, True, True, False)
    """
    if not isinstance(code, str) or len(code) != 3 or not code.isupper():
        return False
    if code in EXTRA_CODES:
        return True
    if pycountry.countries.get(alpha_3=code) is not None:
        return True
    return pycountry.historic_countries.get(alpha_3=code) is not None


@lru_cache(maxsize=1)
def _region_index() -> Mapping[str, Mapping[str, str]]:
    table = regions()
    return MappingProxyType(
        {
            str(r["iso3"]): MappingProxyType({str(k): str(v) for k, v in r.items()})
            for r in table.to_dict(orient="records")
        }
    )


derived_cache(_region_index.cache_clear)


def country_name(code: str) -> str:
    """A short English name for a country code.

    Raises
    ------
    UnknownCountryError
        For a code the country model does not know.

    Examples
    --------
    >>> country_name("RUS"), country_name("SUN"), country_name("KOR")
    ('Russia', 'USSR, Union of Soviet Socialist Republics', 'South Korea')
    """
    info = _region_index().get(code)
    if info is not None:
        return info["name"]
    if code in EXTRA_CODES:
        return EXTRA_CODES[code]
    hit = pycountry.countries.get(alpha_3=code)
    if hit is not None:
        return str(getattr(hit, "common_name", hit.name))
    old = pycountry.historic_countries.get(alpha_3=code)
    if old is not None:
        return str(old.name)
    raise UnknownCountryError(code)


def country_region(code: str) -> Mapping[str, str]:
    """UN M49 ``m49_region``, ``m49_subregion``, ``in_asia`` and ``asia_basis`` of a code.

    Raises
    ------
    UnknownCountryError
        For a country the region table does not cover.

    Examples
    --------
    >>> country_region("KWT")["in_asia"], country_region("GEO")["in_asia"]
    ('yes', 'contested')
    """
    info = _region_index().get(code)
    if info is None:
        raise UnknownCountryError(code)
    return info
