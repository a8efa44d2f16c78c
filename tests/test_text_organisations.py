"""Organisations the statistical model cuts short, misses or takes for people.

Every text here was written for these tests (issue 15: missed organisations).
"""

from __future__ import annotations

from analysis.text import analyze


def names(text: str) -> tuple[list[str], list[str]]:
    a = analyze(text)
    return a.organizations["name"].tolist(), a.people["name"].tolist()


def test_an_organisation_cut_short_at_a_connector_runs_on() -> None:
    orgs, people = names(
        "Moemedi Batshabang, director of the Department of Wildlife and National Parks, "
        "told VOA that 200 hippos were stranded."
    )
    assert "Department of Wildlife and National Parks" in orgs
    assert "Department of Wildlife and" not in orgs
    assert "Parks" not in people and "Moemedi Batshabang" in people


def test_a_name_after_an_organisation_noun_is_an_organisation() -> None:
    orgs, people = names(
        "State-owned enterprise Energoatom, which runs the plants, said the lines were cut."
    )
    assert "Energoatom" in orgs and "Energoatom" not in people


def test_a_person_after_a_company_noun_that_does_not_modify_him_stays_a_person() -> None:
    orgs, people = names("The company Elon Musk founded said sales rose.")
    assert "Elon Musk" in people and "Elon Musk" not in orgs


def test_a_countrys_ministry_in_lower_case_is_an_organisation() -> None:
    orgs, _ = names(
        "An announcement from Islamabad's foreign ministry said the talks would go on. "
        "The Chilean defence ministry agreed."
    )
    assert "Islamabad's foreign ministry" in orgs
    assert "Chilean defence ministry" in orgs
