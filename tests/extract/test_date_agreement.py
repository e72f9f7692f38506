"""The publication date as agreed between independent sources (metadata.AGREEMENT_*).

Each snippet is a page shape written for these tests: a CMS that keeps a stale generic date
meta, a republished post, a WordPress post stamped in UTC, a US paper printing local clocks.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from copydesk.extract.metadata import Metadata, extract_metadata
from copydesk.parse.html import parse_html

FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def _meta(head: str, body: str, url: str | None = None) -> Metadata:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    doc = parse_html(html, url)
    assert doc is not None
    return extract_metadata(doc, fetched_at=FETCHED)


def _day(meta: Metadata) -> str | None:
    return meta.published.date().isoformat() if meta.published else None


ARTICLE = "<p>" + "Der Verband hat am Dienstag seine Jahresbilanz vorgestellt. " * 4 + "</p>"


def test_visible_sources_that_agree_outvote_one_generic_meta() -> None:
    meta = _meta(
        "<meta name='date' content='2021-12-20T11:02:44+01:00'>",
        "<article><h1>Riesling feiert Geburtstag mit neuen Terminen</h1>"
        "<div class='news-date'>27.01.2022</div>"
        f"<span itemprop='datePublished' content='2022-01-27'></span>{ARTICLE}</article>",
    )
    assert _day(meta) == "2022-01-27"
    assert not meta.provenance["published"].startswith("meta:")


def test_two_declared_families_beat_one_visible_stamp() -> None:
    meta = _meta(
        "<meta property='article:published_time' content='2023-03-03T09:00:00+01:00'>"
        '<script type="application/ld+json">{"@type":"NewsArticle",'
        '"datePublished":"2023-03-03T09:00:00+01:00"}</script>',
        "<article><h1>Stadtrat beschließt den neuen Haushalt</h1>"
        f"<div class='date'>05.03.2023</div>{ARTICLE}</article>",
    )
    assert _day(meta) == "2023-03-03"


def test_republication_date_shown_and_declared_as_modified_wins() -> None:
    meta = _meta(
        '<script type="application/ld+json">{"@type":"Article",'
        '"datePublished":"2017-08-21T13:09:00Z","dateModified":"2019-04-03T08:04:01Z"}</script>',
        "<article><h1>Sieben Berufe, die Zukunft haben</h1>"
        f"<p class='meta'>Von Anna Berg</p><span>03.04.2019</span>{ARTICLE}</article>",
    )
    assert _day(meta) == "2019-04-03"
    assert meta.provenance["published"].startswith("dom:text")


def test_printed_update_time_does_not_vote_for_publication() -> None:
    meta = _meta(
        "",
        "<article><h1>Template-Datenschutz: Schriften lokal einbinden</h1>"
        "<span itemprop='datePublished'>2018-06-22 10:20:00</span>"
        "<span itemprop='dateModified' content='2018-08-29 14:15:57'></span>"
        f"<p>Zuletzt bearbeitet</p><p>2018-08-29 14:15:57</p>{ARTICLE}</article>",
    )
    assert _day(meta) == "2018-06-22"


def test_modification_before_publication_does_not_vote() -> None:
    meta = _meta(
        '<script type="application/ld+json">{"@type":"Article",'
        '"datePublished":"2022-12-25T11:00:02+00:00","dateModified":"2022-12-07T09:10:52+00:00"}'
        "</script><meta property='article:published_time' content='2022-12-25T11:00:02+00:00'>",
        "<article><h1>Erfinderinnen: eine Forscherin im Kampf gegen HIV</h1>"
        f"<div class='entry-meta'>07.12.2022</div><p>07.12.2022</p>{ARTICLE}</article>",
    )
    assert _day(meta) == "2022-12-25"


def test_utc_stamp_late_at_night_takes_the_local_day_of_the_url() -> None:
    meta = _meta(
        "<meta property='article:published_time' content='2018-12-31T23:11:59+00:00'>",
        f"<article><h1>Ins neue Jahr mit vielen Plänen</h1>{ARTICLE}</article>",
        "https://blog.example/2019/01/01/ins-neue-jahr/",
    )
    assert _day(meta) == "2019-01-01"
    assert meta.provenance["published"] == "url=2019/01/01"


def test_utc_stamp_and_a_day_unreachable_by_any_zone_keeps_utc() -> None:
    # 08:00Z is 2023-05-10 in every real zone (UTC-12 to UTC+14): a URL saying the 11th is
    # not its local day
    meta = _meta(
        "<meta property='article:published_time' content='2023-05-10T08:00:00+00:00'>",
        f"<article><h1>Ein Bericht aus der Stadtverwaltung</h1>{ARTICLE}</article>",
        "https://news.example/2023/05/11/bericht/",
    )
    assert _day(meta) == "2023-05-10"


def test_utc_instant_and_printed_local_clock_give_the_local_offset() -> None:
    meta = _meta(
        '<script type="application/ld+json">{"@type":"NewsArticle",'
        '"datePublished":"2023-11-09T01:49:09Z"}</script>',
        "<article><h1>Another Bay Area child dead from fentanyl</h1>"
        "<time datetime='2023-11-08 17:49:09'>November 8, 2023 at 5:49 p.m.</time>"
        f"{ARTICLE}</article>",
    )
    assert meta.published == datetime(2023, 11, 8, 17, 49, 9, tzinfo=timezone(timedelta(hours=-8)))
    assert meta.published is not None
    assert meta.published.astimezone(UTC) == datetime(2023, 11, 9, 1, 49, 9, tzinfo=UTC)


def test_printed_local_clock_beats_a_masthead_date_for_the_local_day() -> None:
    # the masthead prints today's date (the UTC day) before the article's own local stamp
    meta = _meta(
        "<meta property='article:published_time' content='2023-11-09T05:30:59+00:00'>"
        '<script type="application/ld+json">{"@type":"NewsArticle",'
        '"datePublished":"2023-11-09T05:30:59Z"}</script>',
        "<header><div class='date-weather'>33°F Thursday, November 9th 2023</div></header>"
        "<article><h1>St. Louis Park elects a new mayor</h1>"
        "<time datetime='2023-11-08 23:30:59'>November 8, 2023 at 11:30 p.m.</time>"
        f"{ARTICLE}</article>",
        "https://paper.example/2023/11/08/st-louis-park-mayor/",
    )
    assert _day(meta) == "2023-11-08"
    assert meta.published is not None and meta.published.utcoffset() == timedelta(hours=-6)


def test_blog_without_h1_keeps_its_stamp_inside_a_sidebar_layout_wrapper() -> None:
    meta = _meta(
        "",
        "<div class='mainwrap single-default sidebar'><div class='blogpost'>"
        "<h2 class='title'>Fall in love with black</h2>"
        "<div class='post-meta'><a class='post-meta-time' href='/blog/2017/08/08/'>08/08/2017</a>"
        f"</div>{ARTICLE}</div>"
        "<div class='sidebar'><div class='widget-date'>01/02/2016</div></div></div>",
    )
    assert _day(meta) == "2017-08-08"


def test_cyrillic_and_arabic_month_names_are_read() -> None:
    from copydesk.extract.dates import parse_date

    ru = parse_date("15 августа 2016, 13:43")
    uk = parse_date("7 січня 2021")
    ar = parse_date("الأربعاء، 07 أكتوبر 2020 - 12:09 م")
    assert ru is not None and ru.value == datetime(2016, 8, 15, 13, 43)
    assert uk is not None and uk.day == (2021, 1, 7)
    assert ar is not None and ar.day == (2020, 10, 7)
    meta = _meta(
        "",
        "<article><p class='date'>15 августа 2016, 13:43</p>"
        "<h1>Подольски завершил карьеру в сборной</h1>"
        "<p>" + "Нападающий объявил о завершении карьеры в национальной команде. " * 4 + "</p>"
        "</article>",
    )
    assert _day(meta) == "2016-08-15"
