"""The wheel builds offline (no build isolation: hatchling comes from the environment) and
carries every data file, its checksum listing and the seed article."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import analysis
from analysis._data import data_files, data_folders

ROOT = Path(analysis.__file__).parent.parent


def test_wheel_builds_offline_with_every_data_file(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-build-isolation", "--no-deps",
         "--no-index", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in data_folders():
        rel = folder.relative_to(ROOT).as_posix()
        assert f"{rel}/SHA256SUMS" in names, rel
        for path in data_files(folder):
            assert f"{rel}/{path.name}" in names, path.name
    assert "analysis/_seeds/000_e7a9e3d448b427a1.txt" in names
    assert not any(n.startswith(("tests/", "book/", "benchmarks/")) for n in names)
