"""Tests for the book's presentation tables and the derivations behind its prose."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.figures import tables


def test_myst_table_has_human_headers_units_no_index_and_a_table_caption() -> None:
    frame = pd.DataFrame(
        {"neighbor_name": ["Finland", "Norway"], "length_km": [1225.4567, 165.1]},
        index=[7, 3],
    )
    t = tables.myst_table(
        frame,
        {"neighbor_name": "Neighbour", "length_km": tables.Column("Length (km)", "{:,.1f}")},
        caption="Borders, longest first.",
        name="tbl-test",
    )
    lines = t.markdown.splitlines()
    assert lines[0] == ":::{table} Borders, longest first."
    assert ":name: tbl-test" in lines
    assert "| Neighbour | Length (km) |" in lines
    assert "| :--- | ---: |" in lines  # numbers right-aligned
    assert "| Finland | 1,225.5 |" in lines
    assert not any("7" in line.split("|")[1] for line in lines if line.startswith("| F"))
    assert t._repr_markdown_() == t.markdown
    assert len(t) == 2


def test_myst_table_refuses_to_show_a_row_twice() -> None:
    frame = pd.DataFrame({"city": ["Kyiv", "Kyiv"], "status": ["open", "open"]})
    with pytest.raises(ValueError, match="shows a row twice"):
        tables.myst_table(frame, {"city": "City", "status": "Status"}, caption="x", name="tbl-x")


def test_presentation_formats_missing_values_lists_and_pipes() -> None:
    frame = pd.DataFrame({"a": [None, 2.5], "b": [["x", "y"], "p|q"]})
    shown = tables.presentation(frame, {"a": tables.Column("A (km)", "{:.1f}"), "b": "B"})
    assert shown.values.tolist() == [["–", "x, y"], ["2.5", "p|q"]]
    md = tables.myst_table(frame, {"b": "B"}, caption="c", name="tbl-p").markdown
    assert "p\\|q" in md
    with pytest.raises(KeyError, match="nope"):
        tables.presentation(frame, {"nope": "N"})


def test_accession_split_and_the_evidence_match_the_claim_check_for_finland() -> None:
    from analysis.articles import load_article
    from analysis.checks import check_claims
    from analysis.checks.evidence import lengths_by_source, ratios_from_lengths
    from analysis.geo import alliance_border_timeline
    from analysis.reference import accession_table
    from analysis.text import analyze

    members = accession_table("NATO")
    when, before, after = tables.accession_split(
        alliance_border_timeline("RUS", members, "10m"), members, "FIN"
    )
    assert when == date(2023, 4, 4)
    assert sorted(before) == ["EST", "LTU", "LVA", "NOR", "POL"]
    assert sorted(after) == sorted([*before, "FIN"])
    ratios = ratios_from_lengths(lengths_by_source("RUS", after), before, after)
    article = load_article("000_e7a9e3d448b427a1")
    verdict = next(
        v
        for v in check_claims(analyze(article.text, published=article.published))
        if v.kind == "border_change"
    )
    # The book's table and the package's claim check agree source by source.
    mine = dict(zip(ratios["before_km"].round(1), ratios["ratio"].round(6), strict=True))
    theirs = dict(
        zip(verdict.evidence["before_km"].round(1), verdict.evidence["ratio"].round(6), strict=True)
    )
    assert mine == theirs
    assert ratios["kind"].tolist() == ["published"] * 5 + ["computed"] * 4


def test_accession_split_rejects_a_non_member() -> None:
    tl = pd.DataFrame({"date": [date(1949, 8, 24)], "bordering_members": [["NOR"]]})
    members = pd.DataFrame({"iso3": ["NOR"], "accession_date": ["1949-08-24"]})
    with pytest.raises(KeyError, match="JPN"):
        tables.accession_split(tl, members, "JPN")


def test_stated_km_reads_only_what_the_speaker_said() -> None:
    from analysis.reference import border_statements

    kms = tables.stated_km(border_statements()["numbers"], low=1000, high=1500)
    assert sorted(set(kms)) == [1300.0, 1335.0, 1340.0]
    assert tables.names_list(["Estonia", "Latvia", "Lithuania"]) == "Estonia, Latvia and Lithuania"


def test_group_verdicts_shows_each_finding_once_with_the_sentences_it_covers() -> None:
    from analysis.articles import load_article
    from analysis.checks import check_claims
    from analysis.text import analyze

    article = load_article("000_e7a9e3d448b427a1")
    verdicts = check_claims(analyze(article.text, published=article.published))
    findings = tables.group_verdicts(verdicts)
    # Every verdict is in exactly one finding, and no finding repeats another.
    assert findings["n_claims"].sum() == len({(v.claim, v.kind, v.reason) for v in verdicts})
    assert not findings.duplicated(["kind", "grade", "reason"]).any()
    # The headline, the lead and the Nikkei paragraph all say NATO planned an office in
    # Japan: one finding on the same evidence, not three rows.
    office = findings[(findings["kind"] == "office_existence") & (findings["n_claims"] > 1)]
    assert len(office) == 1
    claims = office["claims"].iloc[0]
    assert len(claims) == 3
    assert claims[0].startswith("In Japan, they wanted to open a NATO office")
    assert any("Nikkei" in c for c in claims)
    # Ukraine's office is a different finding (other evidence, other grade).
    assert (findings["kind"] == "office_existence").sum() == 2
    md = tables.myst_table(
        findings.assign(text=["; ".join(c) for c in findings["claims"]]),
        {"text": "Sentences", "kind": "Check", "grade": "Verdict", "reason": "Reason"},
        caption="c",
        name="tbl-f",
    )
    assert len(md) == len(findings)
