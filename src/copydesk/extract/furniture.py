"""Page furniture as data: related-story rails and notices (issue 4).

Reads the untouched tree (stage 3 of ``extract/core.py``) and never modifies it.

Rails: a container is a rail when its own heading reads like one ("Related", "More from AP",
"Most read", "Lesen Sie auch", "À lire aussi", …) or its class/id names one ("related",
"most-read", "recommended", …). Inside a rail each headline link is a teaser; its card is the
largest ancestor below the rail that holds no other headline link, and the card's other parts
are read by shape: ``<time>`` or an age line, a byline, a ``<figcaption>``, a summary paragraph.

Notices: the innermost elements whose text is a copyright line, a correction or an update note.

Speed: this stage reads every page, so tag filtering runs in C (``iter(tags)``), the subtrees
under script/style/svg/... are collected once per page into a set instead of walking each
element's ancestors, and notice candidates are found by a keyword test on each text node, so
only the few elements around a keyword have their whole text read.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate

from lxml import etree

from copydesk.enrich.relative import find_age, resolve_age
from copydesk.extract.urls import join_url
from copydesk.model import Teaser
from copydesk.parse.html import Document
from copydesk.text.fields import looks_like_stamp, parse_byline, parse_date
from copydesk.text.patterns import (
    MAX_NOTICE_CHARS,
    caption_text,
    is_boilerplate,
    is_copyright,
    is_notice,
    is_rail_heading,
)

# Rails named by their markup. Tokens are matched inside lower-cased class/id values
# ("c-related-list"); "-?" is an optional hyphen. (Compiled below, as a trie: _RAIL_ATTR_LOWER.)
_RAIL_NAMES = (
    "related", "more-?from", "more-?stories", "more-?news", "most-?read", "mostread",
    "most-?popular", "popular", "recommend", "trending", "read-?more", "readmore", "also-?read",
    "read-?next", "teaser-?list", "meistgelesen", "lesen-?sie-?auch", "weitere-?artikel",
    "a-?lire", "lire-?aussi", "plus-?lus", "relacionad", "mas-?leid", "correlat", "piu-?lett",
    "leia-?tambem", "mais-?lid",
)  # fmt: skip
# Sponsored widgets (outbrain, taboola) are not the publisher's related stories: excluded. For
# lower-cased names (a case-blind search is several times slower, and these run on every
# container's often long class list). "ad(?<!\wad)" is "\bad" with the letter first: a
# pattern opening with \b has the engine try every branch at every position, one opening with
# letters lets it skip to them.
_SPONSORED_ATTR_LOWER = re.compile(r"outbrain|taboola|sponsor|promoted|advert|ad(?<!\wad)s?\b")
_CREDIT_ATTR = re.compile(r"credit|caption|photo", re.IGNORECASE)
_RAIL_TAGS = frozenset({"section", "aside", "div", "nav", "ul", "ol", "footer"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg"})
_NOTICE_TAGS = frozenset(
    {
        "p",
        "small",
        "div",
        "span",
        "footer",
        "em",
        "i",
        "strong",
        "b",
        "aside",
        "li",
        "section",
        "address",
        "figcaption",
    }
)
# Tags that keep an element a "leaf" of a card: a byline "By <a>Jane Doe</a>" is read whole.
# Childless elements that may carry a rail's heading as their first child.
_LEAF_HEADING_TAGS = frozenset({"header", "div", "span", "p", "strong"})
_INLINE_TAGS = frozenset({"br", "em", "i", "b", "strong", "a", "abbr", "small"})
# A link whose paragraph holds this many times its own text is a citation in running text.
INLINE_LINK_RATIO = 2.5
# Teaser headlines: at least 3 words (labels like "World", "Top 10" are shorter), at most 30.
TITLE_WORDS = (3, 30)
# How far up from a rail's first element we look for its heading text: rails put the heading in
# their first child or grandchild ("<section><header><h2>Related</h2>…").
HEADING_DEPTH = 3
# Notice keywords: every alternative of ``is_notice``'s patterns contains one of these stems (in
# one word, lower-cased). Text nodes holding one are where notices can be; only their enclosing
# elements are read. A stem split by markup ("Copy<b>right</b>") is missed: a trade of a
# theoretical miss for not reading the text of every element of every page.
_NOTICE_STEMS = (
    "copyright", "©", "(c)", "℗", "rights", "rechte", "droits", "derechos", "diritti",
    "direitos", "broadcast", "darf", "corre", "clarific", "editor", "korrektur",
    "richtigstellung", "anmerkung", "rectific", "note", "nota", "errat", "errores", "aclaraci",
    "rettific", "update", "amended", "revised", "versi", "wurde", "jour", "corrig", "modifi",
    "actualizad", "aggiornat", "atualizad", "korrig",
)  # fmt: skip


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching where one of ``words`` starts, its alternatives factored by their
    common prefixes ("c(?:larific|o(?:pyright|rr(?:e|ig)))"): the regex engine tries a handful
    of branches at each position instead of every word, which made the notice walk ~15% faster
    than the flat alternation (the same verdict on every text node of the AEB pages). A word
    that another word extends is kept alone: the shorter one already matches there."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[0], []).append(word[1:])
    branches = [
        re.escape(first) if "" in rests else re.escape(first) + _trie_pattern(rests)
        for first, rests in groups.items()
    ]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_NOTICE_HINT = re.compile(_trie_pattern(_NOTICE_STEMS))


def _spelled_out(name: str) -> list[str]:
    """ "more-?from" -> ["morefrom", "more-from"]: each optional hyphen with and without."""
    forms = [""]
    for k, part in enumerate(name.split("-?")):
        forms = [form + sep + part for form in forms for sep in (("", "-") if k else ("",))]
    return forms


# The rail names as a trie of their spelled-out forms: the same verdict on every lower-cased
# class/id of the data sets' pages as the plain "-?" alternation, in less than half the time.
_RAIL_ATTR_LOWER = re.compile(_trie_pattern(f for n in _RAIL_NAMES for f in _spelled_out(n)))
# Joins a page's text nodes for one notice-stem search: no stem holds it, so no match spans two
# nodes (and the HTML parser never leaves it in a text).
_PIECE_SEPARATOR = "\x00"
# Elements whose own text is code, never a notice (and most of a page's characters).
_CODE_TAGS = frozenset({"script", "style"})
# A rank printed inside the link ("1. Headline"); "5 things to know" (no period) is a headline.
_RANK = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class Furniture:
    related: tuple[Teaser, ...] = ()
    notices: tuple[str, ...] = ()
    # where each related teaser's date came from, keyed "related[i].published":
    # "dom:time" (machine-readable), "dom:stamp" (printed date), "dom:age/<precision>"
    provenance: Mapping[str, str] = field(default_factory=dict)


def extract_furniture(doc: Document, *, fetched_at: datetime | None = None) -> Furniture:
    """Find related rails and notices in the untouched tree. Must not modify ``doc.root``."""
    base = _base_url(doc)
    teasers: list[Teaser] = []
    prov: dict[str, str] = {}
    seen: set[tuple[str | None, str]] = set()
    skipped = _skipped(doc.root)
    # each link's title, read once: the rail test and the teaser both need it (the tree is
    # never modified here, so a link's title cannot change)
    titles: dict[etree._Element, str | None] = {}
    for rail, links in _rails(doc.root, skipped, titles):
        for teaser, source in _teasers(rail, links, base, doc.url, fetched_at, titles):
            key = (teaser.url, teaser.title)
            if key in seen:
                continue
            seen.add(key)
            if source:
                prov[f"related[{len(teasers)}].published"] = source
            teasers.append(teaser)
    notices = _notices(doc.root, skipped)
    return Furniture(related=tuple(teasers), notices=notices, provenance=prov)


def _text(el: etree._Element) -> str:
    # serialised in C: half the time of joining itertext(), the same string on the AEB pages
    try:
        raw = str(etree.tostring(el, method="text", encoding="unicode", with_tail=False))
    except (etree.LxmlError, ValueError, TypeError):
        raw = "".join(el.itertext())
    return " ".join(raw.split())


def _skipped(root: etree._Element) -> set[etree._Element]:
    """Every element below a script, style, svg, template, ... (their text is never shown).

    One set per page: asking each element for its ancestors cost more than all the rest here.
    """
    inside: set[etree._Element] = set()
    for el in root.iter(*_SKIP_TAGS):
        if el not in inside:
            inside.update(el.iterdescendants())
    return inside


def _base_url(doc: Document) -> str | None:
    base = doc.root.find(".//base[@href]")
    href = base.get("href") if base is not None else None
    if href:
        return _join(doc.url, href)
    return doc.url


def _join(base: str | None, href: str) -> str:
    """``href`` resolved against ``base``; a malformed URL ("http://[::1") is kept as written."""
    try:
        return join_url(base, href.strip())
    except ValueError:
        return href.strip()


# --- rails -------------------------------------------------------------------------------------


def _rails(
    root: etree._Element, skipped: set[etree._Element], titles: dict[etree._Element, str | None]
) -> Iterator[tuple[etree._Element, list[etree._Element]]]:
    """Outermost rails in document order, each with its headline links."""
    taken: set[etree._Element] = set()  # everything inside a rail already found
    names: dict[str, _Named] = {}  # class/id strings repeat a lot within a page
    linked = _holding_links(root, skipped)
    for el in root.iter(*_RAIL_TAGS):
        if el not in linked or el in taken:
            continue
        links = _rail_links(el, skipped, names, titles)
        if links is not None:
            taken.update(el.iterdescendants())
            yield el, links


def _holding_links(root: etree._Element, skipped: set[etree._Element]) -> set[etree._Element]:
    """The elements holding a link that could be a teaser's (an href, not under a script, svg,
    ...). Only these can be rails with teasers: the test of the others (about half of a page's
    containers, and the costliest part of this stage) is skipped, which changes nothing."""
    holding: set[etree._Element] = set()
    for a in root.iter("a"):
        if not a.get("href") or a in skipped:
            continue
        node = a.getparent()
        while node is not None and node not in holding:
            holding.add(node)
            node = node.getparent()
    return holding


class _Named(enum.Enum):
    """What an element's class/id/module/label names say."""

    NOTHING = 0
    SPONSORED = 1
    RAIL = 2


def _named(attrs: str, cache: dict[str, _Named]) -> _Named:
    kind = cache.get(attrs)
    if kind is None:
        if attrs.isspace():
            kind = _Named.NOTHING
        elif _SPONSORED_ATTR_LOWER.search(lowered := attrs.lower()):
            kind = _Named.SPONSORED
        elif _RAIL_ATTR_LOWER.search(lowered):
            kind = _Named.RAIL
        else:
            kind = _Named.NOTHING
        cache[attrs] = kind
    return kind


def _rail_links(
    el: etree._Element,
    skipped: set[etree._Element],
    cache: dict[str, _Named],
    titles: dict[etree._Element, str | None],
) -> list[etree._Element] | None:
    """The headline links of ``el`` when it is a rail; ``None`` when it is not."""
    label = el.get("aria-label")
    attrs = " ".join(
        (el.get("class") or "", el.get("id") or "", el.get("data-module") or "", label or "")
    )
    named = _named(attrs, cache)
    if named is _Named.SPONSORED:
        return None
    heading = _own_heading(el)
    if heading is not None and is_rail_heading(heading):
        return _headline_links(el, skipped, titles)
    if label and is_rail_heading(label):
        return _headline_links(el, skipped, titles)
    if named is _Named.RAIL:
        links = _headline_links(el, skipped, titles)
        return links if links else None
    return None


def _own_heading(el: etree._Element) -> str | None:
    """The heading text a container opens with (within its first few levels)."""
    node: etree._Element | None = el
    for _ in range(HEADING_DEPTH):
        if node is None or len(node) == 0:
            return None
        first = node[0]
        while first is not None and not isinstance(first.tag, str):
            first = first.getnext()
        if first is None:
            return None
        tag = first.tag
        if tag in _HEADING_TAGS or "title" in (first.get("class") or "").lower():
            return _text(first)
        if tag in _LEAF_HEADING_TAGS and len(first) == 0:
            return " ".join((first.text or "").split())
        node = first
    return None


def _headline_links(
    rail: etree._Element, skipped: set[etree._Element], titles: dict[etree._Element, str | None]
) -> list[etree._Element]:
    links = []
    for a in rail.iter("a"):
        if not a.get("href") or a in skipped:
            continue
        if _cached_title(a, titles) is not None:
            links.append(a)
    return links


def _cached_title(a: etree._Element, titles: dict[etree._Element, str | None]) -> str | None:
    if a in titles:
        return titles[a]
    title = titles[a] = _link_title(a)
    return title


def _link_title(a: etree._Element) -> str | None:
    heading = next(a.iter(*_HEADING_TAGS), None)
    text = _text(heading) if heading is not None else _text(a)
    text = _RANK.sub("", text)
    words = len(text.split())
    if not TITLE_WORDS[0] <= words <= TITLE_WORDS[1]:
        return None
    # cheapest test first: the boilerplate patterns are the slowest
    if is_rail_heading(text) or find_age(text) is not None or is_boilerplate(text):
        return None
    return text


def _teasers(
    rail: etree._Element,
    links: list[etree._Element],
    base: str | None,
    page: str | None,
    fetched_at: datetime | None,
    titles: dict[etree._Element, str | None],
) -> Iterator[tuple[Teaser, str | None]]:
    hrefs = _hrefs_below(rail, links)
    done: set[str] = set()
    for a in links:
        href = (a.get("href") or "").strip()
        url = _join(base, href) if base else href
        if url in done:
            continue
        done.add(url)
        if _same_page(url, page) or _inline_in_prose(a):
            continue
        card = _card(a, rail, hrefs)
        title = _cached_title(a, titles)
        if title is None:
            continue
        yield _read_card(card, a, title, url, fetched_at)


def _same_page(url: str, page: str | None) -> bool:
    """A rail's link back to the page itself (rails often list the current story too)."""
    if not page:
        return False
    return url.split("#")[0].rstrip("/") == page.split("#")[0].rstrip("/")


def _inline_in_prose(a: etree._Element) -> bool:
    """A link inside a paragraph of running text is a citation, not a teaser."""
    parent = a.getparent()
    while parent is not None and parent.tag in _INLINE_TAGS:
        parent = parent.getparent()
    if parent is None or parent.tag != "p":
        return False
    return len(_text(parent)) > INLINE_LINK_RATIO * max(1, len(_text(a)))


def _hrefs_below(
    rail: etree._Element, links: list[etree._Element]
) -> dict[etree._Element, set[str | None]]:
    """For each element from a headline link up to the rail (exclusive): the hrefs of the links
    at or below it."""
    below: dict[etree._Element, set[str | None]] = {}
    for a in links:
        href = a.get("href")
        node: etree._Element | None = a
        while node is not None and node is not rail:
            below.setdefault(node, set()).add(href)
            node = node.getparent()
    return below


def _card(
    a: etree._Element, rail: etree._Element, hrefs: dict[etree._Element, set[str | None]]
) -> etree._Element:
    """The largest ancestor of ``a`` below ``rail`` holding no other headline link."""
    card = a
    href = a.get("href")
    node = a.getparent()
    while node is not None and node is not rail:
        if hrefs.get(node, set()) - {href}:
            break
        card = node
        node = node.getparent()
    return card


def _leaves(card: etree._Element, skip: etree._Element) -> Iterator[etree._Element]:
    """Elements of the card with text of their own, outside the headline link."""
    # holding the link: not a leaf (only the ancestors up to the card: the walk stays inside it)
    around: set[etree._Element] = set()
    if skip is not card:
        node = skip.getparent()
        while node is not None:
            around.add(node)
            if node is card:
                break
            node = node.getparent()
    inside = set(skip.iter())
    for el in card.iter():
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP_TAGS or el in inside or el in around:
            continue
        if any(isinstance(c.tag, str) and c.tag not in _INLINE_TAGS for c in el):
            continue
        yield el


def _read_card(
    card: etree._Element, a: etree._Element, title: str, url: str, fetched_at: datetime | None
) -> tuple[Teaser, str | None]:
    summary: str | None = None
    authors: tuple[str, ...] = ()
    age_text: str | None = None
    published: datetime | None = None
    source: str | None = None
    caption: str | None = None
    for fig in card.iter("figcaption"):
        caption = _text(fig) or None
        break
    for el in _leaves(card, a):
        text = _text(el)
        if not text or text == title:
            continue
        tag = el.tag
        if tag == "figcaption" or (caption is not None and text == caption):
            continue
        if (
            tag == "time"
            or find_age(text) is not None
            or (looks_like_stamp(text) and len(text.split()) <= 8)
        ):
            if age_text is None:
                age_text, published, source = _age(el, text, fetched_at)
            continue
        klass = (el.get("class") or "").lower()
        named_byline = "byline" in klass or "author" in klass
        byline = parse_byline(text)  # read once: the test and the authors need it
        if named_byline or byline is not None:
            if byline is not None and not authors:
                authors = byline.authors
                continue
            if named_byline:
                continue
        lead = caption_text(text)
        if lead is not None and caption is None:
            caption = lead
            continue
        if summary is None and _summary_like(el, text):
            summary = text
    teaser = Teaser(
        title=title,
        url=url or None,
        summary=summary,
        authors=authors,
        age_text=age_text,
        published=published,
        image_caption=caption,
    )
    return teaser, source


def _summary_like(el: etree._Element, text: str) -> bool:
    if len(text.split()) < 5 or is_boilerplate(text) or el.tag in _HEADING_TAGS:
        return False
    return next(el.iterancestors("a"), None) is None


def _age(
    el: etree._Element, text: str, fetched_at: datetime | None
) -> tuple[str, datetime | None, str | None]:
    machine = el.get("datetime") if el.tag == "time" else None
    if machine:
        try:
            value = datetime.fromisoformat(machine.strip().replace("Z", "+00:00"))
        except ValueError:
            value = None
        if value is not None:
            return text, value, "dom:time"
    age = find_age(text)
    if age is not None:
        resolved = resolve_age(age, fetched_at)
        if resolved is not None:
            return age.text, resolved.published, f"dom:age/{resolved.precision}"
        return age.text, None, None
    printed = parse_date(text)
    return text, printed, "dom:stamp" if printed else None


# --- notices -----------------------------------------------------------------------------------


def _bounded_text(el: etree._Element, limit: int) -> str | None:
    # serialised in C: reading the pieces one by one in Python cost more on menus of many
    # small items than serialising the few large elements at the top of a notice walk
    raw = etree.tostring(el, method="text", encoding="unicode", with_tail=False)
    if len(raw) > limit * 2:
        return None
    text = " ".join(raw.split())
    return text if len(text) <= limit else None


def _in_link(el: etree._Element) -> bool:
    """A link, inside one, or holding nothing but links' text."""
    if el.tag == "a" or next(el.iterancestors("a"), None) is not None:
        return True
    linked = "".join(_text(a) for a in el.iter("a"))
    return bool(linked) and linked.replace(" ", "") == _text(el).replace(" ", "")


def _in_figure(el: etree._Element) -> bool:
    """Inside a figure or a caption/credit element: a "©" there credits a picture."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("figure", "figcaption", "picture"):
            return True
        if _CREDIT_ATTR.search(" ".join((node.get("class") or "", node.get("id") or ""))):
            return True
    return False


def _notices(root: etree._Element, skipped: set[etree._Element]) -> tuple[str, ...]:
    texts = _candidate_texts(root)
    matches: list[tuple[etree._Element, str]] = []
    # a third of the candidates repeat their child's text ("<p><span>© 2024 AP</span></p>"):
    # one verdict per distinct text
    verdicts: dict[str, bool] = {}
    for el, text in texts.items():
        if not text or el.tag not in _NOTICE_TAGS or el in skipped:
            continue
        notice = verdicts.get(text)
        if notice is None:
            notice = verdicts[text] = is_notice(text)
        if not notice:
            continue
        if _in_link(el):
            continue  # "Copyright Policy" as a link is navigation, not a notice
        if is_copyright(text) and _in_figure(el):
            continue  # a "©" in a figure or caption credits the picture
        matches.append((el, text))
    matches.sort(key=lambda match: _position(match[0]))
    outer = {a for el, _ in matches for a in el.iterancestors()}
    out: dict[str, None] = {}
    for el, text in matches:
        if el in outer:
            continue  # an inner element carries the notice alone
        out.setdefault(text, None)
    return tuple(out)


def _candidate_texts(root: etree._Element) -> dict[etree._Element, str | None]:
    """The elements around each notice keyword, with their text (``None`` when too long).

    Texts only grow going up, so the walk from a keyword stops at the first element whose text
    is too long for a notice, or at one already read from another keyword.
    """
    texts: dict[etree._Element, str | None] = {}
    for node in _hinted_nodes(root):
        _read_up(node, texts)
    return texts


def _hinted_nodes(root: etree._Element) -> list[etree._Element | None]:
    """The elements whose own text holds a notice stem, in document order (for a tail, the
    parent of the element it follows: a tail is text of the parent). A text node counts when
    its lower-cased text holds a stem; code (script, style) and indentation never do."""
    longest = 2 * MAX_NOTICE_CHARS  # a longer piece makes every element around it too long
    pieces: list[str] = []
    owners: list[etree._Element] = []
    tails: list[bool] = []
    for el in root.iter():
        text, tail = el.text, el.tail
        # isspace() first: 70% of a page's text nodes are the indentation between tags
        if text and len(text) <= longest and not text.isspace() and el.tag not in _CODE_TAGS:
            pieces.append(text)
            owners.append(el)
            tails.append(False)
        if tail and len(tail) <= longest and not tail.isspace():
            pieces.append(tail)
            owners.append(el)
            tails.append(True)
    nodes: list[etree._Element | None] = []
    for i in _hinted_pieces(pieces):
        nodes.append(owners[i].getparent() if tails[i] else owners[i])
    return nodes


def _hinted_pieces(pieces: list[str]) -> list[int]:
    """The indexes of the pieces whose lower-cased text holds a notice stem, ascending.

    The pieces are lower-cased and searched as one string (a separator no stem holds between
    them), and each match is mapped back to its piece by offset: one regex search a page
    instead of one per text node (about half of this walk's time). Lower-casing keeps lengths
    except for rare letters ("İ" becomes two characters); a page holding one is searched piece
    by piece."""
    raw = _PIECE_SEPARATOR.join(pieces)
    lowered = raw.lower()
    if len(lowered) != len(raw):
        return [i for i, piece in enumerate(pieces) if _NOTICE_HINT.search(piece.lower())]
    starts = list(accumulate((len(piece) + 1 for piece in pieces), initial=0))
    found: list[int] = []
    for match in _NOTICE_HINT.finditer(lowered):
        i = bisect_right(starts, match.start()) - 1
        if not found or found[-1] != i:
            found.append(i)
    return found


def _read_up(node: etree._Element | None, texts: dict[etree._Element, str | None]) -> None:
    while node is not None and node not in texts:
        text = texts[node] = _bounded_text(node, MAX_NOTICE_CHARS)
        if text is None:
            return
        node = node.getparent()


def _position(el: etree._Element) -> list[int]:
    """A document-order sort key: the child indexes on the path from the root."""
    path: list[int] = []
    parent = el.getparent()
    while parent is not None:
        path.append(parent.index(el))
        el, parent = parent, parent.getparent()
    path.reverse()
    return path
