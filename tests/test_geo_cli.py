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
    cap = capsys.readouterr()
    rows = json.loads(cap.out)
    assert rows[0]["date"] == "1949-08-24" and isinstance(rows[0]["added"], list)
    # the USSR's border (Norway and Türkiye) shrinks to Russia's (Norway) on 1991-12-26
    by_date = {r["date"]: r for r in rows}
    assert by_date["1952-02-18"]["state_iso3"] == "SUN"
    assert by_date["1991-12-26"]["state_iso3"] == "RUS"
    assert by_date["1991-12-26"]["length_km"] < by_date["1952-02-18"]["length_km"]
    assert "Soviet Union (SUN) then Russia (RUS)" in cap.err
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


def _json_on(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[list[dict], str]:  # type: ignore[type-arg]
    assert main(["alliance-border", *args, "--format", "json"]) == 0
    cap = capsys.readouterr()
    return json.loads(cap.out), cap.err


def test_target_nato_1960_measures_the_ussr(capsys: pytest.CaptureFixture[str]) -> None:
    rows, err = _json_on(capsys, "RUS", "--alliance", "NATO", "--on", "1960-01-01")
    assert {r["neighbor_iso3"] for r in rows} == {"NOR", "TUR"}
    assert {r["measured_iso3"] for r in rows} == {"SUN"} and rows[0]["on"] == "1960-01-01"
    assert err.startswith("measured: Soviet Union (SUN) on 1960-01-01 against NATO")


def test_target_nato_1995_measures_russia(capsys: pytest.CaptureFixture[str]) -> None:
    rows, err = _json_on(capsys, "RUS", "--alliance", "NATO", "--on", "1995-01-01")
    assert [(r["measured_iso3"], r["neighbor_iso3"]) for r in rows] == [("RUS", "NOR")]
    assert err.startswith("measured: Russia (RUS) on 1995-01-01")


def test_target_warsaw_pact_1980(capsys: pytest.CaptureFixture[str]) -> None:
    rows, err = _json_on(capsys, "RUS", "--alliance", "Warsaw Pact", "--on", "1980-01-01")
    assert {r["neighbor_iso3"] for r in rows} == {"CSK", "HUN", "POL", "ROU"}
    assert "Soviet Union (SUN)" in err
    assert main(["alliance-border", "RUS", "--alliance", "Warsaw Pact", "--on", "1980-01-01",
                 "--format", "csv"]) == 0  # fmt: skip
    lines = capsys.readouterr().out.strip().splitlines()
    assert (
        lines[0]
        == "on,measured_iso3,measured_name,neighbor_iso3,neighbor_name,member_codes,length_km"
    )
    assert len(lines) == 5 and all(",SUN,Soviet Union," in line for line in lines[1:])


def test_not_measured_members_are_named_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    rows, err = _json_on(capsys, "POL", "--alliance", "Warsaw Pact", "--on", "1980-01-01")
    assert {r["neighbor_iso3"] for r in rows} == {"SUN", "CSK"}
    assert "not measured: East Germany (DDR) cannot be built" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["RUS", "--on", "1949-04-03"], "NATO did not exist on 1949-04-03"),
        (["RUS", "--alliance", "Warsaw Pact", "--on", "1995-01-01"], "dissolved"),
        (["RUS", "--on", "2999-01-01"], "future"),
        (["DEU", "--on", "1980-01-01"], "West Germany (FRG)"),
        (["RUS", "--on", "1960-01-01", "--scale", "osm"], "polygon ruler"),
    ],
)
def test_out_of_range_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    assert main(["alliance-border", *args]) == 2
    cap = capsys.readouterr()
    assert cap.out == "" and cap.err.count("\n") == 1 and words in cap.err
