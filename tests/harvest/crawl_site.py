"""A small news site served on 127.0.0.1 for the crawler tests (and the crawl benchmark).

Real HTTP (``http.server`` in a thread). Pages are templates in ``tests/fixtures/site/`` filled
with generated stories. The server records every request, so tests assert politeness from what
the server saw, not from what the crawler says it did.

Paths:
  /robots.txt                      disallows /private/, Crawl-delay, Sitemap line
  /  /news/                        home (feeds declared in <link rel=alternate>) and a section page
  /feed.xml /atom.xml /feed.json   RSS 2.0 / Atom / JSON Feed of the recent stories (+ traps)
  /sitemap_index.xml               -> /sitemap-news.xml (Google News) + /sitemap-archive.xml.gz
  /news/2024/story-N.html          recent stories; /news/2023/story-N.html archive stories
  /old-path -> 301 story-2         /loop-a <-> /loop-b redirect loop
  /gone 410  /missing 404  /broken 500 (always)  /flaky 503+Retry-After once  /busy 429 once
  /slow (sleeps)  /gzipped.html (Content-Encoding: gzip)  /bomb.html (gzip bomb)
  /latin1.html (header says utf-8, body is latin-1)  /cp1252.html (meta windows-1252 only)
  /private/secret.html             disallowed by robots.txt
"""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "site"
PLACES = ["Nairobi", "Lyon", "Osaka", "Quito", "Tromsø", "Adelaide", "Accra", "Lahore"]
TRAPS = [
    "/private/secret.html",
    "/old-path",
    "/loop-a",
    "/gone",
    "/missing",
    "/broken",
    "/flaky",
    "/busy",
    "/slow",
    "/gzipped.html",
    "/bomb.html",
    "/latin1.html",
    "/cp1252.html",
]
# Extra pages that are real articles (stored by a complete crawl) besides the numbered stories.
EXTRA_ARTICLES = ["/gzipped.html", "/flaky", "/busy", "/latin1.html", "/cp1252.html"]


@dataclass
class Request:
    at: float
    method: str
    path: str
    headers: dict[str, str]
    host: str


@dataclass
class SiteConfig:
    recent: int = 12
    archive: int = 6
    crawl_delay: float | None = None
    slow_seconds: float = 2.0
    bomb_bytes: int = 30 * 1024 * 1024
    robots_status: int = 200


@dataclass
class CrawlSite:
    config: SiteConfig = field(default_factory=SiteConfig)
    requests: list[Request] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    port: int = 0
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _bomb: bytes = b""

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> CrawlSite:
        self._bomb = gzip.compress(b"<p>" + b"0" * self.config.bomb_bytes, compresslevel=9)
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                site._serve(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    # -- what the site contains -------------------------------------------------------------
    def story_paths(self) -> list[str]:
        recent = [f"/news/2024/story-{i}.html" for i in range(1, self.config.recent + 1)]
        first = self.config.recent + 1
        last = self.config.recent + self.config.archive
        return recent + [f"/news/2023/story-{i}.html" for i in range(first, last + 1)]

    def article_paths(self) -> list[str]:
        """Every path a complete same-site crawl stores as an article."""
        return self.story_paths() + EXTRA_ARTICLES

    def requested(self, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if r.path == path)

    # -- serving ----------------------------------------------------------------------------
    def _record(self, handler: BaseHTTPRequestHandler) -> str:
        path = urlsplit(handler.path).path
        with self._lock:
            self.requests.append(
                Request(
                    time.monotonic(),
                    handler.command,
                    handler.path,
                    {k.lower(): v for k, v in handler.headers.items()},
                    handler.headers.get("Host", ""),
                )
            )
            self.hits[path] = self.hits.get(path, 0) + 1
            return path

    def _send(
        self,
        handler: BaseHTTPRequestHandler,
        status: int,
        body: bytes = b"",
        ctype: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", ctype)
        handler.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            handler.wfile.write(body)

    def _template(self, name: str, **values: Any) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8").format(**values)

    def _article(self, path: str, n: int, charset: str = "utf-8", title: str | None = None) -> str:
        year = "2023" if "/2023/" in path else "2024"
        month = 3 if year == "2023" else 5
        place = PLACES[n % len(PLACES)]
        return self._template(
            "article.html",
            charset=charset,
            title=title or f"Council approves new plan for {place} district, story {n}",
            author=f"Reporter {n}",
            published=f"{year}-{month:02d}-{1 + n % 27:02d}T09:30:00+00:00",
            canonical=self.base + path,
            place=place,
            lead=f"Story {n}: the council in {place} approved the plan by a wide margin."
            if title is None
            else f"{title}: the council approved the plan by a wide margin.",
        )

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        path = self._record(h)
        count = self.hits[path]
        base = self.base
        if path == "/robots.txt" and self.config.robots_status != 200:
            return self._send(h, self.config.robots_status, b"down", "text/plain")
        if path == "/robots.txt":
            delay = self.config.crawl_delay
            text = self._template("robots.txt", crawl_delay=delay if delay else 0, base=base)
            if not delay:
                text = text.replace("Crawl-delay: 0\n", "")
            return self._send(h, 200, text.encode(), "text/plain")
        if path == "/":
            items = "\n".join(f'<li><a href="{p}">Story</a></li>' for p in self.story_paths()[:3])
            return self._send(h, 200, self._template("index.html", items=items).encode())
        if path == "/news/":
            items = "\n".join(
                f'<li><a href="{p}">Story</a></li>'
                for p in self.story_paths()[: self.config.recent]
            )
            return self._send(h, 200, self._template("section.html", items=items).encode())
        if path == "/feed.xml":
            return self._feed(h)
        if path == "/atom.xml":
            entries = "\n".join(
                f'<entry><title>S</title><id>{base}{p}</id><link rel="alternate" href="{base}{p}"/>'
                f"<updated>2024-05-02T10:00:00Z</updated></entry>"
                for p in self.story_paths()[: self.config.recent : 2]
            )
            body = self._template("atom.xml", base=base, items=entries).encode()
            return self._send(h, 200, body, "application/atom+xml")
        if path == "/feed.json":
            items = [
                {"id": p, "url": base + p, "date_published": "2024-05-02T10:00:00Z"}
                for p in self.story_paths()[: self.config.recent : 3]
            ]
            feed = {"version": "https://jsonfeed.org/version/1.1", "title": "L", "items": items}
            return self._send(h, 200, json.dumps(feed).encode(), "application/feed+json")
        if path == "/sitemap_index.xml":
            body = self._template("sitemap_index.xml", base=base).encode()
            return self._send(h, 200, body, "application/xml")
        if path == "/sitemap-news.xml":
            items = "\n".join(
                f"<url><loc>{base}{p}</loc><news:news><news:publication>"
                "<news:name>The Loopback Ledger</news:name><news:language>en</news:language>"
                "</news:publication><news:publication_date>2024-05-02T10:00:00Z"
                "</news:publication_date><news:title>S</news:title></news:news></url>"
                for p in self.story_paths()[: self.config.recent]
            )
            body = self._template("sitemap-news.xml", items=items).encode()
            return self._send(h, 200, body, "application/xml")
        if path == "/sitemap-archive.xml.gz":
            urls = "".join(
                f"<url><loc>{base}{p}</loc><lastmod>2023-03-01</lastmod></url>"
                for p in self.story_paths()[self.config.recent :]
            )
            xml = (
                '<?xml version="1.0" encoding="UTF-8"?>'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            )
            return self._send(h, 200, gzip.compress(xml.encode()), "application/gzip")
        if path.startswith("/news/20") and path.endswith(".html"):
            try:
                n = int(path.rsplit("-", 1)[1].split(".")[0])
            except ValueError:
                return self._send(h, 404, b"not found")
            if path not in self.story_paths():
                return self._send(h, 404, b"not found")
            return self._send(h, 200, self._article(path, n).encode())
        return self._trap(h, path, count)

    def _feed(self, h: BaseHTTPRequestHandler) -> None:
        base = self.base
        etag = '"feed-v1"'
        if h.headers.get("If-None-Match") == etag:
            return self._send(h, 304, b"", headers={"ETag": etag})
        links = [base + p for p in self.story_paths()[: self.config.recent]]
        links[0] += "?utm_source=rss&utm_medium=feed"  # same story as the sitemap's, tracked
        links += [base + p for p in TRAPS]
        links.append(f"http://localhost:{self.port}/news/offsite.html")
        items = "\n".join(
            f"<item><title>Item {i}</title><link>{link}</link>"
            "<pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate></item>"
            for i, link in enumerate(links)
        )
        body = self._template("feed.xml", base=base, items=items).encode()
        headers = {"ETag": etag, "Last-Modified": "Thu, 02 May 2024 10:00:00 GMT"}
        return self._send(h, 200, body, "application/rss+xml", headers)

    def _trap(self, h: BaseHTTPRequestHandler, path: str, count: int) -> None:
        redirects = {
            "/old-path": (301, "/news/2024/story-2.html"),
            "/loop-a": (302, "/loop-b"),
            "/loop-b": (302, "/loop-a"),
        }
        if path in redirects:
            status, target = redirects[path]
            return self._send(h, status, b"", headers={"Location": target})
        if path == "/gone":
            return self._send(h, 410, b"gone")
        if path == "/broken":
            return self._send(h, 500, b"error")
        if path == "/flaky" and count == 1:
            return self._send(h, 503, b"busy", headers={"Retry-After": "1"})
        if path == "/busy" and count == 1:
            return self._send(h, 429, b"slow down", headers={"Retry-After": "1"})
        if path in ("/flaky", "/busy"):
            return self._send(h, 200, self._article(path, 90 + len(path)).encode())
        if path == "/slow":
            time.sleep(self.config.slow_seconds)
            return self._send(h, 200, self._article(path, 99).encode())
        if path == "/gzipped.html":
            body = gzip.compress(self._article(path, 80).encode())
            return self._send(h, 200, body, headers={"Content-Encoding": "gzip"})
        if path == "/bomb.html":
            return self._send(h, 200, self._bomb, headers={"Content-Encoding": "gzip"})
        if path == "/latin1.html":
            page = self._article(path, 81, charset="utf-8", title="Zürich café reopens")
            return self._send(h, 200, page.encode("latin-1"))
        if path == "/cp1252.html":
            page = self._article(path, 82, charset="windows-1252", title="Señora Núñez “wins”")
            return self._send(h, 200, page.encode("cp1252"), "text/html")
        if path == "/private/secret.html":
            return self._send(h, 200, self._article(path, 83).encode())
        return self._send(h, 404, b"not found")
