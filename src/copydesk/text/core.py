"""Plain-text input: the same Article from a page already scraped to text, furniture and all.

Stages, each a function of its inputs:

1. blocks     text -> blocks (blank-line separated; per line when the scrape has no blank lines)
2. classify   blocks -> roles (notice, boilerplate, stamp, byline, caption, age, prose, …)
3. body       the heaviest run of prose -> body blocks (headings, list items, paragraphs)
4. head       blocks before the body -> title, stamps, byline, provider
5. furniture  notices anywhere; teaser rails outside the body
6. assemble   -> Article (page_type "article", "listing" when only a rail, "other" when nothing)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from copydesk.model import Article, Block, Dateline, PageType, Teaser
from copydesk.text.blocks import split_blocks, strip_list_mark
from copydesk.text.classify import Classified, Role, body_span, classify, is_heading
from copydesk.text.fields import parse_byline, parse_dateline, parse_stamps, provider
from copydesk.text.patterns import is_photo_credit
from copydesk.text.rail import TITLE_MIN_WORDS, read_rail

# A body needs this many words to make the page an article. Teaser summaries (15-40 words) fall
# short; the shortest news briefs we model (a dateline plus two sentences) are ~50 words.
MIN_ARTICLE_WORDS = 45
# How many blocks before the body the headline, stamps and byline may sit: menus come before the
# headline, but between headline and body there are at most a kicker, a stamp, a byline, a
# provider line, a lead image caption and a share row (~8 blocks; 15 leaves room for ads).
HEAD_WINDOW = 15
TITLE_MAX_WORDS = 30


@dataclass(frozen=True, slots=True)
class _Head:
    title: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    authors: tuple[str, ...] = ()
    credit: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)


def extract_plain_text(
    text: str, *, url: str | None = None, fetched_at: datetime | None = None
) -> Article:
    blocks = split_blocks(text)  # 1
    items = classify(blocks)  # 2
    span = body_span(items)  # 3
    body = _body(items, span) if span else ()
    words = _words(items, span)
    if words < MIN_ARTICLE_WORDS:
        span, body = None, ()
    start = span[0] if span else _first_furniture(items)
    head = _head(items, start, items[span[1] :] if span else (), fetched_at)  # 4
    notices = _notices(items, span)  # 5
    # teasers: rails after the body, and inline "Read more: …" pointers anywhere in it
    outside = list(items[span[1] :]) if span else list(items)
    if span:
        inline = [item for item in items[: span[1]] if item.role is Role.INLINE_TEASER]
        outside = inline + outside
    skip = frozenset({head.title}) if head.title else frozenset()
    rails = read_rail(outside, fetched_at=fetched_at, skip_titles=skip)
    return _assemble(url, head, body, notices, [r.teaser for r in rails], rails, bool(span))  # 6


def _first_furniture(items: Sequence[Classified]) -> int:
    """Without a body, the head ends where the first rail part begins (a listing's own title
    stands before its rail; the rail's headlines are teasers, not the page's title)."""
    parts = (Role.RAIL_HEADING, Role.AGE, Role.CAPTION, Role.SENTENCE, Role.PROSE, Role.STAMP)
    return next((i for i, item in enumerate(items) if item.role in parts), len(items))


def _words(items: Sequence[Classified], span: tuple[int, int] | None) -> int:
    if span is None:
        return 0
    kept = (Role.PROSE, Role.SENTENCE)
    return sum(item.block.words for item in items[span[0] : span[1]] if item.role in kept)


def _body(items: Sequence[Classified], span: tuple[int, int]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    section = items[span[0] : span[1]]
    for i, item in enumerate(section):
        role, block = item.role, item.block
        if role in (Role.PROSE, Role.SENTENCE):
            if block.list_item and block.words < 60:
                blocks.append(Block("list_item", strip_list_mark(block.text)))
            else:
                blocks.append(Block("paragraph", block.text))
        elif role is Role.SHORT and block.list_item:
            blocks.append(Block("list_item", strip_list_mark(block.text)))
        elif is_heading(section, i):
            blocks.append(Block("heading", block.text))
        elif role is Role.SHORT and _between_prose(section, i):
            blocks.append(Block("paragraph", block.text))
    return tuple(blocks)


def _between_prose(section: Sequence[Classified], i: int) -> bool:
    """A short line with body paragraphs on both sides is one more paragraph of the body: a
    one-line answer ("Yikes."), a table row, a pull quote, a line of capitalised names. The
    body's run already paid for it; dropping it cuts the text where the page does not."""
    if not 0 < i < len(section) - 1:
        return False
    kept = (Role.PROSE, Role.SENTENCE)
    return section[i - 1].role in kept and section[i + 1].role in kept


def _head(
    items: Sequence[Classified],
    start: int,
    after: Sequence[Classified],
    fetched_at: datetime | None,
) -> _Head:
    window = items[max(0, start - HEAD_WINDOW) : start]
    later = {item.block.text for item in after}
    title = _title(window, later)
    published = modified = None
    authors: tuple[str, ...] = ()
    credit: str | None = None
    prov: dict[str, str] = {}
    for item in window:
        role, text = item.role, item.block.text
        if role is Role.STAMP and published is None and modified is None:
            stamps = parse_stamps(text, fetched_at=fetched_at)
            if stamps is not None:
                published, modified = stamps.published, stamps.modified
                if published:
                    prov["published"] = "text:stamp"
                if modified:
                    prov["modified"] = "text:stamp"
        elif role is Role.BYLINE and not authors:
            byline = parse_byline(text)
            if byline is not None:
                authors = byline.authors
                if authors:
                    prov["authors"] = "text:byline"
                if byline.credit and credit is None:
                    credit, prov["credit"] = byline.credit, "text:byline"
        elif role is Role.PROVIDER and credit is None:
            credit, prov["credit"] = provider(text), "text:provider"
    if title:
        prov["title"] = "text:headline"
    return _Head(title, published, modified, authors, credit, prov)


def _title(window: Sequence[Classified], later: set[str]) -> str | None:
    candidates = [
        (i, item.block.text)
        for i, item in enumerate(window)
        if item.role is Role.SHORT
        and TITLE_MIN_WORDS <= item.block.words <= TITLE_MAX_WORDS
        and not item.block.text.endswith(".")
    ]
    if not candidates:
        return None
    repeated = [c for c in candidates if c[1] in later]
    if repeated:
        return repeated[-1][1]
    # the longest candidate wins; among equals the one nearest the body
    return max(candidates, key=lambda c: (len(c[1].split()), c[0]))[1]


def _notices(items: Sequence[Classified], span: tuple[int, int] | None) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for i, item in enumerate(items):
        if item.role is not Role.NOTICE:
            continue
        inside = span is not None and span[0] <= i < span[1]
        if inside and is_photo_credit(item.block.text):
            continue  # "© REUTERS / POOL" between paragraphs credits a picture
        seen.setdefault(item.block.text, None)
    return tuple(seen)


def _assemble(
    url: str | None,
    head: _Head,
    body: tuple[Block, ...],
    notices: tuple[str, ...],
    related: list[Teaser],
    rails: Sequence[object],
    is_article: bool,
) -> Article:
    prov = dict(head.provenance)
    dateline: Dateline | None = None
    credit = head.credit
    if body:
        prov["body"] = "text:blocks"
        dateline = parse_dateline(body[0].text)
        if dateline is not None:
            prov["dateline"] = "text:dateline"
            if credit is None and dateline.agency:
                credit, prov["credit"] = dateline.agency, "text:dateline"
    for i, rail in enumerate(rails):
        precision = getattr(rail, "precision", None)
        if precision:
            prov[f"related[{i}].published"] = f"text:age/{precision}"
    if notices:
        prov["notices"] = "text:notice"
    if related:
        prov["related"] = "text:rail"
    page_type: PageType = "article" if is_article else ("listing" if related else "other")
    return Article(
        url=url,
        page_type=page_type,
        title=head.title,
        authors=head.authors,
        credit=credit,
        dateline=dateline,
        published=head.published,
        modified=head.modified,
        body=body,
        related=tuple(related),
        notices=notices,
        provenance=prov,
    )
