"""Command-line commands (text); filled in by the text work."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Register this group's commands on the top-level sub-parsers."""
    del sub


__all__ = ["register", "argparse"]
