"""Feeds, sitemaps, page links, URL keys and the persistent frontier."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from copydesk.discover.feeds import parse_feed
from copydesk.discover.frontier import Frontier
from copydesk.discover.links import page_links
from copydesk.discover.sitemaps import parse_sitemap
from copydesk.discover.urls import base_domain, canonical_url_key, host_of, is_http_url, site_of
from copydesk.store import Store

BASE = "https://news.example.com/"


def test_rss2_and_rss091_and_atom() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>a</title><link>/a.html</link>
    <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
    <item><title>b</title><link>https://news.example.com/b.html</link></item>
    <item><title>no link</title></item>
    <item><title>js</title><link>javascript:alert(1)</link></item>
    </channel></rss>"""
    links = parse_feed(rss, BASE)
    assert [link.url for link in links] == [BASE + "a.html", BASE + "b.html"]
    assert links[0].date == datetime(2024, 3, 5, 10, tzinfo=UTC)
    rss091 = b"""<rss version="0.91"><channel><title>t</title>
    <item><title>x</title><link>https://news.example.com/x</link></item></channel></rss>"""
    assert [link.url for link in parse_feed(rss091, BASE)] == [BASE + "x"]
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
    <entry><title>e</title><link rel="alternate" href="https://news.example.com/e"/>
    <updated>2024-01-02T03:04:05Z</updated></entry></feed>"""
    (entry,) = parse_feed(atom, BASE)
    assert entry.url == BASE + "e" and entry.date == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_json_feed() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [
            {"id": "1", "url": "/j1", "date_published": "2024-02-01T00:00:00+01:00"},
            {"id": "2", "external_url": "https://other.org/j2"},
            {"id": "3"},
            "junk",
        ],
    }
    links = parse_feed(json.dumps(feed).encode(), BASE)
    assert [link.url for link in links] == [BASE + "j1", "https://other.org/j2"]
    assert links[0].date is not None and links[0].date.utcoffset() is not None


def test_bad_feeds_give_nothing() -> None:
    for junk in (b"", b"{", b"\x00\xff" * 50, b"<rss><channel><item><link>", b'{"items": 5}'):
        assert isinstance(parse_feed(junk, BASE), list)


def test_sitemaps_index_urlset_news_and_gzip() -> None:
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://news.example.com/s1.xml</loc><lastmod>2024-01-01</lastmod></sitemap>
    </sitemapindex>"""
    (entry,) = parse_sitemap(index, BASE)
    assert entry.is_sitemap and entry.url.endswith("s1.xml")
    assert entry.date == datetime(2024, 1, 1, tzinfo=UTC)
    news = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://news.example.com/n1</loc><news:news>
      <news:publication_date>2024-05-02T10:00:00Z</news:publication_date></news:news></url>
      <url><loc>ftp://x/y</loc></url></urlset>"""
    (item,) = parse_sitemap(news, BASE)
    assert not item.is_sitemap and item.date == datetime(2024, 5, 2, 10, tzinfo=UTC)
    assert parse_sitemap(gzip.decompress(gzip.compress(news)), BASE) == [item]


def test_sitemap_refuses_entities_and_survives_junk() -> None:
    xxe = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <urlset><url><loc>https://e.com/&x;</loc></url></urlset>"""
    assert all("root:" not in link.url for link in parse_sitemap(xxe, BASE))
    for junk in (b"", b"<urlset>", b"\xff\xfe junk", b"<html><body>no</body></html>"):
        assert isinstance(parse_sitemap(junk, BASE), list)


def test_page_links() -> None:
    html = """<html><head><base href="/section/">
    <link rel="alternate" type="application/rss+xml" href="/feed.xml">
    <link rel="stylesheet" href="/s.css"></head><body>
    <a href="a.html#top">a</a><a href="a.html">again</a><a href="mailto:x@y">m</a>
    <a href="https://other.org/z">z</a></body></html>"""
    feeds, anchors = page_links(html, BASE)
    assert feeds == [BASE + "feed.xml"]
    assert anchors == [BASE + "section/a.html", "https://other.org/z"]
    assert page_links("", BASE) == ([], [])


def test_url_helpers() -> None:
    assert canonical_url_key("HTTPS://News.Example.com:443/a?utm_source=x&b=2&a=1#f") == (
        canonical_url_key("https://news.example.com/a?a=1&b=2")
    )
    assert host_of("http://Example.com:8080/x") == "example.com:8080"
    assert site_of("https://www.example.com/") == "example.com"
    assert is_http_url("https://e.com/") and not is_http_url("file:///etc/passwd")
    assert not is_http_url("http://[::1")
    assert base_domain("https://feeds.news.example.co.uk/x") == "example.co.uk"
    assert base_domain("https://www.example.com/") == "example.com"
    assert base_domain("http://127.0.0.1:8080/") == "127.0.0.1"


@given(st.text(max_size=80))
def test_url_key_never_raises_and_is_idempotent(raw: str) -> None:
    key = canonical_url_key(raw)
    assert canonical_url_key(key) == key


def test_frontier_persists_and_dedups(tmp_path: Path) -> None:
    with Store(tmp_path / "f.db") as store:
        frontier = Frontier(store.connection)
        assert frontier.add("https://e.com/a?utm_source=x", kind="page", depth=1)
        assert not frontier.add("https://e.com/a", kind="page", depth=1)
        assert frontier.add("https://f.org/feed", kind="feed", depth=0)
        assert frontier.pending() == 2
        (item,) = frontier.queues["f.org"]
        frontier.done(item, etag='"v1"')
    with Store(tmp_path / "f.db") as store:
        again = Frontier(store.connection)
        assert again.load(revisit_after=None) == 1  # the page; the feed is done
        assert again.load(revisit_after=0) == 2  # the feed is due for a revisit
        (feed,) = again.queues["f.org"]
        assert feed.etag == '"v1"'
        assert again.counts() == {"queued": 2}
