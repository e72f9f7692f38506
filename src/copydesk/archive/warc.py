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
            yield from _iter_arc(first, location, max_record_bytes)
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
        truncated=len(block) < length,
    )


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _iter_arc(reader: _Prefetch, location: str, max_record_bytes: int) -> Iterator[Entry]:
    from warcio.archiveiterator import ArchiveIterator as WarcioIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = WarcioIterator(reader, arc2warc=True)
    try:
        for record in records:
            offset = int(records.get_record_offset())
            kind = str(record.rec_type)
            url = record.rec_headers.get_header("WARC-Target-URI")
            length = int(record.length or 0)
            if kind != "response" or url is None:
                yield OtherRecord(kind, location, offset, url=url, length=length)
                continue
            if length > max_record_bytes:
                yield OtherRecord(
                    kind, location, offset, url=url, length=length, reason="too_large"
                )
                continue
            http = record.http_headers
            payload = record.raw_stream.read(max_record_bytes + 1)
            status = _int(http.get_statuscode()) if http is not None else None
            headers = tuple((str(k), str(v)) for k, v in http.headers) if http is not None else ()
            yield Page(
                url=url,
                fetched_at=_arc_date(record.rec_headers.get_header("WARC-Date")),
                status=status,
                headers=headers,
                body=payload,
                warc_file=location,
                warc_offset=offset,
            )
    except ArchiveLoadFailed as exc:
        raise ArchiveFormatError(f"{location}: unreadable ARC structure: {exc}") from exc


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _arc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return _utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None
