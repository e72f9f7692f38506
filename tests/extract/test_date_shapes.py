"""Publication dates in page shapes the earlier rules missed (tests/fixtures/metadata/dates_*).

Every fixture is a page written for these tests in a shape real news and press sites use.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from copydesk import extract
from copydesk.extract.dates import lead_date, url_date
from copydesk.extract.jsonld import parse_jsonld
from copydesk.extract.metadata import Metadata, extract_metadata
from copydesk.model import Article
from copydesk.parse.html import parse_html

FIXTURES = Path(__file__).parent.parent / "fixtures" / "metadata"
FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def _page(html: str, url: str | None = None) -> Metadata:
    doc = parse_html(html, url)
    assert doc is not None
    return extract_metadata(doc, fetched_at=FETCHED)


def _fixture(name: str, url: str | None = None) -> Metadata:
    return _page((FIXTURES / name).read_text(encoding="utf-8"), url)


def _day(meta: Metadata) -> str | None:
    return meta.published.date().isoformat() if meta.published else None


def test_press_release_lead_paragraph_opening_with_place_and_date() -> None:
    meta = _fixture("dates_press_release_lead.html")
    assert _day(meta) == "2023-03-14"
    assert meta.provenance["published"] == "dom:text=Potsdam, (14.03.2023)."


def test_prose_opening_with_an_event_date_is_not_a_lead_date() -> None:
    assert _day(_fixture("dates_event_sentence_lead.html")) is None


def test_lead_date_shapes() -> None:
    def day(text: str) -> str | None:
        found = lead_date(text)
        return found.value.date().isoformat() if found else None

    assert day("01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr gestartet") == "2022-02-01"
    assert day("27.1.2022 - Bei der Erinnerung an die Verfolgten") == "2022-01-27"
    assert day("BERLIN, 3. März 2023 – Die Regierung hat beschlossen") == "2023-03-03"
    assert day("NEW YORK (March 3, 2023) - Stocks rose on Friday") == "2023-03-03"
    assert day("Am 27.1.2022 wurde der Preis verliehen") is None
    assert day("On March 3, 2023, the council voted to close the pool") is None
    assert day("Die Regierung hat am 3. März 2023 beschlossen") is None


def test_date_printed_after_the_byline_link_in_an_indented_line() -> None:
    meta = _fixture("dates_byline_link_tail.html")
    assert meta.published == datetime(2023, 11, 7, 9, 30)


SATZUNG = "Sie ersetzt die Fassung aus der Gründungszeit, die viele Fragen offen ließ. " * 4
INKRAFT = "Die Satzung tritt nach der Eintragung in das Vereinsregister in Kraft. " * 3


def test_date_after_a_link_inside_a_sentence_is_prose() -> None:
    meta = _page(
        "<html><body><main><h1>Neue Satzung beschlossen</h1>"
        "<p>Die Versammlung folgte dem <a href='/antrag'>Antrag des Vorstands</a> vom "
        f"12.05.2023 und beschloss die neue Satzung mit großer Mehrheit. {SATZUNG}</p>"
        f"<p>{INKRAFT}</p></main></body></html>"
    )
    assert meta.published is None


def test_day_first_date_in_the_url_path() -> None:
    def day(url: str, *, prefer_mdy: bool = False) -> str | None:
        found = url_date(url, prefer_mdy=prefer_mdy)
        return found.value.date().isoformat() if found else None

    assert day("https://verein.example/meldungen/29-10-2021") == "2021-10-29"
    assert day("https://land.example/presse/detail/~02-01-2022-foerderung-startet") == "2022-01-02"
    assert day("https://land.example/presse/~02-01-2022-x", prefer_mdy=True) == "2022-02-01"
    assert day("https://paper.example/news/12-31-2022/story") == "2022-12-31"  # no 31st month
    assert day("https://shop.example/item-1-2-2021abc") is None
    assert day("https://docs.example/v1.2.2021") is None


def test_press_page_dated_only_in_its_url() -> None:
    body = "<p>" + "Der Verein hat seine Jahresbilanz vorgestellt und dankt allen Helfern. " * 4
    meta = _page(
        f"<html><body><main><h1>Jahresbilanz vorgestellt</h1>{body}</p></main></body></html>",
        "https://verein.example/media-news/meldungen/29-10-2021",
    )
    assert _day(meta) == "2021-10-29"
    assert meta.provenance["published"] == "url=29-10-2021"


def test_todays_date_in_the_site_masthead_is_not_the_publication_date() -> None:
    meta = _fixture("dates_masthead_today.html")
    assert meta.published is None
    # the same line inside the article is its stamp
    html = (FIXTURES / "dates_masthead_today.html").read_text(encoding="utf-8")
    moved = html.replace("</h1>", '</h1><p class="meta">Dienstag, 14. Februar 2012</p>')
    assert _day(_page(moved)) == "2012-02-14"


def test_date_in_the_articles_own_meta_aside() -> None:
    meta = _fixture("dates_article_aside_meta.html")
    assert _day(meta) == "2020-02-26"
    assert meta.provenance["published"].startswith("dom:box=")


def test_related_box_and_page_rail_dates_stay_refused() -> None:
    html = (FIXTURES / "dates_article_aside_meta.html").read_text(encoding="utf-8")
    without_meta = html.replace('<li class="content-meta-date">26.02.2020</li>', "")
    assert _day(_page(without_meta)) is None


def test_teaser_classed_date_line_beside_the_headline() -> None:
    meta = _fixture("dates_teaser_meta_over_headline.html")
    assert _day(meta) == "2022-01-02"
    html = (FIXTURES / "dates_teaser_meta_over_headline.html").read_text(encoding="utf-8")
    # the teaser list's date below is another story's
    without = html.replace('<h3 class="bb-teaser-meta">02.01.2022</h3>', "", 1)
    assert _day(_page(without)) is None


def test_unmarked_photo_caption_after_an_image_is_not_a_stamp() -> None:
    body = "<p>" + "Hundreds of protesters gathered outside the theater on Friday night. " * 4
    meta = _page(
        "<html><body><article><h1>Protesters gather at theater</h1>"
        "<div class='entry'><div><img src='/p.jpg' alt=''><br>FILE PHOTO: The president "
        "speaks at an air base near Orleans, France, January 16, 2020.</div>"
        f"<p>January 18, 2020</p>{body}</p></div></article></body></html>"
    )
    assert _day(meta) == "2020-01-18"


BODY = "<p>" + "Die Kolumne erscheint jeden Dienstag und handelt vom Theater der Gegenwart. " * 4


def test_date_in_a_header_with_site_navigation_and_home_logo_is_a_masthead() -> None:
    masthead = (
        "<header class='container'><a href='/'><img src='/logo.svg' alt='Kritik'></a>"
        "<nav><a href='/kolumnen'>Kolumnen</a></nav><time>Mittwoch, 01. November 2023</time>"
        "</header>"
    )
    page = (
        f"<html><body>{masthead}<div class='page'><h2>Über Drag auf der Bühne</h2>"
        f"<p><span class='text_datum'>31. Oktober 2023.</span></p>{BODY}</p></div></body></html>"
    )
    assert _day(_page(page)) == "2023-10-31"
    undated = page.replace("<span class='text_datum'>31. Oktober 2023.</span>", "")
    assert _day(_page(undated)) is None


def test_an_articles_own_header_with_breadcrumbs_and_share_icons_keeps_its_date() -> None:
    header = (
        "<header class='content-header'><nav class='breadcrumbs'><a href='https://x.example/'>"
        "Start</a></nav><time datetime='2022-12-06T10:00:00+01:00'>6. Dezember 2022</time>"
        "<a class='share' href='mailto:?body=x'><svg></svg></a></header>"
    )
    page = (
        f"<html><body><div class='page'>{header}<h1>Wärmepumpenmarkt wächst um 42 Prozent</h1>"
        f"{BODY}</p></div></body></html>"
    )
    assert _day(_page(page)) == "2022-12-06"


def test_a_stamp_class_repeated_with_different_days_is_a_teaser_list() -> None:
    meta = _fixture("dates_unnamed_teaser_list.html", "https://vijesti.example/2020/10/26/direktor")
    assert _day(meta) == "2020-10-26"
    assert meta.provenance["published"].startswith("url=")


def test_date_only_in_a_page_script_is_the_last_resort() -> None:
    meta = _fixture("dates_script_only.html")
    assert meta.published == datetime(
        2019, 3, 2, 6, 22, 28, tzinfo=datetime.fromisoformat("2019-03-02T00:00+01:00").tzinfo
    )
    assert meta.provenance["published"].startswith("script=")
    legacy = _page(
        "<html><body><main><h1>Bong effect</h1>"
        '<div><script>showDate("2020/04/17 01:43:09")</script> 7 views</div>'
        f"{BODY}</p></main></body></html>"
    )
    assert _day(legacy) == "2020-04-17"


def test_a_printed_date_beats_a_script_date() -> None:
    html = (FIXTURES / "dates_script_only.html").read_text(encoding="utf-8")
    dated = html.replace('<p class="price">', '<p class="date">14.03.2021</p><p class="price">')
    assert _day(_page(dated)) == "2021-03-14"


def test_jsonld_block_with_a_stray_closing_brace_or_two_objects_is_read() -> None:
    article = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Direktor",'
        ' "datePublished": "2020-10-26T18:10:00+01:00"}'
    )
    for block in (f"{article}\n    }}", f'{{"@type": "Organization", "name": "Avaz"}}{article}'):
        ld = parse_jsonld([block])
        main = ld.main()
        assert main is not None and main["datePublished"] == "2020-10-26T18:10:00+01:00"
        assert not ld.salvaged  # parsed, not salvaged
    assert parse_jsonld(["} not json {"]).nodes == ()


def _article(name: str, html: str | None = None) -> Article:
    page = html if html is not None else (FIXTURES / name).read_text(encoding="utf-8")
    return extract(page, fetched_at=FETCHED)


def test_a_page_dated_only_by_its_comments_gets_no_publication_date() -> None:
    # A comment's date is another text's date (issue 3: never a date from a comment), however
    # the comments are the only dates on the page: the last-resort page scan skips them.
    article = _article("dates_comment_dates_only.html")
    assert article.page_type == "article"
    assert article.published is None
    assert _fixture("dates_comment_dates_only.html").published is None


def test_the_most_printed_day_outside_comments_and_rails_wins_the_page_scan() -> None:
    html = (FIXTURES / "dates_comment_dates_only.html").read_text(encoding="utf-8")
    # a side column prints the post's day twice and an older day once; a related rail prints
    # another day three times and the comments their own days: neither of those may vote
    more = html.replace(
        "</ol>",
        '<li><cite>Ute</cite> <small class="commentmetadata">14. Januar 2011 um 21:30</small>'
        "<p>Danke!</p></li></ol>",
    ).replace(
        "</body>",
        '<div class="sidebar"><small class="date">12.01.2011</small>'
        '<small class="date">12. Januar 2011</small><small class="date">3. März 2009</small></div>'
        '<div class="related-posts"><small>2. Mai 2012</small><small>2. Mai 2012</small>'
        "<small>2. Mai 2012</small></div></body>",
    )
    article = _article("", more)
    assert article.published == datetime(2011, 1, 12)
    assert article.provenance["published"].startswith("dom:page=")


def test_a_dated_copyright_line_dates_an_otherwise_undated_article() -> None:
    article = _article("dates_copyright_stamp.html")
    assert article.published == datetime(2019, 12, 19, 12, 14)
    assert article.provenance["published"].startswith("dom:page=Copyright © 19.12.2019")


def test_a_day_in_the_declared_images_path_is_the_last_resort() -> None:
    article = _article("dates_image_path_only.html")
    assert article.published == datetime(2016, 5, 4)
    assert article.provenance["published"] == (
        "meta:image=https://www.example.org/files/2016/05/04/report-2015-cover.png"
    )
    # a month-only upload folder (/wp-content/uploads/2016/05/) names no day
    html = (FIXTURES / "dates_image_path_only.html").read_text(encoding="utf-8")
    monthly = html.replace("/files/2016/05/04/", "/wp-content/uploads/2016/05/")
    assert _article("", monthly).published is None


def test_the_page_scan_is_for_articles_without_any_declared_date() -> None:
    html = (FIXTURES / "dates_copyright_stamp.html").read_text(encoding="utf-8")
    # a listing's dates belong to its teasers
    listing = html.replace(
        "<footer>",
        "".join(f'<h2><a href="/n/{i}">Meldung {i}</a></h2>' for i in range(30)) + "<footer>",
    )
    assert _article("", listing).page_type != "article"
    assert _article("", listing).published is None
    # a page that declares its date (here one after the fetch, refused) is not dateless
    declared = html.replace(
        "</head>", '<meta property="article:published_time" content="2030-01-01"></head>'
    )
    assert _article("", declared).published is None


def test_a_heading_that_is_only_the_home_link_is_the_logo_not_the_headline() -> None:
    meta = _fixture("dates_logo_h1_masthead.html")
    assert _day(meta) == "2017-05-01"
    assert meta.provenance["published"] == "meta:date=2017-05-01T17:05:00+0200"
    # without the declared date, the masthead's today still dates nothing
    html = (FIXTURES / "dates_logo_h1_masthead.html").read_text(encoding="utf-8")
    undated = html.replace('<meta name="date" content="2017-05-01T17:05:00+0200">', "")
    assert _page(undated).published is None


def test_a_label_in_its_own_element_names_the_kind_of_the_next_stamp() -> None:
    meta = _fixture("dates_bare_date_meta.html")
    assert meta.modified == datetime(2021, 10, 15)
    assert meta.provenance["modified"] == "dom:stamp=15.10.2021"


def test_a_bare_date_meta_yields_a_tie_to_the_printed_publication_date() -> None:
    meta = _fixture("dates_bare_date_meta.html")
    assert _day(meta) == "2021-10-13"
    assert meta.provenance["published"] == "dom:text=13.10.2021"
    # a meta that says what its date is keeps the tie
    html = (FIXTURES / "dates_bare_date_meta.html").read_text(encoding="utf-8")
    named = html.replace('name="date"', 'property="article:published_time"')
    assert _day(_page(named)) == "2021-10-15"
    # and so does the bare meta when the page prints its date only as the update
    unprinted = html.replace('<h2 class="eventbox__headline">13.10.2021</h2>', "")
    assert _day(_page(unprinted)) == "2021-10-15"
    # a <time> in the article marks its date too
    timed = unprinted.replace(
        "</h1>", '</h1><p class="meta"><time datetime="2021-10-12">12.10.2021 - 13:30</time></p>'
    )
    assert _day(_page(timed)) == "2021-10-12"


def test_a_date_in_the_description_dates_an_otherwise_undated_article() -> None:
    article = _article("dates_description_only.html")
    assert article.page_type == "article"
    assert article.published == datetime(2020, 1, 14)
    assert article.provenance["published"] == (
        "meta:description=ORSO MARSICANO: UN ANNO DA RECORD (Notizia del 14 Gennaio 2020)"
    )
    # a date printed in the page comes first; an "updated" date in the description is none
    html = (FIXTURES / "dates_description_only.html").read_text(encoding="utf-8")
    printed = html.replace("</h1>", '</h1><p class="data">13/01/2020</p>')
    assert _article("", printed).published == datetime(2020, 1, 13)
    updated = html.replace("(Notizia del 14", "(Aggiornato il 14")
    assert _article("", updated).published is None


def test_a_label_only_stamp_names_only_the_very_next_stamp() -> None:
    page = (
        "<html><body><div class='post'><h1>Neue Präsidentin gewählt</h1>"
        "<span class='meta-label'>Zuletzt geändert am:</span>"
        "<span class='meta-note'>Lesezeit rund 3 Minuten</span>"
        f"<span class='meta-date'>13.10.2021</span>{BODY}</p></div></body></html>"
    )
    meta = _page(page)
    assert _day(meta) == "2021-10-13"
    assert meta.modified is None


def test_linkless_meta_line_beside_the_intro_under_a_screen_reader_site_h1() -> None:
    # the site's name is an h1 for screen readers only; the headline's wrapper and the meta
    # line "Erschienen am <time>" (a CMS teaser component's class) share the column
    html = (FIXTURES / "dates_linkless_meta_below_intro.html").read_text(encoding="utf-8")
    meta = _page(html)
    assert _day(meta) == "2023-03-10"  # not the linked teaser's 03.02.2023 above it
    assert meta.provenance["published"] == "dom:box=2023-03-10"
    # a visible h1 in the header is the headline as far as the page says: the column is then
    # no box of its article
    assert _day(_page(html.replace('class="aural" id="headeraural"', 'id="headeraural"'))) is None
    # a meta line that links to another page is a teaser of that page
    linked = html.replace("<span>Aktuelles</span>", '<a href="/aktuelles/">Aktuelles</a>')
    assert _day(_page(linked)) is None


def test_date_only_in_a_stamp_elements_attribute_for_a_script_to_render() -> None:
    html = (FIXTURES / "dates_attribute_only.html").read_text(encoding="utf-8")
    article = extract(html, fetched_at=FETCHED)
    assert article.page_type == "article"
    assert article.published is not None
    # the story's stamp, neither the masthead's today (first) nor a comment's (earlier day)
    assert article.published.date().isoformat() == "2021-05-04"
    assert article.provenance["published"] == "dom:attr=2021-05-04T08:15:00+02:00"
    # without it, the masthead's and the comment's attributes are no stand-in
    bare = html.replace(' data-date="2021-05-04T08:15:00+02:00"', "")
    assert extract(bare, fetched_at=FETCHED).published is None


def test_last_resort_reads_a_date_line_split_by_an_archive_link_whole() -> None:
    html = (FIXTURES / "dates_line_split_by_archive_link.html").read_text(encoding="utf-8")
    article = extract(html, fetched_at=FETCHED)
    assert article.page_type == "article"
    assert article.published is not None
    # the post's "8.<a>November 2010</a> um 18:20", not its three comments of the 9th
    assert article.published.date().isoformat() == "2010-11-08"
    assert article.provenance["published"].startswith("dom:page=8.November 2010 um 18:20")
    # a line without its day names no day, and the comments' dates are no stand-in
    dayless = html.replace('<p class="postinfo">8.', '<p class="postinfo">', 1)
    assert extract(dayless, fetched_at=FETCHED).published is None


def test_a_box_named_teaser_that_teases_nothing_is_the_articles_own() -> None:
    # a CMS naming every box "teaser_*": the article's meta line above its text links only
    # its author and an anchor; the related teasers below link their headlines elsewhere
    html = (FIXTURES / "dates_teaser_named_article_meta.html").read_text(encoding="utf-8")
    meta = _page(html)
    assert _day(meta) == "2022-05-12"
    assert meta.provenance["published"].startswith("dom:stamp=Marta Klein / 12.05.2022")
    own = '<a href="/autor/klein">Marta Klein</a> / 12.05.2022 / 10:00 / '
    assert _day(_page(html.replace(own, "", 1))) is None  # the teasers' dates are theirs
    # a small list item linking a headline-length text elsewhere teases it, heading or not
    start, end = html.index('<div class="teaser_item">'), html.index('<ul class="teaser_list">')
    only_list = html.replace(own, "", 1)[: start - len(own)] + html[end:]
    assert "19.04.2022" in only_list and "12.05.2022" not in only_list
    assert _day(_page(only_list)) is None


def test_a_teaser_box_linking_only_an_image_elsewhere_still_teases() -> None:
    prose = "<p>" + "The council met on Tuesday to discuss the new bus timetable. " * 5 + "</p>"
    html = (
        "<html><body><article><h1>Council meets</h1>"
        f"<div class='story-text'>{prose}{prose}</div></article>"
        "<div class='teaser-box'><a href='/news/other-story'><img src='/img/other.jpg' alt=''>"
        "</a><span class='teaser-box__date'>12.03.2021</span></div></body></html>"
    )
    meta = _page(html)
    assert _day(meta) is None  # the image teaser's date is the other story's
    assert all("other.jpg" not in image.url for image in meta.images)
    linkless = html.replace("<a href='/news/other-story'>", "<a>")
    assert _day(_page(linkless)) == "2021-03-12"  # a teaser box teasing nothing is the page's


def test_camel_case_comment_and_rail_boxes_do_not_date_the_article() -> None:
    # Templates name their boxes in camel case ("PostComments", "ThreadReplies",
    # "relatedArticles"): a reply's <time>, a "postDate" stamp, a printed reply time and a rail
    # teaser's day are other texts' dates, whichever source reads them.
    html = (FIXTURES / "dates_camel_case_comments.html").read_text(encoding="utf-8")
    assert _article("", html).published is None
    assert _page(html).published is None
    lines = html.split("\n")
    for source in ('<span class="ReplyTime"', "<time", "postDate", "relatedItem"):
        # each source alone: a printed reply time, a <time>, a date stamp, a rail item
        alone = [x for x in lines if source in x or not ("UserPost" in x or "relatedItem" in x)]
        assert _page("\n".join(alone)).published is None, source
    # a list of replies is a comment section, however its wrapper is named
    assert _page(html.replace("PostComments", "PostExtras")).published is None
    # the control: the same boxes without comment or rail names date the page
    plain = html.replace("PostComments", "PostExtras").replace("ThreadReplies", "ThreadList")
    plain = plain.replace("relatedArticles", "moreLinks")
    assert _day(_page(plain)) is not None


def test_an_opinion_header_named_comment_keeps_its_own_date() -> None:
    # "Comment" is also the kind of article (an opinion piece): a date line in the article's
    # own "ArticleHeaderComment" header is the article's, while the replies stay refused.
    html = (FIXTURES / "dates_camel_case_comments.html").read_text(encoding="utf-8")
    html = html.replace(
        "<h1>Fixing a dripping tap</h1>",
        '<div class="ArticleHeaderComment"><h1>Fixing a dripping tap</h1>'
        '<div class="ArticleHeaderComment_publishDate"><span>3 March 2010</span></div></div>',
    )
    assert _day(_page(html)) == "2010-03-03"
    assert _article("", html).published == datetime(2010, 3, 3)


def test_a_rail_teaser_of_the_page_itself_dates_an_undated_article() -> None:
    # A "latest news" block that lists the article being read prints the day the site gives
    # it; every other teaser's date, and the comment's permalinked date, are other texts'.
    html = (FIXTURES / "dates_own_teaser_in_rail.html").read_text(encoding="utf-8")
    url = "https://www.riverside-aid.example/press/clean-water-for-every-school"
    article = extract(html, url=url, fetched_at=FETCHED)
    assert article.page_type == "article"
    assert article.published == datetime(2023, 3, 13)
    assert article.provenance["published"] == "dom:page=13.03.2023"
    # the same page at another address: the rail teases other pages only, and the permalink
    # to a comment ("…#comment-7") is no teaser of the page
    other = "https://www.riverside-aid.example/press/clean-water-appeal"
    assert extract(html, url=other, fetched_at=FETCHED).published is None
    # a teaser wrapped whole in its link, the date inside, as CMS card lists print it
    card = html.replace(
        '<li class="teaser"><span class="teaser-date">13.03.2023</span> '
        '<a href="/press/clean-water-for-every-school">Clean water for every school</a></li>',
        '<li><a href="/press/clean-water-for-every-school/"><div class="teaser"><div class="text">'
        '<div class="teaser-date">13.03.2023</div><h4>Clean water for every school</h4>'
        "</div></div></a></li>",
    )
    assert "<h4>Clean water" in card
    assert extract(card, url=url, fetched_at=FETCHED).published == datetime(2023, 3, 13)
    # the own teaser outranks a stray stamp-length date elsewhere (here in the footer), which
    # still dates the page when no teaser of the page is printed
    footer = html.replace("12 Mill Lane", "12 Mill Lane · 01.02.2023")
    assert extract(footer, url=url, fetched_at=FETCHED).published == datetime(2023, 3, 13)
    assert extract(footer, url=other, fetched_at=FETCHED).published == datetime(2023, 2, 1)
    # a teaser item that also links elsewhere is not the page's own
    mixed = html.replace(
        '<span class="teaser-date">13.03.2023</span>',
        '<span class="teaser-date">13.03.2023</span> <a href="/topics/water">Water</a>',
    )
    assert extract(mixed, url=url, fetched_at=FETCHED).published is None
