"""Tests for the chapter-2 figures and their data helpers."""

from __future__ import annotations

from datetime import date

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.figures import article as figs
from analysis.figures import label_overlaps


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_mentions_chart_ranks_countries_with_equal_room() -> None:
    mentioned = pd.DataFrame(
        {
            "iso3": ["RUS", "JPN", "KOR", "FIN", "NZL"],
            "name": ["Russia", "Japan", "South Korea", "Finland", "New Zealand"],
            "mentions": [5, 9, 1, 2, 1],
        }
    )
    fig = figs.mentions_chart(mentioned)
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["Japan", "Russia", "Finland", "New Zealand", "South Korea"]
    widths = [p.get_width() for p in ax.patches]
    assert widths == [9, 5, 2, 1, 1]
    heights = {round(p.get_height(), 6) for p in ax.patches}
    assert len(heights) == 1  # every country the same room, whatever its area
    assert [t.get_text() for t in ax.texts] == ["9", "5", "2", "1", "1"]
    assert label_overlaps(fig) == []
    assert len(figs.mentions_chart(mentioned, top=2).axes[0].patches) == 2


def test_dated_events_keep_whole_sentences() -> None:
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
    long = "A NATO office in Japan was first reported on May 3, citing Japanese and NATO officials."
    claims = pd.DataFrame({"text": [long], "sentence": [1]})
    text = " " * 55 + "On April 4, Finland joined NATO as its 31st member." + " " * 20
    events = figs.dated_events(dates, claims, text, width=40)
    assert events["text"].tolist() == ["May 3", "April 4"]  # the year-only date is left out
    assert events.loc[0, "label"] == long  # never cut
    assert "April 4" in events.loc[1, "label"] and "…" not in events.loc[1, "label"]


def test_timeline_orders_events_and_marks_publication() -> None:
    events = pd.DataFrame(
        {"date": pd.to_datetime(["2023-05-03", "2023-04-04"]), "label": ["Nikkei", "Finland"]}
    )
    fig = figs.timeline(events, date(2023, 5, 10))
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["Finland", "Nikkei", "article published"]
    long = pd.DataFrame({"date": pd.to_datetime(["2023-07-12"]), "label": ["word " * 30]})
    wrapped = figs.timeline(long, None, wrap=40).axes[0].texts[0].get_text()
    assert wrapped.replace("\n", " ").split() == ["word"] * 30  # wrapped, not cut
    assert all(len(line) <= 40 for line in wrapped.splitlines())
    assert label_overlaps(fig) == []
    lo, hi = ax.get_xlim()
    assert mdates.num2date(lo).date() < date(2023, 4, 4) < date(2023, 5, 10)
    assert mdates.num2date(hi).date() > date(2023, 5, 10)
    empty = figs.timeline(pd.DataFrame({"date": [], "label": []}), None)
    assert len(empty.axes[0].texts) == 0
