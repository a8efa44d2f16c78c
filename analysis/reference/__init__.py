"""Sourced reference data as tables: alliances and their members, offices, partners,
published border figures and the catalogue of border sources, statements.

Every table is a CSV in ``analysis/reference/data`` with a source on every row
(``SOURCES.md`` there says how each was compiled).  Loading one verifies its
SHA-256, validates it with a pandera schema (an error names the bad row), caches
it, and returns a copy whose cells are immutable.  One module per table:
:mod:`~analysis.reference.alliances`, :mod:`~analysis.reference.offices`,
:mod:`~analysis.reference.partners`, :mod:`~analysis.reference.borders`,
:mod:`~analysis.reference.statements`.

Examples
--------
>>> from analysis.reference import members_on, member_rank
>>> len(members_on("NATO", "2023-04-04")), member_rank("FIN", "NATO").members_after
(31, 31)
"""

from __future__ import annotations

from analysis._data import listed, verified
from analysis.reference._load import DATA_DIR, clear_cache
from analysis.reference.alliances import (
    AccessionRank,
    UnknownAllianceError,
    accession_table,
    alliance_members,
    alliances,
    is_member,
    member_count,
    member_rank,
    members_on,
    prose_name,
    resolve_alliance,
)
from analysis.reference.borders import (
    BorderRatio,
    border_figures,
    border_series,
    border_sources,
    factbook_borders,
    published_ratio,
    published_ratios,
)
from analysis.reference.offices import offices
from analysis.reference.partners import partners
from analysis.reference.statements import border_statements

__all__ = [
    "DATA_DIR",
    "AccessionRank",
    "BorderRatio",
    "UnknownAllianceError",
    "accession_table",
    "alliance_members",
    "alliances",
    "border_figures",
    "border_series",
    "border_sources",
    "border_statements",
    "clear_cache",
    "factbook_borders",
    "is_member",
    "member_count",
    "member_rank",
    "members_on",
    "offices",
    "partners",
    "prose_name",
    "published_ratio",
    "published_ratios",
    "resolve_alliance",
    "verify_checksums",
]


def verify_checksums() -> dict[str, str]:
    """Check every packaged reference table against ``SHA256SUMS``; return name → digest.

    Raises
    ------
    DataFileError
        When a table is missing or its SHA-256 differs from the listed one.

    Examples
    --------
    >>> "alliances.csv" in verify_checksums()
    True
    """
    sums = listed(DATA_DIR)
    tables = sorted(name for name in sums if name.endswith(".csv"))
    for name in tables:
        verified(DATA_DIR / name)
    return {name: sums[name] for name in tables}
