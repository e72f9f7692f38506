"""Plain-text input: already-scraped pages. Placeholder until issue 4 lands: paragraphs only."""

from __future__ import annotations

import re
from datetime import datetime

from copydesk.model import Article, Block

_BLANK = re.compile(r"\n\s*\n")


def extract_plain_text(
    text: str, *, url: str | None = None, fetched_at: datetime | None = None
) -> Article:
    del fetched_at
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = tuple(
        Block("paragraph", " ".join(part.split())) for part in _BLANK.split(text) if part.strip()
    )
    page_type = "article" if blocks else "other"
    return Article(url=url, page_type=page_type, body=blocks, provenance={"body": "text:blocks"})
