"""The one figure style of the project: palette, fonts, backgrounds and map projections.

Every chart in the book goes through :func:`use_style` and :func:`new_figure`, so
that all figures share a colour-blind-safe palette (Okabe & Ito 2008), labelled
axes, no titles inside the figure (captions carry them) and an opaque white
background that stays readable when the page is shown in dark mode.
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import matplotlib.style
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure

#: Okabe–Ito colour-blind-safe palette, by name.
PALETTE: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}

#: Colour cycle used for categorical series (black and yellow kept for emphasis/maps).
CYCLE: list[str] = [
    PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky", "grey")
]

#: Fill colours for maps: context land, the focus country, and missing data.
MAP_COLOURS: dict[str, str] = {
    "land": "#E6E6E6",
    "edge": "#FFFFFF",
    "focus": "#BDBDBD",
    "water": "#FFFFFF",
}

#: Projections (PROJ strings) suited to the regions the book maps.
PROJECTIONS: dict[str, str] = {
    # Lambert conformal conic for Russia and its western neighbours.
    "russia": "+proj=lcc +lat_1=50 +lat_2=70 +lat_0=56 +lon_0=100 +datum=WGS84 +units=m",
    "northern_europe": "+proj=laea +lat_0=60 +lon_0=28 +datum=WGS84 +units=m",
    "europe": "+proj=laea +lat_0=52 +lon_0=10 +datum=WGS84 +units=m",
    # Equal Earth for world maps (equal-area, pleasant shape).
    "world": "+proj=eqearth +lon_0=0 +datum=WGS84 +units=m",
    "world_pacific": "+proj=eqearth +lon_0=80 +datum=WGS84 +units=m",
}

STYLE: dict[str, Any] = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.transparent": False,
    "figure.dpi": 110,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "legend.frameon": False,
    "axes.prop_cycle": cycler(color=CYCLE),
    "svg.hashsalt": "analysis",
    "path.simplify": True,
}


def use_style() -> None:
    """Apply the project style to matplotlib (idempotent).

    Examples
    --------
    >>> use_style()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["figure.facecolor"]
    'white'
    """
    matplotlib.style.use(STYLE)


def new_figure(
    nrows: int = 1, ncols: int = 1, *, width: float = 7.0, height: float = 4.0, **kwargs: Any
) -> tuple[Figure, Any]:
    """Create a figure in the project style and return ``(figure, axes)``.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> fig.get_facecolor()[:3]
    (1.0, 1.0, 1.0)
    >>> plt.close(fig)
    """
    use_style()
    fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), **kwargs)
    return fig, axes


def map_axes(ax: Axes) -> Axes:
    """Strip ticks, grid and spines from an axes that shows a map, keeping equal aspect."""
    ax.set_axis_off()
    ax.set_aspect("equal")
    return ax


def projection(name: str) -> str:
    """Return the PROJ string for a named map region (see :data:`PROJECTIONS`).

    Examples
    --------
    >>> projection("world").startswith("+proj=eqearth")
    True
    """
    try:
        return PROJECTIONS[name]
    except KeyError:
        raise KeyError(f"unknown map region {name!r}; choose from {sorted(PROJECTIONS)}") from None


def colour_for_years(years: list[int]) -> dict[int, str]:
    """Assign a palette colour to each distinct year, in order (for accession waves).

    Examples
    --------
    >>> colour_for_years([2004, 1949, 2023])[1949] == CYCLE[0]
    True
    """
    ordered = sorted(set(years))
    return {year: CYCLE[i % len(CYCLE)] for i, year in enumerate(ordered)}
