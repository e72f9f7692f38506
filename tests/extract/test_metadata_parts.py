"""JSON-LD parsing, image credits and never-raising metadata on arbitrary input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.extract.images import split_credit
from copydesk.extract.jsonld import parse_jsonld, text_of
from copydesk.extract.metadata import complete_metadata, extract_metadata
from copydesk.parse.html import parse_html


def test_jsonld_graph_list_and_nesting() -> None:
    ld = parse_jsonld(
        [
            '[{"@type":"WebSite","name":"Site"},'
            '{"@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"Inner",'
            '"datePublished":"2023-01-02"}}]',
            '{"@graph":[{"@type":["Person"],"@id":"#a","name":"A B"}]}',
        ]
    )
    main = ld.main()
    assert main is not None and main["headline"] == "Inner"
    assert "#a" in ld.by_id()


def test_jsonld_lenient_and_salvaged() -> None:
    ld = parse_jsonld(['<!-- {"@type":"Article","headline":"T",} -->'])
    main = ld.main()
    assert main is not None and main["headline"] == "T"
    broken = parse_jsonld(['{"@type":"Article","datePublished":"2023-01-02T03:04:05Z" "x"'])
    assert broken.salvaged["datePublished"] == "2023-01-02T03:04:05Z"
    assert parse_jsonld(["", "null", "[[[[", "{" * 100]).nodes == ()


def test_text_of_shapes() -> None:
    assert text_of({"@value": " A &amp; B "}) == "A & B"
    assert text_of([None, {"name": "X"}]) == "X"
    assert text_of(True) is None


def test_caption_credit_split() -> None:
    assert split_credit("Police at the scene on Friday. (AP Photo/Jane Roe)") == (
        "Police at the scene on Friday.",
        "AP Photo/Jane Roe",
    )
    assert split_credit("Der Rhein bei Köln. Foto: dpa") == ("Der Rhein bei Köln.", "Foto: dpa")
    assert split_credit("Just a caption.") == ("Just a caption.", None)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<meta property='article:published_time' content='2023-99-01'>",
                '<script type=\'application/ld+json\'>{"@type":"NewsArticle","author":[[[]]]}'
                "</script>",
                "<time datetime='0000-00-00'>x</time>",
                "<p class='byline'>By , and ; &amp;</p>",
                "<h1></h1>",
                "<figure><img src='data:x'><figcaption>©</figcaption></figure>",
                "<div class='date'>Updated: vor 3 Stunden</div>",
            ]
        )
        | st.text(max_size=80),
        max_size=12,
    )
)
def test_metadata_never_raises(parts: list[str]) -> None:
    doc = parse_html("<html><body>" + "".join(parts) + "</body></html>")
    if doc is None:
        return
    meta = extract_metadata(doc)
    complete_metadata(meta, [])
