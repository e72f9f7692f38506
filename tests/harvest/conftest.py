from __future__ import annotations

from collections.abc import Iterator

import pytest
from crawl_site import CrawlSite, SiteConfig


@pytest.fixture
def site() -> Iterator[CrawlSite]:
    running = CrawlSite(SiteConfig(slow_seconds=2.5, bomb_bytes=12 * 1024 * 1024)).start()
    yield running
    running.stop()
