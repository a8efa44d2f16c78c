"""Borders through time: a country's border with an alliance, each side as the state it then was.

This module joins the historical states of :mod:`analysis.geo.states` with the
alliance tables of :mod:`analysis.reference.alliances`; it is the one place that
imports both (``analysis.geo`` knows nothing of the reference data).

On a date, the country asked is replaced by the state it belonged to
(:func:`analysis.geo.states.state_on`: Russia in 1960 is the Soviet Union), and
each member of the alliance on that date by the state *it* then was (a former
state listed as such, ``SUN`` or ``CSK``, is its union of today's countries; a
member listed with today's code is the state that code belonged to).  A member
that cannot be built from today's countries (East Germany, and West Germany, which
the tables list as ``DEU`` before 1990) is never measured as something else: it is
listed in ``not_measured`` with the reason, and with an upper bound when its
territory touches the state measured.

Dates outside the alliance's existence, before
:data:`analysis.geo.states.MODEL_START` or in the future raise a one-line
:class:`~analysis.errors.BadInputError`, never an empty answer.

Examples
--------
>>> b = alliance_border("RUS", "NATO", on="1960-01-01")
>>> b.state.code, b.borders["neighbor_iso3"].tolist()
('SUN', ['TUR', 'NOR'])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from analysis.dates import DateLike, as_date, shift_days
from analysis.errors import BadInputError
from analysis.geo.catalogue import get_ruler
from analysis.geo.states import (
    MODEL_START,
    State,
    border_between,
    get_state,
    state_land_borders,
    state_on,
    states,
)
from analysis.reference.alliances import alliance_members, alliances, members_on, resolve_alliance

__all__ = [
    "BORDER_COLUMNS",
    "NOT_MEASURED_COLUMNS",
    "TIMELINE_COLUMNS",
    "BlocBorder",
    "DatedBorder",
    "alliance_border",
    "bloc_border",
    "bloc_timeline",
    "border_timeline",
    "member_states",
]

BORDER_COLUMNS = ["neighbor_iso3", "neighbor_name", "member_codes", "length_km"]
NOT_MEASURED_COLUMNS = ["state_iso3", "state_name", "member_codes", "reason", "at_most_km"]
TIMELINE_COLUMNS = [
    "date",
    "state_iso3",
    "state_name",
    "members",
    "length_km",
    "share_of_land_border",
    "added",
    "removed",
    "bordering_members",
    "not_measured",
]


@dataclass(frozen=True)
class DatedBorder:
    """A country's land border with an alliance on one date, each side as the state it then was.

    Attributes
    ----------
    country
        The present-day country asked (code).
    state
        The state measured (:class:`~analysis.geo.states.State`): the Soviet Union
        for Russia in 1960.
    alliance
        The alliance id.
    on
        The date.
    scale
        The ruler.
    members
        The alliance's members that day, as its table lists them.
    borders
        One row per bordering member state: ``neighbor_iso3``, ``neighbor_name``
        (the member as the state it then was), ``member_codes`` (the table's
        codes it stands for), ``length_km``; longest first.
    not_measured
        Member states that cannot be built and might border the state measured:
        ``state_iso3``, ``state_name``, ``member_codes``, ``reason`` and
        ``at_most_km`` (the border of the present-day country holding it).
    total_km
        The whole land border of the state measured.

    Examples
    --------
    >>> b = alliance_border("RUS", "NATO", on="1995-01-01")
    >>> b.header()
    'measured: Russia (RUS) on 1995-01-01 against NATO (16 members), ruler 10m'
    """

    country: str
    state: State
    alliance: str
    on: date
    scale: str
    members: tuple[str, ...]
    borders: pd.DataFrame = field(repr=False)
    not_measured: pd.DataFrame = field(repr=False)
    total_km: float = 0.0

    @property
    def length_km(self) -> float:
        """The border with the members measured (the sum of ``borders``).

        Examples
        --------
        >>> alliance_border("RUS", "NATO", on="1995-01-01").length_km > 0
        True
        """
        return float(self.borders["length_km"].sum())

    def header(self) -> str:
        """One line naming the state measured, the date, the alliance and the ruler.

        Examples
        --------
        >>> alliance_border("RUS", "Warsaw Pact", on="1980-01-01").header().split(" against")[0]
        'measured: Soviet Union (SUN) on 1980-01-01'
        """
        return (
            f"measured: {self.state.label} on {self.on.isoformat()} against "
            f"{self.alliance} ({len(self.members)} members), ruler {self.scale}"
        )

    def notes(self) -> list[str]:
        """One line per member state not measured, with the reason.

        Examples
        --------
        >>> alliance_border("RUS", "NATO", on="1995-01-01").notes()
        []
        """
        out = []
        for reason, bound in zip(
            self.not_measured["reason"], self.not_measured["at_most_km"], strict=True
        ):
            most = (
                f"; its border here is at most {float(bound):.1f} km"
                if bound is not None and bound == bound
                else ""
            )
            out.append(f"not measured: {reason}{most}")
        return out

    def frame(self) -> pd.DataFrame:
        """``borders`` with the date and the state measured on every row, for output.

        Examples
        --------
        >>> f = alliance_border("RUS", "NATO", on="1960-01-01").frame()
        >>> f.columns.tolist()[:3], f["measured_iso3"].unique().tolist()
        (['on', 'measured_iso3', 'measured_name'], ['SUN'])
        """
        out = self.borders.copy()
        out.insert(0, "measured_name", self.state.name)
        out.insert(0, "measured_iso3", self.state.code)
        out.insert(0, "on", self.on)
        return out


@dataclass(frozen=True)
class BlocBorder:
    """The land border between two alliances on a date, each member as the state it then was.

    Attributes
    ----------
    a, b
        The two alliance ids.
    on, scale
        Date and ruler.
    pairs
        One row per bordering pair of member states: ``a_iso3``, ``a_name``,
        ``b_iso3``, ``b_name``, ``length_km``; longest first.
    not_measured
        States that cannot be built and might lie on the border (columns as
        :attr:`DatedBorder.not_measured`, plus ``side``).

    Examples
    --------
    >>> bb = bloc_border("Warsaw Pact", "NATO", on="1980-01-01")
    >>> sorted(set(bb.pairs["a_iso3"])), sorted(bb.not_measured["state_iso3"])
    (['BGR', 'SUN'], ['DDR', 'FRG'])
    """

    a: str
    b: str
    on: date
    scale: str
    pairs: pd.DataFrame = field(repr=False)
    not_measured: pd.DataFrame = field(repr=False)

    @property
    def length_km(self) -> float:
        """The measured border (the sum of ``pairs``).

        Examples
        --------
        >>> bloc_border("Warsaw Pact", "NATO", on="1980-01-01").length_km > 0
        True
        """
        return float(self.pairs["length_km"].sum())


# ---------------------------------------------------------------------- dates


def _alliance_span(alliance: str) -> tuple[str, date, date | None]:
    """The id, the first day and the last day (``None`` while it exists) of an alliance."""
    if alliance is None:
        raise BadInputError("alliance must be an alliance id, name or alias, not None")
    aid = resolve_alliance(alliance)
    row = alliances().set_index("alliance_id").loc[aid]
    founded = as_date(row["founded"], "founded")
    assert founded is not None
    dissolved = as_date(row["dissolved"], "dissolved", optional=True)
    return aid, founded, dissolved


def _check_on(aid: str, on: DateLike) -> date:
    day = as_date(on, "on")
    assert day is not None
    _, founded, dissolved = _alliance_span(aid)
    if day < founded:
        raise BadInputError(
            f"{aid} did not exist on {day.isoformat()}: its table starts on {founded.isoformat()}"
        )
    if dissolved is not None and day > dissolved:
        raise BadInputError(
            f"{aid} did not exist on {day.isoformat()}: dissolved, last day {dissolved.isoformat()}"
        )
    if day > date.today():
        raise BadInputError(f"on {day.isoformat()} is in the future: membership is not known")
    return day


# --------------------------------------------------------------------- members


def member_states(alliance: str, on: DateLike) -> list[tuple[State, tuple[str, ...]]]:
    """The members of an alliance on a date, each as the state it then was.

    Parameters
    ----------
    alliance
        Id, name or alias (see :func:`analysis.reference.resolve_alliance`).
    on
        The day, within the alliance's existence, from
        :data:`~analysis.geo.states.MODEL_START` to today.

    Returns
    -------
    list of (State, tuple of str)
        Each distinct state, in the table's order, with the member codes it stands
        for (several members of one day may have belonged to one state).

    Examples
    --------
    >>> [(s.code, m) for s, m in member_states("Warsaw Pact", "1980-01-01")][:3]
    [('BGR', ('BGR',)), ('CSK', ('CSK',)), ('DDR', ('DDR',))]
    >>> [s.code for s, _ in member_states("NATO", "1960-01-01") if not s.buildable]
    ['FRG']
    """
    aid = resolve_alliance(alliance) if alliance is not None else _alliance_span(alliance)[0]
    day = _check_on(aid, on)
    out: dict[str, tuple[State, list[str]]] = {}
    for code in members_on(aid, day):
        s = state_on(code, day)
        out.setdefault(s.code, (s, []))[1].append(code)
    return [(s, tuple(codes)) for s, codes in out.values()]


def _not_measured_row(
    s: State, codes: Iterable[str], other: State | None, scale: str
) -> dict[str, object] | None:
    """A row for a state that cannot be built, or None when it cannot border ``other``."""
    bound = None
    if other is not None and s.within is not None and s.within not in other.parts:
        bound = border_between(other, get_state(s.within), scale)
        if bound == 0.0:
            return None  # a part of a country that does not touch `other` cannot either
    return {
        "state_iso3": s.code,
        "state_name": s.name,
        "member_codes": tuple(codes),
        "reason": s.reason,
        "at_most_km": bound,
    }


def alliance_border(
    country: str, alliance: str, on: DateLike = None, scale: str = "10m"
) -> DatedBorder:
    """Return a country's land border with an alliance on a date, each as the state it then was.

    Parameters
    ----------
    country
        A present-day country (code or name), e.g. ``"RUS"``; it is measured as the
        state it belonged to on ``on`` (the Soviet Union before 1991-12-26).
    alliance
        Id, name or alias: ``"NATO"``, ``"Warsaw Pact"``, ``"EU"`` …
    on
        The day (default today); within the alliance's existence, from
        :data:`~analysis.geo.states.MODEL_START` to today.
    scale
        A ruler id (:func:`analysis.geo.rulers`).  A historical state that is a
        union needs a polygon ruler.

    Returns
    -------
    DatedBorder

    Raises
    ------
    BadInputError
        ``alliance`` is None or unknown (the message lists the known ones), a date
        outside the alliance's existence, before ``MODEL_START`` or in the future,
        or a country that on that date belonged to a state that cannot be built
        from today's countries (Germany before 1990-10-03).

    Examples
    --------
    >>> b = alliance_border("RUS", "Warsaw Pact", on="1980-01-01")
    >>> b.state.code, sorted(b.borders["neighbor_iso3"])
    ('SUN', ['CSK', 'HUN', 'POL', 'ROU'])
    >>> from analysis.errors import BadInputError
    >>> try:
    ...     alliance_border("RUS", "NATO", on="1949-04-03")
    ... except BadInputError as exc:
    ...     print(exc)
    NATO did not exist on 1949-04-03: its table starts on 1949-08-24
    """
    aid = _alliance_span(alliance)[0]
    day = _check_on(aid, date.today() if on is None else on)
    home = state_on(country, day)
    if not home.buildable:
        when = "" if day.isoformat() in home.reason else f" on {day.isoformat()}"
        raise BadInputError(f"{country}{when}: {home.reason}")
    rows: list[dict[str, object]] = []
    skipped: list[dict[str, object]] = []
    members = tuple(members_on(aid, day))
    for s, codes in member_states(aid, day):
        if s.code == home.code:
            continue  # the state measured is itself a member (Russia in the CIS)
        if not s.buildable:
            row = _not_measured_row(s, codes, home, scale)
            if row is not None:
                skipped.append(row)
            continue
        km = border_between(home, _outside(s, home), scale)
        if km > 0:
            rows.append(
                {
                    "neighbor_iso3": s.code,
                    "neighbor_name": s.name,
                    "member_codes": codes,
                    "length_km": km,
                }
            )
    borders = pd.DataFrame(rows, columns=BORDER_COLUMNS)
    borders = borders.sort_values(
        ["length_km", "neighbor_iso3"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
    total = float(state_land_borders(home, scale)["length_km"].sum())
    return DatedBorder(
        country=get_state(country).code,
        state=home,
        alliance=aid,
        on=day,
        scale=scale,
        members=members,
        borders=borders,
        not_measured=pd.DataFrame(skipped, columns=NOT_MEASURED_COLUMNS),
        total_km=total,
    )


def _outside(s: State, home: State) -> State:
    """``s`` without the parts it shares with ``home`` (a member overlapping the state measured)."""
    parts = tuple(p for p in s.parts if p not in home.parts)
    if parts == s.parts:
        return s
    return State(s.code, s.name, parts, s.valid_from, s.valid_to, s.within, s.reason)


# -------------------------------------------------------------------- timelines


def _change_days(aid: str) -> list[date]:
    """Every day on which the alliance's members or any state's existence changed."""
    _, founded, dissolved = _alliance_span(aid)
    m = alliance_members(aid)
    m = m[m["role"] == "member"]
    days = {founded, *m["joined"]}
    days |= {shift_days(d, 1) for d in m["left"] if isinstance(d, date)}
    t = states()
    days |= {d for d in (*t["valid_from"], *t["valid_to"]) if isinstance(d, date)}
    first = max(founded, MODEL_START)
    last = min(dissolved, date.today()) if dissolved is not None else date.today()
    return sorted(d for d in days if first <= d <= last)


def border_timeline(country: str, alliance: str, scale: str = "10m") -> pd.DataFrame:
    """Return a country's land border with an alliance as a dated step series.

    On every day the alliance's membership or a state changed (a member joined or
    left; the Soviet Union ended; Germany reunified), the border is measured as
    :func:`alliance_border` measures it; days on which nothing measured changed are
    left out.  A dissolved alliance ends with a row of no members on the day after
    its last.

    Parameters
    ----------
    country
        A present-day country, e.g. ``"RUS"``.
    alliance
        Id, name or alias.
    scale
        A ruler id.

    Returns
    -------
    pandas.DataFrame
        Columns ``date`` (first day of the step), ``state_iso3`` and ``state_name``
        (the state measured), ``members`` (count), ``length_km``,
        ``share_of_land_border`` (of the state's whole land border), ``added`` and
        ``removed`` (member codes since the previous row), ``bordering_members``
        (member states bordering it, longest first) and ``not_measured`` (member
        states that cannot be built and might border it).

    Raises
    ------
    BadInputError
        As :func:`alliance_border`; days on which the country was part of a state
        that cannot be built are rows with ``state_iso3`` of that state, length
        NaN and the reason in ``not_measured``.

    Examples
    --------
    >>> tl = border_timeline("RUS", "NATO", "110m")
    >>> for r in tl.head(5).itertuples():
    ...     print(r.date, r.state_iso3, r.bordering_members)
    1949-08-24 SUN ('NOR',)
    1952-02-18 SUN ('TUR', 'NOR')
    1955-05-06 SUN ('TUR', 'NOR')
    1982-05-30 SUN ('TUR', 'NOR')
    1991-12-26 RUS ('NOR',)
    """
    aid = _alliance_span(alliance)[0]
    get_ruler(scale)
    rows: list[dict[str, object]] = []
    previous: set[str] = set()
    for day in _change_days(aid):
        home = state_on(country, day)
        members = set(members_on(aid, day))
        if home.buildable:
            b = alliance_border(country, aid, day, scale)
            length = b.length_km
            share = length / b.total_km if b.total_km > 0 else 0.0
            bordering = tuple(b.borders["neighbor_iso3"])
            skipped = tuple(b.not_measured["state_iso3"])
        else:
            length, share, bordering, skipped = float("nan"), float("nan"), (), (home.code,)
        rows.append(
            {
                "date": day,
                "state_iso3": home.code,
                "state_name": home.name,
                "members": len(members),
                "length_km": length,
                "share_of_land_border": share,
                "added": tuple(sorted(members - previous)),
                "removed": tuple(sorted(previous - members)),
                "bordering_members": bordering,
                "not_measured": skipped,
            }
        )
        previous = members
    _, _, dissolved = _alliance_span(aid)
    if dissolved is not None and dissolved < date.today():
        end = shift_days(dissolved, 1)
        home = state_on(country, end)
        rows.append(
            {
                "date": end,
                "state_iso3": home.code,
                "state_name": home.name,
                "members": 0,
                "length_km": 0.0,
                "share_of_land_border": 0.0,
                "added": (),
                "removed": tuple(sorted(previous)),
                "bordering_members": (),
                "not_measured": (),
            }
        )
    return _collapse(pd.DataFrame(rows, columns=TIMELINE_COLUMNS))


def _collapse(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop rows where nothing changed since the previous row (an unrelated state's dates)."""
    if frame.empty:
        return frame
    key = ["state_iso3", "members", "bordering_members", "not_measured"]
    same = pd.Series(False, index=frame.index)
    for i in range(1, len(frame)):
        a, b = frame.iloc[i - 1], frame.iloc[i]
        same.iloc[i] = all(a[k] == b[k] for k in key) and (
            a["length_km"] == b["length_km"]
            or (pd.isna(a["length_km"]) and pd.isna(b["length_km"]))
        )
    return frame[~same].reset_index(drop=True)


# ------------------------------------------------------------------------ blocs


def bloc_border(a: str, b: str, on: DateLike, scale: str = "10m") -> BlocBorder:
    """Return the land border between two alliances on a date (the Warsaw Pact and NATO).

    Each side is the union of its members on that date, each as the state it then
    was.  A state that cannot be built (East and West Germany) is listed in
    ``not_measured`` when it might lie on the border: the border between the two
    German states runs inside today's Germany, and no part of it is measured.

    Parameters
    ----------
    a, b
        Alliance ids, names or aliases; they must share no member that day.
    on
        A day on which both existed.
    scale
        A polygon ruler.

    Raises
    ------
    BadInputError
        A day outside either alliance's existence, or a state in both.

    Examples
    --------
    >>> bb = bloc_border("Warsaw Pact", "NATO", on="1960-01-01")
    >>> bb.pairs[["a_iso3", "b_iso3"]].values.tolist()
    [['SUN', 'TUR'], ['BGR', 'GRC'], ['ALB', 'GRC'], ['BGR', 'TUR'], ['SUN', 'NOR']]
    """
    day = as_date(on, "on")
    sa, sb = member_states(a, day), member_states(b, day)
    ida, idb = resolve_alliance(a), resolve_alliance(b)
    assert day is not None
    common = {s.code for s, _ in sa} & {s.code for s, _ in sb}
    if common:
        raise BadInputError(
            f"{ida} and {idb} share member(s) {', '.join(sorted(common))} on {day.isoformat()}"
        )
    rows = []
    for x, _ in sa:
        for y, _ in sb:
            if x.buildable and y.buildable:
                km = border_between(x, y, scale)
                if km > 0:
                    rows.append(
                        {
                            "a_iso3": x.code,
                            "a_name": x.name,
                            "b_iso3": y.code,
                            "b_name": y.name,
                            "length_km": km,
                        }
                    )
    pairs = pd.DataFrame(rows, columns=["a_iso3", "a_name", "b_iso3", "b_name", "length_km"])
    pairs = pairs.sort_values(
        ["length_km", "a_iso3", "b_iso3"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)
    skipped = []
    for side, mine, theirs in (("a", sa, sb), ("b", sb, sa)):
        other_parts = tuple(p for s, _ in theirs for p in s.parts)
        other_within = {s.within for s, _ in theirs if not s.buildable}
        other = State("*", "the other bloc", tuple(dict.fromkeys(other_parts)))
        for s, codes in mine:
            if s.buildable:
                continue
            row = _not_measured_row(s, codes, other if other_parts else None, scale)
            if row is None and s.within in other_within:
                row = _not_measured_row(s, codes, None, scale)  # both halves of one country
            if row is not None:
                skipped.append({"side": side, **row})
    return BlocBorder(
        a=ida,
        b=idb,
        on=day,
        scale=scale,
        pairs=pairs,
        not_measured=pd.DataFrame(skipped, columns=["side", *NOT_MEASURED_COLUMNS]),
    )


def bloc_timeline(a: str, b: str, scale: str = "10m") -> pd.DataFrame:
    """Return the border between two alliances as a step series while both existed.

    Returns
    -------
    pandas.DataFrame
        ``date``, ``length_km`` (measured part), ``pairs`` (``"A–B"`` labels of
        the bordering member states, longest first) and ``not_measured`` (states
        that cannot be built and might lie on the border); only days on which
        something changed.

    Examples
    --------
    >>> tl = bloc_timeline("Warsaw Pact", "NATO", "110m")
    >>> str(tl["date"].iloc[0]), tl["not_measured"].iloc[0]
    ('1955-06-05', ('DDR', 'FRG'))
    """
    ida, idb = resolve_alliance(a), resolve_alliance(b)
    _, fa, da = _alliance_span(ida)
    _, fb, db = _alliance_span(idb)
    first = max(fa, fb)
    ends = [d for d in (da, db) if d is not None]
    last = min([*ends, date.today()])
    days = sorted({d for d in (*_change_days(ida), *_change_days(idb)) if first <= d <= last})
    rows = []
    for day in days:
        bb = bloc_border(ida, idb, day, scale)
        rows.append(
            {
                "date": day,
                "length_km": bb.length_km,
                "pairs": tuple(f"{r.a_iso3}–{r.b_iso3}" for r in bb.pairs.itertuples()),
                "not_measured": tuple(dict.fromkeys(bb.not_measured["state_iso3"])),
            }
        )
    frame = pd.DataFrame(rows, columns=["date", "length_km", "pairs", "not_measured"])
    keep = (
        frame[["length_km", "pairs", "not_measured"]].shift()
        != frame[["length_km", "pairs", "not_measured"]]
    ).any(axis=1)
    return frame[keep].reset_index(drop=True)
