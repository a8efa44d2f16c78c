"""Property-based tests of the command line: random text, Unicode, dates and file bytes.

Whatever it is given, the CLI exits with 0, 2 or 3, never shows a traceback, and
says what went wrong in at most one line.  The spaCy pipeline is loaded once for
the module (it is cached per process), so the examples run in CI in seconds.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.cli import main
from analysis.text.pipeline import load_pipeline

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", autouse=True)
def _model() -> None:
    load_pipeline()


def _run(argv: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exc:
                status = int(exc.code or 0)
    finally:
        sys.stdin = old_stdin
    return status, out.getvalue(), err.getvalue()


def _assert_clean(status: int, out: str, err: str, allowed: set[int]) -> None:
    assert status in allowed, err
    assert "Traceback" not in err and "Traceback" not in out
    failure_lines = [line for line in err.splitlines() if not line.startswith("warning:")]
    assert len(failure_lines) <= 1, err
    if status == 2:
        assert out == "" and err.startswith(("error:", "python -m analysis")), err


def _file(content: bytes, name: str = "a.txt") -> Path:
    folder = Path(tempfile.mkdtemp())
    path = folder / name
    path.write_bytes(content)
    return path


words = st.sampled_from(
    ["Finland", "NATO", "Russia", "border", "doubled", "Japan", "said", "1,340", "km", "the",
     "on", "April", "4", "2023", ".", ",", '"', "\n", "\n\n", "Tokyo", "office", "more", "than"]
)  # fmt: skip


@SETTINGS
@given(st.lists(words, min_size=0, max_size=60).map(" ".join))
def test_random_news_like_text(text: str) -> None:
    status, out, err = _run(["extract", str(_file(text.encode("utf-8")))])
    _assert_clean(status, out, err, {0, 2})
    if status == 0:
        assert json.loads(out)["article"]["words"] >= 1


@SETTINGS
@given(st.text(max_size=300))
def test_random_unicode(text: str) -> None:
    status, out, err = _run(["extract", "-"], stdin=text.encode("utf-8", "surrogatepass"))
    _assert_clean(status, out, err, {0, 2})


@SETTINGS
@given(st.binary(max_size=400))
def test_random_file_bytes(content: bytes) -> None:
    status, out, err = _run(["check", str(_file(content)), "--format", "json"])
    _assert_clean(status, out, err, {0, 2})


@SETTINGS
@given(st.one_of(st.dates().map(lambda d: d.isoformat()), st.text(max_size=20)))
def test_random_publication_dates(day: str) -> None:
    path = _file(b"Headline\n\nFinland joined NATO last year, on Tuesday, and next month.")
    status, out, err = _run(["extract", str(path), f"--published={day}"])
    _assert_clean(status, out, err, {0, 2})


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.binary(max_size=80), words.map(str.encode)), min_size=2, max_size=4))
def test_random_batches_write_every_row(contents: list[bytes]) -> None:
    folder = Path(tempfile.mkdtemp())
    for i, content in enumerate(contents):
        (folder / f"{i}.txt").write_bytes(content)
    out_path = folder / "run.jsonl"
    status, out, err = _run(["extract", str(folder), "--out", str(out_path)])
    _assert_clean(status, out, err, {0, 3})
    rows = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [str(i) for i in range(len(contents))]
    assert (status == 3) == any("error" in r for r in rows)
