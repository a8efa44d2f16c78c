"""Reference tables: content, schema validation of broken copies, checksums, immutability."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis import reference as ref
from analysis.dates import parse_partial_date
from analysis.errors import BadInputError, DataFileError, ReferenceDataError, UnknownCountryError
from analysis.reference import _load

FIVE = ["NOR", "EST", "LVA", "LTU", "POL"]
SIX = [*FIVE, "FIN"]


def _copy_with(tmp_path: Path, name: str, edit) -> Path:
    """Copy a packaged table, apply ``edit(rows)`` to its list of dict rows, write it."""
    src = ref.DATA_DIR / name
    with open(src, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    rows = edit(rows) or rows
    out = tmp_path / src.name
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    return out


# --------------------------------------------------------------------------- alliances


def test_nato_accessions_are_32_with_known_order():
    m = ref.accession_table("NATO").set_index("iso3")
    assert len(m) == 32
    assert m.loc["FIN", "members_after"] == 31
    assert m.loc["SWE", "members_after"] == 32
    assert m.loc["MKD", "members_after"] == 30
    assert m["founder"].sum() == 12
    assert (m.loc[m["founder"], "order_max"] == 12).all()


def test_members_on_dates_take_any_date_type():
    assert len(ref.members_on("NATO", "1949-08-23")) == 0
    assert len(ref.members_on("NATO", "1949-08-24")) == 12
    assert len(ref.members_on("NATO", date(2023, 4, 3))) == 30
    assert len(ref.members_on("NATO", pd.Timestamp("2023-04-04"))) == 31
    assert "SWE" not in ref.members_on("NATO", "2024-03-06")
    assert ref.member_count("NATO", "2024-03-07") == 32
    assert ref.is_member("JPN", "NATO", "2025-01-01") is False
    assert ref.is_member("FIN", "NATO", "2023-04-04") is True
    with pytest.raises(BadInputError, match="bad on"):
        ref.members_on("NATO", "not a date")


def test_every_alliance_is_data_with_spans_and_exits():
    eu_2020 = ref.members_on("EU", "2020-01-31")
    assert "GBR" in eu_2020 and "GBR" not in ref.members_on("EU", "2020-02-01")
    assert len(ref.members_on("EU", "2021-01-01")) == 27
    assert set(ref.members_on("Warsaw Pact", "1980-01-01")) == {
        "SUN", "POL", "CSK", "HUN", "ROU", "BGR", "DDR",
    }  # fmt: skip
    assert ref.members_on("Warsaw Pact", "1992-01-01") == []
    assert {"RUS", "BLR", "KAZ"} <= set(ref.members_on("CSTO", "2025-01-01"))
    assert "UZB" in ref.members_on("CSTO", "2010-01-01")
    assert "UZB" not in ref.members_on("CSTO", "2013-01-01")
    assert {"alliance_id", "member_code", "role", "joined", "left", "source", "url"} <= set(
        ref.alliance_members().columns
    )
    assert ref.alliance_members()["url"].str.startswith("http").all()


def test_resolve_alliance_and_unknown_lists_the_known_ones():
    assert ref.resolve_alliance("the European Union") == "EU"
    assert ref.resolve_alliance("warsaw treaty organization") == "Warsaw Pact"
    with pytest.raises(ref.UnknownAllianceError) as exc:
        ref.resolve_alliance("SEATO")
    message = str(exc.value)
    assert "\n" not in message and all(a in message for a in ("NATO", "EU", "CSTO", "CIS"))


def test_member_rank_shared_positions_any_alliance():
    r = ref.member_rank("HRV", "NATO")
    assert (r.order_min, r.order_max, r.members_after) == (27, 28, 28)
    assert r.joined_with == ("ALB",)
    assert ref.member_rank("DEU", "NATO").members_after == 15
    assert ref.member_rank("HRV", "EU").members_after == 28
    with pytest.raises(UnknownCountryError):
        ref.member_rank("JPN", "NATO")


def test_adding_an_alliance_is_one_table_edit(tmp_path, monkeypatch):
    """A new alliance in copies of the two tables works with no code change."""
    fake = tmp_path / "data"
    shutil.copytree(ref.DATA_DIR, fake)
    with open(fake / "alliances.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(
            [
                "AUKUS",
                "AUKUS",
                "AUKUS",
                "AUKUS",
                "security pact",
                "2021-09-15",
                "day",
                "",
                "",
                "Joint Leaders Statement on AUKUS",
                "https://www.whitehouse.gov/",
                "",
            ]  # fmt: skip
        )
    with open(fake / "alliance_members.csv", "a", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        for code, name in (
            ("AUS", "Australia"),
            ("GBR", "United Kingdom"),
            ("USA", "United States"),
        ):
            row = ["AUKUS", code, name, "member", "2021-09-15", "day", "", ""]
            w.writerow(
                [*row, "Joint Leaders Statement on AUKUS", "https://www.whitehouse.gov/", ""]
            )
    from analysis._data import write_checksums

    write_checksums(fake)
    monkeypatch.setattr(_load, "DATA_DIR", fake)
    _load.clear_cache()
    try:
        assert ref.members_on("aukus", "2022-01-01") == ["AUS", "GBR", "USA"]
    finally:
        monkeypatch.undo()
        _load.clear_cache()


# --------------------------------------------------------------------------- other tables


def test_partners_have_milestones_with_sources():
    p = ref.partners("NATO")
    assert set(p["iso3"]) == {"JPN", "KOR", "AUS", "NZL"}
    assert p["url"].str.startswith("http").all()
    ipcp = p[(p["iso3"] == "JPN") & p["milestone"].str.contains("IPCP")]
    assert ipcp["date_earliest"].iloc[0] == pd.Timestamp("2014-05-06")


def test_offices_dates_status_and_region():
    o = ref.offices("NATO").set_index("office_id")
    tash = o.loc["UZB-NLO"]
    assert tash["opened_earliest"] == pd.Timestamp("2013-05-16")
    assert tash["closed_latest"] == pd.Timestamp("2017-04-01")
    assert (tash["status"], tash["in_asia"], tash["subregion"]) == ("closed", "yes", "Central Asia")
    kwt = o.loc["KWT-ICI"]
    assert (kwt["opened_earliest"], kwt["opened_latest"]) == (
        pd.Timestamp("2017-01-01"),
        pd.Timestamp("2017-01-31"),
    )
    assert o.loc["JPN-NLO", "status"] == "proposed"
    assert pd.isna(o.loc["JPN-NLO", "opened_earliest"])
    assert o.loc["GEO-NLO", "in_asia"] == "contested"


@pytest.mark.parametrize(
    ("series", "before", "after", "ratio"),
    [
        ("cia_factbook_latest", 1317.0, 2626.0, 1.994),
        ("national_excl_sea", 1302.1, 2591.7, 1.990),
        ("national_incl_sea", 1349.02, 2692.62, 1.996),
        ("wikipedia_en", 1210.6, 2550.6, 2.107),
        ("russian_border_service", 1261.2, 2533.0, 2.008),
    ],
)
def test_published_ratios_reproduce_notes(series, before, after, ratio):
    r = ref.published_ratio(series, FIVE, SIX)
    assert r.before_km == pytest.approx(before)
    assert r.after_km == pytest.approx(after)
    assert round(r.ratio, 3) == ratio
    assert r.margin_km() == pytest.approx(after - 2 * before)
    assert not r.missing


def test_published_ratio_reports_missing_borders():
    r = ref.published_ratio("wikipedia_en", ["UKR"], ["UKR", "FIN"])
    assert r.missing == ("UKR",)
    assert r.ratio != r.ratio  # NaN


def test_border_figures_filters_and_one_catalogue():
    latest = ref.border_figures("RUS", latest_only=True)
    assert latest["is_latest"].all()
    cia = ref.border_figures(series="cia_factbook_latest")
    assert set(cia["neighbor_iso3"]) == set(SIX)
    assert (ref.border_figures()["length_km"] > 0).all()
    assert ref.border_series()[0] == "cia_factbook_latest"
    cat = ref.border_sources()
    assert set(cat["kind"]) == {"published", "computed"}
    for s in ref.border_series():  # every series has exactly one catalogue row and label
        assert (cat["series"] == s).sum() == 1
    assert ref.published_ratio("wikipedia_en", FIVE, SIX).label == str(
        cat.set_index("source_id").loc["wikipedia_en", "label"]
    )


def test_factbook_has_every_pair_from_both_sides():
    fb = ref.factbook_borders()
    assert fb["country_code"].nunique() > 150
    kaz = fb[(fb["country_code"] == "KAZ") & (fb["neighbor_code"] == "RUS")]["length_km"]
    rus = fb[(fb["country_code"] == "RUS") & (fb["neighbor_code"] == "KAZ")]["length_km"]
    assert list(kaz) == list(rus) == [7644.0]
    pieces = ref.factbook_borders("RUS", combine=False)
    assert (pieces["neighbor_code"] == "CHN").sum() == 2


def test_statements_classified():
    s = ref.border_statements().set_index("statement_id")
    assert s.loc["S01", "ratio_word"] == "more_than_doubled"
    assert (s["ratio_word"] == "roughly_doubled").sum() >= 3
    assert s["url"].str.startswith("http").all()


def test_cached_tables_cannot_be_changed_by_callers():
    first = ref.alliance_members("NATO")
    first.loc[0, "member_code"] = "XXX"
    first["source"] = "tampered"
    assert ref.alliance_members("NATO").loc[0, "member_code"] != "XXX"
    aliases = ref.alliances().set_index("alliance_id").loc["NATO", "aliases"]
    assert isinstance(aliases, tuple)  # immutable cells: no list to mutate in place


# --------------------------------------------------------------------------- checksums


def test_checksums_verified():
    sums = ref.verify_checksums()
    assert {"alliances.csv", "alliance_members.csv", "offices.csv", "border_sources.csv"} <= set(
        sums
    )
    assert all(len(d) == 64 for d in sums.values())


def test_checksum_mismatch_is_reported(tmp_path, monkeypatch):
    fake = tmp_path / "data"
    shutil.copytree(ref.DATA_DIR, fake)
    with open(fake / "offices.csv", "a", encoding="utf-8") as fh:
        fh.write("\n")
    monkeypatch.setattr(_load, "DATA_DIR", fake)
    _load.clear_cache()
    try:
        with pytest.raises(DataFileError, match="data file corrupt: .*offices.csv"):
            ref.offices()
    finally:
        monkeypatch.undo()
        _load.clear_cache()


# --------------------------------------------------------------------------- validation


def _set(index: int, column: str, value: str, **more: str):
    def edit(rows):
        rows[index][column] = value
        for k, v in more.items():
            rows[index][k] = v

    return edit


@pytest.mark.parametrize(
    ("name", "loader", "edit", "message"),
    [
        ("alliance_members.csv", ref.alliance_members, _set(3, "member_code", "fra"),
         r"row 4 \(line 5\), column 'member_code'.*country code"),
        ("alliance_members.csv", ref.alliance_members, _set(3, "member_code", "XYZ"),
         r"row 4 .*'member_code'.*country code"),
        ("alliance_members.csv", ref.alliance_members, _set(30, "joined", "2023-02-30"),
         r"row 31 .*'joined'.*precision"),
        ("alliance_members.csv", ref.alliance_members,
         _set(30, "left", "1900-01-01", left_precision="day"), r"row 31 .*ends before it begins"),
        ("alliance_members.csv", ref.alliance_members, _set(2, "url", ""), r"row 3 .*'url'"),
        ("alliance_members.csv", ref.alliance_members, _set(2, "role", "friend"),
         r"row 3 .*'role'"),
        ("alliance_members.csv", ref.alliance_members, _set(2, "alliance_id", "SEATO"),
         r"row 3 .*'alliance_id'.*not an alliance_id"),
        ("alliances.csv", ref.alliances, _set(1, "alliance_id", "NATO"), r"row 2 .*duplicate key"),
        ("offices.csv", ref.offices, _set(0, "lat", "95"), r"row 1 .*'lat'.*within"),
        ("offices.csv", ref.offices, _set(0, "opened", "1997-13"), r"row 1 .*'opened'"),
        ("offices.csv", ref.offices, _set(5, "closed", "", closed_precision=""),
         r"row 6 .*closing date"),
        ("offices.csv", ref.offices, _set(5, "closed", "2010-01-01"), r"row 6 .*before it opened"),
        ("offices.csv", ref.offices, _set(0, "status", "open"), r"row 1 .*'status'"),
        ("border_figures.csv", ref.border_figures, _set(0, "length_km", "-3"), r"row 1 .*positive"),
        ("border_figures.csv", ref.border_figures, _set(0, "includes", "air"), r"row 1 .*includes"),
        ("border_figures.csv", ref.border_figures, _set(0, "year_to", "1990"),
         r"row 1 .*before year_from"),
        ("border_figures.csv", ref.border_figures, _set(10, "series", "cia_factbook_latest"),
         r"row 1[12] .*one figure per border"),
        ("border_figures.csv", ref.border_figures, _set(0, "source_kind", "blog"),
         r"row 1 .*'source_kind'"),
        ("partners.csv", ref.partners, _set(0, "date", "199"), r"row 1 .*'date'"),
        ("partners.csv", ref.partners, _set(1, "milestone_id", "JPN 2"), r"row 2 .*'milestone_id'"),
        ("border_statements.csv", ref.border_statements, _set(0, "ratio_word", "lots"),
         r"row 1 .*ratio_word"),
        ("border_statements.csv", ref.border_statements, _set(0, "url", "nato.int"),
         r"row 1 .*url"),
        ("border_sources.csv", ref.border_sources, _set(0, "kind", "guess"), r"row 1 .*'kind'"),
        ("factbook_borders.csv", ref.factbook_borders, _set(0, "length_km", "many"),
         r"row 1 .*'length_km'"),
    ],
)  # fmt: skip
def test_broken_rows_name_file_row_and_column(tmp_path, name, loader, edit, message):
    path = _copy_with(tmp_path, name, edit)
    with pytest.raises(ReferenceDataError, match=message) as exc:
        loader(path=path)
    text = str(exc.value)
    assert text.startswith(name) and "\n" not in text


def test_missing_column_empty_table_and_missing_file(tmp_path):
    bad = tmp_path / "alliances.csv"
    bad.write_text("alliance_id,name\nNATO,NATO\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="missing column"):
        ref.alliances(path=bad)
    empty = _copy_with(tmp_path, "partners.csv", lambda rows: rows.clear())
    with pytest.raises(ReferenceDataError, match="no rows"):
        ref.partners(path=empty)
    with pytest.raises(DataFileError, match="not found"):
        ref.offices(path=tmp_path / "absent.csv")


def test_extra_field_and_non_utf8(tmp_path):
    src = (ref.DATA_DIR / "border_sources.csv").read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "border_sources.csv"
    bad.write_text("\n".join([src[0], src[1] + ",extra", *src[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="too many fields"):
        ref.border_sources(path=bad)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("\n".join(src).replace("–", "\udc96").encode("utf-8", "surrogateescape"))
    with pytest.raises(DataFileError, match="not UTF-8"):
        ref.border_sources(path=latin)


def test_valid_copy_loads_identically(tmp_path):
    path = _copy_with(tmp_path, "offices.csv", lambda rows: None)
    pd.testing.assert_frame_equal(ref.offices(path=path), ref.offices())


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2020-02", "month", (date(2020, 2, 1), date(2020, 2, 29))),
        ("2019-12", "month", (date(2019, 12, 1), date(2019, 12, 31))),
        ("1990", "decade", (date(1990, 1, 1), date(1999, 12, 31))),
        ("2005", "year", (date(2005, 1, 1), date(2005, 12, 31))),
    ],
)
def test_parse_partial_date(value, precision, expected):
    assert parse_partial_date(value, precision) == expected


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2020", "day"),
        ("x", "unknown"),
        ("2020-02-30", "day"),
        ("2020", "weekly"),
        ("1995", "decade"),
    ],
)
def test_parse_partial_date_rejects(value, precision):
    with pytest.raises(ValueError):
        parse_partial_date(value, precision)
