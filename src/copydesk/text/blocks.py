"""Scraped text → blocks with the features the classifier weighs.

A block is what a scrape separates by a blank line (one block-level element of the page). Text
without blank lines is split per line instead. Features are language-independent: length, word
count, terminal punctuation, the share of lowercase words (prose has many, menus and headlines
few), list markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Inputs are cut here before splitting: 5 M characters is the HTML cap too; the tail of a larger
# "page" is never article text and the cut bounds the time of a hostile input.
MAX_TEXT_CHARS = 5_000_000
# When blank lines separate fewer than this share of the lines, the scrape did not mark blocks
# with blank lines (one line per block): we split per line. 0.1 keeps hard-wrapped paragraphs
# (many lines, blank lines between paragraphs) as paragraphs.
MIN_BLANK_LINE_SHARE = 0.1
# A block longer than this is split at line breaks: a 5 MB "paragraph" is no paragraph, and the
# classifier's per-block cost grows with block length.
MAX_BLOCK_CHARS = 20_000

# At most this many blocks are read. Rendered news pages have 50-520 blocks (AEB median 146, max
# 517); 5,000 leaves room for endless comment threads while bounding a hostile 5 MB input of short
# lines to a fraction of a second of classification.
MAX_BLOCKS = 5_000

_BLANK = re.compile(r"\n[ \t\u00a0\u200b]*\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_TERMINAL = re.compile(r"[.!?…:。！？][\"'”’»)\]」』]*\s*$")
# Scripts written without spaces between words: a word-equivalent is about this many characters
# (Chinese words average 1.5-2 characters; Japanese mixes kana and kanji similarly).
CJK_CHARS_PER_WORD = 2
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Below this share of cased words, a script has no letter case (Korean, Arabic, Hebrew, Thai, CJK)
# and the lowercase share says nothing: it is reported as 1.0 (neutral) instead.
MIN_CASED_SHARE = 0.3
# Emoji, arrows and decorations after a sentence's final mark ("See you soon! 🙂"): ignored when
# deciding whether a block ends like a sentence.
_TRAILING_SYMBOLS = re.compile(r"[\s\u2190-\u2bff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f~*]+$")
_LIST_MARK = re.compile(r"^\s*(?:[•·▪●◦\-–*]|\d{1,2}[.)])\s+")


@dataclass(frozen=True, slots=True)
class TextBlock:
    index: int
    text: str  # whitespace-normalised, lines joined by a space
    words: int
    terminal: bool  # ends like a sentence
    lower_share: float  # share of words starting lowercase (0..1)
    list_item: bool

    @property
    def chars(self) -> int:
        return len(self.text)


def normalise(text: str) -> str:
    text = text[:MAX_TEXT_CHARS]
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    # lone surrogates (from mis-decoded input) cannot be encoded later: replace them now
    text = text.encode("utf-8", "replace").decode("utf-8")
    return _CONTROL.sub(" ", text)


def split_blocks(text: str) -> list[TextBlock]:
    """Split normalised text into blocks, in order."""
    text = normalise(text)
    parts = _BLANK.split(text)
    lines = text.count("\n") + 1
    if len(parts) - 1 < MIN_BLANK_LINE_SHARE * lines and lines > 3:
        parts = text.split("\n")
    pieces: list[str] = []
    for part in parts:
        if len(part) > MAX_BLOCK_CHARS and "\n" in part:
            pieces.extend(part.split("\n"))
        else:
            pieces.append(part)
    blocks: list[TextBlock] = []
    for piece in pieces:
        clean = " ".join(piece.split())
        if clean:
            blocks.append(make_block(len(blocks), clean))
            if len(blocks) >= MAX_BLOCKS:
                break
    return blocks


def make_block(index: int, text: str) -> TextBlock:
    head = text[:MAX_BLOCK_CHARS]
    words = _WORD.findall(head)
    lower = sum(1 for w in words if w[:1].islower())
    upper = sum(1 for w in words if w[:1].isupper())
    # words of caseless scripts (Korean, Arabic, Thai, CJK) count with the lowercase ones: they
    # are as likely prose as not, and must not make a Japanese paragraph look like a menu
    caseless = sum(
        1 for w in words if w[:1].isalpha() and not w[:1].islower() and not w[:1].isupper()
    )
    cjk = len(_CJK.findall(head))
    count = len(words) + (cjk // CJK_CHARS_PER_WORD if cjk else 0)
    if count and (lower + upper) < MIN_CASED_SHARE * count:
        lower_share = 1.0
    else:
        lower_share = (lower + caseless + count - len(words)) / count if count else 0.0
    return TextBlock(
        index=index,
        text=text,
        words=count,
        terminal=_TERMINAL.search(_TRAILING_SYMBOLS.sub("", text[-16:])) is not None,
        lower_share=lower_share,
        list_item=_LIST_MARK.match(text) is not None,
    )


def strip_list_mark(text: str) -> str:
    return _LIST_MARK.sub("", text, count=1)
