"""The batch step: one archived page in, an article row or a reject reason out.

``screen`` runs in the reading process and rejects cheaply (status, content type, filters) what
needs no parsing. ``extract_step`` runs in a bounded worker (see ``sandbox.py``): it undoes the
HTTP encodings, decodes the charset and extracts. Both local and Ray engines call these same
functions; tests inject other step functions (same signature) to simulate hangs and crashes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from copydesk.api import extract
from copydesk.archive.http import PayloadError, content_type, decode_body
from copydesk.archive.page import OtherRecord, Page
from copydesk.parse.decode import decode
from copydesk.parse.sniff import looks_like_html

# Decoded payloads beyond this are rejected as too_large before parsing: lxml's time grows with
# size and no news article needs more than a few MB of HTML. 8 MB keeps every page we have seen
# (the largest real news pages are ~3 MB with inline scripts) and bounds worker memory.
MAX_HTML_BYTES = 8 << 20
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True, slots=True)
class StepOptions:
    """What a batch asks of each page: filters and bounds. Picklable (sent to workers)."""

    include_hosts: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    max_html_bytes: int = MAX_HTML_BYTES


@dataclass(frozen=True, slots=True)
class Extracted:
    """A page that became an article: ``article`` is ``Article.to_dict()``."""

    article: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Rejected:
    """A page that did not: ``reason`` is a code from REJECT_REASONS, ``detail`` free text."""

    reason: str
    detail: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


Outcome = Extracted | Rejected
StepFunction = Callable[[Page, StepOptions], Outcome]

# Every reason a page can be rejected for, for documentation and stats.
REJECT_REASONS = (
    "revisit",
    "too_large",
    "status",
    "not_html",
    "filtered_host",
    "filtered_date",
    "truncated",
    "bad_encoding",
    "not_article",
    "timeout",
    "memory",
    "worker_died",
    "error",
)


def host_matches(url: str, hosts: tuple[str, ...]) -> bool:
    """True when the URL's host is one of ``hosts`` or a subdomain of one."""
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    return any(host == h or host.endswith("." + h) for h in hosts)


def screen_record(record: OtherRecord) -> Rejected | None:
    """The reject for a non-page record that names a page (revisit, too large), else None: such
    records are counted by type but are not pages anyone expected an article from."""
    if record.reason == "too_large":
        return Rejected("too_large", f"record of {record.length} bytes")
    if record.record_type == "revisit" and record.url:
        return Rejected("revisit")
    return None


def screen(page: Page, options: StepOptions) -> Rejected | None:
    """Cheap checks before any parsing; None means the page goes to ``extract_step``."""
    if options.include_hosts and not host_matches(page.url, options.include_hosts):
        return Rejected("filtered_host")
    if page.fetched_at is not None and (
        (options.since is not None and page.fetched_at < options.since)
        or (options.until is not None and page.fetched_at >= options.until)
    ):
        return Rejected("filtered_date", page.fetched_at.isoformat())
    if page.status != 200:
        return Rejected("status", str(page.status))
    media, _ = content_type(page.headers)
    if media is not None and media not in HTML_TYPES:
        return Rejected("not_html", media)
    if page.truncated:
        # The archive ended inside this record: extracting half a page would store half an
        # article as if it were whole.
        return Rejected("truncated")
    return None


def extract_step(page: Page, options: StepOptions) -> Outcome:
    """Decode and extract one page (runs in a bounded worker)."""
    try:
        payload = decode_body(page.body, page.headers, options.max_html_bytes)
    except PayloadError as exc:
        return Rejected(exc.reason, exc.detail)
    media, charset = content_type(page.headers)
    text = decode(payload, charset)
    if media is None and not looks_like_html(text):
        return Rejected("not_html", "no content type; not HTML by content")
    article = extract(text, url=page.url, fetched_at=page.fetched_at, input="html")
    if article.page_type != "article":
        return Rejected("not_article", article.page_type)
    return Extracted(article.to_dict())
