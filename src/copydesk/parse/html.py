"""Text to an lxml tree. Parser trees never leave parse/ and extract/."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
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
    r"</?(?:div|span|section|article|main|font|center|b|i|u|em|strong|small|big|a|header|"
    r"footer|aside|nav|form|label|ins|del|sup|sub|mark|abbr|cite|q|s|tt)\b[^>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<(?!/?(?:p|br|h[1-6]|html|body|head|title|meta)\b)[^>]*>", re.IGNORECASE)
_AFTER_END = re.compile(r"</html\s*>(?=\s*\S)", re.IGNORECASE)
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)
_DEPTH_ERROR = "Excessive depth"
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed page. Internal to parse/ and extract/; never part of the public records."""

    root: etree._Element
    url: str | None


def parse_html(text: str, url: str | None = None) -> Document | None:
    """Parse HTML text; ``None`` when nothing parseable is left (empty, whitespace, junk)."""
    text = text[:MAX_HTML_CHARS]
    # lone surrogates, NULs and other C0 controls make lxml raise (or refuse to set text later);
    # they carry no text anyway
    text = text.encode("utf-8", "replace").decode("utf-8")
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    if not text.strip():
        return None
    if _text_after_end(text):
        # text after </html> is shown by browsers but dropped by libxml2: reopen the body
        text = _BODY_END.sub(" ", _AFTER_END.sub(" ", text))
    root, too_deep = _parse(text)
    for flatten in (_WRAPPER_TAGS, _ANY_TAG):
        if not too_deep:
            break
        root, too_deep = _parse(flatten.sub(" ", text))
    if root is None:
        return None
    return Document(root=root, url=url)


def _text_after_end(text: str) -> bool:
    """Is there visible content after the last </html>? (rfind: no regex scan of the page)"""
    end = max(text.rfind("</html"), text.rfind("</HTML"), text.rfind("</Html"))
    if end < 0:
        return False
    close = text.find(">", end)
    return close >= 0 and bool(text[close + 1 :].strip())


def _parse(text: str) -> tuple[etree._Element | None, bool]:
    # lxml refuses str input that carries an encoding declaration (<?xml encoding=...?>), so it
    # gets UTF-8 bytes and is told so (which also overrides a now-wrong <meta charset>)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return None, False
    too_deep = any(_DEPTH_ERROR in entry.message for entry in parser.error_log)
    return root, too_deep
