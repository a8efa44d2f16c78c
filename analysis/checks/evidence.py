"""Evidence the checkers share: geography joined with reference data.

This is the one place where lengths computed on maps (:mod:`analysis.geo`) meet
published figures (:mod:`analysis.reference`); geo knows nothing of the reference
tables and the reference tables nothing of geo.  Every border source comes from
the one catalogue, :func:`analysis.reference.border_sources`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from datetime import date

import pandas as pd

from analysis.claims import Claim, Mention
from analysis.countries import name as country_name
from analysis.dates import as_timestamp, shift_days
from analysis.errors import AnalysisError
from analysis.reference import (
    border_figures,
    border_series,
    border_sources,
    factbook_borders,
    members_on,
    resolve_alliance,
)

__all__ = [
    "RATIO_COLUMNS",
    "claim_alliance",
    "compare_with_published",
    "computed_lengths",
    "existed_before",
    "lengths_by_source",
    "neighbours",
    "office_span",
    "pair_lengths",
    "ratio_table",
    "ratios_from_lengths",
    "subject",
]


# --------------------------------------------------------------------------- claims


def claim_alliance(claim: Claim, *, context: bool = True) -> str | None:
    """The alliance a claim speaks of: the first organisation it names (then its context)
    that is in the alliance table, as an ``alliance_id``.

    Examples
    --------
    >>> c = Claim("x", organizations=(Mention("NATO", "the alliance", 0, 12, "alliance"),))
    >>> claim_alliance(c)
    'NATO'
    """
    pool = list(claim.organizations) + (list(claim.context_organizations) if context else [])
    for m in pool:
        for name in (m.code, m.text):
            try:
                return resolve_alliance(name)
            except AnalysisError:
                continue
    return None


def unknown_blocs(claim: Claim) -> list[str]:
    """Alliances or blocs the claim names that the alliance table does not hold.

    Examples
    --------
    >>> unknown_blocs(Claim("x", organizations=(Mention("ASEAN", "ASEAN", 0, 5, "bloc"),)))
    ['ASEAN']
    """
    out = []
    for m in claim.organizations:
        if m.kind in ("alliance", "bloc") and claim_alliance(Claim("", organizations=(m,))) is None:
            out.append(m.code)
    return list(dict.fromkeys(out))


def subject(
    claim: Claim, before: int | None = None, *, among: Iterable[str] | None = None
) -> str | None:
    """The country a claim is about: the last one named before offset ``before`` (the
    verb or number the claim turns on), else the first named after it, else the last
    one in the context; restricted to ``among`` when given.

    Examples
    --------
    >>> c = Claim("Finland joined NATO", countries=(Mention("FIN", "Finland", 0, 7),))
    >>> subject(c, 8)
    'FIN'
    """
    allowed = set(among) if among is not None else None

    def ok(m: Mention) -> bool:
        return allowed is None or m.code in allowed

    mentions = [m for m in claim.countries if ok(m)]
    if before is not None:
        earlier = [m for m in mentions if m.start < before]
        if earlier:
            return earlier[-1].code
    if mentions:
        return mentions[0].code
    ctx = [m for m in claim.context_countries if ok(m)]
    return ctx[-1].code if ctx else None


# --------------------------------------------------------------------------- lengths


def _computed_sources(rulers: Iterable[str] | None = None) -> pd.DataFrame:
    cat = border_sources()
    cat = cat[cat["kind"] == "computed"]
    if rulers is not None:
        cat = cat[cat["ruler"].isin(list(rulers))]
    return cat.reset_index(drop=True)


def computed_lengths(country: str, rulers: Iterable[str] | None = None) -> pd.DataFrame:
    """Land-border lengths of ``country`` measured with every computed source of the catalogue.

    Columns: ``source_id``, ``label``, ``ruler``, ``neighbor_iso3``, ``length_km``.
    A ruler that does not cover the country is left out.

    Examples
    --------
    >>> t = computed_lengths("RUS", ["10m"])
    >>> round(float(t.set_index("neighbor_iso3").loc["FIN", "length_km"]), 1)
    1225.5
    """
    from analysis.geo import UntrustedBorderWarning, get_ruler, land_borders

    frames = []
    for src in _computed_sources(rulers).itertuples():
        try:
            with warnings.catch_warnings():
                # a ruler that cannot be trusted for a border leaves it out and warns; the
                # evidence then lacks that border, which ratio_table checks for
                warnings.simplefilter("ignore", UntrustedBorderWarning)
                lb = land_borders(country, str(src.ruler))
        except AnalysisError:
            continue
        frames.append(
            pd.DataFrame(
                {
                    "source_id": src.source_id,
                    "label": src.label,
                    "ruler": src.ruler,
                    "source_kind": src.source_kind,
                    "url": src.url,
                    "regional": get_ruler(str(src.ruler)).coverage != "world",
                    "neighbor_iso3": lb["neighbor_iso3"].to_numpy(),
                    "length_km": lb["length_km"].astype(float).to_numpy(),
                }
            )
        )
    cols = ["source_id", "label", "ruler", "source_kind", "url", "regional", "neighbor_iso3",
            "length_km"]  # fmt: skip
    return pd.concat(frames, ignore_index=True)[cols] if frames else pd.DataFrame(columns=cols)


def neighbours(country: str) -> list[str]:
    """Every land neighbour of ``country`` that a map or a published figure knows.

    Examples
    --------
    >>> {"FIN", "NOR", "KAZ"} <= set(neighbours("RUS"))
    True
    """
    from analysis.geo import land_borders

    found = set(land_borders(country, "10m")["neighbor_iso3"])
    found |= set(border_figures(country)["neighbor_iso3"])
    found |= set(factbook_borders(country)["neighbor_code"])
    return sorted(found)


def _factbook_label() -> str:
    cat = border_sources().set_index("source_id")
    return str(cat.loc["factbook", "label"]) if "factbook" in cat.index else "CIA World Factbook"


def pair_lengths(a: str, b: str) -> pd.DataFrame:
    """Every length the package holds for the border of ``a`` and ``b``, published and computed.

    Published figures are the Factbook's (from each country's page; one row when
    both pages agree) and each other source's latest figure; computed lengths come
    from every computed source of the catalogue.  Columns: ``kind`` (``published``
    or ``computed``), ``source_kind``, ``source``, ``edition``, ``length_km``, ``url``.

    Examples
    --------
    >>> t = pair_lengths("KAZ", "RUS")
    >>> t[t["kind"] == "published"]["length_km"].tolist()
    [7644.0]
    """
    rows: list[dict[str, object]] = []
    fb = factbook_borders()
    pages = fb[
        ((fb["country_code"] == a) & (fb["neighbor_code"] == b))
        | ((fb["country_code"] == b) & (fb["neighbor_code"] == a))
    ]
    label = _factbook_label()
    for value, g in pages.groupby("length_km", sort=False):
        where = " and ".join(f"{country_name(str(c))} page" for c in g["country_code"])
        rows.append(
            {"kind": "published", "source_kind": "cia_factbook", "source": label,
             "edition": f"{where}, factbook.json {str(g['commit'].iloc[0])[:8]}",
             "length_km": float(value), "url": str(g["url"].iloc[0]).split(" ; ")[0]}  # type: ignore[arg-type]
        )  # fmt: skip
    factbook_values = {float(v) for v in pages["length_km"]}
    pub = border_figures(latest_only=True)
    side = pub[
        ((pub["country_iso3"] == a) & (pub["neighbor_iso3"] == b))
        | ((pub["country_iso3"] == b) & (pub["neighbor_iso3"] == a))
    ]
    seen: set[tuple[str, float]] = set()
    for rec in side.itertuples():
        value = float(rec.length_km)  # type: ignore[arg-type]
        if rec.source_kind == "cia_factbook" and value in factbook_values:
            continue  # the same Factbook figure, already listed
        key = (str(rec.source), value)
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            {"kind": "published", "source_kind": rec.source_kind, "source": rec.source,
             "edition": rec.edition, "length_km": value, "url": rec.url}
        )  # fmt: skip
    comp = computed_lengths(a)
    for measured in comp[comp["neighbor_iso3"] == b].to_dict(orient="records"):
        rows.append(
            {
                "kind": "computed",
                "source_kind": measured["source_kind"],
                "source": measured["label"],
                "edition": f"ruler {measured['ruler']}",
                "length_km": float(measured["length_km"]),
                "url": measured["url"],
            }  # fmt: skip
        )
    return pd.DataFrame(
        rows, columns=["kind", "source_kind", "source", "edition", "length_km", "url"]
    )


#: Columns of :func:`ratio_table`.
RATIO_COLUMNS = [
    "source",
    "short_label",
    "source_name", "kind", "source_kind", "series", "before_km", "after_km", "increase_km", "ratio",
    "url",
]  # fmt: skip


def ratio_table(country: str, before: Sequence[str], after: Sequence[str]) -> pd.DataFrame:
    """A country's border with a group before and after a change, by every source.

    :func:`ratios_from_lengths` of :func:`lengths_by_source` for the borders involved.

    Examples
    --------
    >>> t = ratio_table("RUS", ["NOR", "EST", "LVA", "LTU", "POL"],
    ...                 ["NOR", "EST", "LVA", "LTU", "POL", "FIN"])
    >>> round(float(t.set_index("series").loc["cia_factbook_latest", "ratio"]), 3)
    1.994
    """
    involved = sorted(set(before) | set(after))
    return ratios_from_lengths(lengths_by_source(country, involved), before, after)


def bordering_members(country: str, alliance: str, on: date) -> list[str]:
    """Members of ``alliance`` at the end of ``on`` that border ``country`` by land.

    Examples
    --------
    >>> sorted(bordering_members("RUS", "NATO", date(2023, 4, 4)))
    ['EST', 'FIN', 'LTU', 'LVA', 'NOR', 'POL']
    """
    near = set(neighbours(country))
    return [c for c in members_on(alliance, on) if c in near]


def members_before(country: str, alliance: str, on: date) -> list[str]:
    """:func:`bordering_members` on the day before ``on``.

    Examples
    --------
    >>> sorted(members_before("RUS", "NATO", date(2023, 4, 4)))
    ['EST', 'LTU', 'LVA', 'NOR', 'POL']
    """
    return bordering_members(country, alliance, shift_days(on, -1))


# --------------------------------------------------------------------------- tables for the book


def lengths_by_source(
    country: str = "RUS",
    neighbours_: Iterable[str] | None = None,
    *,
    series: Iterable[str] | None = None,
    rulers: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Each neighbour's border length by source: published series and computed rulers.

    Published sources are the like-for-like series of :func:`border_series`, and
    the Factbook's figures for any country that has no Factbook series of its own;
    computed ones are the catalogue's rulers.  A world ruler that shows no border
    with a neighbour gives 0 km (the map has none); a regional ruler (``osm``) that
    leaves a border out (it cannot be trusted for it) gives no row for it.

    Returns
    -------
    pandas.DataFrame
        Long form: ``neighbor_iso3``, ``neighbor_name``, ``kind`` (published or
        computed), ``source_kind``, ``series`` (series or source id), ``source``
        (the catalogue's label), ``length_km``, ``url``, ``short_label`` and
        ``source_name`` (the catalogue's short label and the name of the source).

    Examples
    --------
    >>> t = lengths_by_source("RUS", ["FIN"], series=["cia_factbook_latest"], rulers=["10m"])
    >>> t[["series", "length_km"]].round(1).values.tolist()
    [['cia_factbook_latest', 1309.0], ['ne_10m', 1225.5]]
    """
    wanted = None if neighbours_ is None else list(neighbours_)
    cat = border_sources().set_index("source_id")
    by_series = border_sources().set_index("series")
    names = list(series) if series is not None else border_series(country)
    frames: list[pd.DataFrame] = []
    for s in names:
        f = border_figures(country, series=s)
        if wanted is not None:
            f = f[f["neighbor_iso3"].isin(wanted)]
        frames.append(
            pd.DataFrame(
                {
                    "neighbor_iso3": f["neighbor_iso3"].to_numpy(),
                    "kind": "published",
                    "source_kind": f["source_kind"].to_numpy(),
                    "series": s,
                    "source": str(by_series.loc[s, "label"]) if s in by_series.index else s,
                    "length_km": f["length_km"].astype(float).to_numpy(),
                    "url": f["url"].to_numpy(),
                }
            )
        )
    has_factbook = any((f["source_kind"] == "cia_factbook").any() for f in frames)
    if series is None and not has_factbook and "factbook" in cat.index:
        fb = factbook_borders(country)
        if wanted is not None:
            fb = fb[fb["neighbor_code"].isin(wanted)]
        frames.append(
            pd.DataFrame(
                {
                    "neighbor_iso3": fb["neighbor_code"].to_numpy(),
                    "kind": "published",
                    "source_kind": "cia_factbook",
                    "series": "factbook",
                    "source": str(cat.loc["factbook", "label"]),
                    "length_km": fb["length_km"].astype(float).to_numpy(),
                    "url": [str(u).split(" ; ")[0] for u in fb["url"]],
                }
            )
        )
    codes = (
        wanted if wanted is not None else sorted({c for f in frames for c in f["neighbor_iso3"]})
    )
    comp = computed_lengths(country, rulers)
    for sid, g in comp.groupby("source_id", sort=False):
        lengths = {
            str(k): float(v) for k, v in zip(g["neighbor_iso3"], g["length_km"], strict=True)
        }
        regional = bool(g["regional"].iloc[0])
        shown = [c for c in codes if c in lengths] if regional else list(codes)
        frames.append(
            pd.DataFrame(
                {
                    "neighbor_iso3": shown,
                    "kind": "computed",
                    "source_kind": g["source_kind"].iloc[0],
                    "series": sid,
                    "source": g["label"].iloc[0],
                    "length_km": [float(lengths.get(c, 0.0)) for c in shown],
                    "url": g["url"].iloc[0],
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    out.insert(1, "neighbor_name", [country_name(c) for c in out["neighbor_iso3"]])
    # the catalogue's short label and source name, for tables and figures
    labels = border_sources()
    key = labels["series"].where(labels["kind"] == "published", labels["source_id"])
    key = key.where(key != "", labels["source_id"])
    short = dict(zip(key, labels["short_label"], strict=True))
    source_names = dict(zip(key, labels["source_name"], strict=True))
    out["short_label"] = [
        short.get(s, str(src)) for s, src in zip(out["series"], out["source"], strict=True)
    ]
    out["source_name"] = [
        source_names.get(s, str(k)) for s, k in zip(out["series"], out["source_kind"], strict=True)
    ]
    return out


def ratios_from_lengths(
    lengths: pd.DataFrame, before: Iterable[str], after: Iterable[str]
) -> pd.DataFrame:
    """Sum each source's lengths before and after a change, like for like.

    Parameters
    ----------
    lengths
        :func:`lengths_by_source` (one row per border and source).
    before, after
        Neighbours counted before and after the change.

    Returns
    -------
    pandas.DataFrame
        One row per source that has a figure for every border needed, in the order
        of ``lengths`` (columns :data:`RATIO_COLUMNS`).

    Examples
    --------
    >>> t = pd.DataFrame({"neighbor_iso3": ["NOR", "FIN", "NOR"], "kind": ["published"] * 3,
    ...     "series": ["cia", "cia", "wiki"], "source": ["CIA", "CIA", "Wiki"],
    ...     "short_label": ["CIA", "CIA", "Wiki"], "source_name": ["the CIA"] * 2 + ["Wiki"],
    ...     "source_kind": ["cia_factbook", "cia_factbook", "wikipedia"],
    ...     "length_km": [191.0, 1309.0, 195.7], "url": ["u", "u", "w"]})
    >>> ratios_from_lengths(t, ["NOR"], ["NOR", "FIN"])[["series", "ratio"]].round(2)
      series  ratio
    0    cia   7.85
    """
    b, a = list(before), list(after)
    rows = []
    for sid, grp in lengths.groupby("series", sort=False):
        km = dict(zip(grp["neighbor_iso3"], grp["length_km"].astype(float), strict=True))
        if any(c not in km for c in b + a):
            continue  # not like for like: this source lacks a border
        before_km = float(sum(km[c] for c in b))
        after_km = float(sum(km[c] for c in a))
        used = grp[grp["neighbor_iso3"].isin(set(b) | set(a))]
        rows.append(
            {
                "source": grp["source"].iloc[0],
                "short_label": grp["short_label"].iloc[0],
                "source_name": grp["source_name"].iloc[0],
                "kind": grp["kind"].iloc[0],
                "source_kind": grp["source_kind"].iloc[0],
                "series": sid,
                "before_km": before_km,
                "after_km": after_km,
                "increase_km": after_km - before_km,
                "ratio": after_km / before_km if before_km > 0 else float("nan"),
                "url": " ; ".join(dict.fromkeys(str(u) for u in used["url"])),
            }
        )
    return pd.DataFrame(rows, columns=RATIO_COLUMNS)


def compare_with_published(
    country: str = "RUS", ruler: str = "10m", *, latest_only: bool = False
) -> pd.DataFrame:
    """Put each border measured with ``ruler`` beside the published figures for it.

    Returns
    -------
    pandas.DataFrame
        One row per neighbour and published figure: ``neighbor_iso3``,
        ``neighbor_name``, ``computed_km``, ``source_kind``, ``source``,
        ``edition``, ``is_latest``, ``published_km``, ``diff_km`` (computed −
        published) and ``diff_pct``.  Published borders the map lacks get
        ``computed_km`` 0.

    Examples
    --------
    >>> row = compare_with_published("RUS", latest_only=True).query(
    ...     "neighbor_iso3 == 'FIN' and source_kind == 'cia_factbook'")
    >>> round(float(row["diff_pct"].iloc[0]), 1)
    -6.4
    """
    from analysis.geo import land_borders

    pub = border_figures(country, latest_only=latest_only)
    keys = ["neighbor_iso3", "source_kind", "source", "edition", "is_latest"]
    pub = pub.groupby(keys, sort=False)["length_km"].sum().reset_index()
    pub = pub.rename(columns={"length_km": "published_km"})
    lb = land_borders(country, ruler).rename(columns={"length_km": "computed_km"})
    out = lb.merge(pub, on="neighbor_iso3", how="outer")
    absent = out["computed_km"].isna()
    out.loc[absent, "computed_km"] = 0.0
    out.loc[absent, "neighbor_name"] = [
        country_name(str(c)) for c in out.loc[absent, "neighbor_iso3"]
    ]
    out["diff_km"] = out["computed_km"] - out["published_km"]
    out["diff_pct"] = 100.0 * out["diff_km"] / out["published_km"]
    out = out.sort_values(
        ["computed_km", "neighbor_iso3", "source_kind", "edition"],
        ascending=[False, True, True, True],
        kind="stable",
    )
    cols = ["neighbor_iso3", "neighbor_name", "computed_km", "source_kind", "source", "edition",
            "is_latest", "published_km", "diff_km", "diff_pct"]  # fmt: skip
    return out[cols].reset_index(drop=True)


# --------------------------------------------------------------------------- offices


def office_span(row: pd.Series) -> str:
    """An office's opening and closing as a reader writes them ("2013–2017", "until 2013").

    Examples
    --------
    >>> office_span(pd.Series({"opened": "2013-05-16", "opened_precision": "day",
    ...                        "closed": "2017-04-01", "closed_precision": "day"}))
    '2013-05-16–2017-04-01'
    """

    def fmt(raw: str, prec: str) -> str:
        if prec == "unknown" or not raw:
            return "?"
        return f"before {raw}" if prec == "before" else raw

    start = fmt(str(row["opened"]), str(row["opened_precision"]))
    end = fmt(str(row["closed"]), str(row["closed_precision"])) if row["closed"] else ""
    if start.startswith("before ") and end.startswith(start.removeprefix("before ")):
        return f"until {end}"  # e.g. opened at an unknown date before it moved in 2013
    return f"{start}–{end}"


def existed_before(offices: pd.DataFrame, on: date) -> pd.DataFrame:
    """Offices known to have opened (or closed) before ``on``; proposed ones excluded.

    Examples
    --------
    >>> from analysis.reference import offices
    >>> "UZB-NLO" in set(existed_before(offices("NATO"), date(2023, 5, 10))["office_id"])
    True
    """
    ts = as_timestamp(on)
    opened = offices["opened_latest"].notna() & (offices["opened_latest"] < ts)
    closed_before = offices["closed_latest"].notna() & (offices["closed_latest"] < ts)
    real = ~offices["status"].isin(["proposed", "agreed"])
    return offices[real & (opened | closed_before)]
