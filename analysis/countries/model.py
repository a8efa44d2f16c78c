"""The one country model: ISO codes from pycountry plus the packaged gazetteer.

Sources, read once per process and cached as immutable objects:

* ISO 3166-1 (current countries) and ISO 3166-3 (former ones) from
  :mod:`pycountry` at run time: codes, ISO names, official names;
* ``data/gazetteer.csv``: what pycountry lacks (news names, aliases, demonyms,
  capitals, seats of power, context cues, Natural Earth codes, status, the
  ``in_asia`` judgement, and the entities ISO 3166-1 has no code for);
* ``data/m49.csv``: the UN M49 region of every ISO 3166-1 country, vendored by
  ``tools/vendor_countries.py``;
* ``data/former_states.csv``: the dates and present-day parts of former states.

Every file is checked against the folder's ``SHA256SUMS`` before it is read
(:func:`analysis._data.verified`).  See ``data/PROVENANCE.md`` for the sources
and the choices made (codes for disputed entities, ambiguous names).
"""

from __future__ import annotations

import csv
import difflib
import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, cast, get_args

import pandas as pd
import pycountry

from analysis._data import package_file, verified
from analysis.errors import (
    AmbiguousCountryError,
    BadInputError,
    DataFileError,
    UnknownCountryError,
)

Status = Literal["sovereign", "disputed", "territory", "former", "other"]
"""What an entity is: a UN member or observer state, a disputed or partly
recognised entity, a dependent territory, a former state or code, or other
(Antarctica, leased or unclaimed land, states in free association)."""

Kind = Literal["name", "demonym", "capital", "seat"]
"""Kinds of surface form a text can name a country with."""

InAsia = Literal["yes", "no", "contested"]
"""The ``in_asia`` judgement."""

STATUSES: tuple[str, ...] = get_args(Status)
KINDS: tuple[str, ...] = get_args(Kind)
_IN_ASIA: tuple[str, ...] = get_args(InAsia)

DATA_DIR = package_file("countries", "data")

_NO_CODE = "-99"  # Natural Earth's "no code"
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Country:
    """One country, territory, disputed entity or former state.

    Attributes
    ----------
    code
        The package's code: ISO 3166-1 alpha-3 for current countries, the ISO
        3166-3 alpha-3 for former ones (alpha-4 where the alpha-3 was reused),
        ``XKX`` for Kosovo and Natural Earth's ADM0_A3 for the areas only Natural
        Earth maps (``SOL``, ``CYN``, ``BRT`` …).
    alpha2, numeric
        ISO 3166-1 alpha-2 and numeric codes (``XK`` for Kosovo), else ``None``.
    name
        Short English name as news use it ("Russia", "South Korea").
    official_name
        ISO's official (or, for former entries, ISO 3166-3) name, if any.
    status
        See :data:`Status`.
    aliases, demonyms, capitals, seats, cues
        Other names; adjectives and people nouns; seats of government; buildings
        used for a government ("Kremlin"); words that point to the country in
        context without naming it ("Yoon"), used only to resolve ambiguous names.
    region, subregion, intermediate_region, region_basis
        UN M49 regions (``region_basis`` says "UN M49" or why another was assigned).
    in_asia, asia_basis
        ``"yes"``, ``"no"`` or ``"contested"`` (``None`` for former states) and why.
    valid_from, valid_to
        Dates a former state existed (as its source gives them), else ``None``.
    parts
        Present-day codes whose union is the entity (former states, ``IOA``).
    ne_codes
        Natural Earth ADM0_A3 codes that map to this entity.
    alpha4
        The ISO 3166-3 four-letter code of a former entry.
    note
        Documented choices and caveats.

    Examples
    --------
    >>> c = get("XKX")
    >>> c.name, c.status, c.alpha2, c.ne_codes
    ('Kosovo', 'disputed', 'XK', ('KOS',))
    """

    code: str
    alpha2: str | None
    numeric: str | None
    name: str
    official_name: str | None
    status: Status
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    region: str | None = None
    subregion: str | None = None
    intermediate_region: str | None = None
    region_basis: str = ""
    in_asia: InAsia | None = None
    asia_basis: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    parts: tuple[str, ...] = ()
    ne_codes: tuple[str, ...] = ()
    alpha4: str | None = None
    note: str = ""

    def forms(self, kind: Kind) -> tuple[str, ...]:
        """Return the surface forms of one kind (``"name"``: name, official name, aliases).

        Examples
        --------
        >>> get("FIN").forms("demonym")
        ('Finnish', 'Finn', 'Finns')
        """
        if kind == "name":
            names = (self.name, self.official_name or "", *self.aliases)
            return tuple(dict.fromkeys(n for n in names if n))
        return {"demonym": self.demonyms, "capital": self.capitals, "seat": self.seats}[kind]


@dataclass(frozen=True)
class SurfaceForm:
    """A way a text can name a country: the form as written, its kind and its code(s).

    ``codes`` has more than one entry when the form is ambiguous ("Congo").

    Examples
    --------
    >>> sorted(f.codes for f in surface_forms() if f.form == "Congo")[0]
    ('COD', 'COG')
    """

    form: str
    kind: Kind
    codes: tuple[str, ...]


# ------------------------------------------------------------------ normalising


def fold(text: str) -> str:
    """Normalise a name for matching: case, accents and punctuation ignored, "the" optional.

    Apostrophes and full stops are dropped ("U.S." = "US"), other punctuation
    separates words ("Guinea-Bissau" = "Guinea Bissau"), "&" reads "and".

    Examples
    --------
    >>> fold("  The Côte d’Ivoire "), fold("U.S."), fold("Congo-Kinshasa")
    ('cote divoire', 'us', 'congo kinshasa')
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ")
    text = re.sub(r"['’ʻ`.]", "", text)
    text = " ".join(re.sub(r"[\W_]+", " ", text).split())
    return text[4:] if text.startswith("the ") else text


def _split(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in value.split("|") if v.strip()))


def _date(value: str, where: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise DataFileError(f"{where}: {value!r} is not a YYYY-MM-DD date") from None


def _read_csv(name: str) -> list[dict[str, str]]:
    path: Path = verified(DATA_DIR / name)
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return [dict(r) for r in csv.DictReader(fh)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(f"data file unreadable: {path} ({exc})") from None


# ------------------------------------------------------------------ building


@dataclass(frozen=True)
class _Model:
    entities: Mapping[str, Country]  # code -> Country, in a stable order
    codes: Mapping[str, tuple[str, ...]]  # upper-case code of any scheme -> our codes
    names: Mapping[str, tuple[str, ...]]  # folded name-kind form -> codes (current first)
    other_forms: Mapping[str, tuple[str, ...]]  # folded demonym/capital/seat -> codes
    natural_earth: Mapping[str, str]  # NE ADM0_A3 -> our code
    forms: tuple[SurfaceForm, ...]
    cues: Mapping[str, tuple[str, ...]]
    former: tuple[tuple[str, str, tuple[str, ...]], ...]  # (code, source, urls) per row


def _check_row(row: dict[str, str], number: int, name: str) -> None:
    where = f"{DATA_DIR / name}: row {number}"
    if row.get("status", "sovereign") not in STATUSES:
        raise DataFileError(f"{where}: status {row['status']!r} is not one of {STATUSES}")
    if row.get("in_asia") and row["in_asia"] not in _IN_ASIA:
        raise DataFileError(f"{where}: in_asia {row['in_asia']!r} is not one of {_IN_ASIA}")


def _historic_codes(current: set[str]) -> dict[str, Any]:
    """ISO 3166-3 entries keyed by our code (alpha-3, or alpha-4 where the alpha-3 is current)."""
    out: dict[str, Any] = {}
    for h in pycountry.historic_countries:
        code = h.alpha_3 if h.alpha_3 not in current else h.alpha_4
        out[code] = h
    return out


def _build() -> _Model:
    gaz_rows = _read_csv("gazetteer.csv")
    m49 = {r["alpha3"]: r for r in _read_csv("m49.csv")}
    former_rows = _read_csv("former_states.csv")

    current = {c.alpha_3: c for c in pycountry.countries}
    historic = _historic_codes(set(current))
    historic_a3 = {h.alpha_3 for h in pycountry.historic_countries}
    where = DATA_DIR / "gazetteer.csv"
    gaz: dict[str, dict[str, str]] = {}
    ne_seen: dict[str, str] = {}
    for number, row in enumerate(gaz_rows, start=1):
        _check_row(row, number, "gazetteer.csv")
        code = row["code"]
        if code in gaz:
            raise DataFileError(f"{where}: row {number}: duplicate code {code}")
        if (
            code not in current
            and code not in historic
            and row["status"] in ("sovereign", "former")
        ):
            raise DataFileError(
                f"{where}: row {number}: {code} is not an ISO code but is marked {row['status']}"
            )
        if code not in current and code in historic_a3 and row["status"] != "former":
            raise DataFileError(
                f"{where}: row {number}: {code} is an ISO 3166-3 code; its status must be 'former'"
            )
        if code in current and (row.get("alpha2") or row.get("parts")):
            raise DataFileError(
                f"{where}: row {number}: {code} is an ISO 3166-1 code; its alpha-2 comes from "
                "pycountry and it has no parts"
            )
        for ne in _split(row.get("ne_a3", "")):
            if ne in ne_seen:
                raise DataFileError(
                    f"{where}: row {number}: Natural Earth code {ne} is also given "
                    f"for {ne_seen[ne]}"
                )
            ne_seen[ne] = code
        gaz[code] = row
    dates: dict[str, dict[str, str]] = {}
    for number, row in enumerate(former_rows, start=1):
        if row["code"] not in historic:
            raise DataFileError(
                f"{DATA_DIR / 'former_states.csv'}: row {number}: {row['code']} is not an "
                "ISO 3166-3 code"
            )
        dates[row["code"]] = row

    entities: dict[str, Country] = {}
    for code, c in current.items():
        row = gaz.get(code, {})
        entities[code] = _current(code, c, row, m49.get(code, {}))
    for code, row in gaz.items():
        if code not in current and row["status"] != "former":
            entities[code] = _extra(code, row)
    for code, h in historic.items():
        entities[code] = _former(code, h, gaz.get(code, {}), dates.get(code, {}))

    for state in entities.values():
        bad = [p for p in state.parts if p not in entities or entities[p].status == "former"]
        if bad:
            raise DataFileError(
                f"{DATA_DIR}: parts of {state.code} {bad} are not present-day codes"
            )
    for number, row in enumerate(former_rows, start=1):
        state = entities[row["code"]]
        if state.valid_from and state.valid_to and state.valid_from > state.valid_to:
            raise DataFileError(
                f"{DATA_DIR / 'former_states.csv'}: row {number}: valid_from after valid_to"
            )
    return _index(entities, former_rows)


class _Regions(NamedTuple):
    region: str | None
    subregion: str | None
    intermediate_region: str | None
    region_basis: str
    in_asia: InAsia | None
    asia_basis: str


def _regions(row: dict[str, str], m49: dict[str, str]) -> _Regions:
    """M49 regions (or the gazetteer's, with their basis) and the in_asia judgement."""
    if row.get("region") or row.get("region_basis"):
        region, sub = row.get("region", ""), row.get("subregion", "")
        inter, basis = row.get("intermediate_region", ""), row.get("region_basis", "")
    elif m49.get("region"):
        region, sub, inter = m49["region"], m49["subregion"], m49["intermediate_region"]
        basis = "UN M49"
    else:
        region = sub = inter = basis = ""
    asia, asia_basis = row.get("in_asia", ""), row.get("asia_basis", "")
    if not asia and region:  # the default judgement: the M49 region
        asia = "yes" if region == "Asia" else "no"
        detail = inter or sub or region
        asia_basis = f"UN M49 {detail}" if basis == "UN M49" else f"{detail} ({basis})"
    return _Regions(
        region or None,
        sub or None,
        inter or None,
        basis,
        cast(InAsia, asia) if asia else None,
        asia_basis,
    )


def _current(code: str, c: Any, row: dict[str, str], m49: dict[str, str]) -> Country:
    py_name = str(c.name)
    common = getattr(c, "common_name", None)
    official = getattr(c, "official_name", None)
    name = row.get("name") or common or py_name
    aliases = _split(row.get("aliases", ""))
    extra = tuple(n for n in (py_name, common) if n and n not in (name, official))
    return Country(
        code=code,
        alpha2=str(c.alpha_2),
        numeric=str(c.numeric),
        name=name,
        official_name=official,
        status=cast(Status, row.get("status") or "sovereign"),
        aliases=tuple(dict.fromkeys((*extra, *aliases))),
        demonyms=_split(row.get("demonyms", "")),
        capitals=_split(row.get("capitals", "")),
        seats=_split(row.get("seats", "")),
        cues=_split(row.get("cues", "")),
        ne_codes=_split(row.get("ne_a3", "")),
        note=row.get("note", ""),
        **_regions(row, m49)._asdict(),
    )


def _extra(code: str, row: dict[str, str]) -> Country:
    return Country(
        code=code,
        alpha2=row.get("alpha2") or None,  # user-assigned (Kosovo's XK), see PROVENANCE.md
        numeric=None,
        name=row["name"],
        official_name=None,
        status=cast(Status, row["status"]),
        aliases=_split(row.get("aliases", "")),
        demonyms=_split(row.get("demonyms", "")),
        capitals=_split(row.get("capitals", "")),
        seats=_split(row.get("seats", "")),
        cues=_split(row.get("cues", "")),
        parts=_split(row.get("parts", "")),
        ne_codes=_split(row.get("ne_a3", "")),
        note=row.get("note", ""),
        **_regions(row, {})._asdict(),
    )


def _former(code: str, h: Any, row: dict[str, str], when: dict[str, str]) -> Country:
    iso_name = str(h.name)
    withdrawn = getattr(h, "withdrawal_date", None)
    comment = getattr(h, "comment", None)
    notes = [row.get("note", ""), when.get("note", "")]
    if withdrawn:
        notes.append(f"ISO 3166-3: code withdrawn {withdrawn}")
    if comment:
        notes.append(f"ISO 3166-3: {comment}")
    where = f"{DATA_DIR / 'former_states.csv'}: {code}"
    return Country(
        code=code,
        alpha2=str(h.alpha_2),
        numeric=getattr(h, "numeric", None),
        name=row.get("name") or iso_name,
        official_name=iso_name if row.get("name") else None,
        status="former",
        aliases=_split(row.get("aliases", "")),
        demonyms=_split(row.get("demonyms", "")),
        valid_from=_date(when.get("valid_from", ""), where),
        valid_to=_date(when.get("valid_to", ""), where),
        parts=_split(when.get("parts", "")),
        alpha4=str(h.alpha_4),
        note="; ".join(n for n in notes if n),
    )


def _add(index: dict[str, list[str]], key: str, code: str) -> None:
    if key and code not in index.setdefault(key, []):
        index[key].append(code)


def _index(entities: dict[str, Country], former_rows: list[dict[str, str]]) -> _Model:
    live = [c for c in entities.values() if c.status != "former"]
    gone = [c for c in entities.values() if c.status == "former"]

    # codes: ours and ISO alpha-3 win over alpha-2/numeric, current over former
    codes: dict[str, list[str]] = {}
    for tier in (
        [(c.code, c.code) for c in live],
        [(c.alpha2, c.code) for c in live if c.alpha2],
        [(c.numeric, c.code) for c in live if c.numeric],
        [(ne, c.code) for c in live for ne in c.ne_codes],
        [(c.code, c.code) for c in gone] + [(c.alpha4, c.code) for c in gone if c.alpha4],
        [(c.alpha2, c.code) for c in gone if c.alpha2],
        [(c.numeric, c.code) for c in gone if c.numeric],
    ):
        found: dict[str, list[str]] = {}
        for key, code in tier:
            if key and key.upper() not in codes:
                _add(found, str(key).upper(), code)
        codes.update(found)

    # names and other forms; a former state's form is used only if no live entity has it
    names: dict[str, list[str]] = {}
    others: dict[str, list[str]] = {}
    for group in (live, gone):
        found_n: dict[str, list[str]] = {}
        found_o: dict[str, list[str]] = {}
        for c in group:
            for n in c.forms("name"):
                if fold(n) not in names:
                    _add(found_n, fold(n), c.code)
            for kind in KINDS[1:]:
                for f in c.forms(cast(Kind, kind)):
                    if fold(f) not in others and fold(f) not in names:
                        _add(found_o, fold(f), c.code)
        names.update(found_n)
        others.update(found_o)

    forms: list[SurfaceForm] = []
    # a former entry has an official (ISO 3166-3) name only when the gazetteer curates
    # its names; only those curated names are text forms, never ISO's ("Wake Island")
    for c in live + [g for g in gone if g.official_name]:
        for kind in KINDS:
            for f in c.forms(cast(Kind, kind)):
                if c.status == "former" and f == c.official_name and f != c.name:
                    continue
                key = fold(f)
                hit = names.get(key) or others.get(key)
                if hit and c.code in hit:
                    forms.append(SurfaceForm(f, cast(Kind, kind), tuple(sorted(hit))))
    cues: dict[str, list[str]] = {}
    for c in live:
        for cue in c.cues:
            _add(cues, cue, c.code)

    ne: dict[str, str] = {}
    for c in live:
        for code in c.ne_codes:
            ne[code] = c.code
    former = tuple((r["code"], r["source"], _split(r["url"])) for r in former_rows)
    return _Model(
        entities=MappingProxyType(entities),
        codes=MappingProxyType({k: tuple(v) for k, v in codes.items()}),
        names=MappingProxyType({k: tuple(v) for k, v in names.items()}),
        other_forms=MappingProxyType({k: tuple(v) for k, v in others.items()}),
        natural_earth=MappingProxyType(ne),
        forms=tuple(forms),
        cues=MappingProxyType({k: tuple(v) for k, v in cues.items()}),
        former=former,
    )


@lru_cache(maxsize=1)
def _model() -> _Model:
    with _LOCK:
        return _build()


# ------------------------------------------------------------------ public API


def _need_str(value: object, argument: str) -> str:
    if not isinstance(value, str):
        raise BadInputError(
            f"{argument} must be a country name or code as a string, not "
            f"{type(value).__name__} {value!r}"
        )
    return value


def _label(code: str) -> str:
    return f"{_model().entities[code].name} ({code})"


def _suggest(value: str) -> list[str]:
    model = _model()
    key = fold(value)
    pool: dict[str, tuple[str, ...]] = {}
    if len(key) > 3:
        pool.update({k: v for k, v in model.names.items() if len(k) > 3})
    else:
        pool.update({k.lower(): v for k, v in model.codes.items() if len(k) == len(key)})
        pool.update({k: v for k, v in model.names.items() if len(k) <= 4})
    out: list[str] = []
    for k in difflib.get_close_matches(key, list(pool), n=6, cutoff=0.75):
        for code in pool[k]:
            label = _label(code)
            if label not in out:
                out.append(label)
    return out[:3]


def _one(value: str, hits: tuple[str, ...]) -> Country:
    model = _model()
    if len(hits) > 1:
        ordered = sorted(hits)
        raise AmbiguousCountryError(value, [(c, model.entities[c].name) for c in ordered])
    return model.entities[hits[0]]


def _code_key(value: str) -> str | None:
    key = value.strip().upper()
    if key.isdigit() and len(key) <= 3:
        return key.zfill(3)
    if key.isalpha() and key.isascii() and 2 <= len(key) <= 4:
        return key
    return None


def get(code: str) -> Country:
    """Return the entity with this code: alpha-3, alpha-2, numeric, ISO 3166-3 or Natural Earth.

    Codes are case-insensitive; current codes win over former ones (``ATF`` is
    the French Southern Territories, the former French Southern and Antarctic
    Territories are ``FQHH``).

    Raises
    ------
    UnknownCountryError
        No entity has this code (with up to three suggestions).
    AmbiguousCountryError
        A former code used by two entries (alpha-2 ``CS``, numeric ``891``).
    BadInputError
        ``code`` is not a string.

    Examples
    --------
    >>> get("kos").code, get("XK").code, get("643").name, get("SUHH").code
    ('XKX', 'XKX', 'Russia', 'SUN')
    """
    _need_str(code, "code")
    model = _model()
    key = _code_key(code)
    if key is not None and key in model.codes:
        return _one(code, model.codes[key])
    raise UnknownCountryError(code, _suggest(code))


def name(code: str) -> str:
    """The short English name of a country code (``get(code).name``).

    Examples
    --------
    >>> name("RUS"), name("SUN"), name("XKX")
    ('Russia', 'Soviet Union', 'Kosovo')
    """
    return get(code).name


def resolve(value: str, *, forms: bool = False) -> Country:
    """Resolve a code, name, official name or alias to one entity.

    Codes are tried first (see :func:`get`), then names: case, accents and
    punctuation are ignored and a leading "the" is optional.  Names of current
    entities win over names of former ones.  With ``forms=True`` demonyms,
    capitals and seats of power are accepted too ("Finnish", "the Kremlin").

    Raises
    ------
    AmbiguousCountryError
        The name fits more than one entity ("Congo", "Korea"); it carries the
        candidates.  Nothing is guessed.
    UnknownCountryError
        Nothing matches (with up to three close suggestions).
    BadInputError
        ``value`` is not a string.

    Examples
    --------
    >>> resolve("the Russian Federation").code, resolve("DR Congo").code, resolve("kor").code
    ('RUS', 'COD', 'KOR')
    >>> resolve("Kremlin", forms=True).code
    'RUS'
    >>> from analysis.errors import AmbiguousCountryError
    >>> try:
    ...     resolve("Congo")
    ... except AmbiguousCountryError as exc:
    ...     print(exc)
    ambiguous country 'Congo': DR Congo (COD) or Republic of the Congo (COG); give a code
    """
    _need_str(value, "value")
    model = _model()
    key = _code_key(value)
    if key is not None and key in model.codes:
        return _one(value, model.codes[key])
    name = fold(value)
    if name in model.names:
        return _one(value, model.names[name])
    if forms and name in model.other_forms:
        return _one(value, model.other_forms[name])
    raise UnknownCountryError(value, _suggest(value))


def countries(include_former: bool = False) -> pd.DataFrame:
    """Return every entity as a table, one row each (a fresh copy on every call).

    Parameters
    ----------
    include_former
        Also list the former states and codes of ISO 3166-3.

    Returns
    -------
    pandas.DataFrame
        One column per :class:`Country` field, in order; list-like fields hold
        tuples.  Mutating the frame never changes what later calls return.

    Examples
    --------
    >>> df = countries()
    >>> df.set_index("code").loc["GEO", ["region", "in_asia"]].tolist()
    ['Asia', 'contested']
    >>> bool((df["status"] == "former").any()), len(countries(include_former=True)) > len(df)
    (False, True)
    """
    frame = _frame(include_former)
    return frame.copy(deep=True)


@lru_cache(maxsize=2)
def _frame(include_former: bool) -> pd.DataFrame:
    cols = [f.name for f in fields(Country)]
    rows = [
        {col: getattr(c, col) for col in cols}
        for c in _model().entities.values()
        if include_former or c.status != "former"
    ]
    return pd.DataFrame(rows, columns=cols)


def former_states() -> pd.DataFrame:
    """Return the former states with sourced dates and present-day parts.

    Returns
    -------
    pandas.DataFrame
        Columns ``code``, ``name``, ``alpha4``, ``valid_from``, ``valid_to``
        (:class:`datetime.date`), ``parts`` (tuple of present-day codes, empty
        when the state is not a union of today's countries), ``source``, ``url``
        (tuple) and ``note``; a fresh copy on every call.

    Examples
    --------
    >>> fs = former_states().set_index("code")
    >>> fs.loc["CSK", "parts"], str(fs.loc["YUG", "valid_to"])
    (('CZE', 'SVK'), '1992-04-27')
    """
    rows = []
    for code, source, urls in _model().former:
        c = _model().entities[code]
        rows.append(
            {
                "code": c.code,
                "name": c.name,
                "alpha4": c.alpha4,
                "valid_from": c.valid_from,
                "valid_to": c.valid_to,
                "parts": c.parts,
                "source": source,
                "url": urls,
                "note": c.note,
            }
        )
    return pd.DataFrame(rows)


def state_parts(code: str) -> tuple[str, ...]:
    """Return the present-day codes whose union is the entity (itself for a current one).

    Raises
    ------
    BadInputError
        The entity is a former state that is not a union of today's countries
        (East Germany) or has no parts compiled.
    UnknownCountryError, AmbiguousCountryError
        As :func:`resolve`.

    Examples
    --------
    >>> state_parts("SCG"), state_parts("Finland")
    (('MNE', 'SRB', 'XKX'), ('FIN',))
    """
    c = resolve(code)
    if c.parts:
        return c.parts
    if c.status != "former":
        return (c.code,)
    raise BadInputError(
        f"{c.name} ({c.code}) is not a union of present-day countries"
        + (f": {c.note}" if c.note else "")
    )


def from_natural_earth(adm0_a3: str, iso_a3: str = _NO_CODE, iso_a3_eh: str = _NO_CODE) -> str:
    """Map a Natural Earth admin-0 feature to the package's code.

    Tried in order: the ADM0_A3 codes listed in the gazetteer (``KOS`` → ``XKX``,
    ``SAH`` → ``ESH``, ``SOL``, ``CYN`` …), ``ISO_A3``, ``ADM0_A3`` when it is one of
    our codes (France, Norway: ``ISO_A3`` is -99), then ``ISO_A3_EH``.

    Raises
    ------
    UnknownCountryError
        None of the codes is known.
    BadInputError
        An argument is not a string.

    Examples
    --------
    >>> from_natural_earth("KOS"), from_natural_earth("FRA", "-99", "FRA")
    ('XKX', 'FRA')
    >>> from_natural_earth("ATC", "-99", "AUS"), from_natural_earth("SDS", "SSD", "SSD")
    ('ATC', 'SSD')
    """
    for arg, name in ((adm0_a3, "adm0_a3"), (iso_a3, "iso_a3"), (iso_a3_eh, "iso_a3_eh")):
        _need_str(arg, name)
    model = _model()
    adm0 = adm0_a3.strip().upper()
    if adm0 in model.natural_earth:
        return model.natural_earth[adm0]
    for cand in (iso_a3, adm0_a3, iso_a3_eh):
        key = cand.strip().upper()
        c = model.entities.get(key)
        if key != _NO_CODE and c is not None and c.status != "former":
            return c.code
    raise UnknownCountryError(adm0_a3, _suggest(adm0_a3))


def surface_forms() -> tuple[SurfaceForm, ...]:
    """Return every way a text can name an entity, with its code(s) and kind.

    Current and non-ISO entities give their names, official names, aliases,
    demonyms, capitals and seats; former states give their curated names and
    demonyms ("Soviet Union", "East German"), never a form a current entity uses.
    A form shared by several entities carries all their codes.

    Examples
    --------
    >>> [(f.codes, f.kind) for f in surface_forms() if f.form == "Kremlin"]
    [(('RUS',), 'seat')]
    >>> [f.codes for f in surface_forms() if f.form == "East Germany"]
    [('DDR',)]
    """
    return _model().forms


def context_cues() -> Mapping[str, tuple[str, ...]]:
    """Return words that point to a country in context without naming it ("Yoon" → KOR).

    They are used only to decide an ambiguous mention, never reported as mentions.

    Examples
    --------
    >>> context_cues()["Yoon"]
    ('KOR',)
    """
    return _model().cues


def codes(include_former: bool = False) -> tuple[str, ...]:
    """Return every code the model knows, in a stable order.

    Examples
    --------
    >>> "XKX" in codes(), "SUN" in codes(), "SUN" in codes(include_former=True)
    (True, False, True)
    """
    return tuple(
        c.code for c in _model().entities.values() if include_former or c.status != "former"
    )
