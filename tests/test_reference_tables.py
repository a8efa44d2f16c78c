"""Reference tables: content, validation of broken copies, checksums, helpers."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis.errors import DataFileError, ReferenceDataError, UnknownCountryError
from analysis.reference import tables as t

FIVE = ["NOR", "EST", "LVA", "LTU", "POL"]
SIX = [*FIVE, "FIN"]


def _copy_with(tmp_path: Path, table: str, edit) -> Path:
    """Copy a packaged table, apply ``edit(rows)`` to its list of dict rows, write it."""
    src = t.DATA_DIR / t.TABLES[table]
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


# --------------------------------------------------------------------------- content


def test_members_are_32_with_known_order():
    m = t.nato_members().set_index("iso3")
    assert len(m) == 32
    assert m.loc["FIN", "members_after"] == 31
    assert m.loc["SWE", "members_after"] == 32
    assert m.loc["MKD", "members_after"] == 30
    assert m["founder"].sum() == 12
    assert (m.loc[m["founder"], "order_max"] == 12).all()


def test_members_on_dates():
    assert len(t.members_on("1949-08-23")) == 0
    assert len(t.members_on("1949-08-24")) == 12
    assert len(t.members_on(date(2023, 4, 3))) == 30
    assert "FIN" in t.members_on("2023-04-04")
    assert "SWE" not in t.members_on("2024-03-06")
    assert t.member_count("2024-03-07") == 32
    assert t.is_member("Japan", "2025-01-01") is False
    assert t.is_member("Finland", "2023-04-04") is True


def test_members_on_bad_date():
    with pytest.raises(ReferenceDataError, match="bad date"):
        t.members_on("not a date")


def test_member_rank_shared_positions():
    r = t.member_rank("Croatia")
    assert (r.order_min, r.order_max, r.members_after) == (27, 28, 28)
    assert r.joined_with == ("ALB",)
    assert t.member_rank("DEU").members_after == 15
    with pytest.raises(UnknownCountryError):
        t.member_rank("Japan")


def test_resolve_country_names_and_suggestions():
    assert t.resolve_country("the Russian Federation") == "RUS"
    assert t.resolve_country("  turkey ") == "TUR"
    with pytest.raises(UnknownCountryError) as exc:
        t.resolve_country("Finlnd")
    assert "FIN" in exc.value.suggestions


def test_asia_definition():
    assert t.in_asia("UZB") == "yes"
    assert t.in_asia("Kuwait") == "yes"
    assert t.in_asia("Georgia") == "contested"
    assert t.in_asia("RUS") == "no"


def test_partners_have_milestones_with_sources():
    p = t.indo_pacific_partners()
    assert set(p["iso3"]) == {"JPN", "KOR", "AUS", "NZL"}
    assert p["url"].str.startswith("http").all()
    ipcp = p[(p["iso3"] == "JPN") & p["milestone"].str.contains("IPCP")]
    assert ipcp["date_earliest"].iloc[0] == pd.Timestamp("2014-05-06")


def test_offices_dates_and_status():
    o = t.nato_offices().set_index("office_id")
    tash = o.loc["UZB-NLO"]
    assert tash["opened_earliest"] == pd.Timestamp("2013-05-16")
    assert tash["closed_latest"] == pd.Timestamp("2017-04-01")
    assert tash["status"] == "closed"
    kwt = o.loc["KWT-ICI"]
    assert (kwt["opened_earliest"], kwt["opened_latest"]) == (
        pd.Timestamp("2017-01-01"),
        pd.Timestamp("2017-01-31"),
    )
    assert o.loc["JPN-NLO", "status"] == "proposed"
    assert pd.isna(o.loc["JPN-NLO", "opened_earliest"])


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
    r = t.published_ratio(series, FIVE, SIX)
    assert r.before_km == pytest.approx(before)
    assert r.after_km == pytest.approx(after)
    assert round(r.ratio, 3) == ratio
    assert r.margin_km() == pytest.approx(after - 2 * before)
    assert not r.missing


def test_published_ratio_reports_missing_borders():
    r = t.published_ratio("wikipedia_en", ["UKR"], ["UKR", "FIN"])
    assert r.missing == ("UKR",)
    assert r.ratio != r.ratio  # NaN


def test_border_figures_filters():
    latest = t.border_figures("Russia", latest_only=True)
    assert latest["is_latest"].all()
    cia = t.border_figures(series="cia_factbook_latest")
    assert set(cia["neighbor_iso3"]) == set(SIX)
    assert (t.border_figures()["length_km"] > 0).all()
    assert t.border_series()[0] == "cia_factbook_latest"


def test_statements_classified():
    s = t.border_statements().set_index("statement_id")
    assert s.loc["S01", "ratio_word"] == "more_than_doubled"
    assert (s["ratio_word"] == "roughly_doubled").sum() >= 3
    assert s["url"].str.startswith("http").all()


def test_checksums_verified():
    sums = t.verify_checksums()
    assert set(sums) == set(t.TABLES.values())
    for name, digest in sums.items():
        assert len(digest) == 64, name


def test_checksum_mismatch_is_reported(tmp_path, monkeypatch):
    fake = tmp_path / "data"
    shutil.copytree(t.DATA_DIR, fake)
    with open(fake / "nato_members.csv", "a", encoding="utf-8") as fh:
        fh.write("\n")
    monkeypatch.setattr(t, "DATA_DIR", fake)
    t._cached.cache_clear()
    try:
        with pytest.raises(DataFileError, match="data file corrupt: .*nato_members.csv"):
            t.nato_members()
    finally:
        monkeypatch.undo()
        t._cached.cache_clear()


# --------------------------------------------------------------------------- validation


def _set(index: int, column: str, value: str, **more: str):
    def edit(rows):
        rows[index][column] = value
        for k, v in more.items():
            rows[index][k] = v

    return edit


@pytest.mark.parametrize(
    ("table", "loader", "edit", "message"),
    [
        ("nato_members", t.nato_members, _set(3, "iso3", "fra"), r"row 4 .*'iso3'.*alpha-3"),
        ("nato_members", t.nato_members, _set(3, "iso3", "XYZ"), r"row 4 .*not a country code"),
        (
            "nato_members",
            t.nato_members,
            _set(0, "iso3", "CAN"),
            r"row 2 .*duplicate key \(first used in row 1\)",
        ),
        (
            "nato_members",
            t.nato_members,
            _set(30, "accession_date", "2023-02-30"),
            r"row 31 .*date",
        ),
        (
            "nato_members",
            t.nato_members,
            _set(30, "members_after", "30"),
            r"row 31 .*members_after",
        ),
        ("nato_members", t.nato_members, _set(2, "url", ""), r"row 3 .*'url'.*empty"),
        ("nato_members", t.nato_members, _set(2, "founder", "yes"), r"row 3 .*true or false"),
        ("nato_offices", t.nato_offices, _set(0, "lat", "95"), r"row 1 .*latitude"),
        ("nato_offices", t.nato_offices, _set(0, "opened", "1997-13"), r"row 1 .*'opened'"),
        (
            "nato_offices",
            t.nato_offices,
            _set(5, "closed", "", closed_precision=""),
            r"row 6 .*closing date",
        ),
        ("nato_offices", t.nato_offices, _set(5, "closed", "2010-01-01"), r"row 6 .*before it"),
        ("nato_offices", t.nato_offices, _set(0, "status", "open"), r"row 1 .*'status'"),
        (
            "nato_offices",
            t.nato_offices,
            _set(2, "closed", "2020", closed_precision="year"),
            r"row 3 .*cannot have",
        ),
        ("border_figures", t.border_figures, _set(0, "length_km", "-3"), r"row 1 .*positive"),
        ("border_figures", t.border_figures, _set(0, "length_km", "abc"), r"row 1 .*number"),
        ("border_figures", t.border_figures, _set(0, "includes", "air"), r"row 1 .*includes"),
        (
            "border_figures",
            t.border_figures,
            _set(0, "year_to", "1990"),
            r"row 1 .*before year_from",
        ),
        (
            "border_figures",
            t.border_figures,
            _set(10, "series", "cia_factbook_latest"),
            r"row 12 .*already has this border in row 11",
        ),
        (
            "border_figures",
            t.border_figures,
            _set(0, "source_kind", "blog"),
            r"row 1 .*source_kind",
        ),
        (
            "indo_pacific_partners",
            t.indo_pacific_partners,
            _set(0, "date", "199"),
            r"row 1 .*'date'",
        ),
        (
            "indo_pacific_partners",
            t.indo_pacific_partners,
            _set(1, "milestone_id", "JPN 2"),
            r"row 2",
        ),
        (
            "border_statements",
            t.border_statements,
            _set(0, "ratio_word", "lots"),
            r"row 1 .*ratio_word",
        ),
        ("border_statements", t.border_statements, _set(0, "url", "nato.int"), r"row 1 .*url"),
        ("countries", t.countries, _set(0, "in_asia", "maybe"), r"row 1 .*in_asia"),
    ],
)
def test_broken_rows_name_file_and_row(tmp_path, table, loader, edit, message):
    path = _copy_with(tmp_path, table, edit)
    with pytest.raises(ReferenceDataError, match=message) as exc:
        loader(path=path)
    assert t.TABLES[table] in str(exc.value)


def test_missing_column_and_empty_and_missing_file(tmp_path):
    bad = tmp_path / "nato_members.csv"
    bad.write_text("iso3,name\nFIN,Finland\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="missing column"):
        t.nato_members(path=bad)
    empty = _copy_with(tmp_path, "countries", lambda rows: rows.clear())
    with pytest.raises(ReferenceDataError, match="no rows"):
        t.countries(path=empty)
    with pytest.raises(DataFileError, match="not found"):
        t.nato_members(path=tmp_path / "absent.csv")


def test_extra_field_and_non_utf8(tmp_path):
    src = (t.DATA_DIR / "countries.csv").read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "countries.csv"
    bad.write_text("\n".join([src[0], src[1] + ",extra", *src[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="row 1 .*too many fields"):
        t.countries(path=bad)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(
        "\n".join(src).replace("Türkiye", "T\udcfcrkiye").encode("utf-8", "surrogateescape")
    )
    with pytest.raises(DataFileError, match="not UTF-8"):
        t.countries(path=latin)


def test_valid_copy_loads_identically(tmp_path):
    path = _copy_with(tmp_path, "nato_members", lambda rows: None)
    pd.testing.assert_frame_equal(t.nato_members(path=path), t.nato_members())


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
    assert t.parse_partial_date(value, precision) == expected


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
        t.parse_partial_date(value, precision)
