"""Page furniture as data: the furniture fixture set, case by case, and the stage's contracts."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import copydesk
from copydesk.extract import furniture
from copydesk.extract.furniture import extract_furniture
from copydesk.parse.html import parse_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "furniture"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.json").is_file())
FETCHED = datetime(2025, 1, 10, 9, 0, tzinfo=UTC)


def test_the_set_has_at_least_30_cases_of_both_kinds() -> None:
    kinds = [json.loads((FIXTURES / c / "expected.json").read_text())["input"] for c in CASES]
    assert len(CASES) >= 30
    assert kinds.count("html") >= 12 and kinds.count("text") >= 12


@pytest.mark.parametrize("case", CASES)
def test_case(case: str) -> None:
    folder = FIXTURES / case
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    fetched_at = datetime.fromisoformat(expected["fetched_at"])
    if expected["input"] == "html":
        doc = parse_html((folder / "input.html").read_text(encoding="utf-8"), expected["url"])
        assert doc is not None
        furniture = extract_furniture(doc, fetched_at=fetched_at)
        related = [t.to_dict() for t in furniture.related]
        notices = list(furniture.notices)
    else:
        article = copydesk.extract(
            (folder / "input.txt").read_bytes(),
            url=expected["url"],
            fetched_at=fetched_at,
            input="text",
        )
        related = article.to_dict()["related"]
        notices = list(article.notices)
        if expected.get("page_type"):
            assert article.page_type == expected["page_type"]
    assert related == expected["related"]
    assert notices == expected["notices"]


def _doc(html: str, url: str | None = "https://site.example/news/a") -> etree._Element:
    doc = parse_html(html, url)
    assert doc is not None
    return doc


RAIL = """<html><head>{head}</head><body><article><h1>Headline of the story</h1>
<p>Body text of the article, long enough to be an article paragraph in any reading.</p></article>
<section class="related"><h2>Related</h2>
<div class="card"><a href="{href}">Storm closes schools across the region</a>
<span>40 minutes ago</span></div></section></body></html>"""


def test_urls_resolve_against_base_href() -> None:
    doc = _doc(RAIL.format(head='<base href="https://cdn.example/en/">', href="world/storm"))
    (teaser,) = extract_furniture(doc).related
    assert teaser.url == "https://cdn.example/en/world/storm"


def test_urls_resolve_against_the_page_url() -> None:
    doc = _doc(RAIL.format(head="", href="/world/storm"))
    (teaser,) = extract_furniture(doc).related
    assert teaser.url == "https://site.example/world/storm"


def test_relative_age_resolves_only_with_fetch_time() -> None:
    doc = _doc(RAIL.format(head="", href="/world/storm"))
    (teaser,) = extract_furniture(doc).related
    assert teaser.age_text == "40 minutes ago" and teaser.published is None
    furniture = extract_furniture(doc, fetched_at=FETCHED)
    assert furniture.related[0].published == datetime(2025, 1, 10, 8, 20, tzinfo=UTC)
    assert furniture.provenance["related[0].published"] == "dom:age/minute"


def test_the_tree_is_not_modified() -> None:
    case = FIXTURES / "ap_more_from_html" / "input.html"
    doc = _doc(case.read_text(encoding="utf-8"))
    before = etree.tostring(doc.root)
    extract_furniture(doc, fetched_at=FETCHED)
    assert etree.tostring(doc.root) == before


def test_a_page_without_rails_has_no_teasers() -> None:
    doc = _doc(
        "<html><body><nav><a href='/a'>World news today here</a></nav><p>Text.</p></body></html>"
    )
    assert extract_furniture(doc).related == ()


def test_furniture_reaches_the_article() -> None:
    html = (FIXTURES / "german_mehr_zum_thema_html" / "input.html").read_bytes()
    article = copydesk.extract(html, url="https://www.spiegel.example/politik/haushalt-a-0")
    assert len(article.related) == 3
    assert len(article.notices) == 2


_TAGS = st.sampled_from(
    [
        "div",
        "section",
        "aside",
        "ul",
        "ol",
        "li",
        "a",
        "p",
        "h2",
        "time",
        "figure",
        "figcaption",
        "span",
        "base",
    ]
)


@st.composite
def _html(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(_TAGS)
        attr = draw(
            st.sampled_from(
                [
                    "",
                    ' class="related"',
                    ' href="/x"',
                    ' datetime="2025-13-99"',
                    ' href="http://[::1"',
                    ' class="most-read"',
                ]
            )
        )
        text = draw(st.text(max_size=40))
        parts.append(f"<{tag}{attr}>{text}" + (f"</{tag}>" if draw(st.booleans()) else ""))
    return "<html><body>" + "".join(parts)


@settings(max_examples=120, deadline=None)
@given(_html())
def test_never_raises(html: str) -> None:
    doc = parse_html(html, "https://site.example/")
    if doc is not None:
        extract_furniture(doc, fetched_at=FETCHED)


def test_links_back_to_the_page_and_citations_in_prose_are_not_teasers() -> None:
    html = """<html><body><article><p>The governor spoke, <a href="https://other.example/x">according
    to the Sioux Falls Argus Leader</a>, on Monday after a long meeting.</p></article>
    <div class="related-stories"><h2>Related</h2>
    <a href="/news/a">This very story about the governor's campaign</a>
    <a href="/news/b">Lawmakers drop pipeline protest laws after lawsuit</a></div></body></html>"""
    doc = _doc(html, "https://site.example/news/a")
    assert [t.title for t in extract_furniture(doc).related] == [
        "Lawmakers drop pipeline protest laws after lawsuit"
    ]


def test_photo_credits_in_figures_are_not_notices() -> None:
    html = """<html><body><figure><img src="a.jpg"><figcaption>Crowds in the square.
    <span class="credit">© REUTERS / POOL</span></figcaption></figure><p>Text of the story.</p>
    <footer><p>© 2025 Example Media. All rights reserved.</p></footer></body></html>"""
    assert extract_furniture(_doc(html)).notices == ("© 2025 Example Media. All rights reserved.",)


def test_copyright_links_are_navigation_not_notices() -> None:
    html = """<html><body><p>Story text.</p><footer><ul><li><a href="/c">Copyright Policy</a></li>
    </ul><p>Copyright © 2025 Example Media. All rights reserved.</p></footer></body></html>"""
    notices = extract_furniture(_doc(html)).notices
    assert notices == ("Copyright © 2025 Example Media. All rights reserved.",)


def test_notices_spread_over_markup_and_tails_are_found_in_page_order() -> None:
    # the keyword sits in an <em> ("updated") or in a link's tail ("rights"): the notice is the
    # enclosing paragraph, and notices come out in page order
    html = """<html><body><article><p>This story has been <em>updated</em> with comment from
    the mayor.</p><p>The council met on Monday.</p></article><footer><p><a href="/about">Example
    Media</a> 2025. All rights reserved.</p></footer></body></html>"""
    assert extract_furniture(_doc(html)).notices == (
        "This story has been updated with comment from the mayor.",
        "Example Media 2025. All rights reserved.",
    )


def test_notices_inside_scripts_and_templates_are_not_read() -> None:
    html = """<html><body><p>Story text.</p><template><p>© 2025 Hidden Media.</p></template>
    <noscript><p>Copyright 2025 Other Media</p></noscript></body></html>"""
    assert extract_furniture(_doc(html)).notices == ()


def test_notice_hint_trie_matches_where_a_stem_occurs() -> None:
    # the prefix-factored regex finds a stem exactly where the flat alternation of the stems does
    flat = re.compile("|".join(re.escape(stem) for stem in furniture._NOTICE_STEMS))
    samples = [
        "© 2024 Example Media",
        "all rights reserved",
        "this story was updated",
        "correction: an earlier version",
        "korrigiert am",
        "nota del editor",
        "notable events",
        "the corridor",
        "menu",
        "home",
        "(c) news",
        "rectificación",
        "",
    ]
    for text in samples:
        assert (furniture._NOTICE_HINT.search(text) is None) == (flat.search(text) is None)
    assert furniture._trie_pattern(["note", "nota", "not"]) == "not"
    assert furniture._NOTICE_HINT.search("menu") is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="acdeinoprstuvw©( )", max_size=40))
def test_notice_hint_trie_agrees_with_the_flat_stems(text: str) -> None:
    flat = re.compile("|".join(re.escape(stem) for stem in furniture._NOTICE_STEMS))
    assert (furniture._NOTICE_HINT.search(text) is None) == (flat.search(text) is None)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="acdeinoprstuvwİIC©( )", max_size=12), max_size=8))
def test_hinted_pieces_are_the_pieces_holding_a_stem(pieces: list[str]) -> None:
    # one search over the joined pieces finds the same pieces as one search per piece, also
    # when "İ" (two characters lower-cased) shifts the offsets
    expected = [i for i, p in enumerate(pieces) if furniture._NOTICE_HINT.search(p.lower())]
    assert furniture._hinted_pieces(pieces) == expected


def test_notice_after_a_dotted_capital_i_is_found() -> None:
    html = (
        "<html><body><article><p>İstanbul bureau report with enough words to be a paragraph.</p>"
        "<p>Correction: An earlier version of this story misstated the date.</p>"
        "</article></body></html>"
    )
    doc = parse_html(html, None)
    assert doc is not None
    hinted = furniture._hinted_nodes(doc.root)
    assert [el.tag for el in hinted if el is not None] == ["p"]
    assert "Correction" in "".join(hinted[0].itertext())  # type: ignore[union-attr]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="acdeilmnoprstuw- x", max_size=30))
def test_rail_name_trie_agrees_with_the_hyphen_alternation(text: str) -> None:
    plain = re.compile("|".join(furniture._RAIL_NAMES))
    assert (furniture._RAIL_ATTR_LOWER.search(text) is None) == (plain.search(text) is None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ads-_ xé9", max_size=12))
def test_sponsored_pattern_is_a_word_boundary_ad(text: str) -> None:
    plain = re.compile(r"outbrain|taboola|sponsor|promoted|advert|\bads?\b")
    assert (furniture._SPONSORED_ATTR_LOWER.search(text) is None) == (plain.search(text) is None)


def test_rails_named_with_and_without_hyphens_are_found() -> None:
    for name in ("more-from-ap", "morefrom", "c-most-read", "lesen-sie-auch", "leiatambem"):
        assert furniture._RAIL_ATTR_LOWER.search(name) is not None, name
    assert furniture._RAIL_ATTR_LOWER.search("c-article-body") is None
    assert furniture._SPONSORED_ATTR_LOWER.search("top-ads widget") is not None
    assert furniture._SPONSORED_ATTR_LOWER.search("leads roads") is None
