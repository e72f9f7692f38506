"""Frozen records that cross stage boundaries.

The keys of :meth:`Article.to_dict` are the contract of ``shared/DESIGN.md`` §2: every consumer
(CLI, store, exports, HTTP service) relies on them, so they are never renamed. Fields may be added.

Sequences are tuples and dates are :class:`datetime` objects inside the records; ``to_dict`` turns
them into JSON types (lists, ISO 8601 strings) and ``from_dict`` turns them back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, cast

PageType = Literal["article", "listing", "other"]
BlockKind = Literal["paragraph", "heading", "quote", "list_item", "preformatted", "table"]

PAGE_TYPES: tuple[str, ...] = ("article", "listing", "other")
BLOCK_KINDS: tuple[str, ...] = (
    "paragraph",
    "heading",
    "quote",
    "list_item",
    "preformatted",
    "table",
)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_iso(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _str_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in cast(Sequence[object], value))


def _records(value: object) -> list[Mapping[str, Any]]:
    if not value:
        return []
    return [cast(Mapping[str, Any], v) for v in cast(Sequence[object], value)]


@dataclass(frozen=True, slots=True)
class Block:
    """One body block, in reading order."""

    kind: BlockKind
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Block:
        kind = str(data.get("kind", "paragraph"))
        if kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind: {kind!r}")
        return cls(kind=cast(BlockKind, kind), text=str(data.get("text", "")))


@dataclass(frozen=True, slots=True)
class Image:
    url: str
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "caption": self.caption, "credit": self.credit, "alt": self.alt}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Image:
        return cls(
            url=str(data.get("url", "")),
            caption=_opt_str(data.get("caption")),
            credit=_opt_str(data.get("credit")),
            alt=_opt_str(data.get("alt")),
        )


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None = None
    agency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"place": self.place, "agency": self.agency}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Dateline:
        return cls(place=_opt_str(data.get("place")), agency=_opt_str(data.get("agency")))


@dataclass(frozen=True, slots=True)
class Teaser:
    """One entry of a related-story rail."""

    title: str
    url: str | None = None
    summary: str | None = None
    authors: tuple[str, ...] = ()
    age_text: str | None = None
    published: datetime | None = None
    image_caption: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "summary": self.summary,
            "authors": list(self.authors),
            "age_text": self.age_text,
            "published": _iso(self.published),
            "image_caption": self.image_caption,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Teaser:
        return cls(
            title=str(data.get("title", "")),
            url=_opt_str(data.get("url")),
            summary=_opt_str(data.get("summary")),
            authors=_str_tuple(data.get("authors")),
            age_text=_opt_str(data.get("age_text")),
            published=_parse_iso(data.get("published")),
            image_caption=_opt_str(data.get("image_caption")),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote and who said it (issue 7; additive to the DESIGN.md contract)."""

    text: str
    speaker: str | None = None
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "speaker": self.speaker, "cue": self.cue}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        return cls(
            text=str(data.get("text", "")),
            speaker=_opt_str(data.get("speaker")),
            cue=_opt_str(data.get("cue")),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """The extracted record of one page. See DESIGN.md §2 for the meaning of each key."""

    url: str | None = None
    canonical_url: str | None = None
    page_type: PageType = "other"
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
    body: tuple[Block, ...] = ()
    related: tuple[Teaser, ...] = ()
    notices: tuple[str, ...] = ()
    paywalled: bool | None = None
    provenance: Mapping[str, str] = field(default_factory=dict)
    quotes: tuple[Quote, ...] = ()

    @property
    def text(self) -> str:
        """The body as a reader reads it: block texts joined by a blank line."""
        return "\n\n".join(block.text for block in self.body)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "page_type": self.page_type,
            "title": self.title,
            "authors": list(self.authors),
            "credit": self.credit,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "published": _iso(self.published),
            "modified": _iso(self.modified),
            "language": self.language,
            "site_name": self.site_name,
            "description": self.description,
            "section": self.section,
            "tags": list(self.tags),
            "images": [image.to_dict() for image in self.images],
            "body": [block.to_dict() for block in self.body],
            "text": self.text,
            "related": [teaser.to_dict() for teaser in self.related],
            "notices": list(self.notices),
            "paywalled": self.paywalled,
            "provenance": dict(self.provenance),
            "quotes": [quote.to_dict() for quote in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Inverse of :meth:`to_dict`; ``text`` is derived from ``body`` and ignored."""
        page_type = str(data.get("page_type") or "other")
        if page_type not in PAGE_TYPES:
            raise ValueError(f"unknown page_type: {page_type!r}")
        dateline = data.get("dateline")
        paywalled = data.get("paywalled")
        return cls(
            url=_opt_str(data.get("url")),
            canonical_url=_opt_str(data.get("canonical_url")),
            page_type=cast(PageType, page_type),
            title=_opt_str(data.get("title")),
            authors=_str_tuple(data.get("authors")),
            credit=_opt_str(data.get("credit")),
            dateline=Dateline.from_dict(dateline) if isinstance(dateline, Mapping) else None,
            published=_parse_iso(data.get("published")),
            modified=_parse_iso(data.get("modified")),
            language=_opt_str(data.get("language")),
            site_name=_opt_str(data.get("site_name")),
            description=_opt_str(data.get("description")),
            section=_opt_str(data.get("section")),
            tags=_str_tuple(data.get("tags")),
            images=tuple(Image.from_dict(d) for d in _records(data.get("images"))),
            body=tuple(Block.from_dict(d) for d in _records(data.get("body"))),
            related=tuple(Teaser.from_dict(d) for d in _records(data.get("related"))),
            notices=_str_tuple(data.get("notices")),
            paywalled=None if paywalled is None else bool(paywalled),
            provenance={str(k): str(v) for k, v in dict(data.get("provenance") or {}).items()},
            quotes=tuple(Quote.from_dict(d) for d in _records(data.get("quotes"))),
        )
