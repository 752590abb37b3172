"""Dates of data sources and the plan's max_age."""

from __future__ import annotations

import datetime as dt

import pytest

from smartcity_assess.freshness import MaxAge, SourceDate, iso_date, later


@pytest.mark.parametrize(("text", "expected"), [
    ("2y", MaxAge(2, "y")), ("18M", MaxAge(18, "m")), (" 90 d ", MaxAge(90, "d"))])
def test_max_age_parses(text: str, expected: MaxAge) -> None:
    assert MaxAge.parse(text) == expected


@pytest.mark.parametrize("text", ["", "2", "y", "0y", "2 years", "-1m", "1.5y"])
def test_max_age_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        MaxAge.parse(text)


def test_limits() -> None:
    today = dt.date(2026, 3, 31)
    assert MaxAge(2, "y").limit(today) == dt.date(2024, 3, 31)
    assert MaxAge(1, "m").limit(today) == dt.date(2026, 2, 28)  # no 31 February
    assert MaxAge(90, "d").limit(today) == dt.date(2025, 12, 31)
    assert MaxAge(14, "m").limit(dt.date(2026, 1, 15)) == dt.date(2024, 11, 15)


def test_a_year_is_its_last_day() -> None:
    today = dt.date(2026, 1, 1)
    two_years = MaxAge(2, "y")
    # 2023 ends 2023-12-31, before the limit 2024-01-01: stale; 2024 is not
    assert SourceDate("s.csv", "survey", "2023", "data").stale(two_years, today)
    assert not SourceDate("s.csv", "survey", "2024", "data").stale(two_years, today)
    assert SourceDate("a.csv", "complaints", "2023-12-31", "data").stale(two_years, today)
    assert not SourceDate("a.csv", "complaints", "2024-01-01", "data").stale(two_years, today)


def test_no_date_or_no_limit_is_never_stale() -> None:
    today = dt.date(2026, 1, 1)
    assert not SourceDate("b.geojson", "boundaries", None, "unknown").stale(MaxAge(1, "d"),
                                                                            today)
    assert not SourceDate("s.csv", "survey", "1990", "data").stale(None, today)


def test_later_and_iso_dates() -> None:
    assert later("2024", "2024-06-30") == "2024"  # the year runs to 31 December
    assert later("2024-09-30", "2023") == "2024-09-30"
    assert later(None, "2024") == "2024"
    assert iso_date("2024-03-05T10:00:00Z") == "2024-03-05"
    assert iso_date(2024) == "2024" and iso_date("2024") == "2024"
    assert iso_date("soon") is None and iso_date(True) is None and iso_date(1800) is None
