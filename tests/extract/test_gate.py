"""The page-type gate, standalone and through the metadata pass."""

from __future__ import annotations

from pathlib import Path

import copydesk
from copydesk.extract.gate import classify_page

FIXTURES = Path(__file__).parent.parent / "fixtures" / "metadata"


def test_classify_fixtures() -> None:
    assert classify_page((FIXTURES / "listing.html").read_text()) == "listing"
    assert classify_page((FIXTURES / "consent_wall.html").read_bytes()) == "other"
    assert classify_page((FIXTURES / "jsonld_both_dates.html").read_text()) == "article"
    assert classify_page((FIXTURES / "stamp_both.html").read_text()) == "article"


def test_error_and_video_pages_are_other() -> None:
    error = "<html><head><title>404 Page not found</title></head><body><h1>Oops</h1></body></html>"
    assert classify_page(error) == "other"
    video = (
        '<html><head><meta property="og:type" content="video.other"></head><body><h1>Clip</h1>'
        '<video src="/v.mp4"></video><p>A short description of the clip for viewers.</p>'
        "</body></html>"
    )
    assert classify_page(video) == "other"


def test_junk_is_other() -> None:
    assert classify_page(b"") == "other"
    assert classify_page(b"\x00\xff\xfe junk") == "other"
    assert classify_page("<html>") == "other"


def test_exported_from_package() -> None:
    assert copydesk.classify_page is classify_page


def test_headline_links_counts_each_link_under_a_heading_once() -> None:
    from copydesk.extract.gate import _HEADLINE_LINKS, headline_links
    from copydesk.parse.html import parse_html

    page = (
        "<html><body><h2><a href='/a'>A story</a><h3><a href='/b'>B</a></h3></h2>"
        "<h4><a>no href</a><a href=''>empty href</a></h4><p><a href='/c'>C</a></p>"
        + "<div><h3>" * 50
        + "<a href='/d'>deep</a>"
        + "</h3></div>" * 50
        + "</body></html>"
    )
    doc = parse_html(page)
    assert doc is not None
    assert headline_links(doc.root) == 4  # /a, /b, the empty href, /d; not /c nor the bare <a>
    assert headline_links(doc.root) == int(_HEADLINE_LINKS(doc.root))


GATE = Path(__file__).parent.parent / "fixtures" / "gate"


def _both(name: str, url: str | None = None) -> tuple[str, str]:
    """The standalone gate and the full extraction's page type, which must agree."""
    page = (GATE / name).read_bytes()
    return classify_page(page, url), copydesk.extract(page, url=url).page_type


def test_short_section_front_tag_page_and_search_results_are_listings() -> None:
    # a few teaser headlines and no running text: lists, not empty "other" pages
    assert _both("section_front.html", "https://herald.example/business/") == ("listing",) * 2
    assert _both("tag_page.html", "https://blog.example/tag/radverkehr/") == ("listing",) * 2
    # result links carry their role in their class, not in headings; the URL is a search
    assert _both("search_results.html", "https://gazette.example/search?q=flood+defences") == (
        "listing",
        "listing",
    )
    assert _both("search_results.html") == ("listing", "listing")  # by the titled links alone


def test_error_page_with_a_most_read_rail_stays_other() -> None:
    # the <title> is only the site's name; the headline says the page is gone
    assert _both("not_found_rail.html", "https://herald.example/news/old") == ("other", "other")


def test_video_and_gallery_pages_with_more_rails_stay_other() -> None:
    assert _both("video_page.html") == ("other", "other")
    assert _both("gallery_page.html") == ("other", "other")
    assert classify_page((FIXTURES / "consent_wall.html").read_bytes()) == "other"


def test_template_body_classes_say_listing_or_error() -> None:
    body = "<p>" + "Running text of a post shown in full on the archive page. " * 12 + "</p>"
    archive = f'<html><body class="archive category category-news"><h1>News</h1>{body}</body>'
    assert classify_page(archive) == "listing"
    single = f'<html><body class="single single-post"><h1>A post</h1>{body}</body>'
    assert classify_page(single) == "article"
    gone = '<html><body class="error404"><h1>Nothing here</h1><h3><a href="/a">A</a></h3></body>'
    assert classify_page(gone) == "other"


def test_an_article_rail_never_makes_a_listing() -> None:
    rail = "".join(f'<h3><a href="/s{i}">Story number {i}</a></h3>' for i in range(6))
    body = "<p>" + "A sentence of the article's own running text goes here. " * 9 + "</p>"
    page = f"<html><body><article><h1>Headline</h1>{body}</article><aside>{rail}</aside></body>"
    assert classify_page(page) == "article"


def test_article_prose_beside_a_big_rail_is_an_article_short_summaries_a_listing() -> None:
    rail = "".join(
        f'<li><h3><a href="/s{i}">Another story about the harbour, number {i}</a></h3></li>'
        for i in range(20)
    )
    prose = "".join(
        "<p>"
        + f"Paragraph {i} of the article's own text, long enough to read as prose. " * 4
        + "</p>"
        for i in range(3)
    )
    article = f"<html><body><h1>A headline</h1>{prose}<ul class='more'>{rail}</ul></body></html>"
    assert classify_page(article) == "article"
    assert copydesk.extract(article).page_type == "article"
    summaries = "".join(
        f'<div><h3><a href="/s{i}">Another story about the harbour, number {i}</a></h3>'
        f"<p>A one-line summary of story {i} for the front page.</p></div>"
        for i in range(20)
    )
    front = f"<html><body><h1>Harbour</h1>{summaries}</body></html>"
    assert classify_page(front) == "listing"
    assert copydesk.extract(front).page_type == "listing"
