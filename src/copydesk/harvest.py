"""harvest: a polite, resumable crawler that fills a ``Store`` and writes every response to WARC.

Stages of one page (``Crawler._handle``):

1. schedule   per-host queue (``discover.frontier``), one connection and one delay per host
2. robots     ``fetch.robots`` rules for the host, fetched once per run through the same slot
3. fetch      ``fetch.http.Fetcher``: limits, same-host redirects, conditional GET on revisits
4. archive    every exchange to the rotating WARC (``fetch.warc``), flushed before step 6
5. classify   feed / sitemap / HTML; HTML is extracted with ``copydesk.extract``; articles are
              kept, listings (``page_type``) feed the frontier instead
6. commit     one SQLite transaction: article version, frontier state, new URLs, fetch log

An address policy (``HarvestOptions.resolver``, e.g. the service's SSRF guard) is asked about every
host connected to, seeds, redirect targets and discovered links alike; a refused host's URLs are
committed as failed with outcome ``refused`` and the resolver's reason, never retried.

Resumability comes from step 6 being atomic and last: after a kill -9 the next run reloads the
queued rows and continues; a page whose transaction did not commit is fetched again (its WARC
record is then duplicated, never its article).
"""

from __future__ import annotations

import asyncio
import functools
import multiprocessing
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urljoin

from aiohttp.abc import AbstractResolver

from copydesk.api import extract
from copydesk.discover.feeds import Link, parse_feed
from copydesk.discover.frontier import Frontier, Item
from copydesk.discover.links import page_links
from copydesk.discover.sitemaps import parse_sitemap
from copydesk.discover.urls import base_domain, host_of, is_http_url
from copydesk.errors import FetchError
from copydesk.fetch.decompress import decode_content, gunzip_file_body
from copydesk.fetch.http import Exchange, Fetcher, FetchOptions, FetchResult
from copydesk.fetch.robots import RobotsRules
from copydesk.fetch.warc import WarcWriter, iter_responses
from copydesk.model import Article
from copydesk.parse.decode import decode
from copydesk.store import Store

__version__ = "0.1.0"
DEFAULT_USER_AGENT = (
    f"copydesk/{__version__} (news research crawler; +https://pypi.org/project/copydesk/)"
)
# Default minimum spacing between two requests to one host (seconds), measured from the end of
# one response to the start of the next. 1 s is the conventional polite floor for small sites.
DEFAULT_DELAY = 1.0
# Hosts fetched at the same time (each with one connection). Bounded by the event loop, not the
# network: extraction runs on the loop, so more in-flight requests only add latency.
DEFAULT_CONCURRENCY = 16
# Attempts for 429/5xx/network errors before a URL is marked failed.
MAX_ATTEMPTS = 4
# Backoff without Retry-After: BASE * 2**attempt seconds, the usual exponential schedule.
BACKOFF_BASE = 2.0
# A backoff longer than this leaves the URL queued for a later run instead of idling this one.
MAX_WAIT_IN_RUN = 120.0
# Listings (home pages, feeds, sitemaps) are refetched (conditional GET) after this many seconds.
DEFAULT_REVISIT = 3600.0
# Link depth from a seed's home page: home (0) -> section pages (1) -> articles (2).
DEFAULT_MAX_DEPTH = 2
# (url, kind, depth, date the listing gave) of URLs to add to the frontier.
_Links = list[tuple[str, str, int, str | None]]
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_XML_SNIFF = 2048


@dataclass(frozen=True, slots=True)
class HarvestOptions:
    max_pages: int | None = None
    delay: float = DEFAULT_DELAY
    user_agent: str = DEFAULT_USER_AGENT
    since: datetime | None = None
    same_site: bool = True
    include: str | None = None
    exclude: str | None = None
    obey_robots: bool = True
    concurrency: int = DEFAULT_CONCURRENCY
    timeout: float = 30.0
    max_body: int = 20 * 1024 * 1024
    max_decoded: int = 60 * 1024 * 1024
    backoff_base: float = BACKOFF_BASE
    max_attempts: int = MAX_ATTEMPTS
    revisit_after: float = DEFAULT_REVISIT
    max_depth: int = DEFAULT_MAX_DEPTH
    max_wait_in_run: float = MAX_WAIT_IN_RUN
    warc_dir: Path | None = None
    warc_max_bytes: int = 1_000_000_000
    workers: int = 0  # extraction processes; 0 extracts on the event loop
    # DNS resolver for every connection (an address policy such as the service's SSRF guard);
    # None uses aiohttp's default. Owned by the caller; it is used on the crawl's event loop.
    resolver: AbstractResolver | None = None


@dataclass(slots=True)
class HarvestStats:
    fetched: int = 0
    stored: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    errors_by_host: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    extract_seconds: float = 0.0
    commit_seconds: float = 0.0
    queued: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "fetched": self.fetched,
            "stored": self.stored,
            "outcomes": dict(self.outcomes),
            "errors_by_host": dict(self.errors_by_host),
            "seconds": round(self.seconds, 3),
            "extract_seconds": round(self.extract_seconds, 3),
            "commit_seconds": round(self.commit_seconds, 3),
            "queued": self.queued,
        }


@dataclass(slots=True)
class _Host:
    next_at: float = 0.0  # monotonic time before which no request starts
    delay: float = 0.0
    robots: RobotsRules | None = None
    refused: str | None = None  # the resolver refused this host (its reason): nothing is fetched


@dataclass(slots=True)
class _Outcome:
    """What handling one response decided; applied in one transaction."""

    outcome: str
    state: str = "done"
    kind: str | None = None
    article: Article | None = None
    links: _Links = field(default_factory=list)
    error: str | None = None
    retry_at: float | None = None


def sniff_kind(content_type: str, body: bytes) -> str:
    """feed | sitemap | html | other, from the Content-Type and the first bytes."""
    head = body[:_XML_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{") and b"jsonfeed.org" in head:
        return "feed"
    if content_type in ("application/feed+json",):
        return "feed"
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<rdf:rdf" in head or (b"<feed" in head and b"<html" not in head):
        return "feed"
    if "html" in content_type or b"<html" in head or b"<!doctype html" in head:
        return "html"
    if content_type.startswith("text/") or not content_type:
        return "html" if b"<" in head else "other"
    return "other"


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP-date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class Crawler:
    """One crawl over one store. ``await Crawler(store, options).run(seeds)``."""

    def __init__(
        self,
        store: Store,
        options: HarvestOptions,
        *,
        extractor: Callable[..., Article] = extract,
        progress: IO[str] | None = None,
    ) -> None:
        self.store = store
        self.options = options
        self.extractor = extractor
        self.progress = progress
        self.frontier = Frontier(store.connection)
        self.stats = HarvestStats()
        self._hosts: dict[str, _Host] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._sites: set[str] = set()
        self._include = re.compile(options.include) if options.include else None
        self._exclude = re.compile(options.exclude) if options.exclude else None
        self._stopping = False
        self._sem = asyncio.Semaphore(max(1, options.concurrency))
        warc_dir = options.warc_dir or store.path.with_name(store.path.name + ".warc")
        self._warc = WarcWriter(
            warc_dir,
            base=store.path.parent,
            software=DEFAULT_USER_AGENT,
            max_bytes=options.warc_max_bytes,
        )
        self._fetcher: Fetcher | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._recovering = False
        self._t0 = time.monotonic()

    # -- scope ----------------------------------------------------------------------------------
    def _in_scope(self, url: str, kind: str) -> bool:
        if not is_http_url(url):
            return False
        if self.options.same_site and self._sites and base_domain(url) not in self._sites:
            return False
        if kind == "page":
            if self._include is not None and not self._include.search(url):
                return False
            if self._exclude is not None and self._exclude.search(url):
                return False
        return True

    def _too_old(self, when: datetime | None) -> bool:
        since = self.options.since
        if since is None or when is None:
            return False
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return when < since

    # -- running --------------------------------------------------------------------------------
    async def run(self, seeds: Iterable[str]) -> HarvestStats:
        started = self._t0 = time.monotonic()
        seeds = [s.strip() for s in seeds if s.strip()]
        # --same-site: the seeds' registrable domains (www.x.com and feeds.x.com are one site).
        self._sites = {base_domain(s) for s in seeds if is_http_url(s)}
        self._restart_pool()
        await self._recover()
        with self.store.transaction():
            self.frontier.load(revisit_after=self.options.revisit_after)
            for seed in seeds:
                if is_http_url(seed):
                    self.frontier.add(seed, kind="auto", depth=0, requeue_listing=True)
        options = FetchOptions(
            user_agent=self.options.user_agent,
            timeout=self.options.timeout,
            max_body=self.options.max_body,
            max_decoded=self.options.max_decoded,
            concurrency=max(1, self.options.concurrency),
            resolver=self.options.resolver,
        )
        reporter = asyncio.create_task(self._report()) if self.progress else None
        try:
            async with Fetcher(options) as fetcher:
                self._fetcher = fetcher
                for host in list(self.frontier.queues):
                    self._ensure_worker(host)
                while self._workers:
                    await asyncio.wait(list(self._workers.values()))
                    self._workers = {h: t for h, t in self._workers.items() if not t.done()}
        finally:
            self._fetcher = None
            self._warc.close()
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
            if reporter is not None:
                reporter.cancel()
            self.stats.seconds = time.monotonic() - started
            self.stats.queued = self.frontier.pending()
            if self.progress:
                self._print_progress(final=True)
        return self.stats

    async def _recover(self) -> None:
        """Commit pages the last run fetched and archived but was killed before committing.

        Responses in the newest WARC file after the last committed offset whose URL is still
        queued are handled from the archive, not fetched again. Listings (seeds, home pages)
        are left to be refetched: they need the host's robots.txt, which is cheap to ask.
        """
        directory = self._warc.directory
        files = sorted(directory.glob("copydesk-*.warc.gz"), key=lambda p: p.stat().st_mtime)
        if not files:
            return
        newest = files[-1]
        relative = os.path.relpath(newest, self._warc.base)
        row = self.store.connection.execute(
            "SELECT max(warc_offset) FROM fetch_log WHERE warc_file = ?", (relative,)
        ).fetchone()
        # The last committed response starts a record: scan from there, skipping it.
        start = int(row[0]) if row and row[0] is not None else -1
        self._recovering = True
        try:
            for offset, url, status, reason, headers, raw in iter_responses(newest, max(0, start)):
                if offset <= start:
                    continue
                item = self.frontier.item(url)
                if item is None or item.kind in ("auto", "home"):
                    continue
                exchange = Exchange(url, (), status, reason, tuple(headers), raw)
                result = self._fetcher_result(url, exchange)
                state = self._hosts.setdefault(item.host, _Host(delay=self.options.delay))
                outcome = await self._decide(item, result, state)
                if outcome.state == "retry":
                    continue  # a 429/5xx: let the normal crawl retry it
                self._commit(item, result, outcome, [(relative, offset)])
                self.stats.outcomes["recovered_from_warc"] += 1
        finally:
            self._recovering = False

    def _fetcher_result(self, url: str, exchange: Exchange) -> FetchResult:
        location = exchange.header("location")
        if exchange.status in (301, 302, 303, 307, 308) and location:
            target = urljoin(url, location.strip())
            return FetchResult(url, url, exchange.status, exchanges=(exchange,), redirect_to=target)
        try:
            body = decode_content(
                exchange.raw_body, exchange.header("content-encoding"), self.options.max_decoded
            )
        except FetchError as exc:
            return FetchResult(url, url, exchange.status, error=str(exc), exchanges=(exchange,))
        return FetchResult(url, url, exchange.status, body=body, exchanges=(exchange,))

    def _ensure_worker(self, host: str) -> None:
        if self._recovering:
            return  # workers start once the fetcher is open
        task = self._workers.get(host)
        if (task is None or task.done()) and self.frontier.queues.get(host):
            self._workers[host] = asyncio.create_task(self._host_worker(host))

    async def _host_worker(self, host: str) -> None:
        state = self._hosts.setdefault(host, _Host(delay=max(0.0, self.options.delay)))
        queue = self.frontier.queues[host]
        while queue and not self._stopping:
            item = queue.popleft()
            wait = item.not_before - time.time()
            if wait > 0:
                if wait > self.options.max_wait_in_run:
                    continue  # stays queued in the store for a later run
                if any(other.not_before <= time.time() for other in queue):
                    queue.append(item)
                    continue
                await asyncio.sleep(wait)
            if self.options.obey_robots and state.robots is None and state.refused is None:
                await self._load_robots(host, item.url, state)
            if state.refused is not None:
                self._refuse(item, state.refused)
                continue
            if state.robots is not None and state.robots.disallow_all:
                # robots.txt unreachable (5xx, network): the URL stays queued for a later run.
                self.stats.outcomes["robots_unavailable"] += 1
                self.stats.errors_by_host[host] += 1
                continue
            if state.robots is not None and not state.robots.allowed(
                item.url, self.options.user_agent
            ):
                self._commit(item, None, _Outcome("robots", state="skipped"), [])
                continue
            if self.options.max_pages is not None and self.stats.fetched >= self.options.max_pages:
                self._stopping = True
                break
            await self._handle(item, state)

    async def _turn(self, state: _Host) -> None:
        wait = state.next_at - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)

    async def _get(
        self, state: _Host, url: str, headers: dict[str, str] | None = None
    ) -> FetchResult:
        assert self._fetcher is not None
        await self._turn(state)
        robots = state.robots
        ua = self.options.user_agent

        def allow(target: str) -> bool:
            # A redirect to a URL the frontier already knows is not followed here: that page is
            # (or will be) fetched under its own key, so following would fetch it twice.
            if self.frontier.known(target):
                return False
            return robots is None or robots.allowed(target, ua)

        async def pace() -> None:
            state.next_at = time.monotonic() + state.delay
            await self._turn(state)

        async with self._sem:
            result = await self._fetcher.fetch(url, headers=headers, allow=allow, pace=pace)
        # Spacing counts from the end of the response: the host never sees two requests closer
        # than the delay, however long a response took.
        state.next_at = time.monotonic() + state.delay
        return result

    async def _load_robots(self, host: str, url: str, state: _Host) -> None:
        scheme = url.split(":", 1)[0].lower()
        robots_url = f"{scheme}://{host}/robots.txt"
        result = await self._get(state, robots_url)
        self._archive(result)
        if result.refused:
            # The host's address is refused by policy: its pages would be too (same name, same
            # lookup), so they are recorded as refused without asking again.
            state.refused = result.error or "refused"
            return
        if result.redirect_to:
            rules = RobotsRules(None, allow_all=True, reason="robots.txt redirected off host")
        elif result.error and result.status is None:
            rules = RobotsRules.from_response(None, b"")
        else:
            rules = RobotsRules.from_response(result.status, result.body)
        state.robots = rules
        delay = rules.crawl_delay(self.options.user_agent)
        if delay is not None:
            state.delay = max(state.delay, delay)

    async def _handle(self, item: Item, state: _Host) -> None:
        headers: dict[str, str] = {}
        if item.etag:
            headers["If-None-Match"] = item.etag
        if item.last_modified:
            headers["If-Modified-Since"] = item.last_modified
        self.stats.fetched += 1
        result = await self._get(state, item.url, headers)
        refs = self._archive(result)
        outcome = await self._decide(item, result, state)
        self._commit(item, result, outcome, refs)
        if outcome.state == "retry" and outcome.retry_at is not None:
            wait = outcome.retry_at - time.time()
            if wait <= self.options.max_wait_in_run:
                state.next_at = max(state.next_at, time.monotonic() + max(0.0, wait))

    def _refuse(self, item: Item, reason: str) -> None:
        """Record a URL of a refused host as a failed fetch (fetch log and frontier)."""
        result = FetchResult(item.url, item.url, None, error=reason, refused=True)
        self._commit(item, result, _Outcome("refused", state="failed", error=reason), [])

    def _restart_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        if self.options.workers > 0:
            # forkserver: forking the event loop's process (aiohttp threads) is not safe.
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(self.options.workers, mp_context=context)

    async def _extract(self, text: str, url: str) -> Article:
        fetched_at = datetime.now(UTC)
        if self._pool is None:
            return self.extractor(text, url=url, fetched_at=fetched_at)
        # In a worker process: the event loop keeps fetching and committing meanwhile.
        call = functools.partial(self.extractor, text, url=url, fetched_at=fetched_at)
        return await asyncio.get_running_loop().run_in_executor(self._pool, call)

    def _archive(self, result: FetchResult) -> list[tuple[str, int]]:
        now = datetime.now(UTC)
        return [self._warc.write(ex, fetched_at=now) for ex in result.exchanges]

    # -- deciding -------------------------------------------------------------------------------
    async def _decide(self, item: Item, result: FetchResult, state: _Host) -> _Outcome:
        status = result.status
        if result.refused:
            return _Outcome("refused", state="failed", error=result.error)
        if result.redirect_to:
            target = result.redirect_to
            redirect: _Links = []
            if self._in_scope(target, "redirect"):
                redirect.append((target, item.kind, item.depth, None))
            return _Outcome("redirect", links=redirect)
        if result.error is not None:
            permanent = ("exceeds", "corrupt", "redirect", "not http", "unsupported")
            if status is None and not any(word in result.error for word in permanent):
                return self._retry(item, None, result.error)  # timeout, connection refused
            return _Outcome("error", state="failed", error=result.error)
        assert status is not None
        if status == 304:
            return _Outcome("not_modified")
        if status in RETRY_STATUSES:
            return self._retry(item, result.header("retry-after"), f"HTTP {status}")
        if status >= 400 or status < 200:
            return _Outcome(f"http_{status}", state="failed", error=f"HTTP {status}")
        return await self._classify(item, result, state)

    def _retry(self, item: Item, retry_after: str | None, note: str) -> _Outcome:
        if item.attempts + 1 >= self.options.max_attempts:
            return _Outcome("gave_up", state="failed", error=note)
        seconds = retry_after_seconds(retry_after)
        if seconds is None:
            seconds = self.options.backoff_base * 2**item.attempts
        return _Outcome("retry", state="retry", error=note, retry_at=time.time() + seconds)

    async def _classify(self, item: Item, result: FetchResult, state: _Host) -> _Outcome:
        url = result.final_url
        body = result.body
        try:
            body = gunzip_file_body(body, self.options.max_decoded)
        except Exception as exc:
            return _Outcome("error", state="failed", error=str(exc))
        kind = sniff_kind(result.content_type, body)
        depth = item.depth + 1
        if kind == "feed":
            links = self._page_links(parse_feed(body, url), depth)
            return _Outcome("feed", kind="feed", links=links)
        if kind == "sitemap":
            entries = parse_sitemap(body, url)
            links = [
                (link.url, "sitemap", item.depth, None)
                for link in entries
                if link.is_sitemap
                and self._in_scope(link.url, "sitemap")
                and not self._too_old(link.date)
            ]
            links += self._page_links([e for e in entries if not e.is_sitemap], depth)
            return _Outcome("sitemap", kind="sitemap", links=links)
        if kind != "html":
            return _Outcome("not_html", state="skipped", error=result.content_type or "unknown")
        text = decode(body, result.charset)
        t0 = time.perf_counter()
        try:
            article = await self._extract(text, url)
        except BrokenProcessPool as exc:
            self._restart_pool()
            return _Outcome("extract_error", state="failed", error=f"worker died: {exc}")
        except Exception as exc:  # one page's failure must not stop the crawl
            return _Outcome("extract_error", state="failed", error=f"{type(exc).__name__}: {exc}")
        self.stats.extract_seconds += time.perf_counter() - t0
        is_seed = item.kind in ("auto", "home")
        if article.page_type == "article" and item.kind != "home":
            if self._too_old(article.published):
                return _Outcome("too_old", kind="page")
            return _Outcome("stored", kind="page", article=article)
        if not is_seed and (article.page_type != "listing" or item.depth >= self.options.max_depth):
            return _Outcome(article.page_type, kind="page")
        feeds, anchors = page_links(text, url)
        found: _Links = []
        if is_seed:
            found += [(f, "feed", depth, None) for f in feeds if self._in_scope(f, "feed")]
            if state.robots is not None:
                found += [(s, "sitemap", depth, None) for s in state.robots.sitemaps()]
        if item.depth < self.options.max_depth:
            found += self._page_links([Link(a) for a in anchors], depth)
        return _Outcome("listing", kind="home" if is_seed else "page", links=found)

    def _page_links(self, entries: Iterable[Link], depth: int) -> _Links:
        return [
            (e.url, "page", depth, e.date.isoformat() if e.date else None)
            for e in entries
            if self._in_scope(e.url, "page") and not self._too_old(e.date)
        ]

    # -- committing -----------------------------------------------------------------------------
    def _commit(
        self,
        item: Item,
        result: FetchResult | None,
        outcome: _Outcome,
        refs: list[tuple[str, int]],
    ) -> None:
        t0 = time.perf_counter()
        warc = refs[-1] if refs else (None, None)
        article_id: int | None = None
        fetched_at = datetime.now(UTC)
        hosts_with_new: set[str] = set()
        with self.store.transaction():
            if outcome.article is not None:
                article_id = self.store.add(
                    outcome.article,
                    fetched_at=fetched_at,
                    warc_file=warc[0],
                    warc_offset=warc[1],
                )
            for url, kind, depth, lastmod in outcome.links:
                if self.frontier.add(url, kind=kind, depth=depth, lastmod=lastmod):
                    hosts_with_new.add(host_of(url))
            if outcome.state == "retry":
                assert outcome.retry_at is not None
                keep = outcome.retry_at - time.time() <= self.options.max_wait_in_run
                self.frontier.retry(
                    item, not_before=outcome.retry_at, note=outcome.error or "", keep_in_memory=keep
                )
            else:
                last = result.last if result is not None else None
                self.frontier.done(
                    item,
                    kind=outcome.kind,
                    etag=last.header("etag") if last is not None else None,
                    last_modified=last.header("last-modified") if last is not None else None,
                    note=outcome.error,
                    state=outcome.state,
                )
            if result is not None:
                self.store.connection.execute(
                    "INSERT INTO fetch_log (url_key, url, final_url, status, fetched_at, elapsed,"
                    " bytes, content_type, warc_file, warc_offset, article_id, outcome, error)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        item.key,
                        item.url,
                        result.final_url,
                        result.status,
                        fetched_at.timestamp(),
                        result.elapsed,
                        len(result.body),
                        result.content_type,
                        warc[0],
                        warc[1],
                        article_id,
                        outcome.outcome,
                        outcome.error,
                    ),
                )
        self.stats.commit_seconds += time.perf_counter() - t0
        self.stats.outcomes[outcome.outcome] += 1
        if article_id is not None:
            self.stats.stored += 1
        if outcome.state in ("failed", "retry") or outcome.outcome == "gave_up":
            self.stats.errors_by_host[item.host] += 1
        for host in hosts_with_new:
            self._ensure_worker(host)

    # -- progress -------------------------------------------------------------------------------
    async def _report(self) -> None:
        interval = 1.0 if self.progress is not None and self.progress.isatty() else 5.0
        while True:
            await asyncio.sleep(interval)
            self._print_progress()

    def _print_progress(self, *, final: bool = False) -> None:
        assert self.progress is not None
        s = self.stats
        elapsed = max(s.seconds if final else 0.0, 1e-9)
        if not final:
            elapsed = max(time.monotonic() - self._t0, 1e-9)
        errors = ", ".join(f"{h}: {n}" for h, n in s.errors_by_host.most_common(3))
        line = (
            f"[crawl] {s.fetched} fetched ({s.fetched / elapsed:.1f}/s), {s.stored} stored,"
            f" queue {self.frontier.pending()}, errors {sum(s.errors_by_host.values())}"
            + (f" ({errors})" if errors else "")
        )
        tty = self.progress.isatty()
        end = "\n" if final or not tty else ""
        self.progress.write(("\r\x1b[K" if tty else "") + line + end)
        self.progress.flush()


def harvest(
    seeds: Iterable[str] | str,
    *,
    store: Store | str | Path = "copydesk.db",
    progress: IO[str] | None = None,
    extractor: Callable[..., Article] = extract,
    **options: Any,
) -> HarvestStats:
    """Crawl ``seeds`` into ``store`` (a path or an open :class:`Store`); see ``HarvestOptions``.

    Blocking; runs its own event loop. Resumable: call again with the same arguments after an
    interruption and it continues where it stopped.
    """
    opts = HarvestOptions(**options)
    seed_list = [seeds] if isinstance(seeds, str) else list(seeds)
    if isinstance(store, Store):
        crawler = Crawler(store, opts, extractor=extractor, progress=progress)
        return asyncio.run(crawler.run(seed_list))
    with Store(store) as opened:
        crawler = Crawler(opened, opts, extractor=extractor, progress=progress)
        return asyncio.run(crawler.run(seed_list))
