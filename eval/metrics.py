"""Scoring functions shared by the suites and the benchmark. Pure functions, no I/O.

Each metric follows the definition the data set's authors published (see
``../shared/datasets/README.md``); where that definition leaves a choice open, the choice is made
here, once, and said in the docstring.
"""

from __future__ import annotations

import html
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# AEB's shingle length: 4 consecutive word tokens (the benchmark's own choice).
SHINGLE_N = 4
# Bootstrap resamples for the ± of AEB F1: 1000 resamples put the std's own error below 3 %,
# which is plenty for a figure quoted with two significant digits; a fixed seed keeps the
# figure identical between runs of the same predictions.
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 20191119

_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+", re.UNICODE)
# How an author label names several people: "A, B", "A; B", "A / B", "A & B", "A und B",
# "A and B", "A | B". No name in the labels contains these separators, and the comma-inverted
# "Surname, Given" form does not occur in them. Spanish "y" and Portuguese "e" are left out:
# they also sit inside single names ("Ortega y Gasset").
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;/|&]|\s(?:and|und)\s)\s*", re.IGNORECASE)


# --- AEB: body text against a full reference text -------------------------------------------


def word_tokens(text: str) -> list[str]:
    """Unicode word tokens (``\\w+``), as the AEB benchmark tokenises. Case is kept."""
    return _WORD.findall(text)


def shingles(text: str, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    """The multiset of ``n``-token shingles of ``text``.

    A text with fewer than ``n`` tokens (but at least one) is one shingle of all its tokens, so a
    very short prediction or truth is not mistaken for an empty one.
    """
    tokens = word_tokens(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's shingle scores. ``precision`` is None when the prediction is empty (such a page
    does not enter the precision average), except on an empty-truth page, which is perfect."""

    precision: float | None
    recall: float


def shingle_score(prediction: str, truth: str) -> PageScore:
    """Score one page as AEB does: multiset shingle overlap over prediction and truth sizes.

    Empty truth and empty prediction: perfect (1, 1). Empty truth, non-empty prediction: nothing
    on the page is right (0, 0). Non-empty truth, empty prediction: recall 0, no precision.
    """
    pred = shingles(prediction)
    true = shingles(truth)
    pred_size = sum(pred.values())
    true_size = sum(true.values())
    if not true_size:
        return PageScore(1.0, 1.0) if not pred_size else PageScore(0.0, 0.0)
    if not pred_size:
        return PageScore(None, 0.0)
    overlap = sum((pred & true).values())
    return PageScore(overlap / pred_size, overlap / true_size)


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def aggregate_pages(scores: Sequence[PageScore]) -> PRF:
    """AEB's aggregation: mean precision over pages with a precision, mean recall over all pages,
    F1 the harmonic mean of the two means (not the mean of per-page F1s)."""
    if not scores:
        return PRF(0.0, 0.0, 0.0)
    precisions = [s.precision for s in scores if s.precision is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(s.recall for s in scores) / len(scores)
    return PRF(precision, recall, harmonic(precision, recall))


def bootstrap_f1_std(
    scores: Sequence[PageScore], samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED
) -> float:
    """Standard deviation of the aggregated F1 over bootstrap resamples of the pages."""
    if len(scores) < 2:
        return 0.0
    rng = random.Random(seed)
    values = [aggregate_pages(rng.choices(scores, k=len(scores))).f1 for _ in range(samples)]
    mean = sum(values) / len(values)
    return float((sum((v - mean) ** 2 for v in values) / (len(values) - 1)) ** 0.5)


# --- trafilatura-eval: snippets that must / must not be in the text --------------------------


def normalize_space(text: str) -> str:
    """NFC, every run of whitespace (newlines, tabs, no-break spaces) one space, ends stripped.

    Used on both sides of the snippet test: the annotators copied snippets from rendered pages,
    where line breaks and non-breaking spaces are layout, not content; case and punctuation are
    kept, since they are content.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(
            self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn
        )

    def prf(self) -> PRF:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return PRF(precision, recall, harmonic(precision, recall))


def count_snippets(text: str, with_: Iterable[str], without: Iterable[str]) -> SnippetCounts:
    """A "with" snippet found is a TP (else FN); a "without" snippet found is a FP (else TN).

    "Found" means: the whitespace-normalised snippet is a substring of the whitespace-normalised
    text (see :func:`normalize_space`). Empty snippets are ignored.
    """
    haystack = normalize_space(text)
    tp = fn = fp = tn = 0
    for snippet in (normalize_space(s) for s in with_):
        if not snippet:
            continue
        if snippet in haystack:
            tp += 1
        else:
            fn += 1
    for snippet in (normalize_space(s) for s in without):
        if not snippet:
            continue
        if snippet in haystack:
            fp += 1
        else:
            tn += 1
    return SnippetCounts(tp, fn, fp, tn)


# --- metadata ------------------------------------------------------------------------------


def normalize_label(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: the form titles and names are compared in."""
    return normalize_space(unicodedata.normalize("NFKC", text)).casefold()


def title_matches(predicted: str | None, label: str) -> bool:
    """Exact title match after :func:`normalize_label` on both sides. No answer is wrong."""
    return predicted is not None and normalize_label(predicted) == normalize_label(label)


def split_author_label(label: str | Sequence[str]) -> frozenset[str]:
    """The set of normalised names a label holds. A list label is one name per item; a string is
    split on ``, ; / | &`` and on the words "and" and "und" between names."""
    items = [label] if isinstance(label, str) else list(label)
    names = (normalize_label(part) for item in items for part in _AUTHOR_SPLIT.split(item))
    return frozenset(name for name in names if name)


def authors_match(predicted: Iterable[str], label: str | Sequence[str]) -> bool:
    """Set equality of normalised names. Each predicted name is split like a label too, so a
    prediction of "A and B" as one author equals the label "A, B"; order never matters."""
    expected = split_author_label(label)
    got = frozenset(name for item in predicted for name in split_author_label(item))
    return bool(expected) and got == expected


@dataclass(frozen=True, slots=True)
class DateCounts:
    """htmldate's counting: right (TP), wrong answer (FP), no answer where one was expected (FN),
    no answer where none was expected (TN; a few pages are labelled "no date")."""

    right: int = 0
    wrong: int = 0
    missing: int = 0
    none_expected: int = 0

    def add(self, predicted: str | None, label: str | None) -> DateCounts:
        right, wrong, missing, none_expected = (
            self.right,
            self.wrong,
            self.missing,
            self.none_expected,
        )
        if label is None and predicted is None:
            none_expected += 1
        elif predicted is None:
            missing += 1
        elif predicted == label:
            right += 1
        else:
            wrong += 1
        return DateCounts(right, wrong, missing, none_expected)

    @property
    def total(self) -> int:
        return self.right + self.wrong + self.missing + self.none_expected

    def scores(self) -> dict[str, float]:
        """accuracy = (TP + TN) / pages; precision = TP / answered; recall = TP / (TP + FN),
        htmldate's own convention (a wrong answer is a false positive, no answer a false
        negative); F1 their harmonic mean."""
        accuracy = (self.right + self.none_expected) / self.total if self.total else 0.0
        answered = self.right + self.wrong
        precision = self.right / answered if answered else 0.0
        recall = self.right / (self.right + self.missing) if self.right + self.missing else 0.0
        return {
            "accuracy": accuracy,
            "precision": precision,
            "recall": recall,
            "f1": harmonic(precision, recall),
        }


# --- trafilatura-eval: description, categories, tags ------------------------------------------


def normalize_meta_text(text: str) -> str:
    """:func:`normalize_label` after resolving HTML character references (twice, so that a
    double-escaped ``&amp;hellip;`` reads as "…"): several labels were copied from the page
    source with its entities (``Insekten&hellip;``), and a reader compares what the text says."""
    return normalize_label(html.unescape(html.unescape(text)))


def meta_tokens(text: str) -> Counter[str]:
    """The multiset of word tokens (``\\w+``) of :func:`normalize_meta_text`."""
    return Counter(_WORD.findall(normalize_meta_text(text)))


def description_exact(predicted: str | None, label: str) -> bool:
    """Equality after :func:`normalize_meta_text` on both sides. No answer is wrong."""
    return predicted is not None and normalize_meta_text(predicted) == normalize_meta_text(label)


def description_f1(predicted: str | None, label: str) -> float:
    """Token F1 of one page's description: multiset overlap of word tokens over the predicted
    and the labelled token counts. Labels are often a longer or shorter cut of the same lead
    ("…" at another place), which exact match scores as wrong though a reader sees the same
    description; token F1 gives that partial credit. No answer scores 0."""
    got = meta_tokens(predicted or "")
    want = meta_tokens(label)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    return harmonic(overlap / sum(got.values()), overlap / sum(want.values()))


def section_in(predicted: str | None, categories: Sequence[str]) -> bool:
    """The one predicted section is one of the labelled categories (a page may be filed under
    several; any of them is a right section). Compared after :func:`normalize_meta_text`."""
    if not predicted:
        return False
    return normalize_meta_text(predicted) in {normalize_meta_text(c) for c in categories}


def _tag_key(tag: str) -> str:
    return normalize_meta_text(tag).lstrip("#").strip()


def tags_f1(predicted: Iterable[str], label: Sequence[str]) -> float:
    """Set F1 of one page's tags after :func:`normalize_meta_text` and dropping a leading "#"
    (a hashtag link "#wahlen2018" is the tag "wahlen2018"). No answer scores 0."""
    want = {k for k in (_tag_key(t) for t in label) if k}
    got = {k for k in (_tag_key(t) for t in predicted) if k}
    overlap = len(want & got)
    if not overlap:
        return 0.0
    return harmonic(overlap / len(got), overlap / len(want))
