"""Faults: a corrupt data file, a missing model, a full disk, SIGTERM mid-batch.

Each one ends with a one-line message, a non-zero status and nothing under the
output's final name (and no temporary file left behind).
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import analysis
from analysis.cli import main

ROOT = Path(analysis.__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_e7a9e3d448b427a1.txt"
DEVSET = ROOT / "benchmarks" / "devset" / "texts"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _one_line(err: str) -> bool:
    return err.count("\n") == 1 and "Traceback" not in err


def test_corrupt_data_file_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    # a copy of the package whose organisation list lost its second half
    pkg = tmp_path / "pkg"
    shutil.copytree(
        ROOT / "analysis", pkg / "analysis", ignore=shutil.ignore_patterns("__pycache__")
    )
    data = pkg / "analysis" / "text" / "data" / "organizations.csv"
    data.write_bytes(data.read_bytes()[: data.stat().st_size // 2])
    out = tmp_path / "out" / "run.jsonl"
    out.parent.mkdir()
    env = {**os.environ, "PYTHONPATH": str(pkg)}
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "extract", str(SEED), "--out", str(out)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 2
    assert _one_line(proc.stderr), proc.stderr
    assert "data file corrupt" in proc.stderr and "organizations.csv" in proc.stderr
    assert not out.exists() and _leftovers(out.parent) == []


@pytest.mark.parametrize("out_name", [None, "run.jsonl", "run.parquet"])
def test_missing_model_is_one_line(
    tmp_path: Path, out_name: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["extract", str(SEED), "--model", "en_core_web_not_installed"]
    if out_name:
        argv += ["--out", str(tmp_path / out_name)]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert _one_line(captured.err) and "en_core_web_not_installed" in captured.err
    assert "not installed" in captured.err and "pip install" in captured.err
    assert list(tmp_path.iterdir()) == []


class _FillingFile:
    """A text file on a disk that fills up after ``room`` characters."""

    def __init__(self, fh, room: int) -> None:
        self._fh = fh
        self._room = room

    def write(self, text: str) -> int:
        if len(text) > self._room:
            self._fh.write(text[: self._room])  # half a record reaches the disk
            self._room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(text)
        return self._fh.write(text)

    def __getattr__(self, name: str):
        return getattr(self._fh, name)


@pytest.mark.parametrize("out_name", ["run.jsonl", "run.parquet"])
def test_full_disk_while_writing_leaves_no_partial_output(
    tmp_path: Path,
    out_name: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import builtins

    import analysis.corpus.writers as writers

    real_open = builtins.open

    def small_disk(path, mode="r", *args, **kwargs):
        fh = real_open(path, mode, *args, **kwargs)
        return _FillingFile(fh, 5000) if "w" in mode else fh

    monkeypatch.setattr(writers, "open", small_disk, raising=False)
    texts = tmp_path / "texts"
    texts.mkdir()
    for src in sorted(DEVSET.glob("dev00[1-3].txt")):
        shutil.copy(src, texts / src.name)
    out = tmp_path / out_name
    assert main(["extract", str(texts), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert _one_line(captured.err), captured.err
    assert "no space left on device" in captured.err and "nothing was written" in captured.err
    assert not out.exists()
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("workers", "out_name", "signum", "message"),
    [
        (1, "run.jsonl", signal.SIGTERM, "stopped by SIGTERM"),
        (2, "run.parquet", signal.SIGTERM, "stopped by SIGTERM"),
        (2, "run.jsonl", signal.SIGINT, "interrupted"),
    ],
)
def test_a_signal_mid_batch_stops_cleanly(
    tmp_path: Path, workers: int, out_name: str, signum: int, message: str
) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    sources = sorted(DEVSET.glob("dev*.txt"))
    for i in range(60):  # enough articles that the run is still going when the signal comes
        shutil.copy(sources[i % len(sources)], texts / f"a{i:03d}.txt")
    out = tmp_path / out_name
    cmd = [sys.executable, "-m", "analysis", "extract", str(texts), "--out", str(out)]
    proc = subprocess.Popen(
        [*cmd, "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
    )  # fmt: skip
    deadline = time.monotonic() + 240
    started = False
    while time.monotonic() < deadline and proc.poll() is None:
        # the first records have reached the temporary file: the batch is under way
        temps = [p for p in tmp_path.iterdir() if p.name.startswith(f".{out_name}")]
        if any(p.is_file() and p.stat().st_size > 0 for p in temps):
            started = True
            break
        time.sleep(0.1)
    assert started, "the run never started writing"
    proc.send_signal(signum)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signum
    assert stdout == ""
    assert _one_line(stderr), stderr
    assert stderr.startswith(message) and "nothing written" in stderr
    assert not out.exists()
    assert _leftovers(tmp_path) == []
