"""Figures for the chapter "How NATO grew".

* :func:`accession_waves` groups the members table into enlargement waves;
* :func:`member_steps` draws the member count over time as a labelled step chart;
* :func:`wave_maps` draws one small map per wave (earlier members grey, the new
  wave in colour) in a Europe-centred equal-area projection;
* :func:`border_steps` draws a country's land border with NATO over time (km and
  share of all its land borders), from :func:`analysis.history.border_timeline`
  (each side as the state it then was: the Soviet Union before 1991-12-26).

None of these functions measures anything: they take the tables of
:mod:`analysis.reference`, :mod:`analysis.geo` and :mod:`analysis.history` and draw them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path
from matplotlib.text import Text
from shapely.geometry import box

from analysis.figures import text_extent
from analysis.figures.style import MAP_COLOURS, PALETTE, map_axes, new_figure, projection

__all__ = [
    "EARLIER_COLOUR",
    "NEW_COLOUR",
    "TERRITORIES",
    "accession_waves",
    "add_polygons",
    "border_steps",
    "member_steps",
    "state_periods",
    "wave_maps",
]

#: Fill of states that were already members before the wave shown.
EARLIER_COLOUR: str = PALETTE["grey"]
#: Fill of the states joining in the wave shown.
NEW_COLOUR: str = PALETTE["vermillion"]
#: Map features drawn with the member state they belong to (Natural Earth splits them off).
TERRITORIES: dict[str, str] = {"GRL": "DNK", "FRO": "DNK"}
#: Members outside the Europe-centred frame, named in the 1949 panel instead.
OFF_MAP: tuple[str, ...] = ("CAN", "USA")


def _year_fraction(d: date | pd.Timestamp) -> float:
    """Decimal year of a date (mid-day), for plotting on a numeric axis."""
    ts = pd.Timestamp(d)
    start = pd.Timestamp(year=ts.year, month=1, day=1)
    days = 366 if ts.is_leap_year else 365
    return ts.year + ((ts - start).days + 0.5) / days


def accession_waves(members: pd.DataFrame) -> pd.DataFrame:
    """Group a members table into enlargement waves (one row per accession date).

    Parameters
    ----------
    members
        One row per member with ``iso3``, ``name`` and ``accession_date``, e.g.
        :func:`analysis.reference.accession_table`.

    Returns
    -------
    pandas.DataFrame
        Columns ``date`` (Timestamp), ``year``, ``n_new``, ``members_after``,
        ``iso3`` (tuple of codes, sorted) and ``names`` (``", "``-joined, sorted),
        in date order.

    Examples
    --------
    >>> t = pd.DataFrame({"iso3": ["BEL", "CAN", "FIN"], "name": ["Belgium", "Canada", "Finland"],
    ...                   "accession_date": ["1949-08-24", "1949-08-24", "2023-04-04"]})
    >>> w = accession_waves(t)
    >>> w[["year", "n_new", "members_after"]].values.tolist()
    [[1949, 2, 2], [2023, 1, 3]]
    """
    missing = {"iso3", "name", "accession_date"} - set(members.columns)
    if missing:
        raise ValueError(f"members table lacks column(s) {', '.join(sorted(missing))}")
    df = members.assign(date=pd.to_datetime(members["accession_date"]))
    rows = []
    for when, grp in df.sort_values(["date", "name"]).groupby("date", sort=True):
        ts = pd.Timestamp(str(when))
        rows.append(
            {
                "date": ts,
                "year": int(ts.year),
                "n_new": len(grp),
                "iso3": tuple(sorted(grp["iso3"])),
                "names": ", ".join(sorted(grp["name"])),
            }
        )
    out = pd.DataFrame(rows)
    out["members_after"] = out["n_new"].cumsum()
    return out[["date", "year", "n_new", "members_after", "iso3", "names"]]


def _boxes_clear(ax: Axes, candidate: Text, placed: Sequence[Text]) -> bool:
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    box_c = text_extent(candidate, renderer).padded(2)
    inside = ax.get_window_extent(renderer)
    if not (inside.x0 <= box_c.x0 and box_c.x1 <= inside.x1 and box_c.y1 <= inside.y1):
        return False
    return not any(box_c.overlaps(text_extent(p, renderer)) for p in placed)


def member_steps(waves: pd.DataFrame, *, end: str = "2024-12-31") -> Figure:
    """Step chart of the number of members over time, each enlargement wave labelled.

    Labels ("1999 +3") sit up and to the left of the step they mark, where a
    rising staircase leaves room; a label that would overlap an earlier one is
    moved up until it stands clear, with a thin leader line to its step.

    Parameters
    ----------
    waves
        Output of :func:`accession_waves`.
    end
        Last date shown; the line is extended flat to it.

    Returns
    -------
    matplotlib.figure.Figure
        One axes; the step line is ``axes.lines[0]`` (its y data are the member
        counts, one point per wave plus the end point).

    Examples
    --------
    >>> w = pd.DataFrame({"date": pd.to_datetime(["1949-08-24", "1952-02-18"]),
    ...                   "year": [1949, 1952], "n_new": [12, 2], "members_after": [12, 14],
    ...                   "iso3": [(), ()], "names": ["", ""]})
    >>> fig = member_steps(w)
    >>> fig.axes[0].lines[0].get_ydata().tolist()
    [12, 14, 14]
    """
    fig, ax = new_figure(width=7.0, height=4.2)
    x = [_year_fraction(d) for d in waves["date"]] + [_year_fraction(pd.Timestamp(end))]
    y = list(waves["members_after"]) + [int(waves["members_after"].iloc[-1])]
    ax.plot(x, y, drawstyle="steps-post", color=PALETTE["blue"], linewidth=2.0)
    ax.fill_between(x, 0, y, step="post", color=PALETTE["blue"], alpha=0.08, linewidth=0)
    ax.set_xlim(x[0] - 3, x[-1] + 1)
    top = int(waves["members_after"].max())
    ax.set_ylim(0, top + 12)
    ax.set_xlabel("Year")
    ax.set_ylabel("Member states (count)")
    ax.grid(axis="x", visible=False)
    fig.canvas.draw()
    placed: list[Text] = []
    for i, row in enumerate(waves.itertuples()):
        x0, y0 = x[i], float(row.members_after)  # type: ignore[arg-type]
        label = f"{row.year}: {row.n_new} founders" if i == 0 else f"{row.year} +{row.n_new}"
        if i == 0:
            txt = ax.annotate(
                label, (x0, y0), xytext=(x0 + 0.8, y0 - 3.0), ha="left", va="center", fontsize=9
            )
            placed.append(txt)
            continue
        txt = None
        for dy in np.arange(1.6, 30.0, 1.2):
            for ha, dx in (("right", -0.4), ("left", 0.4)):
                candidate = ax.annotate(
                    label, (x0, y0), xytext=(x0 + dx, y0 + dy), ha=ha, fontsize=9
                )
                if _boxes_clear(ax, candidate, placed):
                    txt = candidate
                    break
                candidate.remove()
            if txt is not None:
                break
        if txt is None:  # pragma: no cover - only with absurdly many waves
            raise ValueError(f"no room for the label {label!r}")
        if dy > 1.7:
            txt.remove()
            txt = ax.annotate(
                label,
                (x0, y0),
                xytext=(x0 + dx, y0 + dy),
                ha=ha,
                fontsize=9,
                arrowprops={
                    "arrowstyle": "-",
                    "color": PALETTE["grey"],
                    "linewidth": 0.6,
                    "relpos": (1.0, 0.0) if ha == "right" else (0.0, 0.0),
                    "shrinkA": 0,
                },
            )
        placed.append(txt)
    return fig


def _polygon_path(geoms: Sequence[object]) -> Path:
    """One compound matplotlib path of every polygon ring (holes via even-odd fill)."""
    verts: list[np.ndarray] = []
    codes: list[np.ndarray] = []
    for geom in geoms:
        for poly in getattr(geom, "geoms", [geom]):
            if poly.is_empty or poly.geom_type != "Polygon":
                continue
            for ring in [poly.exterior, *poly.interiors]:
                xy = np.asarray(ring.coords)
                c = np.full(len(xy), Path.LINETO, dtype=np.uint8)
                c[0], c[-1] = Path.MOVETO, Path.CLOSEPOLY
                verts.append(xy)
                codes.append(c)
    if not verts:
        return Path(np.empty((0, 2)))
    return Path(np.concatenate(verts), np.concatenate(codes))


def add_polygons(ax: Axes, geoms: Sequence[object], colour: str, *, edge: str = "white") -> None:
    """Draw (Multi)Polygons as one patch: much faster than ``GeoDataFrame.plot`` per panel.

    Examples
    --------
    >>> from shapely.geometry import box as sbox
    >>> fig, ax = new_figure()
    >>> add_polygons(ax, [sbox(0, 0, 1, 1)], PALETTE["blue"])
    >>> len(ax.patches)
    1
    """
    path = _polygon_path(geoms)
    patch = PathPatch(path, facecolor=colour, edgecolor=edge, linewidth=0.2)
    patch.set_transform(ax.transData)
    ax.add_artist(patch)  # not add_patch: skips a slow data-limit update; limits are set by caller


def _europe_frame(world: gpd.GeoDataFrame, members: Sequence[str], crs: str) -> tuple:
    """Projected (xmin, xmax, ymin, ymax) framing the European members and Türkiye."""
    sel = world[world["iso3"].isin(members) & ~world["iso3"].isin(OFF_MAP + tuple(TERRITORIES))]
    clip = sel.clip(box(-30.0, 30.0, 45.0, 72.0))
    xmin, ymin, xmax, ymax = clip.to_crs(crs).total_bounds
    mx, my = 0.03 * (xmax - xmin), 0.03 * (ymax - ymin)
    return xmin - mx, xmax + mx, ymin - my, ymax + my


def wave_maps(
    waves: pd.DataFrame,
    world: gpd.GeoDataFrame,
    *,
    region: str = "europe",
    ncols: int = 4,
    off_map: Sequence[str] = OFF_MAP,
    territories: Mapping[str, str] | None = None,
) -> Figure:
    """Small-multiple maps of the enlargement waves, in a Europe-centred projection.

    Each panel shows one wave: states that were members before it in grey, the
    states joining in colour, everyone else in light grey.  Members outside the
    frame (Canada and the United States) are named in their wave's panel.

    Parameters
    ----------
    waves
        Output of :func:`accession_waves`.
    world
        Country polygons with ``iso3`` and geometry in EPSG:4326, e.g.
        ``analysis.geo.countries("50m")``.
    region
        Name of the projection in :func:`analysis.figures.style.projection`.
    ncols
        Panels per row.
    off_map
        Members drawn outside the frame, named in a note instead.
    territories
        Map features to colour with a member (default :data:`TERRITORIES`).

    Returns
    -------
    matplotlib.figure.Figure
        One axes per wave (in order; spare grid cells are removed).  Each axes
        has attributes ``wave_year``, ``new_iso3`` and ``earlier_iso3``.

    Examples
    --------
    >>> from analysis.geo import countries
    >>> w = accession_waves(pd.DataFrame({"iso3": ["NOR", "FIN"], "name": ["Norway", "Finland"],
    ...                                   "accession_date": ["1949-08-24", "2023-04-04"]}))
    >>> fig = wave_maps(w, countries("110m"))
    >>> [ax.wave_year for ax in fig.axes]
    [1949, 2023]
    """
    territories = TERRITORIES if territories is None else territories
    crs = projection(region)
    n = len(waves)
    nrows = int(np.ceil(n / ncols))
    all_members = [c for codes in waves["iso3"] for c in codes]
    frame_members = [c for c in all_members if c not in off_map] or all_members
    x0, x1, y0, y1 = _europe_frame(world, frame_members, crs)
    aspect = (y1 - y0) / (x1 - x0)
    panel_w = 10.0 / ncols
    fig, axes = new_figure(
        nrows, ncols, width=10.0, height=nrows * (panel_w * aspect + 0.45) + 0.6, squeeze=False
    )
    owner = world["iso3"].map(lambda c: territories.get(c, c))
    clipped = world.assign(owner=owner).clip(box(-60.0, 20.0, 80.0, 85.0)).to_crs(crs)
    earlier: list[str] = []
    for k, ax in enumerate(axes.ravel()):
        if k >= n:
            fig.delaxes(ax)
            continue
        row = waves.iloc[k]
        new = list(row["iso3"])
        status = np.where(
            clipped["owner"].isin(new),
            "new",
            np.where(clipped["owner"].isin(earlier), "earlier", "other"),
        )
        colours = {"new": NEW_COLOUR, "earlier": EARLIER_COLOUR, "other": MAP_COLOURS["land"]}
        for key in ("other", "earlier", "new"):
            part = clipped[status == key]
            if len(part):
                add_polygons(ax, list(part.geometry), colours[key])
        map_axes(ax)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_facecolor("white")
        note = f"{row['year']}: +{row['n_new']} → {row['members_after']}"
        outside = [c for c in new if c in off_map]
        if outside:
            note += "\n(with " + ", ".join(outside) + ", off map)"
        ax.text(0.5, -0.01, note, transform=ax.transAxes, ha="center", va="top", fontsize=8.5)
        ax.wave_year = int(row["year"])
        ax.new_iso3 = tuple(new)
        ax.earlier_iso3 = tuple(earlier)
        earlier = earlier + new
    handles = [
        Patch(facecolor=EARLIER_COLOUR, label="members before the wave"),
        Patch(facecolor=NEW_COLOUR, label="joining in the wave"),
        Patch(facecolor=MAP_COLOURS["land"], label="not (yet) members"),
    ]
    fig.legend(handles=handles, loc="lower center", ncols=3, bbox_to_anchor=(0.5, 0.0))
    fig.subplots_adjust(left=0.01, right=0.99, top=0.99, bottom=0.6 / fig.get_figheight())
    fig.subplots_adjust(wspace=0.03, hspace=0.2)
    return fig


def state_periods(timeline: pd.DataFrame) -> pd.DataFrame:
    """The periods of a dated border series, one per state measured, for the chapter's prose.

    Parameters
    ----------
    timeline
        Output of :func:`analysis.history.border_timeline`.

    Returns
    -------
    pandas.DataFrame
        One row per run of the same ``state_iso3``, in date order: ``state_iso3``,
        ``state_name``, ``start`` and ``end`` (first day of the next period, ``None``
        for the last), ``first_km`` and ``first_bordering`` (the border on the first
        day and the member states then bordering it), ``longest_km`` (the longest
        border in the period), ``longest_from`` (the first day it had that length),
        ``longest_bordering`` (the member states then bordering it) and ``last_km``.

    Examples
    --------
    >>> tl = pd.DataFrame({"date": [date(1949, 8, 24), date(1952, 2, 18), date(1991, 12, 26)],
    ...                    "state_iso3": ["SUN", "SUN", "RUS"],
    ...                    "state_name": ["Soviet Union", "Soviet Union", "Russia"],
    ...                    "length_km": [165.0, 667.0, 165.0],
    ...                    "bordering_members": [("NOR",), ("TUR", "NOR"), ("NOR",)]})
    >>> p = state_periods(tl)
    >>> p[["state_iso3", "longest_km", "longest_bordering"]].values.tolist()
    [['SUN', 667.0, ('TUR', 'NOR')], ['RUS', 165.0, ('NOR',)]]
    >>> str(p["end"].iloc[0]), p["end"].iloc[1]
    ('1991-12-26', None)
    """
    rows: list[dict[str, object]] = []
    run = (timeline["state_iso3"] != timeline["state_iso3"].shift()).cumsum()
    for _, part in timeline.groupby(run, sort=True):
        best = part.iloc[int(part["length_km"].to_numpy().argmax())]
        rows.append(
            {
                "state_iso3": part["state_iso3"].iloc[0],
                "state_name": part["state_name"].iloc[0],
                "start": part["date"].iloc[0],
                "end": None,
                "first_km": float(part["length_km"].iloc[0]),
                "first_bordering": tuple(part["bordering_members"].iloc[0]),
                "longest_km": float(best["length_km"]),
                "longest_from": best["date"],
                "longest_bordering": tuple(best["bordering_members"]),
                "last_km": float(part["length_km"].iloc[-1]),
            }
        )
    for a, b in zip(rows, rows[1:], strict=False):
        a["end"] = b["start"]
    return pd.DataFrame(rows)


def border_steps(timeline: pd.DataFrame, *, end: str = "2024-12-31") -> Figure:
    """A country's land border with NATO over time: km (top) and share of all its land borders.

    Parameters
    ----------
    timeline
        Output of :func:`analysis.history.border_timeline` (each side as the state
        it then was): ``date``, ``length_km``, ``share_of_land_border`` (0–1),
        ``added``, ``bordering_members`` and ``state_iso3``/``state_name`` (the
        state measured).  A timeline on today's borders
        (:func:`analysis.geo.alliance_border_timeline`, no state columns) works too.
    end
        Last date shown; the lines are extended flat to it.

    Returns
    -------
    matplotlib.figure.Figure
        Two axes sharing the time axis; ``axes[0].lines[0]`` holds the km steps,
        ``axes[1].lines[0]`` the percentage steps.  Only steps where the length
        changes are labelled, with the members that brought the change; a change
        of the state measured (the Soviet Union to Russia) is a dotted vertical
        line on both axes (``axes[0].state_changes`` lists the dates) and named in
        the label.  Shares are of the land borders of the state measured on each date.

    Examples
    --------
    >>> tl = pd.DataFrame({"date": pd.to_datetime(["1949-08-24", "2023-04-04"]),
    ...                    "length_km": [150.0, 1400.0], "share_of_land_border": [0.01, 0.07],
    ...                    "added": [["NOR"], ["FIN"]]})
    >>> fig = border_steps(tl)
    >>> fig.axes[0].lines[0].get_ydata().tolist()
    [150.0, 1400.0, 1400.0]
    """
    fig, (ax_km, ax_pc) = new_figure(
        2, 1, width=7.0, height=5.2, sharex=True, gridspec_kw={"height_ratios": [1.6, 1]}
    )
    x = [_year_fraction(d) for d in timeline["date"]] + [_year_fraction(pd.Timestamp(end))]
    km = list(timeline["length_km"].astype(float)) + [float(timeline["length_km"].iloc[-1])]
    share = list(100.0 * timeline["share_of_land_border"].astype(float))
    share = share + [share[-1]]
    ax_km.plot(x, km, drawstyle="steps-post", color=PALETTE["blue"], linewidth=2.0)
    ax_pc.plot(x, share, drawstyle="steps-post", color=PALETTE["orange"], linewidth=2.0)
    states = list(timeline["state_name"]) if "state_name" in timeline else []
    names = list(dict.fromkeys(states))
    ax_km.set_ylabel("Land border with NATO (km)")
    whose = " or ".join(names) if len(names) > 1 else (names[0] if names else "the country")
    ax_pc.set_ylabel(
        f"Share of all land\nborders of {whose} (%)"
        if len(names) < 2
        else "Share of all land borders\nof the state measured (%)"
    )
    ax_pc.set_xlabel("Year")
    ax_km.set_ylim(0, max(km) * 1.35)
    ax_pc.set_ylim(0, max(share) * 1.3)
    ax_km.set_xlim(x[0] - 2, x[-1] + 1)
    changes: list[date] = []
    for i in range(1, len(states)):
        if states[i] != states[i - 1]:
            d = pd.Timestamp(timeline["date"].iloc[i]).date()
            changes.append(d)
            for ax in (ax_km, ax_pc):
                ax.axvline(x[i], color=PALETTE["grey"], linestyle=":", linewidth=1.2)
    ax_km.state_changes = tuple(changes)
    prev, prev_bordering = 0.0, set[str]()
    for i, row in enumerate(timeline.to_dict("records")):
        length = float(row["length_km"])
        bordering = set(row.get("bordering_members", row.get("added", [])))
        if abs(length - prev) < 0.05:
            continue
        gained = sorted(bordering - prev_bordering) or sorted(row.get("added", []))
        label = f"{pd.Timestamp(row['date']).year}: {length:,.0f} km"
        new_state = i > 0 and states and states[i] != states[i - 1]
        if new_state:
            label += f"\n({states[i]})"
        elif gained:
            label += "\n(+" + ", ".join(gained) + ")"
        # left of the step for a change of state or near the right edge, else right of it
        ha = "right" if new_state or x[i] > x[-1] - 15 else "left"
        dx = 0.8 if ha == "left" else -0.8
        lift = 0.05 * max(km)
        arrow = None
        if not prev and i + 1 < len(x) - 1 and x[i + 1] - x[i] < 10:
            # the next step rises soon after: set the label clear of it, with a pointer
            dx, lift = x[i + 1] - x[i] + 2.0, 0.02 * max(km)
            arrow = {"arrowstyle": "-", "color": PALETTE["grey"], "linewidth": 0.8}
        ax_km.annotate(
            label,
            (x[i], length),
            xytext=(x[i] + dx, length + lift),
            ha=ha,
            va="bottom",
            fontsize=8.5,
            arrowprops=arrow,
        )
        prev, prev_bordering = length, bordering
    if len(names) > 1:
        for j, name in enumerate(names):
            first = states.index(name)
            ax_pc.text(
                x[first] + 0.6,
                max(share) * 1.22,
                name,
                ha="left",
                va="top",
                fontsize=8.5,
                color=PALETTE["grey"] if j else "black",
            )
    last = share[-1]
    ax_pc.annotate(
        f"{last:.1f} %",
        (x[-1], last),
        xytext=(-4, 4),
        textcoords="offset points",
        ha="right",
        va="bottom",
        fontsize=8.5,
    )
    fig.align_ylabels([ax_km, ax_pc])
    return fig
