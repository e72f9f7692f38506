"""The crawler against the fixture site, judged by what the server saw and what the store holds."""

from __future__ import annotations

import io
import itertools
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from crawl_site import CrawlSite, SiteConfig

from copydesk.harvest import HarvestStats, harvest, retry_after_seconds, sniff_kind
from copydesk.store import Store
from copydesk.store.reextract import reextract

# Tiny delays and timeouts keep the suite fast; the behaviours are the same at real values.
FAST: dict[str, Any] = {
    "delay": 0.02,
    "timeout": 1.0,
    "backoff_base": 0.05,
    "max_attempts": 3,
    "max_decoded": 4 * 1024 * 1024,
}


def _crawl(site: CrawlSite, db: Path, *seeds: str, **options: Any) -> HarvestStats:
    return harvest(list(seeds) or [site.base + "/"], store=db, **{**FAST, **options})


def _stored_paths(db: Path) -> list[str]:
    with Store(db) as store:
        return sorted(urlsplit(s.article.url or "").path for s in store.iter_articles())


def _page_requests(site: CrawlSite) -> list[str]:
    return [r.path for r in site.requests if r.path != "/robots.txt"]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[CrawlSite, Path, HarvestStats]:
    config = SiteConfig(crawl_delay=0.06, slow_seconds=2.5, bomb_bytes=12 * 1024 * 1024)
    site = CrawlSite(config).start()
    db = tmp_path_factory.mktemp("crawl") / "c.db"
    stats = _crawl(site, db)
    yield site, db, stats
    site.stop()


def test_complete_crawl_stores_every_article_once(crawled: tuple[CrawlSite, Path, Any]) -> None:
    site, db, stats = crawled
    assert _stored_paths(db) == sorted(site.article_paths())
    assert stats.stored >= len(site.article_paths())
    # a story listed in the feed with tracking parameters, in the sitemap without, and reached
    # through a redirect, is still fetched once
    for path in site.story_paths():
        assert site.requested(path) == 1, path


def test_robots_obeyed_and_asked_first(crawled: tuple[CrawlSite, Path, Any]) -> None:
    site, _db, _ = crawled
    assert site.requests[0].path == "/robots.txt"
    assert site.requested("/robots.txt") == 1
    assert site.requested("/private/secret.html") == 0


def test_user_agent_names_tool_and_contact(crawled: tuple[CrawlSite, Path, Any]) -> None:
    site, _db, _ = crawled
    for request in site.requests:
        agent = request.headers.get("user-agent", "")
        assert agent.startswith("copydesk/") and "+http" in agent


def test_spacing_honours_crawl_delay(crawled: tuple[CrawlSite, Path, Any]) -> None:
    site, _db, _ = crawled
    times = [r.at for r in site.requests]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    # robots.txt asks 0.06 s (more than --delay 0.02); only the robots.txt fetch precedes it
    assert min(gaps[1:]) >= 0.06
    assert len(gaps) > 30


def test_retry_after_and_status_handling(crawled: tuple[CrawlSite, Path, Any]) -> None:
    site, db, _ = crawled
    for path in ("/flaky", "/busy"):
        times = [r.at for r in site.requests if r.path == path]
        assert len(times) == 2 and times[1] - times[0] >= 1.0, path
    assert site.requested("/gone") == 1 and site.requested("/missing") == 1
    assert site.requested("/broken") == FAST["max_attempts"]
    assert site.requested("/slow") == FAST["max_attempts"]
    assert site.requested("/loop-a") == 1 and site.requested("/loop-b") == 1
    with Store(db) as store:
        notes = dict(
            store.connection.execute(
                "SELECT url, note FROM frontier WHERE state = 'failed'"
            ).fetchall()
        )
    by_path = {urlsplit(url).path: note for url, note in notes.items()}
    assert by_path["/loop-a"] == "redirect loop"
    assert by_path["/gone"] == "HTTP 410"
    assert by_path["/slow"] == "timeout"
    assert "exceeds" in by_path["/bomb.html"]


def test_same_site_only_by_default(crawled: tuple[CrawlSite, Path, Any]) -> None:
    site, _db, _ = crawled
    assert not [r for r in site.requests if r.host.startswith("localhost")]


def test_charsets_and_gzip(crawled: tuple[CrawlSite, Path, Any]) -> None:
    _site, db, _ = crawled
    with Store(db) as store:
        by_path = {urlsplit(s.article.url or "").path: s.article for s in store.iter_articles()}
    assert "Zürich café reopens" in by_path["/latin1.html"].text
    assert "Señora Núñez “wins”" in by_path["/cp1252.html"].text
    assert "Story 80" in by_path["/gzipped.html"].text


def test_warc_records_and_reextract(crawled: tuple[CrawlSite, Path, Any]) -> None:
    _site, db, _ = crawled
    with Store(db) as store:
        first = next(store.iter_articles())
        assert first.warc is not None and (db.parent / first.warc.file).exists()
        stats = reextract(store)
        assert stats.seen == store.count() and stats.missing == 0
        # the extractor is deterministic: the same bytes give the same record, no new version
        assert stats.changed == 0
        assert all(s.version == 1 for s in store.iter_articles())
        # the fetch log points every stored page at its record
        missing = store.connection.execute(
            "SELECT count(*) FROM fetch_log WHERE outcome = 'stored' AND warc_file IS NULL"
        ).fetchone()[0]
        assert missing == 0


def test_rerun_fetches_nothing_and_revisit_is_conditional(
    crawled: tuple[CrawlSite, Path, Any],
) -> None:
    site, db, _ = crawled
    before = len(site.requests)
    count = len(_stored_paths(db))
    stats = _crawl(site, db)
    assert stats.fetched == 0 and len(site.requests) == before
    # listings are due again with revisit_after=0: conditional GET, no article refetched
    _crawl(site, db, revisit_after=0)
    new = site.requests[before:]
    feed = [r for r in new if r.path == "/feed.xml"]
    assert feed and feed[0].headers.get("if-none-match") == '"feed-v1"'
    assert not [r for r in new if r.path.startswith("/news/20")]
    assert len(_stored_paths(db)) == count


def test_max_pages_then_resume_completes(site: CrawlSite, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    quick = {"exclude": "/(slow|flaky|busy|broken)"}
    shown = io.StringIO()
    stats = _crawl(site, db, max_pages=8, progress=shown, **quick)
    assert stats.fetched == 8 and len(_page_requests(site)) == 8
    assert "[crawl] 8 fetched" in shown.getvalue()
    _crawl(site, db, **quick)
    assert _stored_paths(db) == sorted(set(site.article_paths()) - {"/flaky", "/busy"})
    for path in site.story_paths():
        assert site.requested(path) == 1, path


def test_since_include_exclude_any_site(site: CrawlSite, tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    _crawl(
        site,
        db,
        since=datetime(2024, 1, 1, tzinfo=UTC),
        exclude=r"story-1[0-2]\.html|/(slow|broken|bomb)",
        same_site=False,
    )
    paths = _page_requests(site)
    assert not [p for p in paths if p.startswith("/news/2023/")]
    assert not [p for p in paths if p.endswith(("story-10.html", "story-11.html", "/slow"))]
    assert "/news/2024/story-9.html" in paths
    assert [r for r in site.requests if r.host.startswith("localhost")]


def test_feed_seed_with_include(site: CrawlSite, tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    _crawl(site, db, site.base + "/feed.json", include=r"/news/2024/")
    assert set(_stored_paths(db)) == {p for p in site.story_paths()[:12:3]}


def test_unreachable_robots_leaves_urls_queued(site: CrawlSite, tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    site.config.robots_status = 503
    stats = _crawl(site, db)
    assert [r.path for r in site.requests] == ["/robots.txt"]
    assert stats.outcomes["robots_unavailable"] == 1 and stats.fetched == 0
    site.config.robots_status = 200
    _crawl(site, db, exclude="/(slow|flaky|busy|broken)")
    assert "/news/2024/story-1.html" in _stored_paths(db)


def test_sniff_and_retry_after() -> None:
    assert sniff_kind("application/xml", b'<?xml version="1.0"?><urlset>') == "sitemap"
    assert sniff_kind("text/xml", b"<?xml version='1.0'?>\n<rss version='2.0'>") == "feed"
    assert sniff_kind("application/json", b'{"version": "https://jsonfeed.org/version/1"}') == (
        "feed"
    )
    assert sniff_kind("text/html", b"<!doctype html><html>") == "html"
    assert sniff_kind("application/pdf", b"%PDF-1.4") == "other"
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds("Thu, 01 Jan 1970 00:00:00 GMT") == 0.0


def test_article_and_gzipped_sitemap_seeds(site: CrawlSite, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    article = site.base + "/news/2024/story-4.html"
    _crawl(site, db, article, site.base + "/sitemap-archive.xml.gz")
    expected = {"/news/2024/story-4.html", *site.story_paths()[site.config.recent :]}
    assert set(_stored_paths(db)) == expected
    # an article seed is not a home page: its navigation links are not followed
    assert site.requested("/news/") == 0 and site.requested("/") == 0


def _exploding_extractor(text: str, *, url: str | None = None, **_: Any) -> Any:
    if url and url.endswith("story-5.html"):
        raise RuntimeError("boom")
    from copydesk import extract

    return extract(text, url=url)


def test_worker_processes_and_a_failing_page(site: CrawlSite, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    stats = harvest(
        [site.base + "/sitemap-news.xml"],
        store=db,
        extractor=_exploding_extractor,
        **{**FAST, "workers": 2},
    )
    stored = set(_stored_paths(db))
    assert stored == set(site.story_paths()[: site.config.recent]) - {"/news/2024/story-5.html"}
    assert stats.outcomes["extract_error"] == 1


def test_page_archived_but_not_committed_is_recovered_not_refetched(
    site: CrawlSite, tmp_path: Path
) -> None:
    db = tmp_path / "k.db"
    victim = "/news/2024/story-5.html"

    def crash_on_victim(text: str, *, url: str | None = None, **kw: Any) -> Any:
        if url and url.endswith(victim):
            raise SystemExit(9)  # the process dies after the WARC write, before the commit
        from copydesk import extract

        return extract(text, url=url, **kw)

    sitemap = site.base + "/sitemap-news.xml"
    with pytest.raises(SystemExit):
        harvest([sitemap], store=db, extractor=crash_on_victim, **FAST)
    assert site.requested(victim) == 1 and victim not in _stored_paths(db)
    stats = harvest([sitemap], store=db, **FAST)
    assert stats.outcomes["recovered_from_warc"] == 1
    assert site.requested(victim) == 1
    assert _stored_paths(db) == sorted(site.story_paths()[: site.config.recent])
