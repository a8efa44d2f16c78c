"""Tests for the command-line frame: output formats, dates, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import numpy as np
import pandas as pd
import pytest

from analysis import BadInputError
from analysis.cli import main
from analysis.cli.output import parse_iso_date, render
from analysis.serialize import records


def test_parse_iso_date_is_strict() -> None:
    assert parse_iso_date("2024-03-07") == date(2024, 3, 7)
    for bad in ("2023-02-30", "7 March 2024", "2024-3-7", ""):
        with pytest.raises(BadInputError, match="bad date"):
            parse_iso_date(bad)


def test_render_formats() -> None:
    frame = pd.DataFrame(
        {"name": ["a", "b"], "km": [1225.5023, 3.14159], "when": [date(2023, 4, 4), None]}
    )
    table = render(frame, "table")
    assert "1225.5" in table and "3.142" in table and "1225.5023" not in table
    csv_text = render(frame, "csv")
    assert csv_text.splitlines()[0] == "name,km,when"
    data = json.loads(render(frame, "json"))
    assert data[0] == {"name": "a", "km": 1225.5023, "when": "2023-04-04"}
    assert data[1]["when"] is None
    assert json.loads(render({"x": np.int64(3), "y": [np.float64(float("nan"))]}, "jsonl")) == {
        "x": 3,
        "y": [None],
    }
    assert render(pd.DataFrame(), "table") == "(no rows)\n"
    with pytest.raises(BadInputError, match="unknown format"):
        render(frame, "xml")


def test_records_converts_numpy_and_nan() -> None:
    out = records(pd.DataFrame({"a": [np.int64(1), np.int64(2)], "b": [np.nan, 2.5]}))
    assert out == [{"a": 1, "b": None}, {"a": 2, "b": 2.5}]


def test_main_turns_user_errors_into_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["borders", "Atlantis"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "Atlantis" in captured.err


def test_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["borders", "RUS", "--scale", "5m"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "5m" in err and err.count("\n") == 1


def test_module_entry_point_runs_without_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "alliance-border", "RUS", "--on", "2023-13-01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr and "2023-13-01" in proc.stderr
    version = subprocess.run(
        [sys.executable, "-m", "analysis", "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.strip().endswith("0.1.0")


def test_warnings_print_as_one_line(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Die Regierung in Tokio hat am Dienstag neue Gespräche mit der NATO angekündigt. "
        "Man sagte, die Lage bleibe schwierig und die Gespräche seien noch nicht beendet.",
        encoding="utf-8",
    )
    assert main(["extract", str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["people"] == []
    assert captured.err.startswith("warning: text does not look like English")
    assert captured.err.count("\n") == 1
