"""Richardson's divider method: how a border's length depends on the ruler.

Lewis Fry Richardson (1961) walked dividers of fixed opening *s* along land
borders and found the measured length follows ``L(s) = F · s^(1 − D)``, with D
the border's fractal dimension (1 for a smooth curve).  Here the dividers walk
each connected line of a Natural Earth shared border: from the current point,
the next point is the first point further along the line whose *geodesic*
(WGS84) distance from it equals the step; the last, shorter piece up to the
line's end is added as is.  The walk is deterministic (always from each line's
first vertex).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from analysis.errors import BadInputError
from analysis.geo.borders import shared_border
from analysis.geo.catalogue import check_scale
from analysis.geo.finer import UntrustedBorderWarning
from analysis.geo.geodesy import GEOD
from analysis.geo.layers import resolve_country

DEFAULT_STEPS_KM: tuple[float, ...] = (100.0, 50.0, 20.0, 10.0, 5.0, 2.0, 1.0)
"""Divider openings used unless others are given, coarse to fine."""

_R_KM = 6371.0088


@dataclass(frozen=True)
class RichardsonResult:
    """Lengths of one border measured with dividers of several openings.

    Attributes
    ----------
    a, b, scale
        The border measured (``iso3`` codes) and the ruler (see :func:`analysis.geo.rulers`).
    table
        DataFrame with ``step_km``, ``length_km`` and ``n_steps`` (whole steps
        taken), one row per opening in the order given.
    D, F
        Fitted ``L(s) = F · s^(1 − D)`` (least squares on log L against log s,
        using the openings shorter than the border); NaN if fewer than two.
    full_length_km
        The vertex-to-vertex geodesic length (the limit of a vanishing step).

    Examples
    --------
    >>> r = richardson("FIN", "RUS", steps_km=(50, 20, 10))
    >>> list(r.table.columns), bool(r.D >= 1.0)
    (['step_km', 'length_km', 'n_steps'], True)
    """

    a: str
    b: str
    scale: str
    table: pd.DataFrame = field(repr=False)
    D: float
    F: float
    full_length_km: float


def _dist_km(lon1: float, lat1: float, lon2: np.ndarray, lat2: np.ndarray) -> np.ndarray:
    n = len(lon2)
    _, _, d = GEOD.inv(np.full(n, lon1), np.full(n, lat1), lon2, lat2)
    return np.asarray(d, dtype=np.float64) / 1000.0


def _point_at(p: np.ndarray, a: np.ndarray, b: np.ndarray, step: float) -> np.ndarray:
    """Point on segment a→b at geodesic distance ``step`` km from ``p``.

    ``p`` is within ``step`` of ``a`` and beyond it from ``b``.  A local
    equirectangular solve gives the start; secant iterations on the geodesic
    distance refine it to 1 mm.
    """

    def f(t: float) -> float:
        q = a + t * (b - a)
        return float(_dist_km(p[0], p[1], q[:1], q[1:])[0]) - step

    coslat = np.cos(np.radians(p[1]))
    ax, ay = (a[0] - p[0]) * coslat, a[1] - p[1]
    dx, dy = (b[0] - a[0]) * coslat, b[1] - a[1]
    s_deg = np.degrees(step / _R_KM)
    qa, qb, qc = dx * dx + dy * dy, 2 * (ax * dx + ay * dy), ax * ax + ay * ay - s_deg * s_deg
    disc = max(qb * qb - 4 * qa * qc, 0.0)
    t1 = float(np.clip((-qb + np.sqrt(disc)) / (2 * qa), 0.0, 1.0)) if qa > 0 else 1.0
    lo, hi = 0.0, 1.0  # f(lo) <= 0 < f(hi)
    t, ft = t1, f(t1)
    for _ in range(60):
        if abs(ft) < 1e-6:
            break
        if ft < 0:
            lo = t
        else:
            hi = t
        # secant step from the bracket ends, bisect if it leaves the bracket
        flo, fhi = f(lo), f(hi)
        t_new = lo - flo * (hi - lo) / (fhi - flo) if fhi != flo else 0.5 * (lo + hi)
        if not lo < t_new < hi:
            t_new = 0.5 * (lo + hi)
        t, ft = t_new, f(t_new)
    return a + t * (b - a)


def divider_walk(coords: np.ndarray, step_km: float) -> tuple[int, float]:
    """Walk dividers of opening ``step_km`` along one line of lon/lat vertices.

    Parameters
    ----------
    coords
        Array ``(n, 2)`` of lon, lat in degrees.
    step_km
        Divider opening (geodesic chord), in km, > 0.

    Returns
    -------
    (n_steps, remainder_km)
        Whole steps taken and the geodesic distance from the last divider point
        to the end of the line; the measured length is
        ``n_steps * step_km + remainder_km``.

    Examples
    --------
    >>> line = np.array([[0.0, 0.0], [1.0, 0.0]])  # 111.32 km along the equator
    >>> n, rest = divider_walk(line, 50.0)
    >>> n, round(rest, 2)
    (2, 11.32)
    """
    if not step_km > 0:
        raise BadInputError(f"divider step must be positive, got {step_km!r}")
    coords = np.asarray(coords, dtype=np.float64)
    p = coords[0].copy()
    i = 0  # p lies on segment (i, i+1)
    n = 0
    last = len(coords) - 1
    while i < last:
        # first vertex after i further than the step from p
        j0 = i + 1
        found = -1
        chunk = 64
        while j0 <= last:
            j1 = min(last, j0 + chunk - 1)
            d = _dist_km(p[0], p[1], coords[j0 : j1 + 1, 0], coords[j0 : j1 + 1, 1])
            beyond = np.flatnonzero(d > step_km)
            if len(beyond):
                found = j0 + int(beyond[0])
                break
            j0 = j1 + 1
            chunk *= 4
        if found < 0:
            break
        a = p if found == i + 1 else coords[found - 1]
        p = _point_at(p, a, coords[found], step_km)
        n += 1
        i = found - 1
    rest = float(_dist_km(p[0], p[1], coords[-1:, 0], coords[-1:, 1])[0])
    return n, rest


def _lines_of(geom: object) -> list[np.ndarray]:
    return [np.asarray(g.coords) for g in shapely.get_parts(geom) if not g.is_empty]


def _check_steps(steps_km: Iterable[float]) -> list[float]:
    steps = [float(s) for s in steps_km]
    if not steps or any(not s > 0 or not np.isfinite(s) for s in steps):
        raise BadInputError(f"divider steps must be positive numbers, got {steps!r}")
    return steps


def _measure(geom: object, steps: Sequence[float]) -> pd.DataFrame:
    lines = _lines_of(geom)
    rows = []
    for s in steps:
        total_n, total = 0, 0.0
        for line in lines:
            n, rest = divider_walk(line, s)
            total_n += n
            total += n * s + rest
        rows.append({"step_km": s, "length_km": total, "n_steps": total_n})
    return pd.DataFrame(rows, columns=["step_km", "length_km", "n_steps"])


def fit_richardson(
    step_km: Sequence[float] | np.ndarray, length_km: Sequence[float] | np.ndarray
) -> tuple[float, float]:
    """Fit ``L(s) = F · s^(1 − D)`` by least squares in log–log space.

    Returns
    -------
    (D, F)
        NaN for both with fewer than two distinct positive points.

    Examples
    --------
    >>> s = np.array([1.0, 10.0, 100.0])
    >>> D, F = fit_richardson(s, 500 * s ** (1 - 1.2))
    >>> round(D, 6), round(F, 6)
    (1.2, 500.0)
    """
    s = np.asarray(step_km, dtype=float)
    length = np.asarray(length_km, dtype=float)
    ok = (s > 0) & (length > 0)
    if len(np.unique(s[ok])) < 2:
        return float("nan"), float("nan")
    slope, intercept = np.polyfit(np.log(s[ok]), np.log(length[ok]), 1)
    return float(1.0 - slope), float(np.exp(intercept))


def richardson(
    a: str,
    b: str,
    steps_km: Sequence[float] = DEFAULT_STEPS_KM,
    scale: str = "10m",
) -> RichardsonResult:
    """Measure the border of ``a`` and ``b`` with dividers of each opening.

    Parameters
    ----------
    a, b
        Countries (ISO codes or names).
    steps_km
        Divider openings in km.
    scale
        A ruler id (see :func:`analysis.geo.rulers`), e.g. ``"10m"`` or ``"osm"``.

    Returns
    -------
    RichardsonResult
        The per-step table and the fitted D and F.  Non-neighbours give a
        table of zeros and NaN fit.

    Examples
    --------
    >>> r = richardson("NOR", "RUS", steps_km=(20, 5))
    >>> bool(r.table["length_km"].iloc[0] <= r.table["length_km"].iloc[1] + 1)
    True
    """
    steps = _check_steps(steps_km)
    sb = shared_border(a, b, scale)
    table = _measure(sb.geometry, steps)
    usable = table[table["step_km"] < sb.length_km]
    D, F = fit_richardson(usable["step_km"].to_numpy(), usable["length_km"].to_numpy())
    return RichardsonResult(sb.a, sb.b, scale, table, D, F, sb.length_km)


def richardson_ratio(
    country: str,
    before: Iterable[str],
    after: Iterable[str],
    steps_km: Sequence[float] = DEFAULT_STEPS_KM,
    scale: str = "10m",
) -> pd.DataFrame:
    """Ratio of a country's border with two sets of states, per divider opening.

    Shows how, for example, "Finland doubled Russia's border with NATO" moves as
    the ruler shrinks: the ratio ``after_km / before_km`` for each step.

    Parameters
    ----------
    country
        The country whose border is measured (e.g. ``"RUS"``).
    before, after
        The two sets of states (codes or names); non-neighbours add nothing.
    steps_km
        Divider openings in km.
    scale
        A ruler id (see :func:`analysis.geo.rulers`).  On a line ruler, borders
        its data mark untrusted are left out with an ``UntrustedBorderWarning``.

    Returns
    -------
    pandas.DataFrame
        ``step_km``, ``before_km``, ``after_km``, ``ratio``; a last row with
        ``step_km`` 0 gives the full vertex-to-vertex lengths.

    Examples
    --------
    >>> df = richardson_ratio("RUS", ["NOR"], ["NOR", "FIN"], steps_km=(50,))
    >>> bool(df["ratio"].iloc[0] > 1)
    True
    """
    steps = _check_steps(steps_km)
    check_scale(scale)
    home = resolve_country(country, scale)

    def totals(members: Iterable[str]) -> np.ndarray:
        sums = np.zeros(len(steps) + 1)
        for m in dict.fromkeys(resolve_country(x, scale) for x in members):
            if m == home:
                continue
            sb = shared_border(home, m, scale)
            if sb.length_km == 0:
                continue
            if not sb.trusted:  # never summed silently
                warnings.warn(
                    f"ruler {scale!r}: border {home}–{m} left out, not trusted "
                    f"({sb.reason.split(';')[0]})",
                    UntrustedBorderWarning,
                    stacklevel=3,
                )
                continue
            sums[:-1] += _measure(sb.geometry, steps)["length_km"].to_numpy()
            sums[-1] += sb.length_km
        return sums

    b_km, a_km = totals(before), totals(after)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(b_km > 0, a_km / np.where(b_km > 0, b_km, 1.0), np.nan)
    return pd.DataFrame(
        {"step_km": [*steps, 0.0], "before_km": b_km, "after_km": a_km, "ratio": ratio}
    )


def ratio_by_ruler(
    country: str, before: Iterable[str], after: Iterable[str], *, extras: bool = True
) -> pd.DataFrame:
    """Ratio of a country's border with two sets of states, measured with every ruler.

    The rulers are those of :func:`analysis.geo.rulers` that map the country, from the
    coarsest (1:110m) to the finest; a ruler that leaves out a border it cannot be
    trusted for (OpenStreetMap for Ukraine–Russia) is used only if that border is not
    involved.

    Parameters
    ----------
    country
        The country whose border is measured (e.g. ``"RUS"``).
    before, after
        The two sets of states (codes); non-neighbours add nothing.
    extras
        Include the labelled extras (the published Natural Earth 4.1.0 layers).

    Returns
    -------
    pandas.DataFrame
        One row per ruler, coarse to fine: ``ruler``, ``label``, ``extra``,
        ``before_km``, ``after_km``, ``ratio``.

    Examples
    --------
    >>> t = ratio_by_ruler("RUS", ["NOR"], ["NOR", "FIN"], extras=False)
    >>> t["ruler"].tolist()
    ['110m', '50m', '10m', 'osm']
    """
    from analysis.geo.borders import land_borders
    from analysis.geo.catalogue import rulers

    b, a = list(dict.fromkeys(before)), list(dict.fromkeys(after))
    rows = []
    table = rulers().sort_values("order", ascending=False)
    for r in table.itertuples():
        if r.extra and not extras:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UntrustedBorderWarning)
                lb = land_borders(country, str(r.id))
        except BadInputError:  # the ruler does not cover this country
            continue
        km = dict(zip(lb["neighbor_iso3"], lb["length_km"].astype(float), strict=True))
        if r.kind == "lines" and any(c not in km for c in [*b, *a]):
            continue  # a regional ruler that leaves out a border involved
        before_km = float(sum(km.get(c, 0.0) for c in b))
        after_km = float(sum(km.get(c, 0.0) for c in a))
        rows.append(
            {
                "ruler": r.id,
                "label": r.label,
                "extra": bool(r.extra),
                "before_km": before_km,
                "after_km": after_km,
                "ratio": after_km / before_km if before_km > 0 else float("nan"),
            }
        )
    return pd.DataFrame(rows, columns=["ruler", "label", "extra", "before_km", "after_km", "ratio"])
