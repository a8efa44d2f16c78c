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


#: Width (inches) of the one-column layout of a multi-panel figure, for phones.  A phone's
#: text column is about 360 CSS px; a figure of 4.6 in at the style's 110 dpi is about 500
#: CSS px, so it is drawn at about 0.7 of its size and 8 pt text stays about 9 px high
#: (the wide layouts, 8–10 in, would shrink to 0.4–0.45).
PHONE_WIDTH = 4.6


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


# Colour-vision simulation.  Hand-written rather than a dependency: it is one 3×3
# matrix per deficiency (Machado, Oliveira & Fernandes 2009, severity 1.0, as
# tabulated by the authors and used by colorspacious and daltonlens) applied in
# linear RGB, then CIE 1976 L*a*b* (D65) to measure how far apart two colours look.
_CVD_MATRICES: dict[str, tuple[tuple[float, float, float], ...]] = {
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    c = min(max(c, 0.0), 1.0)
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def simulate_cvd(colour: str, deficiency: str = "deuteranopia") -> str:
    """How a colour looks with a colour-vision deficiency (Machado et al. 2009, severity 1).

    Parameters
    ----------
    colour
        Any matplotlib colour, e.g. ``"#D55E00"``.
    deficiency
        ``"deuteranopia"``, ``"protanopia"`` or ``"tritanopia"``.

    Returns
    -------
    str
        The simulated colour as ``#rrggbb``.

    Examples
    --------
    >>> simulate_cvd("#FFFFFF")  # white stays white
    '#ffffff'
    >>> simulate_cvd("#FF0000") != "#ff0000"
    True
    """
    from matplotlib.colors import to_hex, to_rgb

    try:
        m = _CVD_MATRICES[deficiency]
    except KeyError:
        raise KeyError(
            f"unknown deficiency {deficiency!r}; choose from {sorted(_CVD_MATRICES)}"
        ) from None
    lin = [_linear(c) for c in to_rgb(colour)]
    r, g, b = (_gamma(sum(m[i][j] * lin[j] for j in range(3))) for i in range(3))
    return to_hex((r, g, b))


def _lab(colour: str) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    r, g, b = (_linear(c) for c in to_rgb(colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def colour_distance(a: str, b: str, deficiency: str | None = None) -> float:
    """CIE76 colour difference ΔE*ab between two colours, optionally as seen with a deficiency.

    About 2.3 is just noticeable; the book asks at least 20 between the colours of
    one legend under deuteranopia.

    Examples
    --------
    >>> colour_distance("#000000", "#FFFFFF")
    100.0
    >>> colour_distance(PALETTE["blue"], PALETTE["orange"], "deuteranopia") > 20
    True
    """
    if deficiency is not None:
        a, b = simulate_cvd(a, deficiency), simulate_cvd(b, deficiency)
    la, lb = _lab(a), _lab(b)
    return round(sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5, 3)
