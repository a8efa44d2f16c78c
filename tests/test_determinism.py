"""The package's outputs are the same in every process: no hash-order or clock dependence."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SEED = "000_e7a9e3d448b427a1"


def _run(args: list[str], hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    cmd = [sys.executable, "-m", "analysis", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return proc.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["borders", "RUS", "--format", "csv"],
        ["alliance-border", "RUS", "--alliance", "NATO", "--timeline", "--format", "csv"],
        ["extract", SEED, "--format", "json"],
        ["check", SEED, "--format", "json"],
    ],
    ids=["borders", "timeline", "extract", "check"],
)
def test_command_output_is_identical_across_processes(args: list[str]) -> None:
    first = _run(args, "1")
    second = _run(args, "4242")
    assert first, "the command printed nothing"
    assert first == second
