"""Crawl jobs for the service: ``POST /crawl`` queues seeds, ``GET /crawl/{id}`` reports.

Jobs run one after another on one worker thread, each as ``copydesk.harvest.Crawler`` over its own
writable ``Store`` on the service's store file (the crawler's frontier lives in that file, so two
crawls at once would share and race over it). The worker has its own event loop, so the
crawler's extraction work never blocks the service's loop.

The SSRF guard works at two points. Seeds are checked here, up front (scheme, IP literals, and
what their names resolve to now), so a refused seed is a 403 and no job. Then the crawler connects
through the guard's resolver (``GuardedResolver`` as ``HarvestOptions.resolver``), so every host it
connects to -- seeds again (DNS may have changed), redirect targets, discovered links -- is
checked at connect time against the address actually used; a refused URL ends up in the job's
stats as outcome ``refused`` and in the store's fetch log with the reason. ``--allow-private``
turns the policy off (local use).
"""

from __future__ import annotations

import asyncio
import queue
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp.abc import AbstractResolver

from copydesk.service.guard import GuardedResolver, address_check, check_host_resolves_public
from copydesk.service.settings import Settings

# Jobs remembered for GET /crawl/{id}; older finished jobs are forgotten first.
MAX_JOBS = 200


# Makes the resolver one crawl job (or one seed check) connects through; called on the loop that
# uses it. The default is the SSRF guard with the settings' address policy.
ResolverFactory = Callable[[], AbstractResolver]


def guard_factory(settings: Settings) -> ResolverFactory:
    """The SSRF guard for ``settings``: any address with --allow-private, public ones otherwise."""
    address_ok = address_check(settings.allow_private)
    return lambda: GuardedResolver(address_ok=address_ok)


class CrawlUnavailable(Exception):
    """Crawling is not available for this service (no store configured)."""


@dataclass
class CrawlJob:
    id: str
    seeds: list[str]
    max_pages: int
    status: str = "queued"  # queued | running | done | failed
    created_at: float = field(default_factory=time.time)
    started_at: float | None = None
    finished_at: float | None = None
    error: str | None = None
    stats: dict[str, Any] = field(default_factory=dict)
    crawler: Any = None

    def to_dict(self) -> dict[str, Any]:
        stats = self.stats
        if self.crawler is not None and self.status == "running":
            # a live snapshot; the crawler mutates its counters on another thread
            for _ in range(3):
                try:
                    stats = self.crawler.stats.to_dict()
                    break
                except RuntimeError:
                    continue
        return {
            "id": self.id,
            "status": self.status,
            "seeds": self.seeds,
            "max_pages": self.max_pages,
            "created_at": self.created_at,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "error": self.error,
            "stats": stats,
        }


class Crawls:
    """The crawl jobs of one app, and the worker thread that runs them."""

    def __init__(self, settings: Settings, *, resolver: ResolverFactory | None = None) -> None:
        self.settings = settings
        # tests inject a guard whose lookups map made-up names to 127.0.0.1
        self._resolver = resolver or guard_factory(settings)
        self._jobs: OrderedDict[str, CrawlJob] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[CrawlJob | None] = queue.Queue()
        self._worker: threading.Thread | None = None

    def _check_available(self) -> None:
        if self.settings.store is None:
            raise CrawlUnavailable("no store configured: start the service with --store PATH")

    async def start(self, seeds: list[str], max_pages: int) -> dict[str, Any]:
        # refuse non-public seeds first: that answer does not depend on the store
        resolver = self._resolver()
        try:
            for seed in seeds:
                await check_host_resolves_public(
                    seed, allow_private=self.settings.allow_private, resolver=resolver
                )
        finally:
            await resolver.close()
        self._check_available()
        job = CrawlJob(uuid.uuid4().hex, [s.strip() for s in seeds], max_pages)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_JOBS:
                oldest = next(iter(self._jobs))
                if self._jobs[oldest].status in ("queued", "running"):
                    break
                self._jobs.pop(oldest)
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(
                    target=self._work, name="copydesk-crawl", daemon=True
                )
                self._worker.start()
        self._queue.put(job)
        return job.to_dict()

    def status(self, job_id: str) -> dict[str, Any] | None:
        with self._lock:
            job = self._jobs.get(job_id)
        return None if job is None else job.to_dict()

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            self._run(job)

    def _run(self, job: CrawlJob) -> None:
        from copydesk.harvest import Crawler, HarvestOptions
        from copydesk.store import Store

        assert self.settings.store is not None
        job.status, job.started_at = "running", time.time()

        async def crawl(store: Store) -> dict[str, Any]:
            # the resolver is made on this job's event loop and closed with it
            resolver = self._resolver()
            try:
                options = HarvestOptions(
                    max_pages=job.max_pages, delay=self.settings.crawl_delay, resolver=resolver
                )
                crawler = job.crawler = Crawler(store, options)
                return (await crawler.run(job.seeds)).to_dict()
            finally:
                await resolver.close()

        try:
            with Store(self.settings.store) as store:
                job.stats = asyncio.run(crawl(store))
            job.status = "done"
        except Exception as exc:  # a failed job is reported, never lost or raised into the API
            job.status, job.error = "failed", f"{exc.__class__.__name__}: {exc}"
        finally:
            job.crawler = None
            job.finished_at = time.time()

    async def close(self) -> None:
        """Stop taking jobs; a running crawl finishes its page (crawls resume on the next run)."""
        self._queue.put(None)
