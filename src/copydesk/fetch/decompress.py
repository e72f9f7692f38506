"""Content-Encoding decoding with an output limit: compression bombs are refused, not inflated.

Each decoder is fed the compressed body and stops as soon as the output would pass ``limit``
bytes, so a 10 KB gzip that inflates to 10 GB costs at most ``limit`` bytes of memory.
"""

from __future__ import annotations

import zlib

import brotli

from copydesk.errors import FetchError

GZIP_MAGIC = b"\x1f\x8b"
# Input fed to the brotli decoder per step. Brotli can expand one input byte into very many
# output bytes; small steps plus ``output_buffer_limit`` keep each step's output bounded.
_BROTLI_STEP = 16 * 1024


class DecompressionLimit(FetchError):
    """The decoded body would exceed the configured limit (a compression bomb or a huge page)."""


def _zlib(data: bytes, wbits: int, limit: int) -> bytes:
    out = bytearray()
    rest = data
    # Gzip files may hold several members one after the other (e.g. concatenated WARCs, some
    # servers): keep decoding while unused data remains.
    while rest:
        decoder = zlib.decompressobj(wbits)
        chunk = decoder.decompress(rest, limit + 1 - len(out))
        out += chunk
        while decoder.unconsumed_tail and len(out) <= limit:
            out += decoder.decompress(decoder.unconsumed_tail, limit + 1 - len(out))
        if len(out) > limit:
            raise DecompressionLimit(f"decoded body exceeds {limit} bytes")
        rest = decoder.unused_data if decoder.eof else b""
        if not decoder.eof:
            break  # truncated stream: keep what decoded
        if rest and not rest.startswith(GZIP_MAGIC):
            break  # trailing garbage after the last member
    return bytes(out)


def _brotli(data: bytes, limit: int) -> bytes:
    decoder = brotli.Decompressor()
    out = bytearray()
    for start in range(0, len(data), _BROTLI_STEP):
        out += decoder.process(data[start : start + _BROTLI_STEP], output_buffer_limit=limit + 1)
        while len(out) <= limit and not decoder.can_accept_more_data():
            out += decoder.process(b"", output_buffer_limit=limit + 1 - len(out))
        if len(out) > limit:
            raise DecompressionLimit(f"decoded body exceeds {limit} bytes")
    return bytes(out)


def decode_content(data: bytes, encoding: str | None, limit: int) -> bytes:
    """Undo ``Content-Encoding`` (gzip, deflate, br, identity; comma lists applied in reverse).

    Raises :class:`DecompressionLimit` past ``limit`` bytes and :class:`FetchError` for an
    unknown or corrupt encoding.
    """
    codings = [c.strip().lower() for c in (encoding or "").split(",") if c.strip()]
    for coding in reversed(codings):
        try:
            if coding in ("gzip", "x-gzip"):
                data = _zlib(data, 16 + zlib.MAX_WBITS, limit)
            elif coding == "deflate":
                # "deflate" is zlib-wrapped by the RFC but raw deflate on some servers.
                try:
                    data = _zlib(data, zlib.MAX_WBITS, limit)
                except zlib.error:
                    data = _zlib(data, -zlib.MAX_WBITS, limit)
            elif coding == "br":
                data = _brotli(data, limit)
            elif coding != "identity":
                raise FetchError(f"unsupported content encoding {coding!r}")
        except (zlib.error, brotli.error) as exc:
            raise FetchError(f"corrupt {coding} body: {exc}") from exc
    if len(data) > limit:
        raise DecompressionLimit(f"body exceeds {limit} bytes")
    return data


def gunzip_file_body(data: bytes, limit: int) -> bytes:
    """Bodies that *are* gzip files (``sitemap.xml.gz``) rather than gzip-encoded."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        return _zlib(data, 16 + zlib.MAX_WBITS, limit)
    except zlib.error as exc:
        raise FetchError(f"corrupt gzip file: {exc}") from exc
