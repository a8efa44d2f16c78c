"""Figures and small tables for the chapter "NATO in the Indo-Pacific".

* :data:`NATO_HQ`: the coordinates of NATO headquarters in Brussels, with their source;
* :func:`office_distances`: geodesic distance (WGS84) from headquarters to each office;
* :func:`offices_map`: a world map of NATO offices outside member states, open,
  closed and proposed, with the geodesic from Brussels to Tokyo;
* :func:`distance_chart`: the distances as a dot chart, one row per city;
* :func:`partner_timeline`: the partnership milestones of the four Indo-Pacific partners;
* :func:`asian_offices`: the offices in Asia, in order of opening;
* :func:`partial_date_text`: a date known to the day, month, year or decade, or only
  as "before" a year, in words;
* :data:`TOKYO_PLAN` and :func:`tokyo_plan`: what happened to the proposed Tokyo
  office, May 2023 – June 2025, each event with its source, for
  :func:`analysis.figures.article.timeline`.

The office and partner tables come from :mod:`analysis.reference`; nothing here
reads files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from shapely.geometry import box

from analysis.figures import text_extent
from analysis.figures.growth import add_polygons
from analysis.figures.style import MAP_COLOURS, PALETTE, map_axes, new_figure, projection

__all__ = [
    "GEOD",
    "GROUPS",
    "NATO_HQ",
    "Place",
    "asian_offices",
    "distance_chart",
    "office_distances",
    "office_group",
    "offices_map",
    "partner_timeline",
    "partial_date_text",
    "TOKYO_PLAN",
    "tokyo_plan",
]

GEOD = pyproj.Geod(ellps="WGS84")


@dataclass(frozen=True)
class Place:
    """A named point with the source of its coordinates.

    Attributes
    ----------
    name
        Display name.
    lat, lon
        Degrees, WGS84.
    source
        Where the coordinates were read.
    cite
        Key of that source in ``book/references.bib``.
    """

    name: str
    lat: float
    lon: float
    source: str
    cite: str


#: NATO headquarters, Boulevard Léopold III, 1110 Brussels (Haren).  Coordinates
#: 50°52′45″N 4°25′30″E from the infobox of the English Wikipedia article "NATO
#: headquarters" (copy of April 2023); the address is NATO's own.
NATO_HQ = Place(
    name="NATO headquarters, Brussels",
    lat=50 + 52 / 60 + 45 / 3600,
    lon=4 + 25 / 60 + 30 / 3600,
    source="English Wikipedia, 'NATO headquarters' (infobox, April 2023 copy); "
    "address: nato.int 'NATO Headquarters'",
    cite="enwiki2023natohq",
)

#: Display group of each office status, with marker, colour and size.  Shapes
#: differ as well as colours, so the map reads without colour vision.
GROUPS: dict[str, dict[str, object]] = {
    "open": {"marker": "o", "colour": PALETTE["blue"], "size": 40},
    "closed": {"marker": "X", "colour": PALETTE["vermillion"], "size": 46},
    "agreed, not yet open": {"marker": "D", "colour": PALETTE["sky"], "size": 34},
    "status unknown": {"marker": "s", "colour": PALETTE["grey"], "size": 34},
    "proposed": {"marker": "*", "colour": PALETTE["orange"], "size": 260},
}
_STATUS_TO_GROUP = {
    "active": "open",
    "closed": "closed",
    "merged": "closed",
    "moved": "closed",
    "agreed": "agreed, not yet open",
    "proposed": "proposed",
    "unknown": "status unknown",
}


def office_group(status: str) -> str:
    """Return the display group of an office status from the office table.

    Merged and moved offices count as closed (they no longer exist where they were).

    Examples
    --------
    >>> office_group("active"), office_group("merged"), office_group("proposed")
    ('open', 'closed', 'proposed')
    """
    try:
        return _STATUS_TO_GROUP[status]
    except KeyError:
        raise ValueError(f"unknown office status {status!r}") from None


def office_distances(offices: pd.DataFrame, hq: Place = NATO_HQ) -> pd.DataFrame:
    """Geodesic distance on the WGS84 ellipsoid from headquarters to each office.

    Parameters
    ----------
    offices
        Office table with ``office_id``, ``office_name``, ``city``, ``country``,
        ``status``, ``lat`` and ``lon`` (e.g. :func:`analysis.reference.offices`).
    hq
        The point measured from.

    Returns
    -------
    pandas.DataFrame
        ``office_id``, ``office_name``, ``city``, ``country``, ``group``,
        ``distance_km`` and ``azimuth_deg`` (initial bearing from ``hq``), sorted by
        distance, then office id.

    Examples
    --------
    >>> t = pd.DataFrame({"office_id": ["X"], "office_name": ["x"], "city": ["Tokyo"],
    ...                   "country": ["Japan"], "status": ["proposed"],
    ...                   "lat": [35.6833], "lon": [139.75]})
    >>> round(float(office_distances(t)["distance_km"].iloc[0]), -1)
    9470.0
    """
    lon0 = np.full(len(offices), hq.lon)
    lat0 = np.full(len(offices), hq.lat)
    az, _, dist = GEOD.inv(lon0, lat0, offices["lon"].to_numpy(), offices["lat"].to_numpy())
    out = pd.DataFrame(
        {
            "office_id": offices["office_id"].to_numpy(),
            "office_name": offices["office_name"].to_numpy(),
            "city": offices["city"].to_numpy(),
            "country": offices["country"].to_numpy(),
            "group": [office_group(s) for s in offices["status"]],
            "distance_km": np.asarray(dist, dtype=float) / 1000.0,
            "azimuth_deg": np.mod(np.asarray(az, dtype=float), 360.0),
        }
    )
    return out.sort_values(["distance_km", "office_id"], kind="stable").reset_index(drop=True)


def partial_date_text(value: object, precision: str) -> str:
    """A date of the reference tables in words, as precise as it is known.

    Parameters
    ----------
    value
        The date as written in the table (``"2013-05-16"``, ``"2017-01"``, ``"2013"``).
    precision
        ``"day"``, ``"month"``, ``"year"``, ``"decade"``, ``"before"`` (known only
        to be before that year) or ``"unknown"``.

    Examples
    --------
    >>> partial_date_text("2013-05-16", "day"), partial_date_text("2017-01", "month")
    ('16 May 2013', 'January 2017')
    >>> partial_date_text("2013", "before"), partial_date_text("1990", "decade")
    ('before 2013', '1990s')
    >>> partial_date_text("", "unknown")
    '–'
    """
    text = "" if value is None or pd.isna(value) else str(value).strip()  # type: ignore[call-overload]
    if not text or precision == "unknown":
        return "–"
    if precision == "day":
        return pd.Timestamp(text).strftime("%-d %B %Y")
    if precision == "month":
        return pd.Timestamp(text + "-01").strftime("%B %Y")
    if precision == "decade":
        return f"{text[:3]}0s"
    if precision == "before":
        return f"before {text[:4]}"
    return text[:4]


def asian_offices(offices: pd.DataFrame) -> pd.DataFrame:
    """The offices located in Asia (UN M49, including contested cases), by opening date.

    Parameters
    ----------
    offices
        Office table with ``in_asia``, ``opened_earliest``/``opened_latest``,
        ``closed`` and ``status`` columns (:func:`analysis.reference.offices`).

    Returns
    -------
    pandas.DataFrame
        ``office_name``, ``city``, ``country``, ``in_asia``, ``opened``, ``closed``,
        ``group``, and ``opened_text``/``closed_text`` (in words, "before 2013"
        where only that is known); offices with an unknown opening date sort last.

    Examples
    --------
    >>> t = pd.DataFrame({"office_name": ["a", "b"], "city": ["x", "y"], "country": ["p", "q"],
    ...     "in_asia": ["yes", "no"], "opened": ["2013", "2001"], "closed": ["", ""],
    ...     "status": ["active", "active"],
    ...     "opened_earliest": pd.to_datetime(["2013-01-01", "2001-01-01"]),
    ...     "opened_latest": pd.to_datetime(["2013-12-31", "2001-12-31"])})
    >>> asian_offices(t)["office_name"].tolist()
    ['a']
    """
    sel = offices[offices["in_asia"].isin(["yes", "contested"])].copy()
    # Earliest possible opening; "before YEAR" dates (no lower bound) sort first,
    # unknown dates last.
    key = sel["opened_earliest"].where(
        sel["opened_earliest"].notna() | sel["opened_latest"].isna(), pd.Timestamp("1900-01-01")
    )
    sel = sel.assign(_key=key).sort_values(["_key", "office_name"], na_position="last")
    sel["group"] = [office_group(s) for s in sel["status"]]
    prec = {
        c: sel[c] if c in sel else pd.Series("day", index=sel.index)
        for c in ("opened_precision", "closed_precision")
    }
    sel["opened_text"] = [
        partial_date_text(v, p)
        for v, p in zip(sel["opened"], prec["opened_precision"], strict=True)
    ]
    sel["closed_text"] = [
        partial_date_text(v, p)
        for v, p in zip(sel["closed"], prec["closed_precision"], strict=True)
    ]
    cols = [
        "office_name",
        "city",
        "country",
        "in_asia",
        "opened",
        "closed",
        "group",
        "opened_text",
        "closed_text",
    ]
    return sel[cols].reset_index(drop=True)


def _place_labels(
    ax: Axes,
    points: Sequence[tuple],
    offsets: Sequence[tuple[float, float, str, str]] = (
        (6, 4, "left", "bottom"),
        (6, -4, "left", "top"),
        (-6, 4, "right", "bottom"),
        (-6, -4, "right", "top"),
        (0, 9, "center", "bottom"),
        (0, -9, "center", "top"),
        (14, 12, "left", "bottom"),
        (-14, 12, "right", "bottom"),
        (14, -12, "left", "top"),
        (-14, -12, "right", "top"),
    ),
    fontsize: float = 8.0,
    avoid: Sequence[tuple[float, float]] = (),
) -> list[Text]:
    """Label points, trying offsets in turn until a label clears every earlier one.

    ``avoid`` lists further points (data coordinates, e.g. markers of unlabelled
    offices) that no label may cover.
    """
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    frame = ax.get_window_extent(renderer)
    placed: list[Text] = []
    markers = [
        Bbox.from_extents(px - 4, py - 4, px + 4, py + 4)
        for px, py in (ax.transData.transform((x, y)) for x, y in avoid)
    ]
    for label, x, y, *prefer in points:
        for dx, dy, ha, va in [*prefer, *offsets]:
            t = ax.annotate(
                label,
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=fontsize,
            )
            bb = text_extent(t, renderer).padded(1.5)
            inside = frame.x0 <= bb.x0 and bb.x1 <= frame.x1 and frame.y0 <= bb.y0
            inside = inside and bb.y1 <= frame.y1
            clear = not any(bb.overlaps(m) for m in markers)
            if inside and clear and not any(bb.overlaps(text_extent(p, renderer)) for p in placed):
                placed.append(t)
                break
            t.remove()
        else:
            raise ValueError(f"no room for the label {label!r}")
    return placed


def offices_map(
    offices: pd.DataFrame,
    world: gpd.GeoDataFrame,
    *,
    hq: Place = NATO_HQ,
    label_cities: Sequence[str] = (
        "Tokyo",
        "Tashkent",
        "Astana",
        "Kuwait City",
        "Addis Ababa",
        "New York",
        "Moscow",
        "Kyiv",
        "Tbilisi",
    ),
    region: str = "world",
    bounds: tuple[float, float, float, float] = (-95.0, -5.0, 155.0, 72.0),
) -> Figure:
    """World map of NATO offices outside member states, with the proposed Tokyo office.

    Parameters
    ----------
    offices
        Office table (:func:`analysis.reference.offices`): ``city``,
        ``status``, ``lat``, ``lon``.
    world
        Country polygons in EPSG:4326 (e.g. ``analysis.geo.countries("110m")``).
    hq
        Headquarters, drawn as a black triangle, with a geodesic to each proposed office.
    label_cities
        Cities to name; the rest are identified in the distance chart.
    region
        Projection name for :func:`analysis.figures.style.projection` (Equal Earth).
    bounds
        lon/lat box (west, south, east, north) shown.

    Returns
    -------
    matplotlib.figure.Figure
        One map axes; its legend has one entry per office group present plus
        headquarters.  Each marker group is a collection with ``get_label()``
        equal to the group name.

    Examples
    --------
    >>> from analysis.geo import countries
    >>> t = pd.DataFrame({"city": ["Tokyo", "Tashkent"], "status": ["proposed", "closed"],
    ...                   "lat": [35.68, 41.32], "lon": [139.75, 69.25]})
    >>> fig = offices_map(t, countries("110m"))
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['closed', 'proposed', 'NATO headquarters']
    """
    crs = projection(region)
    fig, ax = new_figure(width=9.0, height=4.6)
    map_axes(ax)
    west, south, east, north = bounds
    land = world.clip(box(west - 20, south - 20, east + 20, north + 15)).to_crs(crs)
    add_polygons(ax, list(land.geometry), MAP_COLOURS["land"], edge=MAP_COLOURS["edge"])
    frame = gpd.GeoSeries([box(west, south, east, north).segmentize(1.0)], crs=4326).to_crs(crs)
    x0, y0, x1, y1 = frame.total_bounds
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    to_map = pyproj.Transformer.from_crs(4326, crs, always_xy=True)
    groups = [office_group(s) for s in offices["status"]]
    xs, ys = to_map.transform(offices["lon"].to_numpy(), offices["lat"].to_numpy())
    df = pd.DataFrame({"city": offices["city"].to_numpy(), "group": groups, "x": xs, "y": ys})
    # Geodesic from headquarters to each proposed office (great ellipse on WGS84).
    hx, hy = to_map.transform(hq.lon, hq.lat)
    for row in offices[[g == "proposed" for g in groups]].itertuples():
        pts = GEOD.npts(hq.lon, hq.lat, float(row.lon), float(row.lat), 100)  # type: ignore[arg-type]
        lons = [hq.lon] + [p[0] for p in pts] + [row.lon]
        lats = [hq.lat] + [p[1] for p in pts] + [row.lat]
        gx, gy = to_map.transform(lons, lats)
        ax.plot(gx, gy, color=PALETTE["orange"], linestyle="--", linewidth=1.0, zorder=3)
    order = ["closed", "status unknown", "agreed, not yet open", "open", "proposed"]
    for name in order:
        part = df[df["group"] == name]
        if part.empty:
            continue
        style = GROUPS[name]
        ax.scatter(
            part["x"],
            part["y"],
            marker=style["marker"],
            s=style["size"],
            c=style["colour"],
            edgecolors="black",
            linewidths=0.5,
            label=name,
            zorder=4 + order.index(name),
        )
    ax.scatter(
        [hx], [hy], marker="^", s=60, c=PALETTE["black"], label="NATO headquarters", zorder=10
    )
    handles, labels = ax.get_legend_handles_labels()
    legend_order = [
        "open",
        "closed",
        "agreed, not yet open",
        "status unknown",
        "proposed",
        "NATO headquarters",
    ]
    pairs = sorted(zip(labels, handles, strict=True), key=lambda p: legend_order.index(p[0]))
    ax.legend(
        [h for _, h in pairs],
        [lab for lab, _ in pairs],
        loc="lower left",
        fontsize=8,
        frameon=True,
        facecolor="white",
        edgecolor="#CCCCCC",
    )
    first = df.drop_duplicates("city")
    # Kyiv sits between Moscow and Chisinau: its label goes to the left, clear of both.
    prefer = {"Kyiv": [(-7, 3, "right", "bottom")]}
    points = [("Brussels (HQ)", hx, hy, (-7, 3, "right", "bottom"))] + [
        (r.city, r.x, r.y, *prefer.get(str(r.city), []))
        for r in first.itertuples()
        if r.city in label_cities
    ]
    _place_labels(ax, points, avoid=[(hx, hy), *zip(df["x"], df["y"], strict=True)])
    return fig


def distance_chart(distances: pd.DataFrame) -> Figure:
    """Dot chart of the geodesic distance from headquarters, one row per city.

    A city with several offices shows one marker per office group there (e.g.
    Kyiv: open and closed).

    Parameters
    ----------
    distances
        Output of :func:`office_distances`.

    Returns
    -------
    matplotlib.figure.Figure
        One axes; y tick labels are the cities, farthest at the top.

    Examples
    --------
    >>> d = pd.DataFrame({"city": ["Kyiv", "Tokyo"], "group": ["open", "proposed"],
    ...                   "distance_km": [1800.0, 9460.0]})
    >>> fig = distance_chart(d)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Kyiv', 'Tokyo']
    """
    cities = distances.groupby("city", sort=False)["distance_km"].first().sort_values(kind="stable")
    pos = {c: i for i, c in enumerate(cities.index)}
    fig, ax = new_figure(width=7.0, height=0.3 * len(cities) + 1.2)
    # Several office groups in one city: spread their markers a little vertically.
    spread: dict[tuple[str, str], float] = {}
    for c, grp in distances.drop_duplicates(["city", "group"]).groupby("city", sort=False):
        if len(grp) > 1:
            offs = np.linspace(-0.18, 0.18, len(grp))
            spread.update(
                {(str(c), str(g)): float(o) for g, o in zip(grp["group"], offs, strict=True)}
            )
    for name in ["closed", "status unknown", "agreed, not yet open", "open", "proposed"]:
        part = distances[distances["group"] == name].drop_duplicates(["city", "group"])
        if part.empty:
            continue
        style = GROUPS[name]
        yy = [pos[c] + spread.get((c, name), 0.0) for c in part["city"]]
        ax.scatter(
            part["distance_km"],
            yy,
            marker=style["marker"],
            s=float(style["size"]) * (0.5 if name == "proposed" else 1.0),  # type: ignore[arg-type]
            c=style["colour"],
            edgecolors="black",
            linewidths=0.5,
            label=name,
            zorder=3,
        )
    for c, i in pos.items():
        ax.hlines(i, 0, cities[c], color="#DDDDDD", linewidth=0.8, zorder=1)
    ax.set_yticks(range(len(pos)), list(pos))
    ax.set_xlim(0, cities.max() * 1.08)
    ax.set_ylim(-0.7, len(pos) - 0.3)
    ax.set_xlabel("Geodesic distance from NATO headquarters, Brussels (km, WGS84)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=8, frameon=True, facecolor="white", edgecolor="#CCCCCC")
    return fig


_SHORT = (
    (r"Individually Tailored|ITPP", "ITPP"),
    (r"Individual Partnership|IPCP", "IPCP"),
    (r"Joint Political Declaration", "Joint declaration"),
    (r"accredited", "Embassy as mission"),
    (r"Mission", "Mission to NATO"),
    (r"[Dd]ialogue", "Dialogue"),
)


def _short_label(text: str) -> str:
    for pattern, short in _SHORT:
        if re.search(pattern, text):
            if short == "IPCP" and re.search(r"renewed|[Tt]hird", text):
                return "IPCP renewed" if "renewed" in text else "IPCP (3rd)"
            if short == "ITPP" and "negotiation" in text:
                return "ITPP talks"
            return short
    return text[:18]


def partner_timeline(milestones: pd.DataFrame, *, start: int = 1989, end: int = 2027) -> Figure:
    """Timeline of the partnership milestones of NATO's Indo-Pacific partners.

    Day-precise milestones are dots; milestones known only to the month, year or
    decade are bars spanning every day they can mean (from ``date_earliest`` to
    ``date_latest``).  Labels alternate above and below the row and move further
    out when they would overlap.

    Parameters
    ----------
    milestones
        :func:`analysis.reference.partners`: ``partner``,
        ``date_earliest``, ``date_latest``, ``milestone``.
    start, end
        Years shown.

    Returns
    -------
    matplotlib.figure.Figure
        One axes, one row per partner (y tick labels), one marker or bar per milestone.

    Examples
    --------
    >>> m = pd.DataFrame({"partner": ["Japan"], "milestone": ["IPCP signed"],
    ...                   "date_earliest": pd.to_datetime(["2014-05-06"]),
    ...                   "date_latest": pd.to_datetime(["2014-05-06"])})
    >>> fig = partner_timeline(m)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Japan']
    """
    from analysis.figures.growth import _year_fraction

    partners = list(dict.fromkeys(milestones["partner"]))
    fig, ax = new_figure(width=8.0, height=1.3 * len(partners) + 0.9)
    colours = [PALETTE[k] for k in ("blue", "vermillion", "green", "purple")]
    ypos = {p: len(partners) - 1 - i for i, p in enumerate(partners)}
    ax.set_xlim(start, end + 1)
    ax.set_ylim(-0.7, len(partners) - 0.3)
    ax.set_yticks([ypos[p] for p in partners], partners)
    ax.set_xlabel("Year")
    ax.grid(axis="y", visible=False)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    placed: list[Text] = []
    for p in partners:
        rows = milestones[milestones["partner"] == p].sort_values("date_earliest")
        colour = colours[partners.index(p) % len(colours)]
        y = ypos[p]
        ax.axhline(y, color="#DDDDDD", linewidth=0.8, zorder=1)
        for k, r in enumerate(rows.itertuples()):
            a, b = _year_fraction(r.date_earliest), _year_fraction(r.date_latest)
            if b - a < 0.01:
                ax.plot([a], [y], marker="o", color=colour, markersize=6, zorder=3)
            else:
                ax.plot(
                    [a, b],
                    [y, y],
                    color=colour,
                    linewidth=5,
                    solid_capstyle="butt",
                    alpha=0.7,
                    zorder=2,
                )
            mid = (a + b) / 2
            label = _short_label(str(r.milestone))
            sides = (1, -1) if k % 2 == 0 else (-1, 1)
            done = False
            for level in (0.18, 0.36, 0.54):
                for side in sides:
                    t = ax.text(
                        mid,
                        y + side * level,
                        label,
                        ha="center",
                        va="bottom" if side > 0 else "top",
                        fontsize=7.5,
                    )
                    bb = text_extent(t, renderer).padded(4.0)
                    frame = ax.get_window_extent(renderer)
                    inside = frame.x0 <= bb.x0 + 4 and bb.x1 - 4 <= frame.x1
                    if inside and not any(bb.overlaps(text_extent(q, renderer)) for q in placed):
                        placed.append(t)
                        done = True
                        break
                    t.remove()
                if done:
                    break
            if not done:
                raise ValueError(f"no room for the label {label!r}")
            if level > 0.2:
                ax.add_line(
                    Line2D(
                        [mid, mid],
                        [y, y + side * (level - 0.02)],
                        color="#BBBBBB",
                        linewidth=0.6,
                        zorder=1,
                    )
                )
    return fig


#: The proposed Tokyo liaison office, May 2023 – June 2025: ``(date, event,
#: key of the source in book/references.bib)``.  Dates as the sources give them.
TOKYO_PLAN: tuple[tuple[str, str, str], ...] = (
    ("2023-05-03", "Nikkei Asia reports plans for a NATO liaison office in Tokyo",
     "cnn2023hayashi"),
    ("2023-05-10", "Foreign minister Hayashi confirms the talks to CNN", "cnn2023hayashi"),
    ("2023-06-05", "Financial Times: President Macron objects to a NATO office in Tokyo",
     "jiji2023macronft"),
    ("2023-07-11", "The Vilnius summit communiqué does not mention the office",
     "nato2023vilnius"),
    ("2023-07-12", "Stoltenberg: the office is \"still on the table\"",
     "devdiscourse2023stilltable"),
    ("2025-01-16", "Japan opens its own Mission to NATO in Brussels", "japantoday2025mission"),
    ("2025-06-25", "Before the Hague summit, a NATO official says the plan is not being discussed",
     "nippon2025tokyooffice"),
)  # fmt: skip


def tokyo_plan(events: Sequence[tuple[str, str, str]] = TOKYO_PLAN) -> pd.DataFrame:
    """The Tokyo office plan as a table for :func:`analysis.figures.article.timeline`.

    Parameters
    ----------
    events
        ``(ISO date, label, citation key)`` triples (default :data:`TOKYO_PLAN`).

    Returns
    -------
    pandas.DataFrame
        ``date`` (Timestamp), ``label`` and ``cite``, in date order.

    Examples
    --------
    >>> plan = tokyo_plan()
    >>> plan["date"].min().year, plan["date"].max().year
    (2023, 2025)
    """
    out = pd.DataFrame(list(events), columns=["date", "label", "cite"])
    out["date"] = pd.to_datetime(out["date"])
    return out.sort_values("date", kind="stable").reset_index(drop=True)
