"""The service's settings: one frozen object, built by the CLI (or a test) and given to the app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Largest request body accepted. A news page's HTML is rarely above 2 MB (the largest page in the
# AEB set is under 1.5 M characters); 8 MB leaves room for heavy pages while bounding the memory a
# single request can take.
MAX_BODY_BYTES = 8 * 1024 * 1024
# Largest page the service fetches for `/extract {"url": ...}`: same reasoning as the body cap.
MAX_FETCH_BYTES = 8 * 1024 * 1024
# Seconds allowed for one fetch, connect to last byte: long enough for a slow news site, short
# enough that a tarpit cannot hold a worker.
FETCH_TIMEOUT_S = 15.0
# Redirect hops followed per fetch; each hop's address is checked again. Real sites use 1-3
# (http->https, www, consent walls); 5 stops loops early.
MAX_REDIRECTS = 5
# Per-client token bucket: sustained requests per second and burst size. A researcher's script or
# a person clicking stays far below; a runaway client is slowed without hurting others. The
# benchmark raises them (it measures throughput, not the limiter).
RATE_PER_S = 20.0
RATE_BURST = 40
# Seeds accepted in one `POST /crawl`: a crawl job is a list a person or script builds.
MAX_CRAWL_SEEDS = 1000
# Pages one crawl job fetches at most unless the request asks for fewer.
MAX_CRAWL_PAGES = 1000
# Seconds between two requests to one host in service crawls: the crawler's polite default.
CRAWL_DELAY_S = 1.0
# Results per page of `/articles`.
PAGE_SIZE = 20


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the app needs to know; no module-global state anywhere in the service."""

    store: Path | None = None
    token: str | None = None
    allow_private: bool = False
    max_body_bytes: int = MAX_BODY_BYTES
    max_fetch_bytes: int = MAX_FETCH_BYTES
    fetch_timeout_s: float = FETCH_TIMEOUT_S
    max_redirects: int = MAX_REDIRECTS
    rate_per_s: float = RATE_PER_S
    rate_burst: int = RATE_BURST
    max_crawl_seeds: int = MAX_CRAWL_SEEDS
    max_crawl_pages: int = MAX_CRAWL_PAGES
    crawl_delay: float = CRAWL_DELAY_S
    page_size: int = PAGE_SIZE
    # Reverse proxies (addresses or CIDR networks) whose X-Forwarded-For the rate limit believes.
    trusted_proxies: tuple[str, ...] = ()
