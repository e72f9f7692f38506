"""Bytes to text, as a browser would: BOM, then the declared charset, then strict UTF-8, then
detection. Never raises: the last resort decodes with replacement characters."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

# How far into a page to look for a <meta charset>: the HTML standard's pre-scan reads 1024 bytes;
# real pages put 2-4 KB of comments and scripts first, so we look further (cheap, one regex).
META_SCAN_BYTES = 8192
# How many bytes charset detection reads: detection is the slow path (a few ms per 100 KB); the
# first 64 KB decide the charset of every page we have seen, and the cap bounds the cost.
DETECT_BYTES = 65536
# Bytes decoded at most: parse/html.py cuts text at MAX_HTML_CHARS (5 M) anyway; 4 bytes per
# character covers any encoding, so decoding more than this only costs time on hostile pages.
MAX_DECODE_BYTES = 20_000_000
# A page that is UTF-8 but for a few stray single bytes (a legacy-charset snippet pasted into a
# UTF-8 template) is read as UTF-8, the stray bytes as windows-1252, when its valid multi-byte
# characters outnumber the stray bytes this many times. Detection reads such a page as some
# legacy charset and garbles every accented letter ("Olivenöl" -> "Olivenﺣﭘl"). Calibrated on
# the data sets' pages that fail strict UTF-8: the declared-UTF-8 ones have 25-100 valid
# characters per stray byte; the genuine legacy pages (20 of them) have no valid multi-byte
# sequence at all (legacy text forms one only by chance, e.g. "Ã©"). A short page with two stray
# bytes among a dozen accented letters must still count, hence a low ratio rather than 25.
MOSTLY_UTF8_RATIO = 2
_STRAY = re.compile("[\udc80-\udcff]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_:.\-]+)""")


def _lookup(name: str | bytes | None) -> str | None:
    if not name:
        return None
    label = name.decode("ascii", "ignore") if isinstance(name, bytes) else name
    label = label.strip().lower()
    # The HTML standard maps these labels to windows-1252 / utf-8 supersets.
    label = {
        "iso-8859-1": "cp1252",
        "latin1": "cp1252",
        "ascii": "cp1252",
        "us-ascii": "cp1252",
        "utf8": "utf-8",
        "unicode": "utf-8",
        "x-sjis": "shift_jis",
        "gb2312": "gb18030",
        "gbk": "gb18030",
    }.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta> or XML declaration)."""
    head = data[:META_SCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return _lookup(match.group(1)) if match else None


@dataclass(frozen=True, slots=True)
class Decoded:
    """A page's text, with the bytes it is the strict UTF-8 decoding of when it is one (most
    pages): the parser needs UTF-8 and can take those bytes instead of encoding the text again
    (``text.encode("utf-8") == utf8``: strict decoding lets no lone surrogate through)."""

    text: str
    utf8: bytes | None = None


def decode(data: bytes, http_charset: str | None = None) -> str:
    """Decode page bytes to text. ``http_charset`` is the Content-Type charset when known."""
    return decode_page(data, http_charset).text


def decode_page(data: bytes, http_charset: str | None = None) -> Decoded:
    """:func:`decode`, also saying whether the text is the bytes read as strict UTF-8."""
    if len(data) > MAX_DECODE_BYTES:
        data = _cut_utf8_safely(data[:MAX_DECODE_BYTES])
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(encoding, errors="replace"))
    for candidate in (_lookup(http_charset), declared_charset(data)):
        if candidate is None:
            continue
        if candidate.startswith("utf-16") or candidate.startswith("utf-32"):
            # A page that is readable as ASCII cannot really be UTF-16: the declaration lies.
            continue
        if candidate != "utf-8":
            # Valid UTF-8 with multi-byte sequences is almost never legacy-charset text by
            # chance; a page declaring windows-1252 but sending UTF-8 is a common lie.
            text = _multibyte_utf8(data)
            if text is not None:
                return Decoded(text, data)
        try:
            return Decoded(data.decode(candidate), data if candidate == "utf-8" else None)
        except UnicodeDecodeError:
            # A wrong declaration: a page that says latin-1 but is UTF-8 is common. Fall through
            # to strict UTF-8 and detection rather than trusting a declaration that failed.
            if candidate != "utf-8":
                break
    try:
        return Decoded(data.decode("utf-8"), data)
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data)
    if repaired is not None:
        return Decoded(repaired)
    best = from_bytes(data[:DETECT_BYTES]).best()
    encoding = best.encoding if best is not None else "cp1252"
    return Decoded(data.decode(encoding, errors="replace"))


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with its few stray bytes read as windows-1252, or None when the stray bytes
    are too many for the page to be UTF-8 (see MOSTLY_UTF8_RATIO)."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(_STRAY.findall(text))
    valid = sum(1 for char in text if char > "\x7f") - stray
    if valid < MOSTLY_UTF8_RATIO * stray:
        return None
    return _STRAY.sub(_as_cp1252, text)


def _as_cp1252(match: re.Match[str]) -> str:
    return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", errors="replace")


def _multibyte_utf8(data: bytes) -> str | None:
    """The text of bytes that are valid UTF-8 with at least one multi-byte sequence, else None
    (decoded once: the test and the text are the same work)."""
    if data.isascii():
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _cut_utf8_safely(data: bytes) -> bytes:
    """Drop a multi-byte UTF-8 sequence cut in half at the end (so strict UTF-8 still works)."""
    for back in range(1, 4):
        if len(data) < back:
            break
        byte = data[-back]
        if byte < 0x80:
            return data
        if byte >= 0xC0:  # a lead byte: is its sequence complete?
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data if need <= back else data[:-back]
    return data
