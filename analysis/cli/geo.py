"""Command-line commands of the geography engine: ``borders`` and ``alliance-border``.

Examples
--------
``python -m analysis borders RUS --scale 50m --format json``

``python -m analysis alliance-border RUS --alliance NATO --on 1960-01-01`` (the USSR)

``python -m analysis alliance-border RUS --alliance NATO --timeline``
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from analysis.cli.output import FORMATS, emit, parse_iso_date

SCALE_CHOICES = ("osm", "10m", "50m", "50m-ne4", "110m", "110m-ne4")


def _borders(args: argparse.Namespace) -> int:
    from analysis.geo import land_borders

    emit(land_borders(args.country, args.scale), args.format)
    return 0


def _alliance_border(args: argparse.Namespace) -> int:
    from analysis.history import alliance_border, border_timeline

    if args.timeline:
        frame = border_timeline(args.country, args.alliance, args.scale)
        first = frame.iloc[0] if not frame.empty else None
        states = " then ".join(
            dict.fromkeys(f"{r.state_name} ({r.state_iso3})" for r in frame.itertuples())
        )
        sys.stderr.write(
            f"measured: {states}, from {first['date'] if first is not None else '-'}, "
            f"as the state {args.country} belonged to on each date, ruler {args.scale}\n"
        )
        emit(frame, args.format)
        return 0
    on = parse_iso_date(args.on, "--on") if args.on is not None else date.today()
    result = alliance_border(args.country, args.alliance, on, args.scale)
    sys.stderr.write(result.header() + "\n")
    for note in result.notes():
        sys.stderr.write(note + "\n")
    emit(result.frame(), args.format)
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
        "(default today) or, with --timeline, at every change, each side measured as the "
        "state it then was (Russia before 1991-12-26 is the Soviet Union).  The state "
        "measured is named on standard error; members that cannot be built from today's "
        "countries (East and West Germany) are listed there as not measured.",
    )
    a.add_argument("country", help="ISO code or name, e.g. RUS")
    a.add_argument(
        "--alliance",
        default="NATO",
        help="alliance id, name or alias from the alliance table (NATO, EU, CSTO, "
        "'Warsaw Pact', CIS …)",
    )
    when = a.add_mutually_exclusive_group()
    when.add_argument("--on", metavar="YYYY-MM-DD", help="membership on this date")
    when.add_argument("--timeline", action="store_true", help="step series over time")
    a.add_argument("--scale", choices=SCALE_CHOICES, default="10m", help="Natural Earth scale")
    a.add_argument("--format", choices=FORMATS, default="table", help="output format")
    a.set_defaults(handler=_alliance_border)


__all__ = ["register"]
