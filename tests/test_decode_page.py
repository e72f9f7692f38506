"""decode_page: the text, and the page's bytes when the text is their strict UTF-8 reading (the
parser then takes those bytes instead of encoding the page again)."""

from __future__ import annotations

import codecs

import pytest

from copydesk.api import Extractor
from copydesk.parse.decode import decode, decode_page
from copydesk.parse.html import parse_html

_PAGE = (
    "<html><head><meta charset='{charset}'><title>Grüße aus Köln</title></head><body>"
    "<article><h1>Grüße aus Köln</h1><p>Olivenöl und Käse: ein Bericht mit genug Wörtern, damit "
    "er als Absatz zählt, über den Markt am Rhein.</p><p>© 2024 Kölner Blatt</p></article>"
    "</body></html>"
)


@pytest.mark.parametrize(
    ("data", "is_utf8"),
    [
        (_PAGE.format(charset="utf-8").encode("utf-8"), True),
        # declares windows-1252, sends UTF-8: read as UTF-8
        (_PAGE.format(charset="windows-1252").encode("utf-8"), True),
        (_PAGE.format(charset="windows-1252").encode("cp1252"), False),
        (codecs.BOM_UTF8 + _PAGE.format(charset="utf-8").encode("utf-8"), False),
        (_PAGE.format(charset="utf-8").encode("utf-8") + b"\xff stray", False),
    ],
)
def test_utf8_bytes_are_given_only_for_strict_utf8_text(data: bytes, is_utf8: bool) -> None:
    decoded = decode_page(data)
    assert decoded.text == decode(data)
    assert (decoded.utf8 is not None) == is_utf8
    if decoded.utf8 is not None:
        assert decoded.text.encode("utf-8") == decoded.utf8


def test_bytes_and_their_text_extract_the_same_article() -> None:
    extractor = Extractor()
    for charset, encoding in (("utf-8", "utf-8"), ("windows-1252", "cp1252")):
        data = _PAGE.format(charset=charset).encode(encoding)
        from_bytes = extractor.extract(data, url="https://example.org/a")
        from_text = extractor.extract(decode(data), url="https://example.org/a")
        assert from_bytes == from_text
        assert from_bytes.title == "Grüße aus Köln"


def test_parse_takes_the_bytes_as_the_text_would_be_encoded() -> None:
    data = _PAGE.format(charset="utf-8").encode("utf-8")
    text = data.decode("utf-8")
    with_bytes, without = parse_html(text, utf8=data), parse_html(text)
    assert with_bytes is not None and without is not None
    assert "".join(with_bytes.root.itertext()) == "".join(without.root.itertext())
