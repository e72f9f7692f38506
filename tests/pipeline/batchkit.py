"""Test helpers for archive and batch tests: WARCs built from the fixture pages, and step
functions with injectable misbehaviour (hang, crash, runaway memory) for the sandbox tests."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import os
import threading
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from copydesk.archive.page import Page
from copydesk.archive.write import WarcFileWriter
from copydesk.pipeline.runner import BatchOptions, run_local
from copydesk.pipeline.sandbox import Bounds
from copydesk.pipeline.steps import Outcome, StepOptions, extract_step

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "archive"
ARTICLE_PAGES = ("wire_story.html", "local_news.html", "business_brief.html")
LISTING_PAGE = "section_front.html"
HANG_MARKER = b"<!-- copydesk-test: hang -->"
CRASH_MARKER = b"<!-- copydesk-test: crash -->"
HOG_MARKER = b"<!-- copydesk-test: hog -->"
BASE_TIME = datetime(2024, 3, 4, 12, 0, tzinfo=UTC)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def chunked(data: bytes, size: int = 700) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size])
        for i in range(0, len(data), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def write_mixed_warc(path: Path, *, compression: str = "record", start: int = 0) -> dict[str, int]:
    """A WARC with one of everything a batch meets; returns the expected counts."""
    html = (("Content-Type", "text/html; charset=utf-8"),)
    with WarcFileWriter(str(path), compression="none" if compression == "file" else "record") as w:  # type: ignore[arg-type]
        w.write_warcinfo(path.name, {"software": "copydesk tests"})
        n = start
        for name in ARTICLE_PAGES:
            w.write_request(f"https://news.example/{n}")
            w.write_response(
                f"https://news.example/{n}",
                fixture(name),
                headers=html,
                fetched_at=BASE_TIME + timedelta(hours=n),
            )
            n += 1
        # gzip content coding and chunked transfer coding, as servers send them
        w.write_response(
            f"https://news.example/{n}",
            gzip.compress(fixture("wire_story.html")),
            headers=(*html, ("Content-Encoding", "gzip")),
            fetched_at=BASE_TIME,
        )
        n += 1
        w.write_response(
            f"https://news.example/{n}",
            chunked(fixture("local_news.html")),
            headers=(*html, ("Transfer-Encoding", "chunked")),
            fetched_at=BASE_TIME,
        )
        n += 1
        deflated = zlib.compress(fixture("business_brief.html"))
        w.write_response(
            f"https://blog.other.example/{n}",
            chunked(deflated),
            headers=(*html, ("Transfer-Encoding", "chunked"), ("Content-Encoding", "deflate")),
            fetched_at=BASE_TIME,
        )
        n += 1
        w.write_response(
            f"https://news.example/{n}", fixture(LISTING_PAGE), headers=html, fetched_at=BASE_TIME
        )
        n += 1
        w.write_response(
            f"https://news.example/{n}",
            b"not found",
            status=404,
            headers=html,
            fetched_at=BASE_TIME,
        )
        n += 1
        w.write_response(
            f"https://news.example/{n}.png",
            b"\x89PNG\r\n\x1a\n" + os.urandom(64),
            headers=(("Content-Type", "image/png"),),
            fetched_at=BASE_TIME,
        )
        w.write_revisit("https://news.example/0", refers_to_date=BASE_TIME, fetched_at=BASE_TIME)
        w.write_resource("https://news.example/feed.xml", b"<rss></rss>", "application/rss+xml")
    if compression == "file":
        raw = path.read_bytes()
        path.write_bytes(gzip.compress(raw))
    return {"records": 15, "pages": 9, "articles": 6}


def write_pages_warc(path: Path, bodies: list[bytes], *, host: str = "news.example") -> None:
    html = (("Content-Type", "text/html; charset=utf-8"),)
    compression = "record" if path.name.endswith(".gz") else "none"
    with WarcFileWriter(str(path), compression=compression) as w:  # type: ignore[arg-type]
        for i, body in enumerate(bodies):
            w.write_response(
                f"https://{host}/{path.stem}/{i}",
                body,
                headers=html,
                fetched_at=BASE_TIME + timedelta(minutes=i),
            )


def misbehaving_step(page: Page, options: StepOptions) -> Outcome:
    """extract_step, except for pages carrying a test marker: those hang, crash or hog memory."""
    if HANG_MARKER in page.body:
        time.sleep(3600)
    if CRASH_MARKER in page.body:
        os._exit(3)
    if HOG_MARKER in page.body:
        # One runaway allocation far over the worker's address-space bound.
        hog = bytearray(8 << 30)
        del hog
    return extract_step(page, options)


@contextlib.contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving ``root``; yields its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def batch_main(argv: list[str]) -> None:
    """``python -c`` entry for the kill-and-resume test: OUT TIMEOUT WARC..., misbehaving step."""
    out, timeout, *warcs = argv
    options = BatchOptions(
        out_dir=Path(out), workers=2, step=misbehaving_step, bounds=Bounds(timeout_s=float(timeout))
    )
    run_local(warcs, options)
