"""JSON-LD (schema.org) blocks: lenient parsing, flattening, and the main article node.

Pages put their JSON-LD in every shape: one object, a list, an ``@graph``, an article nested in a
``WebPage.mainEntity``, ``@id`` references, trailing commas, HTML comments, raw newlines inside
strings. Everything here is pure and never raises on bad input; what cannot be parsed is salvaged
with a few regular expressions for the fields that matter most (dates, headline).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Node types that are an article on the page (schema.org Article and its news subtypes).
ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle",
        "liveblogposting", "scholarlyarticle", "techarticle", "report", "socialmediaposting",
        "satiricalarticle", "advertisercontentarticle", "medicalscholarlyarticle", "review",
        "discussionforumposting", "posting", "recipe", "howto",
    }
)  # fmt: skip
# Node types that make a page a listing or not-an-article (used by the page-type gate).
LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "blog"})
OTHER_TYPES = frozenset({"videoobject", "imagegallery", "mediagallery", "product", "event"})
# Nesting deeper than this is a hostile or broken block; real pages stay under ~8.
MAX_DEPTH = 20
# Blocks larger than this are data dumps (product catalogues), not page metadata.
MAX_BLOCK_CHARS = 500_000

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
# Between values written one after another: blanks and stray separators or closing brackets.
_GAP = re.compile(r"[\s,;}\]]*")
# Values read from one block written as a sequence; more is a data dump.
MAX_CONCATENATED = 20
_SALVAGE = {
    key: re.compile(rf'"{key}"\s*:\s*"([^"]{{1,300}})"')
    for key in ("datePublished", "dateModified", "dateCreated", "headline", "uploadDate")
}


@dataclass(frozen=True, slots=True)
class JsonLd:
    """The typed nodes of a page's JSON-LD blocks, in document order."""

    nodes: tuple[Mapping[str, Any], ...] = ()
    salvaged: Mapping[str, str] = field(default_factory=dict)

    def by_id(self) -> dict[str, Mapping[str, Any]]:
        return {str(n["@id"]): n for n in self.nodes if isinstance(n.get("@id"), str)}

    def types(self) -> set[str]:
        return {t for node in self.nodes for t in node_types(node)}

    def articles(self) -> list[Mapping[str, Any]]:
        return [n for n in self.nodes if node_types(n) & ARTICLE_TYPES]

    def main(self) -> Mapping[str, Any] | None:
        """The node describing this page's article: an article-typed node with a headline or a
        date, else a WebPage carrying dates."""
        articles = self.articles()
        for node in articles:
            if node.get("headline") or node.get("datePublished"):
                return node
        if articles:
            return articles[0]
        for node in self.nodes:
            if node_types(node) & {"webpage", "itempage"} and node.get("datePublished"):
                return node
        return None


def node_types(node: Mapping[str, Any]) -> set[str]:
    raw = node.get("@type")
    if isinstance(raw, str):
        return {raw.rsplit("/", 1)[-1].lower()}
    if isinstance(raw, list):
        return {str(t).rsplit("/", 1)[-1].lower() for t in raw if isinstance(t, str)}
    return set()


def _loads(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    text = text.replace("<![CDATA[", "").replace("]]>", "").strip().rstrip(";")
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        pass
    fixed = _TRAILING_COMMA.sub(r"\1", text)
    try:
        return json.loads(fixed, strict=False)
    except (ValueError, RecursionError):
        return _values_in_sequence(fixed)


def _values_in_sequence(text: str) -> Any:
    """Objects written one after another, or one followed by a stray brace: "{…} }" and
    "{…}{…}" are common CMS template slips. The values read before the first unreadable
    part; ``None`` when there is none."""
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    pos = 0
    while len(values) < MAX_CONCATENATED:
        gap = _GAP.match(text, pos)
        pos = gap.end() if gap is not None else pos
        if pos >= len(text):
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            break
        values.append(value)
    if not values:
        return None
    return values[0] if len(values) == 1 else values


def _walk(value: Any, depth: int = 0) -> Iterator[Mapping[str, Any]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(value, Mapping):
        if "@type" in value:
            yield value
        for key, child in value.items():
            if key in ("@context",):
                continue
            if isinstance(child, (Mapping, list)):
                yield from _walk(child, depth + 1)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child, depth + 1)


def parse_jsonld(blocks: Sequence[str]) -> JsonLd:
    """Parse the texts of ``<script type="application/ld+json">`` blocks. Never raises."""
    nodes: list[Mapping[str, Any]] = []
    salvaged: dict[str, str] = {}
    for block in blocks:
        if len(block) > MAX_BLOCK_CHARS:
            continue
        data = _loads(block)
        if data is None:
            for key, regex in _SALVAGE.items():
                match = regex.search(block)
                if match is not None and key not in salvaged:
                    salvaged[key] = match.group(1)
            continue
        nodes.extend(_walk(data))
    return JsonLd(tuple(nodes), salvaged)


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value: a string, a {"name"/"@value"} object, or a list."""
    if isinstance(value, str):
        text = " ".join(html.unescape(value).split()) if "&" in value else " ".join(value.split())
        return text or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, Mapping):
        for key in ("name", "@value", "text", "headline"):
            found = text_of(value.get(key))
            if found:
                return found
        return None
    if isinstance(value, list):
        for item in value:
            found = text_of(item)
            if found:
                return found
    return None


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def resolve(value: Any, ids: Mapping[str, Mapping[str, Any]]) -> Any:
    """Follow a {"@id": ...} reference to the node it names, when the page defines it."""
    if isinstance(value, Mapping) and set(value) <= {"@id", "@type"} and "@id" in value:
        return ids.get(str(value["@id"]), value)
    return value
