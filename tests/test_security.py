"""What SECURITY.md promises about untrusted text, checked on the package's source."""

from __future__ import annotations

import ast
from pathlib import Path

import analysis

ROOT = Path(analysis.__file__).parent

#: Calls that would evaluate, unpickle, shell out or expand markup.
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_ATTRS = {
    ("pickle", "load"), ("pickle", "loads"), ("marshal", "loads"), ("marshal", "load"),
    ("yaml", "load"), ("os", "system"), ("os", "popen"), ("pd", "read_pickle"),
    ("pandas", "read_pickle"), ("shelve", "open"), ("dill", "loads"), ("cloudpickle", "loads"),
}  # fmt: skip
FORBIDDEN_IMPORTS = {"pickle", "marshal", "shelve", "dill", "xml", "lxml", "subprocess"}


def _sources() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if "_seeds" not in p.parts)


def _findings(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in FORBIDDEN_CALLS:
                found.append(f"{name}:{node.lineno} {f.id}()")
            if (
                isinstance(f, ast.Attribute)
                and isinstance(f.value, ast.Name)
                and (f.value.id, f.attr) in FORBIDDEN_ATTRS
            ):
                found.append(f"{name}:{node.lineno} {f.value.id}.{f.attr}()")
            for kw in node.keywords:
                if kw.arg == "shell" and isinstance(kw.value, ast.Constant) and kw.value.value:
                    found.append(f"{name}:{node.lineno} shell=True")
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
        else:
            continue
        found += [f"{name}:{node.lineno} import {m}" for m in modules
                  if m.split(".")[0] in FORBIDDEN_IMPORTS]  # fmt: skip
    return found


def test_no_evaluation_unpickling_shell_or_markup_parsing() -> None:
    found = [f for p in _sources() for f in _findings(p.read_text(encoding="utf-8"), p.name)]
    assert found == []


def test_the_scanner_sees_every_forbidden_kind() -> None:
    bad = "import pickle\npickle.loads(b'')\neval('1')\nimport subprocess\nf(shell=True)\n"
    found = _findings(bad, "x.py")
    assert len(found) == 5


def test_markup_is_not_expanded() -> None:
    from analysis.articles import make_article

    article = make_article("A &amp; B &lt;script&gt;\n\nThe &#x41; entity stays.")
    assert "&amp;" in article.text and "&#x41;" in article.text and "<script>" not in article.text


def test_security_policy_is_shipped() -> None:
    text = (ROOT.parent / "SECURITY.md").read_text(encoding="utf-8")
    for promise in ("never evaluates input", "never unpickles input", "No markup is expanded",
                    "writes only where you tell it"):  # fmt: skip
        assert promise in text
