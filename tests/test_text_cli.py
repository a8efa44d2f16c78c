"""The ``extract`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.cli import main


def test_extract_seed_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "000_e7a9e3d448b427a1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["article"]["published"] == "2023-05-10"
    assert {c["iso3"] for c in out["countries"]} >= {"JPN", "FIN"}
    for key in ("entities", "people", "organizations", "dates", "quotes", "claims"):
        assert isinstance(out[key], list)
    assert {"text", "kind", "speaker", "cue", "start", "end"} <= set(out["quotes"][0])
    assert {"text", "kinds", "start", "end"} <= set(out["claims"][0])


def test_extract_published_flag_and_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Headline\n\nFinland joined NATO on Tuesday.\n", encoding="utf-8")
    assert main(["extract", str(f), "--published", "2023-04-05"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dates"][0]["iso"] == "2023-04-04"
    assert main(["extract", str(f), "--format", "table"]) == 0
    assert "## countries" in capsys.readouterr().out


def test_extract_folder_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i, text in enumerate(["Japan spoke.", "Seoul answered."]):
        (tmp_path / f"{i}.txt").write_text(f"T{i}\n\n{text}", encoding="utf-8")
    assert main(["extract", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.strip().split("\n")
    assert [json.loads(x)["countries"][0]["iso3"] for x in lines] == ["JPN", "KOR"]
    assert captured.err == ""  # not a terminal: no progress


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (b"\x00\x01binary", "binary"), (b"caf\xe9 latin-1", "not UTF-8")],
)
def test_a_bad_file_is_an_error_row_and_the_batch_goes_on(
    tmp_path: Path, content: bytes, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Japan spoke.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    assert main(["extract", str(bad), str(good)]) == 3
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in rows] == ["bad", "good"]
    assert message in rows[0]["error"] and "countries" not in rows[0]
    assert rows[1]["countries"][0]["iso3"] == "JPN" and "error" not in rows[1]
    assert captured.err.count("\n") == 1 and "1 ok, 1 failed" in captured.err


def test_one_bad_file_alone_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    assert main(["extract", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("error:")


def test_extract_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "/nonexistent/x.txt"]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["extract", "x.txt", "--published", "2023-13-01"]) == 2
