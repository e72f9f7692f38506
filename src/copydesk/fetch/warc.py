"""Rotating WARC writer: every exchange becomes a response + request record pair.

Files live beside the store (``<store>.warc/``), one new file per run and per ``max_bytes``, so a
file cut short by a crash is never appended to. Each record is its own gzip member; the offset
of a response record is what the store keeps, so one page can be read back with a seek.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from copydesk.archive.write import WarcOutput
from copydesk.fetch.http import Exchange

# Rotation size: 1 GB is the common WARC file size (Heritrix, CC-NEWS); big enough to keep file
# counts low, small enough to move around.
WARC_MAX_BYTES = 1_000_000_000


class WarcWriter:
    """Writes request/response pairs; ``write(exchange) -> (relative_file, response_offset)``.
    The records themselves are written by :class:`copydesk.archive.write.WarcOutput`; this class
    adds the file naming and rotation."""

    def __init__(
        self, directory: Path, *, base: Path, software: str, max_bytes: int = WARC_MAX_BYTES
    ) -> None:
        self.directory = directory
        self.base = base
        self.software = software
        self.max_bytes = max_bytes
        self._file: BinaryIO | None = None
        self._output: WarcOutput | None = None
        self._path: Path | None = None
        self._seq = 0
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
            self._output = None

    def _open(self) -> tuple[WarcOutput, Path]:
        if self._output is not None and self._path is not None:
            if self._output.tell() < self.max_bytes:
                return self._output, self._path
            self.close()
        self.directory.mkdir(parents=True, exist_ok=True)
        while True:
            # Two runs may start in the same second in one process (or reuse a pid): "xb" never
            # appends to an existing file, the sequence number moves on instead.
            self._seq += 1
            name = f"copydesk-{self._stamp}-{os.getpid()}-{self._seq:05d}.warc.gz"
            path = self.directory / name
            try:
                self._file = open(path, "xb")  # noqa: SIM115 - held open across writes
            except FileExistsError:
                continue
            break
        self._path = path
        self._output = WarcOutput(self._file, compression="record")
        self._output.write_warcinfo(
            name, {"software": self.software, "format": "WARC File Format 1.1"}
        )
        return self._output, path

    def write(self, exchange: Exchange, *, fetched_at: datetime | None = None) -> tuple[str, int]:
        output, path = self._open()
        offset = output.write_exchange(
            exchange.url,
            request_headers=exchange.request_headers,
            status=exchange.status,
            reason=exchange.reason,
            response_headers=exchange.response_headers,
            raw_body=exchange.raw_body,
            http_version=exchange.http_version,
            fetched_at=fetched_at,
        )
        # Flushed to the OS before the store commits the pointer: a kill -9 after this line
        # cannot leave a stored article pointing at a record that is not in the file.
        output.flush()
        return os.path.relpath(path, self.base), offset


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
