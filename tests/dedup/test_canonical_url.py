"""URL canonicalisation: known variants collapse, distinct pages stay distinct, idempotent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.dedup.urls import canonical_url

SAME = [
    ("HTTPS://WWW.Example.COM:443/news/story-1/", "https://www.example.com/news/story-1"),
    ("http://example.com:80/a#comments", "http://example.com/a"),
    (
        "https://www.example.com/a?utm_source=tw&utm_medium=social&id=7&fbclid=xyz",
        "https://www.example.com/a?id=7",
    ),
    ("https://www.example.com/a?gclid=1&b=2&a=1", "https://www.example.com/a?a=1&b=2"),
    ("https://www.example.com/amp/news/story-1", "https://www.example.com/news/story-1"),
    ("https://www.example.com/news/story-1/amp/", "https://www.example.com/news/story-1"),
    ("https://www.bbc.co.uk/news/world-123.amp", "https://www.bbc.co.uk/news/world-123"),
    ("https://www.example.com/news/story.amp.html", "https://www.example.com/news/story.html"),
    ("https://www.example.com/news/story?outputType=amp", "https://www.example.com/news/story"),
    ("https://www.example.com/news/story?amp=1", "https://www.example.com/news/story"),
    ("https://m.example.com/news/story", "https://www.example.com/news/story"),
    ("https://amp.theguardian.com/world/x", "https://www.theguardian.com/world/x"),
    ("https://example.com/a;jsessionid=ABC123?x=1", "https://example.com/a?x=1"),
    ("https://example.com/caf%c3%a9/%7euser", "https://example.com/caf%C3%A9/~user"),
    ("https://example.com/café story", "https://example.com/caf%C3%A9%20story"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com//a//b/", "https://example.com/a/b"),
    ("  https://example.com/a  ", "https://example.com/a"),
    ("https://example.com/a?CMP=share_btn_tw&page=2", "https://example.com/a?page=2"),
]


@pytest.mark.parametrize(("raw", "expected"), SAME)
def test_variants_collapse(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


def test_distinct_pages_stay_distinct() -> None:
    urls = [
        "https://example.com/a",
        "https://example.com/b",
        "https://example.com/a?id=1",
        "https://example.com/a?id=2",
        "https://example.com:8080/a",
        "http://example.com/a",
        "https://example.com/A",
        "https://example.com/a%2Fb",
        "https://example.com/a/b",
    ]
    assert len({canonical_url(u) for u in urls}) == len(urls)


@pytest.mark.parametrize(
    "raw", ["", "not a url", "mailto:x@example.com", "/relative/path", "https://", "http://:80/"]
)
def test_odd_input_is_returned_untouched(raw: str) -> None:
    assert canonical_url(raw) == raw.strip()


def test_non_string_gives_empty() -> None:
    assert canonical_url(None) == ""  # type: ignore[arg-type]


URLISH = st.builds(
    lambda scheme, host, port, path, query, frag: f"{scheme}://{host}{port}{path}{query}{frag}",
    st.sampled_from(["http", "HTTPS", "https", "ftp"]),
    st.sampled_from(["Example.com", "m.example.co.uk", "amp.x.org", "[::1]", "a@b.com", "h.", ""]),
    st.sampled_from(["", ":80", ":443", ":8080", ":x"]),
    st.text(alphabet="/aA%2fF.amp;=é ~?&#", max_size=25),
    st.text(alphabet="?&=utm_sourcefbclidamp%2BÉ a", max_size=25),
    st.text(alphabet="#ab", max_size=3),
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(URLISH, st.text(max_size=60)))
def test_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once
