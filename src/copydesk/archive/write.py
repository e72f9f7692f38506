"""Writing WARC files (warcio records): the one writer behind the crawler's rotating archive
(``fetch/warc.py``), and the tool tests and benchmarks use to build archives.

The body given is stored as the HTTP payload exactly (chunked or gzip-encoded if the headers say
so), which is what a faithful archive holds. With ``compression="record"`` each record is its own
gzip member, written here rather than by warcio so that the offset of every record is known as it
is written (the store keeps it and reads one page back with a seek).
"""

from __future__ import annotations

import io
import uuid
import zlib
from datetime import UTC, datetime
from types import TracebackType
from typing import BinaryIO, Literal
from urllib.parse import urlsplit

from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

_REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    304: "Not Modified",
    403: "Forbidden",
    404: "Not Found",
    410: "Gone",
    500: "Internal Server Error",
}
# gzip level of each record. warcio uses 9; on HTML, level 6 is about 2-3x faster for ~1% larger
# files (measured with bench/crawl.py pages), and WARC writing is on the crawler's hot path.
WARC_GZIP_LEVEL = 6
# Hop-by-hop / framing headers that no longer describe the stored payload (the HTTP client
# de-chunked it).
_DROP_HEADERS = frozenset({"transfer-encoding"})

Compression = Literal["record", "none"]


def _warc_date(value: datetime | None) -> str:
    moment = (value or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class WarcOutput:
    """Appends records to a binary stream; ``compression="record"`` gzips each record (the
    .warc.gz convention that allows random access by offset). Each ``write_*`` returns the
    stream offset at which its record starts."""

    def __init__(self, stream: BinaryIO, *, compression: Compression = "record") -> None:
        self._stream = stream
        self._gzip = compression == "record"
        # Records are serialised uncompressed into this buffer, then written (gzipped or not)
        # as one unit, so a record is never half-written by the serialiser.
        self._buffer = io.BytesIO()
        self._writer = WARCWriter(self._buffer, gzip=False)

    def tell(self) -> int:
        return self._stream.tell()

    def flush(self) -> None:
        self._stream.flush()

    def write_record(self, record: ArcWarcRecord) -> int:
        offset = self._stream.tell()
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.write_record(record)
        data = self._buffer.getvalue()
        if self._gzip:
            packer = zlib.compressobj(WARC_GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
            data = packer.compress(data) + packer.flush()
        self._stream.write(data)
        return offset

    def write_warcinfo(self, filename: str, info: dict[str, str]) -> int:
        return self.write_record(self._writer.create_warcinfo_record(filename, info))

    def write_response(
        self,
        url: str,
        body: bytes,
        *,
        status: int = 200,
        headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),),
        fetched_at: datetime | None = None,
    ) -> int:
        status_line = f"{status} {_REASONS.get(status, 'Status')}"
        http = StatusAndHeaders(status_line, list(headers), protocol="HTTP/1.1")
        return self.write_record(self._http_record(url, "response", body, http, fetched_at))

    def write_request(self, url: str, *, fetched_at: datetime | None = None) -> int:
        http = StatusAndHeaders(
            f"GET {url} HTTP/1.1", [("User-Agent", "copydesk")], is_http_request=True
        )
        return self.write_record(self._http_record(url, "request", b"", http, fetched_at))

    def write_exchange(
        self,
        url: str,
        *,
        request_headers: tuple[tuple[str, str], ...],
        status: int,
        reason: str,
        response_headers: tuple[tuple[str, str], ...],
        raw_body: bytes,
        http_version: str = "1.1",
        fetched_at: datetime | None = None,
    ) -> int:
        """A fetched exchange as it went over the wire: a response record, then its request
        (``WARC-Concurrent-To`` the response). Returns the response record's offset."""
        host, target = _request_target(url)
        request_http = StatusAndHeaders(
            f"GET {target} HTTP/1.1", [("Host", host), *request_headers], is_http_request=True
        )
        response_http = StatusAndHeaders(
            f"{status} {reason}".strip(),
            [(k, v) for k, v in response_headers if k.lower() not in _DROP_HEADERS],
            protocol=f"HTTP/{http_version}",
        )
        response_id = f"<urn:uuid:{uuid.uuid4()}>"
        response = self._http_record(
            url, "response", raw_body, response_http, fetched_at, {"WARC-Record-ID": response_id}
        )
        request = self._http_record(
            url, "request", b"", request_http, fetched_at, {"WARC-Concurrent-To": response_id}
        )
        offset = self.write_record(response)
        self.write_record(request)
        return offset

    def _http_record(
        self,
        url: str,
        kind: str,
        payload: bytes,
        http: StatusAndHeaders,
        fetched_at: datetime | None,
        extra: dict[str, str] | None = None,
    ) -> ArcWarcRecord:
        return self._writer.create_warc_record(
            url,
            kind,
            payload=io.BytesIO(payload),
            length=len(payload),
            http_headers=http,
            warc_headers_dict={"WARC-Date": _warc_date(fetched_at), **(extra or {})},
        )

    def write_revisit(
        self, url: str, *, refers_to_date: datetime, fetched_at: datetime | None = None
    ) -> int:
        record = self._writer.create_revisit_record(
            url,
            digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            refers_to_uri=url,
            refers_to_date=_warc_date(refers_to_date),
            http_headers=StatusAndHeaders("304 Not Modified", [], protocol="HTTP/1.1"),
        )
        record.rec_headers.replace_header("WARC-Date", _warc_date(fetched_at))
        return self.write_record(record)

    def write_resource(self, url: str, body: bytes, content_type: str) -> int:
        record = self._writer.create_warc_record(
            url,
            "resource",
            payload=io.BytesIO(body),
            length=len(body),
            warc_content_type=content_type,
        )
        return self.write_record(record)


def _request_target(url: str) -> tuple[str, str]:
    """(host, request target) of a URL: what the Host header and the request line carry."""
    parts = urlsplit(url)
    return parts.netloc, (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


class WarcFileWriter(WarcOutput):
    """:class:`WarcOutput` over a file it opens and closes (a context manager)."""

    def __init__(self, path: str, *, compression: Compression = "record") -> None:
        self._file = open(path, "wb")  # noqa: SIM115 - closed in __exit__/close
        super().__init__(self._file, compression=compression)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> WarcFileWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
