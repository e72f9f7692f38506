"""HTML to Article: the orchestrator. Stages are numbered; each is a function of its inputs.

1. parse      text -> Document (lxml tree)                     parse/html.py
2. metadata   untouched tree -> Metadata                        extract/metadata.py
3. furniture  untouched tree -> related rails, notices          extract/furniture.py
4. body       tree -> body blocks (may modify the tree)         extract/body.py
5. notices    body blocks that are notices move to `notices`    text/patterns.py
6. complete   Metadata + blocks -> Metadata (dateline, ...)     extract/metadata.py
7. assemble   -> Article
"""

from __future__ import annotations

from datetime import datetime

from copydesk.enrich.language import LanguageIdentifier
from copydesk.extract.body import extract_body
from copydesk.extract.furniture import extract_furniture
from copydesk.extract.metadata import complete_metadata, extract_metadata
from copydesk.model import Article, Block
from copydesk.parse.html import parse_html
from copydesk.text.patterns import is_notice


def _split_notices(
    blocks: tuple[Block, ...], notices: tuple[str, ...]
) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """Corrections and update notes printed inside the article are notices, not body text: the
    body stage keeps them (they look like paragraphs), so they move here, in page order."""
    moved = tuple(b.text for b in blocks if b.kind == "paragraph" and is_notice(b.text))
    if not moved:
        return blocks, notices
    kept = tuple(b for b in blocks if b.kind != "paragraph" or b.text not in moved)
    return kept, notices + tuple(text for text in moved if text not in notices)


def extract_html(
    text: str,
    *,
    url: str | None = None,
    fetched_at: datetime | None = None,
    langid: LanguageIdentifier | None = None,
    utf8: bytes | None = None,
) -> Article:
    """``langid`` identifies the body's language; without it ``language`` is what the page
    declares. ``utf8``: the bytes ``text`` is the strict UTF-8 decoding of, when the caller has
    them (see :func:`copydesk.parse.html.parse_html`)."""
    doc = parse_html(text, url, utf8=utf8)  # 1
    if doc is None:
        return Article(url=url)
    meta = extract_metadata(doc, fetched_at=fetched_at)  # 2
    furniture = extract_furniture(doc, fetched_at=fetched_at)  # 3
    blocks = extract_body(doc)  # 4
    blocks, notices = _split_notices(blocks, furniture.notices)  # 5
    meta = complete_metadata(meta, blocks, fetched_at=fetched_at, langid=langid)  # 6
    provenance = {**meta.provenance, **furniture.provenance}
    if blocks:
        provenance["body"] = "dom:body"
    return Article(  # 7
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
        notices=notices,
        paywalled=meta.paywalled,
        provenance=provenance,
    )
