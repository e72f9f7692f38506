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


def test_access_date_of_a_cited_source_is_no_publication() -> None:
    """A reference list's "Abgerufen am 09.11.2022" / "Retrieved March 3, 2021" is the day the
    author read another text; the page prints no date of its own."""
    meta = _fixture("dates_reference_accessed.html")
    assert meta.published is None
    assert meta.fallback_published is None


def test_accessed_labels_are_no_stamps() -> None:
    for line in (
        "Abgerufen am 09.11.2022",
        "Retrieved March 3, 2021, from https://example.org",
        "Last accessed on 2021-03-03",
        "consulté le 3 mars 2021",
    ):
        stamp = parse_stamp(line, fetched_at=FETCHED)
        assert stamp.published is None and stamp.modified is None, line


def test_wayback_toolbar_capture_days_are_not_the_pages_date() -> None:
    meta = _fixture("dates_wayback_toolbar.html")
    assert meta.published is None
    assert meta.fallback_published is None


def test_german_updated_participle_after_its_date() -> None:
    """ "Zuletzt am 02.12.2022 aktualisiert" above the headline is the update; the publication
    is the "Veröffentlicht am" line under it."""
    meta = _fixture("dates_trailing_updated_participle.html")
    assert _day(meta) == "2022-11-10"
    assert meta.modified is not None and meta.modified.date().isoformat() == "2022-12-02"
    assert meta.provenance["modified"] == "dom:stamp=Zuletzt am 02.12.2022 aktualisiert"


def test_trailing_participle_shapes() -> None:
    def parts(text: str) -> tuple[str | None, str | None]:
        stamp = parse_stamp(text, fetched_at=FETCHED)
        pub = stamp.published.value.date().isoformat() if stamp.published else None
        mod = stamp.modified.value.date().isoformat() if stamp.modified else None
        return pub, mod

    assert parts("Am 3. März 2023 geändert") == (None, "2023-03-03")
    assert parts("Inhalt zuletzt am 12.05.2021 aktualisiert") == (None, "2021-05-12")
    assert parts("Diese Seite wurde zuletzt am 29. Januar 2020 um 19:37 Uhr bearbeitet.") == (
        None,
        "2020-01-29",
    )
    assert parts("zuletzt bearbeitet: 04.02.2022, 08:27 Uhr") == (None, "2022-02-04")
    # a separator between them: the participle labels what follows, and nothing does
    assert parts("12.05.2021 | aktualisiert") == ("2021-05-12", None)
    # the participle with its own date keeps the reading date | label date
    assert parts("10.05.2021, aktualisiert am 12.05.2021") == ("2021-05-10", "2021-05-12")
