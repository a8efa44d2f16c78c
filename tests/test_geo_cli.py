"""Command line: borders and alliance-border."""

from __future__ import annotations

import json

import pytest

from analysis.cli import main
from analysis.geo import land_borders


def test_borders_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["borders", "RUS", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["neighbor_iso3"] for r in rows} == set(land_borders("RUS")["neighbor_iso3"])
    assert all({"neighbor_iso3", "neighbor_name", "length_km"} <= set(r) for r in rows)


def test_borders_table_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["borders", "finland", "--scale", "110m"]) == 0
    out = capsys.readouterr().out
    assert "RUS" in out and "neighbor_iso3" in out
    assert main(["borders", "NOR", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "neighbor_iso3,neighbor_name,length_km" and len(lines) == 4


def test_unknown_country(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["borders", "Rusia"]) == 2
    cap = capsys.readouterr()
    assert cap.out == ""
    assert cap.err.count("\n") == 1 and "'Rusia'" in cap.err and "Russia (RUS)" in cap.err


def test_unknown_scale(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["borders", "RUS", "--scale", "20m"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "'20m'" in err and err.count("\n") == 1


def test_alliance_border_on_date(capsys: pytest.CaptureFixture[str]) -> None:
    import analysis.reference  # noqa: F401

    assert main(["alliance-border", "RUS", "--alliance", "nato", "--on", "2023-04-03",
                 "--format", "json"]) == 0  # fmt: skip
    before = {r["neighbor_iso3"] for r in json.loads(capsys.readouterr().out)}
    assert before == {"NOR", "EST", "LVA", "LTU", "POL"}
    assert main(["alliance-border", "RUS", "--on", "2023-04-04", "--format", "json"]) == 0
    after = {r["neighbor_iso3"] for r in json.loads(capsys.readouterr().out)}
    assert after == before | {"FIN"}
    assert main(["alliance-border", "RUS"]) == 0  # today
    assert "FIN" in capsys.readouterr().out


def test_alliance_border_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    import analysis.reference  # noqa: F401

    assert main(["alliance-border", "RUS", "--timeline", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["date"] == "1949-08-24" and isinstance(rows[0]["added"], list)
    assert [r["length_km"] for r in rows] == sorted(r["length_km"] for r in rows)
    assert main(["alliance-border", "RUS", "--timeline", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "BEL;CAN;DNK" in out


def test_alliance_border_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["alliance-border", "RUS", "--on", "2023-02-30"]) == 2
    cap = capsys.readouterr()
    assert "'2023-02-30'" in cap.err and cap.out == ""


def test_alliance_border_unknown_alliance(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["alliance-border", "RUS", "--alliance", "SEATO"]) == 2
    cap = capsys.readouterr()
    assert cap.out == "" and cap.err.count("\n") == 1
    assert "unknown alliance 'SEATO'" in cap.err
    assert all(a in cap.err for a in ("NATO", "EU", "CSTO", "CIS", "Warsaw Pact"))


def test_alliance_border_any_alliance_in_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["alliance-border", "RUS", "--alliance", "EU", "--on", "2020-01-01",
                 "--format", "json"]) == 0  # fmt: skip
    eu = {r["neighbor_iso3"] for r in json.loads(capsys.readouterr().out)}
    assert eu == {"FIN", "EST", "LVA", "LTU", "POL"}
    assert main(["alliance-border", "RUS", "--alliance", "CSTO", "--format", "json"]) == 0
    csto = {r["neighbor_iso3"] for r in json.loads(capsys.readouterr().out)}
    assert csto == {"BLR", "KAZ"}


def test_cli_scale_choices_match_the_engine() -> None:
    # The parser keeps its own copy so that building it does not import geopandas.
    from analysis.cli.geo import SCALE_CHOICES
    from analysis.geo import SCALES

    assert tuple(SCALE_CHOICES) == tuple(SCALES)
