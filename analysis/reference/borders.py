"""Published land-border lengths, and the one catalogue of border sources.

``border_sources.csv`` is the catalogue: every source of a border length the
package knows, published or computed, with its ``label`` (as the book and the
verdicts print it), its ``kind`` (``published``: a survey or an official figure;
``computed``: a length measured on a map by :mod:`analysis.geo`), its
``source_kind`` (cia_factbook, national, wikipedia, russian_border_service,
natural_earth …), the ``table`` its figures live in, the like-for-like ``series``
(for published figures) or the ``ruler`` (a geo scale, for computed lengths).
Adding a border source is one row here (and its figures in ``border_figures.csv``).

``border_figures.csv`` holds the published figures by source and edition; a
figure may belong to several like-for-like ``series`` (sets of figures from one
source, one per border, that can be summed and compared before and after a
change).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis.countries import resolve as resolve_country
from analysis.errors import BadInputError
from analysis.reference._load import (
    country_code,
    frame_check,
    identifier,
    load_table,
    matches,
    number,
    one_of,
    required,
    text_columns,
    urls,
)

__all__ = [
    "INCLUDES",
    "SOURCE_KINDS",
    "BorderRatio",
    "border_figures",
    "border_series",
    "factbook_borders",
    "border_sources",
    "published_ratio",
    "published_ratios",
]

SOURCE_KINDS = (
    "cia_factbook", "national", "wikipedia", "russian_border_service", "russian_regional",
    "natural_earth", "openstreetmap", "gshhg", "other",
)  # fmt: skip
INCLUDES = ("land", "rivers", "lakes", "sea", "unspecified")

# --------------------------------------------------------------------------- catalogue

_SOURCES = pa.DataFrameSchema(
    text_columns(
        [
            "source_id",
            "label",
            "short_label",
            "source_name",
            "kind",
            "source_kind",
            "table",
            "series",
            "ruler",
            "description",
            "url",
        ],  # fmt: skip
        {
            "source_id": identifier(),
            "label": required(),
            "short_label": [required(), pa.Check.str_length(max_value=30)],
            "source_name": required(),
            "kind": one_of(("published", "computed")),
            "source_kind": one_of(SOURCE_KINDS),
            "table": one_of(("border_figures", "factbook_borders", "geo")),
            "description": required(),
            "url": urls(),
        },
        unique=["source_id"],
    ),
    checks=[
        frame_check(
            lambda f: (f["kind"] == "computed") == (f["ruler"] != ""),
            "ruler",
            "a computed source names its ruler, a published one none",
        )
    ],
)


def border_sources(path: str | Path | None = None) -> pd.DataFrame:
    """The catalogue of border sources, published and computed, in display order.

    Columns: ``source_id``, ``label``, ``short_label`` (at most 30 characters, for
    axes and legends), ``source_name`` (the source its series or rulers
    share, as prose names it: "the CIA World Factbook", "Natural Earth"), ``kind``
    (``published`` or ``computed``),
    ``source_kind``, ``table``, ``series`` (like-for-like series in
    ``border_figures.csv``), ``ruler`` (geo scale of a computed source),
    ``description``, ``url``.

    Examples
    --------
    >>> s = border_sources().set_index("source_id")
    >>> s.loc["ne_10m", ["kind", "ruler"]].tolist(), s.loc["wikipedia_en", "kind"]
    (['computed', '10m'], 'published')
    """
    return load_table("border_sources.csv", _SOURCES, lambda f: f.copy(), path)


# --------------------------------------------------------------------------- figures

_FIGURE_COLUMNS = [
    "figure_id", "country_iso3", "neighbor_iso3", "neighbor_name", "source_kind", "source",
    "edition", "year_from", "year_to", "is_latest", "length_km", "includes", "series", "note",
    "url",
]  # fmt: skip


def _includes_ok(s: pd.Series) -> pd.Series:
    return s.map(lambda v: bool(v) and all(p in INCLUDES for p in v.split(";")))


def _years_ordered(frame: pd.DataFrame) -> pd.Series:
    ok = []
    for a, b in zip(frame["year_from"], frame["year_to"], strict=True):
        ok.append(not (a.isdigit() and b.isdigit()) or int(a) <= int(b))
    return pd.Series(ok, index=frame.index, name="year_to")


def _one_per_series(frame: pd.DataFrame) -> pd.Series:
    seen: set[tuple[str, str, str]] = set()
    ok = []
    for c, n, series in zip(
        frame["country_iso3"], frame["neighbor_iso3"], frame["series"], strict=True
    ):
        row_ok = True
        for s in (x for x in series.split(";") if x):
            key = (c, n, s)
            row_ok = row_ok and key not in seen
            seen.add(key)
        ok.append(row_ok)
    return pd.Series(ok, index=frame.index, name="series")


_YEAR = r"^(|19\d\d|20\d\d|2100)$"

_FIGURES = pa.DataFrameSchema(
    text_columns(
        _FIGURE_COLUMNS,
        {
            "figure_id": required(),
            "country_iso3": country_code(),
            "neighbor_iso3": country_code(),
            "neighbor_name": required(),
            "source_kind": one_of(SOURCE_KINDS),
            "source": required(),
            "edition": required(),
            "year_from": matches(_YEAR, "must be a year between 1900 and 2100"),
            "year_to": matches(_YEAR, "must be a year between 1900 and 2100"),
            "is_latest": one_of(("True", "False", "true", "false")),
            "length_km": number(),
            "includes": pa.Check(_includes_ok, error="parts must be among " + ", ".join(INCLUDES)),
            "series": matches(
                r"^([A-Za-z0-9_-]+(;[A-Za-z0-9_-]+)*)?$",
                "series names must be letters, digits, '-' or '_'",
            ),
            "url": urls(),
        },
        unique=["figure_id"],
    ),
    checks=[
        frame_check(_years_ordered, "year_to", "is before year_from"),
        frame_check(
            _one_per_series, "series", "a like-for-like series holds one figure per border"
        ),
    ],
)


def _parse_figures(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["is_latest"] = out["is_latest"].str.lower() == "true"
    out["length_km"] = out["length_km"].astype(float)
    out["series"] = out["series"].map(lambda v: tuple(s for s in v.split(";") if s))
    for col in ("year_from", "year_to"):
        out[col] = pd.array([int(v) if v else None for v in out[col]], dtype="Int64")
    return out


def border_figures(
    country: str | None = None,
    *,
    series: str | None = None,
    latest_only: bool = False,
    path: str | Path | None = None,
) -> pd.DataFrame:
    """Published land-border lengths by country, neighbour, source and edition.

    Columns: ``figure_id``, ``country_iso3``, ``neighbor_iso3``, ``neighbor_name``,
    ``source_kind``, ``source``, ``edition``, ``year_from``, ``year_to``,
    ``is_latest`` (latest figure of that source for that border), ``length_km``,
    ``includes`` (``;``-joined parts among land, rivers, lakes, sea, unspecified),
    ``series`` (tuple of like-for-like sets the figure belongs to), ``note``, ``url``.

    Parameters
    ----------
    country
        Keep one country's borders (a code or name, resolved by
        :func:`analysis.countries.resolve`).
    series
        Keep only figures in this like-for-like series (see :func:`border_series`).
    latest_only
        Keep only each source's latest figure.
    path
        Read this CSV instead of the packaged table.

    Examples
    --------
    >>> cia = border_figures("RUS", series="cia_factbook_latest")
    >>> int(cia["length_km"].sum())
    2626
    """
    f = load_table("border_figures.csv", _FIGURES, _parse_figures, path)
    if country is not None:
        f = f[f["country_iso3"] == resolve_country(country).code]
    if series is not None:
        f = f[f["series"].map(lambda s: series in s)]
    if latest_only:
        f = f[f["is_latest"]]
    return f.reset_index(drop=True)


_FACTBOOK = pa.DataFrameSchema(
    text_columns(
        [
            "country_code",
            "neighbor_code",
            "neighbor_name",
            "length_km",
            "country_total_km",
            "factbook_file",
            "commit",
            "commit_date",
            "source",
            "url",
            "note",
        ],  # fmt: skip
        {
            "country_code": country_code(),
            "neighbor_code": country_code(),
            "neighbor_name": required(),
            "length_km": number(),
            "country_total_km": number(),
            "factbook_file": required(),
            "commit": matches(r"^[0-9a-f]{40}$", "must be a 40-digit git commit"),
            "source": required(),
            "url": urls(),
        },
    ),
)


def _parse_factbook(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["length_km"] = out["length_km"].astype(float)
    out["country_total_km"] = out["country_total_km"].astype(float)
    return out


def factbook_borders(
    country: str | None = None, *, combine: bool = True, path: str | Path | None = None
) -> pd.DataFrame:
    """The CIA World Factbook's land boundaries of every country, as printed on each page.

    Each border appears twice, once from each side (``country_code`` is the page).
    A border printed in pieces (Russia–China: 4,133 and 46 km) is summed when
    ``combine`` is true.  Columns: ``country_code``, ``neighbor_code``,
    ``neighbor_name``, ``length_km``, ``country_total_km``, ``factbook_file``,
    ``commit``, ``commit_date``, ``source``, ``url``, ``note``.

    Examples
    --------
    >>> fb = factbook_borders("RUS").set_index("neighbor_code")
    >>> fb.loc["KAZ", "length_km"], fb.loc["CHN", "length_km"]
    (np.float64(7644.0), np.float64(4179.0))
    """
    f = load_table("factbook_borders.csv", _FACTBOOK, _parse_factbook, path)
    if country is not None:
        f = f[f["country_code"] == resolve_country(country).code]
    if combine:
        keys = ["country_code", "neighbor_code"]
        lengths = f.groupby(keys, sort=False)["length_km"].sum()
        f = f.drop_duplicates(keys).set_index(keys)
        f["length_km"] = lengths
        f = f.reset_index()
    return f.reset_index(drop=True)


def border_series(country: str = "RUS") -> list[str]:
    """The like-for-like series of published figures for ``country``, in catalogue order.

    Examples
    --------
    >>> border_series()[0]
    'cia_factbook_latest'
    """
    f = border_figures(country)
    present = {s for lst in f["series"] for s in lst}
    catalogue = border_sources()
    ordered = [s for s in catalogue["series"] if s and s in present]
    return ordered + sorted(present - set(ordered))


@dataclass(frozen=True)
class BorderRatio:
    """A country's land border with a group of states before and after a change.

    Attributes
    ----------
    series, label, source_kind
        Which like-for-like figures were used (labels from :func:`border_sources`).
    before_km, after_km
        Summed lengths; ``nan`` when a needed border is missing from the series.
    ratio
        ``after_km / before_km``.
    missing
        Borders the series lacks (the ratio is then not computed).
    figures
        The rows used (neighbour, length, source, url).
    """

    series: str
    label: str
    source_kind: str
    before_km: float
    after_km: float
    ratio: float
    missing: tuple[str, ...]
    figures: pd.DataFrame

    def margin_km(self, factor: float = 2.0) -> float:
        """Kilometres above (positive) or below (negative) ``factor`` × the before length.

        Examples
        --------
        >>> r = published_ratio("cia_factbook_latest", ["NOR", "EST", "LVA", "LTU", "POL"],
        ...                     ["NOR", "EST", "LVA", "LTU", "POL", "FIN"])
        >>> r.margin_km()
        -8.0
        """
        return self.after_km - factor * self.before_km


def _series_label(series: str) -> tuple[str, str]:
    cat = border_sources()
    hit = cat[cat["series"] == series]
    if hit.empty:
        return series, "other"
    return str(hit.iloc[0]["label"]), str(hit.iloc[0]["source_kind"])


def _codes(values: Iterable[str], name: str) -> list[str]:
    """Resolve a collection of country codes or names (not a bare string) to codes."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise BadInputError(f"{name} must be a collection of country codes, not {values!r:.60}")
    return [resolve_country(v).code for v in values]


def published_ratio(
    series: str, before: Iterable[str], after: Iterable[str], country: str = "RUS"
) -> BorderRatio:
    """Sum one like-for-like series of published figures before and after a change.

    Parameters
    ----------
    series
        A series from :func:`border_series`.
    before, after
        Neighbours (codes or names) counted before and after, e.g. the NATO members bordering
        Russia before and after Finland joined.
    country
        The country whose border is measured.

    Examples
    --------
    >>> r = published_ratio("wikipedia_en", ["NOR", "EST", "LVA", "LTU", "POL"],
    ...                     ["NOR", "EST", "LVA", "LTU", "POL", "FIN"])
    >>> round(r.before_km, 1), round(r.after_km, 1), round(r.ratio, 3)
    (1210.6, 2550.6, 2.107)
    """
    b, a = _codes(before, "before"), _codes(after, "after")
    known = border_series(country)
    if series not in known:
        raise BadInputError(f"unknown border series {series!r:.40}; known: {', '.join(known)}")
    f = border_figures(country, series=series)
    lengths = dict(zip(f["neighbor_iso3"], f["length_km"], strict=True))
    missing = tuple(sorted({c for c in b + a if c not in lengths}))
    if missing:
        before_km = after_km = ratio = float("nan")
    else:
        before_km = float(sum(lengths[c] for c in b))
        after_km = float(sum(lengths[c] for c in a))
        ratio = after_km / before_km if before_km > 0 else float("nan")
    used = f[f["neighbor_iso3"].isin(set(b) | set(a))][
        ["neighbor_iso3", "length_km", "includes", "source", "edition", "url"]
    ].reset_index(drop=True)
    label, kind = _series_label(series)
    return BorderRatio(series, label, kind, before_km, after_km, ratio, missing, used)


def published_ratios(
    before: Iterable[str], after: Iterable[str], country: str = "RUS"
) -> pd.DataFrame:
    """:func:`published_ratio` for every series of ``country``, one row each.

    Columns: ``series``, ``label``, ``source_kind``, ``before_km``, ``after_km``,
    ``ratio``, ``margin_km`` (after − 2 × before), ``missing``.

    Examples
    --------
    >>> t = published_ratios(["NOR", "EST", "LVA", "LTU", "POL"],
    ...                      ["NOR", "EST", "LVA", "LTU", "POL", "FIN"])
    >>> round(float(t.set_index("series").loc["cia_factbook_latest", "ratio"]), 3)
    1.994
    """
    b, a = list(before), list(after)
    recs = []
    for s in border_series(country):
        r = published_ratio(s, b, a, country)
        recs.append(
            {
                "series": s, "label": r.label, "source_kind": r.source_kind,
                "before_km": r.before_km, "after_km": r.after_km, "ratio": r.ratio,
                "margin_km": r.margin_km(), "missing": ", ".join(r.missing),
            }
        )  # fmt: skip
    return pd.DataFrame(
        recs,
        columns=[
            "series",
            "label",
            "source_kind",
            "before_km",
            "after_km",
            "ratio",
            "margin_km",
            "missing",
        ],  # fmt: skip
    )
