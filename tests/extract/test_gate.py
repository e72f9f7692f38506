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
