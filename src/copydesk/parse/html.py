"""Text to an lxml tree. Parser trees never leave parse/ and extract/."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
from lxml import etree

# Pages beyond this many characters are cut before parsing: the tail of a 50 MB page is never
# article text, and parse time grows linearly. 5 M characters keeps every real article we measured
# (the largest AEB page is under 1.5 M) while bounding a hostile page to ~0.5 s of parsing.
MAX_HTML_CHARS = 5_000_000


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed page. Internal to parse/ and extract/; never part of the public records."""

    root: etree._Element
    url: str | None


def parse_html(text: str, url: str | None = None) -> Document | None:
    """Parse HTML text; ``None`` when nothing parseable is left (empty, whitespace, junk)."""
    text = text[:MAX_HTML_CHARS]
    # lone surrogates and NULs make lxml raise; they carry no text anyway
    text = text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    if not text.strip():
        return None
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    return Document(root=root, url=url)
