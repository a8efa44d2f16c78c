"""A matrix of bad inputs over every sub-command: each ends with its exit status and one line.

Most run in-process through :func:`analysis.cli.main` (fast); a few run the real
module in a subprocess (pipes on standard input, ``| head -1``, extreme dates).
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import analysis
from analysis.cli import main

ROOT = Path(analysis.__file__).resolve().parents[1]
SEED = "000_e7a9e3d448b427a1"
SEED_PATH = ROOT / "seeds" / f"{SEED}.txt"
DEVSET = ROOT / "benchmarks" / "devset" / "texts"


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """A folder of good and bad inputs, named after what is wrong with them."""
    (tmp_path / "good.txt").write_text("Headline\n\nJapan spoke to NATO.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "latin1.txt").write_bytes("Café au lait à Tōkyō".encode("latin-1", "replace"))
    (tmp_path / "furniture.txt").write_text("Exit mobile version\n\nAdvertisement")
    (tmp_path / "nofolder").mkdir()
    (tmp_path / "notext.csv").write_text("id,body\n1,hello\n", encoding="utf-8")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really parquet")
    (tmp_path / "garbage.jsonl").write_text("not json at all\n", encoding="utf-8")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "afile.parquet").write_text("x", encoding="utf-8")
    return tmp_path


def _deny(monkeypatch: pytest.MonkeyPatch, module: object, name: str, target: str) -> None:
    """Make ``module.name`` (open, os.scandir) refuse ``target`` (root ignores file modes)."""
    real = getattr(module, name) if name != "open" else open

    def refuse(path, *args, **kwargs):
        if Path(path).name == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(module, name, refuse, raising=False)


def _unreadable_file(mp: pytest.MonkeyPatch) -> None:
    import analysis.articles

    _deny(mp, analysis.articles, "open", "good.txt")


def _unreadable_folder(mp: pytest.MonkeyPatch) -> None:
    import analysis.corpus.inputs

    _deny(mp, analysis.corpus.inputs.os, "scandir", "nofolder")


def _empty_stdin(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))


def _binary_stdin(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01\x02\x03" * 10)))


G = "{d}/good.txt"
# (argv with {d} for the folder, exit status, part of the message, set-up)
CASES: list[tuple[list[str], int, str, Callable[[pytest.MonkeyPatch], None] | None]] = [
    # extract: files
    (["extract", "{d}/missing.txt"], 2, "no such file", None),
    (["extract", "{d}/empty.txt"], 2, "is empty", None),
    (["extract", "{d}/blank.txt"], 2, "is empty", None),
    (["extract", "{d}/binary.txt"], 2, "binary", None),
    (["extract", "{d}/latin1.txt"], 2, "not UTF-8", None),
    (["extract", "{d}/furniture.txt"], 2, "only page furniture", None),
    (["extract", "{d}"], 2, "holds no .txt", None),  # replaced below: folder with .txt
    (["extract", "{d}/nofolder"], 2, "holds no .txt", None),
    (["extract", G], 2, "permission denied", _unreadable_file),
    (["extract", "{d}/nofolder"], 2, "cannot read folder", _unreadable_folder),
    (["extract", "{d}/*.nothing"], 2, "no files match", None),
    (["extract", "-", "-"], 2, "only once", None),
    (["extract", "-"], 2, "standard input is empty", _empty_stdin),
    (["extract", "-"], 2, "binary", _binary_stdin),
    (["extract", "{d}/notext.csv"], 2, "no 'text' column", None),
    (["extract", "{d}/broken.parquet"], 2, "not a readable parquet", None),
    (["extract", G, "{d}/empty.txt"], 3, "1 ok, 1 failed", None),
    (["extract", "{d}/garbage.jsonl"], 3, "0 ok, 1 failed", None),
    # extract: dates
    (["extract", G, "--published", "2023-02-30"], 2, "not a real day", None),
    (["extract", G, "--published", "tomorrow"], 2, "YYYY-MM-DD", None),
    (["extract", G, "--published", "20230510"], 2, "YYYY-MM-DD", None),
    (["extract", G, "--published", "10000-01-01"], 2, "YYYY-MM-DD", None),
    # extract: corpus options
    (["extract", G, "--workers", "0"], 2, "--workers", None),
    (["extract", G, "--workers", "-3"], 2, "--workers", None),
    (["extract", G, "--workers", "100000"], 2, "--workers", None),
    (["extract", G, "--workers", "two"], 2, "invalid int", None),
    (["extract", G, "--engine", "spark"], 2, "invalid choice", None),
    (["extract", G, "--resume"], 2, "--resume needs --out", None),
    (["extract", G, "--out", "{d}/out.txt"], 2, "FILE.jsonl", None),
    (["extract", G, "--out", "{d}/no/such/out.jsonl"], 2, "does not exist", None),
    (["extract", G, "--out", "{d}/afile.parquet"], 2, "is a file", None),
    (["extract", G, "--out", "{d}/nofolder.jsonl"], 2, "", None),  # replaced below
    (["extract", G, "--out", "{d}/garbage.jsonl", "--resume"], 2, "not JSON", None),
    (["extract", G, "--out", "{d}/o.jsonl", "--format", "table"], 2, "--format table", None),
    (["extract", G, "--scheduler", "tcp://x:1", "--engine", "local"], 2, "--engine dask", None),
    (["extract", G, "--scheduler", "nonsense"], 2, "cannot reach the Dask scheduler", None),
    (["extract", G, "--model", ""], 2, "--model", None),
    (["extract", G, "--model", "no_such_model_pkg"], 2, "not installed", None),
    (["extract", G, "--model", "../../etc/passwd"], 2, "not installed", None),
    (["extract", G, "--model", "json"], 2, "cannot load spaCy model 'json'", None),
    (["extract", G, "--format", "xml"], 2, "invalid choice", None),
    (["extract"], 2, "required", None),
    # check
    (["check", "{d}/missing.txt"], 2, "no such file", None),
    (["check", "{d}/binary.txt"], 2, "binary", None),
    (["check", G, "--published", "2023-13-01"], 2, "bad --published", None),
    (["check", G, "--workers", "0"], 2, "--workers", None),
    (["check", "-"], 2, "standard input is empty", _empty_stdin),
    (["check", G, "{d}/latin1.txt"], 3, "1 ok, 1 failed", None),
    # borders
    (["borders", "Atlantis"], 2, "unknown country", None),
    (["borders", ""], 2, "unknown country", None),
    (["borders", "RUS", "--scale", "5m"], 2, "invalid choice", None),
    (["borders", "RUS", "--format", "xml"], 2, "invalid choice", None),
    # alliance-border
    (["alliance-border", "RUS", "--on", "2023-13-01"], 2, "2023-13-01", None),
    (["alliance-border", "RUS", "--on", "0001-02-30"], 2, "not a real day", None),
    (["alliance-border", "RUS", "--alliance", "XYZ"], 2, "unknown alliance", None),
    (["alliance-border", "RUS", "--on", "2023-01-01", "--timeline"], 2, "not allowed", None),
    (["alliance-border", "Atlantis"], 2, "unknown country", None),
    # the frame
    (["frobnicate"], 2, "invalid choice", None),
    ([], 2, "required", None),
]
# two rows above stand for cases that need their own files
CASES[6] = (["extract", "{d}/afile", "--published", "2023-05-10"], 2, "is empty", None)
CASES[31] = (["extract", G, "--out", "{d}/"], 2, "holds other files", None)


def _call(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse usage errors
        return int(exc.code or 0)


@pytest.mark.parametrize(
    ("argv", "status", "message", "setup"), CASES, ids=[" ".join(c[0]) or "(none)" for c in CASES]
)
def test_bad_input_gives_status_and_one_line(
    files: Path,
    argv: list[str],
    status: int,
    message: str,
    setup: Callable[[pytest.MonkeyPatch], None] | None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if setup is not None:
        setup(monkeypatch)
    (files / "afile").write_bytes(b"")
    args = [a.format(d=files) for a in argv]
    assert _call(args) == status
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert captured.err.count("\n") == 1, captured.err
    assert message in captured.err
    if status == 2:
        assert captured.out == ""
    assert not (files / "o.jsonl").exists() and not (files / "out.txt").exists()


def test_the_matrix_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert {c[0][0] for c in CASES if c[0]} >= {"extract", "check", "borders", "alliance-border"}


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_extreme_dates_never_end_in_a_traceback(day: str, tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text(
        "Headline\n\nFinland joined NATO last year; next month it will hold talks on Tuesday.",
        encoding="utf-8",
    )
    for command in ("extract", "check"):
        proc = subprocess.run(
            [sys.executable, "-m", "analysis", command, str(path), "--published", day],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert proc.returncode in (0, 2), proc.stderr
        assert "Traceback" not in proc.stderr
        if proc.returncode:
            assert proc.stderr.count("\n") == 1 and proc.stdout == ""
        else:
            assert proc.stdout.strip()
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "alliance-border", "RUS", "--on", day],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode in (0, 2) and "Traceback" not in proc.stderr
    if proc.returncode:  # e.g. a day in the future: membership is not known
        assert proc.stderr.count("\n") == 1 and proc.stdout == ""


def test_dev_stdin_and_dash_read_a_pipe_in_utf16() -> None:
    text = "Tōkyō talks\n\nJapan spoke to NATO about Finland.".encode("utf-16")
    for name in ("/dev/stdin", "-"):
        proc = subprocess.run(
            [sys.executable, "-m", "analysis", "extract", name],
            input=text, capture_output=True, timeout=300, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        out = json.loads(proc.stdout)
        assert out["article"]["title"] == "Tōkyō talks"
        assert {c["iso3"] for c in out["countries"]} == {"JPN", "FIN"}


def test_head_stops_a_batch_early_and_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(40):
        shutil.copy(DEVSET / "dev001.txt", folder / f"a{i:02d}.txt")
    # the last input is a FIFO nobody writes to: a run that read every input before
    # stopping would block on it forever (and time out here)
    os.mkfifo(folder / "z_never.txt")
    cmd = f"'{sys.executable}' -m analysis extract '{folder}' | head -1"
    proc = subprocess.run(
        ["bash", "-c", cmd + "; exit ${PIPESTATUS[0]}"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert json.loads(proc.stdout)["id"] == "a00"
