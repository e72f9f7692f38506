"""Cheap input sniffing: is this HTML or plain text?"""

from __future__ import annotations

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
