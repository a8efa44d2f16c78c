"""Command-line commands (check); filled in by the check work."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Register this group's commands on the top-level sub-parsers."""
    del sub


__all__ = ["register", "argparse"]
