"""Opening archive inputs as byte streams: local files and http(s) URLs, read as streams.

Nothing here reads a whole file: remote WARCs are streamed from the socket, gzip is inflated in
bounded steps. Errors opening or reading a source raise :class:`copydesk.errors.SourceError`.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from typing import BinaryIO, Protocol

from copydesk.errors import SourceError

# Compressed bytes read from the source per step. 256 KB amortises Python call overhead (one call
# per step) while keeping the in-flight buffer small.
READ_STEP = 1 << 18
# Compressed bytes given to zlib per call (see MemberGunzip._step).
FEED_STEP = 1 << 15
# Uncompressed bytes produced per inflate call: bounds memory even if a member is a gzip bomb.
INFLATE_STEP = 1 << 20
# Socket timeout for remote WARCs: a stalled server fails the shard (which a re-run retries)
# instead of hanging the batch.
HTTP_TIMEOUT_S = 60.0
USER_AGENT = "copydesk-batch/0.1 (+https://example.invalid/copydesk)"
GZIP_MAGIC = b"\x1f\x8b"


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


class _SourceStream:
    """A raw stream that turns transport errors into SourceError and can be peeked at."""

    def __init__(self, raw: BinaryIO, location: str, expected: int | None = None) -> None:
        self._raw = raw
        self._location = location
        self._peeked = b""
        # Bytes the server announced (Content-Length): urllib returns b"" instead of raising
        # when a connection closes early, which would pass a cut file off as a whole one.
        self._expected = expected
        self._received = 0

    def peek(self, size: int) -> bytes:
        while len(self._peeked) < size:
            chunk = self._read_raw(size - len(self._peeked))
            if not chunk:
                break
            self._peeked += chunk
        return self._peeked[:size]

    def _read_raw(self, size: int) -> bytes:
        chunk = self._read_checked(size)
        self._received += len(chunk)
        cut = self._expected is not None and self._received < self._expected
        if not chunk and size != 0 and cut:
            raise SourceError(
                f"{self._location}: read failed: connection closed after "
                f"{self._received} of {self._expected} bytes"
            )
        return chunk

    def _read_checked(self, size: int) -> bytes:
        try:
            return self._raw.read(size)
        except (OSError, urllib.error.URLError, http.client.HTTPException) as exc:
            # HTTPException: IncompleteRead when the server closes before Content-Length.
            raise SourceError(f"{self._location}: read failed: {exc!r}") from exc

    def read(self, size: int = -1, /) -> bytes:
        if self._peeked:
            if size < 0 or size >= len(self._peeked):
                head, self._peeked = self._peeked, b""
                rest = self._read_raw(size - len(head)) if size > len(head) else b""
                return head + rest
            head, self._peeked = self._peeked[:size], self._peeked[size:]
            return head
        return self._read_raw(size)

    def close(self) -> None:
        self._raw.close()


def open_source(location: str) -> _SourceStream:
    """Open a local path or an http(s) URL for streaming reads."""
    try:
        if is_url(location):
            request = urllib.request.Request(location, headers={"User-Agent": USER_AGENT})
            response = urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_S)
            length = response.headers.get("Content-Length")
            expected = int(length) if length and length.isdigit() else None
            return _SourceStream(response, location, expected)
        raw: BinaryIO = open(location, "rb")  # noqa: SIM115 - closed by the caller
    except (OSError, urllib.error.URLError, ValueError) as exc:
        raise SourceError(f"{location}: cannot open: {exc}") from exc
    return _SourceStream(raw, location)


class MemberGunzip:
    """Inflates a gzip stream (one member or many) and remembers where each member starts.

    ``member_offset(u)`` maps an offset ``u`` in the uncompressed stream to the compressed offset
    of the member starting exactly there, which for per-record gzip WARCs is the record's offset
    as CDX indexes give it. Whole-file gzip has one member, so only offset 0 maps.
    """

    def __init__(self, raw: Readable) -> None:
        self._raw = raw
        self._inflater: zlib._Decompress | None = None
        self._input = b""  # compressed bytes read from the source
        self._pos = 0  # how much of self._input the inflaters have consumed
        self._compressed_pos = 0  # compressed offset of self._input[0]
        self._produced = 0  # uncompressed bytes produced so far
        self._starts: dict[int, int] = {}
        self._buffer = bytearray()
        self._eof = False
        self.truncated = False

    def member_offset(self, uncompressed: int) -> int | None:
        # Forget members that start before this record: records are read in order.
        for key in [k for k in self._starts if k < uncompressed]:
            del self._starts[key]
        return self._starts.get(uncompressed)

    def read(self, size: int = -1, /) -> bytes:
        want = size if size >= 0 else 1 << 62
        while len(self._buffer) < want and not self._eof:
            self._step()
        out = bytes(self._buffer[:want])
        del self._buffer[:want]
        return out

    def _step(self) -> None:
        if self._pos >= len(self._input):
            self._input = self._raw.read(READ_STEP)
            self._pos = 0
            if not self._input:
                self._eof = True
                self.truncated = self._inflater is not None
                return
        if self._inflater is None:
            head = self._input[self._pos : self._pos + 2]
            if not GZIP_MAGIC.startswith(head):
                # Trailing junk after the last member (padding, a second format): stop here.
                self._eof = True
                return
            self._inflater = zlib.decompressobj(31)
            self._starts[self._produced] = self._compressed_pos
        # Feed small slices: at a member's end zlib copies what is left of the input into
        # unused_data, so a small slice keeps that copy small for archives of small members.
        piece = self._input[self._pos : self._pos + FEED_STEP]
        try:
            chunk = self._inflater.decompress(piece, INFLATE_STEP)
        except zlib.error:
            self._eof = True
            self.truncated = True
            return
        if self._inflater.eof:
            left = len(self._inflater.unused_data)
            self._inflater = None
        else:
            left = len(self._inflater.unconsumed_tail)
        consumed = len(piece) - left
        self._pos += consumed
        self._compressed_pos += consumed
        self._buffer += chunk
        self._produced += len(chunk)


def iter_lines(location: str) -> Iterator[str]:
    """The non-empty, non-comment lines of a (possibly gzipped) text file, streamed."""
    stream = open_source(location)
    try:
        reader: Readable = MemberGunzip(stream) if stream.peek(2) == GZIP_MAGIC else stream
        pending = b""
        while True:
            chunk = reader.read(READ_STEP)
            if not chunk:
                break
            pending += chunk
            *lines, pending = pending.split(b"\n")
            yield from _clean(lines)
        yield from _clean([pending])
    finally:
        stream.close()


def _clean(lines: list[bytes]) -> Iterator[str]:
    for raw in lines:
        line = raw.decode("utf-8", "replace").strip()
        if line and not line.startswith("#"):
            yield line
