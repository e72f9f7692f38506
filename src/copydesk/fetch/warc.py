"""Rotating WARC writer: every exchange becomes a request + response record pair (warcio).

Files live beside the store (``<store>.warc/``), one new file per run and per ``max_bytes``, so a
file cut short by a crash is never appended to. Each record is its own gzip member; the offset
of a response record is what the store keeps, so one page can be read back with a seek.
"""

from __future__ import annotations

import io
import os
import uuid
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from copydesk.fetch.http import Exchange

# Rotation size: 1 GB is the common WARC file size (Heritrix, CC-NEWS); big enough to keep file
# counts low, small enough to move around.
WARC_MAX_BYTES = 1_000_000_000
# gzip level of each record. warcio uses 9; on HTML, level 6 is about 2-3x faster for ~1% larger
# files (measured with bench/crawl.py pages), and WARC writing is on the crawler's hot path.
WARC_GZIP_LEVEL = 6
# Hop-by-hop / framing headers that no longer describe the stored payload (aiohttp de-chunked it).
_DROP_HEADERS = frozenset({"transfer-encoding"})


class WarcWriter:
    """Writes request/response pairs; ``write(exchange) -> (relative_file, response_offset)``."""

    def __init__(
        self, directory: Path, *, base: Path, software: str, max_bytes: int = WARC_MAX_BYTES
    ) -> None:
        self.directory = directory
        self.base = base
        self.software = software
        self.max_bytes = max_bytes
        self._file: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._path: Path | None = None
        self._seq = 0
        self._buffer = io.BytesIO()
        self._stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            self._writer = None

    def _open(self) -> WARCWriter:
        if self._writer is not None and self._file is not None:
            if self._file.tell() < self.max_bytes:
                return self._writer
            self.close()
        self.directory.mkdir(parents=True, exist_ok=True)
        while True:
            # Two runs may start in the same second in one process (or reuse a pid): "xb" never
            # appends to an existing file, the sequence number moves on instead.
            self._seq += 1
            name = f"copydesk-{self._stamp}-{os.getpid()}-{self._seq:05d}.warc.gz"
            self._path = self.directory / name
            try:
                self._file = open(self._path, "xb")  # noqa: SIM115 - held open across writes
            except FileExistsError:
                continue
            break
        # Records are serialised uncompressed into a buffer, then gzipped here one member each.
        self._buffer = io.BytesIO()
        self._writer = WARCWriter(self._buffer, gzip=False)
        info = self._writer.create_warcinfo_record(
            name, {"software": self.software, "format": "WARC File Format 1.1"}
        )
        self._write_member(info)
        return self._writer

    def _write_member(self, record: object) -> None:
        assert self._writer is not None and self._file is not None
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.write_record(record)
        packer = zlib.compressobj(WARC_GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        self._file.write(packer.compress(self._buffer.getvalue()) + packer.flush())

    def write(self, exchange: Exchange, *, fetched_at: datetime | None = None) -> tuple[str, int]:
        writer = self._open()
        assert self._file is not None and self._path is not None
        when = (fetched_at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts = urlsplit(exchange.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request_headers = StatusAndHeaders(
            f"GET {target} HTTP/1.1",
            [("Host", parts.netloc), *exchange.request_headers],
            is_http_request=True,
        )
        response_headers = StatusAndHeaders(
            f"{exchange.status} {exchange.reason}".strip(),
            [(k, v) for k, v in exchange.response_headers if k.lower() not in _DROP_HEADERS],
            protocol=f"HTTP/{exchange.http_version}",
        )
        response_id = f"<urn:uuid:{uuid.uuid4()}>"
        response = writer.create_warc_record(
            exchange.url,
            "response",
            payload=io.BytesIO(exchange.raw_body),
            length=len(exchange.raw_body),
            http_headers=response_headers,
            warc_headers_dict={"WARC-Date": when, "WARC-Record-ID": response_id},
        )
        request = writer.create_warc_record(
            exchange.url,
            "request",
            payload=io.BytesIO(b""),
            length=0,
            http_headers=request_headers,
            warc_headers_dict={"WARC-Date": when, "WARC-Concurrent-To": response_id},
        )
        offset = self._file.tell()
        self._write_member(response)
        self._write_member(request)
        # Flushed to the OS before the store commits the pointer: a kill -9 after this line
        # cannot leave a stored article pointing at a record that is not in the file.
        self._file.flush()
        return os.path.relpath(self._path, self.base), offset


def read_response(path: Path, offset: int) -> tuple[str, int, list[tuple[str, str]], bytes]:
    """Read one response record: (url, status, headers, raw body as received)."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        handle.seek(offset)
        for record in ArchiveIterator(handle):
            if record.rec_type != "response":
                break
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            status = int((record.http_headers.get_statuscode() or "0")[:3])
            headers = list(record.http_headers.headers)
            body = record.raw_stream.read()
            return url, status, headers, body
    raise ValueError(f"no response record at {path}:{offset}")


def iter_responses(
    path: Path, start: int = 0
) -> Iterator[tuple[int, str, int, str, list[tuple[str, str]], bytes]]:
    """(offset, url, status, reason, headers, raw body) of each response record from ``start``.

    Stops quietly at a truncated or corrupt tail (a file cut short by a crash).
    """
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        handle.seek(start)
        records = ArchiveIterator(handle)
        try:
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                # The body first: asking warcio for the offset ends the record's stream.
                body = record.raw_stream.read()
                offset = records.get_record_offset()  # absolute: warcio reads tell()
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                status_line = record.http_headers.get_statuscode() or "0"
                reason = record.http_headers.statusline.partition(" ")[2]
                status = int(status_line[:3]) if status_line[:3].isdigit() else 0
                yield offset, url, status, reason, list(record.http_headers.headers), body
        except Exception:  # a torn tail ends the scan; it is not an error
            return
