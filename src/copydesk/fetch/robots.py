"""robots.txt rules for one host (protego), with the conventions for missing or broken files.

4xx (no robots.txt) allows everything; 5xx, timeouts and network errors disallow everything for
this run (the site may be down or refusing us; RFC 9309 §2.3.1.4 says to assume full disallow).
"""

from __future__ import annotations

from dataclasses import dataclass

from protego import Protego

from copydesk.parse.decode import decode

# A robots.txt past this size is truncated (RFC 9309 asks parsers to read at least 500 KiB).
MAX_ROBOTS_BYTES = 512 * 1024
# Crawl-delay values above this are capped: a site asking for one request a minute is honoured,
# a site asking for one a day would stall the crawl; the host is then simply crawled slowly.
MAX_CRAWL_DELAY = 60.0


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The rules that apply to our user agent on one host."""

    parser: Protego | None
    allow_all: bool = False
    disallow_all: bool = False
    reason: str = ""

    @classmethod
    def from_response(cls, status: int | None, body: bytes) -> RobotsRules:
        if status is None or status >= 500:
            return cls(None, disallow_all=True, reason=f"robots.txt unavailable ({status})")
        if status >= 400:
            return cls(None, allow_all=True, reason=f"no robots.txt ({status})")
        if status >= 300:
            return cls(None, allow_all=True, reason="robots.txt redirected off host")
        text = decode(body[:MAX_ROBOTS_BYTES])
        try:
            return cls(Protego.parse(text))
        except Exception:
            return cls(None, allow_all=True, reason="unparseable robots.txt")

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.disallow_all:
            return False
        if self.allow_all or self.parser is None:
            return True
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        if delay is None:
            return None
        return min(float(delay), MAX_CRAWL_DELAY)

    def sitemaps(self) -> list[str]:
        return list(self.parser.sitemaps) if self.parser is not None else []
