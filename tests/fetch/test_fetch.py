"""Decompression limits, robots rules, the fetcher's limits against a real local server, WARC."""

from __future__ import annotations

import asyncio
import gzip
import threading
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import brotli
import pytest

from copydesk.errors import FetchError
from copydesk.fetch.decompress import DecompressionLimit, decode_content, gunzip_file_body
from copydesk.fetch.http import Fetcher, FetchOptions, FetchResult
from copydesk.fetch.robots import RobotsRules
from copydesk.fetch.warc import WarcWriter, read_response


def test_decode_content_roundtrips() -> None:
    text = b"<p>hello</p>" * 100
    assert decode_content(gzip.compress(text), "gzip", 10_000) == text
    assert decode_content(zlib.compress(text), "deflate", 10_000) == text
    assert decode_content(zlib.compress(text)[2:-4], "deflate", 10_000) == text  # raw deflate
    assert decode_content(brotli.compress(text), "br", 10_000) == text
    assert decode_content(gzip.compress(brotli.compress(text)), "br, gzip", 10_000) == text
    assert decode_content(text, None, 10_000) == text


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_bombs_refused(coding: str) -> None:
    raw = b"\0" * 20_000_000
    packed = {
        "gzip": gzip.compress,
        "deflate": zlib.compress,
        "br": brotli.compress,
    }[coding](raw)
    assert len(packed) < 100_000
    with pytest.raises(DecompressionLimit):
        decode_content(packed, coding, 1_000_000)


def test_corrupt_and_unknown_encodings() -> None:
    with pytest.raises(FetchError):
        decode_content(b"not gzip at all", "gzip", 1000)
    with pytest.raises(FetchError):
        decode_content(b"x", "compress", 1000)
    assert gunzip_file_body(b"plain", 10) == b"plain"
    with pytest.raises(DecompressionLimit):
        gunzip_file_body(gzip.compress(b"a" * 1000), 10)


def test_robots_rules() -> None:
    body = b"User-agent: *\nDisallow: /private/\nCrawl-delay: 500\nSitemap: https://e.com/s.xml\n"
    rules = RobotsRules.from_response(200, body)
    assert not rules.allowed("https://e.com/private/x", "copydesk/0.1")
    assert rules.allowed("https://e.com/news/x", "copydesk/0.1")
    assert rules.crawl_delay("copydesk/0.1") == 60.0  # capped
    assert rules.sitemaps() == ["https://e.com/s.xml"]
    assert RobotsRules.from_response(404, b"").allowed("https://e.com/private/x", "ua")
    assert not RobotsRules.from_response(503, b"").allowed("https://e.com/", "ua")
    assert not RobotsRules.from_response(None, b"").allowed("https://e.com/", "ua")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        routes = {
            "/big": (200, b"x" * 300_000, {}),
            "/chunky": (200, b"y" * 300_000, {"Transfer-Encoding": "chunked"}),
            "/r1": (301, b"", {"Location": "/r2"}),
            "/r2": (302, b"", {"Location": "/ok"}),
            "/ok": (200, b"<html>ok</html>", {"ETag": '"e"'}),
            "/off": (302, b"", {"Location": "http://localhost:1/x"}),
            "/ftp": (302, b"", {"Location": "ftp://x/y"}),
            "/many": (302, b"", {"Location": "/many2"}),
        }
        if self.path.startswith("/many"):
            n = len(self.path)
            routes[self.path] = (302, b"", {"Location": "/many" + "x" * n})
        status, body, headers = routes.get(self.path, (404, b"nope", {}))
        self.send_response(status)
        chunked = headers.pop("Transfer-Encoding", None)
        for key, value in headers.items():
            self.send_header(key, value)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(body), 50_000):
                part = body[start : start + 50_000]
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _fetch(url: str, **kw: Any) -> FetchResult:
    async def go() -> FetchResult:
        options = FetchOptions(user_agent="copydesk-test/0 (+http://x)", **kw)
        async with Fetcher(options) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(go())


def test_fetch_limits_and_redirects(server: str) -> None:
    assert _fetch(server + "/big", max_body=100_000).error is not None
    chunky = _fetch(server + "/chunky", max_body=100_000)
    assert chunky.error is not None and "exceeds" in chunky.error
    ok = _fetch(server + "/r1")
    assert ok.status == 200 and ok.final_url == server + "/ok" and len(ok.exchanges) == 3
    assert ok.header("etag") == '"e"'
    off = _fetch(server + "/off")
    assert off.redirect_to == "http://localhost:1/x" and off.body == b""
    assert _fetch(server + "/ftp").error == "redirect to non-http"
    assert _fetch(server + "/many").error == "too many redirects"
    assert _fetch("file:///etc/passwd").error == "not http(s)"
    refused = _fetch("http://127.0.0.1:1/")
    assert refused.status is None and refused.error


def test_warc_roundtrip(server: str, tmp_path: Path) -> None:
    result = _fetch(server + "/r1")
    with WarcWriter(tmp_path / "w", base=tmp_path, software="t", max_bytes=400) as writer:
        refs = [writer.write(ex) for ex in result.exchanges]
    assert len({file for file, _ in refs}) == 3  # rotated at 400 bytes
    url, status, headers, body = read_response(tmp_path / refs[-1][0], refs[-1][1])
    assert (url, status, body) == (server + "/ok", 200, b"<html>ok</html>")
    assert ("ETag", '"e"') in headers


def test_iter_responses_offsets_and_torn_tail(server: str, tmp_path: Path) -> None:
    result = _fetch(server + "/r1")
    with WarcWriter(tmp_path / "w", base=tmp_path, software="t") as writer:
        refs = [writer.write(ex) for ex in result.exchanges]
    path = tmp_path / refs[0][0]
    from copydesk.fetch.warc import iter_responses

    seen = [(offset, url, status) for offset, url, status, *_ in iter_responses(path)]
    assert [s[0] for s in seen] == [offset for _, offset in refs]
    assert [s[2] for s in seen] == [301, 302, 200]
    bodies = [body for *_, body in iter_responses(path)]
    assert bodies[-1] == b"<html>ok</html>"
    later = [offset for offset, *_ in iter_responses(path, refs[1][1])]
    assert later == [refs[1][1], refs[2][1]]
    # a crash mid-record: the scan stops at the torn record, earlier ones are intact
    data = path.read_bytes()
    path.write_bytes(data[: refs[2][1] + 40])
    assert [s for _, _, s, *_ in iter_responses(path)] == [301, 302]
