"""The playground's page outline: the page's text blocks, each marked with what extraction made
of it (kept as body, turned into furniture or metadata, or dropped).

This reads the extraction *result*, not the extractor's internals: a page block is matched
against the Article's strings. So it stays correct whatever the body extractor does inside, at the
cost of approximate marks where a block's text was rewritten (e.g. a dateline cut off a paragraph
still matches by containment).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from copydesk.model import Article
from copydesk.parse.html import parse_html

Mark = Literal["kept", "furniture", "metadata", "dropped"]

# Elements whose text is shown as one block. A block that contains another block element is not
# shown itself (its children are), so list items holding paragraphs do not appear twice.
BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption"}
    | {"dt", "dd", "td", "th", "caption", "summary"}
)
SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "head", "iframe"))
# Blocks shown at most: a listing page can have thousands of links; the outline is for looking.
MAX_BLOCKS = 1500
# Below this many characters, a page block only matches an Article string exactly; longer blocks
# may also match by containment. Short strings ("Share", "AP") occur everywhere, so containment
# on them marks unrelated blocks; 20 characters is about four words.
MIN_CONTAINED_CHARS = 20
# A byline block ("By Maren Holt and Ana Ruiz, Staff writers") holds the author names with a few
# words around them; a block at most this long that contains an author's name is marked metadata.
MAX_BYLINE_CHARS = 120
# Characters of a block shown; the rest is cut with an ellipsis.
MAX_BLOCK_CHARS = 600

_BLANK = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class OutlineBlock:
    tag: str
    text: str
    mark: Mark


def _norm(text: str) -> str:
    return " ".join(text.split())


def _html_blocks(html: str) -> Iterator[tuple[str, str]]:
    doc = parse_html(html)
    if doc is None:
        return
    for el in doc.root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag not in BLOCK_TAGS:
            continue
        if any(a.tag in SKIP_TAGS for a in el.iterancestors()):
            continue
        if any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in el.iterdescendants()):
            continue
        text = _norm("".join(el.itertext()))
        if text:
            yield tag, text


def _text_blocks(text: str) -> Iterator[tuple[str, str]]:
    for part in _BLANK.split(text.replace("\r\n", "\n")):
        norm = _norm(part)
        if norm:
            yield "p", norm


class _Matcher:
    def __init__(self, strings: Iterable[str | None]) -> None:
        self.exact = {_norm(s) for s in strings if s and _norm(s)}
        self.long = [s for s in self.exact if len(s) >= MIN_CONTAINED_CHARS]
        self.joined = "\n".join(self.exact)

    def matches(self, text: str) -> bool:
        if text in self.exact:
            return True
        if len(text) >= MIN_CONTAINED_CHARS and text in self.joined:
            return True
        return any(s in text for s in self.long)


def _is_byline(text: str, authors: Iterable[str]) -> bool:
    return len(text) <= MAX_BYLINE_CHARS and any(a and a in text for a in authors)


def outline(page: str, article: Article, *, is_html: bool) -> tuple[OutlineBlock, ...]:
    """The page's blocks in order, each marked. Never raises for page content."""
    body = _Matcher(block.text for block in article.body)
    furniture = _Matcher(
        [t.title for t in article.related]
        + [t.summary for t in article.related]
        + list(article.notices)
    )
    metadata = _Matcher(
        [article.title, article.description, *article.authors]
        + [i.caption for i in article.images]
        + [i.credit for i in article.images]
    )
    blocks = _html_blocks(page) if is_html else _text_blocks(page)
    result: list[OutlineBlock] = []
    for tag, text in blocks:
        if len(result) >= MAX_BLOCKS:
            break
        mark: Mark
        if body.matches(text):
            mark = "kept"
        elif furniture.matches(text):
            mark = "furniture"
        elif metadata.matches(text) or _is_byline(text, article.authors):
            mark = "metadata"
        else:
            mark = "dropped"
        shown = text if len(text) <= MAX_BLOCK_CHARS else text[:MAX_BLOCK_CHARS] + "…"
        result.append(OutlineBlock(tag, shown, mark))
    return tuple(result)
