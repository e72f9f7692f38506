"""The page scans' node caps bound the whole page, not each element's children."""

from __future__ import annotations

from itertools import islice

from lxml import etree

from copydesk.extract import metadata as M


def test_body_text_cap_counts_nodes_across_the_whole_page() -> None:
    # 50 paragraphs of three text nodes each: a cap counted per parent would return all 150
    # nodes; the cap must hold for the page as a whole.
    body = etree.fromstring(
        "<body>" + "<p>one <b>x</b> two</p>" * 50 + "</body>", etree.HTMLParser()
    ).find("body")
    assert body is not None
    nodes = list(islice(M._walk_within(body), 7))
    assert len(nodes) == 7
    assert [str(n).strip() for n in nodes[:3]] == ["one", "x", "two"]


def test_body_text_skips_blank_nodes() -> None:
    body = etree.fromstring(
        "<body><div>  </div><p>\n</p><p>9 May 2021</p></body>", etree.HTMLParser()
    ).find("body")
    assert body is not None
    assert [str(n) for n in M._walk_within(body)] == ["9 May 2021"]
