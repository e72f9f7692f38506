"""Text to an lxml tree. Parser trees never leave parse/ and extract/."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

# Pages beyond this many characters are cut before parsing: the tail of a 50 MB page is never
# article text, and parse time grows linearly. 5 M characters keeps every real article we measured
# (the largest AEB page is under 1.5 M) while bounding a hostile page to ~0.5 s of parsing.
MAX_HTML_CHARS = 5_000_000

# libxml2 stops building the tree at depth 256 (2048 with XML_PARSE_HUGE) and silently drops
# what is deeper. Real pages nest 20-60 levels; deeper means generated junk or an attack, and
# every tree walk downstream costs depth x size. So we parse without the huge option and, when
# the depth limit is hit, parse again with wrapper tags removed (their text kept), then with
# every tag but paragraph breaks removed.
_WRAPPER_TAGS = re.compile(
    rb"</?(?:div|span|section|article|main|font|center|b|i|u|em|strong|small|big|a|header|"
    rb"footer|aside|nav|form|label|ins|del|sup|sub|mark|abbr|cite|q|s|tt)\b[^>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(rb"<(?!/?(?:p|br|h[1-6]|html|body|head|title|meta)\b)[^>]*>", re.IGNORECASE)
_AFTER_END = re.compile(rb"</html\s*>(?=\s*\S)", re.IGNORECASE)
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
_DEPTH_ERROR = "Excessive depth"
# C0 controls except tab, LF and CR; deleted with bytes.translate, which runs in C and measured
# ~3x faster over the page than a regex search that almost never matches
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed page. Internal to parse/ and extract/; never part of the public records."""

    root: etree._Element
    url: str | None


def parse_html(text: str, url: str | None = None, *, utf8: bytes | None = None) -> Document | None:
    """Parse HTML text; ``None`` when nothing parseable is left (empty, whitespace, junk).

    ``utf8``: the bytes ``text`` was decoded from as strict UTF-8, when it was
    (:class:`copydesk.parse.decode.Decoded`); parsing them spares encoding the page again."""
    if utf8 is not None and len(text) <= MAX_HTML_CHARS:
        data = utf8  # what encoding the text would give, byte for byte
    else:
        # one UTF-8 encoding serves everything below: lone surrogates become "?", and lxml gets
        # bytes (it refuses str carrying an <?xml encoding?> declaration)
        data = text[:MAX_HTML_CHARS].encode("utf-8", "replace")
    # NULs and other C0 controls make lxml refuse to set text later; they carry no text
    data = data.translate(None, _CONTROL_BYTES)
    if not data or data.isspace():  # isspace stops at the first character; strip() copies
        return None
    if _text_after_end(data):
        # text after </html> is shown by browsers but dropped by libxml2: reopen the body
        data = _BODY_END.sub(b" ", _AFTER_END.sub(b" ", data))
    root, too_deep = _parse(data)
    for flatten in (_WRAPPER_TAGS, _ANY_TAG):
        if not too_deep:
            break
        root, too_deep = _parse(flatten.sub(b" ", data))
    if root is None:
        return None
    return Document(root=root, url=url)


def _text_after_end(data: bytes) -> bool:
    """Is there visible content after the last </html>? (rfind: no regex scan of the page)"""
    end = data.rfind(b"</html")
    for other in (b"</HTML", b"</Html"):
        # only a later one matters: search the part after the last lower-case end tag
        end = max(end, data.rfind(other, max(end, 0)))
    if end < 0:
        return False
    close = data.find(b">", end)
    return close >= 0 and bool(data[close + 1 :].strip())


def _parse(data: bytes) -> tuple[etree._Element | None, bool]:
    # told it is UTF-8, which also overrides a <meta charset> that decoding already handled
    # A plain etree parser, not lxml.html's: lxml.html looks up a Python element class for every
    # element proxy it hands out, which cost a third of all extraction time in the profile; the
    # extractor needs nothing of HtmlElement's API.
    # collect_ids=False: libxml2 otherwise files every id attribute in a hash table that only
    # XPath's id() and getElementById read (nothing here does); the same tree, ~5% less parse time.
    parser = etree.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, encoding="utf-8"
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False
    if root is None:
        return None, False
    too_deep = any(_DEPTH_ERROR in entry.message for entry in parser.error_log)
    return root, too_deep
