"""A country's land border with a set of states, and how it changed as the set grew.

Lengths here are measured on today's Natural Earth boundaries: the timeline
answers "how long is the border with today's countries that were members on that
date", not how borders themselves moved.  For borders through time (the Soviet
Union before 1991-12-26, each member as the state it then was, divided Germany
reported as not measured) use :mod:`analysis.history`, built on
:mod:`analysis.geo.states`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from analysis.dates import as_date
from analysis.errors import BadInputError, UnknownCountryError
from analysis.geo.borders import land_borders
from analysis.geo.layers import check_scale, resolve_country


def _resolve_members(members: Iterable[str], scale: str) -> list[str]:
    """Resolve member names/codes; members absent from a coarse layer are skipped.

    A code unknown at ``scale`` but known at 10m (a micro-state dropped from the
    1:110m layer) cannot border anything there, so it is not an error.
    """
    if members is None:
        raise BadInputError("members must be a collection of countries, not None")
    if isinstance(members, str):
        raise BadInputError("members must be a collection of countries, not a single string")
    out: list[str] = []
    for m in members:
        try:
            iso = resolve_country(m, scale)
        except UnknownCountryError:
            if scale == "10m":
                raise
            resolve_country(m, "10m")  # raises for a real typo
            continue
        if iso not in out:
            out.append(iso)
    return out


def alliance_border(country: str, members: Iterable[str], scale: str = "10m") -> pd.DataFrame:
    """Return the land border between a country and each member of a set of states.

    Parameters
    ----------
    country
        The country measured (code or name), e.g. ``"RUS"``.
    members
        The states of the alliance (codes or names).  The country itself and
        members that are not land neighbours are left out.
    scale
        ``"10m"``, ``"50m"`` or ``"110m"``.

    Returns
    -------
    pandas.DataFrame
        One row per bordering member: ``neighbor_iso3``, ``neighbor_name``,
        ``length_km``, longest first.  The alliance border is the column sum.

    Examples
    --------
    >>> df = alliance_border("RUS", ["NOR", "FIN", "DEU"])
    >>> df["neighbor_iso3"].tolist()
    ['FIN', 'NOR']
    """
    check_scale(scale)
    home = resolve_country(country, scale)
    wanted = set(_resolve_members(members, scale)) - {home}
    lb = land_borders(home, scale)
    return lb[lb["neighbor_iso3"].isin(wanted)].reset_index(drop=True)


def alliance_border_timeline(
    country: str, members_table: pd.DataFrame, scale: str = "10m"
) -> pd.DataFrame:
    """Return a country's land border with an alliance as a step series over time.

    Parameters
    ----------
    country
        The country measured, e.g. ``"RUS"``.
    members_table
        One row per member with ``iso3`` and ``accession_date``; an optional
        ``exit_date`` column (empty for current members) removes a member from
        that day on.  Members are counted from their accession day inclusive.
    scale
        ``"10m"``, ``"50m"`` or ``"110m"``.

    Returns
    -------
    pandas.DataFrame
        One row per date on which membership changed, in date order: ``date``
        (``datetime.date``), ``members`` (count), ``length_km`` (border with the
        members on that date), ``share_of_land_border`` (of the country's whole
        land border, 0–1), ``added`` and ``removed`` (lists of ``iso3``), and
        ``bordering_members`` (the members that share a border, longest first).

    Raises
    ------
    BadInputError
        Missing columns or an unreadable date.

    Examples
    --------
    >>> table = pd.DataFrame({"iso3": ["NOR", "POL", "FIN"],
    ...                       "accession_date": ["1949-08-24", "1999-03-12", "2023-04-04"]})
    >>> tl = alliance_border_timeline("RUS", table)
    >>> tl["members"].tolist(), bool(tl["length_km"].is_monotonic_increasing)
    ([1, 2, 3], True)
    """
    check_scale(scale)
    if not isinstance(members_table, pd.DataFrame):
        raise BadInputError("members_table must be a DataFrame with iso3 and accession_date")
    missing = {"iso3", "accession_date"} - set(members_table.columns)
    if missing:
        raise BadInputError(f"members_table lacks column(s) {', '.join(sorted(missing))}")
    home = resolve_country(country, scale)
    lb = land_borders(home, scale)
    lengths = dict(zip(lb["neighbor_iso3"], lb["length_km"], strict=True))
    total = float(lb["length_km"].sum())
    has_exit = "exit_date" in members_table.columns
    spans: list[tuple[str, date, date | None]] = []
    for _, row in members_table.iterrows():
        start = as_date(row["accession_date"], "accession_date", optional=True)
        if start is None:
            raise BadInputError(f"member {row['iso3']!r} has no accession_date")
        end = as_date(row["exit_date"], "exit_date", optional=True) if has_exit else None
        code = str(row["iso3"])
        try:
            iso = resolve_country(code, scale)
        except UnknownCountryError:
            if scale == "10m":
                raise
            resolve_country(code, "10m")
            iso = code.upper()  # not on this layer: counted as a member, borders nothing
        spans.append((iso, start, end))
    change_dates = sorted({s for _, s, _ in spans} | {e for _, _, e in spans if e is not None})
    rows = []
    previous: set[str] = set()
    for d in change_dates:
        current = {iso for iso, s, e in spans if s <= d and (e is None or d < e)}
        bordering = sorted(
            (m for m in current if m in lengths and m != home), key=lambda m: -lengths[m]
        )
        length = float(sum(lengths[m] for m in bordering))
        rows.append(
            {
                "date": d,
                "members": len(current),
                "length_km": length,
                "share_of_land_border": length / total if total > 0 else 0.0,
                "added": sorted(current - previous),
                "removed": sorted(previous - current),
                "bordering_members": bordering,
            }
        )
        previous = current
    return pd.DataFrame(
        rows,
        columns=[
            "date",
            "members",
            "length_km",
            "share_of_land_border",
            "added",
            "removed",
            "bordering_members",
        ],
    )
