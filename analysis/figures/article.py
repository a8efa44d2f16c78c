"""Figures for the chapter "What the article says".

They take the tables returned by :func:`analysis.text.analyze` and return
:class:`matplotlib.figure.Figure` objects in the project style.
"""

from __future__ import annotations

from datetime import date

import geopandas as gpd
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from analysis.figures.style import MAP_COLOURS, PALETTE, map_axes, new_figure, projection

#: Fill colours for mention counts (light to dark blue, readable for colour-blind readers).
MENTION_CLASSES: tuple[tuple[int, int, str], ...] = (
    (1, 1, "#C6DBEF"),
    (2, 3, "#6BAED6"),
    (4, 8, "#2171B5"),
    (9, 10**6, "#08306B"),
)


def mention_colour(mentions: int) -> str:
    """Return the fill colour for a number of mentions.

    Examples
    --------
    >>> mention_colour(1), mention_colour(9)
    ('#C6DBEF', '#08306B')
    """
    for low, high, colour in MENTION_CLASSES:
        if low <= mentions <= high:
            return colour
    return MAP_COLOURS["land"]


#: Offsets (points) tried in turn for a label, nearest first.
LABEL_OFFSETS: tuple[tuple[float, float], ...] = (
    (0, -11), (0, 11), (40, 0), (-40, 0), (30, -22), (30, 22), (-30, -22), (-30, 22),
    (0, -30), (0, 30), (60, -10), (-60, -10), (60, 30), (-60, 30),
)  # fmt: skip


def place_labels(ax: Axes, items: list[tuple[float, float, str, float]]) -> None:
    """Annotate points with text, trying :data:`LABEL_OFFSETS` until a label overlaps none.

    ``items`` are ``(x, y, text, priority)`` in data coordinates, placed in order; a
    label moved off its point gets a thin leader line.
    """
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    placed: list[Bbox] = []
    for x, y, text, _ in items:
        ann = None
        for dx, dy in LABEL_OFFSETS:
            if ann is not None:
                ann.remove()
            ann = ax.annotate(
                text,
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                ha="center",
                va="center",
                fontsize=9,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
                arrowprops=(
                    None
                    if abs(dx) + abs(dy) <= 11
                    else {"arrowstyle": "-", "color": "#444444", "linewidth": 0.5}
                ),
            )
            ann.update_positions(renderer)
            box = Text.get_window_extent(ann, renderer).expanded(1.05, 1.1)
            if not any(box.overlaps(b) for b in placed):
                break
        if ann is not None:
            placed.append(Text.get_window_extent(ann, renderer))


def countries_map(world: gpd.GeoDataFrame, mentioned: pd.DataFrame) -> Figure:
    """World map (Equal Earth) of the countries an article mentions, shaded by mentions.

    Parameters
    ----------
    world
        Country polygons with ``iso3`` (EPSG:4326), e.g. ``analysis.geo.countries("50m")``.
    mentioned
        The ``countries`` table of an analysis: ``iso3``, ``name``, ``mentions``.

    Examples
    --------
    >>> from analysis.geo import countries
    >>> fig = countries_map(countries("110m"), pd.DataFrame(
    ...     {"iso3": ["JPN"], "name": ["Japan"], "mentions": [3]}))
    >>> len(fig.axes)
    1
    """
    fig, ax = new_figure(width=9.0, height=4.8)
    map_axes(ax)
    proj = projection("world")
    w = world[world["iso3"] != "ATA"]
    w = w.assign(geometry=w.geometry.clip_by_rect(-180, -60, 180, 85)).to_crs(proj)
    counts = dict(zip(mentioned["iso3"], mentioned["mentions"], strict=True))
    colours = [
        mention_colour(int(counts[i])) if i in counts else MAP_COLOURS["land"] for i in w["iso3"]
    ]
    w.plot(ax=ax, color=colours, edgecolor=MAP_COLOURS["edge"], linewidth=0.3)
    # Label each mentioned country with its count, moving labels until none overlap.
    anchors = []
    for _, row in w[w["iso3"].isin(counts)].iterrows():
        geom = row.geometry
        part = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        p = part.representative_point()
        name = mentioned.loc[mentioned["iso3"] == row["iso3"], "name"].iloc[0]
        anchors.append((p.x, p.y, f"{name} ({counts[row['iso3']]})", part.area))
    fig.tight_layout()  # fix the layout first: placement works in display coordinates
    # Big countries first: they keep the label inside them.
    place_labels(ax, sorted(anchors, key=lambda a: -a[3]))
    handles = [
        Patch(color=c, label=f"{lo}" if lo == hi else (f"{lo}–{hi}" if hi < 10**6 else f"{lo}+"))
        for lo, hi, c in MENTION_CLASSES
    ]
    ax.legend(handles=handles, title="Mentions", loc="lower left", fontsize=9, title_fontsize=9)
    return fig


def timeline(events: pd.DataFrame, published: date | None = None) -> Figure:
    """Timeline of dated events: one marker and label per event, in date order.

    Parameters
    ----------
    events
        ``date`` (datetime-like) and ``label`` columns.
    published
        Drawn as a distinct marker, "article published".

    Examples
    --------
    >>> ev = pd.DataFrame({"date": pd.to_datetime(["2023-04-04"]), "label": ["Finland joins"]})
    >>> fig = timeline(ev, date(2023, 5, 10))
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['Finland joins', 'article published']
    """
    ev = events.assign(date=pd.to_datetime(events["date"])).sort_values("date")
    rows = list(ev.itertuples(index=False))
    fig, ax = new_figure(width=9.0, height=1.0 + 0.45 * (len(rows) + 1))
    ys = np.arange(len(rows), 0, -1, dtype=float)
    for y, row in zip(ys, rows, strict=True):
        ax.plot([row.date, row.date], [0, y], color="#BBBBBB", linewidth=0.8, zorder=1)
        ax.scatter([row.date], [y], color=PALETTE["blue"], s=30, zorder=2)
        ax.annotate(
            row.label,
            (row.date, y),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
        )
    if published is not None:
        ts = pd.Timestamp(published)
        ax.scatter([ts], [0.0], color=PALETTE["vermillion"], marker="D", s=36, zorder=3)
        ax.annotate(
            "article published",
            (ts, 0.0),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
            color=PALETTE["vermillion"],
        )
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b %Y"))
    if not len(ev) and published is None:
        return fig
    lo = ev["date"].min() if len(ev) else pd.Timestamp(published)  # type: ignore[arg-type]
    hi = pd.Timestamp(published) if published is not None else ev["date"].max()
    span = max((hi - lo).days, 10)
    ax.set_xlim(lo - pd.Timedelta(days=span * 0.05), hi + pd.Timedelta(days=span * 0.6))
    ax.set_ylim(-0.6, len(rows) + 0.6)
    ax.set_xlabel("Date")
    fig.tight_layout()
    return fig


def shorten(text: str, width: int = 60) -> str:
    """Cut text at a word boundary to at most ``width`` characters, adding an ellipsis.

    Examples
    --------
    >>> shorten("On April 4, Finland officially joined NATO, becoming the 31st member", 30)
    'On April 4, Finland officially…'
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width + 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def dated_events(
    dates: pd.DataFrame, claims: pd.DataFrame, text: str, width: int = 60
) -> pd.DataFrame:
    """Pair each day-precise date of an analysis with the sentence it stands in.

    Parameters
    ----------
    dates, claims
        The ``dates`` and ``claims`` tables of an analysis (``sentence`` columns link them).
    text
        The analysed text (used when the sentence is not among the claims).
    width
        Longest label, in characters.

    Returns
    -------
    pandas.DataFrame
        ``date``, ``text`` (as written), ``label`` (the shortened sentence).

    Examples
    --------
    >>> d = pd.DataFrame({"text": ["May 3"], "iso": ["2023-05-03"], "granularity": ["day"],
    ...                   "start": [20], "end": [25], "sentence": [0]})
    >>> c = pd.DataFrame({"text": ["It was reported on May 3."], "sentence": [0]})
    >>> dated_events(d, c, "").loc[0, "label"]
    'It was reported on May 3.'
    """
    by_sentence = dict(zip(claims["sentence"], claims["text"], strict=False)) if len(claims) else {}
    rows = []
    for d in dates.itertuples(index=False):
        if d.granularity != "day" or not isinstance(d.iso, str):
            continue
        sentence = by_sentence.get(d.sentence)
        if sentence is None:
            start, end = int(d.start), int(d.end)  # type: ignore[arg-type]
            sentence = text[max(0, start - width // 2) : end + width // 2]
        rows.append(
            {"date": pd.Timestamp(d.iso), "text": d.text, "label": shorten(sentence, width)}
        )
    return pd.DataFrame(rows, columns=["date", "text", "label"])
