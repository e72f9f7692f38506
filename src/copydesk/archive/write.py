"""Writing WARC files (warcio): fetched responses, revisits, warcinfo and other records.

Used by the crawler to archive what it fetches and by tests and benchmarks to build archives. The
body given is stored as the HTTP payload exactly (chunked or gzip-encoded if the headers say so),
which is what a faithful archive holds.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from types import TracebackType
from typing import BinaryIO, Literal

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

Compression = Literal["record", "none"]


def _warc_date(value: datetime | None) -> str:
    moment = (value or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class WarcOutput:
    """Appends records to a binary stream; ``compression="record"`` gzips each record (the
    .warc.gz convention that allows random access by offset)."""

    def __init__(self, stream: BinaryIO, *, compression: Compression = "record") -> None:
        self._writer = WARCWriter(stream, gzip=compression == "record")

    def write_warcinfo(self, filename: str, info: dict[str, str]) -> None:
        self._writer.write_record(self._writer.create_warcinfo_record(filename, info))

    def write_response(
        self,
        url: str,
        body: bytes,
        *,
        status: int = 200,
        headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),),
        fetched_at: datetime | None = None,
    ) -> None:
        status_line = f"{status} {_REASONS.get(status, 'Status')}"
        http = StatusAndHeaders(status_line, list(headers), protocol="HTTP/1.1")
        record = self._writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": _warc_date(fetched_at)},
        )
        self._writer.write_record(record)

    def write_request(self, url: str, *, fetched_at: datetime | None = None) -> None:
        http = StatusAndHeaders(
            f"GET {url} HTTP/1.1", [("User-Agent", "copydesk")], is_http_request=True
        )
        record = self._writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            length=0,
            http_headers=http,
            warc_headers_dict={"WARC-Date": _warc_date(fetched_at)},
        )
        self._writer.write_record(record)

    def write_revisit(
        self, url: str, *, refers_to_date: datetime, fetched_at: datetime | None = None
    ) -> None:
        record = self._writer.create_revisit_record(
            url,
            digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            refers_to_uri=url,
            refers_to_date=_warc_date(refers_to_date),
            http_headers=StatusAndHeaders("304 Not Modified", [], protocol="HTTP/1.1"),
        )
        record.rec_headers.replace_header("WARC-Date", _warc_date(fetched_at))
        self._writer.write_record(record)

    def write_resource(self, url: str, body: bytes, content_type: str) -> None:
        record = self._writer.create_warc_record(
            url,
            "resource",
            payload=io.BytesIO(body),
            length=len(body),
            warc_content_type=content_type,
        )
        self._writer.write_record(record)


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
