"""Geography engine: Natural Earth layers, geodesic land borders, alliance borders.

Every length is geodesic on the WGS84 ellipsoid, in kilometres.  See
``analysis/data/PROVENANCE.md`` for the data behind each scale.
"""

from __future__ import annotations

from analysis.geo.alliances import alliance_border, alliance_border_timeline
from analysis.geo.borders import (
    SharedBorder,
    border_lines,
    border_matrix,
    land_borders,
    perimeter,
    shared_border,
)
from analysis.geo.layers import SCALES, countries, country_name, resolve_country
from analysis.geo.ruler import RichardsonResult, richardson, richardson_ratio

__all__ = [
    "SCALES",
    "RichardsonResult",
    "SharedBorder",
    "border_lines",
    "alliance_border",
    "alliance_border_timeline",
    "border_matrix",
    "countries",
    "country_name",
    "land_borders",
    "perimeter",
    "resolve_country",
    "richardson",
    "richardson_ratio",
    "shared_border",
]
