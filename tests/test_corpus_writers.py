"""Corpus writers: atomic JSON lines and Parquet tables, generic columns, --resume."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analysis import BadInputError
from analysis.corpus import JsonlSink, ParquetSink, open_sink, output_kind

RECORDS = [
    {
        "id": "a",
        "article": {"id": "a", "title": "A", "published": "2023-05-10", "words": 3},
        "quotes": [{"text": "q1", "start": 0, "speaker": None}],
        "claims": [{"text": "c", "kinds": ["membership"], "countries": ["FIN"], "numbers": []}],
        "verdicts": [{"claim": "c", "figures": {"ratio": 2.0}, "evidence": [{"km": 1.5}]}],
    },
    {"id": "b", "error": "b is empty"},
    {
        "id": "c",
        "article": {"id": "c", "title": "C", "published": None, "words": 2, "new_field": 7},
        "quotes": [{"text": "q2", "start": 4, "speaker": "Kishida", "speaker_id": "p1"}],
        "claims": [],
        "verdicts": [],
    },
]


def _tmp_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_output_kind() -> None:
    assert output_kind("x.jsonl") == "jsonl"
    assert output_kind("x/") == output_kind("x.parquet") == "parquet"
    with pytest.raises(BadInputError, match="FILE.jsonl"):
        output_kind("x.json")


def test_jsonl_is_written_under_a_temporary_name_until_commit(tmp_path: Path) -> None:
    final = tmp_path / "out.jsonl"
    sink = JsonlSink(final)
    for rec in RECORDS:
        sink.write(rec)
    assert not final.exists() and len(_tmp_names(tmp_path)) == 1
    sink.commit()
    assert _tmp_names(tmp_path) == []
    rows = [json.loads(line) for line in final.read_text(encoding="utf-8").splitlines()]
    assert rows == RECORDS


def test_abort_leaves_the_previous_output_untouched(tmp_path: Path) -> None:
    final = tmp_path / "out.jsonl"
    final.write_text('{"id": "old"}\n', encoding="utf-8")
    sink = JsonlSink(final)
    sink.write(RECORDS[0])
    sink.abort()
    assert final.read_text(encoding="utf-8") == '{"id": "old"}\n'
    assert _tmp_names(tmp_path) == []


def test_jsonl_resume_keeps_successes_and_retries_failures(tmp_path: Path) -> None:
    final = tmp_path / "out.jsonl"
    first = JsonlSink(final)
    for rec in RECORDS:
        first.write(rec)
    first.commit()
    again = JsonlSink(final, resume=True)
    assert again.done == {"a", "c"}
    again.write({"id": "b", "article": {"id": "b", "title": "B"}})
    again.commit()
    ids = [json.loads(line)["id"] for line in final.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "c", "b"]
    final.write_text("garbage\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="not JSON"):
        JsonlSink(final, resume=True)
    assert _tmp_names(tmp_path) == []


def test_parquet_tables_come_from_the_records_keys(tmp_path: Path) -> None:
    out = tmp_path / "run.parquet"
    sink = open_sink(str(out), tables=("verdicts",))
    for rec in RECORDS:
        sink.write(rec)
    assert not out.exists()
    sink.commit()
    assert _tmp_names(tmp_path) == []
    names = sorted(p.stem for p in out.glob("*.parquet"))
    assert names == ["articles", "claims", "dates", "entities", "quotes", "verdicts"]
    articles = pd.read_parquet(out / "articles.parquet")
    assert articles["article_id"].tolist() == ["a", "b", "c"]
    assert articles["error"].tolist()[1] == "b is empty" and pd.isna(articles["error"][0])
    assert articles["new_field"].tolist()[2] == 7  # a field nobody listed is a column
    quotes = pd.read_parquet(out / "quotes.parquet")
    assert quotes["speaker_id"].tolist()[1] == "p1" and pd.isna(quotes["speaker_id"][0])
    claims = pd.read_parquet(out / "claims.parquet")
    assert list(claims["kinds"][0]) == ["membership"]  # a list of strings stays a list
    verdicts = pd.read_parquet(out / "verdicts.parquet")
    assert json.loads(verdicts["evidence"][0]) == [{"km": 1.5}]  # nested: JSON text
    assert pd.read_parquet(out / "dates.parquet").columns.tolist() == ["article_id"]
    con = duckdb.connect()
    got = con.sql(
        f"select a.title, count(*) from '{out}/quotes.parquet' q "
        f"join '{out}/articles.parquet' a using (article_id) group by 1 order by 1"
    ).fetchall()
    assert got == [("A", 1), ("C", 1)]


def test_parquet_resume_carries_the_previous_rows(tmp_path: Path) -> None:
    out = tmp_path / "run"
    first = ParquetSink(str(out) + "/")
    for rec in RECORDS[:2]:
        first.write(rec)
    first.commit()
    again = ParquetSink(out, resume=True)
    assert again.done == {"a"}
    again.write({**RECORDS[2], "id": "b", "article": {**RECORDS[2]["article"], "id": "b"}})
    again.commit()
    articles = pd.read_parquet(out / "articles.parquet")
    assert articles["article_id"].tolist() == ["a", "b"]
    assert articles["error"].isna().all()
    assert pd.read_parquet(out / "quotes.parquet")["article_id"].tolist() == ["a", "b"]
    assert _tmp_names(tmp_path) == []


def test_targets_that_cannot_be_written(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="does not exist"):
        open_sink(str(tmp_path / "no" / "such" / "out.jsonl"))
    (tmp_path / "f.parquet").write_text("x")
    with pytest.raises(BadInputError, match="is a file"):
        open_sink(str(tmp_path / "f.parquet"))
    (tmp_path / "d.jsonl").mkdir()
    with pytest.raises(BadInputError, match="is a folder"):
        open_sink(str(tmp_path / "d.jsonl"))
