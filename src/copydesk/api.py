"""The public entry point: one page in, one Article out."""

from __future__ import annotations

from datetime import datetime

from copydesk.extract.core import extract_html
from copydesk.model import Article
from copydesk.parse.decode import decode
from copydesk.parse.sniff import looks_like_html
from copydesk.text.core import extract_plain_text

INPUT_KINDS = ("auto", "html", "text")


def extract(
    page: str | bytes,
    *,
    url: str | None = None,
    fetched_at: datetime | None = None,
    input: str = "auto",  # noqa: A002 - the name is the documented API
) -> Article:
    """Extract one page (HTML or already-scraped text) into an :class:`Article`.

    Never raises for a page's content: unusable input gives an Article with ``page_type`` "other"
    and an empty body. Raises ``ValueError`` only for a bad ``input`` argument.
    """
    if input not in INPUT_KINDS:
        raise ValueError(f"input must be one of {INPUT_KINDS}, not {input!r}")
    text = decode(page) if isinstance(page, bytes) else page
    kind = input if input != "auto" else ("html" if looks_like_html(text) else "text")
    if kind == "html":
        return extract_html(text, url=url, fetched_at=fetched_at)
    return extract_plain_text(text, url=url, fetched_at=fetched_at)
