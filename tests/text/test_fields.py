"""Metadata lines of scraped text: stamps, bylines, datelines, providers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from copydesk.text.fields import parse_byline, parse_dateline, parse_stamps, provider


def test_published_and_updated_on_one_line() -> None:
    stamps = parse_stamps("Mar 3, 2023, 9:12 PM | Updated: Mar 4, 2023, 6:05 am")
    assert stamps is not None
    assert stamps.published == datetime(2023, 3, 3, 21, 12)
    assert stamps.modified == datetime(2023, 3, 4, 6, 5)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("10.01.2025, 08.15 Uhr", datetime(2025, 1, 10, 8, 15)),
        ("Publié le 10 janvier 2025 à 07h00", datetime(2025, 1, 10, 7, 0)),
        ("January 9, 2025", datetime(2025, 1, 9)),
    ],
)
def test_stamps_in_several_languages(line: str, expected: datetime) -> None:
    stamps = parse_stamps(line)
    assert stamps is not None and stamps.published == expected


def test_prose_is_not_a_stamp() -> None:
    assert parse_stamps("Kenya signs finance bill") is None


@pytest.mark.parametrize(
    ("line", "authors", "credit"),
    [
        (
            "Jane Doe, John Roe and Ann Poe, The Associated Press",
            ("Jane Doe", "John Roe", "Ann Poe"),
            "AP",
        ),
        ("Associated Press", (), "AP"),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
        ("Von Max Mustermann und Erika Musterfrau", ("Max Mustermann", "Erika Musterfrau"), None),
        ("Par Jean Dupont, AFP", ("Jean Dupont",), "AFP"),
        ("By Jane Doe, Reuters", ("Jane Doe",), "Reuters"),
    ],
)
def test_bylines(line: str, authors: tuple[str, ...], credit: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.credit == credit


@pytest.mark.parametrize(
    "line", ["Kenya signs finance bill", "Jane Doe", "The state Senate approved the measure."]
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("NAIROBI, Kenya (AP) — Kenya's president signed", "NAIROBI, Kenya", "AP"),
        ("LONDON, March 3 (Reuters) - British inflation fell", "LONDON", "Reuters"),
        ("BERLIN (dpa) - Die Bundesregierung hat", "BERLIN", "dpa"),
        ("WASHINGTON — The Senate voted", "WASHINGTON", None),
    ],
)
def test_datelines(paragraph: str, place: str, agency: str | None) -> None:
    dateline = parse_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.agency) == (place, agency)


def test_ordinary_paragraph_has_no_dateline() -> None:
    assert parse_dateline("The bill raises taxes on fuel - and more.") is None


def test_provider_lines() -> None:
    assert provider("AP") == "AP"
    assert provider("Reuters") == "Reuters"
    assert provider("World") is None


def test_relative_update_resolves_only_with_fetch_time() -> None:
    line = "January 10, 2025 8:12 AM GMT Updated 2 hours ago"
    without = parse_stamps(line)
    assert without is not None and without.modified is None  # never read against the clock
    fetched = datetime(2025, 1, 10, 11, 0, tzinfo=UTC)
    stamps = parse_stamps(line, fetched_at=fetched)
    assert stamps is not None and stamps.modified == datetime(2025, 1, 10, 9, 0, tzinfo=UTC)


def test_update_with_only_a_time_takes_the_published_day() -> None:
    stamps = parse_stamps("10 janvier 2025 à 07h00, mis à jour à 08h15")
    assert stamps is not None
    assert (stamps.published, stamps.modified) == (
        datetime(2025, 1, 10, 7, 0),
        datetime(2025, 1, 10, 8, 15),
    )


def test_byline_after_the_stamp_is_ignored_for_the_date() -> None:
    stamps = parse_stamps("Posted on January 9, 2025 by editor")
    assert stamps is not None and stamps.published == datetime(2025, 1, 9)
