"""Tests for analysis.figures.growth: the figures' data, not their pixels."""

from __future__ import annotations

from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.figures import growth, label_overlaps
from analysis.figures.style import PALETTE
from analysis.geo import alliance_border_timeline, countries
from analysis.history import border_timeline
from analysis.reference import accession_table


@pytest.fixture(scope="module")
def waves() -> pd.DataFrame:
    return growth.accession_waves(accession_table("NATO"))


def _opaque_white(fig) -> bool:
    return mcolors.to_rgba(fig.get_facecolor()) == (1.0, 1.0, 1.0, 1.0)


def test_waves_cover_every_member(waves: pd.DataFrame) -> None:
    years = [1949, 1952, 1955, 1982, 1999, 2004, 2009, 2017, 2020, 2023, 2024]
    assert waves["year"].tolist() == years
    assert waves["n_new"].sum() == 32
    assert waves["members_after"].iloc[-1] == 32
    assert waves.loc[waves["year"] == 2023, "iso3"].iloc[0] == ("FIN",)
    assert waves["members_after"].is_monotonic_increasing


def test_waves_reject_missing_columns() -> None:
    with pytest.raises(ValueError, match="accession_date"):
        growth.accession_waves(pd.DataFrame({"iso3": ["X"], "name": ["x"]}))


def test_member_steps(waves: pd.DataFrame) -> None:
    fig = growth.member_steps(waves)
    ax = fig.axes[0]
    line = ax.lines[0]
    assert line.get_drawstyle() == "steps-post"
    assert list(line.get_ydata()) == waves["members_after"].tolist() + [32]
    assert line.get_color() == PALETTE["blue"]
    labels = [t.get_text() for t in ax.texts]
    assert len(labels) == len(waves)
    assert "2023 +1" in labels and "1949: 12 founders" in labels
    assert ax.get_xlabel() and ax.get_ylabel()
    assert not fig._suptitle and not ax.get_title()
    assert _opaque_white(fig)
    assert label_overlaps(fig) == []
    plt.close(fig)


def test_wave_maps(waves: pd.DataFrame) -> None:
    fig = growth.wave_maps(waves, countries("110m"))
    assert len(fig.axes) == len(waves)
    assert [ax.wave_year for ax in fig.axes] == waves["year"].tolist()
    last = fig.axes[-1]
    assert last.new_iso3 == ("SWE",) and "FIN" in last.earlier_iso3
    colours = {mcolors.to_hex(a.get_facecolor()).upper() for a in last.patches}
    assert {growth.NEW_COLOUR.upper(), growth.EARLIER_COLOUR.upper()} <= colours
    first_notes = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "CAN" in first_notes and "USA" in first_notes
    assert _opaque_white(fig)
    assert label_overlaps(fig) == []
    plt.close(fig)


def test_border_steps_through_time() -> None:
    tl = border_timeline("RUS", "NATO", scale="110m")
    fig = growth.border_steps(tl)
    ax_km, ax_pc = fig.axes
    km = list(ax_km.lines[0].get_ydata())
    assert km[:-1] == tl["length_km"].tolist() and km[-1] == km[-2]
    pct = list(ax_pc.lines[0].get_ydata())
    assert pct[-1] == pytest.approx(100 * tl["share_of_land_border"].iloc[-1])
    labels = " ".join(t.get_text() for t in ax_km.texts)
    assert all(c in labels for c in ("NOR", "TUR", "POL", "FIN", "(Russia)"))
    assert ax_km.state_changes == (date(1991, 12, 26),)
    assert {t.get_text() for t in ax_pc.texts} >= {"Soviet Union", "Russia"}
    assert "km" in ax_km.get_ylabel() and "%" in ax_pc.get_ylabel()
    assert not fig.texts and not ax_km.get_title() and not ax_pc.get_title()
    assert _opaque_white(fig)
    assert label_overlaps(fig) == []
    plt.close(fig)


def test_border_steps_on_todays_borders() -> None:
    tl = alliance_border_timeline("RUS", accession_table("NATO"), scale="110m")
    fig = growth.border_steps(tl)
    ax_km, _ = fig.axes
    assert list(ax_km.lines[0].get_ydata())[:-1] == tl["length_km"].tolist()
    assert ax_km.state_changes == ()
    assert label_overlaps(fig) == []
    plt.close(fig)


def test_state_periods_of_the_nato_series() -> None:
    p = growth.state_periods(border_timeline("RUS", "NATO", scale="110m"))
    assert p["state_iso3"].tolist() == ["SUN", "RUS"]
    sun, rus = p.iloc[0], p.iloc[1]
    assert (sun["start"], sun["end"], rus["start"]) == (
        date(1949, 8, 24), date(1991, 12, 26), date(1991, 12, 26)
    )  # fmt: skip
    assert sun["longest_from"] == date(1952, 2, 18)
    assert set(sun["longest_bordering"]) == {"NOR", "TUR"} and sun["first_bordering"] == ("NOR",)
    assert rus["first_bordering"] == ("NOR",) and "FIN" in rus["longest_bordering"]
    assert rus["end"] is None and rus["last_km"] == rus["longest_km"] > sun["longest_km"]
