"""HTTP payload decoding: header splitting, chunked transfer coding, content codings, caps."""

from __future__ import annotations

import gzip
import zlib

import pytest

from copydesk.archive.http import PayloadError, content_type, dechunk, decode_body, split_response
from tests.pipeline.batchkit import chunked

PAGE = b"<html><body>" + b"<p>Paragraph of news text.</p>" * 200 + b"</body></html>"


def test_split_response_lenient() -> None:
    status, headers, payload = split_response(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX: 1\r\n\r\n<p>"
    )
    assert (status, payload) == (200, b"<p>")
    assert headers == (("Content-Type", "text/html"), ("X", "1"))
    status, headers, payload = split_response(b"HTTP/1.0 404\nServer: x\n\nbody")
    assert (status, headers, payload) == (404, (("Server", "x"),), b"body")
    assert split_response(b"garbage") == (None, (), b"")
    assert split_response(b"")[0] is None


def test_content_type() -> None:
    assert content_type((("Content-Type", 'text/HTML; Charset="ISO-8859-1"'),)) == (
        "text/html",
        "ISO-8859-1",
    )
    assert content_type(()) == (None, None)


def test_chunked_and_encodings_round_trip() -> None:
    headers = (("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip"))
    assert decode_body(chunked(gzip.compress(PAGE)), headers, 1 << 20) == PAGE
    assert decode_body(zlib.compress(PAGE), (("Content-Encoding", "deflate"),), 1 << 20) == PAGE
    raw_deflate = zlib.compressobj(wbits=-15)
    body = raw_deflate.compress(PAGE) + raw_deflate.flush()
    assert decode_body(body, (("Content-Encoding", "deflate"),), 1 << 20) == PAGE
    # Archives that stored the decoded body but kept the headers.
    assert decode_body(PAGE, headers, 1 << 20) == PAGE


def test_truncated_chunked_and_gzip_keep_what_decodes() -> None:
    body = chunked(PAGE)[:-500]
    out = dechunk(body, 1 << 20)
    assert PAGE.startswith(out) and len(out) > len(PAGE) // 2
    gz = gzip.compress(PAGE)
    partial = decode_body(gz[: len(gz) // 2], (("Content-Encoding", "gzip"),), 1 << 20)
    assert PAGE.startswith(partial) and partial


def test_decompression_bomb_is_capped() -> None:
    bomb = gzip.compress(b"\0" * (50 << 20))
    with pytest.raises(PayloadError) as err:
        decode_body(bomb, (("Content-Encoding", "gzip"),), 8 << 20)
    assert err.value.reason == "too_large"


def test_unknown_coding_and_garbage() -> None:
    with pytest.raises(PayloadError) as err:
        decode_body(b"\x00\x01binary", (("Content-Encoding", "compress"),), 1 << 20)
    assert err.value.reason == "bad_encoding"
    with pytest.raises(PayloadError):
        decode_body(b"\x1f\x8bnot really gzip", (("Content-Encoding", "gzip"),), 1 << 20)
