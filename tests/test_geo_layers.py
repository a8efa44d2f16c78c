"""Layers: loading, checksums, codes and names, the TopoJSON decoder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from shapely.geometry import Point

import analysis.geo
from analysis._data import listed, sha256, write_checksums
from analysis.errors import BadInputError, DataFileError, UnknownCountryError
from analysis.geo import countries, country_name, land_borders, layers, resolve_country

POLYGON_RULERS = ["10m", "50m", "110m", "50m-ne4", "110m-ne4"]


@pytest.mark.parametrize("scale", POLYGON_RULERS)
def test_layer_shape(scale: str) -> None:
    world = countries(scale)
    assert {"iso3", "name", "geometry"} <= set(world.columns)
    assert world.crs.to_epsg() == 4326
    assert world["iso3"].is_unique
    assert world.geometry.is_valid.all()
    assert set(world.geom_type) <= {"Polygon", "MultiPolygon"}
    for code in ("RUS", "NOR", "FRA", "FIN", "POL", "XKX"):
        assert code in set(world["iso3"]), code
    assert world.total_bounds[0] >= -180.0 and world.total_bounds[2] <= 180.0


def test_10m_has_every_ne_feature_and_kaliningrad() -> None:
    world = countries("10m").set_index("iso3")
    assert len(world) == 250
    assert world.loc["RUS"].geometry.contains(Point(20.5, 54.7))  # Kaliningrad
    assert world.loc["UKR"].geometry.contains(Point(34.1, 44.95))  # Crimea, German POV
    assert world.loc["SSD", "adm0_a3"] == "SDS"


@pytest.mark.parametrize("scale", ["10m", "50m", "110m"])
def test_one_edition_and_point_of_view_at_every_scale(scale: str) -> None:
    """10m, 50m and 110m are all Natural Earth 5.1.1, German point of view."""
    world = countries(scale).set_index("iso3")
    assert len(world) == 250
    assert world.loc["UKR"].geometry.contains(Point(34.1, 44.95))  # Crimea in Ukraine
    assert not world.loc["RUS"].geometry.contains(Point(34.1, 44.95))
    assert world.loc["ESH"].geometry.contains(Point(-13.2, 27.15))  # Laayoune: Western Sahara
    assert "SOL" not in world.index  # Somaliland is part of Somalia in the German view
    assert list(world.index) == list(countries("10m")["iso3"])
    assert analysis.geo.get_ruler(scale).natural_earth == "5.1.1"


@pytest.mark.parametrize("scale", ["50m-ne4", "110m-ne4"])
def test_ne4_extras_keep_the_default_point_of_view(scale: str) -> None:
    world = countries(scale).set_index("iso3")
    assert world.loc["RUS"].geometry.contains(Point(34.1, 44.95))  # Crimea in Russia
    assert world.loc["MAR"].geometry.contains(Point(-13.2, 27.15))  # Western Sahara in Morocco
    assert (
        analysis.geo.get_ruler(scale).extra
        and analysis.geo.get_ruler(scale).natural_earth == "4.1.0"
    )


@pytest.mark.parametrize("scale", ["50m-ne4", "110m-ne4"])
def test_stitched_chukotka_is_cut_not_global(scale: str) -> None:
    world = countries(scale).set_index("iso3")
    russia = world.loc["RUS"].geometry
    for lon, lat in [(-100, 60), (-40, 72), (-18, 65), (15, 62), (-100, 40)]:
        assert not russia.contains(Point(lon, lat))
    assert russia.contains(Point(-175, 66.5))  # Chukotka east of 180°
    assert russia.contains(Point(175, 66.5))
    fake = {"CAN", "GRL", "ISL", "SWE", "USA"}
    assert not fake & set(land_borders("RUS", scale)["neighbor_iso3"])


def test_countries_returns_a_copy() -> None:
    a = countries("110m")
    a.loc[:, "name"] = "x"
    assert countries("110m")["name"].ne("x").all()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("RUS", "RUS"),
        ("rus", "RUS"),
        ("russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("ru", "RUS"),
        ("  Finland ", "FIN"),
        ("nor", "NOR"),
        ("Norway", "NOR"),
        ("France", "FRA"),
        ("Kosovo", "XKX"),
        ("KOS", "XKX"),
        ("SDS", "SSD"),
        ("South Sudan", "SSD"),
        ("Côte d'Ivoire", "CIV"),
        ("cote d'ivoire", "CIV"),
        ("United States of America", "USA"),
        ("UK", "GBR"),
        ("Czech Republic", "CZE"),
    ],
)
def test_resolve_country(value: str, expected: str) -> None:
    assert resolve_country(value) == expected


def test_resolve_country_coarse_layers() -> None:
    assert resolve_country("north korea", "50m") == "PRK"
    assert resolve_country("Malta", "110m") == "MLT"  # derived 1:110m keeps every country
    assert resolve_country("Somaliland", "110m-ne4") == "SOL"
    assert resolve_country("Russia", "osm") == "RUS"  # a line ruler resolves with 1:10m names
    with pytest.raises(UnknownCountryError):
        resolve_country("Malta", "110m-ne4")  # too small for NE 4.1.0 1:110m
    with pytest.raises(UnknownCountryError):
        resolve_country("Somaliland", "110m")  # not separate in the German view


def test_unknown_country_suggests() -> None:
    with pytest.raises(UnknownCountryError) as info:
        resolve_country("Rusia")
    assert "Russia (RUS)" in info.value.suggestions
    assert "'Rusia'" in str(info.value)
    with pytest.raises(UnknownCountryError) as info:
        resolve_country("Atlantis")
    assert info.value.suggestions == []
    with pytest.raises(UnknownCountryError):
        resolve_country("   ")


def test_bad_inputs() -> None:
    with pytest.raises(BadInputError, match="'20m'"):
        countries("20m")
    with pytest.raises(BadInputError, match="ruler 'osm' covers only Russia's borders"):
        countries("osm")
    with pytest.raises(BadInputError):
        resolve_country(643)  # type: ignore[arg-type]
    assert country_name("fin") == "Finland"


def test_decode_topojson_shared_and_reversed_arcs() -> None:
    # two unit squares sharing the arc x=1; quantised with a transform
    topo = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "arcs": [
            [[2, 0], [0, 2]],  # shared edge (1,0)->(1,1) in unit coordinates
            [[2, 2], [-2, 0], [0, -2], [2, 0]],  # left square's other three edges
            [[2, 0], [2, 0], [0, 2], [-2, 0]],  # right square's other three edges
        ],
        "objects": {
            "c": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "1", "properties": {"name": "L"}},
                    {"type": "Polygon", "arcs": [[2, -1]], "properties": {"name": "R"}},
                    {"type": None, "properties": {"name": "empty"}},
                ],
            }
        },
    }
    (p1, g1), (p2, g2), (p3, g3) = layers.decode_topojson(topo, "c")
    assert p1 == {"name": "L", "id": "1"} and "id" not in p2
    assert g1.is_valid and g2.is_valid and g3 is None
    assert g1.area == pytest.approx(1.0) and g2.area == pytest.approx(1.0)
    assert g1.bounds == (10.0, 20.0, 11.0, 21.0)
    assert g2.bounds == (11.0, 20.0, 12.0, 21.0)
    assert g1.intersection(g2).length == pytest.approx(1.0)


def test_decode_topojson_cuts_antimeridian_ring() -> None:
    ring = [[170, 60], [180, 60], [-170, 60], [-170, 70], [180, 70], [170, 70], [170, 60]]
    deltas = [ring[0]] + [[b[0] - a[0], b[1] - a[1]] for a, b in zip(ring, ring[1:], strict=False)]
    topo = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [deltas],
        "objects": {
            "c": {
                "type": "GeometryCollection",
                "geometries": [{"type": "MultiPolygon", "arcs": [[[0]]], "properties": {}}],
            }
        },
    }
    ((_, geom),) = layers.decode_topojson(topo, "c")
    parts = list(geom.geoms)
    assert len(parts) == 2
    widths = sorted(p.bounds[2] - p.bounds[0] for p in parts)
    assert widths == pytest.approx([10.0, 10.0])
    assert geom.contains(Point(175, 65)) and geom.contains(Point(-175, 65))
    assert not geom.contains(Point(0, 65))


@pytest.fixture
def fake_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A copy of the data folder that tests may damage; caches are reset around it."""
    folder = tmp_path / "data"
    shutil.copytree(layers.package_file("data"), folder)
    monkeypatch.setattr(layers, "package_file", lambda *parts: tmp_path.joinpath(*parts))
    analysis.geo.clear_cache()
    yield folder
    monkeypatch.undo()
    analysis.geo.clear_cache()


def test_corrupt_file_is_named(fake_data: Path) -> None:
    target = fake_data / "countries-110m.json"
    target.write_bytes(target.read_bytes()[:-10] + b"          ")
    with pytest.raises(DataFileError, match="countries-110m.json") as info:
        countries("110m-ne4")
    assert "corrupt" in str(info.value)


def test_missing_file_is_named(fake_data: Path) -> None:
    (fake_data / "ne_10m_admin_0_countries_deu.zip").unlink()
    with pytest.raises(DataFileError, match="ne_10m_admin_0_countries_deu.zip"):
        countries("10m")


def test_missing_listing(fake_data: Path) -> None:
    (fake_data / "SHA256SUMS").unlink()
    with pytest.raises(DataFileError, match="checksum list missing"):
        countries("50m-ne4")


def test_broken_listing(fake_data: Path) -> None:
    (fake_data / "SHA256SUMS").write_text("not a listing\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="SHA256SUMS: line 1"):
        countries("50m")


def test_unlisted_file(fake_data: Path) -> None:
    listing = fake_data / "SHA256SUMS"
    lines = listing.read_text(encoding="utf-8").splitlines(keepends=True)
    listing.write_text("".join(x for x in lines if "countries-50m.json" not in x), "utf-8")
    with pytest.raises(DataFileError, match="not in .*SHA256SUMS: countries-50m.json"):
        countries("50m-ne4")


def _rehash(folder: Path, name: str) -> None:
    write_checksums(folder)


def test_unreadable_zip_with_matching_checksum(fake_data: Path) -> None:
    name = "ne_10m_admin_0_countries_deu.zip"
    (fake_data / name).write_bytes(b"PK\x03\x04 this is not a shapefile")
    _rehash(fake_data, name)
    with pytest.raises(DataFileError, match=name):
        countries("10m")


def test_unreadable_topojson_with_matching_checksum(fake_data: Path) -> None:
    name = "countries-110m.json"
    (fake_data / name).write_text('{"type": "Topology"}', encoding="utf-8")
    _rehash(fake_data, name)
    with pytest.raises(DataFileError, match=name):
        countries("110m-ne4")


@pytest.mark.parametrize("scale", ["50m", "110m"])
def test_unreadable_derived_layer_with_matching_checksum(fake_data: Path, scale: str) -> None:
    name = layers.DATA_FILES[scale]
    (fake_data / name).write_bytes(b"PAR1 not really parquet")
    _rehash(fake_data, name)
    with pytest.raises(DataFileError, match=name):
        countries(scale)


def test_derived_layer_must_match_the_10m_countries(fake_data: Path) -> None:
    import geopandas as gpd

    name = layers.DATA_FILES["50m"]
    frame = gpd.read_parquet(fake_data / name)
    frame.iloc[:-1].to_parquet(fake_data / name)  # one country dropped
    _rehash(fake_data, name)
    with pytest.raises(DataFileError, match="countries differ from the 1:10m layer"):
        countries("50m")


def test_corrupt_derived_layer_is_named(fake_data: Path) -> None:
    name = layers.DATA_FILES["110m"]
    (fake_data / name).write_bytes((fake_data / name).read_bytes()[:-4] + b"XXXX")
    with pytest.raises(DataFileError, match=f"corrupt: .*{name}"):
        countries("110m")


def test_unmappable_topojson_feature(fake_data: Path) -> None:
    name = "countries-110m.json"
    topo = json.loads((fake_data / name).read_text(encoding="utf-8"))
    geoms = topo["objects"]["countries"]["geometries"]
    geoms[0] = {**geoms[0], "properties": {"name": "Nowhere"}}
    geoms[0].pop("id", None)
    (fake_data / name).write_text(json.dumps(topo), encoding="utf-8")
    _rehash(fake_data, name)
    with pytest.raises(DataFileError, match="Nowhere"):
        countries("110m-ne4")


def test_vendor_listing_matches_files() -> None:
    from analysis.data import vendor_data

    shipped = listed(layers.package_file("data"))
    for name in vendor_data.FILES:
        assert shipped[name] == sha256(layers.package_file("data", name))


def test_vendor_script_rewrites_listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.data import vendor_data

    src = layers.package_file("data")
    atlas = tmp_path / "atlas"
    atlas.mkdir()
    for name in ("countries-50m.json", "countries-110m.json"):
        shutil.copy(src / name, atlas / name)
    shutil.copy(src / "LICENSE-world-atlas.txt", atlas / "LICENSE")
    out = tmp_path / "data"
    out.mkdir()
    for name in (
        "PROVENANCE.md",
        "osm_russia_borders.parquet",
        *(layers.DATA_FILES[s] for s in ("50m", "110m")),
    ):
        shutil.copy(src / name, out / name)  # derived files: made by tools/, not copied
    monkeypatch.setattr(vendor_data, "package_file", lambda *parts: out)
    code = vendor_data.main(
        ["--ne10m", str(src / "ne_10m_admin_0_countries_deu.zip"), "--world-atlas", str(atlas)]
    )
    assert code == 0
    assert dict(listed(out)) == dict(listed(src))


def test_repair_keeps_polygons_only() -> None:
    from shapely.geometry import Polygon

    bowtie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)])
    fixed = layers._repair(bowtie)
    assert fixed.is_valid and fixed.geom_type in {"Polygon", "MultiPolygon"}
    assert fixed.area == pytest.approx(2.0)
    assert np.isclose(layers._repair(fixed).area, 2.0)
