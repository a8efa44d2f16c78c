"""Command-line commands of the geography engine: ``borders`` and ``alliance-border``.

Examples
--------
``python -m analysis borders RUS --scale 50m --format json``

``python -m analysis alliance-border RUS --alliance NATO --timeline``
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

import pandas as pd

from analysis.cli import FORMATS, emit, parse_iso_date

SCALE_CHOICES = ("osm", "10m", "50m", "50m-ne4", "110m", "110m-ne4")
ALLIANCES = ("NATO",)


def _borders(args: argparse.Namespace) -> int:
    from analysis.geo import land_borders

    emit(land_borders(args.country, args.scale), args.format)
    return 0


def _lists_to_text(frame: pd.DataFrame, fmt: str) -> pd.DataFrame:
    """Join list cells with ';' for table/csv output (JSON keeps real lists)."""
    if fmt == "json":
        return frame
    out = frame.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, list)).any():
            out[col] = out[col].map(lambda v: ";".join(v) if isinstance(v, list) else v)
    return out


def _alliance_border(args: argparse.Namespace) -> int:
    from analysis.geo import alliance_border, alliance_border_timeline, resolve_country
    from analysis.reference import members_on, nato_members

    country = resolve_country(args.country, args.scale)
    if args.timeline:
        table = alliance_border_timeline(country, nato_members(), args.scale)
        emit(_lists_to_text(table, args.format), args.format)
        return 0
    on = parse_iso_date(args.on) if args.on is not None else date.today()
    frame = alliance_border(country, members_on(on.isoformat()), args.scale)
    emit(frame, args.format)
    return 0


def register(sub: Any) -> None:
    """Register ``borders`` and ``alliance-border`` on the top-level sub-parsers.

    Examples
    --------
    >>> from analysis.cli import build_parser
    >>> build_parser().parse_args(["borders", "RUS"]).scale
    '10m'
    """
    p = sub.add_parser(
        "borders",
        help="every land neighbour of a country with the border length",
        description="List every land neighbour of COUNTRY with the geodesic border length "
        "(km, WGS84) measured on Natural Earth.",
    )
    p.add_argument("country", help="ISO code or name, e.g. RUS or Russia")
    p.add_argument("--scale", choices=SCALE_CHOICES, default="10m", help="Natural Earth scale")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")
    p.set_defaults(handler=_borders)

    a = sub.add_parser(
        "alliance-border",
        help="a country's land border with an alliance, on a date or over time",
        description="Land border of COUNTRY with the members of an alliance on a date "
        "(default today) or, with --timeline, at every change of membership.",
    )
    a.add_argument("country", help="ISO code or name, e.g. RUS")
    a.add_argument("--alliance", type=str.upper, choices=ALLIANCES, default="NATO", help="alliance")
    when = a.add_mutually_exclusive_group()
    when.add_argument("--on", metavar="YYYY-MM-DD", help="membership on this date")
    when.add_argument("--timeline", action="store_true", help="step series over time")
    a.add_argument("--scale", choices=SCALE_CHOICES, default="10m", help="Natural Earth scale")
    a.add_argument("--format", choices=FORMATS, default="table", help="output format")
    a.set_defaults(handler=_alliance_border)


__all__ = ["register"]
