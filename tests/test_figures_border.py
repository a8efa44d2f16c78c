"""Tests for the chapter-3 figures: they draw the data given, in the project style."""

from __future__ import annotations

import geopandas as gpd
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis.figures import border as figs
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


def test_lengths_by_source_draws_one_bar_per_value_with_series_colours() -> None:
    table = pd.DataFrame(
        {
            "neighbor_name": ["Finland", "Finland", "Norway", "Norway"],
            "series": ["cia_factbook_latest", "ne_10m", "cia_factbook_latest", "ne_10m"],
            "source": ["CIA", "NE 10m", "CIA", "NE 10m"],
            "length_km": [1309.0, 1225.5, 191.0, 165.1],
        }
    )
    fig = figs.lengths_by_source(table)
    ax = fig.axes[0]
    widths = sorted(round(p.get_width(), 1) for p in ax.patches)
    assert widths == [165.1, 191.0, 1225.5, 1309.0]
    colours = {to_hex(p.get_facecolor()) for p in ax.patches}
    assert PALETTE["blue"].lower() in colours
    assert figs.SOURCE_COLOURS["ne_10m"].lower() in colours
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Norway", "Finland"]
    assert "km" in ax.get_xlabel()


def test_ratio_by_source_marks_doubling_and_labels_each_ratio() -> None:
    ratios = pd.DataFrame(
        {
            "label": ["CIA", "Wikipedia", "missing"],
            "ratio": [1.994, 2.107, np.nan],
            "kind": ["cia_factbook", "wikipedia", "wikipedia"],
        }
    )
    fig = figs.ratio_by_source(ratios)
    ax = fig.axes[0]
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
    fig = figs.richardson_plot(lengths, ratio)
    left, right = fig.axes
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
    from analysis.figures import label_overlaps
    from analysis.reference import nato_members

    lines = border_lines("RUS", "10m")
    members = nato_members()
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
