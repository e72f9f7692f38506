"""The HTTP layer of an archived response: header block parsing and payload decoding.

Pure functions over bytes. Every expansion is capped so that a gzip bomb fails with
:class:`PayloadError` ("too_large") instead of exhausting memory.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence

# Header blocks beyond this are not HTTP responses we can trust (real ones are < 16 KB; 64 KB
# leaves room for long Set-Cookie and CSP headers without reading a body as headers).
MAX_HEADER_BYTES = 65536
# Decompression reads in steps of this size so that the cap is enforced without materialising
# more than one step beyond it.
INFLATE_STEP = 1 << 20


class PayloadError(ValueError):
    """A payload that cannot be decoded; ``reason`` is a short machine-readable code."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def split_response(block: bytes) -> tuple[int | None, tuple[tuple[str, str], ...], bytes]:
    """Split an HTTP response block into (status, headers, payload).

    Lenient like browsers: bare LF line ends, missing reason phrases and junk header lines are
    accepted. A block with no header terminator is all headers and no payload; a block that does
    not start with ``HTTP/`` has no status.
    """
    end = block.find(b"\r\n\r\n", 0, MAX_HEADER_BYTES)
    sep = 4
    if end < 0:
        end = block.find(b"\n\n", 0, MAX_HEADER_BYTES)
        sep = 2
    if end < 0:
        head, payload = block[:MAX_HEADER_BYTES], b""
    else:
        head, payload = block[:end], block[end + sep :]
    lines = head.decode("latin-1").replace("\r\n", "\n").split("\n")
    status = _status(lines[0])
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon and name.strip() and " " not in name.strip():
            headers.append((name.strip(), value.strip()))
    return status, tuple(headers), payload


def _status(line: str) -> int | None:
    parts = line.split()
    if len(parts) < 2 or not parts[0].upper().startswith("HTTP/"):
        return None
    try:
        return int(parts[1])
    except ValueError:
        return None


def _header(headers: Sequence[tuple[str, str]], name: str) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def content_type(headers: Sequence[tuple[str, str]]) -> tuple[str | None, str | None]:
    """(media type lower-cased, charset) from the Content-Type header; (None, None) if absent."""
    value = _header(headers, "content-type")
    if value is None:
        return None, None
    media, *params = value.split(";")
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media.strip().lower() or None, charset


def dechunk(data: bytes, max_bytes: int) -> bytes:
    """Undo ``Transfer-Encoding: chunked``. Tolerates a missing final chunk (truncated captures)
    and falls back to the data as-is when it does not look chunked at all (some crawlers store
    dechunked bodies but keep the header)."""
    out = bytearray()
    pos = 0
    while pos < len(data):
        eol = data.find(b"\n", pos)
        if eol < 0:
            if pos == 0:
                return data
            break
        size_text = data[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            if pos == 0:
                return data
            break
        if size == 0:
            break
        start = eol + 1
        out += data[start : start + size]
        if len(out) > max_bytes:
            raise PayloadError("too_large", f"dechunked payload over {max_bytes} bytes")
        pos = start + size
        # The chunk's trailing CRLF (or bare LF).
        if data.startswith(b"\r\n", pos):
            pos += 2
        elif data.startswith(b"\n", pos):
            pos += 1
    return bytes(out)


def inflate(data: bytes, coding: str, max_bytes: int) -> bytes:
    """Undo one content coding (gzip, x-gzip, deflate, br) with an output cap."""
    coding = coding.strip().lower()
    if coding in ("", "identity", "none"):
        return data
    if coding == "br":
        return _brotli(data, max_bytes)
    if coding in ("gzip", "x-gzip"):
        wbits = 47  # 32 + 15: gzip or zlib header, detected
    elif coding == "deflate":
        # "deflate" is zlib-wrapped by the standard but raw deflate in practice from some servers.
        wbits = 15 if data[:1] == b"\x78" else -15
    else:
        raise PayloadError("bad_encoding", f"unsupported content coding {coding!r}")
    inflater = zlib.decompressobj(wbits)
    out = bytearray()
    try:
        chunk = inflater.decompress(data, INFLATE_STEP)
        while True:
            out += chunk
            if len(out) > max_bytes:
                raise PayloadError("too_large", f"decoded payload over {max_bytes} bytes")
            if not inflater.unconsumed_tail:
                break
            chunk = inflater.decompress(inflater.unconsumed_tail, INFLATE_STEP)
        out += inflater.flush()
    except zlib.error as exc:
        if out:
            # A truncated stream: keep what decoded, as a browser would render it.
            return bytes(out)
        raise PayloadError("bad_encoding", f"{coding}: {exc}") from None
    if len(out) > max_bytes:
        raise PayloadError("too_large", f"decoded payload over {max_bytes} bytes")
    return bytes(out)


def _brotli(data: bytes, max_bytes: int) -> bytes:
    # fastwarc (a dependency already) ships a brotli decoder; no extra package needed.
    from fastwarc.stream_io import BrotliReader

    reader = BrotliReader(io.BytesIO(data))
    out = bytearray()
    try:
        while True:
            chunk = reader.read(INFLATE_STEP)
            if not chunk:
                break
            out += chunk
            if len(out) > max_bytes:
                raise PayloadError("too_large", f"decoded payload over {max_bytes} bytes")
    except OSError as exc:
        if not out:
            raise PayloadError("bad_encoding", f"br: {exc}") from None
    return bytes(out)


def decode_body(body: bytes, headers: Sequence[tuple[str, str]], max_bytes: int) -> bytes:
    """The entity body as the server meant it: transfer coding, then content codings undone."""
    if len(body) > max_bytes:
        raise PayloadError("too_large", f"payload over {max_bytes} bytes")
    transfer = (_header(headers, "transfer-encoding") or "").lower()
    if "chunked" in transfer:
        body = dechunk(body, max_bytes)
    codings = [c for c in (_header(headers, "content-encoding") or "").split(",") if c.strip()]
    for coding in reversed(codings):
        if not _looks_encoded(body, coding):
            # Many archives (and crawlers) store the decoded body but keep the header.
            continue
        body = inflate(body, coding, max_bytes)
    return body


def _looks_encoded(body: bytes, coding: str) -> bool:
    coding = coding.strip().lower()
    if coding in ("gzip", "x-gzip"):
        return body[:2] == b"\x1f\x8b"
    if coding == "deflate":
        return body.lstrip()[:1] != b"<"
    if coding == "br":
        return body.lstrip()[:1] != b"<"
    return True
