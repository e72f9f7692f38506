"""Page metadata: everything of the Article but the body and the furniture.

STUB written by the lead to fix the interface; the metadata work (issue 3) replaces the insides.
Two phases, because some fields need the body and the body extractor may change the tree:
``extract_metadata`` reads the untouched tree first; ``complete_metadata`` then uses the body blocks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from copydesk.model import Block, Dateline, Image, PageType
from copydesk.parse.html import Document


@dataclass(frozen=True, slots=True)
class Metadata:
    canonical_url: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    credit: str | None = None
    dateline: Dateline | None = None
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    paywalled: bool | None = None
    page_type: PageType = "other"
    provenance: Mapping[str, str] = field(default_factory=dict)


def extract_metadata(doc: Document, *, fetched_at: datetime | None = None) -> Metadata:
    """Read metadata from the untouched tree. Must not modify ``doc.root``."""
    del fetched_at
    title_el = doc.root.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else None
    return Metadata(title=title or None, provenance={"title": "html:title"} if title else {})


def complete_metadata(
    meta: Metadata, blocks: Sequence[Block], *, fetched_at: datetime | None = None
) -> Metadata:
    """Fill what needs the body (dateline, language, page type). Pure."""
    del fetched_at
    return replace(meta, page_type="article" if blocks else "other")
