"""Shared land borders from Natural Earth polygons, measured geodesically on WGS84.

Neighbouring Natural Earth polygons share identical vertices, so a land border
is the set of boundary *segments* (pairs of consecutive ring vertices) that
occur in the rings of exactly two countries.  :func:`_topology` finds them all
at once with numpy: every segment of every ring is keyed by its two endpoints
(rounded to 1e-9°, endpoint order normalised), the keys are sorted, and keys
owned by two countries are the shared segments.  Their geodesic lengths
(``pyproj.Geod(ellps="WGS84")``) are summed per pair.  This reads the topology
implicit in the data instead of intersecting huge boundaries pair by pair.

Artificial edges are never border or perimeter: segments lying on the ±180°
meridian (where Natural Earth cuts Chukotka and Fiji), segments jumping across
it, and segments along the south-pole latitude of Antarctica.

Line-only rulers (``"osm"``, Russia's borders from OpenStreetMap) have no
polygons and so no topology: :func:`shared_border`, :func:`land_borders` and
:func:`border_lines` read their stored lines (:mod:`analysis.geo.finer`), and a
country they do not cover is a one-line :class:`~analysis.errors.BadInputError`.
"""

from __future__ import annotations

import threading
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiLineString
from shapely.geometry.base import BaseGeometry

from analysis.errors import BadInputError
from analysis.geo import finer
from analysis.geo.catalogue import get_ruler, require_covers, require_polygons
from analysis.geo.geodesy import GEOD, geodesic_lengths_m
from analysis.geo.layers import layer, resolve_country

__all__ = [
    "GEOD",
    "SharedBorder",
    "Topology",
    "artificial_mask",
    "border_lines",
    "border_matrix",
    "clear_cache",
    "geodesic_lengths_m",
    "land_borders",
    "perimeter",
    "ring_segments",
    "shared_border",
    "topology",
]

_LOCK = threading.RLock()

_QUANT = 1e9  # key resolution: 1e-9 degree (0.1 mm)


@dataclass(frozen=True)
class SharedBorder:
    """The land boundary shared by two countries.

    Attributes
    ----------
    a, b
        ``iso3`` codes, in the order asked.
    scale
        The ruler the border was measured on (see :func:`analysis.geo.rulers`).
    geometry
        The shared line(s) as a LineString or MultiLineString (empty when the two
        countries are not neighbours), lon/lat EPSG:4326, merged into maximal lines.
    length_km
        Geodesic length on the WGS84 ellipsoid in kilometres.
    trusted
        False when the ruler's own data mark this border as not to be trusted
        (only line rulers such as ``"osm"`` do); :attr:`reason` says why.
    reason
        Why a border of a line ruler is or is not trusted (empty on polygon layers).

    Examples
    --------
    >>> sb = shared_border("Finland", "Russia")
    >>> sb.a, sb.b, round(sb.length_km, -2)
    ('FIN', 'RUS', 1200.0)
    """

    a: str
    b: str
    scale: str
    geometry: BaseGeometry = field(repr=False)
    length_km: float
    trusted: bool = True
    reason: str = field(default="", repr=False)


@dataclass(frozen=True)
class Topology:
    """Every ring segment of one polygon layer, with the shared ones grouped by pair.

    Built by :func:`topology`; ``pairs`` has one row per pair of countries
    sharing a line (ids ``a`` < ``b`` into ``iso3``) with its ``length_km``.

    Examples
    --------
    >>> t = topology(np.array(["A", "B"]), np.array(["A", "B"]),
    ...              np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)]))
    >>> t.pairs[["a", "b"]].values.tolist(), round(float(t.pairs["length_km"].iloc[0]))
    ([[0, 1]], 111)
    """

    iso3: np.ndarray  # country codes, index = country id
    names: np.ndarray
    seg: np.ndarray  # (n, 4) lon1, lat1, lon2, lat2 of every non-artificial segment
    owner: np.ndarray  # (n,) country id
    internal: np.ndarray  # (n,) segment occurs twice in the same country
    shared_idx: np.ndarray  # indices into seg of segments shared by two countries
    pair_a: np.ndarray  # country id (smaller) per shared segment
    pair_b: np.ndarray  # country id (larger) per shared segment
    shared_m: np.ndarray  # geodesic length in metres per shared segment
    pairs: pd.DataFrame = field(repr=False)  # a, b (ids), length_km; one row per pair

    def index_of(self, iso3: str) -> int:
        """Position of ``iso3`` in the (sorted) ``iso3`` array.

        Examples
        --------
        >>> topology(np.array(["A", "B"]), np.array(["A", "B"]),
        ...          np.array([shapely.box(0, 0, 1, 1), shapely.box(2, 0, 3, 1)])).index_of("B")
        1
        """
        return int(np.searchsorted(self.iso3, iso3))

    def matrix(self) -> pd.DataFrame:
        """Every pair sharing a line: ``a_iso3``, ``a_name``, ``b_iso3``, ``b_name``, ``length_km``.

        Examples
        --------
        >>> topology(np.array(["A", "B"]), np.array(["a", "b"]),
        ...          np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)])
        ...          ).matrix()["b_name"].tolist()
        ['b']
        """
        a = self.pairs["a"].to_numpy()
        b = self.pairs["b"].to_numpy()
        return pd.DataFrame(
            {
                "a_iso3": self.iso3[a].astype(object),
                "a_name": self.names[a].astype(object),
                "b_iso3": self.iso3[b].astype(object),
                "b_name": self.names[b].astype(object),
                "length_km": self.pairs["length_km"].to_numpy(dtype=float),
            }
        )


def artificial_mask(seg: np.ndarray) -> np.ndarray:
    """Flag segments that are map artefacts rather than real boundary.

    A segment is artificial when both ends lie on the ±180° meridian, when it
    jumps across it (|Δlon| > 180°), or when both ends lie at the south pole
    latitude (Antarctica's closing edge).

    Parameters
    ----------
    seg
        Array of shape ``(n, 4)``: lon1, lat1, lon2, lat2 in degrees.

    Examples
    --------
    >>> artificial_mask(np.array([[180, 60, 180, 61], [179, 60, 180, 60.5]])).tolist()
    [True, False]
    """
    seg = np.asarray(seg, dtype=np.float64).reshape(-1, 4)
    on_am = (np.abs(np.abs(seg[:, 0]) - 180.0) < 1e-7) & (np.abs(np.abs(seg[:, 2]) - 180.0) < 1e-7)
    jump = np.abs(seg[:, 2] - seg[:, 0]) > 180.0
    pole = (seg[:, 1] < -89.9999) & (seg[:, 3] < -89.9999)
    return on_am | jump | pole


def ring_segments(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return every ring segment of an array of (Multi)Polygons with its owner index.

    Parameters
    ----------
    geoms
        1-D array of shapely Polygons/MultiPolygons.

    Returns
    -------
    seg, owner
        ``seg`` has shape ``(n, 4)`` (lon1, lat1, lon2, lat2), zero-length
        segments dropped; ``owner[i]`` is the position in ``geoms``.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> seg, owner = ring_segments(np.array([box(0, 0, 1, 1)]))
    >>> seg.shape, owner.tolist()
    ((4, 4), [0, 0, 0, 0])
    """
    seg, owner, _ = _segments(geoms)
    return seg, owner


def _segments(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`ring_segments` plus a flag per segment: may it be shared (or interior)?

    A segment can occur in two rings only if both its ends are vertices of two
    rings or more.  Vertices are keyed exactly (:func:`_vertex_keys`) and sorted
    once; a vertex whose key repeats is flagged.  Each ring's closing vertex
    repeats its first one, so that vertex is always flagged: a few extra
    candidates, never a missed one.
    """
    parts, part_owner = shapely.get_parts(np.asarray(geoms, dtype=object), return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords, ring_idx = shapely.get_coordinates(rings, return_index=True)
    vkey = _vertex_keys(coords[:, 0], coords[:, 1])
    order = np.argsort(vkey)
    sk = vkey[order]
    dup = sk[1:] == sk[:-1]
    flag_sorted = np.zeros(len(sk), dtype=bool)
    flag_sorted[1:] |= dup
    flag_sorted[:-1] |= dup
    flag_sorted |= sk == -1  # out of lon/lat range: never skipped
    flag = np.empty(len(sk), dtype=bool)
    flag[order] = flag_sorted
    same = ring_idx[:-1] == ring_idx[1:]
    seg = np.hstack([coords[:-1][same], coords[1:][same]])
    owner = part_owner[ring_part[ring_idx[:-1][same]]]
    maybe = (flag[:-1] & flag[1:])[same]
    keep = (seg[:, 0] != seg[:, 2]) | (seg[:, 1] != seg[:, 3])
    return seg[keep], owner[keep], maybe[keep]


def _segment_keys(seg: np.ndarray) -> np.ndarray:
    """Integer keys (n, 4) with the two endpoints in a canonical order."""
    q = np.round(seg * _QUANT).astype(np.int64)
    p1, p2 = q[:, :2], q[:, 2:]
    swap = (p1[:, 0] > p2[:, 0]) | ((p1[:, 0] == p2[:, 0]) & (p1[:, 1] > p2[:, 1]))
    first = np.where(swap[:, None], p2, p1)
    second = np.where(swap[:, None], p1, p2)
    return np.hstack([first, second])


_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
    dtype=np.uint64,
)


def _group_keys(keys: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sort rows so equal keys are adjacent (owners ascending within a key).

    Sorts on a 64-bit mix of the four key columns (3× faster than a 5-key
    lexsort) and checks the result; on a hash collision between different keys
    it falls back to the exact lexsort.  Returns the order and a flag per sorted
    row that is True where a new key starts.
    """
    mixed = keys.view(np.uint64) * _MIX
    h = mixed[:, 0] ^ mixed[:, 1] ^ mixed[:, 2] ^ mixed[:, 3]
    # owner ids go in the low bits, so one argsort orders by (hash, owner)
    bits = np.uint64(max(1, int(owner.max(initial=0)).bit_length()))
    hk = (h >> bits) << bits | owner.astype(np.uint64)
    order = np.argsort(hk, kind="stable")
    k = keys[order]
    new_key = np.ones(len(k), dtype=bool)
    new_key[1:] = np.any(k[1:] != k[:-1], axis=1)
    hs = hk[order] >> bits
    if np.any(new_key[1:] & (hs[1:] == hs[:-1])):  # collision: different keys, same hash
        order = np.lexsort((owner, keys[:, 3], keys[:, 2], keys[:, 1], keys[:, 0]))
        k = keys[order]
        new_key[1:] = np.any(k[1:] != k[:-1], axis=1)
    return order, new_key


def _vertex_keys(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """One int64 per vertex: lon and lat at 1e-7° packed side by side (exact, no hash).

    Coordinates outside the lon/lat range all get the key -1, and their segments
    always stay candidates.
    """
    lonq = np.round(np.asarray(lon) * 1e7).astype(np.int64) + 1_800_000_000
    latq = np.round(np.asarray(lat) * 1e7).astype(np.int64) + 900_000_000
    ok = (lonq >= 0) & (lonq < 1 << 32) & (latq >= 0) & (latq < 1 << 31)
    return np.where(ok, (lonq << 31) | latq, -1)


@lru_cache(maxsize=8)
def _topology(scale: str) -> Topology:
    lay = layer(scale, "the border topology")
    iso3 = lay.frame["iso3"].to_numpy(dtype=str)
    names = lay.frame["name"].to_numpy(dtype=str)
    return topology(iso3, names, lay.raw)


def topology(iso3: np.ndarray, names: np.ndarray, geoms: np.ndarray) -> Topology:
    """Find every shared boundary segment of a coverage of (Multi)Polygons.

    Parameters
    ----------
    iso3, names
        Codes (sorted ascending) and display names, one per geometry.
    geoms
        The polygons, rings as in the source (neighbours must share vertices).

    Returns
    -------
    Topology

    Examples
    --------
    >>> t = topology(np.array(["A", "B"]), np.array(["A", "B"]),
    ...              np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0.5, 2, 1)]))
    >>> len(t.pairs)  # B touches half of A's edge, but A has no vertex at y=0.5
    0
    """
    seg, owner, maybe = _segments(geoms)
    real = ~artificial_mask(seg)
    seg, owner, maybe = seg[real], owner[real], maybe[real]
    # Only a segment whose two ends are vertices of two rings can be shared (or
    # interior): about one in eight, so the exact grouping sorts an eighth of the rows.
    cand = np.flatnonzero(maybe)
    c_owner = owner[cand]
    keys = _segment_keys(seg[cand])
    order, new_key = _group_keys(keys, c_owner)
    o = c_owner[order]
    gid = np.cumsum(new_key) - 1
    # the same segment twice in one country (two parts touching) is interior
    dup_owner = np.zeros(len(o), dtype=bool)
    dup_owner[1:] = (~new_key[1:]) & (o[1:] == o[:-1])
    internal_sorted = np.zeros(len(o), dtype=bool)
    internal_sorted[dup_owner] = True
    internal_sorted[:-1] |= dup_owner[1:]
    internal = np.zeros(len(seg), dtype=bool)
    internal[cand[order]] = internal_sorted
    # distinct owners per key
    first = ~dup_owner
    owners_per_key = np.bincount(gid[first], minlength=int(gid[-1]) + 1 if len(gid) else 0)
    rows_a: list[np.ndarray] = []
    rows_b: list[np.ndarray] = []
    rows_s: list[np.ndarray] = []
    idx_first = np.flatnonzero(first)
    g_first = gid[idx_first]
    multi_owner = owners_per_key[g_first] >= 2
    idx_first, g_first = idx_first[multi_owner], g_first[multi_owner]
    # rows of one key are consecutive; pair every owner with every later owner
    start = np.flatnonzero(np.r_[True, g_first[1:] != g_first[:-1]])
    counts = np.diff(np.r_[start, len(g_first)])
    max_count = int(counts.max()) if len(counts) else 0
    for i in range(max_count):
        for j in range(i + 1, max_count):
            sel = counts > j
            pa = idx_first[start[sel] + i]
            pb = idx_first[start[sel] + j]
            rows_a.append(o[pa])
            rows_b.append(o[pb])
            rows_s.append(cand[order[pa]])
    if rows_a:
        pair_a = np.concatenate(rows_a)
        pair_b = np.concatenate(rows_b)
        shared_idx = np.concatenate(rows_s)
    else:
        pair_a = pair_b = shared_idx = np.zeros(0, dtype=np.int64)
    lo, hi = np.minimum(pair_a, pair_b), np.maximum(pair_a, pair_b)
    shared_m = geodesic_lengths_m(seg[shared_idx])
    pairs = (
        pd.DataFrame({"a": lo, "b": hi, "length_km": shared_m / 1000.0})
        .groupby(["a", "b"], sort=True)["length_km"]
        .sum()
        .reset_index()
    )
    return Topology(
        iso3=iso3,
        names=names,
        seg=seg,
        owner=owner,
        internal=internal,
        shared_idx=shared_idx,
        pair_a=lo,
        pair_b=hi,
        shared_m=shared_m,
        pairs=pairs,
    )


def _lines(seg: np.ndarray) -> BaseGeometry:
    """Merge segments into maximal LineStrings (empty MultiLineString if none)."""
    if len(seg) == 0:
        return MultiLineString()
    lines = shapely.linestrings(seg.reshape(-1, 2, 2))
    return shapely.line_merge(shapely.multilinestrings(lines))


def _line_border(home: str, other: str, scale: str) -> SharedBorder:
    """A border of a line ruler; ``home`` is a covered country."""
    rows = finer.border_rows(scale, home)
    hit = rows[rows["neighbor_iso3"] == other]
    if hit.empty:
        return SharedBorder(home, other, scale, MultiLineString(), 0.0)
    row = hit.iloc[0]
    return SharedBorder(
        home,
        other,
        scale,
        row.geometry,
        float(row["length_km"]),
        trusted=bool(row["trusted"]),
        reason=str(row["reason"]),
    )


def shared_border(a: str, b: str, scale: str = "10m") -> SharedBorder:
    """Return the land border shared by two countries and its geodesic length.

    Whole MultiPolygons are used, so exclaves count (Kaliningrad gives Russia its
    borders with Lithuania and Poland).  Only linear contact counts: countries
    touching at a single point share a border of length 0.  Artificial ±180°
    edges are never border.

    Parameters
    ----------
    a, b
        Countries as ISO codes or common names (see :func:`resolve_country`).
    scale
        A ruler id (see :func:`analysis.geo.rulers`): ``"10m"``, ``"50m"``,
        ``"110m"`` (Natural Earth 5.1.1), the extras ``"50m-ne4"``/``"110m-ne4"``,
        or ``"osm"`` when one of the two is Russia.

    Returns
    -------
    SharedBorder
        ``length_km`` is 0.0 and ``geometry`` empty for non-neighbours.  On a
        line ruler, ``trusted`` and ``reason`` come from its data.

    Raises
    ------
    UnknownCountryError
        A country that does not resolve.
    BadInputError
        Unknown scale, ``a`` and ``b`` are the same country, or a line ruler
        that covers neither.

    Examples
    --------
    >>> round(shared_border("RUS", "POL").length_km)  # Kaliningrad
    206
    >>> shared_border("Portugal", "Russia").length_km
    0.0
    >>> sb = shared_border("Finland", "Russia", "osm")
    >>> round(sb.length_km, -1), sb.trusted
    (1280.0, True)
    """
    r = get_ruler(scale)
    ia3, ib3 = resolve_country(a, scale), resolve_country(b, scale)
    if ia3 == ib3:
        raise BadInputError(f"a country does not border itself: {a!r} and {b!r} are both {ia3}")
    if r.kind == "lines":
        require_covers(scale, ia3, ib3)
        if r.covers_country(ia3):
            return _line_border(ia3, ib3, scale)
        sb = _line_border(ib3, ia3, scale)
        return SharedBorder(ia3, ib3, scale, sb.geometry, sb.length_km, sb.trusted, sb.reason)
    with _LOCK:
        topo = _topology(scale)
    ia, ib = topo.index_of(ia3), topo.index_of(ib3)
    lo, hi = min(ia, ib), max(ia, ib)
    sel = (topo.pair_a == lo) & (topo.pair_b == hi)
    seg = topo.seg[topo.shared_idx[sel]]
    length = float(topo.shared_m[sel].sum()) / 1000.0
    return SharedBorder(a=ia3, b=ib3, scale=scale, geometry=_lines(seg), length_km=length)


def _warn_untrusted(scale: str, home: str, rows: pd.DataFrame) -> None:
    left = rows[~rows["trusted"]]
    if left.empty:
        return
    pairs = zip(left["neighbor_iso3"], left["reason"], strict=True)
    parts = "; ".join(f"{home}–{n}: {why.split(';')[0]}" for n, why in pairs)
    warnings.warn(
        f"ruler {scale!r} leaves out untrusted border(s) ({parts}); "
        "pass include_untrusted=True to see them",
        finer.UntrustedBorderWarning,
        stacklevel=4,
    )


def _line_table(country: str, scale: str, include_untrusted: bool) -> gpd.GeoDataFrame:
    home = resolve_country(country, scale)
    require_covers(scale, home)
    rows = finer.border_rows(scale, home)
    if not include_untrusted:
        _warn_untrusted(scale, home, rows)
        rows = rows[rows["trusted"]]
    rows = rows.sort_values(["length_km", "neighbor_iso3"], ascending=[False, True], kind="stable")
    return rows[
        ["neighbor_iso3", "neighbor_name", "length_km", "trusted", "reason", "geometry"]
    ].reset_index(drop=True)


def land_borders(
    country: str, scale: str = "10m", *, include_untrusted: bool = False
) -> pd.DataFrame:
    """Return every land neighbour of a country with the shared length.

    Parameters
    ----------
    country
        ISO code or common name.
    scale
        A ruler id (see :func:`analysis.geo.rulers`); ``"osm"`` covers Russia only.
    include_untrusted
        Line rulers only: keep the borders their data mark as untrusted (with
        ``trusted`` False).  By default they are left out with an
        :class:`~analysis.geo.finer.UntrustedBorderWarning` naming each and why,
        so they are never summed silently.

    Returns
    -------
    pandas.DataFrame
        Columns ``neighbor_iso3``, ``neighbor_name``, ``length_km``, sorted by
        length, longest first (ties by code); a line ruler adds ``trusted`` and
        ``reason``.  Empty for islands.

    Raises
    ------
    BadInputError
        Unknown ruler, or a line ruler that does not cover ``country``.

    Examples
    --------
    >>> lb = land_borders("Norway")
    >>> lb["neighbor_iso3"].tolist()
    ['SWE', 'FIN', 'RUS']
    >>> land_borders("Russia", "osm", include_untrusted=True).columns.tolist()
    ['neighbor_iso3', 'neighbor_name', 'length_km', 'trusted', 'reason']
    """
    if get_ruler(scale).kind == "lines":
        return pd.DataFrame(_line_table(country, scale, include_untrusted).drop(columns="geometry"))
    iso = resolve_country(country, scale)
    with _LOCK:
        topo = _topology(scale)
    i = topo.index_of(iso)
    p = topo.pairs
    mine = p[(p["a"] == i) | (p["b"] == i)]
    other = np.where(mine["a"].to_numpy() == i, mine["b"].to_numpy(), mine["a"].to_numpy())
    out = pd.DataFrame(
        {
            "neighbor_iso3": topo.iso3[other].astype(object),
            "neighbor_name": topo.names[other].astype(object),
            "length_km": mine["length_km"].to_numpy(dtype=float),
        }
    )
    out = out.sort_values(["length_km", "neighbor_iso3"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def border_lines(
    country: str, scale: str = "10m", *, include_untrusted: bool = False
) -> gpd.GeoDataFrame:
    """Return a country's land borders as lines, one row per neighbour, for mapping.

    Parameters
    ----------
    country
        ISO code or common name.
    scale
        A ruler id (see :func:`analysis.geo.rulers`); ``"osm"`` covers Russia only.
    include_untrusted
        As in :func:`land_borders`.

    Returns
    -------
    geopandas.GeoDataFrame
        :func:`land_borders` with a ``geometry`` column holding each shared line
        (EPSG:4326).

    Examples
    --------
    >>> lines = border_lines("Norway", "110m")
    >>> lines.crs.to_epsg(), lines.geom_type.isin(["LineString", "MultiLineString"]).all()
    (4326, np.True_)
    """
    if get_ruler(scale).kind == "lines":
        return _line_table(country, scale, include_untrusted)
    table = land_borders(country, scale)
    home = resolve_country(country, scale)
    geoms = [shared_border(home, n, scale).geometry for n in table["neighbor_iso3"]]
    return gpd.GeoDataFrame(table, geometry=geoms, crs="EPSG:4326")


def border_matrix(scale: str = "10m") -> pd.DataFrame:
    """Return every pair of countries sharing a land boundary, with its length.

    Parameters
    ----------
    scale
        A world polygon ruler: ``"10m"``, ``"50m"``, ``"110m"``, ``"50m-ne4"``,
        ``"110m-ne4"``.

    Returns
    -------
    pandas.DataFrame
        Columns ``a_iso3``, ``a_name``, ``b_iso3``, ``b_name``, ``length_km``; one
        row per unordered pair with ``a_iso3 < b_iso3``, sorted by ``a_iso3`` then
        ``b_iso3``.

    Raises
    ------
    BadInputError
        Unknown ruler, or a line ruler (it has no world).

    Examples
    --------
    >>> m = border_matrix("110m")
    >>> bool((m["a_iso3"] < m["b_iso3"]).all()), bool((m["length_km"] > 0).all())
    (True, True)
    """
    require_polygons(scale, "border_matrix")
    with _LOCK:
        return _topology(scale).matrix()


def perimeter(country: str, scale: str = "10m") -> float:
    """Return the geodesic length in km of a country's whole outline.

    Every ring of every part counts (coasts, lake shores of enclosed holes, land
    borders); artificial ±180° and south-pole edges and edges shared between two
    parts of the same country do not.

    Parameters
    ----------
    country
        ISO code or common name.
    scale
        A world polygon ruler (``"osm"`` has no outlines).

    Examples
    --------
    >>> perimeter("Russia") > sum(land_borders("Russia")["length_km"])
    True
    """
    require_polygons(scale, "perimeter")
    iso = resolve_country(country, scale)
    with _LOCK:
        topo = _topology(scale)
    sel = (topo.owner == topo.index_of(iso)) & ~topo.internal
    return float(geodesic_lengths_m(topo.seg[sel]).sum()) / 1000.0


def clear_cache() -> None:
    """Forget every computed topology (the layers stay loaded).

    Examples
    --------
    >>> clear_cache()
    """
    with _LOCK:
        _topology.cache_clear()
