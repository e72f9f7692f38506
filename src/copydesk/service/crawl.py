"""Crawl jobs for the service: ``POST /crawl`` queues seeds, ``GET /crawl/{id}`` reports.

The crawler itself is ``copydesk.harvest`` (issue 5). Until it lands this module says so (the
endpoints answer 501 with that message) rather than pretending to crawl.
"""

from __future__ import annotations

import importlib.util
from typing import Any

from copydesk.service.guard import check_host_resolves_public
from copydesk.service.settings import Settings


class CrawlUnavailable(Exception):
    """The crawler is not available in this build or for this service."""


class Crawls:
    """The crawl jobs this app started."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def _require(self) -> None:
        if importlib.util.find_spec("copydesk.harvest") is None:
            raise CrawlUnavailable("crawling is not available yet: copydesk.harvest is missing")
        raise CrawlUnavailable("crawling through the service is not wired up yet")

    async def start(self, seeds: list[str]) -> dict[str, Any]:
        # refuse non-public seeds first: that answer does not depend on the crawler
        for seed in seeds:
            await check_host_resolves_public(seed, allow_private=self.settings.allow_private)
        self._require()
        return {}

    def status(self, job_id: str) -> dict[str, Any] | None:
        del job_id
        self._require()
        return None

    async def close(self) -> None:
        return None
