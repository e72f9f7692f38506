"""Links from HTML pages: feeds a home page declares, and the anchors of listing pages."""

from __future__ import annotations

from urllib.parse import urljoin

from copydesk.discover.urls import is_http_url
from copydesk.parse.html import parse_html

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/json",
        "text/xml",
        "application/xml",
    }
)
# Anchors read per listing page: home pages carry 100-500 links; more is a link farm.
MAX_LINKS_PER_PAGE = 2000


def page_links(html: str, base_url: str) -> tuple[list[str], list[str]]:
    """(feed URLs from ``<link rel="alternate">``, anchor URLs) of a page, absolute, http(s)."""
    doc = parse_html(html, base_url)
    if doc is None:
        return [], []
    root = doc.root
    base = base_url
    for element in root.iter("base"):
        href = element.get("href")
        if href:
            base = urljoin(base_url, href.strip())
        break
    feeds: list[str] = []
    for element in root.iter("link"):
        rel = (element.get("rel") or "").lower().split()
        kind = (element.get("type") or "").lower().split(";")[0].strip()
        href = element.get("href")
        if "alternate" in rel and kind in FEED_TYPES and href:
            url = urljoin(base, href.strip())
            if is_http_url(url) and url not in feeds:
                feeds.append(url)
    anchors: list[str] = []
    seen: set[str] = set()
    for element in root.iter("a"):
        href = element.get("href")
        if not href:
            continue
        url = urljoin(base, href.strip()).split("#", 1)[0]
        if url not in seen and is_http_url(url):
            seen.add(url)
            anchors.append(url)
            if len(anchors) >= MAX_LINKS_PER_PAGE:
                break
    return feeds, anchors
