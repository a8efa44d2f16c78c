"""The catalogue of rulers, and the shape of the geo package's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

import analysis.geo
from analysis.errors import BadInputError
from analysis.geo import SCALES, get_ruler, rulers
from analysis.geo.catalogue import check_scale, require_covers, require_polygons

GEO_DIR = Path(analysis.geo.__file__).parent


def test_rulers_table() -> None:
    t = rulers()
    assert t["id"].tolist() == list(SCALES)
    assert t["order"].tolist() == list(range(len(t)))
    assert {
        "id",
        "label",
        "source",
        "natural_earth",
        "point_of_view",
        "coverage",
        "licence",
    } <= set(t.columns)
    by = t.set_index("id")
    # 10m, 50m and 110m are one edition and one point of view
    assert set(by.loc[["10m", "50m", "110m"], "natural_earth"]) == {"5.1.1"}
    assert by.loc[["10m", "50m", "110m"], "point_of_view"].nunique() == 1
    assert not by.loc[["10m", "50m", "110m"], "extra"].any()
    # the NE 4.1.0 layers are labelled extras, in the default point of view
    for extra in ("50m-ne4", "110m-ne4"):
        assert by.loc[extra, "extra"] and by.loc[extra, "natural_earth"] == "4.1.0"
        assert "extra" in by.loc[extra, "label"] and "default" in by.loc[extra, "point_of_view"]
    # the finest ruler first; it covers Russia only, under the ODbL with attribution
    assert t["id"].iloc[0] == "osm"
    assert by.loc["osm", "coverage"] == "Russia's borders" and by.loc["osm", "covers"] == "RUS"
    assert (
        "ODbL" in by.loc["osm", "licence"]
        and "OpenStreetMap contributors" in by.loc["osm", "licence"]
    )
    # coarser rulers come later
    order = by["order"]
    assert order["osm"] < order["10m"] < order["50m"] < order["110m"]


def test_every_ruler_file_is_vendored_and_described() -> None:
    from analysis._data import listed, package_file

    shipped = listed(package_file("data"))
    provenance = package_file("data", "PROVENANCE.md").read_text(encoding="utf-8")
    for r in analysis.geo.catalogue.RULERS:
        assert r.data_file in shipped, r.id
        assert f"`{r.data_file}`" in provenance, r.id


def test_check_scale_and_requirements() -> None:
    assert check_scale("110m-ne4") == "110m-ne4"
    with pytest.raises(BadInputError, match="unknown scale '5m'"):
        check_scale("5m")
    with pytest.raises(BadInputError):
        get_ruler(10)  # type: ignore[arg-type]
    with pytest.raises(BadInputError, match="^ruler 'osm' covers only Russia's borders$"):
        require_covers("osm", "FIN", "SWE")
    assert require_covers("10m", "FIN").id == "10m"
    with pytest.raises(BadInputError, match="border_matrix needs a world layer"):
        require_polygons("osm", "border_matrix")


def test_cli_offers_every_ruler() -> None:
    from analysis.cli.geo import SCALE_CHOICES

    assert tuple(SCALE_CHOICES) == SCALES


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, imported names) for every import in a file, inside functions too."""
    out: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append((node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out.extend((a.name, []) for a in node.names)
    return out


def _geo_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in GEO_DIR.glob("*.py"):
        if path.stem == "__init__":
            continue
        me = f"analysis.geo.{path.stem}"
        deps: set[str] = set()
        for module, names in _imports(path):
            if module.startswith("analysis.geo."):
                deps.add(module)
            elif module == "analysis.geo":
                deps.update(f"analysis.geo.{n}" for n in names if (GEO_DIR / f"{n}.py").exists())
        graph[me] = deps
    return graph


def test_no_import_cycles_in_geo() -> None:
    graph = _geo_graph()
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for dep in graph.get(node, ()):
            assert state.get(dep) != 1, " -> ".join([*trail, node, dep])
            if dep not in state:
                visit(dep, [*trail, node])
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node, [])
    assert "analysis.geo.layers" not in graph["analysis.geo.catalogue"]
    assert "analysis.geo.borders" not in graph["analysis.geo.layers"]


def test_geo_modules_import_no_private_names_of_each_other() -> None:
    for path in GEO_DIR.glob("*.py"):
        for module, names in _imports(path):
            if module.startswith("analysis.geo"):
                private = [n for n in names if n.startswith("_") and n != "__future__"]
                assert not private, f"{path.name} imports {private} from {module}"


def test_geo_knows_nothing_of_reference_data() -> None:
    # compare.py (published figures beside computed ones) is leaving geo; the rest must not
    # read the reference tables at all.
    for path in GEO_DIR.glob("*.py"):
        if path.name == "compare.py":
            continue
        modules = [m for m, _ in _imports(path)]
        assert not [m for m in modules if m.startswith("analysis.reference")], path.name
        assert "border_figures" not in path.read_text(encoding="utf-8"), path.name


def test_rulers_is_a_fresh_table() -> None:
    t = rulers()
    t.loc[:, "label"] = "x"
    assert isinstance(rulers(), pd.DataFrame) and (rulers()["label"] != "x").all()
