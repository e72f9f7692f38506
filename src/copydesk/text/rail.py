"""Teaser rails in scraped text: "Photo: …", a byline, a headline, a summary, "9 hours ago".

Rails repeat one card shape, but the order of the parts differs between sites (caption first or
last, age before or after the headline). The reader fills the slots of the current teaser and
starts a new one when a slot would be filled twice, or when a part arrives that came before the
headline in the previous teaser (so a card without an image does not steal the next card's
caption). Titles alone count as teasers only under a rail heading ("Most read"): elsewhere a
short line with nothing around it is a menu item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from copydesk.enrich.relative import ResolvedAge, find_age, resolve_age
from copydesk.model import Teaser
from copydesk.text.classify import Classified, Role
from copydesk.text.fields import parse_byline, parse_date
from copydesk.text.patterns import caption_text, inline_teaser

# Teaser titles have at least this many words: "Top 10" lists and section labels ("World",
# "Sports", "Live updates") are shorter; real headlines are 4-16 words (3 in tabloids).
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30

# At most this many teasers per page: the largest real rails we model list ~60 cards (a section
# front); the cap bounds the output of a hostile input made of repeated cards.
MAX_TEASERS = 200

_RANK = re.compile(r"^\s*\d{1,2}[.)]?\s+(?=\S)")
_SEPARATORS = re.compile(r"\s+[·•|—–-]\s+|\s*[·•|]\s*")
_TRUNCATION = re.compile(r"\s*(?:\.{3,}|…)\s*$")


@dataclass(slots=True)
class _Card:
    roles: list[Role] = field(default_factory=list)
    title: str | None = None
    summary: str | None = None
    authors: tuple[str, ...] = ()
    age_text: str | None = None
    published: datetime | None = None
    age_precision: str | None = None
    caption: str | None = None

    def has(self, role: Role) -> bool:
        return role in self.roles


@dataclass(frozen=True, slots=True)
class RailTeaser:
    teaser: Teaser
    # "minute"/"hour"/"day" for a resolved relative age, "absolute" for a printed date
    precision: str | None


def read_rail(
    items: Sequence[Classified],
    *,
    fetched_at: datetime | None,
    skip_titles: frozenset[str] = frozenset(),
) -> list[RailTeaser]:
    """Teasers in ``items`` (the blocks outside the body), in order."""
    out: list[RailTeaser] = []
    card = _Card()
    in_rail = False
    pre_title: set[Role] = {Role.CAPTION}

    def flush() -> None:
        nonlocal card
        if card.title is not None and (
            in_rail or card.summary or card.age_text or card.caption or card.authors
        ):
            out.append(_finish(card))
            if card.title is not None and card.roles:
                first_title = card.roles.index(Role.SHORT) if Role.SHORT in card.roles else 0
                pre_title.clear()
                pre_title.update(card.roles[:first_title] or [Role.CAPTION])
        card = _Card()

    for item in items:
        if len(out) >= MAX_TEASERS:
            break
        role = item.role
        if role is Role.RAIL_HEADING:
            flush()
            in_rail = True
            continue
        if role in (Role.NOTICE, Role.BOILERPLATE, Role.COMMENTS):
            # cookie text, share rows, footers and notices end a card and the rail it was in
            flush()
            in_rail = False
            continue
        if role is Role.NUMBER:
            flush()
            continue
        if role is Role.INLINE_TEASER:
            flush()
            title = inline_teaser(item.block.text)
            if title is not None:
                out.append(RailTeaser(Teaser(title=title), None))
            continue
        slot = _slot(item)
        if slot is None:
            continue
        if card.title is not None and (card.has(slot) or slot in pre_title):
            flush()
        elif card.has(slot):
            # a second caption or byline before any title: the first belonged to nothing
            card = _Card()
        _fill(card, slot, item, fetched_at, skip_titles)
    flush()
    return out


def _slot(item: Classified) -> Role | None:
    role, block = item.role, item.block
    if role in (Role.CAPTION, Role.AGE, Role.BYLINE, Role.STAMP):
        return role
    if role is Role.PROVIDER:
        return Role.BYLINE
    if role in (Role.PROSE, Role.SENTENCE):
        return Role.SENTENCE
    if role is Role.SHORT:
        title = _RANK.sub("", block.text)
        words = len(title.split())
        if TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS:
            return Role.SHORT
    return None


def _fill(
    card: _Card,
    slot: Role,
    item: Classified,
    fetched_at: datetime | None,
    skip_titles: frozenset[str],
) -> None:
    text = item.block.text
    if slot is Role.SHORT:
        title = _RANK.sub("", text)
        if title in skip_titles:
            return
        card.title = title
    elif slot is Role.SENTENCE:
        if card.title is None:
            return  # a sentence with no headline yet is not a teaser part we can place
        card.summary = text
    elif slot is Role.CAPTION:
        card.caption = caption_text(text)
    elif slot is Role.BYLINE:
        byline = parse_byline(text)
        if byline is not None:
            card.authors = byline.authors
    elif slot is Role.AGE:
        if not card.authors:
            card.authors = _byline_beside_age(text)
        age = find_age(text)
        card.age_text = age.text if age is not None else text
        resolved: ResolvedAge | None = resolve_age(age, fetched_at) if age else None
        if resolved is not None:
            card.published, card.age_precision = resolved.published, resolved.precision
    elif slot is Role.STAMP:
        card.age_text = text
        card.published = parse_date(text)
        card.age_precision = "absolute" if card.published else None
    card.roles.append(slot)


def _byline_beside_age(text: str) -> tuple[str, ...]:
    """People named on an age line: "By Jane Doe · 3 hours ago"."""
    for part in _SEPARATORS.split(text):
        byline = parse_byline(part)
        if byline is not None:
            return byline.authors
    return ()


def _finish(card: _Card) -> RailTeaser:
    assert card.title is not None
    teaser = Teaser(
        title=_TRUNCATION.sub("", card.title),
        summary=card.summary,
        authors=card.authors,
        age_text=card.age_text,
        published=card.published,
        image_caption=card.caption,
    )
    return RailTeaser(teaser, card.age_precision)
