"""Sitemaps (index, urlset, Google News, gzipped) read with lxml iterparse, bounded in size.

An own reader (DESIGN.md §5): streaming, no entity resolution, no network, and it keeps the
dates a sitemap gives (``lastmod``, ``news:publication_date``) for ``--since`` filtering.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from urllib.parse import urljoin

from lxml import etree

from copydesk.discover.feeds import Link
from copydesk.discover.urls import is_http_url

# The sitemap protocol caps a file at 50,000 URLs; anything past it is ignored.
MAX_SITEMAP_URLS = 50_000


def _local(tag: object) -> str:
    text = tag if isinstance(tag, str) else ""
    return text.rsplit("}", 1)[-1]


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    value = text.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_sitemap(body: bytes, base_url: str) -> list[Link]:
    """Entries of a sitemap index (``is_sitemap=True``) or urlset; [] when unreadable."""
    out: list[Link] = []
    try:
        events = etree.iterparse(
            io.BytesIO(body),
            events=("end",),
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            recover=True,
        )
        for _event, element in events:
            name = _local(element.tag)
            if name not in ("url", "sitemap"):
                continue
            loc: str | None = None
            date: datetime | None = None
            for child in element.iter():
                child_name = _local(child.tag)
                if child_name == "loc" and child.text and loc is None:
                    loc = child.text.strip()
                elif child_name in ("lastmod", "publication_date") and date is None:
                    date = _date(child.text)
            element.clear()
            if loc:
                url = urljoin(base_url, loc)
                if is_http_url(url):
                    out.append(Link(url, date, is_sitemap=name == "sitemap"))
            if len(out) >= MAX_SITEMAP_URLS:
                break
    except (etree.XMLSyntaxError, ValueError):
        return out
    return out
