"""AEB (article-extraction-benchmark): body text against the full reference body, scored by
multiset 4-gram word shingles (``eval.metrics.shingle_score``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eval.datasets import read_json, read_page
from eval.metrics import aggregate_pages, bootstrap_f1_std, shingle_score
from eval.suites._common import extract_page

DATASET = "aeb"


def run_detailed(datasets: Path) -> tuple[dict[str, float], list[dict[str, Any]]]:
    root = datasets / DATASET
    truth: dict[str, dict[str, str]] = read_json(root / "ground-truth.json")
    scores = []
    pages: list[dict[str, Any]] = []
    errors = 0
    for page_id, item in sorted(truth.items()):
        outcome = extract_page(read_page(root / "html" / f"{page_id}.html.gz"), item.get("url"))
        text = outcome.article.text if outcome.article is not None else ""
        score = shingle_score(text, item.get("articleBody") or "")
        scores.append(score)
        errors += outcome.error is not None
        pages.append(
            {
                "id": page_id,
                "url": item.get("url"),
                "precision": score.precision,
                "recall": score.recall,
                "chars": len(text),
                "error": outcome.error,
                "ms": round(outcome.ms, 1),
            }
        )
    prf = aggregate_pages(scores)
    metrics = {
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
        "f1_std": bootstrap_f1_std(scores),
        "pages": float(len(scores)),
        "errors": float(errors),
    }
    return metrics, pages


def run(datasets: Path) -> dict[str, float]:
    return run_detailed(datasets)[0]
