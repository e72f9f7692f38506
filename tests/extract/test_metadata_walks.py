"""The metadata pass's own walks against the XPath expressions they replace: the text nodes
after and before the headline and the non-blank ones of the body (same texts, same elements,
same tail flags, same order)."""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from copydesk.extract import metadata as M
from copydesk.parse.html import parse_html

PAGE = """<!DOCTYPE html><html><head><title>T</title></head><body>
<header class="site"><a href="/">Logo</a> <!-- menu --> Menu tail
  <nav><ul><li>One</li><li>Two <b>bold</b> after</li></ul></nav></header>
<div class="wrap">Wrapper text
  <p class="kicker">Politik</p><span>22.03.2021</span>
  <article><div class="head">Head text<h1>The <em>headline</em> here</h1>tail of h1
    <p class="byline">Von <a href="/a">Anna Berg</a> | 05.02.2020</p><!-- c -->after comment
    <figure><img src="x.jpg"><figcaption>Caption</figcaption></figure></div>
    <p>First paragraph with <a href="/l">a link</a> inside.</p>
  </article>tail of article</div>
<footer>Footer <span>© 2021</span></footer></body></html>"""

_AFTER = etree.XPath("following::text()[position() <= $n]")
_BEFORE = etree.XPath("preceding::text()[position() <= $n]")
_WITHIN = etree.XPath("(.//text()[normalize-space()])[position() <= $n]")


def _key(nodes: list) -> list[tuple[str, object, bool]]:  # type: ignore[type-arg]
    return [(str(n), n.getparent(), bool(n.is_tail)) for n in nodes]


def test_text_walks_give_the_xpath_nodes_in_order() -> None:
    doc = parse_html(PAGE, None)
    assert doc is not None
    checked = 0
    for el in doc.root.iter(etree.Element):
        for limit in (1, 3, 12, 60):
            after = _AFTER(el, n=limit)
            before = _BEFORE(el, n=limit)
            assert _key(M._texts_after(el, limit)) == _key(after)
            # the XPath gives document order; the walk gives the nearest first
            assert _key(M._texts_before(el, limit)) == _key(before[::-1])
            checked += 1
    assert checked > 40


def test_text_walks_read_no_further_than_asked() -> None:
    doc = parse_html(PAGE, None)
    assert doc is not None
    h1 = next(doc.root.iter("h1"))
    assert [str(n) for n in M._texts_after(h1, 2)] == ["tail of h1\n    ", "Von "]
    assert [str(n).strip() for n in M._texts_before(h1, 2)] == ["Head text", ""]


def test_body_walk_gives_the_xpath_nodes_in_order() -> None:
    # blank nodes by XPath's whitespace only: a no-break space is text to normalize-space()
    page = PAGE.replace("Menu tail", "\xa0").replace("<footer>", "<?php x ?> \t\r\n<footer>")
    doc = parse_html(page, None)
    assert doc is not None
    checked = 0
    for el in doc.root.iter(etree.Element):
        for limit in (1, 5, 400):
            assert _key(list(islice(M._walk_within(el), limit))) == _key(_WITHIN(el, n=limit))
            checked += 1
    assert checked > 40
    body = doc.root.find("body")
    assert any(str(n).strip(" \t\r\n") == "\xa0" for n in M._walk_within(body))


def test_body_walk_reads_no_further_than_asked() -> None:
    # thousands of short comment lines: the walk stops at the limit (the XPath built the whole
    # node set first, which grew faster than the page)
    lines = "".join(f"<div><span>{i % 28 + 1}.03.2021</span> reply</div>" for i in range(3000))
    doc = parse_html(f"<html><body><h1>Title</h1><section>{lines}</section></body></html>", None)
    assert doc is not None
    walk = M._walk_within(doc.root.find("body"))
    first = list(islice(walk, 3))
    assert [str(n) for n in first] == ["Title", "1.03.2021", " reply"]
    assert next(walk).getparent().tag == "span"  # the generator goes on from where it stopped


def test_class_prefilter_never_hides_a_verdict() -> None:
    # the four tests _class_verdicts makes, without its one-search gate
    def full(cls: str) -> tuple[bool, bool, bool, bool]:
        return (
            M._CLASS_HINT.search(cls) is not None,
            M._TAXONOMY_CLASS.search(cls) is not None,
            M._CATEGORY_CLASS.search(cls) is not None,
            M.teaser_class(cls),
        )

    classes = [
        "entry-date published", "post-tags", "tags", "current-post-ancestor menu-item",
        "schlagworte", "cat-links", "post-categories", "result-title", "card__headline",
        "byline", "Timestamp", "container", "row col-md-8", "", " ", "nav-links", "catalog",
        "meta", "c-teaser__meta", "hentry category-news tag-politik", "AuthorName",
    ]  # fmt: skip
    seen = set()
    for cls in classes:
        seen.add(M._class_verdicts(cls))
        assert M._class_verdicts(cls) == full(cls), cls
    assert len(seen) > 3  # the list exercises several verdicts, not only the empty one


def test_text_with_a_limit_is_the_text_or_a_longer_prefix_of_it() -> None:
    words = " ".join(f"word{i}" for i in range(400))
    padded = "<span>x</span>" + " " * 3000 + "<span>short tail</span>"
    doc = parse_html(
        f"<html><body><div id=a>{words}</div><div id=b>{padded}</div>"
        "<div id=c>Von <b>Anna</b>   Berg</div></body></html>",
        None,
    )
    assert doc is not None
    cut = 0
    for el in doc.root.iter("div"):
        full = M._text(el)
        limited = M._text(el, 200)
        assert limited == full or (full.startswith(limited) and len(limited) > 200)
        cut += limited != full
    assert cut == 1  # the long div is cut; the space-padded one is read whole
    assert M._text(doc.root.find(".//div[@id='c']"), 200) == "Von Anna Berg"


def test_zone_prefilter_never_hides_a_verdict() -> None:
    # _attrs_verdict's loop over tokens, without its whole-string gate
    def by_token(attrs: str) -> tuple[bool, bool, bool]:
        zone = dated_zone = teaser = False
        for token in attrs.split():
            if token.startswith(M._LAYOUT_PREFIXES):
                continue
            if M._BAD_PHRASES.search(token):
                return True, True, teaser
            for part in M._PART_SPLIT.split(token):
                if part in M._BAD_PARTS:
                    zone = True
                    teaser = teaser or part in M._TEASER_PARTS
                    dated_zone = dated_zone or part not in M._TEASER_PARTS
        return zone, dated_zone, teaser

    strings = [
        "", " ", "container row", "entry-content", "page-footer", "site-footer x", "sitefooter",
        "has-sidebar", "sidebar", "c-teaser__meta", "teaser related", "most-read box",
        "top-stories", "topstories", "node-promoted", "comments-area", "wm-ipp-base",
        "layout-related", "also-read", "post_navigation", "related\tposts", "comment reply",
    ]  # fmt: skip
    seen = set()
    for attrs in strings:
        words = M._zone_words(attrs)
        seen.add(M._attrs_verdict(words))
        assert M._attrs_verdict(words) == by_token(words), attrs
    assert len(seen) > 3


def test_itemprop_hint_agrees_with_a_case_insensitive_search() -> None:
    search = re.compile(r"date|author|creator", re.IGNORECASE).search
    values = ["datePublished", "DATEMODIFIED", "author", "Author", "creator", "dc:Creator",
              "name", "", "og:title", "article:author", "uploadDate", "headline"]  # fmt: skip
    for value in values:
        assert M._itemprop_hint(value) == (search(value) is not None), value
    assert sum(M._itemprop_hint(v) for v in values) == 8


def test_zones_take_the_headline_from_the_walk() -> None:
    doc = parse_html(PAGE, None)
    assert doc is not None
    _, zones = M._collect(doc)
    h1 = next(doc.root.iter("h1"))
    assert zones._headline == [h1, *h1.iterancestors()]
    # no h1 with text (a logo h1 linking home): the first h2 whose class says title
    blog = parse_html(
        '<html><body><h1><a href="/">Blog</a></h1><div class="sidebar-layout">'
        '<h2>Menu</h2><h2 class="entry-title">Post title</h2></div></body></html>',
        None,
    )
    assert blog is not None
    _, zones = M._collect(blog)
    assert zones._headline[0].get("class") == "entry-title"


def test_title_key_folds_typography_as_the_table_says() -> None:
    text = "„Würde“ – des «Lebens»\xa0‘ein’ — “Projekt”"

    def reference(t: str) -> str:
        return " ".join(t.translate(M._TYPOGRAPHY).casefold().split()).strip(" .:!?\"'«»")

    assert M._norm(text) == reference(text) == 'würde" - des "lebens" \'ein\' - "projekt'
