"""Alliances and blocs as data: who belonged to which, from when to when, on whose word.

Two tables in ``analysis/reference/data``, a source on every row:

``alliances.csv``
    one row per alliance or bloc: ``alliance_id`` (the short id used on the
    command line: ``NATO``, ``EU``, ``CSTO``, ``Warsaw Pact``, ``CIS`` …), its
    ``name``, ``|``-separated ``aliases`` as written in news, ``kind``, when it was
    ``founded`` and ``dissolved``.
``alliance_members.csv``
    one row per continuous span of membership: ``alliance_id``, ``member_code``
    (ISO 3166-1 alpha-3, or ISO 3166-3 for former states such as ``SUN``),
    ``role`` (``member`` for full members; ``associate``, ``observer`` …),
    ``joined`` and ``left`` with their precisions.

Adding an alliance is one edit of these two tables; no code changes.

How membership is counted
-------------------------
A state is a member from its ``joined`` day inclusive to its ``left`` day
inclusive (``left`` is the last day of membership).  Dates written at month or
year precision count from their first day.  A member's *count after accession*
(``members_after``) is the number of members at the end of its accession day; this
is how the press numbers members ("Finland became NATO's 31st member").  States
that joined on the same day share the ordinal positions ``order_min`` …
``order_max``: NATO's twelve founders hold 1–12, the 1999 trio 17–19.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import pandas as pd
import pandera.pandas as pa

from analysis.countries import resolve as resolve_country
from analysis.dates import DateLike, as_date, shift_days
from analysis.errors import BadInputError, UnknownCountryError
from analysis.reference._load import (
    date_pair,
    day_bounds,
    derived_cache,
    frame_check,
    load_table,
    one_of,
    required,
    text_columns,
    urls,
)

__all__ = [
    "ROLES",
    "AccessionRank",
    "UnknownAllianceError",
    "accession_table",
    "alliance_members",
    "alliances",
    "is_member",
    "member_count",
    "member_rank",
    "members_on",
    "prose_name",
    "resolve_alliance",
]

PRECISIONS = ("day", "month", "year")
ROLES = ("member", "associate", "observer", "participant")


class UnknownAllianceError(BadInputError):
    """An alliance name or id not in ``alliances.csv``; the message lists the known ones."""


# --------------------------------------------------------------------------- tables

_ALLIANCE_COLUMNS = [
    "alliance_id", "name", "prose_name", "aliases", "kind", "founded", "founded_precision",
    "dissolved", "dissolved_precision", "source", "url", "note",
]  # fmt: skip

_ALLIANCES = pa.DataFrameSchema(
    text_columns(
        _ALLIANCE_COLUMNS,
        {
            "alliance_id": required(),
            "name": required(),
            "prose_name": required(),
            "kind": required(),
            "founded": required(),
            "founded_precision": one_of(PRECISIONS),
            "dissolved_precision": one_of(PRECISIONS, allow_empty=True),
            "source": required(),
            "url": urls(),
        },
        unique=["alliance_id"],
    ),
    checks=[
        date_pair("founded", "founded_precision"),
        date_pair("dissolved", "dissolved_precision"),
    ],
)


def _parse_alliances(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["aliases"] = out["aliases"].map(
        lambda v: tuple(a.strip() for a in v.split("|") if a.strip())
    )
    out["founded"] = [
        day_bounds(v, p)[0] for v, p in zip(out["founded"], out["founded_precision"], strict=True)
    ]
    out["dissolved"] = [
        day_bounds(v, p)[1] if v else None
        for v, p in zip(out["dissolved"], out["dissolved_precision"], strict=True)
    ]
    return out


def alliances(path: str | Path | None = None) -> pd.DataFrame:
    """Every alliance and bloc in the package, one row each.

    Columns: ``alliance_id``, ``name``, ``prose_name`` (how a sentence names it:
    "NATO", "the EU"), ``aliases`` (tuple), ``kind``, ``founded``
    and ``dissolved`` (``datetime.date``; ``dissolved`` is ``None`` while it
    exists, else its last day), their precisions, ``source``, ``url``, ``note``.

    Parameters
    ----------
    path
        Read this CSV instead of the packaged table.

    Examples
    --------
    >>> a = alliances().set_index("alliance_id")
    >>> a.loc["NATO", "founded"]
    datetime.date(1949, 8, 24)
    """
    return load_table("alliances.csv", _ALLIANCES, _parse_alliances, path)


_MEMBER_COLUMNS = [
    "alliance_id", "member_code", "member_name", "role", "joined", "joined_precision", "left",
    "left_precision", "source", "url", "note",
]  # fmt: skip


def _spans_ordered(frame: pd.DataFrame) -> pd.Series:
    ok = []
    for j, jp, lf, lp in zip(
        frame["joined"],
        frame["joined_precision"],
        frame["left"],
        frame["left_precision"],
        strict=True,
    ):
        try:
            first = day_bounds(j, jp)[0]
            last = day_bounds(lf, lp)[1] if lf else None
        except ValueError:
            ok.append(True)  # reported by the date checks
            continue
        ok.append(last is None or first is None or first <= last)
    return pd.Series(ok, index=frame.index, name="left")


def _no_overlap(frame: pd.DataFrame) -> pd.Series:
    flags: list[bool] = []
    spans: dict[tuple[str, str, str], list[tuple[date, date]]] = {}
    for rec in frame.to_dict(orient="records"):
        flags.append(True)
        try:
            first = day_bounds(rec["joined"], rec["joined_precision"])[0] or date.min
            last = (
                day_bounds(rec["left"], rec["left_precision"])[1] if rec["left"] else None
            ) or date.max
        except ValueError:
            continue
        key = (rec["alliance_id"], rec["member_code"], rec["role"])
        if any(first <= b and a <= last for a, b in spans.get(key, [])):
            flags[-1] = False
        spans.setdefault(key, []).append((first, last))
    return pd.Series(flags, index=frame.index, name="joined")


def _known_alliance(frame: pd.DataFrame) -> pd.Series:
    known = set(alliances()["alliance_id"])
    return frame["alliance_id"].isin(known).rename("alliance_id")


def _member_schema() -> pa.DataFrameSchema:
    from analysis.reference._load import country_code

    return pa.DataFrameSchema(
        text_columns(
            _MEMBER_COLUMNS,
            {
                "alliance_id": required(),
                "member_code": country_code(),
                "member_name": required(),
                "role": one_of(ROLES),
                "joined": required(),
                "joined_precision": one_of(PRECISIONS),
                "left_precision": one_of(PRECISIONS, allow_empty=True),
                "source": required(),
                "url": urls(),
            },
        ),
        checks=[
            date_pair("joined", "joined_precision"),
            date_pair("left", "left_precision"),
            frame_check(_spans_ordered, "left", "membership ends before it begins"),
            frame_check(_no_overlap, "joined", "overlaps another span of the same member"),
            frame_check(_known_alliance, "alliance_id", "is not an alliance_id of alliances.csv"),
        ],
    )


_MEMBERS = _member_schema()


def _parse_members(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["joined"] = [
        day_bounds(v, p)[0] for v, p in zip(out["joined"], out["joined_precision"], strict=True)
    ]
    out["left"] = [
        day_bounds(v, p)[1] if v else None
        for v, p in zip(out["left"], out["left_precision"], strict=True)
    ]
    return out.sort_values(["alliance_id", "joined", "member_code"], kind="stable").reset_index(
        drop=True
    )


def alliance_members(alliance: str | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """Membership spans, one row per member and span, in order of joining.

    Columns: ``alliance_id``, ``member_code``, ``member_name``, ``role``,
    ``joined`` and ``left`` (``datetime.date``; ``left`` is the last day of
    membership, ``None`` while it lasts), their precisions, ``source``, ``url``,
    ``note``.

    Parameters
    ----------
    alliance
        Keep one alliance (id, name or alias; see :func:`resolve_alliance`).
    path
        Read this CSV instead of the packaged table.

    Examples
    --------
    >>> m = alliance_members("NATO")
    >>> len(m), m.iloc[-1]["member_code"]
    (32, 'SWE')
    """
    frame = load_table("alliance_members.csv", _MEMBERS, _parse_members, path)
    if alliance is not None:
        frame = frame[frame["alliance_id"] == resolve_alliance(alliance)].reset_index(drop=True)
    return frame


# --------------------------------------------------------------------------- names


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace(".", "").replace("the ", " ")
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _alias_index() -> Mapping[str, str]:
    index: dict[str, str] = {}
    for rec in alliances().itertuples():
        for key in (rec.alliance_id, rec.name, *rec.aliases):  # type: ignore[misc]
            index.setdefault(_fold(str(key)), str(rec.alliance_id))
    return MappingProxyType(index)


derived_cache(_alias_index.cache_clear)


def resolve_alliance(name: str) -> str:
    """Return the ``alliance_id`` for an id, name or alias, case- and accent-insensitively.

    Raises
    ------
    UnknownAllianceError
        Naming the value and listing the known alliances.

    Examples
    --------
    >>> resolve_alliance("nato"), resolve_alliance("the North Atlantic Alliance")
    ('NATO', 'NATO')
    >>> try:
    ...     resolve_alliance("SEATO")
    ... except UnknownAllianceError as exc:
    ...     print(exc)
    unknown alliance 'SEATO'; known: CIS, CSTO, EU, NATO, Warsaw Pact
    """
    if not isinstance(name, str):
        raise BadInputError(f"alliance must be a name or id, not {type(name).__name__}")
    index = _alias_index()
    key = _fold(name)
    if key in index:
        return index[key]
    known = sorted(set(index.values()))
    close = difflib.get_close_matches(key, list(index), n=1, cutoff=0.8)
    hint = f"; did you mean {index[close[0]]}?" if close else ""
    raise UnknownAllianceError(f"unknown alliance {name!r}{hint}; known: {', '.join(known)}")


# --------------------------------------------------------------------------- queries


def prose_name(alliance: str) -> str:
    """How a sentence names an alliance, from the table's ``prose_name`` column.

    Examples
    --------
    >>> prose_name("EU"), prose_name("nato"), prose_name("Warsaw Pact")
    ('the EU', 'NATO', 'the Warsaw Pact')
    """
    aid = resolve_alliance(alliance)
    table = alliances().set_index("alliance_id")
    return str(table.loc[aid, "prose_name"])


def _members_frame(alliance: str, roles: tuple[str, ...]) -> pd.DataFrame:
    m = alliance_members(resolve_alliance(alliance))  # None is not "every alliance" here
    return m[m["role"].isin(roles)]


def members_on(alliance: str, on: DateLike, *, roles: tuple[str, ...] = ("member",)) -> list[str]:
    """Codes of the members of ``alliance`` at the end of day ``on``, in order of joining.

    Parameters
    ----------
    alliance
        Id, name or alias (``"NATO"``, ``"EU"``, ``"Warsaw Pact"`` …).
    on
        The day (anything :func:`analysis.dates.as_date` accepts).
    roles
        Which roles count (full members only by default).

    Examples
    --------
    >>> len(members_on("NATO", "2023-04-03")), len(members_on("NATO", "2023-04-04"))
    (30, 31)
    """
    day = as_date(on, "on")
    assert day is not None
    m = _members_frame(alliance, roles)
    inside = [
        (j is not None and j <= day) and (lf is None or day <= lf)
        for j, lf in zip(m["joined"], m["left"], strict=True)
    ]
    return list(dict.fromkeys(str(c) for c in m.loc[inside, "member_code"]))


def member_count(alliance: str, on: DateLike) -> int:
    """Number of full members of ``alliance`` at the end of day ``on``.

    Examples
    --------
    >>> member_count("NATO", "2024-03-07")
    32
    """
    return len(members_on(alliance, on))


def is_member(country: str, alliance: str, on: DateLike) -> bool:
    """Whether a country (code or name) was a full member of ``alliance`` at the end of day ``on``.

    Raises
    ------
    BadInputError, UnknownCountryError, AmbiguousCountryError
        ``country`` is not a string or names no single country.

    Examples
    --------
    >>> is_member("JPN", "NATO", "2023-05-10"), is_member("Finland", "NATO", "2023-04-04")
    (False, True)
    """
    code = resolve_country(country).code
    return code in members_on(alliance, on)


def accession_table(alliance: str) -> pd.DataFrame:
    """Each full member's accession with its count and ordinal positions, in order of joining.

    One row per accession (a state that left and rejoined has two): ``iso3`` (the
    member's code), ``name``, ``accession_date`` (datetime64), ``left`` (last day
    of membership, ``None`` while it lasts), ``founder`` (joined on the first day),
    ``members_after`` (members at the end of its accession day), ``order_min`` and
    ``order_max`` (positions shared with states joining the same day),
    ``joined_with`` (tuple of codes), ``note``, ``source``, ``url``.

    Examples
    --------
    >>> t = accession_table("NATO").set_index("iso3")
    >>> int(t.loc["FIN", "members_after"]), int(t.loc["HRV", "order_min"])
    (31, 27)
    """
    aid = resolve_alliance(alliance)
    m = _members_frame(aid, ("member",)).reset_index(drop=True)
    first_day = min(m["joined"])
    rows = []
    for rec in m.to_dict(orient="records"):
        day = rec["joined"]
        after = members_on(aid, day)
        before = set(members_on(aid, shift_days(day, -1))) if day > date.min else set()
        same = tuple(
            str(c) for c, j in zip(m["member_code"], m["joined"], strict=True)
            if j == day and c != rec["member_code"]
        )  # fmt: skip
        rows.append(
            {
                "iso3": rec["member_code"],
                "name": rec["member_name"],
                "accession_date": pd.Timestamp(day),
                "left": rec["left"],
                "founder": day == first_day,
                "members_after": len(after),
                "order_min": len([c for c in after if c in before]) + 1,
                "order_max": len(after),
                "joined_with": same,
                "note": rec["note"],
                "source": rec["source"],
                "url": rec["url"],
            }
        )
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class AccessionRank:
    """Where a member stands in its alliance's order of accession.

    Attributes
    ----------
    alliance, code, name
        The alliance and the member.
    joined
        Day it joined.
    members_after
        Members at the end of that day: the usual "Nth member".
    order_min, order_max
        Ordinal positions it shares with states joining the same day.
    joined_with
        Other states that joined the same day.
    """

    alliance: str
    code: str
    name: str
    joined: date
    members_after: int
    order_min: int
    order_max: int
    joined_with: tuple[str, ...]


def member_rank(country: str, alliance: str) -> AccessionRank:
    """The accession of a member (its latest, if it joined twice) in ``alliance``'s order.

    Parameters
    ----------
    country
        A code or name (resolved by :func:`analysis.countries.resolve`).
    alliance
        An alliance id, name or alias.

    Raises
    ------
    UnknownCountryError
        When the country is unknown or never was a full member.
    BadInputError
        ``country`` is not a string.

    Examples
    --------
    >>> member_rank("FIN", "NATO").members_after
    31
    >>> r = member_rank("HRV", "NATO"); (r.order_min, r.order_max, r.joined_with)
    (27, 28, ('ALB',))
    """
    entity = resolve_country(country)
    aid = resolve_alliance(alliance)
    t = accession_table(aid)
    hit = t[t["iso3"] == entity.code]
    if hit.empty:
        raise UnknownCountryError(f"{entity.code} (never a full member of {aid})")
    rec = hit.iloc[-1]
    return AccessionRank(
        alliance=aid,
        code=entity.code,
        name=entity.name,
        joined=rec["accession_date"].date(),
        members_after=int(rec["members_after"]),
        order_min=int(rec["order_min"]),
        order_max=int(rec["order_max"]),
        joined_with=tuple(rec["joined_with"]),
    )
