"""Tests for the one style module."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_rgb

from analysis.figures import style


def _luminance(hex_colour: str) -> float:
    r, g, b = to_rgb(hex_colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_style_gives_opaque_white_backgrounds() -> None:
    style.use_style()
    assert mpl.rcParams["savefig.transparent"] is False
    fig, ax = style.new_figure(width=3, height=2)
    assert fig.get_facecolor()[:3] == (1.0, 1.0, 1.0) and fig.get_facecolor()[3] == 1.0
    assert ax.get_facecolor()[3] == 1.0
    assert tuple(fig.get_size_inches()) == (3.0, 2.0)
    plt.close(fig)


def test_cycle_is_okabe_ito_and_distinct() -> None:
    assert set(style.CYCLE) <= set(style.PALETTE.values())
    assert len(set(style.CYCLE)) == len(style.CYCLE)
    # Categorical colours are all visible on white (none near white).
    assert all(_luminance(c) < 0.8 for c in style.CYCLE)


def test_projection_lookup() -> None:
    assert "+proj=lcc" in style.projection("russia")
    with pytest.raises(KeyError, match="unknown map region"):
        style.projection("atlantis")


def test_map_axes_turns_off_axis() -> None:
    fig, ax = style.new_figure()
    style.map_axes(ax)
    assert not ax.axison
    plt.close(fig)


def test_colour_for_years_is_stable_and_ordered() -> None:
    colours = style.colour_for_years([2004, 1949, 2004, 2023])
    assert list(colours) == [1949, 2004, 2023]
    assert colours[1949] == style.CYCLE[0] and colours[2023] == style.CYCLE[2]


def test_colour_vision_simulation_merges_red_and_green_for_deuteranopes() -> None:
    red, green = "#D55E00", "#009E73"
    assert style.colour_distance(red, green) > 80
    assert style.colour_distance(red, green, "deuteranopia") < style.colour_distance(red, green)
    # Greys are unchanged by every deficiency.
    for deficiency in ("deuteranopia", "protanopia", "tritanopia"):
        assert style.colour_distance("#777777", style.simulate_cvd("#777777", deficiency)) < 0.5
    with pytest.raises(KeyError, match="unknown deficiency"):
        style.simulate_cvd("#000000", "monochromacy")
