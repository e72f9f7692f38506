"""htmldate-eval: the publication day of ``Article.published`` against the label.

accuracy = (right + rightly unanswered) / pages; precision = right / answered; recall = right /
(right + unanswered where a date was expected); F1 their harmonic mean
(``eval.metrics.DateCounts``). The day is the one the page states, in its own zone: a
23:30-05:00 timestamp is that day, not the next day in UTC, as the labels read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eval.datasets import read_json, read_page
from eval.metrics import DateCounts
from eval.suites._common import day_of, extract_page

DATASET = "htmldate-eval"


def run_detailed(datasets: Path) -> tuple[dict[str, float], list[dict[str, Any]]]:
    root = datasets / DATASET
    labels: dict[str, dict[str, str]] = read_json(root / "labels.json")
    counts = DateCounts()
    pages: list[dict[str, Any]] = []
    errors = 0
    for url, item in sorted(labels.items()):
        outcome = extract_page(read_page(root / "pages" / item["file"]), url)
        errors += outcome.error is not None
        day = day_of(outcome.article)
        raw_label = item.get("date")
        # A few pages are labelled NaN: no publication date expected.
        label = raw_label[:10] if isinstance(raw_label, str) and raw_label.strip() else None
        counts = counts.add(day, label)
        pages.append(
            {
                "file": item["file"],
                "url": url,
                "label": label,
                "got": day,
                "error": outcome.error,
                "ms": round(outcome.ms, 1),
            }
        )
    metrics = {**counts.scores(), "pages": float(counts.total), "errors": float(errors)}
    return metrics, pages


def run(datasets: Path) -> dict[str, float]:
    return run_detailed(datasets)[0]
