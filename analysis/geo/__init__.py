"""Geography engine: boundary layers, geodesic land borders, alliance borders, rulers.

Every length is geodesic on the WGS84 ellipsoid, in kilometres.  Each function
takes a ``scale``: the id of a ruler in :func:`rulers` (``"10m"``, ``"50m"``,
``"110m"`` are Natural Earth 5.1.1 in the German point of view; ``"50m-ne4"`` and
``"110m-ne4"`` are the published Natural Earth 4.1.0 layers, kept as labelled
extras; ``"osm"`` is Russia's borders from OpenStreetMap).  Historical states
(the Soviet Union, Yugoslavia, Czechoslovakia, Serbia and Montenegro) are exact
unions of today's countries (:mod:`analysis.geo.states`).  See
``analysis/data/PROVENANCE.md`` for the data behind each ruler.

Examples
--------
>>> rulers().query("coverage == 'world' and not extra")["id"].tolist()
['10m', '50m', '110m']
"""

from __future__ import annotations

from analysis.geo import borders, finer, layers, states
from analysis.geo.alliances import alliance_border, alliance_border_timeline
from analysis.geo.borders import (
    SharedBorder,
    border_lines,
    border_matrix,
    land_borders,
    perimeter,
    shared_border,
)
from analysis.geo.catalogue import SCALES, Ruler, get_ruler, rulers
from analysis.geo.finer import UntrustedBorderWarning, finer_borders
from analysis.geo.layers import countries, country_name, resolve_country
from analysis.geo.ruler import RichardsonResult, ratio_by_ruler, richardson, richardson_ratio
from analysis.geo.states import (
    MODEL_START,
    State,
    border_between,
    get_state,
    state_geometry,
    state_land_borders,
    state_on,
)

__all__ = [
    "MODEL_START",
    "State",
    "SCALES",
    "RichardsonResult",
    "Ruler",
    "SharedBorder",
    "UntrustedBorderWarning",
    "alliance_border",
    "alliance_border_timeline",
    "border_between",
    "border_lines",
    "border_matrix",
    "clear_cache",
    "countries",
    "country_name",
    "finer_borders",
    "land_borders",
    "perimeter",
    "ratio_by_ruler",
    "resolve_country",
    "richardson",
    "richardson_ratio",
    "get_ruler",
    "get_state",
    "rulers",
    "shared_border",
    "state_geometry",
    "state_land_borders",
    "state_on",
]


def clear_cache() -> None:
    """Forget every loaded layer and everything computed from them (for tests).

    Examples
    --------
    >>> clear_cache()
    """
    layers.clear_cache()
    finer.clear_cache()
    borders.clear_cache()
    states.clear_cache()
