"""Date strings in the shapes news pages print them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.extract.dates import lead_date, parse_date, parse_relative, parse_stamp, url_date
from tests.regexes import top_level_branches

EDT = timezone(timedelta(hours=-4))
FETCHED = datetime(2023, 3, 4, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-03-03T21:12:00Z", datetime(2023, 3, 3, 21, 12, tzinfo=UTC)),
        (
            "2023-03-03T21:12:00+0100",
            datetime(2023, 3, 3, 21, 12, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("2023-03-03", datetime(2023, 3, 3)),
        ("Published 10:05 AM EDT, Thu October 27, 2022", datetime(2022, 10, 27, 10, 5, tzinfo=EDT)),
        ("Mar 3, 2023, 9:12 PM", datetime(2023, 3, 3, 21, 12)),
        ("3. März 2023, 18:30 Uhr", datetime(2023, 3, 3, 18, 30)),
        ("03.03.2023", datetime(2023, 3, 3)),
        ("le 3 mars 2023 à 14h05", datetime(2023, 3, 3, 14, 5)),
        ("3 de marzo de 2023", datetime(2023, 3, 3)),
        ("3 marzo 2023", datetime(2023, 3, 3)),
        ("3 de março de 2023", datetime(2023, 3, 3)),
        ("13/03/2023", datetime(2023, 3, 13)),
        ("2020年07月12日", datetime(2020, 7, 12)),
        ("2020年7月12日 11:30", datetime(2020, 7, 12, 11, 30)),
        ("2020년 7월 12일", datetime(2020, 7, 12)),
        (
            "Tue Feb 20 2018 01:00:00 GMT+0100 (Central European Standard Time)",
            datetime(2018, 2, 20, 1, 0, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "Mar 3, 2023 10:00 UTC+2",
            datetime(2023, 3, 3, 10, 0, tzinfo=timezone(timedelta(hours=2))),
        ),
    ],
)
def test_parse_date(text: str, expected: datetime) -> None:
    found = parse_date(text)
    assert found is not None
    assert found.value == expected
    assert (found.value.tzinfo is None) == (expected.tzinfo is None)


def test_ambiguous_numeric_date_follows_page_convention() -> None:
    us = parse_date("03/04/2023", prefer_mdy=True)
    eu = parse_date("03/04/2023", prefer_mdy=False)
    assert us is not None and us.value == datetime(2023, 3, 4)
    assert eu is not None and eu.value == datetime(2023, 4, 3)


@pytest.mark.parametrize(
    "text", ["0000-00-00", "9999-12-31", "2023-13-45", "31.02.2023", "", "abc"]
)
def test_impossible_dates_are_none(text: str) -> None:
    assert parse_date(text) is None


def test_stamp_with_published_and_updated() -> None:
    stamp = parse_stamp("Mar 3, 2023, 9:12 PM | Updated: Mar 4, 2023, 6:05 am", fetched_at=None)
    assert stamp.published is not None and stamp.published.value == datetime(2023, 3, 3, 21, 12)
    assert stamp.modified is not None and stamp.modified.value == datetime(2023, 3, 4, 6, 5)


@pytest.mark.parametrize(
    "text",
    [
        "Aktualisiert am 4. März 2023",
        "Mis à jour le 4 mars 2023",
        "Actualizado el 4 de marzo de 2023",
        "Aggiornato il 4 marzo 2023",
        "Atualizado em 4 de março de 2023",
        "Last updated: 4 March 2023",
    ],
)
def test_updated_labels_in_six_languages(text: str) -> None:
    stamp = parse_stamp(text, fetched_at=None)
    assert stamp.published is None
    assert stamp.modified is not None and stamp.modified.value.date() == datetime(2023, 3, 4).date()


def test_relative_age_needs_fetch_time() -> None:
    assert parse_relative("Last updated: 5 mins ago", None) is None
    stamp = parse_stamp("Last updated: 5 mins ago", fetched_at=FETCHED)
    assert stamp.modified is not None
    assert stamp.modified.value == FETCHED - timedelta(minutes=5)
    found = parse_relative("vor 2 Stunden", FETCHED)
    assert found is not None and found.value == FETCHED - timedelta(hours=2)
    day = parse_relative("gestern", FETCHED)
    assert day is not None and day.precision == "day" and day.value.day == 3


def test_url_dates() -> None:
    found = url_date("https://news.example/2023/03/03/story")
    assert found is not None and found.value == datetime(2023, 3, 3)
    found = url_date("https://news.example/politics/20230303-story.html")
    assert found is not None and found.value == datetime(2023, 3, 3)
    assert url_date("https://news.example/2023/13/45/x") is None
    assert url_date("https://2023-03-03.example/") is None  # the host is not the path


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    parse_date(text)
    parse_stamp(text, fetched_at=FETCHED)
    url_date(text)
    url_date(text, prefer_mdy=True)
    lead_date(text)
    parse_relative(text, FETCHED)


def test_relative_ages_inside_stamp_lines_use_the_shared_reader() -> None:
    stamp = parse_stamp(
        "Jana Berg Erstellt: vor 4 Stunden Aktualisiert: vor 20 Minuten 4 Min. Lesedauer",
        fetched_at=FETCHED,
    )
    assert stamp.published is not None
    assert stamp.published.value == FETCHED - timedelta(hours=4)
    assert stamp.modified is not None
    assert stamp.modified.value == FETCHED - timedelta(minutes=20)
    clocked = parse_relative("Gestern um 02:12", FETCHED)
    assert clocked is not None and clocked.value == datetime(2023, 3, 3, 2, 12)
    assert clocked.value.tzinfo is None  # a wall clock without a zone stays naive
    assert parse_relative("vor 400 Jahren gegründet", FETCHED) is None
    assert parse_relative("3 months ago", FETCHED) is None


@pytest.mark.parametrize(
    "text",
    [
        "Aktuelle Zeit: 14.10.2020, 12:18",
        "It is currently Wed Oct 14, 2020 12:18 pm",
        "Today is Wednesday, October 14, 2020",
    ],
)
def test_the_pages_clock_for_now_is_not_a_stamp(text: str) -> None:
    stamp = parse_stamp(text, fetched_at=FETCHED)
    assert stamp.published is None and stamp.modified is None


def test_every_label_starts_with_a_listed_initial() -> None:
    # the look-ahead of dates._LABEL skips positions whose letter starts no label: a label
    # added with a new initial must add it to _LABEL_INITIALS, or it would never be found
    from copydesk.extract import dates

    initials: set[str] = set()
    for source in (dates._UPDATED_LABEL, dates._PUBLISHED_LABEL):
        for branch in top_level_branches(source):
            branch = branch.removeprefix(r"\b")
            if branch.startswith("(?:"):  # an optional lead word: "(?:last\s+)?updated"
                close = branch.index(")?")
                initials.add(branch[3])
                branch = branch[close + 2 :]
                if branch.startswith("(?:"):
                    initials.update(b[0] for b in top_level_branches(branch[3 : branch.index(")")]))
                    continue
            initials.add(branch[0])
    assert all(c.isalpha() for c in initials)
    assert initials <= set(dates._LABEL_INITIALS)
    for line, kind in (("Zuletzt aktualisiert: 3.3.2023", "m"), ("Última atualização", "m")):
        assert dates.label_kind(line) == kind
