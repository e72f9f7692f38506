"""Streaming WARC and ARC reading: archive in, :class:`Page` records out.

WARC goes through fastwarc (C++, 2.3x warcio on .warc.gz as measured for DESIGN.md) with its
lenient mode, so a record with a lying Content-Length costs that record (and at worst the next),
not the file. ARC, a format fastwarc does not read, goes through warcio. Records are read one at a
time; a record's block is read only when it is a response no larger than ``max_record_bytes``.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from datetime import UTC, datetime
from typing import Any, cast

from fastwarc.warc import ArchiveIterator as FastIterator
from fastwarc.warc import WarcRecordType

from copydesk.archive.http import split_response
from copydesk.archive.page import OtherRecord, Page
from copydesk.archive.source import GZIP_MAGIC, MemberGunzip, Readable, open_source
from copydesk.errors import SourceError

# Records whose block is larger than this are not read (their bytes are skipped in the stream)
# and come out as OtherRecord(reason="too_large"). News pages are < 2 MB; Common Crawl truncates
# at 1 MiB (CC-NEWS at 1 MiB too); 16 MB keeps every real page and bounds a reader's memory.
MAX_RECORD_BYTES = 16 << 20
# An ARC header line longer than this is not a header line (real ones are < 2 KB; URLs < 8 KB).
MAX_ARC_LINE = 1 << 16

Entry = Page | OtherRecord


class ArchiveFormatError(SourceError):
    """The archive's bytes are not a readable WARC/ARC (from the start or past some point)."""


# fastwarc's record-type enum is not hashable; its int values are.
_RECORD_TYPE_NAMES = {
    int(getattr(WarcRecordType, name)): name
    for name in (
        "warcinfo",
        "response",
        "resource",
        "request",
        "metadata",
        "revisit",
        "conversion",
        "continuation",
    )
}


def is_arc_name(location: str) -> bool:
    name = location.lower()
    return name.endswith((".arc", ".arc.gz"))


def iter_pages(location: str, *, max_record_bytes: int = MAX_RECORD_BYTES) -> Iterator[Page]:
    """The HTTP responses in a WARC/ARC file (path or http(s) URL), in file order, streamed."""
    for entry in iter_entries(location, max_record_bytes=max_record_bytes):
        if isinstance(entry, Page):
            yield entry


def iter_entries(
    location: str, *, max_record_bytes: int = MAX_RECORD_BYTES
) -> Generator[Entry, None, None]:
    """Every record of an archive: a :class:`Page` for each readable HTTP response and an
    :class:`OtherRecord` for everything else (so callers can count what they skip).

    Raises :class:`SourceError` when the source cannot be opened or read, or is not an archive.
    A malformed record is skipped; an archive that ends mid-record yields that record with
    ``truncated=True``.
    """
    stream = open_source(location)
    try:
        head = stream.peek(2)
        reader: Readable = stream
        gunzip: MemberGunzip | None = None
        if head == GZIP_MAGIC:
            gunzip = MemberGunzip(stream)
            reader = gunzip
        first = _Prefetch(reader)
        magic = first.peek(12)
        if magic.startswith(b"filedesc://") or (
            is_arc_name(location) and not magic.startswith(b"WARC/")
        ):
            yield from _iter_arc(first, gunzip, location, max_record_bytes)
        elif magic.startswith(b"WARC/"):
            yield from _iter_warc(first, gunzip, location, max_record_bytes)
        elif magic:
            raise ArchiveFormatError(f"{location}: not a WARC or ARC file")
    finally:
        stream.close()


class _Prefetch:
    """Lets the format be sniffed without losing the first bytes of a non-seekable stream, and
    counts the bytes handed out (fastwarc asks a Python stream for ``tell()``)."""

    def __init__(self, inner: Readable) -> None:
        self._inner = inner
        self._head = b""
        self._pos = 0

    def tell(self) -> int:
        return self._pos

    def readable(self) -> bool:
        return True

    def peek(self, size: int) -> bytes:
        while len(self._head) < size:
            chunk = self._inner.read(size - len(self._head))
            if not chunk:
                break
            self._head += chunk
        return self._head[:size]

    def read(self, size: int = -1, /) -> bytes:
        out = self._read(size)
        self._pos += len(out)
        return out

    def _read(self, size: int) -> bytes:
        if not self._head:
            return self._inner.read(size)
        if 0 <= size < len(self._head):
            out, self._head = self._head[:size], self._head[size:]
            return out
        out, self._head = self._head, b""
        return out + (self._inner.read(size - len(out)) if size != len(out) else b"")


def _iter_warc(
    reader: _Prefetch, gunzip: MemberGunzip | None, location: str, max_record_bytes: int
) -> Iterator[Entry]:
    records = FastIterator(
        cast(Any, reader),
        parse_http=False,
        quirks_mode=True,
        stream_detect=False,
        fsspec_args=False,
    )
    try:
        for record in records:
            offset = int(record.stream_pos)
            if gunzip is not None:
                member = gunzip.member_offset(offset)
                if member is not None:
                    offset = member
            yield _warc_entry(record, location, offset, max_record_bytes)
    except (KeyboardInterrupt, SystemExit, GeneratorExit, SourceError):
        raise
    except BaseException as exc:
        # fastwarc raises OSError for unreadable structure even in lenient mode (garbage where
        # a header should be), and its Rust core can panic (a BaseException) on odd streams:
        # either way the file is unreadable from here on; the caller keeps what it has.
        if isinstance(exc.__cause__, SourceError):
            raise exc.__cause__ from None
        raise ArchiveFormatError(f"{location}: unreadable WARC structure: {exc}") from exc
    if gunzip is not None and gunzip.truncated:
        # Everything readable has been yielded; say that the file was cut (a partial last
        # record may have been dropped by the WARC parser without a trace otherwise).
        raise ArchiveFormatError(f"{location}: the file ends inside a gzip member (truncated)")


def _warc_entry(record: Any, location: str, offset: int, max_record_bytes: int) -> Entry:
    kind = _RECORD_TYPE_NAMES.get(int(record.record_type), "unknown")
    url = record.headers.get("WARC-Target-URI")
    length = int(record.content_length)
    if kind != "response" or url is None:
        return OtherRecord(kind, location, offset, url=url, length=length)
    if length > max_record_bytes:
        return OtherRecord(kind, location, offset, url=url, length=length, reason="too_large")
    block = record.reader.read(length)
    status, headers, payload = split_response(block)
    date = record.record_date
    return Page(
        url=url.strip("<> "),
        fetched_at=_utc(date),
        status=status,
        headers=headers,
        body=payload,
        warc_file=location,
        warc_offset=offset,
        record_type=kind,
        # A record without Content-Length is a header cut off by the end of the file.
        truncated=len(block) < length or record.headers.get("Content-Length") is None,
    )


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _iter_arc(
    reader: _Prefetch, gunzip: MemberGunzip | None, location: str, max_record_bytes: int
) -> Iterator[Entry]:
    """ARC v1/v2: a header line ``URL IP DATE TYPE LENGTH`` (v2 has more fields, LENGTH last),
    then LENGTH bytes (the HTTP response), then a newline. The first record is the file header.
    Our own reader: the format is a line and a length, and warcio's ARC path lost payloads."""
    lines = _LineReader(reader)
    while True:
        offset = lines.position
        line = lines.readline()
        if not line:
            if gunzip is not None and gunzip.truncated:
                raise ArchiveFormatError(f"{location}: the file ends inside a gzip member")
            return
        if not line.strip():
            continue
        fields = line.decode("latin-1").split()
        if gunzip is not None:
            member = gunzip.member_offset(offset)
            offset = member if member is not None else offset
        try:
            length = int(fields[-1])
        except (ValueError, IndexError):
            raise ArchiveFormatError(f"{location}: bad ARC header line at {offset}") from None
        url = fields[0]
        if url.startswith("filedesc://") or len(fields) < 5:
            lines.skip(length)
            yield OtherRecord("warcinfo", location, offset, length=length)
            continue
        if length > max_record_bytes:
            lines.skip(length)
            yield OtherRecord(
                "response", location, offset, url=url, length=length, reason="too_large"
            )
            continue
        block = lines.read(length)
        status, headers, payload = split_response(block)
        yield Page(
            url=url,
            fetched_at=_arc_date(fields[2]),
            status=status,
            headers=headers,
            body=payload,
            warc_file=location,
            warc_offset=offset,
            truncated=len(block) < length,
        )


class _LineReader:
    """Buffered line and block reads over a plain read() stream, counting the position."""

    def __init__(self, inner: Readable) -> None:
        self._inner = inner
        self._buffer = b""
        self.position = 0

    def _fill(self) -> bool:
        chunk = self._inner.read(1 << 16)
        self._buffer += chunk
        return bool(chunk)

    def readline(self) -> bytes:
        while b"\n" not in self._buffer[:MAX_ARC_LINE] and len(self._buffer) < MAX_ARC_LINE:
            if not self._fill():
                break
        end = self._buffer.find(b"\n", 0, MAX_ARC_LINE)
        end = len(self._buffer[:MAX_ARC_LINE]) if end < 0 else end + 1
        line, self._buffer = self._buffer[:end], self._buffer[end:]
        self.position += len(line)
        return line

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size and self._fill():
            pass
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        self.position += len(out)
        return out

    def skip(self, size: int) -> None:
        while size > 0:
            step = self.read(min(size, 1 << 20))
            if not step:
                return
            size -= len(step)


def _arc_date(value: str) -> datetime | None:
    """ARC dates are 14-digit UTC timestamps (YYYYMMDDhhmmss)."""
    try:
        return datetime.strptime(value[:14], "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None
