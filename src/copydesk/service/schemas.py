"""Request and response shapes of the HTTP API (they make the OpenAPI document at /openapi.json).

Responses are built from the library's own ``to_dict`` methods; these models describe them for the
documentation and for schema-driven tests, and ``extra="allow"`` keeps fields added to the Article
later valid without touching this file.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from copydesk.service.guard import MAX_URL_CHARS


class ExtractRequest(BaseModel):
    """One page to extract: give ``html`` or ``text`` (with ``url`` as the page's address, never
    fetched), or ``url`` alone to have the service fetch it."""

    model_config = ConfigDict(extra="forbid")

    html: str | None = Field(default=None, description="The page's HTML.")
    text: str | None = Field(default=None, description="An already-scraped page as plain text.")
    url: str | None = Field(
        default=None,
        max_length=MAX_URL_CHARS,
        description="With html/text: the page's address (not fetched). Alone: fetched.",
    )
    fetched_at: datetime | None = Field(
        default=None,
        description="When the page was fetched (ISO 8601); relative ages such as "
        "'40 minutes ago' are resolved against it. Defaults to the fetch time for url.",
    )

    @model_validator(mode="after")
    def _one_source(self) -> ExtractRequest:
        if self.html is not None and self.text is not None:
            raise ValueError("give html or text, not both")
        if self.html is None and self.text is None and not self.url:
            raise ValueError("give html, text or url")
        return self


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


class CrawlJobOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    status: str
