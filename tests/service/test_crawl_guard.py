"""POST /crawl with the SSRF guard on: seeds are checked up front (403), and the crawl connects
through the guard's resolver, so a redirect to a refused address is refused at the hop.

No public address is ever reached: a resolver maps made-up names (``news.example``) to loopback,
standing in for DNS; with the default policy such a name is refused like any private address,
and an allow-list policy (127.0.0.1 only) stands in for "public" so the positive path can run
against the real 127.0.0.1 site while 127.0.0.2 plays the internal address a page redirects to.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.abc import AbstractResolver
from fastapi.testclient import TestClient
from helpers_service import FIXTURES, LocalSite

from copydesk.service import Settings, create_app
from copydesk.service.guard import AddressCheck, GuardedResolver, address_allowed
from copydesk.store import Store
from tests.localhttp import QuietHandler, ThreadedServer
from tests.maptable import MapResolver

NAMES = {"news.example": "127.0.0.1", "cdn.news.example": "127.0.0.2"}


def guard(policy: AddressCheck) -> Callable[[], AbstractResolver]:
    """The service's own guard with a given policy, looking names up in ``NAMES``."""
    return lambda: GuardedResolver(address_ok=policy, inner=MapResolver(NAMES))


def only_first(address: str) -> bool:
    return address == "127.0.0.1"


def allow_all(_address: str) -> bool:
    return True


class InternalSite:
    """A server on 127.0.0.2 playing an internal service; it must never be reached when the
    guard is on. Serves one article at every path and counts requests."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        site = self
        body = (FIXTURES / "article.html").read_bytes()

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                site.requests.append(self.path)
                status = 404 if self.path == "/robots.txt" else 200
                self.reply(status, "text/html; charset=utf-8", b"" if status == 404 else body)

        self._http = ThreadedServer(Handler, "127.0.0.2")
        self.port = self._http.port

    def stop(self) -> None:
        self._http.stop()


@pytest.fixture
def internal() -> Iterator[InternalSite]:
    site = InternalSite()
    yield site
    site.stop()


@pytest.fixture
def make_app_client() -> Iterator[Callable[..., TestClient]]:
    opened: list[TestClient] = []

    def make(resolver: Callable[[], AbstractResolver] | None, **settings: Any) -> TestClient:
        client = TestClient(create_app(Settings(**settings), crawl_resolver=resolver))
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


def _finish(client: TestClient, job: dict[str, Any]) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.05)
        job = client.get(f"/crawl/{job['id']}").json()
    assert job["status"] == "done", job
    return job


def _log(store: Path) -> dict[str, tuple[str, str | None]]:
    with Store(store) as opened:
        rows = opened.connection.execute("SELECT url, outcome, error FROM fetch_log").fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def _stored(store: Path) -> set[str]:
    with Store(store) as opened:
        return {s.article.url or "" for s in opened.iter_articles()}


def test_seed_named_public_but_resolving_to_loopback_is_refused_up_front(
    make_app_client: Callable[..., TestClient], local_site: LocalSite, tmp_path: Path
) -> None:
    store = tmp_path / "crawl.db"
    client = make_app_client(guard(address_allowed), store=store, crawl_delay=0.0)
    before = sum(local_site.hits.values())
    seed = f"http://news.example:{local_site.port}/article.html"
    r = client.post("/crawl", json={"seeds": [seed]})
    assert r.status_code == 403, r.text
    detail = r.json()["detail"]
    assert detail.startswith("refused") and "news.example" in detail
    # one refused seed refuses the job, whatever the other seeds are
    r = client.post("/crawl", json={"seeds": ["https://93.184.215.14/", seed]})
    assert r.status_code == 403
    assert sum(local_site.hits.values()) == before  # nothing was fetched


def test_redirect_to_an_internal_address_is_refused_at_the_hop(
    make_app_client: Callable[..., TestClient],
    local_site: LocalSite,
    internal: InternalSite,
    tmp_path: Path,
) -> None:
    store = tmp_path / "crawl.db"
    client = make_app_client(guard(only_first), store=store, crawl_delay=0.0)
    base = f"http://news.example:{local_site.port}"
    target = f"http://cdn.news.example:{internal.port}/internal.html"
    seeds = [f"{base}/article.html", f"{base}/redirect?to={target}"]
    r = client.post("/crawl", json={"seeds": seeds, "max_pages": 10})
    assert r.status_code == 202, r.text
    job = _finish(client, r.json())
    assert internal.requests == []  # the internal address was never connected to
    assert job["stats"]["outcomes"].get("refused") == 1
    assert job["stats"]["stored"] == 1
    assert _stored(store) == {seeds[0]}  # the refused page is not stored
    outcome, error = _log(store)[target]
    assert outcome == "refused" and error is not None and "cdn.news.example" in error
    hits = client.get("/articles", params={"q": "tidal mill"}).json()["results"]
    assert [h["url"] for h in hits] == [seeds[0]]


def test_with_allow_private_the_same_crawl_follows_the_hop(
    make_app_client: Callable[..., TestClient],
    local_site: LocalSite,
    internal: InternalSite,
    tmp_path: Path,
) -> None:
    """The control for the test above: with the guard off, the same redirect is followed."""
    store = tmp_path / "crawl.db"
    client = make_app_client(guard(allow_all), store=store, allow_private=True, crawl_delay=0.0)
    base = f"http://news.example:{local_site.port}"
    target = f"http://cdn.news.example:{internal.port}/internal.html"
    seeds = [f"{base}/article.html", f"{base}/redirect?to={target}"]
    r = client.post("/crawl", json={"seeds": seeds, "max_pages": 10})
    assert r.status_code == 202, r.text
    job = _finish(client, r.json())
    assert "/internal.html" in internal.requests
    assert job["stats"]["outcomes"].get("refused") is None
    assert _stored(store) == {seeds[0], target}


def test_with_allow_private_a_local_crawl_works_through_the_default_guard(
    make_app_client: Callable[..., TestClient], local_site: LocalSite, tmp_path: Path
) -> None:
    store = tmp_path / "crawl.db"
    client = make_app_client(None, store=store, allow_private=True, crawl_delay=0.0)
    seed = local_site.base + "/article.html"
    r = client.post("/crawl", json={"seeds": [seed], "max_pages": 3})
    assert r.status_code == 202, r.text
    job = _finish(client, r.json())
    assert job["stats"]["stored"] == 1 and _stored(store) == {seed}


def test_without_allow_private_the_default_guard_refuses_loopback_seeds(
    make_app_client: Callable[..., TestClient], local_site: LocalSite, tmp_path: Path
) -> None:
    client = make_app_client(None, store=tmp_path / "crawl.db")
    for seed in (local_site.base + "/article.html", f"http://localhost:{local_site.port}/"):
        r = client.post("/crawl", json={"seeds": [seed]})
        assert r.status_code == 403, (seed, r.text)
