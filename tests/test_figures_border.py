"""Tests for the chapter-3 figures: they draw the data given, in the project style."""

from __future__ import annotations

import geopandas as gpd
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis.figures import border as figs
from analysis.figures import label_overlaps
from analysis.figures.style import PALETTE
from analysis.geo import border_lines, countries


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_border_map_colours_segments_by_accession_year() -> None:
    lines = border_lines("RUS", "110m")
    joined = {"NOR": 1949, "POL": 1999, "EST": 2004, "LVA": 2004, "LTU": 2004, "FIN": 2023}
    lines["joined"] = lines["neighbor_iso3"].map(joined)
    fig = figs.border_map(countries("110m"), lines)
    assert len(fig.axes) == 2
    assert fig.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    # Every NATO year colour appears among the drawn lines of the close-up.
    drawn = set()
    for coll in fig.axes[1].collections:
        for c in np.atleast_2d(coll.get_edgecolor()):
            if len(c):
                drawn.add(to_hex(c))
    for year in (1949, 1999, 2004, 2023):
        assert figs.YEAR_COLOURS[year].lower() in drawn
    # One label per NATO neighbour inside the close-up, none overlapping vertically.
    labels = [t for t in fig.axes[1].texts if " km" in t.get_text()]
    assert {t.get_text().split("\n")[0] for t in labels} >= {"Finland", "Estonia", "Latvia"}
    ys = sorted(t.get_position()[1] for t in labels)
    assert all(b - a > 0 for a, b in zip(ys, ys[1:], strict=False))
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "joined NATO 2023" in legend and "not NATO" in legend


def test_spread_keeps_order_and_gap() -> None:
    out = figs._spread([5.0, 1.0, 1.2, 9.0], gap=1.0)
    assert out[1] == 1.0 and out[2] == pytest.approx(2.0)
    assert out[0] == 5.0 and out[3] == 9.0
    assert figs._spread([0.0, 0.0, 0.0], gap=2.0) == [0.0, 2.0, 4.0]


def test_lengths_by_source_is_a_dot_chart_relative_to_the_published_median() -> None:
    table = pd.DataFrame(
        {
            "neighbor_name": ["Finland", "Finland", "Finland", "Norway", "Norway", "Norway"],
            "series": ["cia_factbook_latest", "wikipedia_en", "ne_10m"] * 2,
            "source": ["CIA", "Wiki", "NE 10m"] * 2,
            "source_kind": ["cia_factbook", "wikipedia", "natural_earth"] * 2,
            "kind": ["published", "published", "computed"] * 2,
            "short_label": ["CIA World Factbook", "English Wikipedia", "Natural Earth 1:10m"] * 2,
            "length_km": [1300.0, 1340.0, 1225.5, 200.0, 190.0, 165.1],
        }
    )
    fig = figs.lengths_by_source(table)
    published, maps = fig.axes
    assert not published.patches and not maps.patches  # dots, not bars
    labels = {c.get_label(): c for ax in fig.axes for c in ax.collections}
    assert set(labels) == {"CIA World Factbook", "English Wikipedia", "Natural Earth 1:10m"}
    # Finland's median published figure is 1,320 km: the CIA's 1,300 km is 98.5 %.
    cia = labels["CIA World Factbook"].get_offsets()
    assert sorted(round(float(x), 1) for x, _ in cia) == [98.5, 102.6]
    ne = labels["Natural Earth 1:10m"].get_offsets()
    assert sorted(round(float(x), 1) for x, _ in ne) == [84.7, 92.8]
    assert (
        to_hex(labels["Natural Earth 1:10m"].get_facecolor()[0])
        == figs.SOURCE_COLOURS["ne_10m"].lower()
    )
    assert [t.get_text() for t in published.get_yticklabels()] == ["Norway", "Finland"]
    assert "%" in published.get_xlabel()
    assert label_overlaps(fig) == []


def test_before_after_marks_double_the_length_before() -> None:
    ratios = pd.DataFrame(
        {
            "label": ["CIA", "Map"],
            "kind": ["published", "map"],
            "before_km": [1317.0, 1069.0],
            "after_km": [2626.0, 2295.0],
        }
    )
    fig = figs.before_after(ratios, before_label="before Finland joined", after_label="after")
    ax = fig.axes[0]
    ticks = [ln for ln in ax.get_lines() if ln.get_color() == PALETTE["vermillion"]]
    assert sorted(float(ln.get_xdata()[0]) for ln in ticks) == [2138.0, 2634.0]
    assert [t.get_text() for t in ax.texts] == ["1.994×", "2.147×"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["before Finland joined", "after", "2 × before Finland joined"]
    assert label_overlaps(fig) == []


def test_every_source_in_the_evidence_has_a_short_label_and_a_colour() -> None:
    from analysis.checks.evidence import lengths_by_source

    t = lengths_by_source("RUS", ["FIN"])
    assert (t["short_label"].str.len() <= 30).all()
    assert set(t["series"]) <= set(figs.SOURCE_COLOURS)


def test_year_colours_stay_apart_under_colour_blindness() -> None:
    from analysis.figures.style import MAP_COLOURS, colour_distance

    colours = list(figs.YEAR_COLOURS.values())
    backgrounds = [MAP_COLOURS["land"], MAP_COLOURS["focus"], "#FFFFFF"]
    for deficiency in ("deuteranopia", "protanopia"):
        for i, a in enumerate(colours):
            for b in colours[i + 1 :] + backgrounds:
                assert colour_distance(a, b, deficiency) >= 20, (a, b, deficiency)
    # The colour it replaces, reddish purple, fails against the land under deuteranopia.
    assert colour_distance(PALETTE["purple"], MAP_COLOURS["focus"], "deuteranopia") < 20


def test_ratio_by_source_marks_doubling_and_labels_each_ratio() -> None:
    ratios = pd.DataFrame(
        {
            "label": ["CIA", "Wikipedia", "missing"],
            "ratio": [1.994, 2.107, np.nan],
            "kind": ["cia_factbook", "wikipedia", "wikipedia"],
            "kind_label": ["CIA World Factbook", "English Wikipedia", "English Wikipedia"],
        }
    )
    fig = figs.ratio_by_source(ratios, label="Russia–NATO border after Finland joined ÷ before")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Russia–NATO border after Finland joined ÷ before"
    texts = [t.get_text() for t in ax.texts]
    assert "1.994" in texts and "2.107" in texts
    assert len([t for t in ax.get_yticklabels() if t.get_text()]) == 2  # NaN row dropped
    vlines = [
        ln for ln in ax.get_lines() if ln.get_xdata()[0] == 2.0 and ln.get_linestyle() == "--"
    ]
    assert vlines, "the doubling line is drawn"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["CIA World Factbook", "English Wikipedia"]


def test_richardson_plot_normalises_lengths() -> None:
    lengths = pd.DataFrame(
        {
            "neighbor_name": ["A", "A", "B", "B"],
            "step_km": [1, 10, 1, 10],
            "length_km": [95.0, 80.0, 50.0, 50.0],
            "full_length_km": [100.0, 100.0, 50.0, 50.0],
        }
    )
    ratio = pd.DataFrame({"step_km": [0, 1, 10], "ratio": [2.1, 2.15, 2.2]})
    fig = figs.richardson_plot(lengths, ratio, ratio_label="after ÷ before Estonia joined")
    left, right = fig.axes
    assert right.get_ylabel() == "after ÷ before Estonia joined"
    ys = {ln.get_label(): list(ln.get_ydata()) for ln in left.get_lines()}
    assert ys["A"] == [95.0, 80.0] and ys["B"] == [100.0, 100.0]
    assert left.get_xscale() == "log" and right.get_xscale() == "log"
    assert list(right.get_lines()[0].get_xdata()) == [1, 10]  # step 0 left out


def test_border_map_accepts_no_borders() -> None:
    empty = gpd.GeoDataFrame(
        {"neighbor_iso3": [], "neighbor_name": [], "length_km": [], "joined": []},
        geometry=[],
        crs=4326,
    )
    fig = figs.border_map(countries("110m"), empty)
    assert not fig.axes[1].texts


def test_year_colour_handles_missing_values() -> None:
    assert figs._year_colour(pd.NA) == figs.NON_NATO_COLOUR
    assert figs._year_colour(np.nan) == figs.NON_NATO_COLOUR
    assert figs._year_colour(None) == figs.NON_NATO_COLOUR
    assert figs._year_colour(2023) == figs.YEAR_COLOURS[2023]
    assert figs._year_colour(1990) == PALETTE["green"]  # a year without its own colour


def test_chapter_three_figures_have_no_overlapping_labels() -> None:
    from analysis.reference import accession_table

    lines = border_lines("RUS", "10m")
    members = accession_table("NATO")
    years = dict(
        zip(members["iso3"], pd.to_datetime(members["accession_date"]).dt.year, strict=True)
    )
    lines["joined"] = lines["neighbor_iso3"].map(years).astype("Int64")
    fig = figs.border_map(countries("50m"), lines)
    assert label_overlaps(fig) == []
    ratios = pd.DataFrame(
        {"label": ["CIA", "National", "Wikipedia"], "ratio": [1.994, 1.990, 2.107]}
    )
    assert label_overlaps(figs.ratio_by_source(ratios)) == []


def test_ratio_by_ruler_runs_coarse_to_fine_beside_the_published_band() -> None:
    from analysis.geo import ratio_by_ruler
    from analysis.reference import border_sources

    before = ["NOR", "EST", "LVA", "LTU", "POL"]
    t = ratio_by_ruler("RUS", before, [*before, "FIN"])
    short = border_sources().query("kind == 'computed'").set_index("ruler")["short_label"]
    t["scale"] = t["ruler"].str.replace("-ne4", "", regex=False)
    t["short"] = t["scale"].map(short)
    fig = figs.ratio_by_ruler(t, published=(1.990, 2.107))
    ax = fig.axes[0]
    ticks = [x.get_text() for x in ax.get_xticklabels()]
    assert ticks == ["Natural Earth 1:110m", "Natural Earth 1:50m", "Natural Earth 1:10m",
                     "OpenStreetMap"]  # fmt: skip
    assert [c.get_offsets().shape[0] for c in ax.collections] == [4, 2]  # rulers, extras
    assert label_overlaps(fig) == []


def _one_column(fig) -> bool:
    """The two panels sit one above the other, the second wholly below the first."""
    fig.canvas.draw()  # equal-aspect maps take their final place when drawn
    top, bottom = (ax.get_position() for ax in fig.axes[:2])
    return bool(bottom.y1 <= top.y0 + 1e-9)


@pytest.mark.parametrize("chart", ["border_map", "lengths_by_source", "richardson_plot"])
def test_multi_panel_figures_have_a_one_column_layout_for_phones(chart: str) -> None:
    from analysis.figures.style import PHONE_WIDTH, STYLE

    lines = border_lines("RUS", "110m")
    lines["joined"] = lines["neighbor_iso3"].map({"NOR": 1949, "FIN": 2023})
    table = pd.DataFrame(
        {
            "neighbor_name": ["Finland", "Finland", "Norway", "Norway"],
            "series": ["cia_factbook_latest", "ne_10m"] * 2,
            "source": ["CIA", "NE 10m"] * 2,
            "kind": ["published", "computed"] * 2,
            "short_label": ["CIA World Factbook", "Natural Earth 1:10m"] * 2,
            "length_km": [1300.0, 1225.5, 200.0, 165.1],
        }
    )
    lengths = pd.DataFrame(
        {"neighbor_name": ["A", "A"], "step_km": [1, 10], "length_km": [95.0, 80.0],
         "full_length_km": [100.0, 100.0]}
    )  # fmt: skip
    ratio = pd.DataFrame({"step_km": [1, 10], "ratio": [2.15, 2.2]})
    draw = {
        "border_map": lambda **kw: figs.border_map(countries("110m"), lines, **kw),
        "lengths_by_source": lambda **kw: figs.lengths_by_source(table, **kw),
        "richardson_plot": lambda **kw: figs.richardson_plot(lengths, ratio, **kw),
    }[chart]
    wide, phone = draw(), draw(stacked=True)
    assert not _one_column(wide) and _one_column(phone)
    assert phone.get_figwidth() == PHONE_WIDTH < wide.get_figwidth()
    # The same content in both: as many panels, markers and lines.
    assert len(phone.axes) == len(wide.axes)
    for a, b in zip(wide.axes, phone.axes, strict=True):
        assert len(a.collections) == len(b.collections)
        assert len(a.get_lines()) == len(b.get_lines())
    # A 4.6 in figure drawn in a phone's 358 px column keeps 0.6 of its size or more.
    assert 358 / (PHONE_WIDTH * STYLE["figure.dpi"]) >= 0.6
