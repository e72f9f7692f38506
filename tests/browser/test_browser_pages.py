"""The web page in headless Chromium: search, read, playground, story; hostile pages stay inert."""

from __future__ import annotations

from typing import Any

from helpers_browser import screenshot
from helpers_service import FIXTURES, LiveServer, LocalSite


def test_search_then_open_an_article(page: Any, live: LiveServer) -> None:
    page.goto(live.base + "/")
    page.fill('input[name="q"]', "rail strike")
    page.fill('input[name="lang"]', "en")
    page.click('form.search button[type="submit"]')
    page.wait_for_selector("li.result")
    assert "q=rail+strike" in page.url
    assert page.locator("p.snippet mark").count() > 0
    assert "rail" in page.locator("p.snippet mark").first.inner_text().lower()
    screenshot(page, "search")
    title = page.locator("li.result a.title").first
    expected = title.inner_text()
    title.click()
    page.wait_for_selector("h1.headline")
    assert page.locator("h1.headline").inner_text() == expected
    assert page.locator("dd.byline").inner_text().startswith("Reporter")
    assert page.locator("section.provenance tbody tr").count() >= 3
    assert page.locator("section.related a").first.get_attribute("href").startswith("https://")
    screenshot(page, "reader")


def test_pages_follow_results(page: Any, live: LiveServer) -> None:
    page.goto(live.base + "/?q=")
    first_ids = page.locator("li.result a.title").evaluate_all("els => els.map(e => e.href)")
    page.click('a[rel="next"]')
    page.wait_for_selector('a[rel="prev"]')
    second_ids = page.locator("li.result a.title").evaluate_all("els => els.map(e => e.href)")
    assert second_ids and not set(first_ids) & set(second_ids)


def test_playground_with_pasted_html(page: Any, live: LiveServer) -> None:
    page.goto(live.base + "/playground")
    page.fill('textarea[name="page"]', (FIXTURES / "article.html").read_text())
    page.fill('input[name="url"]', "https://coastal-ledger.example/news/tidal-mill")
    page.click('form.playground button[type="submit"]')
    page.wait_for_selector("section.extracted h1.headline")
    assert "tidal mill" in page.locator("section.extracted h1.headline").inner_text().lower()
    assert page.locator("ol.outline li.mark-kept").count() >= 3
    assert page.locator("ol.outline li.mark-dropped").count() >= 1
    # the two columns sit side by side
    left = page.locator("section.page-outline").bounding_box()
    right = page.locator("section.extracted").bounding_box()
    assert right["x"] > left["x"] + left["width"] - 1
    screenshot(page, "playground")


def test_playground_fetches_a_url(page: Any, live: LiveServer, local_site: LocalSite) -> None:
    page.goto(live.base + "/playground")
    page.fill('input[name="url"]', local_site.base + "/article.html")
    page.click('form.playground button[type="submit"]')
    page.wait_for_selector("section.extracted")
    assert "Engineers who surveyed the mill" in page.locator("section.extracted").inner_text()


def test_story_page(page: Any, live: LiveServer) -> None:
    import sqlite3

    from copydesk.store import Store

    path = live.server.config.app.state.copydesk.settings.store  # type: ignore[union-attr]
    with Store(path, readonly=True) as store:
        copy = store.get_by_url("https://other-paper.example/mill")
    assert copy is not None and copy.cluster_id is not None, sqlite3.sqlite_version
    page.goto(f"{live.base}/article/{copy.id}")
    page.click("p.story-link a")
    page.wait_for_selector("ol.story li.result")
    assert page.locator("ol.story li.result").count() == 2
    assert page.locator('li[data-relation="original"]').count() == 1
    screenshot(page, "story")


def _watch(page: Any) -> list[str]:
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def test_hostile_page_runs_no_script_in_the_playground(page: Any, live: LiveServer) -> None:
    dialogs = _watch(page)
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text))
    page.goto(live.base + "/playground")
    page.fill('textarea[name="page"]', (FIXTURES / "hostile.html").read_text())
    page.click('form.playground button[type="submit"]')
    page.wait_for_selector("section.extracted")
    # hover and click what a hostile page would hook (onmouseover, onclick)
    for selector in ("section.extracted h1.headline", "ol.outline li", "section.body p"):
        if page.locator(selector).count():
            page.locator(selector).first.hover()
            page.locator(selector).first.click()
    for link in page.locator("section.related a").all():
        href = link.get_attribute("href") or ""
        assert href.startswith("http"), href
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert page.locator("script").count() == 0
    assert "window.__pwned" in page.locator("body").inner_text()  # shown, as text
    screenshot(page, "playground-hostile")


def test_hostile_record_in_the_reader_runs_no_script(
    page: Any, live: LiveServer, tmp_path: Any
) -> None:
    from copydesk.model import Article, Block, Image, Teaser
    from copydesk.service import Settings, create_app
    from copydesk.store import Store

    payload = "<img src=x onerror=\"window.__pwned='x';alert(1)\"><script>window.__pwned=1</script>"
    article = Article(
        url="https://evil.example/x",
        page_type="article",
        title=payload,
        authors=(payload,),
        description=payload,
        images=(Image("javascript:alert(1)", payload, payload, payload),),
        body=(Block("paragraph", payload), Block("quote", payload)),
        related=(Teaser(payload, "javascript:window.__pwned=1"),),
        notices=(payload,),
        provenance={"title": payload},
    )
    path = tmp_path / "hostile.db"
    with Store(path) as store:
        article_id = store.add(article)
    from helpers_service import LiveServer as Server

    with Server(create_app(Settings(store=path))) as server:
        dialogs = _watch(page)
        page.goto(f"{server.base}/article/{article_id}")
        page.wait_for_selector("h1.headline")
        page.goto(f"{server.base}/?q=pwned")
        page.wait_for_selector("form.search")
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == []


def test_csp_blocks_injected_script_even_if_markup_got_through(page: Any, live: LiveServer) -> None:
    """Second line of defence: the page's policy refuses inline script outright."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text))
    page.goto(live.base + "/playground")
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.__pwned = 1'; document.body.appendChild(s); }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert any("Content Security Policy" in e for e in errors)


def test_api_docs_render_offline(page: Any, live: LiveServer) -> None:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(live.base + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/extract" in p for p in paths) and any("/articles" in p for p in paths)
    assert not [e for e in errors if "Content Security Policy" in e], errors
    screenshot(page, "docs")
