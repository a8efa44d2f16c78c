"""Figures for the chapter "Did the border more than double?".

Each function takes tidy data (from :mod:`analysis.geo`, :mod:`analysis.reference`
or :mod:`analysis.checks`) and returns a :class:`matplotlib.figure.Figure` in the
project style; none computes border lengths itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.figures.style import CYCLE, MAP_COLOURS, PALETTE, map_axes, new_figure, projection

#: Colours for the NATO accession years of Russia's neighbours (Okabe–Ito).
YEAR_COLOURS: dict[int, str] = {
    1949: PALETTE["blue"],
    1999: PALETTE["purple"],
    2004: PALETTE["orange"],
    2023: PALETTE["vermillion"],
}
NON_NATO_COLOUR = "#555555"

#: Colour of each source of border lengths (published series and Natural Earth scales).
SOURCE_COLOURS: dict[str, str] = {
    "cia_factbook_latest": PALETTE["blue"],
    "national_excl_sea": PALETTE["orange"],
    "national_incl_sea": PALETTE["vermillion"],
    "wikipedia_en": PALETTE["green"],
    "russian_border_service": PALETTE["purple"],
    "ne_10m": "#333333",
    "ne_50m": "#777777",
    "ne_110m": "#B5B5B5",
}

#: Readable names of the kinds of source.
KIND_LABELS: dict[str, str] = {
    "cia_factbook": "CIA World Factbook",
    "national": "national agencies",
    "wikipedia": "English Wikipedia",
    "russian_border_service": "Russia's border service",
    "natural_earth": "Natural Earth (measured here)",
}
KIND_COLOURS: dict[str, str] = {
    "cia_factbook": PALETTE["blue"],
    "national": PALETTE["orange"],
    "wikipedia": PALETTE["green"],
    "russian_border_service": PALETTE["purple"],
    "natural_earth": "#555555",
}


def _spread(values: list[float], gap: float) -> list[float]:
    """Move sorted label positions apart so neighbours are at least ``gap`` apart."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed = [values[i] for i in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    out = [0.0] * len(values)
    for k, i in enumerate(order):
        out[i] = placed[k]
    return out


def _year_colour(year: object) -> str:
    if year is None or pd.isna(year):  # type: ignore[call-overload]
        return NON_NATO_COLOUR
    return YEAR_COLOURS.get(int(year), PALETTE["green"])  # type: ignore[call-overload]


def border_map(
    world: gpd.GeoDataFrame,
    borders: gpd.GeoDataFrame,
    country: str = "RUS",
    *,
    zoom_bounds: tuple[float, float, float, float] = (16.0, 52.5, 36.5, 71.5),
) -> Figure:
    """Map a country's land borders, coloured by the year each neighbour joined NATO.

    Parameters
    ----------
    world
        Country polygons (``iso3``, ``geometry``; EPSG:4326), e.g. ``analysis.geo.countries()``.
    borders
        One row per neighbour: ``neighbor_iso3``, ``neighbor_name``, ``length_km``,
        ``joined`` (year the neighbour joined NATO, or missing) and ``geometry``
        (the shared line, EPSG:4326).
    country
        The country whose borders are drawn.
    zoom_bounds
        lon/lat box (west, south, east, north) of the right-hand close-up, which
        keeps Kaliningrad and the Baltic borders visible.

    Returns
    -------
    matplotlib.figure.Figure
        Two panels: the whole country (Lambert conformal conic) and a close-up of
        the NATO borders (Lambert azimuthal equal-area).

    Examples
    --------
    >>> from analysis.geo import countries
    >>> import geopandas as gpd
    >>> world = countries("110m")
    >>> borders = gpd.GeoDataFrame({"neighbor_iso3": [], "neighbor_name": [], "length_km": [],
    ...     "joined": []}, geometry=[], crs=4326)
    >>> fig = border_map(world, borders)
    >>> len(fig.axes)
    2
    """
    fig, axes = new_figure(1, 2, width=10.0, height=5.2, gridspec_kw={"width_ratios": [1.5, 1]})
    world = world[world.geometry.bounds["miny"] > 15].copy()  # nothing near the poles' singularity
    world["geometry"] = world.geometry.clip_by_rect(-180, 15, 180, 85)
    home = world[world["iso3"] == country]
    zoom_box = gpd.GeoSeries.from_xy(
        [zoom_bounds[0], zoom_bounds[2]], [zoom_bounds[1], zoom_bounds[3]], crs=4326
    )
    for ax, proj in zip(axes, (projection("russia"), projection("northern_europe")), strict=True):
        map_axes(ax)
        w = world.to_crs(proj)
        w.plot(ax=ax, color=MAP_COLOURS["land"], edgecolor=MAP_COLOURS["edge"], linewidth=0.4)
        home.to_crs(proj).plot(ax=ax, color=MAP_COLOURS["focus"], edgecolor="none")
        if len(borders):
            b = borders.to_crs(proj)
            colours = [_year_colour(y) for y in b["joined"]]
            widths = [0.8 if c == NON_NATO_COLOUR else 2.2 for c in colours]
            b.plot(ax=ax, color=colours, linewidth=widths)
    # Frame the panels: all of the country, and the close-up box.
    home_p = home.to_crs(projection("russia")).total_bounds
    pad = 0.04 * (home_p[2] - home_p[0])
    axes[0].set_xlim(home_p[0] - pad, home_p[2] + pad)
    axes[0].set_ylim(home_p[1] - pad, home_p[3] + pad)
    zb = zoom_box.to_crs(projection("northern_europe")).total_bounds
    axes[1].set_xlim(zb[0], zb[2])
    axes[1].set_ylim(zb[1], zb[3])
    if len(borders):
        zoomed = borders.to_crs(projection("northern_europe"))
        anchors = []
        for _, row in zoomed.iterrows():
            if pd.isna(row["joined"]) or row.geometry is None or row.geometry.is_empty:
                continue
            point = row.geometry.interpolate(0.5, normalized=True)
            if zb[0] < point.x < zb[2] and zb[1] < point.y < zb[3]:
                anchors.append(
                    (point.x, point.y, f"{row['neighbor_name']}\n{row['length_km']:,.0f} km")
                )
        # Labels sit in a column left of the border line, spread so none overlap.
        height = zb[3] - zb[1]
        ys = _spread([a[1] for a in anchors], gap=0.075 * height)
        for (x, y, text), ly in zip(anchors, ys, strict=True):
            axes[1].annotate(
                text,
                (x, y),
                xytext=(x - 0.2 * (zb[2] - zb[0]), ly),
                fontsize=8,
                va="center",
                ha="right",
                arrowprops={"arrowstyle": "-", "color": "#444444", "linewidth": 0.6},
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.9},
            )
    handles = [
        Line2D([], [], color=c, linewidth=2.2, label=f"joined NATO {y}")
        for y, c in sorted(YEAR_COLOURS.items())
    ]
    handles.append(Line2D([], [], color=NON_NATO_COLOUR, linewidth=0.8, label="not NATO"))
    axes[0].legend(handles=handles, loc="lower left", fontsize=8, frameon=True, facecolor="white")
    fig.tight_layout()
    return fig


def lengths_by_source(table: pd.DataFrame, *, sources: Sequence[str] | None = None) -> Figure:
    """Grouped horizontal bars: each neighbour's border length by source.

    Parameters
    ----------
    table
        Long table with ``neighbor_name``, ``source`` (label) and ``length_km``.
    sources
        Order of the sources (default: order of first appearance).

    Examples
    --------
    >>> t = pd.DataFrame({"neighbor_name": ["Finland", "Finland"], "source": ["A", "B"],
    ...                   "length_km": [1309.0, 1225.5]})
    >>> fig = lengths_by_source(t)
    >>> len(fig.axes[0].patches)
    2
    """
    sources = list(sources or dict.fromkeys(table["source"]))
    neighbours = (
        table.groupby("neighbor_name")["length_km"].max().sort_values(ascending=True).index.tolist()
    )
    fig, ax = new_figure(width=8.0, height=1.0 + 0.75 * len(neighbours))
    height = 0.8 / max(len(sources), 1)
    y = np.arange(len(neighbours))
    series_of = (
        dict(zip(table["source"], table["series"], strict=False)) if "series" in table else {}
    )
    for i, src in enumerate(sources):
        sub = table[table["source"] == src].set_index("neighbor_name")["length_km"]
        values = [float(sub.get(n, np.nan)) for n in neighbours]
        colour = SOURCE_COLOURS.get(series_of.get(src, ""), CYCLE[i % len(CYCLE)])
        ax.barh(
            y + ((len(sources) - 1) / 2 - i) * height,
            values,
            height=height * 0.92,
            color=colour,
            label=src,
        )
    ax.set_yticks(y, neighbours)
    ax.set_xlabel("Length of land border with Russia (km)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def ratio_by_source(
    ratios: pd.DataFrame, *, threshold: float = 2.0, colours: Mapping[str, str] | None = None
) -> Figure:
    """Dot chart of the after/before ratio for each source, with the doubling line.

    Parameters
    ----------
    ratios
        One row per source: ``label``, ``ratio``, optionally ``kind`` (used for colour).
    threshold
        Where "doubled" lies (drawn as a vertical line).

    Examples
    --------
    >>> r = pd.DataFrame({"label": ["CIA", "NE 10m"], "ratio": [1.994, 2.15]})
    >>> fig = ratio_by_source(r)
    >>> fig.axes[0].get_xlabel()
    'Russia–NATO land border after Finland joined ÷ before'
    """
    data = ratios.dropna(subset=["ratio"]).reset_index(drop=True)
    fig, ax = new_figure(width=8.0, height=1.2 + 0.45 * len(data))
    y = np.arange(len(data))[::-1]
    kinds = data["kind"] if "kind" in data else pd.Series(["source"] * len(data))
    palette = dict(colours or {})
    for i, k in enumerate(dict.fromkeys(kinds)):
        palette.setdefault(k, KIND_COLOURS.get(k, CYCLE[i % len(CYCLE)]))
    ax.axvline(threshold, color=PALETTE["black"], linewidth=1, linestyle="--")
    ax.text(threshold, len(data) - 0.4, " doubled", fontsize=8, va="bottom")
    for yi, (_, row), kind in zip(y, data.iterrows(), kinds, strict=True):
        ax.plot([threshold, row["ratio"]], [yi, yi], color="#BBBBBB", linewidth=1, zorder=1)
        ax.scatter(row["ratio"], yi, color=palette[kind], s=40, zorder=2)
        ax.annotate(
            f"{row['ratio']:.3f}",
            (row["ratio"], yi),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    ax.set_yticks(y, data["label"])
    ax.set_ylim(-0.7, len(data) - 0.1)
    lo = min(data["ratio"].min(), threshold)
    hi = max(data["ratio"].max(), threshold)
    ax.set_xlim(lo - 0.05, hi + 0.08)
    ax.set_xlabel("Russia–NATO land border after Finland joined ÷ before")
    ax.grid(axis="y", visible=False)
    if "kind" in data:
        handles = [
            Line2D([], [], marker="o", linestyle="", color=c, label=KIND_LABELS.get(k, k))
            for k, c in palette.items()
        ]
        ax.legend(
            handles=handles, loc="upper center", bbox_to_anchor=(0.4, -0.14), ncol=3, fontsize=8
        )
    fig.tight_layout()
    return fig


def richardson_plot(
    lengths: pd.DataFrame, ratio: pd.DataFrame, *, threshold: float = 2.0
) -> Figure:
    """Two panels: relative length against divider step per border, and the NATO ratio.

    Parameters
    ----------
    lengths
        ``neighbor_name``, ``step_km``, ``length_km`` and ``full_length_km``
        (the vertex-to-vertex length) for each border and step.
    ratio
        ``step_km`` and ``ratio`` (after ÷ before), e.g. from
        :func:`analysis.geo.richardson_ratio` (rows with step 0 are left out).

    Examples
    --------
    >>> L = pd.DataFrame({"neighbor_name": ["A", "A"], "step_km": [1, 10],
    ...                   "length_km": [9.5, 8.0], "full_length_km": [10, 10]})
    >>> R = pd.DataFrame({"step_km": [1, 10], "ratio": [2.1, 2.2]})
    >>> len(richardson_plot(L, R).axes)
    2
    """
    fig, (ax1, ax2) = new_figure(1, 2, width=10.0, height=4.2)
    for i, (name, sub) in enumerate(lengths.groupby("neighbor_name", sort=False)):
        sub = sub[sub["step_km"] > 0].sort_values("step_km")
        ax1.plot(
            sub["step_km"],
            100 * sub["length_km"] / sub["full_length_km"],
            marker="o",
            markersize=3,
            color=CYCLE[i % len(CYCLE)],
            label=name,
        )
    ax1.set_xscale("log")
    ax1.set_xlabel("Divider step (km, log scale)")
    ax1.set_ylabel("Measured length (% of full 1:10m length)")
    ax1.legend(fontsize=8)
    r = ratio[ratio["step_km"] > 0].sort_values("step_km")
    ax2.plot(r["step_km"], r["ratio"], marker="o", markersize=3, color=PALETTE["vermillion"])
    ax2.axhline(threshold, color=PALETTE["black"], linewidth=1, linestyle="--")
    ax2.set_xscale("log")
    ax2.set_xlabel("Divider step (km, log scale)")
    ax2.set_ylabel("NATO border after ÷ before Finland joined")
    fig.tight_layout()
    return fig
