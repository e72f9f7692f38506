"""Render an HTML page to the text a reader gets from "select all, copy".

Every visible text of the page, one block per block-level element, blocks separated by a blank
line, no markup. Skipped: ``head``, ``script``, ``style``, ``noscript``, ``template``, form
controls' values, and hidden elements (``hidden`` attribute, ``aria-hidden="true"``, inline
``display:none`` / ``visibility:hidden``, ``<input type=hidden>``). ``<br>`` breaks a line inside
a block. This is the input of the text-mode suite: it is what archives of scraped pages hold.

Usage: ``python -m eval.render_text PAGE.html[.gz] > page.txt``
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from lxml import etree

from copydesk.parse.decode import decode
from copydesk.parse.html import parse_html

SKIP_TAGS = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "canvas",
        "select",
        "option",
        "textarea",
        "button",
        "input",
        "math",
    }
)
# Elements a browser lays out as blocks: text on either side of them lands on separate lines.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "ul",
        "picture",
        "video",
        "audio",
    }
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden", "").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style", "")))


class _Collector:
    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.current: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.current.append(text)

    def line_break(self) -> None:
        self.current.append("\n")

    def flush(self) -> None:
        joined = "".join(self.current)
        lines = [" ".join(line.split()) for line in joined.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append(text)
        self.current = []


def _walk(el: etree._Element, out: _Collector) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.lower()
    if not tag or tag in SKIP_TAGS or _hidden(el):
        out.add(el.tail)
        return
    block = tag in BLOCK_TAGS
    if block:
        out.flush()
    if tag == "br":
        out.line_break()
    elif tag == "img":
        pass  # alt text is not copied by "select all"
    else:
        out.add(el.text)
        for child in el:
            _walk(child, out)
    if block:
        out.flush()
    out.add(el.tail)


def render_text(html: str) -> str:
    """The visible text of ``html``, blocks separated by a blank line."""
    doc = parse_html(html)
    if doc is None:
        return ""
    out = _Collector()
    _walk(doc.root, out)
    out.flush()
    return "\n\n".join(out.blocks) + ("\n" if out.blocks else "")


def render_file(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return render_text(decode(data))


def main(argv: list[str]) -> int:
    for name in argv:
        sys.stdout.write(render_file(Path(name)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
