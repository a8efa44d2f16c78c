"""The tables of an Analysis: rows as built, DataFrames only on demand, the same records."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.articles import load_article
from analysis.claims import claims_from
from analysis.errors import BadInputError
from analysis.serialize import records
from analysis.text import Analysis, Table, analyze

DEVSET = Path(__file__).resolve().parents[1] / "benchmarks" / "devset" / "texts"


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    paths = sorted(DEVSET.glob("*.txt"))[:4]
    arts = [load_article("000_e7a9e3d448b427a1"), *(load_article(p) for p in paths)]
    return [analyze(a) for a in arts]


def test_records_from_rows_equal_records_from_the_dataframe(analyses) -> None:
    compared = 0
    for a in analyses:
        for name in Analysis.TABLES:
            table = a.tables[name]
            fresh = Table(table.rows, table.columns)
            # same values and the same JSON text (an int stays an int, None stays null)
            assert json.dumps(fresh.records()) == json.dumps(records(table.frame)), name
            compared += len(table.rows)
    assert compared > 100


def test_to_dict_and_claims_build_no_dataframe(analyses) -> None:
    a = analyze(load_article("000_e7a9e3d448b427a1"))
    out = a.to_dict()
    claims = claims_from(a)
    assert out["quotes"] and claims
    assert all(a.tables[n]._frame is None for n in Analysis.TABLES)
    frame = a.quotes  # built on first access, then kept
    assert isinstance(frame, pd.DataFrame) and a.quotes is frame
    assert list(frame.columns) == a.tables["quotes"].columns
    assert len(frame) == len(out["quotes"])


def test_an_analysis_from_dataframes_reads_the_same(analyses) -> None:
    a = analyses[0]
    frames = {n: getattr(a, n) for n in Analysis.TABLES}
    b = Analysis(a.article, a.text, frames, english=a.english, notes=a.notes)
    assert b.to_dict() == a.to_dict()
    assert [c.text for c in b.claim_list()] == [c.text for c in a.claim_list()]


def test_bad_tables_are_one_line_errors(analyses) -> None:
    a = analyses[0]
    with pytest.raises(BadInputError, match="needs the tables"):
        Analysis(a.article, a.text, {"quotes": a.quotes})
    with pytest.raises(BadInputError, match="no table 'speeches'"):
        a.rows("speeches")
    assert "quotes=" in repr(a)
