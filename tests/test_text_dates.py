"""Dates resolved against the publication date; counts and ordinals are never dates."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.text import find_dates
from analysis.text.dates import resolve_weekday

PUB = date(2023, 5, 10)  # a Wednesday


def resolved(text: str, pub: date | None = PUB) -> list[tuple[str, str | None, str]]:
    return [(d.text, d.iso, d.granularity) for d in find_dates(text, pub)]


def test_month_day_without_year() -> None:
    assert resolved("It was reported on May 3.") == [("May 3", "2023-05-03", "day")]
    assert resolved("Finland joined on 4 April.") == [("4 April", "2023-04-04", "day")]
    # closest year: a late-December date in an early-January article is last year's
    assert resolved("It began on December 28.", date(2024, 1, 5)) == [
        ("December 28", "2023-12-28", "day")
    ]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("He spoke on Tuesday.", "2023-05-09"),  # the day before
        ("He spoke on Wednesday.", "2023-05-10"),  # same weekday = that day
        ("He spoke last Wednesday.", "2023-05-03"),
        ("He will speak next Wednesday.", "2023-05-17"),
        ("He spoke on Thursday.", "2023-05-04"),  # after publication weekday: last week's
        ("He will travel on Friday.", "2023-05-12"),  # future tense: forward
    ],
)
def test_weekdays(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text, PUB)] == [iso]


def test_relative_either_side_of_publication() -> None:
    text = "Yesterday and tomorrow; last year and next year; last month; three days ago."
    assert resolved(text) == [
        ("Yesterday", "2023-05-09", "day"),
        ("tomorrow", "2023-05-11", "day"),
        ("last year", "2022", "year"),
        ("next year", "2024", "year"),
        ("last month", "2023-04", "month"),
        ("three days ago", "2023-05-07", "day"),
    ]
    assert resolved("They met last week.") == [("last week", "2023-W18", "week")]


def test_month_only_never_invents_a_day() -> None:
    assert resolved("Talks began in March 2022 and resumed in late April.") == [
        ("March 2022", "2022-03", "month"),
        ("late April", "2023-04", "month"),
    ]
    assert resolved("NATO was founded in 1949.") == [("1949", "1949", "year")]


def test_not_dates() -> None:
    assert resolved("Finland became the 31st member of the alliance after 74 years.") == []
    assert resolved("Theresa May said it may rain. Most members voted.") == []


def test_full_dates_and_iso() -> None:
    assert resolved("On Tuesday, May 9, 2023, and on 2023-05-01.") == [
        ("Tuesday, May 9, 2023", "2023-05-09", "day"),
        ("2023-05-01", "2023-05-01", "day"),
    ]


def test_without_publication_date() -> None:
    assert resolved("On May 3 and last year, in March 2022.", None) == [
        ("May 3", None, "day"),
        ("last year", None, "year"),
        ("March 2022", "2022-03", "month"),
    ]


def test_resolve_weekday_same_day() -> None:
    assert resolve_weekday(2, PUB, None, False) == PUB


def test_month_dating_a_noun_ignores_future_tense_elsewhere() -> None:
    from analysis.text import analyze

    text = "Finland will extend its fence after a surge of asylum seekers in November."
    dates = analyze(text, published="2024-04-12").dates
    assert dates[["text", "iso"]].values.tolist() == [["November", "2023-11"]]
    text = "Finland will close the border in November."
    dates = analyze(text, published="2024-04-12").dates
    assert dates["iso"].tolist() == ["2024-11"]


def _dates(text: str, published: str) -> list[tuple[str, str | None]]:
    from analysis.text import analyze

    return [(r["text"], r["iso"]) for _, r in analyze(text, published).dates.iterrows()]


def test_bare_weekday_is_before_publication_unless_future() -> None:
    # 2025-01-22 is a Wednesday
    assert _dates("The mayor signed a Thursday statement.", "2025-01-22") == [
        ("Thursday", "2025-01-16")
    ]
    text = "Forecasters said fires would persist through Thursday or Friday."
    assert _dates(text, "2025-01-22") == [("Thursday", "2025-01-23"), ("Friday", "2025-01-24")]


def test_month_this_year_in_a_december_article_is_past() -> None:
    assert _dates("The deal was signed in April this year.", "2023-12-10") == [
        ("April this year", "2023-04")
    ]
    assert _dates("Talks began in April.", "2023-12-10") == [("April", "2023-04")]
    assert _dates("Talks will begin in April.", "2023-12-10") == [("April", "2024-04")]


def test_anaphoric_dates_resolve_against_the_last_date() -> None:
    got = _dates("Finland joined on April 4. Sweden applied the same day; "
                 "talks went on the next day.", "2023-05-10")  # fmt: skip
    assert got == [("April 4", "2023-04-04"), ("the same day", "2023-04-04"),
                   ("the next day", "2023-04-05")]  # fmt: skip
    assert _dates("It happened that week.", "2023-05-10") == [("that week", None)]


def test_every_date_has_bounds() -> None:
    from analysis.text import analyze

    d = analyze("It happened last week, in March 2024 and in 2022.", "2024-05-10").dates
    rows = d[["iso", "granularity", "first_day", "last_day"]].values.tolist()
    assert rows == [
        ["2024-W18", "week", "2024-04-29", "2024-05-05"],
        ["2024-03", "month", "2024-03-01", "2024-03-31"],
        ["2022", "year", "2022-01-01", "2022-12-31"],
    ]


def test_plan_as_a_noun_is_not_future() -> None:
    assert _dates("They sent their plan to the council late Sunday.", "2024-04-08") == [
        ("late Sunday", "2024-04-07")
    ]


def test_a_weekday_after_starting_looks_forward() -> None:
    # a Wednesday article: a forecast "starting Saturday" is the coming Saturday, even
    # in a past-tense report; a plain past "on Saturday" is the one before
    assert resolved("Forecasters said rain was likely starting Saturday.") == [
        ("Saturday", "2023-05-13", "day")
    ]
    assert resolved("The storm hit on Saturday.") == [("on Saturday", "2023-05-06", "day")]


def test_n_units_earlier_counts_back_from_the_last_date_named() -> None:
    assert resolved("The pact began 20 years earlier.") == [("20 years earlier", "2003", "year")]
    text = "The talks ended on March 3, 2021. They had begun three days earlier."
    assert resolved(text)[-1] == ("three days earlier", "2021-02-28", "day")
    # "two days before the vote" dates the vote's eve, which the text does not give
    assert resolved("He arrived two days before the vote.") == []
