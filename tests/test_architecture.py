"""Layers that point one way: no import cycles (imports inside functions included), the
library never imports the command line, and each engine imports only what sits under it."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

import analysis

ROOT = Path(analysis.__file__).parent

#: What each part of the package may import from the package (besides itself and the base).
BASE = {"analysis", "analysis.errors", "analysis._data", "analysis.dates", "analysis.serialize"}
ALLOWED: dict[str, set[str]] = {
    "analysis.countries": set(),
    "analysis.claims": set(),
    "analysis.articles": set(),
    "analysis.geo": {"analysis.countries"},
    "analysis.reference": {"analysis.countries"},
    "analysis.text": {"analysis.countries", "analysis.claims", "analysis.articles"},
    # batch runs over the text engine (and the checks, for `check`)
    "analysis.corpus": {
        "analysis.articles",
        "analysis.text",
        "analysis.checks",
        "analysis.claims",
        "analysis.countries",
    },  # fmt: skip
    # the one place that joins historical states (geo) with the alliance tables
    "analysis.history": {"analysis.countries", "analysis.geo", "analysis.reference"},
    "analysis.checks": {
        "analysis.countries",
        "analysis.claims",
        "analysis.geo",
        "analysis.reference",
        "analysis.text",
    },  # fmt: skip
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in ROOT.rglob("*.py") if "_seeds" not in p.parts}


def _is_package(name: str) -> bool:
    return _modules()[name].name == "__init__.py"


def _targets(node: ast.AST, current: str) -> list[str]:
    """The package modules an import statement (anywhere in the file) reaches."""
    mods = _modules()
    out: list[str] = []
    if isinstance(node, ast.Import):
        out = [a.name for a in node.names if a.name.startswith("analysis")]
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:  # relative import
            pkg = current if _is_package(current) else current.rsplit(".", 1)[0]
            for _ in range(node.level - 1):
                pkg = pkg.rsplit(".", 1)[0]
            base = f"{pkg}.{base}" if base else pkg
        if not base.startswith("analysis"):
            return []
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            out.append(sub if sub in mods else base)
    return [t for t in out if t in mods]


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module → the package modules it imports, counting imports inside functions."""
    result: dict[str, frozenset[str]] = {}
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        deps = {t for node in ast.walk(tree) for t in _targets(node, name)}
        result[name] = frozenset(deps - {name})
    return result


def _cycles(g: dict[str, frozenset[str]] | dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            strong(v)
    return found


def _part(module: str) -> str:
    for part in sorted(ALLOWED, key=len, reverse=True):
        if module == part or module.startswith(part + "."):
            return part
    return module


def test_the_cycle_finder_finds_cycles() -> None:
    loop = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(loop) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_imports_inside_functions() -> None:
    # check_text imports analysis.text inside the function body
    assert any(d.startswith("analysis.text") for d in graph()["analysis.checks.registry"])


def test_no_import_cycles() -> None:
    """A package's __init__ re-exporting its modules is not a cycle; a module importing a
    module that imports it back (directly or round a loop) is."""
    g = {
        k: {d for d in v if not (_is_package(d) and k.startswith(d + "."))}
        for k, v in graph().items()
    }
    cycles = []
    for comp in _cycles(g):
        members = set(comp)
        if any(g[m] & members for m in members):
            cycles.append(comp)
    assert cycles == []


def test_the_library_never_imports_the_command_line() -> None:
    offenders = [
        m for m, deps in graph().items()
        if not m.startswith("analysis.cli") and m != "analysis.__main__"
        and any(d == "analysis.cli" or d.startswith("analysis.cli.") for d in deps)
    ]  # fmt: skip
    assert offenders == []


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_each_part_imports_only_what_sits_under_it(part: str) -> None:
    allowed = BASE | ALLOWED[part] | {part}
    bad = {}
    for module, deps in graph().items():
        if _part(module) != part:
            continue
        wrong = sorted(d for d in deps if _part(d) not in allowed and d not in BASE)
        if wrong:
            bad[module] = wrong
    assert bad == {}


def test_base_modules_import_nothing_above_them() -> None:
    for module in ("analysis.errors", "analysis._data", "analysis.dates", "analysis.serialize"):
        assert graph()[module] <= BASE, module
