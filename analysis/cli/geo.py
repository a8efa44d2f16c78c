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

from analysis.cli.output import FORMATS, emit, parse_iso_date
from analysis.dates import shift_days

SCALE_CHOICES = ("osm", "10m", "50m", "50m-ne4", "110m", "110m-ne4")


def _borders(args: argparse.Namespace) -> int:
    from analysis.geo import land_borders

    emit(land_borders(args.country, args.scale), args.format)
    return 0


def _alliance_border(args: argparse.Namespace) -> int:
    from analysis.geo import alliance_border, alliance_border_timeline, resolve_country
    from analysis.reference import alliance_members, members_on, resolve_alliance

    alliance = resolve_alliance(args.alliance)  # one line listing the known ones if unknown
    country = resolve_country(args.country, args.scale)
    if args.timeline:
        m = alliance_members(alliance)
        m = m[m["role"] == "member"]
        # the table's `left` is the last day of membership; the timeline wants the first day out
        out = [shift_days(d, 1) if d is not None else None for d in m["left"]]
        spans = pd.DataFrame(
            {"iso3": m["member_code"], "accession_date": m["joined"], "exit_date": out}
        )
        emit(alliance_border_timeline(country, spans, args.scale), args.format)
        return 0
    on = parse_iso_date(args.on, "--on") if args.on is not None else date.today()
    frame = alliance_border(country, members_on(alliance, on), args.scale)
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
