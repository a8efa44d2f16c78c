"""Corpus inputs: what resolve_inputs accepts and refuses, and that iter_articles streams."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis import BadInputError
from analysis.articles import Article
from analysis.corpus import Failed, count_articles, iter_articles, resolve_inputs

SEED = "000_e7a9e3d448b427a1"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folders_are_read_recursively_with_ids_from_the_path(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "B\n\nSeoul spoke.")
    _write(tmp_path / "2023" / "may" / "a.txt", "A\n\nJapan spoke.")
    _write(tmp_path / "notes.md", "not an article")
    items = list(iter_articles(resolve_inputs([str(tmp_path)])))
    assert [i.id for i in items] == ["2023/may/a", "b"]
    assert all(isinstance(i, Article) for i in items)
    assert count_articles(resolve_inputs([str(tmp_path)])) == 2


def test_globs_seeds_and_stdin(tmp_path: Path) -> None:
    _write(tmp_path / "x1.txt", "X1\n\nJapan spoke.")
    _write(tmp_path / "x2.txt", "X2\n\nSeoul spoke.")
    sources = resolve_inputs([str(tmp_path / "x*.txt"), SEED, "-"])
    assert [s.kind for s in sources] == ["text", "text", "text", "stdin"]
    stdin = io.BytesIO("Tōkyō headline\n\nJapan spoke.".encode("utf-16"))
    items = list(iter_articles(sources, stdin=stdin))
    assert [i.id for i in items] == ["x1", "x2", SEED, "stdin"]
    assert isinstance(items[-1], Article) and items[-1].title == "Tōkyō headline"


def test_empty_stdin_is_an_error_row() -> None:
    (item,) = iter_articles(resolve_inputs(["-"]), stdin=io.BytesIO(b""))
    assert isinstance(item, Failed) and item.error == "standard input is empty"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: [str(d / "missing.txt")], "no such file"),
        (lambda d: [str(d / "*.nothing")], "no files match"),
        (lambda d: [str(d / "empty")], "holds no .txt"),
        (lambda d: ["-", "-"], "only once"),
        (lambda d: [str(d / "notext.csv")], "no 'text' column"),
        (lambda d: [str(d / "broken.parquet")], "not a readable parquet"),
        (lambda d: [], "no inputs"),
    ],
)
def test_bad_inputs_are_refused_before_anything_runs(tmp_path: Path, make, message) -> None:
    (tmp_path / "empty").mkdir()
    _write(tmp_path / "notext.csv", "id,body\n1,hello\n")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(BadInputError, match=message):
        resolve_inputs(make(tmp_path))


def test_jsonl_rows_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Japan spoke.", "published": "2023-05-10", "url": "u"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps([1, 2]),
        "",
        json.dumps({"id": "c", "text": "Seoul spoke.", "published": "2023-02-30"}),
        json.dumps({"id": "d", "text": "Oslo spoke.", "title": "Oslo"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles(resolve_inputs([str(path)])))
    assert [i.id for i in items] == ["a", "c:2", "b", "c:4", "c", "d"]
    ok = {i.id: i for i in items if isinstance(i, Article)}
    assert set(ok) == {"a", "d"}
    assert ok["a"].published is not None and ok["a"].metadata["url"] == "u"
    assert ok["d"].title == "Oslo"
    errors = {i.id: i.error for i in items if isinstance(i, Failed)}
    assert "not JSON" in errors["c:2"] and "no text" in errors["b"]
    assert "not a JSON object" in errors["c:4"] and "not a real day" in errors["c"]


def test_parquet_and_csv_give_the_same_articles(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "text": ["Japan spoke.", "Seoul spoke."],
            "published": [pd.Timestamp("2023-05-10"), pd.NaT],
        }
    )
    frame.to_parquet(tmp_path / "t.parquet")
    frame.assign(published=["2023-05-10", ""]).to_csv(tmp_path / "t.csv", index=False)
    got = {}
    for name in ("t.parquet", "t.csv"):
        items = list(iter_articles(resolve_inputs([str(tmp_path / name)])))
        got[name] = [(i.id, i.text, i.published) for i in items if isinstance(i, Article)]
    assert got["t.parquet"] == got["t.csv"]
    assert [g[2] is None for g in got["t.csv"]] == [False, True]
    assert count_articles(resolve_inputs([str(tmp_path / "t.parquet")])) == 2
    assert count_articles(resolve_inputs([str(tmp_path / "t.csv")])) is None


def test_articles_are_read_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.corpus.inputs as inputs

    for i in range(5):
        _write(tmp_path / f"{i}.txt", f"T{i}\n\nJapan spoke.")
    reads: list[str] = []
    real = inputs.read_text

    def counting(path: Path) -> str:
        reads.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(inputs, "read_text", counting)
    stream = iter_articles(resolve_inputs([str(tmp_path)]))
    first = next(stream)
    assert first.id == "0" and reads == ["0.txt"]


def test_published_flag_overrides_every_article(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x y", "published": "2020-01-01"}) + "\n")
    (item,) = iter_articles(resolve_inputs([str(path)]), "2023-05-10")
    assert isinstance(item, Article) and item.published.isoformat() == "2023-05-10"


def test_unreadable_subfolder_is_an_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import analysis.corpus.inputs as inputs

    _write(tmp_path / "a.txt", "A\n\nJapan spoke.")
    _write(tmp_path / "locked" / "b.txt", "B\n\nSeoul spoke.")
    real = os.scandir

    def scandir(path):  # root ignores permissions, so simulate the refusal
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(inputs.os, "scandir", scandir)
    items = list(iter_articles(resolve_inputs([str(tmp_path)])))
    assert items[0].id == "a"
    assert isinstance(items[1], Failed) and "permission denied" in items[1].error
