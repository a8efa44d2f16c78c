"""Historical states as exact unions of today's Natural Earth countries, and their borders.

A former state such as the Soviet Union (``SUN``), Yugoslavia (``YUG``),
Czechoslovakia (``CSK``) or Serbia and Montenegro (``SCG``) is the union of
present-day countries (its ``parts`` in :func:`analysis.countries.former_states`).
Natural Earth neighbours share their vertices, so dissolving the parts is exact:
the internal borders vanish and every outer edge keeps its vertices.  The border
of a union with an outsider is therefore the sum of its parts' borders with it,
and this module measures it that way, on the border engine's shared segments
(:mod:`analysis.geo.borders`), at any polygon ruler.

A state that is *not* a union of today's countries cannot be built: East Germany
(``DDR``) and West Germany (``FRG``, which held the code ``DEU`` until 1990) are the
two halves of today's Germany, which Natural Earth does not divide.  Such states are
described by ``analysis/geo/data/divided_states.csv`` (a source on every row) and come
back with empty ``parts`` and the ``reason``; asking for their geometry or border
is a one-line :class:`~analysis.errors.BadInputError`, never another measurement.

Dates: a state exists from ``valid_from`` inclusive to ``valid_to`` exclusive (the
first day it no longer existed: the Soviet Union until 1991-12-25, Russia from
1991-12-26).  :func:`state_on` answers for days from :data:`MODEL_START` to today.

Only the former states of the country model and the divided states above are held.
Other changes since 1947 (Sudan before 2011, Ethiopia before 1993, Pakistan before
1971, the two Yemens and Vietnams) are not: for those countries :func:`state_on`
returns today's country.

Examples
--------
>>> state_on("RUS", "1960-01-01").code, state_on("RUS", "1995-01-01").code
('SUN', 'RUS')
>>> round(border_between("SUN", "NOR")) == round(border_between("RUS", "NOR"))
True
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import pandas as pd
import pandera.pandas as pa
import shapely
from shapely.geometry.base import BaseGeometry

from analysis import countries as country_model
from analysis._data import package_file, verified
from analysis.dates import DateLike, as_date
from analysis.errors import BadInputError, DataFileError, UnknownCountryError
from analysis.geo.borders import border_matrix, land_borders, shared_border
from analysis.geo.catalogue import get_ruler, require_polygons
from analysis.geo.layers import layer, resolve_country

__all__ = [
    "MODEL_START",
    "State",
    "border_between",
    "clear_cache",
    "divided_states",
    "get_state",
    "state_geometry",
    "state_land_borders",
    "state_on",
    "states",
]

#: First day :func:`state_on` answers for: the Paris Peace Treaties entered into force on
#: 15 September 1947 (https://en.wikipedia.org/wiki/Paris_Peace_Treaties,_1947), fixing the
#: post-war borders the former states' ``parts`` describe (Istria and Zadar in Yugoslavia,
#: Carpathian Ruthenia and Petsamo in the Soviet Union).  Earlier borders differ from any
#: union of today's countries.
MODEL_START = date(1947, 9, 15)

_LOCK = threading.RLock()
_FILE = "divided_states.csv"


def data_path(name: str) -> Path:
    """A file of ``analysis/geo/data``, verified against its ``SHA256SUMS`` listing."""
    return verified(package_file("geo", "data", name))


@dataclass(frozen=True)
class State:
    """A state that existed (or exists) on some dates, built from today's countries.

    Attributes
    ----------
    code
        ISO 3166-1 alpha-3 (current countries), ISO 3166-3 (``SUN``, ``YUG``, ``CSK``,
        ``SCG``, ``DDR``) or ``FRG`` for West Germany.
    name
        Short English name.
    parts
        Present-day codes whose union is the state; empty when it cannot be built.
    valid_from, valid_to
        First day of existence and first day it no longer existed (``None``: open).
    within
        For a state that cannot be built, the present-day country holding it (``DEU``).
    reason
        Why the state cannot be built (empty when it can).

    Examples
    --------
    >>> s = get_state("CSK")
    >>> s.parts, s.buildable, str(s.valid_to)
    (('CZE', 'SVK'), True, '1992-12-31')
    >>> get_state("DDR").buildable
    False
    """

    code: str
    name: str
    parts: tuple[str, ...]
    valid_from: date | None = None
    valid_to: date | None = None
    within: str | None = None
    reason: str = ""

    @property
    def buildable(self) -> bool:
        """True when the state is a union of today's countries.

        Examples
        --------
        >>> get_state("SUN").buildable, get_state("FRG").buildable
        (True, False)
        """
        return bool(self.parts)

    @property
    def label(self) -> str:
        """``"Name (CODE)"``, as messages and headers print it.

        Examples
        --------
        >>> get_state("SUN").label
        'Soviet Union (SUN)'
        """
        return f"{self.name} ({self.code})"

    def exists_on(self, day: date) -> bool:
        """True when the state existed on ``day``.

        Examples
        --------
        >>> from datetime import date
        >>> sun = get_state("SUN")
        >>> sun.exists_on(date(1991, 12, 25)), sun.exists_on(date(1991, 12, 26))
        (True, False)
        """
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )

    def span(self) -> str:
        """The dates of existence as text.

        Examples
        --------
        >>> get_state("SCG").span()
        '1992-04-27 to 2006-06-02'
        """
        start = self.valid_from.isoformat() if self.valid_from else "ever"
        if self.valid_to is None:
            return f"from {start}"
        last = date.fromordinal(self.valid_to.toordinal() - 1)
        return f"{start} to {last.isoformat()}"


# ------------------------------------------------------------------ divided states


def _schema() -> pa.DataFrameSchema:
    text = pa.Column(str, nullable=False)
    day = pa.Check.str_matches(r"^(\d{4}-\d{2}-\d{2})?$", error="must be YYYY-MM-DD or empty")
    return pa.DataFrameSchema(
        {
            "country": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$")),
            "state_code": pa.Column(str, pa.Check.str_matches(r"^([A-Z]{3})?$")),
            "state_name": pa.Column(str, pa.Check.str_length(min_value=1)),
            "holds_code": pa.Column(str, pa.Check.isin(["yes", "no"])),
            "valid_from": pa.Column(str, day),
            "valid_to": pa.Column(str, day),
            "source": pa.Column(str, pa.Check.str_length(min_value=1)),
            "url": pa.Column(str, pa.Check.str_startswith("https://")),
            "note": text,
        },
        strict=True,
    )


@lru_cache(maxsize=1)
def _divided() -> tuple[tuple[State, bool], ...]:
    raw = pd.read_csv(data_path(_FILE), dtype=str, keep_default_na=False)
    try:
        _schema().validate(raw, lazy=False)
    except (pa.errors.SchemaError, pa.errors.SchemaErrors) as exc:
        raise DataFileError(f"{_FILE}: {str(exc).splitlines()[0]}") from None
    out = []
    for row in raw.to_dict("records"):
        code = row["state_code"] or row["country"]
        start = as_date(row["valid_from"] or None, "valid_from", optional=True)
        end = as_date(row["valid_to"] or None, "valid_to", optional=True)
        if row["state_code"] and start is None:  # dates held by the country model (DDR)
            former = country_model.get(row["state_code"])
            start, end = former.valid_from, former.valid_to
        whole = country_model.name(row["country"])
        reason = (
            f"{row['state_name']} ({code}) cannot be built from today's countries: "
            f"it is part of today's {whole} ({row['country']}), which Natural Earth does not divide"
        )
        state = State(code, row["state_name"], (), start, end, row["country"], reason)
        out.append((state, row["holds_code"] == "yes"))
    return tuple(out)


def _holds_code(s: State) -> bool:
    """The divided state used its present-day country's code (West Germany: ``DEU``)."""
    return any(d == s and holds for d, holds in _divided())


def _divided_states() -> list[State]:
    return [s for s, _ in _divided()]


def divided_states() -> pd.DataFrame:
    """Return the states that cannot be built from today's countries, with their dates.

    Returns
    -------
    pandas.DataFrame
        ``code``, ``name``, ``within`` (the present-day country holding it),
        ``valid_from``, ``valid_to`` (exclusive), ``holds_code`` (the state used
        the present-day country's code, as West Germany used ``DEU``) and ``reason``.

    Examples
    --------
    >>> divided_states()[["code", "within", "holds_code"]].values.tolist()
    [['DEU', 'DEU', False], ['FRG', 'DEU', True], ['DDR', 'DEU', False]]
    """
    return pd.DataFrame(
        [
            {
                "code": s.code,
                "name": s.name,
                "within": s.within,
                "valid_from": s.valid_from,
                "valid_to": s.valid_to,
                "holds_code": _holds_code(s),
                "reason": s.reason,
            }
            for s in _divided_states()
        ]
    )


# ----------------------------------------------------------------------- states


def get_state(code: str) -> State:
    """Return a state by code or name: a current country, a former state or a divided one.

    Raises
    ------
    UnknownCountryError
        Nothing has this code or name.
    BadInputError
        ``code`` is not a string.

    Examples
    --------
    >>> get_state("Soviet Union").parts[:3], get_state("FIN").parts
    (('ARM', 'AZE', 'BLR'), ('FIN',))
    >>> get_state("FRG").reason.split(":")[0]
    "West Germany (FRG) cannot be built from today's countries"
    """
    if not isinstance(code, str):
        raise BadInputError(f"state must be a code or name, not {code!r}")
    for s in _divided_states():
        if s.code != s.within and s.code == code.strip().upper():
            return s
    c = country_model.resolve(code)
    if c.status != "former":
        return State(c.code, c.name, (c.code,))
    for s in _divided_states():
        if s.code == c.code:
            return s
    try:
        parts = country_model.state_parts(c.code)
        reason = ""
    except BadInputError as exc:
        parts, reason = (), str(exc)
    return State(c.code, c.name, tuple(parts), c.valid_from, c.valid_to, None, reason)


def states() -> pd.DataFrame:
    """Return every historical state the model holds: former and divided states.

    Returns
    -------
    pandas.DataFrame
        ``code``, ``name``, ``valid_from``, ``valid_to`` (exclusive), ``parts``
        (tuple, empty when not buildable), ``buildable``, ``within`` and ``reason``.

    Examples
    --------
    >>> t = states().set_index("code")
    >>> t.loc[["SUN", "YUG", "CSK", "SCG", "DDR", "FRG"], "buildable"].tolist()
    [True, True, True, True, False, False]
    """
    codes = list(country_model.former_states()["code"])
    codes += [s.code for s in _divided_states() if s.code not in codes and s.code != s.within]
    rows = []
    for code in codes:
        s = get_state(code)
        rows.append(
            {
                "code": s.code,
                "name": s.name,
                "valid_from": s.valid_from,
                "valid_to": s.valid_to,
                "parts": s.parts,
                "buildable": s.buildable,
                "within": s.within,
                "reason": s.reason,
            }
        )
    return pd.DataFrame(rows)


def _check_day(on: DateLike, name: str) -> date:
    day = as_date(on, name)
    assert day is not None
    if day < MODEL_START:
        raise BadInputError(
            f"{name} {day.isoformat()} is before {MODEL_START.isoformat()}: earlier borders "
            "are not unions of today's countries"
        )
    if day > date.today():
        raise BadInputError(f"{name} {day.isoformat()} is in the future: no state is known then")
    return day


def state_on(country: str, on: DateLike) -> State:
    """Return the state a present-day country belonged to on a date.

    Parameters
    ----------
    country
        A present-day country (code or name); a former state's own code is
        accepted for a date on which it existed.
    on
        The day, from :data:`MODEL_START` to today.

    Returns
    -------
    State
        The former state whose parts include the country on that day (Russia in
        1960: the Soviet Union), the country itself when it was independent, or,
        for a country then divided (Germany 1949–1990), the state that held its
        code (West Germany) with empty ``parts`` and the ``reason``.

    Raises
    ------
    BadInputError
        A day before :data:`MODEL_START` or in the future, or a former state asked
        for outside its existence.
    UnknownCountryError
        An unknown country.

    Examples
    --------
    >>> [state_on(c, d).code for c, d in [("RUS", "1960-01-01"), ("RUS", "1995-01-01"),
    ...  ("CZE", "1980-01-01"), ("SVN", "1980-01-01"), ("SRB", "2000-01-01")]]
    ['SUN', 'RUS', 'CSK', 'YUG', 'SCG']
    >>> s = state_on("DEU", "1980-01-01")
    >>> s.code, s.buildable
    ('FRG', False)
    """
    day = _check_day(on, "on")
    s = get_state(country)
    if s.parts != (s.code,):  # a former or divided state asked by its own code
        if not s.exists_on(day):
            raise BadInputError(f"{s.label} did not exist on {day.isoformat()}: {s.span()}")
        return s
    code = s.code
    divided = [d for d in _divided_states() if d.within == code and d.exists_on(day)]
    if divided:
        holder = [d for d in divided if _holds_code(d)] or divided
        if len(divided) > 1:
            others = ", ".join(d.label for d in divided if d is not holder[0])
            h = holder[0]
            return State(
                h.code,
                h.name,
                (),
                h.valid_from,
                h.valid_to,
                h.within,
                f"today's {s.name} ({code}) was divided on {day.isoformat()} between "
                f"{h.label} and {others}; neither can be built from today's countries",
            )
        return holder[0]
    for former in country_model.former_states()["code"]:
        f = get_state(former)
        if code in f.parts and f.exists_on(day):
            return f
    return s


# -------------------------------------------------------------------- geometry


@lru_cache(maxsize=64)
def _union(parts: tuple[str, ...], scale: str) -> BaseGeometry:
    frame = layer(scale, "state geometries").frame.set_index("iso3")
    missing = [p for p in parts if p not in frame.index]
    geoms = frame.loc[[p for p in parts if p not in missing], "geometry"].to_numpy()
    # A coverage union drops the shared edges without re-noding: exact for Natural
    # Earth, whose neighbours share vertices (tests compare with shapely.union_all).
    return shapely.coverage_union_all(geoms)


def _buildable(state: str | State) -> State:
    s = state if isinstance(state, State) else get_state(state)
    if not s.buildable:
        raise BadInputError(s.reason)
    return s


def state_geometry(state: str | State, scale: str = "10m") -> BaseGeometry:
    """Return a state's territory: the dissolve of its present-day parts (cached).

    Parts a coarse ruler does not map (micro-states) are left out.

    Raises
    ------
    BadInputError
        The state cannot be built (West or East Germany), or a line-only ruler.

    Examples
    --------
    >>> g = state_geometry("CSK", "110m")
    >>> g.geom_type, g.is_valid
    ('Polygon', True)
    """
    s = _buildable(state)
    require_polygons(scale, "state geometries")
    with _LOCK:
        return _union(s.parts, scale)


# ---------------------------------------------------------------------- borders


@lru_cache(maxsize=8)
def _pairs(scale: str) -> Mapping[tuple[str, str], float]:
    m = border_matrix(scale)
    out: dict[tuple[str, str], float] = {}
    for a, b, km in zip(m["a_iso3"], m["b_iso3"], m["length_km"], strict=True):
        out[(a, b)] = out[(b, a)] = float(km)
    return MappingProxyType(out)


def _parts_on(parts: tuple[str, ...], scale: str) -> tuple[str, ...]:
    """Parts the ruler maps (a micro-state missing from a coarse layer borders nothing)."""
    out = []
    for p in parts:
        try:
            out.append(resolve_country(p, scale))
        except UnknownCountryError:
            continue
    return tuple(out)


def border_between(a: str | State, b: str | State, scale: str = "10m") -> float:
    """Return the land border in km between two states, current or historical.

    The border of a union is the sum of its parts' borders with the other side
    (the internal borders of a union vanish).

    Parameters
    ----------
    a, b
        States (see :func:`get_state`) or :class:`State` objects; they must not overlap.
    scale
        A ruler id.  Line-only rulers (``"osm"``) measure only single countries they cover.

    Raises
    ------
    BadInputError
        A state that cannot be built, overlapping states, or a union on a line ruler.

    Examples
    --------
    >>> round(border_between("SUN", "TUR")) == round(sum(border_between(p, "TUR")
    ...     for p in ("ARM", "AZE", "GEO")))
    True
    >>> border_between("CSK", "FIN")
    0.0
    """
    sa, sb = _buildable(a), _buildable(b)
    overlap = set(sa.parts) & set(sb.parts)
    if overlap:
        raise BadInputError(
            f"{sa.label} and {sb.label} overlap ({', '.join(sorted(overlap))}): "
            "a state has no border with itself"
        )
    if get_ruler(scale).kind == "lines":
        if len(sa.parts) == 1 and len(sb.parts) == 1:
            return shared_border(sa.parts[0], sb.parts[0], scale).length_km
        raise BadInputError(
            f"ruler {scale!r} holds single countries' border lines only; "
            f"{(sa if len(sa.parts) > 1 else sb).label} needs a polygon ruler"
        )
    with _LOCK:
        pairs = _pairs(scale)
    pa_, pb_ = _parts_on(sa.parts, scale), _parts_on(sb.parts, scale)
    return float(sum(pairs.get((x, y), 0.0) for x in pa_ for y in pb_))


def state_land_borders(state: str | State, scale: str = "10m") -> pd.DataFrame:
    """Return every present-day neighbour of a state with the shared length.

    Parameters
    ----------
    state
        A state (see :func:`get_state`).
    scale
        A ruler id; on a line ruler only single countries it covers.

    Returns
    -------
    pandas.DataFrame
        ``neighbor_iso3``, ``neighbor_name``, ``length_km``, longest first; the
        state's own parts never appear (its internal borders vanish).

    Examples
    --------
    >>> lb = state_land_borders("CSK")
    >>> sorted(lb["neighbor_iso3"])
    ['AUT', 'DEU', 'HUN', 'POL', 'UKR']
    """
    s = _buildable(state)
    if get_ruler(scale).kind == "lines" and len(s.parts) == 1:
        return land_borders(s.parts[0], scale)
    frames = [land_borders(p, scale) for p in _parts_on(s.parts, scale)]
    if not frames:
        return pd.DataFrame(columns=["neighbor_iso3", "neighbor_name", "length_km"])
    both = pd.concat(frames, ignore_index=True)
    both = both[~both["neighbor_iso3"].isin(s.parts)]
    out = pd.DataFrame(
        both.groupby(["neighbor_iso3", "neighbor_name"], as_index=False)["length_km"].sum()
    )
    out = out.sort_values(["length_km", "neighbor_iso3"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def clear_cache() -> None:
    """Forget the dissolved geometries and pair lengths (for tests).

    Examples
    --------
    >>> clear_cache()
    """
    with _LOCK:
        _union.cache_clear()
        _pairs.cache_clear()
