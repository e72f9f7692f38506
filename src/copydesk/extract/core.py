"""HTML to Article: the orchestrator. Stages are numbered; each is a function of its inputs.

1. parse      text -> Document (lxml tree)                     parse/html.py
2. metadata   untouched tree -> Metadata                        extract/metadata.py
3. furniture  untouched tree -> related rails, notices          extract/furniture.py
4. body       tree -> body blocks (may modify the tree)         extract/body.py
5. complete   Metadata + blocks -> Metadata (dateline, ...)     extract/metadata.py
6. assemble   -> Article
"""

from __future__ import annotations

from datetime import datetime

from copydesk.extract.body import extract_body
from copydesk.extract.furniture import extract_furniture
from copydesk.extract.metadata import complete_metadata, extract_metadata
from copydesk.model import Article
from copydesk.parse.html import parse_html


def extract_html(
    text: str, *, url: str | None = None, fetched_at: datetime | None = None
) -> Article:
    doc = parse_html(text, url)  # 1
    if doc is None:
        return Article(url=url)
    meta = extract_metadata(doc, fetched_at=fetched_at)  # 2
    furniture = extract_furniture(doc, fetched_at=fetched_at)  # 3
    blocks = extract_body(doc)  # 4
    meta = complete_metadata(meta, blocks, fetched_at=fetched_at)  # 5
    return Article(  # 6
        url=url,
        canonical_url=meta.canonical_url,
        page_type=meta.page_type,
        title=meta.title,
        authors=meta.authors,
        credit=meta.credit,
        dateline=meta.dateline,
        published=meta.published,
        modified=meta.modified,
        language=meta.language,
        site_name=meta.site_name,
        description=meta.description,
        section=meta.section,
        tags=meta.tags,
        images=meta.images,
        body=blocks,
        related=furniture.related,
        notices=furniture.notices,
        paywalled=meta.paywalled,
        provenance={**meta.provenance, "body": "dom:body"} if blocks else dict(meta.provenance),
    )
