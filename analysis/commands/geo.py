"""Command-line commands (geo); filled in by the geo work."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Register this group's commands on the top-level sub-parsers."""
    del sub


__all__ = ["register", "argparse"]
