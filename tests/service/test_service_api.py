"""The JSON API over the real app: /healthz, /extract (given pages and fetched URLs), /docs."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from helpers_service import FIXTURES, LocalSite


def test_healthz_reports_version_and_store(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["store"] is False and body["version"]


def test_extract_html_returns_the_article_record(client: TestClient) -> None:
    html = (FIXTURES / "article.html").read_text()
    r = client.post("/extract", json={"html": html, "url": "https://coastal-ledger.example/a"})
    assert r.status_code == 200
    data = r.json()
    assert data["url"] == "https://coastal-ledger.example/a"
    assert data["page_type"] == "article"
    assert "tidal mill" in data["title"].lower()
    assert "Councillors in Kestrel Bay voted" in data["text"]
    assert "cookies" not in data["text"].lower()
    # the keys of the contract (DESIGN.md §2) are all there
    for key in (
        "canonical_url",
        "authors",
        "credit",
        "dateline",
        "published",
        "modified",
        "language",
        "images",
        "body",
        "related",
        "notices",
        "paywalled",
        "provenance",
    ):
        assert key in data


def test_extract_text_input(client: TestClient) -> None:
    text = (FIXTURES / "story.txt").read_text()
    r = client.post("/extract", json={"text": text})
    assert r.status_code == 200
    assert "reached a deal" in r.json()["text"]


def test_url_beside_html_is_only_an_address(client: TestClient, local_site: LocalSite) -> None:
    before = sum(local_site.hits.values())
    url = local_site.base + "/article.html"
    r = client.post("/extract", json={"html": "<p>Given, not fetched, text here.</p>", "url": url})
    assert r.status_code == 200
    assert r.json()["url"] == url
    assert sum(local_site.hits.values()) == before


def test_extract_fetches_url_when_private_allowed(
    make_client: Callable[..., TestClient], local_site: LocalSite
) -> None:
    client = make_client(allow_private=True)
    r = client.post("/extract", json={"url": local_site.base + "/article.html"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["url"] == local_site.base + "/article.html"
    assert "Engineers who surveyed the mill" in data["text"]


def test_fetched_redirect_gives_final_url(
    make_client: Callable[..., TestClient], local_site: LocalSite
) -> None:
    client = make_client(allow_private=True)
    target = local_site.base + "/article.html"
    r = client.post("/extract", json={"url": f"{local_site.base}/redirect?to={target}"})
    assert r.status_code == 200
    assert r.json()["url"] == target


def test_fetched_plain_text_is_read_as_text(
    make_client: Callable[..., TestClient], local_site: LocalSite
) -> None:
    client = make_client(allow_private=True)
    r = client.post("/extract", json={"url": local_site.base + "/story.txt"})
    assert r.status_code == 200
    assert "reached a deal late on Tuesday" in r.json()["text"]


def test_private_urls_are_refused_without_the_flag(
    client: TestClient, local_site: LocalSite
) -> None:
    before = sum(local_site.hits.values())
    for url in (
        local_site.base + "/article.html",
        f"http://localhost:{local_site.port}/article.html",
        f"http://[::1]:{local_site.port}/article.html",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/",
        "http://[::ffff:127.0.0.1]/",
        "http://224.0.0.1/",
    ):
        r = client.post("/extract", json={"url": url})
        assert r.status_code == 403, (url, r.text)
        assert "refused" in r.json()["detail"]
    assert sum(local_site.hits.values()) == before  # nothing reached the server


def test_non_http_schemes_are_refused(client: TestClient) -> None:
    for url in ("file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "gopher://x"):
        r = client.post("/extract", json={"url": url})
        assert r.status_code == 403, url


def test_fetch_failures_are_clear_errors(
    make_client: Callable[..., TestClient], local_site: LocalSite
) -> None:
    client = make_client(allow_private=True, max_fetch_bytes=1024 * 1024, max_redirects=3)
    cases = {
        "/missing.html": "HTTP 404",
        "/photo.png": "not a web page",
        "/huge.html": "too large",
        "/loop": "too many redirects",
    }
    for path, message in cases.items():
        r = client.post("/extract", json={"url": local_site.base + path})
        assert r.status_code == 502, (path, r.text)
        assert message in r.json()["detail"], (path, r.json())
    r = client.post("/extract", json={"url": f"http://127.0.0.1:{_closed_port()}/"})
    assert r.status_code == 502 and "connect" in r.json()["detail"]


def _closed_port() -> int:
    from helpers_service import free_port

    return free_port()


def test_extract_validation(client: TestClient) -> None:
    assert client.post("/extract", json={}).status_code == 422
    assert client.post("/extract", json={"html": "<p>x</p>", "text": "x"}).status_code == 422
    assert client.post("/extract", json={"html": 5}).status_code == 422
    assert client.post("/extract", json={"html": "x", "bogus": 1}).status_code == 422
    assert client.post("/extract", json={"html": "x", "fetched_at": "yesterday"}).status_code == 422
    assert client.post("/extract", content=b"\xff\xfe not json").status_code == 422
    assert client.post("/extract", json={"url": "h" * 5000}).status_code == 422


def test_extract_never_fails_on_junk(client: TestClient) -> None:
    for page in ("", " ", "\x00\x01\x02", "<" * 10000, "<html><body>" + "<div>" * 3000):
        r = client.post("/extract", json={"html": page})
        assert r.status_code == 200, repr(page[:20])
        assert r.json()["page_type"] in ("article", "listing", "other")
    # a lone surrogate, legal in JSON text, not in UTF-8
    r = client.post(
        "/extract",
        content=b'{"html": "<p>a \\ud800 b</p>"}',
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 200


def test_fetched_at_is_accepted(client: TestClient) -> None:
    r = client.post(
        "/extract",
        json={"text": "Short note\n\nSome text of a page.", "fetched_at": "2024-03-04T10:00:00Z"},
    )
    assert r.status_code == 200


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/healthz",
        "/extract",
        "/articles",
        "/articles/{article_id}",
        "/clusters/{cluster_id}",
        "/crawl",
        "/crawl/{job_id}",
    ):
        assert path in spec["paths"], path
    assert "/playground" not in spec["paths"]
    r = client.get("/docs")
    assert r.status_code == 200 and "swagger" in r.text.lower()
    csp = r.headers["content-security-policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "sha256-" in script_src
    # Swagger UI is served from the installed bundle, not a CDN: /docs works offline
    assert "cdn." not in r.text
    js = client.get("/docs/assets/swagger-ui-bundle.js")
    assert js.status_code == 200 and len(js.content) > 100_000
    assert client.get("/docs/assets/..%2Fsecret").status_code == 404


def test_crawl_refuses_private_seeds_then_reports_unavailable(client: TestClient) -> None:
    r = client.post("/crawl", json={"seeds": ["http://127.0.0.1/feed.xml"]})
    assert r.status_code == 403
    # a public address (a literal: this machine has no DNS for the outside world)
    r = client.post("/crawl", json={"seeds": ["https://93.184.215.14/feed.xml"]})
    assert r.status_code == 501 and "--store" in r.json()["detail"]
    assert client.post("/crawl", json={"seeds": []}).status_code == 422
    assert client.get("/crawl/nope").status_code == 404


def test_crawl_job_fills_the_store(
    make_client: Callable[..., TestClient], local_site: LocalSite, tmp_path: Path
) -> None:
    # the guarded crawl (no --allow-private) is tested in test_crawl_guard.py, without ever
    # starting a crawl against a public address
    store = tmp_path / "crawl.db"
    client = make_client(store=store, allow_private=True, crawl_delay=0.0)
    r = client.post("/crawl", json={"seeds": [local_site.base + "/article.html"], "max_pages": 3})
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["status"] in ("queued", "running", "done")
    deadline = time.monotonic() + 30
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.1)
        job = client.get(f"/crawl/{job['id']}").json()
    assert job["status"] == "done", job
    assert job["stats"]["stored"] >= 1
    hits = client.get("/articles", params={"q": "tidal mill"}).json()["results"]
    assert any(h["url"] == local_site.base + "/article.html" for h in hits)
