"""The trafeval metadata metrics for copydesk and trafilatura side by side:
``python -m bench.trafeval_meta [--limit N]``.

Both tools read the same decoded text of each trafilatura-eval page and are scored by the same
functions as the ``trafeval`` eval suite (``eval.metrics``; definitions in
``eval/suites/trafeval.py``), over the pages whose label is not empty.

trafilatura runs as ``bare_extraction(html, url=url, with_metadata=True)``. Its ``categories``
is a list; its first item is compared as the section (copydesk gives one section). Its ``tags``
sometimes holds one comma-joined string; that string is split at commas, which is the reading
most favourable to it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import copydesk
from copydesk.parse.decode import decode
from eval.datasets import available, datasets_dir, read_json, read_page
from eval.metrics import description_exact, description_f1, section_in, tags_f1, title_matches
from eval.suites.trafeval import _label

DATASET = "trafilatura-eval"
Fields = dict[str, Any]


def _copydesk(text: str, url: str) -> Fields:
    article = copydesk.extract(text, url=url)
    return {
        "title": article.title,
        "description": article.description,
        "section": article.section,
        "tags": list(article.tags),
    }


def _trafilatura(text: str, url: str) -> Fields:
    import trafilatura

    doc = trafilatura.bare_extraction(text, url=url, with_metadata=True)
    if doc is None:
        return {}
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    categories = [str(c) for c in data.get("categories") or [] if str(c).strip()]
    tags = [t.strip() for item in data.get("tags") or [] for t in str(item).split(",")]
    return {
        "title": data.get("title"),
        "description": data.get("description"),
        "section": categories[0] if categories else None,
        "tags": [t for t in tags if t],
    }


TOOLS: dict[str, Callable[[str, str], Fields]] = {
    "copydesk": _copydesk,
    "trafilatura": _trafilatura,
}


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


def score(labels: dict[str, dict[str, Any]], got: dict[str, Fields]) -> dict[str, float]:
    sums = {"title": 0.0, "d_exact": 0.0, "d_f1": 0.0, "section": 0.0, "tags": 0.0}
    counts = {"title": 0, "description": 0, "section": 0, "tags": 0}
    for url, item in labels.items():
        fields = got.get(url, {})
        title = _label(item.get("title"))
        if isinstance(title, str):
            counts["title"] += 1
            sums["title"] += title_matches(fields.get("title"), title)
        description = _label(item.get("description"))
        if isinstance(description, str):
            counts["description"] += 1
            sums["d_exact"] += description_exact(fields.get("description"), description)
            sums["d_f1"] += description_f1(fields.get("description"), description)
        categories = _label(item.get("categories"))
        if categories is not None:
            counts["section"] += 1
            sums["section"] += section_in(fields.get("section"), _as_list(categories))
        tags = _label(item.get("tags"))
        if tags is not None:
            counts["tags"] += 1
            sums["tags"] += tags_f1(fields.get("tags") or [], _as_list(tags))

    def share(key: str, count: str) -> float:
        return sums[key] / counts[count] if counts[count] else 0.0

    return {
        "title_exact": share("title", "title"),
        "description_exact": share("d_exact", "description"),
        "description_f1": share("d_f1", "description"),
        "section_match": share("section", "section"),
        "tags_f1": share("tags", "tags"),
    }


def run(datasets: Path, tools: Sequence[str], limit: int | None) -> int:
    root = datasets / DATASET
    labels: dict[str, dict[str, Any]] = read_json(root / "labels.json")
    items = sorted(labels.items())[:limit] if limit else sorted(labels.items())
    texts = {url: decode(read_page(root / "pages" / item["file"])) for url, item in items}
    results: dict[str, dict[str, float]] = {}
    for name in tools:
        got: dict[str, Fields] = {}
        for url, text in texts.items():
            try:
                got[url] = TOOLS[name](text, url)
            except Exception:  # a peer's failure on one page is that page's empty answer
                got[url] = {}
        results[name] = score(dict(items), got)
    metrics = list(next(iter(results.values())))
    print("| metric | " + " | ".join(tools) + " |")
    print("|---|" + "---:|" * len(tools))
    for metric in metrics:
        print(f"| {metric} | " + " | ".join(f"{results[t][metric]:.3f}" for t in tools) + " |")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.trafeval_meta", description=__doc__)
    parser.add_argument("--datasets", type=Path, default=None)
    parser.add_argument("--tools", nargs="+", choices=sorted(TOOLS), default=sorted(TOOLS))
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    args = parser.parse_args(argv)
    datasets = args.datasets.resolve() if args.datasets else datasets_dir()
    if not available(datasets / DATASET):
        print(f"datasets not found at {datasets}: nothing to compare")
        return 2
    return run(datasets, args.tools, args.limit)


if __name__ == "__main__":
    sys.exit(main())
