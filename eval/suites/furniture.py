"""Furniture set: the project's own pages in real sites' shapes (``tests/fixtures/furniture``),
HTML and scraped text, each with an ``expected.json`` of related teasers, notices and ages.

Metrics (micro-averaged over all teasers / notices of all cases):
- ``title_precision`` / ``title_recall``: teaser titles found vs expected (whitespace-normalised);
- ``url_accuracy``, ``summary_accuracy``, ``caption_accuracy``, ``authors_accuracy``: among matched
  teasers, the field equals the expected value (``None`` included);
- ``age_accuracy``: among matched teasers with an expected age, ``age_text`` and ``published``
  (ISO string, so zone and precision count) both equal the expected ones;
- ``notice_precision`` / ``notice_recall``; ``page_type_accuracy`` where a case pins it.

Needs no data set: it runs wherever the repository is.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import copydesk

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "furniture"


def _norm(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def _ratio(good: int, total: int) -> float:
    return good / total if total else 1.0


def cases(root: Path = FIXTURES) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "expected.json").is_file())


def extract_case(folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    name = "input.html" if expected["input"] == "html" else "input.txt"
    page = (folder / name).read_bytes()
    article = copydesk.extract(
        page,
        url=expected["url"],
        fetched_at=datetime.fromisoformat(expected["fetched_at"]),
        input=expected["input"],
    )
    return expected, article.to_dict()


def run_detailed(datasets: Path) -> tuple[dict[str, float], list[dict[str, Any]]]:
    del datasets
    n: dict[str, int] = {
        k: 0
        for k in (
            "pred",
            "exp",
            "match",
            "url",
            "summary",
            "caption",
            "authors",
            "age",
            "aged",
            "npred",
            "nexp",
            "nmatch",
            "pt",
            "ptok",
        )
    }
    pages = []
    for folder in cases():
        expected, got = extract_case(folder)
        want = {_norm(t["title"]): t for t in expected["related"]}
        have = {_norm(t["title"]): t for t in got["related"]}
        matched = [k for k in want if k in have]
        n["pred"] += len(have)
        n["exp"] += len(want)
        n["match"] += len(matched)
        for key in matched:
            w, h = want[key], have[key]
            n["url"] += w["url"] == h["url"]
            n["summary"] += _norm(w["summary"]) == _norm(h["summary"])
            n["caption"] += _norm(w["image_caption"]) == _norm(h["image_caption"])
            n["authors"] += w["authors"] == h["authors"]
            if w["age_text"] is not None:
                n["aged"] += 1
                n["age"] += w["age_text"] == h["age_text"] and w["published"] == h["published"]
        want_n = {_norm(x) for x in expected["notices"]}
        have_n = {_norm(x) for x in got["notices"]}
        n["npred"] += len(have_n)
        n["nexp"] += len(want_n)
        n["nmatch"] += len(want_n & have_n)
        if expected.get("page_type"):
            n["pt"] += 1
            n["ptok"] += expected["page_type"] == got["page_type"]
        pages.append(
            {
                "id": folder.name,
                "missed": sorted(k or "" for k in want if k not in have),
                "extra": sorted(k or "" for k in have if k not in want),
                "notices_missed": sorted(x or "" for x in want_n - have_n),
                "notices_extra": sorted(x or "" for x in have_n - want_n),
            }
        )
    metrics = {
        "title_precision": _ratio(n["match"], n["pred"]),
        "title_recall": _ratio(n["match"], n["exp"]),
        "url_accuracy": _ratio(n["url"], n["match"]),
        "summary_accuracy": _ratio(n["summary"], n["match"]),
        "caption_accuracy": _ratio(n["caption"], n["match"]),
        "authors_accuracy": _ratio(n["authors"], n["match"]),
        "age_accuracy": _ratio(n["age"], n["aged"]),
        "notice_precision": _ratio(n["nmatch"], n["npred"]),
        "notice_recall": _ratio(n["nmatch"], n["nexp"]),
        "page_type_accuracy": _ratio(n["ptok"], n["pt"]),
        "cases": float(len(pages)),
        "teasers": float(n["exp"]),
    }
    return metrics, pages


def run(datasets: Path) -> dict[str, float]:
    return run_detailed(datasets)[0]


if __name__ == "__main__":
    m, p = run_detailed(Path("."))
    for k, v in m.items():
        print(f"{k:20} {v:.3f}")
    for page in p:
        if any(page[k] for k in ("missed", "extra", "notices_missed", "notices_extra")):
            print(json.dumps(page, ensure_ascii=False))
