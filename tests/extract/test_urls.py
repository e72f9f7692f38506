"""join_url gives what urljoin gives, with or without its shortcut."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.extract.urls import join_url, url_path

BASES = ("", "https://example.com/news/a.html", "http://example.com/", "https://b.org/x?y=1#z")
# URL-ish text: the characters urljoin splits on, drops or checks, letters, and a non-ASCII one
_CHARS = st.text(alphabet="ab/?#;:[]. \t\n%=&é1", max_size=12)


@given(st.sampled_from(("https://", "http://", "HTTPS://", "https:", "//", "")), _CHARS, _CHARS)
@settings(max_examples=400)
def test_join_url_is_urljoin(scheme: str, host: str, rest: str) -> None:
    url = scheme + host + rest
    for base in BASES:
        try:
            expected = urljoin(base, url)
        except ValueError:
            continue  # "Invalid IPv6 URL": join_url asks urljoin for these too
        assert join_url(base, url) == expected
    try:
        path = urlsplit(url).path
    except ValueError:
        return
    assert url_path(url) == path


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/img.jpg?",  # an empty query is dropped
        "https://example.com/img.jpg#",
        "https://example.com/a?#f",
        "https:///path",  # no host: resolved against the base
        "https://example.com/a;p",
        "https://exa\tmple.com/a",
        "/relative/a.jpg",
        "https://example.com/photo.jpg?w=1200&strip=all",
        "https://example.com",
        "https://example.com?x=1/2",
        "http://example.com#a/b?c",
    ],
)
def test_join_url_shapes(url: str) -> None:
    base = "https://example.com/news/a.html"
    assert join_url(base, url) == urljoin(base, url)
    assert join_url(None, url) == urljoin("", url)
    assert url_path(url) == urlsplit(url).path


def test_an_absolute_url_is_returned_unparsed() -> None:
    url = "https://cdn.example.com/2023/03/photo-1024x683.jpg?w=1200"
    assert join_url("https://example.com/news/a.html", url) is url
