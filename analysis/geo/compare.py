"""Computed border lengths beside published figures (CIA Factbook, national bodies…)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.errors import BadInputError
from analysis.geo.borders import land_borders
from analysis.geo.layers import check_scale, country_name, resolve_country

COLUMNS = [
    "neighbor_iso3",
    "neighbor_name",
    "computed_km",
    "source_kind",
    "source",
    "edition",
    "is_latest",
    "published_km",
    "diff_km",
    "diff_pct",
]


def _kind(source: str) -> str:
    s = source.casefold()
    if "cia" in s and "factbook" in s:
        return "cia_factbook"
    if "wikipedia" in s and "citing" not in s and "as given by" not in s:
        return "wikipedia"
    if "fsb" in s or "russian official" in s:
        return "russian_border_service"
    return "other"


def _normalise(published: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(published, pd.DataFrame):
        raise BadInputError("published must be a DataFrame of border figures")
    need = {"neighbor_iso3", "length_km"}
    missing = need - set(published.columns)
    if missing:
        raise BadInputError(f"published figures lack column(s) {', '.join(sorted(missing))}")
    p = pd.DataFrame(
        {
            "neighbor_iso3": published["neighbor_iso3"].astype(str).str.upper(),
            "published_km": pd.to_numeric(published["length_km"], errors="coerce"),
        }
    )
    p["source"] = published["source"].astype(str) if "source" in published else ""
    edition = next((c for c in ("edition", "edition_or_date") if c in published), None)
    p["edition"] = published[edition].astype(str) if edition else ""
    if "source_kind" in published:
        p["source_kind"] = published["source_kind"].astype(str)
    else:
        p["source_kind"] = p["source"].map(_kind)
    if "is_latest" in published:
        p["is_latest"] = published["is_latest"].astype(bool)
    else:
        p["is_latest"] = p["edition"].str.contains("latest", case=False)
    if p["published_km"].isna().any():
        bad = published.loc[p["published_km"].isna().to_numpy(), "length_km"].iloc[0]
        raise BadInputError(f"published length {bad!r} is not a number")
    # a border published in pieces (the Factbook splits China in two) is summed
    keys = ["neighbor_iso3", "source_kind", "source", "edition", "is_latest"]
    return p.groupby(keys, sort=False)["published_km"].sum().reset_index()


def compare_with_published(
    country: str = "RUS",
    scale: str = "10m",
    published: pd.DataFrame | None = None,
    *,
    latest_only: bool = False,
) -> pd.DataFrame:
    """Put each computed land border beside the published figures for it.

    Parameters
    ----------
    country
        The country whose borders are compared (code or name).
    scale
        ``"10m"``, ``"50m"`` or ``"110m"``.
    published
        Figures with at least ``neighbor_iso3`` and ``length_km``; optional
        ``source``, ``edition`` (or ``edition_or_date``), ``source_kind`` and
        ``is_latest``.  ``None`` reads :func:`analysis.reference.border_figures`.
    latest_only
        Keep only each source's latest figure.

    Returns
    -------
    pandas.DataFrame
        Long form, one row per neighbour and published figure: ``neighbor_iso3``,
        ``neighbor_name``, ``computed_km``, ``source_kind``, ``source``,
        ``edition``, ``is_latest``, ``published_km``, ``diff_km``
        (computed − published) and ``diff_pct`` (per cent of the published
        figure).  Neighbours without a figure appear once with NaN; published
        borders the layer lacks get ``computed_km`` 0.

    Examples
    --------
    >>> pub = pd.DataFrame({"neighbor_iso3": ["FIN"], "length_km": [1309.0],
    ...                     "source": ["CIA World Factbook"], "edition": ["2025 (latest)"]})
    >>> row = compare_with_published("RUS", published=pub).query("neighbor_iso3 == 'FIN'")
    >>> round(float(row["diff_pct"].iloc[0]), 1)
    -6.4
    """
    check_scale(scale)
    home = resolve_country(country, scale)
    if published is None:
        try:
            from analysis.reference import border_figures
        except ImportError:  # pragma: no cover - the reference package ships with us
            raise BadInputError("no published figures: pass `published`") from None
        published = border_figures(home)
    pub = _normalise(published)
    if latest_only:
        pub = pub[pub["is_latest"]]
    lb = land_borders(home, scale).rename(columns={"length_km": "computed_km"})
    out = lb.merge(pub, on="neighbor_iso3", how="outer")
    absent = out["computed_km"].isna()
    out.loc[absent, "computed_km"] = 0.0
    for i in out.index[absent]:
        code = str(out.at[i, "neighbor_iso3"])
        try:
            out.at[i, "neighbor_name"] = country_name(code, scale)
        except Exception:  # a code this layer does not know
            out.at[i, "neighbor_name"] = code
    out["diff_km"] = out["computed_km"] - out["published_km"]
    out["diff_pct"] = 100.0 * out["diff_km"] / out["published_km"]
    out = out.sort_values(
        ["computed_km", "neighbor_iso3", "source_kind", "edition"],
        ascending=[False, True, True, True],
        kind="stable",
    )
    return out[COLUMNS].reset_index(drop=True)


def lengths_by_source(
    country: str = "RUS",
    neighbours: Iterable[str] | None = None,
    *,
    series: Iterable[str] | None = None,
    scales: Iterable[str] = ("10m", "50m", "110m"),
) -> pd.DataFrame:
    """Each neighbour's border length by source: published series and Natural Earth scales.

    Parameters
    ----------
    country
        The country whose borders are measured (code or name).
    neighbours
        Neighbours to include (codes or names); default: all that any source lists.
    series
        Like-for-like published series from :func:`analysis.reference.border_series`
        (default: all of them).
    scales
        Natural Earth scales to measure on.

    Returns
    -------
    pandas.DataFrame
        Long form: ``neighbor_iso3``, ``neighbor_name``, ``source_kind``
        (``natural_earth`` or the published kind), ``series``, ``source`` (a
        readable label) and ``length_km``; one row per neighbour and source that
        has a figure.

    Examples
    --------
    >>> t = lengths_by_source("RUS", ["FIN"], series=["cia_factbook_latest"], scales=["10m"])
    >>> t[["series", "length_km"]].round(1).values.tolist()
    [['cia_factbook_latest', 1309.0], ['ne_10m', 1225.5]]
    """
    from analysis.reference import SERIES_LABELS, border_figures, border_series

    home = resolve_country(country)
    wanted = None if neighbours is None else [resolve_country(n) for n in neighbours]
    names = series if series is not None else border_series(home)
    rows: list[pd.DataFrame] = []
    for s in names:
        f = border_figures(home, series=s)
        if wanted is not None:
            f = f[f["neighbor_iso3"].isin(wanted)]
        rows.append(
            pd.DataFrame(
                {
                    "neighbor_iso3": f["neighbor_iso3"].to_numpy(),
                    "source_kind": f["source_kind"].to_numpy(),
                    "series": s,
                    "source": SERIES_LABELS.get(s, s),
                    "length_km": f["length_km"].astype(float).to_numpy(),
                }
            )
        )
    codes = wanted
    if codes is None:
        codes = sorted({c for r in rows for c in r["neighbor_iso3"]})
    for scale in scales:
        check_scale(scale)
        lb = land_borders(home, scale).set_index("neighbor_iso3")["length_km"]
        rows.append(
            pd.DataFrame(
                {
                    "neighbor_iso3": codes,
                    "source_kind": "natural_earth",
                    "series": f"ne_{scale}",
                    "source": f"Natural Earth 1:{scale.removesuffix('m')} million",
                    "length_km": [float(lb.get(c, 0.0)) for c in codes],
                }
            )
        )
    out = pd.concat(rows, ignore_index=True)
    out.insert(1, "neighbor_name", [country_name(c) for c in out["neighbor_iso3"]])
    return out
