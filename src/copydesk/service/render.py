"""HTML rendering: Jinja2 templates shipped in the package, autoescaping everything.

Every string that came from a page is inserted through autoescaping; the only markup built in
Python is the search snippet's ``<mark>``, and it escapes each piece itself. Links taken from
pages are kept only when they are http(s) (``javascript:`` and ``data:`` URLs become plain text).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from copydesk.model import Block


@dataclass(frozen=True, slots=True)
class BlockGroup:
    """Consecutive body blocks of one kind (list items share one <ul>)."""

    kind: str
    blocks: tuple[Block, ...]


def safe_href(url: object) -> str | None:
    """The URL when it is an absolute http(s) URL, else None (rendered as text, not a link)."""
    if not isinstance(url, str) or not url:
        return None
    text = url.strip()
    if any(ord(c) < 0x20 for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def block_groups(blocks: Iterable[Block]) -> list[BlockGroup]:
    groups: list[BlockGroup] = []
    run: list[Block] = []
    for block in blocks:
        if run and block.kind != run[-1].kind:
            groups.append(BlockGroup(run[-1].kind, tuple(run)))
            run = []
        run.append(block)
    if run:
        groups.append(BlockGroup(run[-1].kind, tuple(run)))
    return groups


def highlight(fragments: Sequence[tuple[str, bool]]) -> Markup:
    """A snippet's (text, is_match) pieces as escaped HTML with matches in <mark>."""
    return Markup("").join(
        Markup("<mark>{}</mark>").format(text) if is_match else escape(text)
        for text, is_match in fragments
    )


class Renderer:
    """The template environment of one app."""

    def __init__(self, version: str) -> None:
        self.version = version
        self.env = Environment(
            loader=PackageLoader("copydesk.service", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        self.env.globals.update(safe_href=safe_href, block_groups=block_groups, version=version)
        self.stylesheet = (files("copydesk.service") / "static" / "style.css").read_bytes()

    def page(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def login_page(self, heading: str, next_path: str) -> str:
        return self.page(
            "message.html",
            heading=heading,
            message="This copydesk service needs an access token.",
            login=True,
            next_path=next_path,
            active=None,
        )
