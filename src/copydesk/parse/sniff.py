"""Cheap input sniffing: is this HTML or plain text?"""

from __future__ import annotations

import json
import re

# Only the first bytes decide: markup that starts a document shows up early. 4 KB covers pages
# with long leading comments or whitespace; looking further would let stray "<p>" in text win.
SNIFF_CHARS = 4096

_HTML_START = re.compile(
    r"<\s*(!doctype\s+html|html|head|body|meta|title|div|p|article|section|script|link|table)\b",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    return _HTML_START.search(text[:SNIFF_CHARS]) is not None


# Magic numbers of formats that are never a web page's text.
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF-",  # PDF
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG\r\n\x1a\n",  # PNG
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",  # ZIP, DOCX, EPUB
    b"\x1f\x8b",  # gzip (a caller that did not decompress)
    b"RIFF",  # WEBP, WAV, AVI
    b"\x00\x00\x00",  # MP4/ISO media (ftyp box), UTF-32 without BOM
    b"OggS",
    b"ID3",  # MP3
    b"\x7fELF",
)
_TEXT_BOMS: tuple[bytes, ...] = (
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"
)  # fmt: skip
# Share of control characters (other than tab, newline, carriage return, form feed) above which
# a page is binary noise. Real pages have ~0; 5% lets a page with a few stray bytes through while
# a random byte string (~12% controls) or an image is stopped.
MAX_CONTROL_SHARE = 0.05
_CONTROL = bytes(sorted(set(range(0, 32)) - {9, 10, 12, 13} | {127}))


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text at all: media and document formats, random noise."""
    if data.startswith(_TEXT_BOMS):
        return False  # UTF-16/32 text is full of NULs but is text
    if data.startswith(_BINARY_MAGIC):
        return True
    head = data[:SNIFF_CHARS]
    if not head:
        return False
    # counted in C: deleting them and comparing lengths (a Python loop over the 4 KB cost
    # ~0.2 ms, about 2% of a whole page's extraction)
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > MAX_CONTROL_SHARE * len(head)


# The first character that is not whitespace (re's \s is str.isspace(), what lstrip() drops).
_FIRST_VISIBLE = re.compile(r"\S")


def looks_like_json(text: str) -> bool:
    """A JSON document (an API response saved as a page), not HTML and not prose."""
    first = _FIRST_VISIBLE.search(text)  # lstrip() would copy the whole page for one character
    if first is None or first.group() not in ("{", "["):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
