"""Request and response shapes of the HTTP API (they make the OpenAPI document at /openapi.json).

Responses are built from the library's own ``to_dict`` methods; these models describe them for the
documentation and for schema-driven tests, and ``extra="allow"`` keeps fields added to the Article
later valid without touching this file.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from copydesk.service.guard import MAX_URL_CHARS


class ExtractRequest(BaseModel):
    """One page to extract: give ``html`` or ``text`` (with ``url`` as the page's address, never
    fetched), or ``url`` alone to have the service fetch it."""

    # The one-of rule of the validator below, said in the schema too (clients and schema-driven
    # tests read it): html, or text, or a non-empty url alone.
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "anyOf": [
                {
                    "required": ["html"],
                    "properties": {"html": {"type": "string"}, "text": {"type": "null"}},
                },
                {
                    "required": ["text"],
                    "properties": {"text": {"type": "string"}, "html": {"type": "null"}},
                },
                {
                    "required": ["url"],
                    "properties": {
                        "url": {"type": "string", "minLength": 1},
                        "html": {"type": "null"},
                        "text": {"type": "null"},
                    },
                },
            ]
        },
    )

    html: str | None = Field(default=None, description="The page's HTML.")
    text: str | None = Field(default=None, description="An already-scraped page as plain text.")
    url: str | None = Field(
        default=None,
        max_length=MAX_URL_CHARS,
        description="With html/text: the page's address (not fetched). Alone: fetched.",
    )
    # A string parsed here rather than a datetime field: pydantic's lax datetime would also take
    # numbers (unix seconds), which the documented ISO 8601 format does not allow.
    fetched_at: str | None = Field(
        default=None,
        json_schema_extra={"format": "date-time"},
        description="When the page was fetched (ISO 8601); relative ages such as "
        "'40 minutes ago' are resolved against it. Defaults to the fetch time for url.",
    )
    _fetched_at: datetime | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _one_source(self) -> ExtractRequest:
        if self.html is not None and self.text is not None:
            raise ValueError("give html or text, not both")
        if self.html is None and self.text is None and not self.url:
            raise ValueError("give html, text or url")
        if self.fetched_at is not None:
            self._fetched_at = parse_iso_datetime(self.fetched_at)
        return self

    @property
    def fetched_time(self) -> datetime | None:
        return self._fetched_at


def parse_iso_datetime(value: str) -> datetime:
    """An ISO 8601 / RFC 3339 date-time (``Z`` allowed); ValueError otherwise."""
    text = value.strip()
    if len(text) < 16 or ("T" not in text.upper()[8:12] and " " not in text[8:12]):
        raise ValueError("fetched_at must be an ISO 8601 date-time, e.g. 2024-03-04T10:00:00Z")
    try:
        return datetime.fromisoformat(text[:-1] + "+00:00" if text[-1] in "zZ" else text)
    except ValueError:
        raise ValueError(
            "fetched_at must be an ISO 8601 date-time, e.g. 2024-03-04T10:00:00Z"
        ) from None


class DatelineOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    place: str | None
    agency: str | None


class ImageOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    url: str
    caption: str | None
    credit: str | None
    alt: str | None


class BlockOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    kind: Literal["paragraph", "heading", "quote", "list_item", "preformatted", "table"]
    text: str


class TeaserOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    title: str
    url: str | None
    summary: str | None
    authors: list[str]
    age_text: str | None
    published: str | None
    image_caption: str | None


class ArticleOut(BaseModel):
    """``Article.to_dict()``: the record's contract (DESIGN.md §2)."""

    model_config = ConfigDict(extra="allow")
    url: str | None
    canonical_url: str | None
    page_type: Literal["article", "listing", "other"]
    title: str | None
    authors: list[str]
    credit: str | None
    dateline: DatelineOut | None
    published: str | None
    modified: str | None
    language: str | None
    site_name: str | None
    description: str | None
    section: str | None
    tags: list[str]
    images: list[ImageOut]
    body: list[BlockOut]
    text: str
    related: list[TeaserOut]
    notices: list[str]
    paywalled: bool | None
    provenance: dict[str, str]


class StoredArticleOut(ArticleOut):
    """A stored article: the Article record plus its store bookkeeping."""

    id: int
    version: int
    cluster_id: int | None
    fetched_at: str | None


class HitOut(BaseModel):
    id: int
    url: str | None
    title: str | None
    site: str | None
    published: str | None
    language: str | None
    score: float
    snippet: str = Field(description="Text around the match; matched terms in **double stars**.")
    snippet_html: str = Field(description="The snippet HTML-escaped, matches in <mark>.")


class SearchOut(BaseModel):
    query: str
    page: int
    page_size: int
    has_more: bool
    results: list[HitOut]


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    store: bool


class Problem(BaseModel):
    detail: str


class CrawlRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seeds: list[str] = Field(min_length=1, description="Seed URLs: pages, feeds or sitemaps.")
    max_pages: int | None = Field(
        default=None, ge=1, description="Pages to fetch at most (capped by the service)."
    )


class CrawlJobOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    status: str
