"""What each block of a scraped page is, and where the article body lies.

Two passes, on principles rather than on any site:

1. Each block gets a role from its own shape: a notice or boilerplate pattern, a stamp, a byline,
   a provider line, a caption, an age, a rail heading, prose (long, sentence-shaped, mostly
   lowercase words), a sentence (short but sentence-shaped), or a short line (headlines, menu
   items, labels).
2. The body is the contiguous run of blocks with the largest total weight, where prose weighs
   its word count and furniture weighs a penalty (a maximum-subarray search). Menus are runs of
   short lines, so they cost more the longer they are; a rail heading or a notice costs enough to
   end the run. Inside the run, prose and sentences are kept, short lines become headings when
   prose follows them, list items stay list items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from copydesk.enrich.relative import find_age
from copydesk.text.blocks import TextBlock
from copydesk.text.fields import looks_like_stamp, parse_byline, parse_stamps, provider
from copydesk.text.patterns import (
    caption_text,
    inline_teaser,
    is_boilerplate,
    is_comments_marker,
    is_notice,
    is_rail_heading,
)

# Prose: at least this many words... A sentence of 12 words is the shortest that is reliably not a
# headline or a teaser title (headlines run 6-14 words, but almost never end with a period).
PROSE_MIN_WORDS = 12
# ...with at least this share of lowercase-initial words. English prose runs 0.6-0.8, German prose
# (capitalised nouns) 0.45-0.6; Title Case menus and headlines are under 0.3.
PROSE_MIN_LOWER = 0.35
# A block this long is prose even without terminal punctuation (a scrape may cut the last dot).
PROSE_UNTERMINATED_WORDS = 40
# A short sentence: terminal punctuation, at least this many words, prose-like casing.
SENTENCE_MIN_WORDS = 4
# Weights of the body search (units: words of prose). A short line costs about a quarter of a
# short paragraph, so a one-line interruption ("Advertisement", a caption) between paragraphs does
# not split the body but ten menu lines outweigh a teaser summary. Notices and boilerplate cost
# more; a rail heading or a comment marker costs more than any teaser summary or a short comment,
# so the body stops there. Calibrated by
# reasoning about page shapes (a teaser = 3-5 short lines + a ~20-word summary must not join the
# body), then checked on the furniture fixtures; not fitted to the evaluation pages.
SHORT_COST = 6.0
FURNITURE_COST = 6.0
BOILERPLATE_COST = 20.0
RAIL_HEADING_COST = float("inf")
# A headline-shaped short line (several words, no final period) costs more than a menu item: it is
# the title of a teaser card, and a list of cards alternates such titles with one-paragraph
# summaries. With this cost a card (title + 30-word summary) adds little, so ten cards do not
# outweigh an article; a body's subheads (one per several paragraphs) remain affordable.
HEADLINE_COST = 20.0
HEADLINE_MIN_WORDS = 5
# A line of at least this many words ending with a stop and holding at least this many more stops
# inside is sentences even when most words are capitalised (names, scores, product specs).
MULTI_SENTENCE_MIN_WORDS = 8
MULTI_SENTENCE_MIN_STOPS = 2
# Prose: at least one of . , ; : ! ? per this many words. Running text punctuates every sentence;
# tag clouds and keyword lists (lowercase, long, unpunctuated) do not.
PROSE_WORDS_PER_PUNCT = 30
# Prose weighs its words, a short sentence half its words: a lone sentence cannot outweigh the
# title and age around a teaser summary, but a run of short sentences (quotes, one-line
# paragraphs) extends a body. 0, 0.25 and 0.5 were compared on the furniture set (no change) and
# AEB text mode (F1 0.901, 0.903, 0.904).
SENTENCE_WEIGHT = 0.5
# A comment marker ends the search for the body once this many words of prose came before it
# (the shortest article body we accept, see text/core.py MIN_ARTICLE_WORDS).
COMMENTS_AFTER_WORDS = 45
# Joining runs: a run of prose weighing at least MERGE_MIN_WEIGHT (words) that starts at most
# MERGE_MAX_GAP blocks after the body joins it. Inline boxes are 2-12 blocks (an embedded post
# and its credit line, a "Related" heading with 2-4 links, an ad label; 8, 12 and 16 were
# compared on AEB text mode: F1 0.912, 0.913, 0.911); a teaser rail's
# summaries never add up to 50 words in one run because each card costs its title and age.
MERGE_MIN_WEIGHT = 50.0
MERGE_MAX_GAP = 12
# ...and weighing at least this share of the heaviest run: the second half of an article split by
# a box is comparable to the first; a teaser summary or an author bio after a long article is not.
MERGE_MIN_SHARE = 0.3
# ...and at least this share of its blocks prose: the rest of an article is paragraphs in a row;
# a rail of teasers alternates one summary with a title, a byline and a stamp (share <= 0.3).
MERGE_MIN_DENSITY = 0.5
# How far past the gap a joining run is searched for (its own length).
MERGE_LOOKAHEAD = 60
# A heading inside the body is at most this many words and must be followed by prose.
HEADING_MAX_WORDS = 16


_SENTENCE_END = re.compile(r"[.!?。！？]\s+\S")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
_PUNCT = re.compile(r"[.,;:!?。、，！？]")


class Role(Enum):
    NOTICE = "notice"
    BOILERPLATE = "boilerplate"
    STAMP = "stamp"
    BYLINE = "byline"
    PROVIDER = "provider"
    CAPTION = "caption"
    AGE = "age"
    RAIL_HEADING = "rail_heading"
    COMMENTS = "comments"
    INLINE_TEASER = "inline_teaser"
    NUMBER = "number"
    PROSE = "prose"
    SENTENCE = "sentence"
    SHORT = "short"


FURNITURE_ROLES = frozenset(
    {
        Role.INLINE_TEASER,
        Role.STAMP,
        Role.BYLINE,
        Role.PROVIDER,
        Role.CAPTION,
        Role.AGE,
        Role.NUMBER,
    }
)


@dataclass(frozen=True, slots=True)
class Classified:
    block: TextBlock
    role: Role


def role_of(block: TextBlock) -> Role:
    text = block.text
    if is_notice(text):
        return Role.NOTICE
    if _is_prose(block):
        return Role.PROSE
    if is_rail_heading(text):
        return Role.RAIL_HEADING
    if inline_teaser(text) is not None:
        return Role.INLINE_TEASER
    if is_comments_marker(text):
        return Role.COMMENTS
    if is_boilerplate(text):
        return Role.BOILERPLATE
    if text.strip(" .#").isdigit() and len(text) <= 4:
        return Role.NUMBER
    if caption_text(text) is not None:
        return Role.CAPTION
    if block.words <= 12 and find_age(text) is not None:
        return Role.AGE
    if looks_like_stamp(text) and not block.terminal and parse_stamps(text) is not None:
        return Role.STAMP
    if provider(text) is not None:
        return Role.PROVIDER
    if parse_byline(text) is not None:
        return Role.BYLINE
    if (
        block.terminal
        and block.words >= SENTENCE_MIN_WORDS
        and block.lower_share >= PROSE_MIN_LOWER
    ):
        return Role.SENTENCE
    if _is_sentences(block):
        return Role.SENTENCE
    return Role.SHORT


def _is_sentences(block: TextBlock) -> bool:
    """Several sentences in a row, whatever their casing: a results line ("Viera (4-0): K. Hupfer
    1 goal. L. Patikas 1 goal."), a list of names with roles. Headlines and menu labels are one
    phrase and do not end with a stop."""
    if not block.terminal or block.words < MULTI_SENTENCE_MIN_WORDS:
        return False
    return len(_SENTENCE_END.findall(block.text[:20_000])) >= MULTI_SENTENCE_MIN_STOPS


def _is_prose(block: TextBlock) -> bool:
    if block.words < PROSE_MIN_WORDS or block.lower_share < PROSE_MIN_LOWER:
        return False
    if _TRUNCATED.search(block.text[-6:]):
        return False  # a teaser summary cut short: bodies are not truncated
    punct = len(_PUNCT.findall(block.text[:20_000]))
    if punct * PROSE_WORDS_PER_PUNCT < min(block.words, 20_000):
        return False
    return block.terminal or block.words >= PROSE_UNTERMINATED_WORDS


def classify(blocks: Sequence[TextBlock]) -> list[Classified]:
    # menus and rails repeat the same lines (a page's nav printed twice, "Share" under every
    # card): a role depends on the text only, so each distinct text is classified once
    roles: dict[str, Role] = {}
    out = []
    for block in blocks:
        role = roles.get(block.text)
        if role is None:
            role = roles[block.text] = role_of(block)
        out.append(Classified(block, role))
    return out


def _weight(item: Classified) -> float:
    role = item.role
    if role is Role.PROSE:
        return float(item.block.words)
    if role is Role.SENTENCE:
        return SENTENCE_WEIGHT * item.block.words
    if role in (Role.RAIL_HEADING, Role.COMMENTS):
        return -RAIL_HEADING_COST
    if role in (Role.NOTICE, Role.BOILERPLATE):
        return -BOILERPLATE_COST
    if role in FURNITURE_ROLES:
        return -FURNITURE_COST
    block = item.block
    if block.words >= HEADLINE_MIN_WORDS and not block.terminal:
        return -HEADLINE_COST
    return -SHORT_COST


def _heaviest(weights: Sequence[float], lo: int, hi: int) -> tuple[int, int, float] | None:
    """The [start, end) run of largest total weight within [lo, hi) (maximum subarray)."""
    best = 0.0
    span: tuple[int, int, float] | None = None
    running = 0.0
    start = lo
    for i in range(lo, hi):
        if running <= 0:
            running, start = 0.0, i
        running += weights[i]
        if running > best:
            best, span = running, (start, i + 1, running)
    return span


def _comments_start(items: Sequence[Classified]) -> int:
    """Where the comment section begins: the first comment marker after some prose. Readers'
    comments can outweigh the article (an open thread with 40 replies); they never precede it."""
    prose = 0
    for i, item in enumerate(items):
        if item.role is Role.PROSE:
            prose += item.block.words
        elif item.role is Role.COMMENTS and prose >= COMMENTS_AFTER_WORDS:
            return i
    return len(items)


def _density(items: Sequence[Classified], run: tuple[int, int, float]) -> float:
    """The share of a run's blocks that are prose or sentences."""
    kept = sum(1 for item in items[run[0] : run[1]] if item.role in (Role.PROSE, Role.SENTENCE))
    return kept / max(1, run[1] - run[0])


def body_span(items: Sequence[Classified]) -> tuple[int, int] | None:
    """The body's [start, end): the heaviest run, joined with heavy runs just beside it.

    Articles carry inline boxes ("Related" with two links, an embedded post, a photo credit) that
    cost more than the prose on one side of them; a run of at least :data:`MERGE_MIN_WEIGHT`
    within :data:`MERGE_MAX_GAP` blocks, with no notice in between, is the same article.
    ``None`` when no block has positive weight.
    """
    weights = [_weight(item) for item in items]
    limit = _comments_start(items)
    core = _heaviest(weights, 0, limit)
    if core is None:
        return None
    start, end = core[0], core[1]
    while True:  # join runs after the body
        nxt = _heaviest(weights, end, min(limit, end + MERGE_MAX_GAP + MERGE_LOOKAHEAD))
        if nxt is None or nxt[2] < max(MERGE_MIN_WEIGHT, MERGE_MIN_SHARE * core[2]):
            break
        if nxt[0] - end > MERGE_MAX_GAP or _density(items, nxt) < MERGE_MIN_DENSITY:
            break
        if any(items[i].role is Role.NOTICE for i in range(end, nxt[0])):
            break
        end = nxt[1]
    while True:  # and before it
        lo = max(0, start - MERGE_MAX_GAP - MERGE_LOOKAHEAD)
        prev = _heaviest(weights, lo, start)
        if prev is None or prev[2] < max(MERGE_MIN_WEIGHT, MERGE_MIN_SHARE * core[2]):
            break
        if start - prev[1] > MERGE_MAX_GAP or _density(items, prev) < MERGE_MIN_DENSITY:
            break
        if any(items[i].role is Role.NOTICE for i in range(prev[1], start)):
            break
        start = prev[0]
    return (start, end)


def is_heading(items: Sequence[Classified], i: int) -> bool:
    """A short line inside the body that introduces the prose after it."""
    item = items[i]
    if item.role is not Role.SHORT or item.block.words > HEADING_MAX_WORDS:
        return False
    if item.block.text.endswith((".", ",", ";")):
        return False
    nxt = items[i + 1] if i + 1 < len(items) else None
    return nxt is not None and nxt.role in (Role.PROSE, Role.SENTENCE)
