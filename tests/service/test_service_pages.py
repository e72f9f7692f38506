"""The web page: playground, outline marks, and escaping of hostile pages."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from helpers_service import FIXTURES, LocalSite
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from copydesk.api import extract
from copydesk.model import Article, Block, Teaser
from copydesk.service.outline import outline
from copydesk.service.render import block_groups, highlight, safe_href


def _assert_inert(page_html: str) -> None:
    """No script, no event handler, no script URL anywhere in the rendered page."""
    doc = lxml_html.fromstring(page_html)
    assert not doc.xpath("//script | //iframe | //object | //embed | //svg | //base")
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name, value)
            if name in ("href", "src", "action", "formaction"):
                assert value.strip().lower().split(":", 1)[0] not in (
                    "javascript",
                    "data",
                    "vbscript",
                ), value


def test_playground_form(client: TestClient) -> None:
    r = client.get("/playground")
    assert r.status_code == 200
    doc = lxml_html.fromstring(r.text)
    assert doc.cssselect('form[action="/playground"] textarea[name="page"]')


def test_playground_shows_article_beside_marked_blocks(client: TestClient) -> None:
    html = (FIXTURES / "article.html").read_text()
    r = client.post("/playground", data={"page": html, "url": "https://coastal-ledger.example/a"})
    assert r.status_code == 200
    _assert_inert(r.text)
    doc = lxml_html.fromstring(r.text)
    marks = {li.get("data-mark") for li in doc.cssselect("ol.outline li")}
    assert "kept" in marks and "dropped" in marks
    kept = " ".join(li.text_content() for li in doc.cssselect("ol.outline li.mark-kept"))
    assert "Councillors in Kestrel Bay voted" in kept
    dropped = " ".join(li.text_content() for li in doc.cssselect("ol.outline li.mark-dropped"))
    assert "cookies" in dropped
    assert "tidal mill" in doc.cssselect("section.extracted h1.headline")[0].text_content().lower()
    assert '"page_type"' in doc.cssselect("pre.json")[0].text_content()


def test_playground_text_and_errors(client: TestClient) -> None:
    text = (FIXTURES / "story.txt").read_text()
    r = client.post("/playground", data={"page": text, "input": "text"})
    assert r.status_code == 200
    assert "reached a deal late on Tuesday" in r.text
    assert client.post("/playground", data={"page": "", "url": ""}).status_code == 422
    r = client.post("/playground", data={"page": "<p>x</p>", "fetched_at": "tuesday"})
    assert r.status_code == 422 and "ISO 8601" in r.text
    r = client.post("/playground", data={"url": "http://127.0.0.1:9/"})
    assert r.status_code == 403 and "refused" in r.text


def test_playground_fetches_a_url(
    make_client: Callable[..., TestClient], local_site: LocalSite
) -> None:
    client = make_client(allow_private=True)
    r = client.post("/playground", data={"url": local_site.base + "/article.html"})
    assert r.status_code == 200
    assert "Engineers who surveyed the mill" in r.text


def test_hostile_page_is_shown_inert(client: TestClient) -> None:
    hostile = (FIXTURES / "hostile.html").read_text()
    r = client.post("/playground", data={"page": hostile, "url": "https://evil.example/x"})
    assert r.status_code == 200
    _assert_inert(r.text)
    # the hostile strings are there, as text
    assert "window.__pwned" in lxml_html.fromstring(r.text).text_content()
    api = client.post("/extract", json={"html": hostile}).json()
    article = Article.from_dict(api)
    for teaser in article.related:
        assert safe_href(teaser.url) is None or teaser.url.startswith("http")


def test_hostile_record_rendered_in_reader_is_inert(client: TestClient) -> None:
    """Even a record whose fields are raw markup (as a hostile store could hold) renders inert."""
    state = client.app.state.copydesk  # type: ignore[attr-defined]
    payload = "<script>window.__pwned=1</script><img src=x onerror=alert(1)>"
    article = Article(
        url="javascript:alert(1)",
        title=payload,
        authors=(payload,),
        description=payload,
        page_type="article",
        body=(Block("paragraph", payload), Block("list_item", payload)),
        related=(Teaser(payload, "javascript:alert(1)"), Teaser("ok", " JAVASCRIPT:alert(1)")),
        notices=(payload,),
        provenance={payload: payload},
    )
    page = state.renderer.page(
        "article.html", active=None, article=article, article_id=1, cluster_id=None
    )
    _assert_inert(page)
    assert page.count("&lt;script&gt;") >= 5


def test_outline_marks() -> None:
    html = (FIXTURES / "article.html").read_text()
    article = extract(html, url="https://coastal-ledger.example/a")
    blocks = outline(html, article, is_html=True)
    by_text = {b.text: b.mark for b in blocks}
    assert any(m == "kept" for t, m in by_text.items() if t.startswith("KESTREL BAY"))
    assert by_text["We use cookies to improve your experience. Accept all cookies?"] == "dropped"
    assert by_text["By Maren Holt"] == "metadata"
    synthetic = Article(
        body=(Block("paragraph", "Body text that is long enough."),),
        related=(Teaser("Rail headline in a rail"),),
        notices=("© Example",),
    )
    page = (
        "<p>Body text that is long enough.</p><ul><li>Rail headline in a rail</li></ul>"
        "<footer><p>© Example</p></footer><script><p>not shown</p></script><p>Menu</p>"
    )
    marks = [(b.text, b.mark) for b in outline(page, synthetic, is_html=True)]
    assert marks == [
        ("Body text that is long enough.", "kept"),
        ("Rail headline in a rail", "furniture"),
        ("© Example", "furniture"),
        ("Menu", "dropped"),
    ]
    assert outline("", synthetic, is_html=True) == ()
    assert [
        b.mark for b in outline("Body text that is long enough.\n\nOther", synthetic, is_html=False)
    ] == ["kept", "dropped"]


def test_render_helpers() -> None:
    assert safe_href("https://a.example/x") == "https://a.example/x"
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        "/relative",
        "",
        None,
        "java\nscript:x",
        "http://",
        "vbscript:x",
    ):
        assert safe_href(bad) is None, bad
    groups = block_groups(
        [
            Block("paragraph", "a"),
            Block("list_item", "b"),
            Block("list_item", "c"),
            Block("paragraph", "d"),
        ]
    )
    assert [(g.kind, len(g.blocks)) for g in groups] == [
        ("paragraph", 1),
        ("list_item", 2),
        ("paragraph", 1),
    ]
    assert str(highlight((("a<b ", False), ("x&y", True)))) == "a&lt;b <mark>x&amp;y</mark>"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.lists(st.tuples(st.text(max_size=30), st.booleans()), max_size=6))
def test_escaping_and_outline_never_fail(page: str, fragments: list[tuple[str, bool]]) -> None:
    article = Article(title=page[:40] or None, body=(Block("paragraph", page),))
    for is_html in (True, False):
        for block in outline(page, article, is_html=is_html):
            assert block.mark in ("kept", "furniture", "metadata", "dropped")
    marked = str(highlight(fragments))
    stripped = marked.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped
