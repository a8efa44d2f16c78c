"""Tests for analysis.figures.offices: distances, groups and the figures' data."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.figures import label_overlaps
from analysis.figures import offices as of
from analysis.geo import countries
from analysis.reference import offices as office_table
from analysis.reference import partners


@pytest.fixture(scope="module")
def offices() -> pd.DataFrame:
    return office_table("NATO")


def test_hq_coordinates_are_brussels() -> None:
    assert of.NATO_HQ.lat == pytest.approx(50.879, abs=1e-3)
    assert of.NATO_HQ.lon == pytest.approx(4.425, abs=1e-3)
    assert of.NATO_HQ.cite


def test_office_group() -> None:
    assert of.office_group("merged") == "closed"
    assert of.office_group("agreed") == "agreed, not yet open"
    with pytest.raises(ValueError, match="unknown office status"):
        of.office_group("dormant")


def test_distances(offices: pd.DataFrame) -> None:
    d = of.office_distances(offices)
    assert len(d) == len(offices)
    assert d["distance_km"].is_monotonic_increasing
    tokyo = d[d["city"] == "Tokyo"].iloc[0]
    assert tokyo["group"] == "proposed"
    assert tokyo["distance_km"] == pytest.approx(9469, abs=5)  # Brussels–Tokyo geodesic
    assert d["distance_km"].iloc[-1] == tokyo["distance_km"]
    # Symmetry with pyproj's inverse from the other end.
    _, _, back = of.GEOD.inv(139.75, 35.6833, of.NATO_HQ.lon, of.NATO_HQ.lat)
    assert back / 1000 == pytest.approx(tokyo["distance_km"], rel=1e-9)


def test_asian_offices(offices: pd.DataFrame) -> None:
    a = of.asian_offices(offices)
    assert a["city"].tolist()[:3] == ["Astana", "Tbilisi", "Tashkent"]
    assert a["city"].iloc[-1] == "Tokyo"
    assert {"Kuwait City", "Tashkent"} <= set(a["city"])


def test_offices_map(offices: pd.DataFrame) -> None:
    fig = of.offices_map(offices, countries("110m"))
    ax = fig.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == "open" and "closed" in legend and "proposed" in legend
    groups = {c.get_label(): c for c in ax.collections}
    star = groups["proposed"]
    assert len(star.get_offsets()) == 1
    assert mcolors.to_hex(star.get_facecolor()[0]).upper() == of.GROUPS["proposed"]["colour"]
    # Distinct shapes per group, not only colours.
    markers = {of.GROUPS[g]["marker"] for g in groups if g in of.GROUPS}
    assert len(markers) == len([g for g in groups if g in of.GROUPS])
    texts = [t.get_text() for t in ax.texts]
    assert "Tokyo" in texts and "Tashkent" in texts and "Brussels (HQ)" in texts
    assert mcolors.to_rgba(fig.get_facecolor()) == (1.0, 1.0, 1.0, 1.0)
    assert label_overlaps(fig) == []
    plt.close(fig)


def test_distance_chart(offices: pd.DataFrame) -> None:
    fig = of.distance_chart(of.office_distances(offices))
    ax = fig.axes[0]
    cities = [t.get_text() for t in ax.get_yticklabels()]
    assert cities[-1] == "Tokyo" and len(cities) == offices["city"].nunique()
    assert "km" in ax.get_xlabel()
    assert label_overlaps(fig) == []
    plt.close(fig)


def test_partner_timeline() -> None:
    m = partners("NATO")
    fig = of.partner_timeline(m)
    ax = fig.axes[0]
    assert {t.get_text() for t in ax.get_yticklabels()} == set(m["partner"])
    assert len(ax.texts) == len(m)
    assert label_overlaps(fig) == []
    plt.close(fig)


def test_asian_offices_say_before_2013_and_keep_opening_order(offices: pd.DataFrame) -> None:
    a = of.asian_offices(offices)
    astana = a[a["city"] == "Astana"].iloc[0]
    assert astana["opened_text"] == "before 2013"
    tashkent = a[a["city"] == "Tashkent"].iloc[0]
    assert (tashkent["opened_text"], tashkent["closed_text"]) == ("16 May 2013", "1 April 2017")
    assert a[a["city"] == "Kuwait City"]["opened_text"].iloc[0] == "January 2017"
    assert a[a["city"] == "Tokyo"]["opened_text"].iloc[0] == "–"


def test_partial_date_text_covers_every_precision() -> None:
    assert of.partial_date_text("1990", "decade") == "1990s"
    assert of.partial_date_text("2013", "year") == "2013"
    assert of.partial_date_text(None, "day") == "–"
    assert of.partial_date_text("2023-07-11", "day") == "11 July 2023"


def test_tokyo_plan_spans_2023_to_2025_with_sources() -> None:
    import re
    from pathlib import Path

    from analysis.figures import article

    plan = of.tokyo_plan()
    assert plan["date"].is_monotonic_increasing
    assert plan["date"].iloc[0] == pd.Timestamp("2023-05-03")
    assert plan["date"].iloc[-1].year == 2025
    bib = (Path(__file__).resolve().parents[1] / "book" / "references.bib").read_text()
    keys = set(re.findall(r"@\w+\{([^,]+),", bib))
    assert set(plan["cite"]) <= keys  # every event names a source the book can cite
    fig = article.timeline(plan, None, wrap=52)
    texts = [t.get_text().replace("\n", " ") for t in fig.axes[0].texts]
    assert texts == plan["label"].tolist()  # full labels, in date order
    assert label_overlaps(fig) == []
    plt.close(fig)
