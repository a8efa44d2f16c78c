"""The one ellipsoid every length is measured on, and geodesic segment lengths.

Examples
--------
>>> round(GEOD.line_length([0.0, 1.0], [0.0, 0.0]) / 1000.0, 2)
111.32
"""

from __future__ import annotations

import numpy as np
import pyproj
from shapely.geometry.base import BaseGeometry

GEOD = pyproj.Geod(ellps="WGS84")
"""The WGS84 ellipsoid every length is measured on."""


def geodesic_lengths_m(seg: np.ndarray) -> np.ndarray:
    """Geodesic WGS84 length in metres of each segment ``(lon1, lat1, lon2, lat2)``.

    Examples
    --------
    >>> round(float(geodesic_lengths_m(np.array([[0.0, 0.0, 1.0, 0.0]]))[0]))
    111319
    """
    seg = np.asarray(seg, dtype=np.float64).reshape(-1, 4)
    if len(seg) == 0:
        return np.zeros(0)
    _, _, dist = GEOD.inv(seg[:, 0], seg[:, 1], seg[:, 2], seg[:, 3])
    return np.asarray(dist, dtype=np.float64)


def length_km(geom: BaseGeometry) -> float:
    """Geodesic length in km of a (multi)line in lon/lat; 0 for an empty geometry.

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> round(length_km(LineString([(0, 0), (1, 0)])), 2)
    111.32
    """
    if geom.is_empty:
        return 0.0
    return float(GEOD.geometry_length(geom)) / 1000.0
