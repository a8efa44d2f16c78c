"""Chapter 3 is driven by its parameters: run it for another accession and read its prose."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
RECORD = "application/papermill.record/"


def _glued(nb: nbformat.NotebookNode) -> dict[str, str]:
    out: dict[str, str] = {}
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            name = o.get("metadata", {}).get("scrapbook", {}).get("name")
            data = o.get("data", {})
            text = data.get(RECORD + "text/plain", data.get("text/plain"))
            markdown = data.get(RECORD + "text/markdown", data.get("text/markdown"))
            if name:
                out[name] = str(markdown if markdown is not None else text)
    return out


@pytest.mark.slow
def test_chapter_three_follows_country_and_joined(tmp_path: Path) -> None:
    nb = nbformat.read(ROOT / "book" / "03_border.ipynb", as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    assert 'JOINED = "FIN"' in params.source and 'COUNTRY = "RUS"' in params.source
    params.source = params.source.replace('JOINED = "FIN"', 'JOINED = "EST"')
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    glued = _glued(nb)
    assert glued["b_joined"] == "'Estonia'"
    assert glued["b_date"] == "'29 March 2004'"
    # Before Estonia joined, only Poland and Norway bordered Russia; Estonia, Latvia and
    # Lithuania joined on the same day.
    assert glued["b_before_names"] == "'Poland and Norway'"  # longest border first
    assert json.loads(glued["b_n_before"].replace("'", '"')) == "two"
    assert "does not apply" in glued["b_verdict"]
    assert "Estonia" in glued["b_verdict"]
    sources = "".join("".join(c.source) for c in nb.cells if c.cell_type == "code")
    assert "2023-04-04" not in sources and "Finland joined" not in sources
