"""The crawler through an address policy (``HarvestOptions.resolver``): refused hosts are recorded
as failed fetches with the resolver's reason, never connected to, never retried, never stored.

Tests never reach public addresses: a resolver maps made-up names (``news.example``) to loopback
addresses, and an allow-list policy stands in for "public" (127.0.0.1 allowed, 127.0.0.2 not).
Two real servers, on 127.0.0.1 and 127.0.0.2, record every request they get.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from copydesk.harvest import harvest
from copydesk.service.guard import GuardedResolver, address_allowed
from copydesk.store import Store
from tests.localhttp import QuietHandler, ThreadedServer
from tests.maptable import MapResolver

FAST: dict[str, Any] = {"delay": 0.0, "timeout": 2.0, "backoff_base": 0.05, "max_attempts": 3}

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | The Harbour Courier</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "2024-03-04T09:00:00Z",
"author": {{"@type": "Person", "name": "Ines Varga"}}}}</script></head>
<body><article><h1>{title}</h1><p class="byline">By Ines Varga</p>
<p>The harbour board met on Monday to discuss {topic}, and members spoke for three hours before
agreeing that the work should start in the spring, when the tides are lowest.</p>
<p>Residents who attended the meeting said they had waited a decade for a decision on {topic},
and several asked how the cost would be shared between the town and the county.</p>
<p>The chair said a full plan for {topic} would be published next month, with a public
consultation running for six weeks after that, and that no homes would be affected.</p>
</article></body></html>"""


class Site:
    """A tiny news site on one loopback address: /robots.txt 404, /<name>.html articles,
    /hop?to=URL a 302 to anywhere. ``requests`` holds every path it was asked for."""

    def __init__(self, address: str) -> None:
        self.requests: list[str] = []
        site = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                site.requests.append(parts.path)
                if parts.path == "/hop":
                    self.send_response(302)
                    self.send_header("Location", parse_qs(parts.query)["to"][0])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if parts.path.endswith(".html"):
                    name = parts.path.rsplit("/", 1)[-1].removesuffix(".html")
                    body = ARTICLE.format(title=f"Harbour board backs the {name} plan", topic=name)
                    self.reply(200, "text/html; charset=utf-8", body.encode())
                    return
                self.reply(404, "text/plain", b"not found")

        self._http = ThreadedServer(Handler, address)
        self.port = self._http.port

    def stop(self) -> None:
        self._http.stop()


@pytest.fixture
def sites() -> Iterator[tuple[Site, Site]]:
    allowed, refused = Site("127.0.0.1"), Site("127.0.0.2")
    yield allowed, refused
    allowed.stop()
    refused.stop()


def _log(db: Path) -> dict[str, tuple[str, str | None, int | None]]:
    """url -> (outcome, error, status) of its last fetch_log row."""
    with Store(db) as store:
        rows = store.connection.execute(
            "SELECT url, outcome, error, status FROM fetch_log ORDER BY rowid"
        ).fetchall()
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def _fetch_count(db: Path, url: str) -> int:
    with Store(db) as store:
        row = store.connection.execute(
            "SELECT count(*) FROM fetch_log WHERE url = ?", (url,)
        ).fetchone()
    return int(row[0])


def _stored_urls(db: Path) -> set[str]:
    with Store(db) as store:
        return {s.article.url or "" for s in store.iter_articles()}


def _only_first(address: str) -> bool:
    """The allow-list standing in for "public": 127.0.0.1 is allowed, nothing else."""
    return address == "127.0.0.1"


def _allow_all(_address: str) -> bool:
    return True


@pytest.mark.parametrize("obey_robots", [True, False])
def test_seed_whose_name_resolves_to_loopback_is_refused(
    sites: tuple[Site, Site], tmp_path: Path, obey_robots: bool
) -> None:
    site, _ = sites
    names = MapResolver({"news.example": "127.0.0.1"})
    guard = GuardedResolver(address_ok=address_allowed, inner=names)
    seed = f"http://news.example:{site.port}/tidal-mill.html"
    db = tmp_path / "c.db"
    stats = harvest([seed], store=db, resolver=guard, obey_robots=obey_robots, **FAST)
    assert "news.example" in names.asked  # the name went through the guard, not around it
    assert site.requests == []  # nothing was connected to, robots.txt included
    assert stats.outcomes["refused"] == 1 and stats.outcomes["retry"] == 0
    assert stats.stored == 0 and _stored_urls(db) == set()
    outcome, error, status = _log(db)[seed]
    assert outcome == "refused" and status is None
    assert error is not None and error.startswith("refused") and "news.example" in error
    assert _fetch_count(db, seed) == 1  # failed for good, not retried
    with Store(db) as store:
        state = store.connection.execute("SELECT state FROM frontier").fetchall()
    assert state == [("failed",)]


@pytest.mark.parametrize("target_host", ["cdn.news.example", "127.0.0.2"])
def test_redirect_to_a_refused_address_is_refused_at_the_hop(
    sites: tuple[Site, Site], tmp_path: Path, target_host: str
) -> None:
    site, other = sites
    names = MapResolver({"www.news.example": "127.0.0.1", "cdn.news.example": "127.0.0.2"})
    guard = GuardedResolver(address_ok=_only_first, inner=names)
    base = f"http://www.news.example:{site.port}"
    target = f"http://{target_host}:{other.port}/wind-farm.html"
    seeds = [f"{base}/tidal-mill.html", f"{base}/hop?to={target}"]
    db = tmp_path / "c.db"
    # an IP-literal target is another site: let the crawl follow it so the guard has to refuse it
    stats = harvest(seeds, store=db, resolver=guard, same_site=False, **FAST)
    assert other.requests == []  # the refused address was never connected to
    assert sorted(site.requests) == ["/hop", "/robots.txt", "/tidal-mill.html"]
    assert _stored_urls(db) == {seeds[0]}
    log = _log(db)
    assert log[seeds[1]][0] == "redirect"
    outcome, error, status = log[target]
    assert outcome == "refused" and status is None
    assert error is not None and error.startswith("refused") and target_host in error
    assert _fetch_count(db, target) == 1
    assert stats.outcomes["refused"] == 1 and stats.stored == 1
    if target_host == "127.0.0.2":
        # aiohttp connects to IP literals without asking the resolver: the fetcher asks it
        assert "127.0.0.2" in names.asked


def test_the_same_crawl_with_everything_allowed_follows_the_hop(
    sites: tuple[Site, Site], tmp_path: Path
) -> None:
    """The control: with a policy that allows every address, the same redirect is followed and
    stored, so the refusal above is the policy's doing, not a broken server or route."""
    site, other = sites
    names = MapResolver({"www.news.example": "127.0.0.1", "cdn.news.example": "127.0.0.2"})
    guard = GuardedResolver(address_ok=_allow_all, inner=names)
    base = f"http://www.news.example:{site.port}"
    target = f"http://cdn.news.example:{other.port}/wind-farm.html"
    seeds = [f"{base}/tidal-mill.html", f"{base}/hop?to={target}"]
    db = tmp_path / "c.db"
    stats = harvest(seeds, store=db, resolver=guard, **FAST)
    assert "/wind-farm.html" in other.requests
    assert _stored_urls(db) == {seeds[0], target}
    assert stats.outcomes["refused"] == 0 and stats.stored == 2


def test_without_a_resolver_local_crawls_are_unchanged(
    sites: tuple[Site, Site], tmp_path: Path
) -> None:
    site, _ = sites
    seed = f"http://127.0.0.1:{site.port}/tidal-mill.html"
    stats = harvest([seed], store=tmp_path / "c.db", **FAST)
    assert stats.stored == 1 and stats.outcomes["refused"] == 0
