"""Relative ages: parsing in six languages, resolution against the fetch time, never guessed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.enrich.relative import find_age, parse_age, resolve_age, resolve_age_text

FETCHED = datetime(2025, 1, 10, 9, 0, tzinfo=UTC)


def test_the_issue_example() -> None:
    resolved = resolve_age_text("40 minutes ago", FETCHED)
    assert resolved is not None
    assert resolved.published == datetime(2025, 1, 10, 8, 20, tzinfo=UTC)
    assert resolved.precision == "minute"


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("9 hours ago", timedelta(hours=9)),
        ("an hour ago", timedelta(hours=1)),
        ("9h ago", timedelta(hours=9)),
        ("5 mins ago", timedelta(minutes=5)),
        ("vor 2 Stunden", timedelta(hours=2)),
        ("vor einer Stunde", timedelta(hours=1)),
        ("vor 5 Min.", timedelta(minutes=5)),
        ("il y a 3 heures", timedelta(hours=3)),
        ("il y a 40 min", timedelta(minutes=40)),
        ("hace 2 horas", timedelta(hours=2)),
        ("hace una hora", timedelta(hours=1)),
        ("2 ore fa", timedelta(hours=2)),
        ("10 minuti fa", timedelta(minutes=10)),
        ("há 5 minutos", timedelta(minutes=5)),
        ("3 horas atrás", timedelta(hours=3)),
        ("Updated 2 hours ago", timedelta(hours=2)),
    ],
)
def test_sub_day_ages_resolve_to_an_instant(text: str, delta: timedelta) -> None:
    resolved = resolve_age_text(text, FETCHED)
    assert resolved is not None, text
    assert resolved.published == FETCHED - delta
    assert resolved.precision in ("minute", "hour")


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("2 days ago", 2),
        ("yesterday", 1),
        ("Yesterday", 1),
        ("gestern", 1),
        ("vor 3 Tagen", 3),
        ("hier", 1),
        ("il y a 3 jours", 3),
        ("ayer", 1),
        ("hace 2 días", 2),
        ("ieri", 1),
        ("3 giorni fa", 3),
        ("ontem", 1),
        ("há 1 dia", 1),
        ("1 week ago", 7),
    ],
)
def test_day_ages_keep_day_precision(text: str, days: int) -> None:
    resolved = resolve_age_text(text, FETCHED)
    assert resolved is not None, text
    assert resolved.precision == "day"
    assert resolved.published == datetime(2025, 1, 10 - days, tzinfo=UTC)


def test_day_word_with_clock_is_naive_wall_time() -> None:
    resolved = resolve_age_text("Yesterday at 9:30 PM", FETCHED)
    assert resolved is not None
    assert resolved.published == datetime(2025, 1, 9, 21, 30)
    assert resolved.published.tzinfo is None


def test_without_fetch_time_nothing_is_guessed() -> None:
    age = parse_age("40 minutes ago")
    assert age is not None and (age.amount, age.unit) == (40, "minute")
    assert resolve_age(age, None) is None
    assert resolve_age_text("yesterday", None) is None


def test_naive_fetch_time_gives_naive_results() -> None:
    resolved = resolve_age_text("2 hours ago", datetime(2025, 1, 10, 9, 0))
    assert resolved is not None and resolved.published == datetime(2025, 1, 10, 7, 0)


@pytest.mark.parametrize("text", ["3 months ago", "vor 2 Monaten", "il y a un an"])
def test_vague_ages_stay_unresolved(text: str) -> None:
    assert parse_age(text) is not None
    assert resolve_age_text(text, FETCHED) is None


@pytest.mark.parametrize(
    "text",
    [
        "He left 2 hours ago",
        "The war ended 400 years ago",
        "Kenya signs finance bill",
        "",
        "vor",
        "ago",
        "12 monkeys ago",
    ],
)
def test_prose_and_junk_are_not_ages(text: str) -> None:
    assert parse_age(text) is None


def test_find_age_in_a_meta_line() -> None:
    age = find_age("Jane Doe · 9 hours ago | World")
    assert age is not None and age.text == "9 hours ago"
    assert find_age("Sports | vor 3 Stunden") is not None
    assert find_age("Jane Doe | World") is None


@given(st.text(max_size=80))
def test_never_raises(text: str) -> None:
    age = parse_age(text)
    if age is not None:
        resolve_age(age, FETCHED)
    find_age(text)
