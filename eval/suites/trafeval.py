"""trafilatura-eval: body snippets that must ("with") and must not ("without") be in the text,
plus the metadata labels on the same pages (issue 3): title, authors, publication day.

- Snippets: ``eval.metrics.count_snippets`` (whitespace-normalised substring test), precision,
  recall and F1 over all snippets of all pages, as the set's authors score.
- ``title_exact``: share of pages with a non-empty title label whose title equals it after
  NFKC + case fold + whitespace collapse.
- ``author_exact``: share of pages with a non-empty author label whose author set equals the
  label's (``eval.metrics.split_author_label``). Agencies in labels ("APA/AP") stay in: the
  label is the annotator's, and the metric is what it is; expect it to be strict.
- ``date_day``: share of pages with a date label whose ``published`` day equals it (a label
  with an impossible month written year-day-month is read day and month swapped).

The other metadata labels (issue 3), each over the pages whose label is not empty only: the set's
README warns that an empty label means "not recorded", not "none on the page", so a page without
a label neither rewards nor punishes an answer. Texts are compared after resolving HTML
character references, NFKC, case fold and whitespace collapse (``eval.metrics``).

- ``description_exact``: share of pages with a description label whose ``description`` equals it.
- ``description_f1``: mean over the same pages of the word-token F1 between ``description`` and
  the label (no answer scores 0). Labels are often the same lead cut at another length, which
  exact match counts as wrong.
- ``section_match``: share of pages with a "categories" label whose one ``section`` is one of
  the labelled categories (a blog post filed under three categories has three right answers).
- ``tags_f1``: mean over pages with a "tags" label of the set F1 between ``tags`` and the label
  (a leading "#" dropped on both sides; no answer scores 0).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from copydesk.model import Article
from eval.datasets import read_json, read_page
from eval.metrics import (
    SnippetCounts,
    authors_match,
    count_snippets,
    description_exact,
    description_f1,
    section_in,
    tags_f1,
    title_matches,
)
from eval.suites._common import day_of, extract_page

DATASET = "trafilatura-eval"


def _label(value: object) -> str | list[str] | None:
    """A usable label: a non-blank string or a non-empty list of non-blank strings."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, list):
        items = [str(v) for v in value if str(v).strip()]
        return items or None
    return None


def _label_day(label: str) -> str:
    """The label's day, ISO. Two labels are written year-day-month ("2022-29-11"): a month
    above 12 with a day that can be a month is read that way round, as the annotator meant."""
    day = label.strip()[:10]
    parts = day.split("-")
    readable = len(parts) == 3 and all(p.isdigit() for p in parts)
    if readable and int(parts[1]) > 12 and 1 <= int(parts[2]) <= 12:
        return f"{parts[0]}-{parts[2]}-{parts[1]}"
    return day


def run_detailed(datasets: Path) -> tuple[dict[str, float], list[dict[str, Any]]]:
    root = datasets / DATASET
    labels: dict[str, dict[str, Any]] = read_json(root / "labels.json")
    total = SnippetCounts()
    hits = {"title": 0, "author": 0, "date": 0}
    counted = {"title": 0, "author": 0, "date": 0}
    extra = {"description_exact": 0.0, "description_f1": 0.0, "section": 0.0, "tags": 0.0}
    extra_counted = {"description": 0, "section": 0, "tags": 0}
    pages: list[dict[str, Any]] = []
    errors = 0
    for url, item in sorted(labels.items()):
        outcome = extract_page(read_page(root / "pages" / item["file"]), url)
        article = outcome.article
        errors += outcome.error is not None
        counts = count_snippets(
            article.text if article else "", item.get("with") or [], item.get("without") or []
        )
        total += counts
        record: dict[str, Any] = {
            "file": item["file"],
            "url": url,
            "tp": counts.tp,
            "fn": counts.fn,
            "fp": counts.fp,
            "tn": counts.tn,
            "error": outcome.error,
            "ms": round(outcome.ms, 1),
        }
        title = _label(item.get("title"))
        if isinstance(title, str):
            ok = title_matches(article.title if article else None, title)
            counted["title"] += 1
            hits["title"] += ok
            record["title"] = {"ok": ok, "got": article.title if article else None}
        author = _label(item.get("author"))
        if author is not None:
            got = list(article.authors) if article else []
            ok = authors_match(got, author)
            counted["author"] += 1
            hits["author"] += ok
            record["author"] = {"ok": ok, "got": got}
        date = _label(item.get("date"))
        if isinstance(date, str):
            day = day_of(article)
            ok = day == _label_day(date)
            counted["date"] += 1
            hits["date"] += ok
            record["date"] = {"ok": ok, "got": day}
        _score_extra(item, article, record, extra, extra_counted)
        pages.append(record)
    prf = total.prf()
    metrics = {
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
        "title_exact": hits["title"] / counted["title"] if counted["title"] else 0.0,
        "author_exact": hits["author"] / counted["author"] if counted["author"] else 0.0,
        "date_day": hits["date"] / counted["date"] if counted["date"] else 0.0,
        "pages": float(len(pages)),
        "title_pages": float(counted["title"]),
        "author_pages": float(counted["author"]),
        "date_pages": float(counted["date"]),
        "errors": float(errors),
        "description_exact": _share(extra["description_exact"], extra_counted["description"]),
        "description_f1": _share(extra["description_f1"], extra_counted["description"]),
        "section_match": _share(extra["section"], extra_counted["section"]),
        "tags_f1": _share(extra["tags"], extra_counted["tags"]),
        "description_pages": float(extra_counted["description"]),
        "section_pages": float(extra_counted["section"]),
        "tags_pages": float(extra_counted["tags"]),
    }
    return metrics, pages


def _share(total: float, count: int) -> float:
    return total / count if count else 0.0


def _score_extra(
    item: dict[str, Any],
    article: Article | None,
    record: dict[str, Any],
    hits: dict[str, float],
    counted: dict[str, int],
) -> None:
    """Description, section and tags of one page, each scored only where labelled."""
    description = _label(item.get("description"))
    if isinstance(description, str):
        got = article.description if article else None
        exact = description_exact(got, description)
        f1 = description_f1(got, description)
        counted["description"] += 1
        hits["description_exact"] += exact
        hits["description_f1"] += f1
        record["description"] = {"ok": exact, "f1": round(f1, 3), "got": got}
    categories = _label(item.get("categories"))
    if categories is not None:
        cats = [categories] if isinstance(categories, str) else categories
        section = article.section if article else None
        ok = section_in(section, cats)
        counted["section"] += 1
        hits["section"] += ok
        record["section"] = {"ok": ok, "got": section}
    tags = _label(item.get("tags"))
    if tags is not None:
        got_tags = list(article.tags) if article else []
        f1 = tags_f1(got_tags, [tags] if isinstance(tags, str) else tags)
        counted["tags"] += 1
        hits["tags"] += f1
        record["tags"] = {"f1": round(f1, 3), "got": got_tags}


def run(datasets: Path) -> dict[str, float]:
    return run_detailed(datasets)[0]
