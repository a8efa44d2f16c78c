"""Sourced reference data: NATO members, partners, offices, published border figures.

The tables live in ``analysis/reference/data`` (see ``SOURCES.md`` there); the
loaders in :mod:`analysis.reference.tables` validate them, verify their SHA-256 and
cache them per process.

Examples
--------
>>> from analysis.reference import members_on, member_rank
>>> len(members_on("2023-04-04")), member_rank("FIN").members_after
(31, 31)
"""

from __future__ import annotations

from analysis.reference.tables import (
    SERIES_LABELS,
    AccessionRank,
    BorderRatio,
    border_figures,
    border_series,
    border_statements,
    countries,
    in_asia,
    indo_pacific_partners,
    is_member,
    member_count,
    member_rank,
    members_on,
    nato_members,
    nato_offices,
    parse_partial_date,
    published_ratio,
    published_ratios,
    resolve_country,
    verify_checksums,
)

__all__ = [
    "SERIES_LABELS",
    "AccessionRank",
    "BorderRatio",
    "border_figures",
    "border_series",
    "border_statements",
    "countries",
    "in_asia",
    "indo_pacific_partners",
    "is_member",
    "member_count",
    "member_rank",
    "members_on",
    "nato_members",
    "nato_offices",
    "parse_partial_date",
    "published_ratio",
    "published_ratios",
    "resolve_country",
    "verify_checksums",
]
