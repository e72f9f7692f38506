"""Feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed) -> the article links they list, with their dates."""

from __future__ import annotations

import calendar
import json
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from copydesk.discover.urls import is_http_url

# Entries read per feed: real feeds carry 10-100; a feed listing more is almost always an error
# or an attack, and sitemaps are the right channel for bulk listings.
MAX_FEED_ENTRIES = 5000
JSON_FEED_TYPES = ("application/feed+json", "application/json")


@dataclass(frozen=True, slots=True)
class Link:
    """A URL found in a feed or sitemap and the date the listing gave for it (if any)."""

    url: str
    date: datetime | None = None
    is_sitemap: bool = False


def _struct_to_dt(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _iso_dt(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_json_feed(body: bytes, base_url: str) -> list[Link]:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return []
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    out: list[Link] = []
    for item in items[:MAX_FEED_ENTRIES]:
        if not isinstance(item, dict):
            continue
        raw = item.get("url") or item.get("external_url")
        if not isinstance(raw, str):
            continue
        url = urljoin(base_url, raw.strip())
        if is_http_url(url):
            date = _iso_dt(item.get("date_published")) or _iso_dt(item.get("date_modified"))
            out.append(Link(url, date))
    return out


def parse_xml_feed(body: bytes, base_url: str) -> list[Link]:
    with warnings.catch_warnings():
        # feedparser warns on odd input (deprecated keys, encodings); a bad feed is normal input.
        warnings.simplefilter("ignore")
        parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    out: list[Link] = []
    for entry in parsed.entries[:MAX_FEED_ENTRIES]:
        raw = entry.get("link")
        if not raw:
            for link in entry.get("links", []):
                if link.get("rel", "alternate") == "alternate" and link.get("href"):
                    raw = link["href"]
                    break
        if not raw:
            continue
        url = urljoin(base_url, str(raw).strip())
        if not is_http_url(url):
            continue
        date = _struct_to_dt(entry.get("published_parsed")) or _struct_to_dt(
            entry.get("updated_parsed")
        )
        out.append(Link(url, date))
    return out


def parse_feed(body: bytes, base_url: str) -> list[Link]:
    """The entries of a feed of any supported format; [] for anything unreadable."""
    head = body.lstrip()[:1]
    if head == b"{":
        return parse_json_feed(body, base_url)
    return parse_xml_feed(body, base_url)
