"""``extract``/``check`` over a corpus: --out JSON lines or Parquet, --resume, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analysis.cli import main


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    rows = [
        {"id": "fin", "text": "Finland joined NATO on April 4, 2023.", "published": "2023-05-10"},
        {"id": "jpn", "text": "Japan is not a member of NATO.", "published": "2023-05-10"},
        {"id": "bad", "text": "\x00\x01\x02 binary \x03\x04" * 20},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_extract_to_jsonl_then_resume(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "run.jsonl"
    assert main(["extract", str(corpus), "--out", str(out)]) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "3 articles: 2 ok, 1 failed" in captured.err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["fin", "jpn", "bad"]
    assert rows[0]["countries"][0]["iso3"] == "FIN" and "error" not in rows[0]
    assert set(rows[2]) == {"id", "error"} and "binary" in rows[2]["error"]
    # resume: the two successes are kept and skipped, the failure is tried again
    fixed = corpus.read_text(encoding="utf-8").splitlines()
    fixed[2] = json.dumps({"id": "bad", "text": "Sweden joined NATO in 2024."})
    corpus.write_text("\n".join(fixed) + "\n", encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(out), "--resume"]) == 0
    err = capsys.readouterr().err
    assert "1 articles: 1 ok, 0 failed, 2 already written" in err
    again = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in again] == ["fin", "jpn", "bad"]
    assert again[:2] == rows[:2] and again[2]["countries"][0]["iso3"] == "SWE"


def test_check_to_parquet_tables(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "run.parquet"
    assert main(["check", str(corpus), "--out", str(out)]) == 3
    capsys.readouterr()
    tables = {p.stem for p in out.glob("*.parquet")}
    assert {"articles", "quotes", "entities", "dates", "claims", "verdicts"} <= tables
    articles = pd.read_parquet(out / "articles.parquet")
    assert articles["article_id"].tolist() == ["fin", "jpn", "bad"]
    assert articles["error"].notna().tolist() == [False, False, True]
    grades = duckdb.sql(
        f"select article_id, kind, grade from '{out}/verdicts.parquet' order by article_id, kind"
    ).fetchall()
    assert ("jpn", "membership", "supported") in grades
    assert {g[0] for g in grades} == {"fin", "jpn"}


def test_several_inputs_without_out_print_json_lines_as_they_come(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(corpus), "000_e7a9e3d448b427a1"]) == 3
    captured = capsys.readouterr()
    ids = [json.loads(line)["id"] for line in captured.out.splitlines()]
    assert ids == ["fin", "jpn", "bad", "000_e7a9e3d448b427a1"]
    assert captured.err.count("\n") == 1


def test_one_line_file_gets_a_short_title(tmp_path: Path, capsys) -> None:
    path = tmp_path / "one.txt"
    sentence = "Finland joined NATO on April 4, more than doubling the alliance's border."
    path.write_text(sentence + " " + "It was a historic day for the Nordic country. " * 20)
    assert main(["extract", str(path)]) == 0
    title = json.loads(capsys.readouterr().out)["article"]["title"]
    assert title == sentence


def test_progress_bar_only_when_asked_or_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.articles import make_article
    from analysis.corpus import make_engine, run_corpus

    items = [make_article(t, id=str(i)) for i, t in enumerate(["Japan spoke.", "Seoul spoke."])]
    with make_engine() as engine:
        run_corpus(items, lambda r, n: None, engine, total=2, progress=True)
        bar = capsys.readouterr().err
        run_corpus(items, lambda r, n: None, engine, total=2)  # stderr is not a terminal here
        quiet = capsys.readouterr().err
    assert "2/2" in bar and "article/s" in bar and "words/s" in bar
    assert quiet == ""
