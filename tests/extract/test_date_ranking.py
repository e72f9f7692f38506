"""Publication dates where an earlier rule answered with the wrong day: the page printed the right
one, and a date of another kind was ranked before it (tests/fixtures/metadata/dates_*).

Every fixture is a page written for these tests in a shape real news, press and forum sites use.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from copydesk.extract.dates import lead_date, member_since, parse_stamp
from copydesk.extract.metadata import Metadata, extract_metadata
from copydesk.parse.html import parse_html

FIXTURES = Path(__file__).parent.parent / "fixtures" / "metadata"
FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def _fixture(name: str, url: str | None = None) -> Metadata:
    doc = parse_html((FIXTURES / name).read_text(encoding="utf-8"), url)
    assert doc is not None
    return extract_metadata(doc, fetched_at=FETCHED)


def _day(meta: Metadata) -> str | None:
    return meta.published.date().isoformat() if meta.published else None


def test_forum_thread_dated_by_its_first_post_not_the_posters_join_date() -> None:
    meta = _fixture("dates_forum_member_since.html")
    assert _day(meta) == "2014-05-16"
    assert "16.05.2014, 21:07" in meta.provenance["published"]


def test_member_since_labels() -> None:
    assert member_since("Registriert: 03.02.2011, 09:14")
    assert member_since("Join Date: Mar 2008")
    assert member_since("Mitglied seit 12.04.2015")
    assert member_since("Inscrit le : 4 mai 2012")
    assert not member_since("Veröffentlicht am 03.02.2011")
    assert not member_since("Beitrag von kaiser » 16.05.2014, 21:07")


def test_member_since_line_is_no_stamp() -> None:
    stamp = parse_stamp("Registered: 03/02/2011", fetched_at=FETCHED)
    assert stamp.published is None and stamp.modified is None
    assert parse_stamp("Posted: 03/02/2011", fetched_at=FETCHED).published is not None


def test_bracketed_lead_date_of_a_page_without_headline_element() -> None:
    """No h1: the scan of the whole text reads the first paragraph's bracketed lead date before
    a question heading that names an event date ("seit dem 1. Januar 2023")."""
    meta = _fixture("dates_bracketed_lead_no_headline.html")
    assert _day(meta) == "2023-02-14"
    assert meta.provenance["published"] == "dom:text=(14. Februar 2023)"


def test_bracketed_lead_date_shapes() -> None:
    def day(text: str) -> str | None:
        found = lead_date(text)
        return found.value.date().isoformat() if found else None

    assert day("(21. November 2022) Energieverbraucher erhalten eine Preiserhöhung") == "2022-11-21"
    assert day("[03.05.2021] Der Stadtrat hat am Montag beschlossen") == "2021-05-03"
    assert day("Kassel (12.11.2021) Der Verein lädt zur Versammlung") == "2021-11-12"
    # without the opening bracket the closing one sets nothing apart
    assert day("21. November 2022) Energieverbraucher erhalten") is None
    assert day("(21. November 2022 bis Ende Januar) Die Aktion läuft") is None
