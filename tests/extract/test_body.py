"""Unit tests of the generic body extractor, one behaviour per test, on small pages."""

from __future__ import annotations

import pytest
from lxml import etree

from copydesk.extract.body import (
    _BODY_HINT,
    _BODY_HINT_WORDS,
    _is_date_line,
    _is_furniture_name,
    _may_hint,
    extract_body,
    prune,
)
from copydesk.model import Block
from copydesk.parse.html import parse_html

PROSE = (
    "The council voted on Monday to extend the library's opening hours, a change that "
    "residents had requested for years."
)
PROSE2 = (
    "Officials said the new schedule would take effect next month and cost about "
    "forty thousand dollars a year."
)


def blocks(html: str) -> list[Block]:
    doc = parse_html(html)
    assert doc is not None
    return list(extract_body(doc))


def texts(html: str) -> list[str]:
    return [b.text for b in blocks(html)]


def page(inner: str, head: str = "<title>Library hours extended</title>") -> str:
    return f"<html><head>{head}</head><body>{inner}</body></html>"


def test_keeps_paragraphs_in_order() -> None:
    assert texts(page(f"<article><p>{PROSE}</p><p>{PROSE2}</p></article>")) == [PROSE, PROSE2]


@pytest.mark.parametrize(
    "furniture",
    [
        "<nav><ul><li><a href='/a'>News</a></li><li><a href='/b'>Sport</a></li></ul></nav>",
        "<div class='share-bar'><p>Share this story with your friends and family today.</p></div>",
        "<div class='related-stories'><p>Another story that is related and long enough.</p></div>",
        "<div id='comments'><p>Great article, I agree with every word the author wrote here!</p>"
        "</div>",
        "<div class='cookie-notice'><p>We use cookies to improve your experience on our site.</p>"
        "</div>",
        "<div class='newsletter-signup'><p>Get our morning briefing in your inbox, free.</p></div>",
        "<aside><p>An aside with a teaser, long enough to look like a paragraph.</p></aside>",
        "<footer><p>Copyright 2025 The Daily Example. All rights reserved worldwide.</p></footer>",
        "<figure><img src='x.jpg'><figcaption>The library at dusk, photographed on Sunday."
        "</figcaption></figure>",
    ],
)
def test_drops_furniture(furniture: str) -> None:
    out = texts(page(f"<article><p>{PROSE}</p>{furniture}<p>{PROSE2}</p></article>"))
    assert out == [PROSE, PROSE2]


def test_keeps_structure_kinds() -> None:
    html = page(
        f"<article><p>{PROSE}</p><h2>What changes</h2><ul><li>Longer hours</li><li>More staff</li>"
        "</ul><blockquote><p>It is about time, honestly.</p></blockquote>"
        "<pre>hours = 9..21</pre><table><tr><th>Day</th><th>Hours</th></tr>"
        f"<tr><td>Mon</td><td>9-21</td></tr></table><p>{PROSE2}</p></article>"
    )
    assert [(b.kind, b.text) for b in blocks(html)] == [
        ("paragraph", PROSE),
        ("heading", "What changes"),
        ("list_item", "Longer hours"),
        ("list_item", "More staff"),
        ("quote", "It is about time, honestly."),
        ("preformatted", "hours = 9..21"),
        ("table", "Day | Hours\nMon | 9-21"),
        ("paragraph", PROSE2),
    ]


def test_headline_repeated_from_title_is_not_body() -> None:
    html = page(
        f"<div><h1>Library hours extended</h1><h2>Library hours extended</h2><p>{PROSE}</p></div>"
    )
    assert texts(html) == [PROSE]


def test_byline_and_date_lines_are_metadata() -> None:
    html = page(
        f"<article><p>By Jane Doe</p><p>Updated 4:52 PM CDT, June 18, 2025</p><p>{PROSE}</p>"
        "</article>"
    )
    assert texts(html) == [PROSE]


def test_paragraph_starting_like_a_byline_stays() -> None:
    line = "By the end of the meeting, nobody had changed their mind."
    assert texts(page(f"<article><p>{PROSE}</p><p>{line}</p></article>")) == [PROSE, line]


def test_br_separated_text_becomes_paragraphs() -> None:
    html = page(f"<div class='post-body'>{PROSE}<br><br>{PROSE2}<br></div>")
    assert texts(html) == [PROSE, PROSE2]


def test_link_list_inside_article_is_dropped() -> None:
    links = "".join(f"<a href='/{i}'>Some other headline number {i}</a> " for i in range(5))
    assert texts(page(f"<article><p>{PROSE}</p><p>{links}</p><p>{PROSE2}</p></article>")) == [
        PROSE,
        PROSE2,
    ]


def test_paragraph_with_a_few_links_stays() -> None:
    para = f"{PROSE} The <a href='/r'>full report</a> is online."
    assert texts(page(f"<article><p>{para}</p></article>")) == [
        f"{PROSE} The full report is online."
    ]


def test_article_beats_teaser_rail() -> None:
    teasers = "".join(
        f"<li><a href='/t{i}'><h3>Teaser headline {i}</h3></a><p>A one line summary of the "
        f"teased story number {i}, with a full stop.</p></li>"
        for i in range(8)
    )
    html = page(
        f"<div><ul class='x'>{teasers}</ul></div><div class='y'><p>{PROSE}</p><p>{PROSE2}</p></div>"
    )
    assert texts(html) == [PROSE, PROSE2]


def test_listing_page_has_no_body() -> None:
    teasers = "".join(
        f"<div class='card'><a href='/t{i}'><h3>Teaser headline {i}</h3></a><p>A one line "
        f"summary of the teased story number {i}.</p></div>"
        for i in range(8)
    )
    assert texts(page(teasers)) == []


def test_main_column_named_like_a_sidebar_is_kept() -> None:
    html = page(f"<div class='content-with-sidebar'><p>{PROSE}</p><p>{PROSE2}</p></div>")
    assert texts(html) == [PROSE, PROSE2]


def test_layout_table_is_walked_not_flattened() -> None:
    html = page(
        "<table><tr><td><a href='/'>Home</a><br><a href='/n'>News</a></td>"
        f"<td><p>{PROSE}</p><p>{PROSE2}</p></td></tr></table>"
    )
    assert texts(html) == [PROSE, PROSE2]


def test_split_body_sections_are_merged() -> None:
    html = page(
        f"<section class='body'><div class='col'><p>{PROSE}</p></div>"
        "<div class='ad-wrapper'><p>Advertisement</p></div>"
        f"<div class='col'><p>{PROSE2}</p></div></section>"
    )
    assert texts(html) == [PROSE, PROSE2]


def test_empty_and_textless_pages() -> None:
    assert texts(page("")) == []
    assert texts(page("<div><img src='a.png'></div>")) == []


@pytest.mark.parametrize(
    ("names", "furniture"),
    [
        ("share-buttons", True),
        ("relatedStories", True),
        ("post-comments", True),
        ("non-ad-column", False),
        ("commentary-body", False),
        ("content-with-sidebar-wrp", False),
        ("post type-post tag-politics author-jane", False),
        ("field field-label-hidden", False),
        ("entry-content", False),
        ("content-box site-author-box", True),
        ("post-author-bio", True),
        ("authorbox", True),
        ("about-the-author", True),
        ("author-jsmith entry", False),
        ("mollie-donation-form-holder", True),
        ("donations", True),
        ("slider slider-b5b2", True),
        ("slider__item slider__item--teaser", True),
        ("has_ae_slider elementor-section", False),
        ("post-ratings", True),
        ("ratings", True),
    ],
)
def test_furniture_names(names: str, furniture: bool) -> None:
    assert _is_furniture_name(names) is furniture


@pytest.mark.parametrize(
    ("line", "is_date"),
    [
        ("Updated 4:52 PM CDT, June 18, 2025", True),
        ("04.02.2025, 17:30 Uhr", True),
        ("11:42 a.m.", True),
        ("March 3 was the coldest day in 2024.", False),
        ("No digits here", False),
    ],
)
def test_date_lines(line: str, is_date: bool) -> None:
    assert _is_date_line(line) is is_date


LEAD = "A lead paragraph that sums up the story for the reader in one finished sentence."
RAIL = "".join(
    f"<li><a href='/s{i}'>Another story from the site, number {i}</a></li>" for i in range(8)
)


def test_standfirst_after_the_headline_joins_the_body() -> None:
    # the body column is the container (the rail beside it stops the climb); the lead sits in
    # the header block with the headline, outside that column
    html = page(
        f"<div class='wrap'><div class='head'><h1>Library hours extended</h1>"
        f"<p class='intro'>{LEAD}</p></div>"
        f"<div class='text'><p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE}</p></div>"
        f"<ul class='x'>{RAIL}</ul></div>"
    )
    assert texts(html) == [LEAD, PROSE, PROSE2, PROSE]


def test_no_standfirst_when_other_text_sits_between_headline_and_body() -> None:
    # a caption-like line after the lead: the header is not headline + lead alone
    html = page(
        f"<div class='wrap'><div class='head'><h1>Library hours extended</h1>"
        f"<p class='intro'>{LEAD}</p><p>Seen from the square</p></div>"
        f"<div class='text'><p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE}</p></div>"
        f"<ul class='x'>{RAIL}</ul></div>"
    )
    assert texts(html) == [PROSE, PROSE2, PROSE]


@pytest.mark.parametrize("line", ["Advert", "This slideshow requires JavaScript."])
def test_placeholder_lines_are_dropped(line: str) -> None:
    assert texts(page(f"<article><p>{PROSE}</p><p>{line}</p><p>{PROSE2}</p></article>")) == [
        PROSE,
        PROSE2,
    ]


MAIN = [PROSE, PROSE2] * 4


def column(paragraphs: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in paragraphs)


def test_article_split_over_template_columns_is_joined() -> None:
    # the body continues in a second column under another wrapper; the rail stops the climb
    more = [" ".join([PROSE2] * 3), PROSE, PROSE2]
    html = page(
        f"<div class='wrap'><div class='a'><div class='text'>{column(MAIN)}</div>"
        f"<ul class='x'>{RAIL}</ul></div><div class='b'>{column(more)}</div></div>"
    )
    assert texts(html) == MAIN + more


def test_linked_block_beside_the_article_is_not_joined() -> None:
    linked = PROSE2 + " <a href='/x'>More on this from our archive.</a>"
    more = [" ".join([PROSE2] * 3), PROSE, linked]
    html = page(
        f"<div class='wrap'><div class='a'><div class='text'>{column(MAIN)}</div>"
        f"<ul class='x'>{RAIL}</ul></div><div class='b'>{column(more)}</div></div>"
    )
    assert texts(html) == MAIN


def test_br_formatted_post_ending_in_a_fact_list_is_prose() -> None:
    # a forum-style post: one run of br-separated text that closes with a spec list, so the
    # run does not end a sentence; beside it a box of finished paragraphs about the site
    story = "<br><br>".join([PROSE, PROSE2] * 6)
    facts = "<br>".join(["Length: 2.44 metres", "Weight: 186 grams", "Price: 159.90 euros"])
    about = (
        "<p>This board is run by volunteers who have been fishing the region's lakes and "
        "rivers for decades, in every season and in all weathers.</p><p>Members share reports, "
        "tackle tests and advice for beginners, and new members are always welcome here.</p>"
        "<p>Please read the rules before posting, and be kind to each other.</p>"
    )
    html = page(
        f"<div class='main'><div class='post'><div class='text'>{story}<br><br><b>Facts</b><br>"
        f"{facts}</div></div></div>"
        f"<div class='side'><div class='box'>{about}</div><ul>{RAIL}</ul></div>"
    )
    out = texts(html)
    assert out[:2] == [PROSE, PROSE2]
    assert not any("volunteers" in t for t in out)


def test_a_list_is_part_of_the_article_not_all_of_it() -> None:
    # a recipe post: ingredient lines are short paragraphs (no cluster of prose), the steps a
    # numbered list of long sentences; the article is the post, not only the list
    steps = "".join(
        f"<li>Step {i}: mix the flour, the sugar and the butter in a large bowl and knead it "
        f"into a smooth dough before you roll it out.</li>"
        for i in range(5)
    )
    html = page(
        "<div class='main'><div class='entry'><p>For 40 biscuits</p><p>200 g sugar</p>"
        f"<p>250 g flour</p><p>(plus 15 minutes in the oven)</p><ol>{steps}</ol></div></div>"
        f"<div class='side'><ul>{RAIL}</ul></div>"
    )
    out = texts(html)
    assert out[:3] == ["For 40 biscuits", "200 g sugar", "250 g flour"]
    assert out[-1].startswith("Step 4:")
    assert not any("Another story" in t for t in out)


def test_truncated_excerpts_are_teasers_not_prose() -> None:
    # a "latest news" block above the article: each item a headline link and an excerpt cut
    # off with an ellipsis; the excerpts are long enough to look like a cluster of prose
    items = "".join(
        f"<li><a href='/n{i}'>Another story from the site, number {i}</a> <span>NEW YORK: "
        f"Officials met on Tuesday to discuss the plan for the new bridge over the river, which "
        f"residents say has been delayed for far too many years and now costs...</span></li>"
        for i in range(6)
    )
    html = page(
        f"<div class='main'><div class='latest'><ul>{items}</ul></div>"
        f"<div class='story'><p>{PROSE}</p><p>{PROSE2}</p></div></div>"
    )
    assert texts(html) == [PROSE, PROSE2]


def test_short_note_loose_in_its_column_leaves_the_sidebar_out() -> None:
    # no paragraph elements and no finished sentence at the end: the fallback takes the
    # column holding the text, not the row with the category sidebar beside it
    cats = "".join(f"<li><a href='/c{i}'>Category {i}</a></li>" for i in range(12))
    note = (
        "The health service team reported this morning that two of its five cars were broken "
        "into overnight at the unit in the north of the city. Information: call 3372 9000"
    )
    html = page(
        f"<div class='row'><div class='col-3'><blockquote>Categories</blockquote><ul>{cats}</ul>"
        f"</div><div class='col-9'><p class='title'>Cars broken into</p>{note}</div></div>"
    )
    out = texts(html)
    assert out[-1] == note
    assert not any("Categor" in t for t in out)


def test_teaser_cards_with_a_header_stay_teasers() -> None:
    # a grid of HTML5 teaser cards under the story: each card's linked headline sits in its
    # own <header>, the summary is a finished sentence
    cards = "".join(
        f"<div class='col'><article><header><h2><a href='/s{i}'>Teaser headline {i}</a></h2>"
        f"</header><div class='description'><p>A summary of the teased story number {i}, "
        f"which ends in a full stop like a real sentence.</p></div></article></div>"
        for i in range(12)
    )
    html = page(
        f"<section><article><div class='content'><p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE}</p>"
        f"</div></article></section><section><div class='grid'>{cards}</div></section>"
    )
    assert texts(html) == [PROSE, PROSE2, PROSE]


def test_sentence_that_is_mostly_one_link_stays() -> None:
    linked = (
        "The investigation had been shelved in 2017 but was <a href='/x'>re-opened earlier this "
        "year following his eviction from the embassy in London</a>."
    )
    html = page(f"<article><p>{PROSE}</p><p>{linked}</p><p>{PROSE2}</p></article>")
    out = texts(html)
    assert len(out) == 3
    assert out[1].startswith("The investigation had been shelved")


def test_heading_anchor_id_is_not_a_furniture_name() -> None:
    # in-page anchors are made of the heading's words, and "nav_..." ids are common for them
    html = page(
        f"<article><p>{PROSE}</p><h3 class='subheading' id='nav_only_the_foil__1'>Only the "
        f"foil remains</h3><p>{PROSE2}</p><h3 class='related-title'>Related</h3></article>"
    )
    assert texts(html) == [PROSE, "Only the foil remains", PROSE2]


def test_label_lines_above_the_article_are_dropped() -> None:
    html = page(f"<article><p>Politics</p><p>{PROSE}</p><p>{PROSE2}</p><p>Note</p></article>")
    assert texts(html) == [PROSE, PROSE2]


def test_a_list_the_article_opens_with_stays() -> None:
    lines = "".join(f"<p>Item number {i}</p>" for i in range(4))
    html = page(f"<article>{lines}<p>{PROSE}</p><p>{PROSE2}</p></article>")
    assert texts(html)[0] == "Item number 0"


@pytest.mark.parametrize(
    "line",
    [
        "To view the full story, please subscribe to The Daily Example.",
        "To continue reading this article, log in or subscribe.",
        "Never miss the latest news by signing up to our free newsletter here.",
        "Pour lire la suite de cet article, abonnez-vous.",
        ">>> Jetzt die aktuelle Ausgabe bestellen! <<<",
        "Werden Sie Mitglied bei uns und erhalten Sie exklusive Inhalte.",
    ],
)
def test_paywall_and_signup_prompts_are_dropped(line: str) -> None:
    html = page(f"<article><p>{PROSE}</p><p>{line}</p><p>{PROSE2}</p></article>")
    assert texts(html) == [PROSE, PROSE2]


def test_long_paragraph_without_a_final_full_stop_is_prose() -> None:
    # a one-paragraph post of several sentences whose last line ends without punctuation,
    # above a block of shorter posts that do end their sentences
    sentence = (
        "Living a true experience of love is one of the greatest pleasures in life, and it "
        "asks for patience. "
    )
    main = sentence * 8 + "Only who loves themselves can find a love that is true"
    boxes = "".join(
        f"<article class='box'><div class='share'><a href='/s{i}'>Share</a></div><p>"
        + "Gratitude for life is in the small details of every single day that we live. " * 6
        + f"Number {i}.</p></article>"
        for i in range(6)
    )
    html = page(
        f"<div class='col'><article class='main'><h1>Love</h1><p>{main}</p></article>"
        f"<article class='more'>{boxes}</article></div>"
    )
    assert texts(html)[0] == main


def test_closing_sentence_set_as_a_heading_stays() -> None:
    closing = (
        "Send us your poster by the end of May and we will show the best ones at the harbour "
        "festival."
    )
    html = page(
        f"<article><p>{PROSE}</p><p>{PROSE2}</p><h4>{closing}</h4><h3>More stories</h3></article>"
    )
    assert texts(html) == [PROSE, PROSE2, closing]


def test_prune_lists_what_remains_in_document_order() -> None:
    # nested furniture (a nav inside a named rail, a named box inside an aside), furniture as
    # the last thing on the page, and a wrapper named like furniture but holding the article
    html = page(
        "<div class='content-with-sidebar'>"
        f"<header><h1>Library hours</h1></header><article><p>{PROSE}</p>"
        "<div class='related-links'><nav><a href='/a'>A</a></nav><p>More</p></div>"
        f"<p>{PROSE2}</p></article>"
        "<aside><div class='share'><a href='/s'>Share</a></div></aside></div>"
        "<footer><p>Contact</p><div class='promo'>Buy</div></footer>"
    )
    doc = parse_html(html)
    assert doc is not None
    body = doc.root.find("body")
    assert body is not None
    kept = prune(body)
    assert kept == list(body.iter(etree.Element))
    assert [el.tag for el in kept] == ["body", "div", "article", "p", "p"]


def test_body_hint_words_cover_every_alternative() -> None:
    # _may_hint skips the regex for ASCII names without these words: each alternative must
    # hold one, or a name the regex matches would lose its bonus
    alternatives = _BODY_HINT.pattern.replace("[-_]?", "").split("|")
    assert len(alternatives) > 10
    for alternative in alternatives:
        assert any(word in alternative.lower() for word in _BODY_HINT_WORDS), alternative
    for name in ("c-entry", "Article-Body main", "story_content", "x ARTIKEL", "rich_text"):
        assert _BODY_HINT.search(name) and _may_hint(name)
    assert _may_hint("\u017ftory-body")  # not ASCII: left to the regex
    assert not _may_hint("col-md-8 sidebar-left story")
