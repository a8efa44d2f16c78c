"""Shared pytest configuration.

The whole suite (tests, doctests and nbval) runs with pytest-socket's
``--allow-hosts=127.0.0.1,::1,localhost`` (set in ``pyproject.toml``): any
connection to another host raises instead of quietly reaching the network.
``tests/test_offline.py`` proves it.
"""

import os
import sys

import pytest
from hypothesis import settings

# Property-based tests draw the same examples on every run, so a build is reproducible;
# `HYPOTHESIS_PROFILE=explore` draws new ones when hunting for bugs.
settings.register_profile("deterministic", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every matplotlib figure a test opened (no 'more than 20 figures' warning)."""
    yield
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")
