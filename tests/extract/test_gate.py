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
