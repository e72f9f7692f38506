"""The one WARC writer: offsets it returns point at readable records, in both compressions."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from copydesk.archive import WarcFileWriter, iter_pages
from copydesk.archive.write import WarcOutput

WHEN = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)


def _record_at(data: bytes, offset: int) -> tuple[str, str, bytes]:
    stream = io.BytesIO(data)
    stream.seek(offset)
    record = next(iter(ArchiveIterator(stream)))
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    return record.rec_type, uri, record.raw_stream.read()


@pytest.mark.parametrize("compression", ["record", "none"])
def test_offsets_point_at_their_records(compression: str) -> None:
    stream = io.BytesIO()
    out = WarcOutput(stream, compression=compression)  # type: ignore[arg-type]
    out.write_warcinfo("x.warc", {"software": "test"})
    first = out.write_response("https://example.org/a", b"<p>first page</p>", fetched_at=WHEN)
    second = out.write_exchange(
        "https://example.org/b?x=1",
        request_headers=(("User-Agent", "copydesk-test"),),
        status=404,
        reason="Not Found",
        response_headers=(("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")),
        raw_body=b"<p>gone</p>",
        fetched_at=WHEN,
    )
    data = stream.getvalue()
    assert data[:2] == (b"\x1f\x8b" if compression == "record" else b"WA")
    assert _record_at(data, first) == ("response", "https://example.org/a", b"<p>first page</p>")
    assert _record_at(data, second) == ("response", "https://example.org/b?x=1", b"<p>gone</p>")


def test_exchange_is_response_then_concurrent_request(tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    with WarcFileWriter(str(path)) as out:
        out.write_exchange(
            "https://example.org/story?id=7",
            request_headers=(("User-Agent", "copydesk-test"),),
            status=200,
            reason="OK",
            response_headers=(("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")),
            raw_body=b"<html><p>Story</p></html>",
            fetched_at=WHEN,
        )
    with open(path, "rb") as handle:
        records = [(r.rec_type, r.rec_headers, r.http_headers) for r in ArchiveIterator(handle)]
    (kind1, warc1, http1), (kind2, warc2, http2) = records
    assert (kind1, kind2) == ("response", "request")
    assert warc2.get_header("WARC-Concurrent-To") == warc1.get_header("WARC-Record-ID")
    assert warc1.get_header("WARC-Date") == "2026-03-04T05:06:07Z"
    # The payload was de-chunked by the client: the framing header no longer describes it.
    assert http1.get_header("Transfer-Encoding") is None
    assert (http2.protocol, http2.statusline) == ("GET", "/story?id=7 HTTP/1.1")
    assert http2.get_header("Host") == "example.org"
    pages = list(iter_pages(str(path)))
    assert [p.url for p in pages] == ["https://example.org/story?id=7"]
