"""Figures for the chapter "Did the border more than double?".

Each function takes tidy data (from :mod:`analysis.geo`, :mod:`analysis.reference`
or :mod:`analysis.checks`) and returns a :class:`matplotlib.figure.Figure` in the
project style; none computes border lengths itself.
"""

from __future__ import annotations

from collections.abc import Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import ScaledTranslation

from analysis.figures.style import (
    CYCLE,
    MAP_COLOURS,
    PALETTE,
    PHONE_WIDTH,
    map_axes,
    new_figure,
    projection,
)

#: Colours for the NATO accession years of Russia's neighbours (Okabe–Ito).
#: Chosen so that every pair, and each against the map's greys, stays at least
#: ΔE 20 apart under deuteranopia and protanopia (see
#: :func:`analysis.figures.style.colour_distance`): reddish purple, the usual
#: fourth Okabe–Ito colour, turns into the grey of the land under deuteranopia.
YEAR_COLOURS: dict[int, str] = {
    1949: PALETTE["blue"],
    1999: PALETTE["black"],
    2004: PALETTE["sky"],
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
    "osm": "#000000",
}

#: Colour of each source (by its kind); labels come from the catalogue of border sources.
KIND_COLOURS: dict[str, str] = {
    "cia_factbook": PALETTE["blue"],
    "national": PALETTE["orange"],
    "wikipedia": PALETTE["green"],
    "russian_border_service": PALETTE["purple"],
    "natural_earth": "#555555",
    "openstreetmap": "#000000",
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
    alliance: str = "NATO",
    stacked: bool = False,
) -> Figure:
    """Map a country's land borders, coloured by the year each neighbour joined an alliance.

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
    alliance
        Its name, for the legend ("joined NATO 2023", "not NATO").
    stacked
        One column for a phone: the close-up below the whole country, at a width
        (:data:`PHONE_WIDTH`) whose text stays legible when scaled to a phone's column.

    Returns
    -------
    matplotlib.figure.Figure
        Two panels: the whole country (Lambert conformal conic) and a close-up of
        the NATO borders (Lambert azimuthal equal-area), side by side or stacked.

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
    >>> phone = border_map(world, borders, stacked=True)
    >>> top, below = (ax.get_position() for ax in phone.axes)
    >>> bool(phone.get_figwidth() == PHONE_WIDTH), bool(below.y1 <= top.y0)
    (True, True)
    """
    if stacked:
        fig, axes = new_figure(2, 1, width=PHONE_WIDTH, height=7.6,
                               gridspec_kw={"height_ratios": [1, 1.25]})  # fmt: skip
    else:
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
        Line2D([], [], color=c, linewidth=2.2, label=f"joined {alliance} {y}")
        for y, c in sorted(YEAR_COLOURS.items())
    ]
    handles.append(Line2D([], [], color=NON_NATO_COLOUR, linewidth=0.8, label=f"not {alliance}"))
    axes[0].legend(handles=handles, loc="lower left", fontsize=8, frameon=True, facecolor="white")
    fig.tight_layout()
    return fig


def lengths_by_source(table: pd.DataFrame, *, stacked: bool = False) -> Figure:
    """Dot chart of each border's length by source, relative to its median published figure.

    Border lengths differ tenfold between neighbours but only by a few per cent between
    sources, so each border is drawn against its own median published figure (100 %).
    Two panels share the rows (one per neighbour, longest border at the top): the
    published surveys on the left, one marker per source, and the lengths measured on
    lengths measured on maps on the right, one marker per ruler.  A grey bar spans the published
    figures in both panels, so that the map lengths read against it.

    Parameters
    ----------
    table
        :func:`analysis.checks.evidence.lengths_by_source`: ``neighbor_name``, ``series``,
        ``source``, ``kind`` (published or computed), ``length_km`` and, for the legend,
        ``short_label``.
    stacked
        One column for a phone (maps below published figures), :data:`PHONE_WIDTH` wide.

    Returns
    -------
    matplotlib.figure.Figure
        Two axes; each marker series is a collection labelled with its source, its x
        offsets in per cent of the border's median published length.

    Examples
    --------
    >>> t = pd.DataFrame({"neighbor_name": ["Finland", "Finland"], "source": ["CIA", "NE 1:10m"],
    ...                   "series": ["cia_factbook_latest", "ne_10m"],
    ...                   "kind": ["published", "computed"],
    ...                   "short_label": ["CIA World Factbook", "Natural Earth 1:10m"],
    ...                   "length_km": [1309.0, 1225.5]})
    >>> fig = lengths_by_source(t)
    >>> [c.get_label() for ax in fig.axes for c in ax.collections]
    ['CIA World Factbook', 'Natural Earth 1:10m']
    >>> round(float(fig.axes[1].collections[0].get_offsets()[0][0]), 1)  # % of 1,309 km
    93.6
    >>> phone = lengths_by_source(t, stacked=True)
    >>> top, below = (ax.get_position() for ax in phone.axes)
    >>> bool(phone.get_figwidth() == PHONE_WIDTH), bool(below.y1 <= top.y0)
    (True, True)
    """
    is_map = table["kind"] == "computed"
    published = table[~is_map]
    reference = published.groupby("neighbor_name")["length_km"].median()
    data = table.assign(pct=100.0 * table["length_km"] / table["neighbor_name"].map(reference))
    neighbours = reference.sort_values(ascending=True).index.tolist()
    y = {n: i for i, n in enumerate(neighbours)}
    n_sources = max(int(data[~is_map]["source"].nunique()), int(data[is_map]["source"].nunique()))
    if stacked:
        # Each panel keeps room for its rows and, below the axis, its one-column legend.
        panel = 1.2 + 0.36 * len(neighbours) + 0.2 * n_sources
        fig, axes = new_figure(2, 1, width=PHONE_WIDTH, height=2 * panel, sharex=True,
                               squeeze=False)  # fmt: skip
        axes = axes.T  # the panels as axes[0, 0] and axes[0, 1], as in the wide layout
    else:
        fig, axes = new_figure(
            1, 2, width=8.0, height=1.9 + 0.42 * len(neighbours), sharey=True, sharex=True,
            squeeze=False,
        )  # fmt: skip
    span = data[~is_map].groupby("neighbor_name")["pct"].agg(["min", "max"])
    markers = ("o", "s", "D", "^", "v", "P")
    panels = (
        (axes[0, 0], data[~is_map], "Published figures"),
        (axes[0, 1], data[is_map], "Measured on maps"),
    )
    for ax, part, title in panels:
        for name, (lo, hi) in span.iterrows():
            ax.plot([lo, hi], [y[str(name)]] * 2, color="#D0D0D0", linewidth=7, zorder=1,
                    solid_capstyle="round")  # fmt: skip
        for i, (src, grp) in enumerate(part.groupby("source", sort=False)):
            series = str(grp["series"].iloc[0])
            ax.scatter(
                grp["pct"],
                [y[n] for n in grp["neighbor_name"]],
                s=34,
                marker=markers[i % len(markers)],
                color=SOURCE_COLOURS.get(series, CYCLE[i % len(CYCLE)]),
                edgecolors="white",
                linewidths=0.4,
                label=str(grp["short_label"].iloc[0]) if "short_label" in grp else str(src),
                zorder=3,
            )
        ax.axvline(100, color="#999999", linewidth=0.8, zorder=0)
        ax.set_title(title, loc="left", fontsize=10)
        ax.set_xlabel("% of the median published length")
        ax.grid(axis="y", visible=False)
        # Below the axis label: 0.5 in under the axes, whatever the figure's height.
        below = ax.transAxes + ScaledTranslation(0, -0.5, fig.dpi_scale_trans)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=below,
                  fontsize=8, ncols=1)  # fmt: skip
    axes[0, 0].set_yticks(range(len(neighbours)), neighbours)
    if stacked:
        axes[0, 1].set_yticks(range(len(neighbours)), neighbours)
        axes[0, 0].xaxis.set_tick_params(labelbottom=True)
    lo, hi = float(data["pct"].min()), float(data["pct"].max())
    axes[0, 0].set_xlim(min(lo, 95.0) - 3, max(hi, 105.0) + 3)
    fig.tight_layout()
    return fig


def ratio_by_source(
    ratios: pd.DataFrame,
    *,
    threshold: float = 2.0,
    label: str = "Land border after the accession ÷ before",
    colours: Mapping[str, str] | None = None,
) -> Figure:
    """Dot chart of the after/before ratio for each source, with the doubling line.

    Parameters
    ----------
    ratios
        One row per source: ``label``, ``ratio``, optionally ``kind`` (source kind,
        used for colour), ``kind_label`` (its name in the legend) and ``group``
        (``"published"`` or ``"computed"``; a thin rule separates the groups).
    threshold
        Where "doubled" lies (drawn as a vertical line).
    label
        The x-axis label: what is divided by what.
    colours
        Colour per kind, overriding :data:`KIND_COLOURS`.

    Examples
    --------
    >>> r = pd.DataFrame({"label": ["CIA", "NE 10m"], "ratio": [1.994, 2.15]})
    >>> fig = ratio_by_source(r, label="Russia–NATO border after Finland joined ÷ before")
    >>> fig.axes[0].get_xlabel()
    'Russia–NATO border after Finland joined ÷ before'
    """
    data = ratios.dropna(subset=["ratio"]).reset_index(drop=True)
    fig, ax = new_figure(width=7.0, height=1.5 + 0.42 * len(data))
    y = np.arange(len(data))[::-1]
    kinds = data["kind"] if "kind" in data else pd.Series(["source"] * len(data))
    palette = dict(colours or {})
    for i, k in enumerate(dict.fromkeys(kinds)):
        palette.setdefault(k, KIND_COLOURS.get(k, CYCLE[i % len(CYCLE)]))
    ax.axvline(threshold, color=PALETTE["black"], linewidth=1, linestyle="--")
    ax.text(threshold, len(data) - 0.45, f" {threshold:g}× (doubled)", fontsize=8, va="bottom")
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
    if "group" in data:
        groups = data["group"].tolist()
        for k in range(1, len(groups)):
            if groups[k] != groups[k - 1]:
                ax.axhline(y[k] + 0.5, color="#999999", linewidth=0.6)
    ax.set_yticks(y, data["label"])
    ax.set_ylim(-0.7, len(data) - 0.05)
    lo = min(data["ratio"].min(), threshold)
    hi = max(data["ratio"].max(), threshold)
    ax.set_xlim(lo - 0.04, hi + 0.06)
    ax.set_xlabel(label)
    ax.grid(axis="y", visible=False)
    if "kind" in data:
        names = (
            dict(zip(data["kind"], data["kind_label"], strict=True)) if "kind_label" in data else {}
        )
        handles = [
            Line2D([], [], marker="o", linestyle="", color=c, label=names.get(k, k))
            for k, c in palette.items()
        ]
        ax.legend(
            handles=handles, loc="upper center", bbox_to_anchor=(0.4, -0.16), ncol=3, fontsize=8
        )
    fig.tight_layout()
    return fig


def before_after(
    ratios: pd.DataFrame,
    *,
    before_label: str,
    after_label: str,
    factor: float = 2.0,
) -> Figure:
    """Dumbbell chart: the border before and after an accession, source by source.

    Each row is a source (published totals first, then the map scales): a hollow
    dot for the length before, a filled dot for the length after, and a tick at
    ``factor`` × the length before.  Where the filled dot lies right of the tick,
    the border more than doubled by that source.

    Parameters
    ----------
    ratios
        :func:`analysis.checks.evidence.ratios_from_lengths`: ``source`` (or a shorter
        ``label``), ``kind`` (``"published"`` or ``"computed"`` on a map), ``before_km`` and
        ``after_km``.
    before_label, after_label
        Legend entries for the two dots, e.g. "before Finland joined".
    factor
        The multiple marked by the tick (2: "doubled").

    Returns
    -------
    matplotlib.figure.Figure
        One axes; y tick labels are the sources, top to bottom.

    Examples
    --------
    >>> r = pd.DataFrame({"source": ["CIA", "Map 1:10m"], "kind": ["published", "computed"],
    ...                   "before_km": [1317.0, 1069.0], "after_km": [2626.0, 2295.0]})
    >>> fig = before_after(r, before_label="before", after_label="after")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]  # top to bottom
    ['CIA', 'Map 1:10m']
    """
    data = ratios.reset_index(drop=True)
    names = data["label"] if "label" in data else data["source"]
    fig, ax = new_figure(width=7.0, height=1.7 + 0.42 * len(data))
    y = np.arange(len(data))[::-1]
    colour = {"published": PALETTE["blue"], "computed": "#555555"}
    befores = data["before_km"].astype(float).tolist()
    afters = data["after_km"].astype(float).tolist()
    kinds = data["kind"].astype(str).tolist()
    for yi, before, after, kind in zip(y, befores, afters, kinds, strict=True):
        c = colour.get(kind, PALETTE["blue"])
        ax.plot([before, after], [yi, yi], color="#C8C8C8", linewidth=2, zorder=1)
        ax.scatter(before, yi, s=36, facecolors="white", edgecolors=c, zorder=3)
        ax.scatter(after, yi, s=36, color=c, zorder=3)
        ax.plot(
            [factor * before] * 2,
            [yi - 0.28, yi + 0.28],
            color=PALETTE["vermillion"],
            linewidth=1.6,
            zorder=2,
        )
        ax.annotate(
            f"{after / before:.3f}×",
            (max(after, factor * before), yi),
            xytext=(7, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    for k in range(1, len(kinds)):
        if kinds[k] != kinds[k - 1]:
            ax.axhline(y[k] + 0.5, color="#999999", linewidth=0.6)
    ax.set_yticks(y, names)
    ax.set_ylim(-0.7, len(data) - 0.3)
    ax.set_xlim(0, float(max(data["after_km"].max(), factor * data["before_km"].max())) * 1.16)
    ax.set_xlabel("Land border (km)")
    ax.grid(axis="y", visible=False)
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            color="#555555",
            label=before_label,
        ),
        Line2D([], [], marker="o", linestyle="", color="#555555", label=after_label),
        Line2D(
            [], [], color=PALETTE["vermillion"], linewidth=1.6, label=f"{factor:g} × {before_label}"
        ),
    ]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.4, 1.0), ncols=3, fontsize=8)
    fig.tight_layout()
    return fig


def richardson_plot(
    lengths: pd.DataFrame,
    ratio: pd.DataFrame,
    *,
    threshold: float = 2.0,
    ratio_label: str = "Border after ÷ before the accession",
    length_label: str = "Measured length (% of the full map length)",
    stacked: bool = False,
) -> Figure:
    """Two panels: relative length against divider step per border, and the ratio.

    Parameters
    ----------
    lengths
        ``neighbor_name``, ``step_km``, ``length_km`` and ``full_length_km``
        (the vertex-to-vertex length) for each border and step.
    ratio
        ``step_km`` and ``ratio`` (after ÷ before), e.g. from
        :func:`analysis.geo.richardson_ratio` (rows with step 0 are left out).
    threshold
        The ratio marked by a dashed line.
    ratio_label, length_label
        The y-axis labels of the two panels.
    stacked
        One column for a phone (the ratio below the lengths), :data:`PHONE_WIDTH` wide.

    Examples
    --------
    >>> L = pd.DataFrame({"neighbor_name": ["A", "A"], "step_km": [1, 10],
    ...                   "length_km": [9.5, 8.0], "full_length_km": [10, 10]})
    >>> R = pd.DataFrame({"step_km": [1, 10], "ratio": [2.1, 2.2]})
    >>> len(richardson_plot(L, R).axes)
    2
    >>> bool(richardson_plot(L, R, stacked=True).get_figwidth() == PHONE_WIDTH)
    True
    """
    if stacked:
        fig, (ax1, ax2) = new_figure(2, 1, width=PHONE_WIDTH, height=6.8)
    else:
        fig, (ax1, ax2) = new_figure(1, 2, width=8.0, height=3.8)
    for i, (name, sub) in enumerate(lengths.groupby("neighbor_name", sort=False)):
        sub = sub[sub["step_km"] > 0].sort_values("step_km")
        ax1.plot(
            sub["step_km"],
            100 * sub["length_km"] / sub["full_length_km"],
            marker="osD^vP"[i % 6],
            markersize=3.5,
            color=CYCLE[i % len(CYCLE)],
            label=name,
        )
    ax1.set_xscale("log")
    ax1.set_xlabel("Divider step (km, log scale)")
    ax1.set_ylabel(length_label)
    ax1.legend(fontsize=8)
    r = ratio[ratio["step_km"] > 0].sort_values("step_km")
    ax2.plot(r["step_km"], r["ratio"], marker="o", markersize=3, color=PALETTE["vermillion"])
    ax2.axhline(threshold, color=PALETTE["black"], linewidth=1, linestyle="--")
    ax2.set_xscale("log")
    ax2.set_xlabel("Divider step (km, log scale)")
    ax2.set_ylabel(ratio_label)
    fig.tight_layout()
    return fig


def ratio_by_ruler(
    table: pd.DataFrame,
    *,
    published: tuple[float, float],
    threshold: float = 2.0,
    label: str = "Land border after the accession ÷ before",
) -> Figure:
    """The after/before ratio against the ruler, coarsest map to finest, beside the
    range the published surveys give.

    Parameters
    ----------
    table
        :func:`analysis.geo.ratio_by_ruler`: ``ruler``, ``extra``, ``ratio``, and a
        ``short`` tick label per ruler; extras (published Natural Earth 4.1.0 layers)
        are drawn hollow beside the ruler of the same scale (``scale`` column: the
        ruler they stand beside).
    published
        Lowest and highest ratio of the published surveys (a shaded band).
    threshold
        Where "doubled" lies (a dashed line).
    label
        The y-axis label.

    Returns
    -------
    matplotlib.figure.Figure
        One axes; x tick labels are the rulers, coarse to fine.

    Examples
    --------
    >>> t = pd.DataFrame({"ruler": ["110m", "10m", "osm"], "extra": [False] * 3,
    ...                   "ratio": [2.258, 2.147, 1.994], "short": ["1:110m", "1:10m", "OSM"],
    ...                   "scale": ["110m", "10m", "osm"]})
    >>> fig = ratio_by_ruler(t, published=(1.990, 2.107))
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['1:110m', '1:10m', 'OSM']
    """
    main = table[~table["extra"]].reset_index(drop=True)
    x = {r: i for i, r in enumerate(main["ruler"])}
    fig, ax = new_figure(width=7.0, height=4.0)
    lo, hi = published
    ax.axhspan(lo, hi, color=PALETTE["blue"], alpha=0.15, lw=0, label="published surveys (range)")
    ax.axhline(threshold, color=PALETTE["black"], linewidth=1, linestyle="--",
               label=f"{threshold:g}× (doubled)")  # fmt: skip
    ax.plot(list(x.values()), main["ratio"], color="#555555", linewidth=1, zorder=2)
    ax.scatter(list(x.values()), main["ratio"], color="#333333", s=40, zorder=3,
               label="measured on the map")  # fmt: skip
    for i, r in enumerate(main["ratio"]):
        below = r < threshold + 0.01  # keep the number off the doubling line
        ax.annotate(f"{r:.3f}", (i, r), xytext=(8, -11 if below else 4),
                    textcoords="offset points", fontsize=8)  # fmt: skip
    extra = table[table["extra"]]
    if len(extra):
        ex = [x[s] + 0.18 for s in extra["scale"]]
        ax.scatter(ex, extra["ratio"], facecolors="white", edgecolors="#333333", s=36, zorder=3,
                   label="Natural Earth 4.1.0 published layer (extra)")  # fmt: skip
    ax.set_xticks(list(x.values()), main["short"])
    ax.set_xlim(-0.4, len(x) - 0.4)
    ax.set_ylabel(label)
    ax.set_xlabel("Ruler, coarsest to finest")
    ax.grid(axis="x", visible=False)
    fig.tight_layout()
    # below the x-axis label, whatever the figure's height
    below = ax.transAxes + ScaledTranslation(0, -0.75, fig.dpi_scale_trans)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=below, ncol=2,
              fontsize=8, frameon=False)  # fmt: skip
    fig.subplots_adjust(bottom=0.33)
    return fig
