"""Tests for the chapter-2 figures and their data helpers."""

from __future__ import annotations

from datetime import date

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis.figures import article as figs
from analysis.figures import label_overlaps
from analysis.geo import countries


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_mention_classes_cover_every_count() -> None:
    assert figs.mention_colour(1) == figs.MENTION_CLASSES[0][2]
    assert figs.mention_colour(3) == figs.MENTION_CLASSES[1][2]
    assert figs.mention_colour(8) == figs.MENTION_CLASSES[2][2]
    assert figs.mention_colour(500) == figs.MENTION_CLASSES[3][2]
    assert figs.mention_colour(0) != figs.MENTION_CLASSES[0][2]


def test_countries_map_shades_and_labels_each_country_without_overlaps() -> None:
    mentioned = pd.DataFrame(
        {
            "iso3": ["JPN", "KOR", "RUS", "FIN", "NZL"],
            "name": ["Japan", "South Korea", "Russia", "Finland", "New Zealand"],
            "mentions": [9, 1, 5, 2, 1],
        }
    )
    fig = figs.countries_map(countries("110m"), mentioned)
    labels = {t.get_text() for t in fig.axes[0].texts}
    assert labels == {
        "Japan (9)",
        "South Korea (1)",
        "Russia (5)",
        "Finland (2)",
        "New Zealand (1)",
    }
    assert label_overlaps(fig) == []
    fills = {to_hex(c) for coll in fig.axes[0].collections for c in coll.get_facecolor()}
    assert figs.mention_colour(9).lower() in fills and figs.mention_colour(5).lower() in fills
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["1", "2–3", "4–8", "9+"]


def test_shorten_and_dated_events() -> None:
    assert figs.shorten("short text", 60) == "short text"
    assert figs.shorten("one two three four", 9) == "one two…"
    dates = pd.DataFrame(
        {
            "text": ["May 3", "2022", "April 4"],
            "iso": ["2023-05-03", "2022", "2023-04-04"],
            "granularity": ["day", "year", "day"],
            "start": [30, 0, 60],
            "end": [35, 4, 67],
            "sentence": [1, 0, 2],
        }
    )
    claims = pd.DataFrame({"text": ["It was first reported on May 3."], "sentence": [1]})
    text = " " * 55 + "On April 4, Finland joined NATO as its 31st member." + " " * 20
    events = figs.dated_events(dates, claims, text, width=40)
    assert events["text"].tolist() == ["May 3", "April 4"]  # the year-only date is left out
    assert events.loc[0, "label"] == "It was first reported on May 3."
    assert "April 4" in events.loc[1, "label"] and len(events.loc[1, "label"]) <= 41


def test_timeline_orders_events_and_marks_publication() -> None:
    events = pd.DataFrame(
        {"date": pd.to_datetime(["2023-05-03", "2023-04-04"]), "label": ["Nikkei", "Finland"]}
    )
    fig = figs.timeline(events, date(2023, 5, 10))
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["Finland", "Nikkei", "article published"]
    assert label_overlaps(fig) == []
    lo, hi = ax.get_xlim()
    assert mdates.num2date(lo).date() < date(2023, 4, 4) < date(2023, 5, 10)
    assert mdates.num2date(hi).date() > date(2023, 5, 10)
    empty = figs.timeline(pd.DataFrame({"date": [], "label": []}), None)
    assert len(empty.axes[0].texts) == 0
