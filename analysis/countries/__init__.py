"""One country model for the whole package: codes, names, regions and former states.

ISO 3166-1 and ISO 3166-3 come from :mod:`pycountry` at run time; the packaged
gazetteer adds what pycountry lacks (news names, aliases, demonyms, capitals,
seats of power, disputed and Natural Earth-only entities, the ``in_asia``
judgement), ``m49.csv`` the UN M49 regions, ``former_states.csv`` the dates and
present-day parts of former states.  This package imports only
:mod:`analysis.errors`, :mod:`analysis._data` and third-party libraries, so every
other part of :mod:`analysis` can use it.

>>> from analysis.countries import resolve
>>> resolve("Kosovo").code, resolve("KOS").code, resolve("Soviet Union").code
('XKX', 'XKX', 'SUN')
"""

from __future__ import annotations

from analysis.countries.model import (
    KINDS,
    STATUSES,
    Country,
    InAsia,
    Kind,
    Status,
    SurfaceForm,
    codes,
    context_cues,
    countries,
    fold,
    former_states,
    from_natural_earth,
    get,
    name,
    resolve,
    state_parts,
    surface_forms,
)

__all__ = [
    "KINDS",
    "STATUSES",
    "Country",
    "InAsia",
    "Kind",
    "Status",
    "SurfaceForm",
    "codes",
    "context_cues",
    "countries",
    "fold",
    "former_states",
    "from_natural_earth",
    "get",
    "name",
    "resolve",
    "state_parts",
    "surface_forms",
]
