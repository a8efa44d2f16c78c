"""Tests for analysis.datasets: the generated provenance table."""

from __future__ import annotations

import pytest

from analysis import datasets as ds


def test_every_file_listed_and_verified() -> None:
    df = ds.datasets()
    assert list(df.columns) == ds.COLUMNS
    assert df["verified"].all()
    files = df[df["kind"] != "language model"]
    assert files["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert set(df["kind"]) == {"geography", "reference table", "gazetteer", "language model"}
    model = df[df["kind"] == "language model"].iloc[0]
    assert model["version"] == "3.8.0" and model["licence"] == "MIT"
    names = set(df["dataset"])
    assert {"ne_10m_admin_0_countries_deu.zip", "countries-50m.json", "offices.csv"} <= names
    geo = df[df["dataset"] == "ne_10m_admin_0_countries_deu.zip"].iloc[0]
    assert "5.1.1" in geo["version"] and "German" in geo["derived"]
    assert geo["licence"]
    members = df[df["dataset"] == "alliance_members.csv"].iloc[0]
    assert members["rows"] > 32 and members["source"]


def test_markdown_tables() -> None:
    text = "intro\n\n| a | **b** |\n| --- | --- |\n| `x` | 1 |\n| y |\n\nafter\n"
    assert ds.markdown_tables(text) == [[{"a": "x", "b": "1"}, {"a": "y", "b": ""}]]
    assert ds.markdown_tables("no table here") == []


def test_checksum_mismatch_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ds, "sha256", lambda path: "0" * 64)
    df = ds.datasets()
    assert not df[df["kind"] != "language model"]["verified"].any()


def test_every_checksum_listing_is_current() -> None:
    """A data file edited without regenerating its listing fails here (and on load)."""
    import subprocess
    import sys

    from analysis._data import PACKAGE_ROOT

    tool = PACKAGE_ROOT.parent / "tools" / "update_checksums.py"
    done = subprocess.run(
        [sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_checksums_quoted_in_provenance_notes_match_the_listings() -> None:
    """A SHA-256 written in a PROVENANCE.md table row is the generated listing's."""
    import re

    from analysis._data import data_folders, listed

    checked = 0
    for folder in data_folders():
        notes = folder / "PROVENANCE.md"
        if not notes.is_file():
            continue
        sums = listed(folder)
        for line in notes.read_text(encoding="utf-8").splitlines():
            name = re.match(r"^\| `([^`]+)` \|", line)
            digest = re.search(r"`([0-9a-f]{64})`", line)
            if name and digest and name.group(1) in sums:
                assert digest.group(1) == sums[name.group(1)], name.group(1)
                checked += 1
    assert checked >= 4
