"""The data's own tests for the alliance tables and the Factbook's land borders.

They read the three CSVs of ``analysis/reference/data`` directly with pandas (the
loaders and their schemas come separately) and check what the files promise:
exact columns, valid codes, parseable dates in order, no overlapping spans, a
source on every row, and the membership and border figures the analysis relies on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Hashable
from typing import Any

import pandas as pd
import pycountry
import pytest

from analysis._data import package_file, verified
from analysis.datasets import markdown_tables

ALLIANCE_COLUMNS = [
    "alliance_id",
    "name",
    "prose_name",
    "aliases",
    "kind",
    "founded",
    "founded_precision",
    "dissolved",
    "dissolved_precision",
    "source",
    "url",
    "note",
]
MEMBER_COLUMNS = [
    "alliance_id",
    "member_code",
    "member_name",
    "role",
    "joined",
    "joined_precision",
    "left",
    "left_precision",
    "source",
    "url",
    "note",
]
BORDER_COLUMNS = [
    "country_code",
    "neighbor_code",
    "neighbor_name",
    "length_km",
    "country_total_km",
    "factbook_file",
    "commit",
    "commit_date",
    "source",
    "url",
    "note",
]
FORMATS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
ROLES = {"member", "associate", "observer", "participant"}


def read(name: str) -> pd.DataFrame:
    """One CSV of the reference folder, checksum-verified, every cell a string."""
    path = verified(package_file("reference", "data", name))
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def alliances() -> pd.DataFrame:
    return read("alliances.csv")


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    return read("alliance_members.csv")


@pytest.fixture(scope="module")
def borders() -> pd.DataFrame:
    return read("factbook_borders.csv")


def bounds(value: str, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day a date of the given precision can mean."""
    assert re.fullmatch(FORMATS[precision], value), (value, precision)
    parts = [int(p) for p in value.split("-")]
    if precision == "day":
        day = dt.date(*parts)
        return day, day
    if precision == "month":
        year, month = parts
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def spans(members: pd.DataFrame) -> pd.DataFrame:
    """Membership rows with the widest reading of their dates (open end: far future)."""
    out = members.copy()
    out["start"] = [bounds(v, p)[0] for v, p in zip(out.joined, out.joined_precision, strict=True)]
    out["end"] = [
        bounds(v, p)[1] if v else dt.date.max
        for v, p in zip(out.left, out.left_precision, strict=True)
    ]
    return out


def members_on(members: pd.DataFrame, alliance: str, day: dt.date) -> set[str]:
    """Codes of the members (role ``member``) of an alliance on a day; ``left`` is the last day."""
    s = spans(members)
    s = s[(s.alliance_id == alliance) & (s.role == "member")]
    return set(s[(s.start <= day) & (day <= s.end)].member_code)


def russia_neighbours(borders: pd.DataFrame) -> set[str]:
    return set(borders[borders.country_code == "RUS"].neighbor_code)


def valid_code(code: str) -> bool:
    return (
        code == "XKX"
        or pycountry.countries.get(alpha_3=code) is not None
        or pycountry.historic_countries.get(alpha_3=code) is not None
    )


# --- every file ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("alliances.csv", ALLIANCE_COLUMNS),
        ("alliance_members.csv", MEMBER_COLUMNS),
        ("factbook_borders.csv", BORDER_COLUMNS),
    ],
)
def test_columns_sources_and_urls(name: str, columns: list[str]) -> None:
    df = read(name)
    assert list(df.columns) == columns
    assert len(df) > 0
    assert (df.source.str.strip() != "").all(), "a row without a source"
    for url in df.url:
        parts = [p.strip() for p in url.split(" ; ")]
        assert parts and all(re.fullmatch(r"https?://\S+", p) for p in parts), url


def test_sources_md_lists_each_new_table_with_its_row_count() -> None:
    text = verified(package_file("reference", "data", "SOURCES.md")).read_text(encoding="utf-8")
    table = next(t for t in markdown_tables(text) if t and "built from" in t[0])
    rows = {row["table"]: row for row in table}
    for name in ("alliances.csv", "alliance_members.csv", "factbook_borders.csv"):
        assert name in rows, name
        assert int(rows[name]["rows"]) == len(read(name)), name
        assert rows[name]["built from"] and rows[name]["notes"]


# --- alliances.csv and alliance_members.csv -------------------------------------------------


def test_alliances(alliances: pd.DataFrame) -> None:
    assert alliances.alliance_id.is_unique
    assert {"NATO", "EU", "CSTO", "Warsaw Pact", "CIS"} <= set(alliances.alliance_id)
    by_id: dict[str, dict[Hashable, Any]] = {}
    for row in alliances.to_dict("records"):
        aliases = row["aliases"].split("|")
        assert row["name"] in aliases and all(a.strip() == a and a for a in aliases)
        founded = bounds(row["founded"], row["founded_precision"])
        if row["dissolved"]:
            assert founded[0] <= bounds(row["dissolved"], row["dissolved_precision"])[1]
        else:
            assert row["dissolved_precision"] == ""
        by_id[row["alliance_id"]] = row
    eu_aliases = set(by_id["EU"]["aliases"].split("|"))
    assert {"EEC", "European Economic Community", "E.U."} <= eu_aliases


def test_member_codes_roles_and_dates(members: pd.DataFrame, alliances: pd.DataFrame) -> None:
    assert set(members.alliance_id) <= set(alliances.alliance_id)
    bad = [c for c in members.member_code if not valid_code(c)]
    assert not bad, bad
    assert set(members.role) <= ROLES
    s = spans(members)
    assert (s.start <= s.end).all(), s[s.start > s.end]
    assert ((s.left == "") == (s.left_precision == "")).all()
    # Spans lie within the alliance's own life.
    life = {row["alliance_id"]: row for row in alliances.to_dict("records")}
    for row in s.to_dict("records"):
        a = life[row["alliance_id"]]
        assert row["start"] >= bounds(a["founded"], a["founded_precision"])[0], row
        if a["dissolved"]:
            assert row["end"] <= bounds(a["dissolved"], a["dissolved_precision"])[1], row


def test_no_overlapping_spans(members: pd.DataFrame) -> None:
    s = spans(members).sort_values(["alliance_id", "member_code", "start"])
    for (alliance, code), group in s.groupby(["alliance_id", "member_code"]):
        ends = list(group.end)
        starts = list(group.start)
        for previous_end, next_start in zip(ends, starts[1:], strict=False):
            assert previous_end < next_start, (alliance, code)


def test_nato_founders_and_no_exits(members: pd.DataFrame) -> None:
    nato = members[members.alliance_id == "NATO"].set_index("member_code")
    assert len(nato) == 32 and nato.index.is_unique
    assert (nato.joined == "1949-08-24").sum() == 12
    assert (nato.left == "").all()


def test_nato_counts(members: pd.DataFrame) -> None:
    assert len(members_on(members, "NATO", dt.date(1949, 8, 24))) == 12
    assert len(members_on(members, "NATO", dt.date(2023, 5, 10))) == 31
    assert len(members_on(members, "NATO", dt.date(2024, 3, 6))) == 31
    assert len(members_on(members, "NATO", dt.date(2024, 3, 7))) == 32


def test_eu_members_bordering_russia_in_2020(members: pd.DataFrame, borders: pd.DataFrame) -> None:
    on_day = members_on(members, "EU", dt.date(2020, 1, 1))
    assert len(on_day) == 28
    assert on_day & russia_neighbours(borders) == {"FIN", "EST", "LVA", "LTU", "POL"}


def test_eu_left_is_the_last_day(members: pd.DataFrame) -> None:
    assert "GBR" in members_on(members, "EU", dt.date(2020, 1, 31))
    assert "GBR" not in members_on(members, "EU", dt.date(2020, 2, 1))
    assert len(members_on(members, "EU", dt.date(2020, 2, 1))) == 27
    assert len(members_on(members, "EU", dt.date(1958, 1, 1))) == 6


def test_csto_members_bordering_russia_today(members: pd.DataFrame, borders: pd.DataFrame) -> None:
    today = members_on(members, "CSTO", dt.date.today())
    assert today == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert today & russia_neighbours(borders) == {"BLR", "KAZ"}
    assert "UZB" in members_on(members, "CSTO", dt.date(2010, 1, 1))
    assert "GEO" in members_on(members, "CSTO", dt.date(1995, 1, 1))


def test_warsaw_pact(members: pd.DataFrame) -> None:
    assert members_on(members, "Warsaw Pact", dt.date(1980, 1, 1)) == {
        "SUN",
        "POL",
        "CSK",
        "HUN",
        "ROU",
        "BGR",
        "DDR",
    }
    assert "ALB" in members_on(members, "Warsaw Pact", dt.date(1960, 1, 1))
    assert "DDR" not in members_on(members, "Warsaw Pact", dt.date(1990, 10, 1))
    assert members_on(members, "Warsaw Pact", dt.date(1991, 7, 2)) == set()


def test_cis_statuses(members: pd.DataFrame) -> None:
    cis = members[members.alliance_id == "CIS"]
    assert set(cis[cis.member_code == "TKM"].role) == {"participant", "associate"}
    assert set(cis[cis.member_code == "UKR"].role) == {"participant"}
    assert "GEO" in members_on(members, "CIS", dt.date(2000, 1, 1))
    assert "GEO" not in members_on(members, "CIS", dt.date(2010, 1, 1))
    assert {"BLR", "RUS"} <= members_on(members, "CIS", dt.date(1991, 12, 8))


# --- factbook_borders.csv -------------------------------------------------------------------


def test_factbook_rows(borders: pd.DataFrame) -> None:
    codes = set(borders.country_code) | set(borders.neighbor_code)
    bad = sorted(c for c in codes if not valid_code(c))
    assert not bad, bad
    assert borders.commit.nunique() == 1 and re.fullmatch(r"[0-9a-f]{40}", borders.commit.iloc[0])
    dt.date.fromisoformat(borders.commit_date.iloc[0])
    assert all(c in u for c, u in zip(borders.commit, borders.url, strict=True))
    assert (borders.length_km.astype(float) > 0).all()
    # A border longer than its page's total is a Factbook inconsistency (Ireland: total 490 km,
    # UK 499 km): kept as printed, and the row must say so.
    short = borders[borders.country_total_km.astype(float) < borders.length_km.astype(float)]
    assert short.note.str.contains("total").all(), short
    assert len(borders) > 600 and borders.country_code.nunique() > 150


def test_factbook_russia(borders: pd.DataFrame) -> None:
    russia = borders[borders.country_code == "RUS"]
    lengths = russia.groupby("neighbor_code").length_km.apply(lambda s: s.astype(float).sum())
    assert lengths["KAZ"] == 7644
    assert lengths["FIN"] == 1309
    assert lengths["NOR"] == 191
    assert lengths["EST"] == 324
    assert lengths["CHN"] == 4133 + 46  # two segments either side of Mongolia
    assert set(russia.country_total_km) == {"22407"}
    assert lengths.sum() == 22407
    assert len(lengths) == 14


def test_factbook_neighbours_of_russia_agree(borders: pd.DataFrame) -> None:
    """Each of Russia's neighbours lists Russia back with the same length."""
    km = borders.assign(km=borders.length_km.astype(float))
    sums = km.groupby(["country_code", "neighbor_code"]).km.sum()
    for neighbour in russia_neighbours(borders):
        assert sums[("RUS", neighbour)] == sums[(neighbour, "RUS")], neighbour
