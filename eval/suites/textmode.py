"""Text mode on AEB: each page rendered to its visible text ("select all, copy", see
``eval/render_text.py``), extracted with ``copydesk.extract(text, input="text")``, and scored
against the AEB reference body with the same 4-gram shingle metric as the ``aeb`` suite.

Also reported: the score of the whole rendered text (``raw_f1``: what a scrape gives before any
extraction), so the figure says how much the plain-text classifier removes.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

import copydesk
from copydesk.parse.decode import decode
from eval.datasets import read_json, read_page
from eval.metrics import aggregate_pages, bootstrap_f1_std, shingle_score
from eval.render_text import render_text

DATASET = "aeb"


def run_detailed(datasets: Path) -> tuple[dict[str, float], list[dict[str, Any]]]:
    root = datasets / DATASET
    truth: dict[str, dict[str, str]] = read_json(root / "ground-truth.json")
    scores = []
    raw_scores = []
    pages: list[dict[str, Any]] = []
    errors = 0
    for page_id, item in sorted(truth.items()):
        rendered = render_text(decode(read_page(root / "html" / f"{page_id}.html.gz")))
        error = None
        try:
            text = copydesk.extract(rendered, url=item.get("url"), input="text").text
        except Exception as exc:  # extract must not raise: count it, score it as empty
            last = traceback.extract_tb(exc.__traceback__)[-1]
            error, text = f"{type(exc).__name__}: {exc} ({last.filename}:{last.lineno})", ""
        errors += error is not None
        reference = item.get("articleBody") or ""
        score = shingle_score(text, reference)
        scores.append(score)
        raw_scores.append(shingle_score(rendered, reference))
        pages.append(
            {
                "id": page_id,
                "precision": score.precision,
                "recall": score.recall,
                "chars": len(text),
                "rendered_chars": len(rendered),
                "error": error,
            }
        )
    prf = aggregate_pages(scores)
    raw = aggregate_pages(raw_scores)
    metrics = {
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
        "f1_std": bootstrap_f1_std(scores),
        "raw_f1": raw.f1,
        "pages": float(len(scores)),
        "errors": float(errors),
    }
    return metrics, pages


def run(datasets: Path) -> dict[str, float]:
    return run_detailed(datasets)[0]
