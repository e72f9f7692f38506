"""Quotes: ``copydesk.enrich.quotes.extract_quotes`` against hand-annotated fixture articles.

The articles are the project's own (``tests/fixtures/quotes/*.json``: body paragraphs and the
quotes a reader would mark, with speaker and cue; the annotation rules are in that folder's
README.md), so this suite needs no data set and always runs.

A predicted quote *matches* an annotated one when their word-token F1 is at least
``TEXT_MATCH`` (one-to-one, greedy by overlap). ``precision``/``recall`` count a match only when
the speaker is right too (case-insensitive); ``text_precision``/``text_recall`` ignore the
speaker; ``speaker_accuracy`` is the share of text matches with the right speaker.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from copydesk.enrich.quotes import extract_quotes
from copydesk.model import Block

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "quotes"
# Token F1 above which two quote texts are the same quote: tolerates a dropped or joined
# fragment ("A," she said. "B." read as one quote or as "B" alone fails) and punctuation.
TEXT_MATCH = 0.8
_TOKEN = re.compile(r"\w+")


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(_TOKEN.findall(a.lower())), Counter(_TOKEN.findall(b.lower()))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def _same_speaker(a: str | None, b: str | None) -> bool:
    norm = lambda s: " ".join((s or "").lower().split())  # noqa: E731
    return norm(a) == norm(b)


def score_article(
    predicted: list[dict[str, Any]], expected: list[dict[str, Any]]
) -> dict[str, int]:
    pairs = sorted(
        (
            (token_f1(p["text"], e["text"]), i, j)
            for i, p in enumerate(predicted)
            for j, e in enumerate(expected)
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_e: set[int] = set()
    text_matches = speaker_matches = 0
    for f1, i, j in pairs:
        if f1 < TEXT_MATCH or i in used_p or j in used_e:
            continue
        used_p.add(i)
        used_e.add(j)
        text_matches += 1
        speaker_matches += _same_speaker(predicted[i]["speaker"], expected[j]["speaker"])
    return {
        "predicted": len(predicted),
        "expected": len(expected),
        "text": text_matches,
        "speaker": speaker_matches,
    }


def run_detailed(datasets: Path) -> tuple[dict[str, float], list[dict[str, Any]]]:
    del datasets  # the fixtures live in the repository
    totals: Counter[str] = Counter()
    pages: list[dict[str, Any]] = []
    files = sorted(FIXTURES.glob("*.json"))
    for path in files:
        case = json.loads(path.read_text(encoding="utf-8"))
        blocks = [Block("paragraph", text) for text in case["blocks"]]
        predicted = [q.to_dict() for q in extract_quotes(blocks)]
        counts = score_article(predicted, case["quotes"])
        totals.update(counts)
        pages.append({"file": path.name, **counts, "predicted_quotes": predicted})

    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    precision = ratio(totals["speaker"], totals["predicted"])
    recall = ratio(totals["speaker"], totals["expected"])
    metrics = {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "text_precision": ratio(totals["text"], totals["predicted"]),
        "text_recall": ratio(totals["text"], totals["expected"]),
        "speaker_accuracy": ratio(totals["speaker"], totals["text"]),
        "articles": float(len(files)),
        "quotes": float(totals["expected"]),
    }
    return metrics, pages


def run(datasets: Path) -> dict[str, float]:
    return run_detailed(datasets)[0]
