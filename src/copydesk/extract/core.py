"""HTML to Article: the orchestrator. Placeholder body extractor until issue 2's extractor lands."""

from __future__ import annotations

from datetime import datetime

from copydesk.model import Article, Block
from copydesk.parse.html import parse_html


def extract_html(
    text: str, *, url: str | None = None, fetched_at: datetime | None = None
) -> Article:
    del fetched_at
    doc = parse_html(text, url)
    if doc is None:
        return Article(url=url)
    blocks = tuple(
        Block("paragraph", " ".join(p.text_content().split()))
        for p in doc.root.iter("p")
        if p.text_content().strip()
    )
    title_el = doc.root.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else None
    return Article(url=url, page_type="article" if blocks else "other", title=title or None,
                   body=blocks)
