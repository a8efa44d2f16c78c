"""Finer rulers that hold border lines for some countries only (``osm``: Russia's).

The vendored file holds one line per border, already measured out of its source
by a vendor script (``tools/vendor_osm_borders.py``), with a ``trusted`` flag and
the ``reason`` for it written into the data.  An untrusted border is never summed
silently: :func:`analysis.geo.land_borders` leaves it out and warns with
:class:`UntrustedBorderWarning` unless it is asked for explicitly.

Examples
--------
>>> t = finer_borders("osm")
>>> bool(t.set_index("neighbor_iso3").loc["FIN", "trusted"])
True
"""

from __future__ import annotations

import threading
from functools import lru_cache

import geopandas as gpd

from analysis.errors import DataFileError
from analysis.geo.catalogue import get_ruler
from analysis.geo.geodesy import length_km
from analysis.geo.layers import data_path

__all__ = ["COLUMNS", "UntrustedBorderWarning", "clear_cache", "finer_borders"]

COLUMNS = [
    "country_iso3",
    "neighbor_iso3",
    "neighbor_name",
    "length_km",
    "trusted",
    "reason",
    "geometry",
]
"""Columns of :func:`finer_borders`."""

_LOCK = threading.RLock()


class UntrustedBorderWarning(UserWarning):
    """A border measured on a finer ruler was left out because it is not trusted."""


@lru_cache(maxsize=4)
def _read(scale: str) -> gpd.GeoDataFrame:
    path = data_path(get_ruler(scale).data_file)
    try:
        frame = gpd.read_parquet(path)
    except Exception as exc:  # pyarrow and geopandas raise many classes
        raise DataFileError(f"data file unreadable: {path} ({exc})") from None
    need = {"country_iso3", "neighbor_iso3", "neighbor_name", "trusted", "reason"}
    if not need <= set(frame.columns) or frame.crs is None or frame.crs.to_epsg() != 4326:
        raise DataFileError(f"data file {path}: not a border-line table in EPSG:4326")
    # the length is always measured here, from the stored line, on the one ellipsoid
    frame["length_km"] = [length_km(g) for g in frame.geometry]
    frame["trusted"] = frame["trusted"].astype(bool)
    frame = frame.sort_values(["country_iso3", "neighbor_iso3"], kind="stable")
    return frame[COLUMNS].reset_index(drop=True)


def finer_borders(scale: str = "osm") -> gpd.GeoDataFrame:
    """Return every border line a line-only ruler holds, trusted or not.

    Parameters
    ----------
    scale
        A ruler of kind ``"lines"`` (see :func:`analysis.geo.rulers`): ``"osm"``.

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`COLUMNS`: ``country_iso3``, ``neighbor_iso3``, ``neighbor_name``,
        ``length_km`` (geodesic, WGS84, measured from the line), ``trusted`` and
        ``reason`` (why the border is or is not trusted), ``geometry``
        (MultiLineString, EPSG:4326).  Sorted by country then neighbour.

    Raises
    ------
    BadInputError
        ``scale`` is unknown or is a polygon layer.
    DataFileError
        The file is missing, altered or not a border-line table.

    Examples
    --------
    >>> t = finer_borders()
    >>> sorted(set(t["country_iso3"])), t.crs.to_epsg()
    (['RUS'], 4326)
    """
    from analysis.errors import BadInputError

    r = get_ruler(scale)
    if r.kind != "lines":
        raise BadInputError(f"ruler {r.id!r} is a polygon layer; use land_borders or border_lines")
    with _LOCK:
        return _read(scale).copy()


def border_rows(scale: str, iso3: str) -> gpd.GeoDataFrame:
    """The rows of the borders of ``iso3`` (one of the ruler's covered countries).

    Examples
    --------
    >>> border_rows("osm", "RUS")["neighbor_iso3"].str.len().eq(3).all()
    np.True_
    """
    t = finer_borders(scale)
    return t[t["country_iso3"] == iso3].reset_index(drop=True)


def clear_cache() -> None:
    """Forget the loaded line files (for tests that swap data files).

    Examples
    --------
    >>> clear_cache()
    """
    with _LOCK:
        _read.cache_clear()
