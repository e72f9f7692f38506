"""Metadata side by side: copydesk and each peer that extracts metadata, scored alike.
``python -m bench.peers_meta [--tools ...] [--limit N] [--fundus-python PATH]``.

Sets (../shared/datasets, read at run time): trafilatura-eval (title exact, author set exact,
publication day, each over the pages with a non-empty label) and htmldate-eval (publication day:
accuracy, precision, recall, F1). The scoring is the eval suites': ``eval.metrics``'
``title_matches``, ``authors_match`` and ``DateCounts``, with the labels read as
``eval/suites/trafeval.py`` and ``eval/suites/htmldate.py`` read them. copydesk is run as the
eval suites run it (raw bytes, the labels' key as URL), so its figures equal ``python -m eval run
trafeval htmldate``; each peer gets the same page decoded once by copydesk's decoder, and the URL
when the key is one (trafilatura-eval keys some pages "hard::name", no URL).

Peers, each at its defaults for metadata, with network I/O off:

- trafilatura: ``bare_extraction(html, url=url, with_metadata=True)``; its ``author`` string
  ("A; B") is one prediction item, split like a label by ``authors_match``.
- newspaper4k: ``Article.download(input_html=...)`` + ``parse()``, ``fetch_images`` off.
- news-please: ``NewsPlease.from_html(html, url=url, fetch_images=False)``.
- goose3: ``Goose({"enable_image_fetching": False}).extract(url=url, raw_html=html)``; its
  ``publish_date`` string is read as it states the day (not the UTC-converted field).
- htmldate (dates only): ``find_date(html, url=url)`` at its defaults, and again with
  ``original_date=True`` (it asks for the first publication, not the latest date): two rows.
- Fundus: only pages of publishers it has a parser for; it pins older lxml/fastwarc, so it runs
  in its own virtualenv, given by ``--fundus-python`` (``bench/fundus_worker.py``). On that
  subset it is scored beside every other tool, plus AEB body F1 (``eval.metrics``, as in
  ``python -m bench extract``) for copydesk, trafilatura and Fundus.

A peer that is not installed is skipped with a one-line message. Each page is limited to
``PAGE_TIMEOUT_S`` (a hang is that page's empty answer). JSON with every page's answer goes to
bench/results/peers_meta.json (and a time-stamped copy).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import copydesk
from copydesk.parse.decode import decode
from eval.datasets import available, datasets_dir, read_json, read_page
from eval.metrics import (
    DateCounts,
    aggregate_pages,
    authors_match,
    shingle_score,
    title_matches,
)
from eval.suites._common import PAGE_TIMEOUT_S, _time_limit, day_of
from eval.suites.trafeval import _label, _label_day

RESULTS_DIR = Path(__file__).resolve().parent / "results"
FUNDUS_WORKER = Path(__file__).resolve().parent / "fundus_worker.py"
# Fundus over ~70 pages takes well under a minute; longer is a hang.
FUNDUS_TIMEOUT_S = 900
# A placeholder URL for peers that need one when the page has none (newspaper4k requires one).
NO_URL = "https://example.com/article.html"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Answer:
    """One tool's metadata answer for one page."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    day: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    set: str
    key: str  # the label's key: the URL, or a "hard::name" id
    raw: bytes
    text: str  # decoded once, by copydesk's decoder
    label: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str | None:
        return self.key if self.key.startswith(("http://", "https://")) else None


# A tool: (raw bytes, decoded text, URL or None, label key) -> Answer.
Tool = Callable[[bytes, str, str | None, str], Answer]


def day_from(value: object) -> str | None:
    """The day a peer's date value states, in its own zone (not converted): a datetime's or date's
    day, or the leading ISO day of a string, else the day ``dateutil`` reads in it."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    if match := _ISO_DAY.match(value.strip()):
        return match.group(0)
    try:
        from dateutil import parser as dateutil_parser

        return dateutil_parser.parse(value).date().isoformat()
    except (ValueError, OverflowError):
        return None


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value if str(v).strip())
    return ()


# --- the tools -------------------------------------------------------------------------------


def _copydesk() -> Tool:
    def run(raw: bytes, text: str, url: str | None, key: str) -> Answer:
        article = copydesk.extract(raw, url=key)  # as the eval suites call it
        return Answer(article.title, tuple(article.authors), day_of(article))

    return run


def _trafilatura() -> Tool:
    import trafilatura

    def run(raw: bytes, text: str, url: str | None, key: str) -> Answer:
        doc = trafilatura.bare_extraction(text, url=url, with_metadata=True)
        if doc is None:
            return Answer()
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        return Answer(data.get("title"), _names(data.get("author")), day_from(data.get("date")))

    return run


def _newspaper() -> Tool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns at import that nltk (unused here) is absent
        from newspaper import Article, Config  # type: ignore[import-untyped]

    config = Config()
    config.fetch_images = False  # its default downloads images: network I/O

    def run(raw: bytes, text: str, url: str | None, key: str) -> Answer:
        article = Article(url or NO_URL, config=config)
        article.download(input_html=text)
        article.parse()
        return Answer(article.title, _names(article.authors), day_from(article.publish_date))

    return run


def _newsplease() -> Tool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from newsplease import NewsPlease  # type: ignore[import-untyped]

    def run(raw: bytes, text: str, url: str | None, key: str) -> Answer:
        article = NewsPlease.from_html(text, url=url, fetch_images=False)
        return Answer(
            getattr(article, "title", None),
            _names(getattr(article, "authors", None)),
            day_from(getattr(article, "date_publish", None)),
        )

    return run


def _goose() -> Tool:
    from goose3 import Goose  # type: ignore[import-untyped]

    goose = Goose({"enable_image_fetching": False})

    def run(raw: bytes, text: str, url: str | None, key: str) -> Answer:
        article = goose.extract(url=url, raw_html=text)
        return Answer(article.title, _names(article.authors), day_from(article.publish_date))

    return run


def _htmldate(original: bool) -> Callable[[], Tool]:
    def factory() -> Tool:
        from htmldate import find_date

        def run(raw: bytes, text: str, url: str | None, key: str) -> Answer:
            found = find_date(text, url=url, original_date=original)
            return Answer(day=day_from(found))

        return run

    return factory


TOOLS: dict[str, Callable[[], Tool]] = {
    "copydesk": _copydesk,
    "trafilatura": _trafilatura,
    "newspaper4k": _newspaper,
    "news-please": _newsplease,
    "goose3": _goose,
    "htmldate": _htmldate(original=False),
    "htmldate-original": _htmldate(original=True),
}
DATES_ONLY = frozenset({"htmldate", "htmldate-original"})


# --- pages and scoring -----------------------------------------------------------------------


def load_pages(datasets: Path, limit: int | None) -> list[Page]:
    pages: list[Page] = []
    for name in ("trafilatura-eval", "htmldate-eval"):
        labels: dict[str, dict[str, Any]] = read_json(datasets / name / "labels.json")
        items = sorted(labels.items())[:limit] if limit else sorted(labels.items())
        for key, item in items:
            raw = read_page(datasets / name / "pages" / item["file"])
            pages.append(Page(name, key, raw, decode(raw), item))
    return pages


def run_tool(tool: Tool, pages: list[Page]) -> tuple[list[Answer], float]:
    answers: list[Answer] = []
    started = time.perf_counter()
    for page in pages:
        try:
            with warnings.catch_warnings(), _time_limit(PAGE_TIMEOUT_S):
                warnings.simplefilter("ignore")
                answers.append(tool(page.raw, page.text, page.url, page.key))
        except Exception as exc:  # one page's failure is that page's empty answer
            answers.append(Answer(error=f"{type(exc).__name__}: {exc}"[:300]))
    return answers, time.perf_counter() - started


def _trafeval_label_day(item: dict[str, Any]) -> str | None:
    date_label = _label(item.get("date"))  # as eval/suites/trafeval.py reads it
    return _label_day(date_label) if isinstance(date_label, str) else None


def _htmldate_label_day(item: dict[str, Any]) -> str | None:
    raw_label = item.get("date")  # as eval/suites/htmldate.py reads it ("NaN": none expected)
    return raw_label[:10] if isinstance(raw_label, str) and raw_label.strip() else None


def score(pages: list[Page], answers: list[Answer]) -> dict[str, float]:
    """The trafeval metadata metrics and the htmldate-eval date metrics of one tool."""
    hits = {"title": 0, "author": 0, "date": 0}
    counted = {"title": 0, "author": 0, "date": 0}
    dates = DateCounts()
    errors = 0
    for page, answer in zip(pages, answers, strict=True):
        errors += answer.error is not None
        if page.set == "htmldate-eval":
            dates = dates.add(answer.day, _htmldate_label_day(page.label))
            continue
        title = _label(page.label.get("title"))
        if isinstance(title, str):
            counted["title"] += 1
            hits["title"] += title_matches(answer.title, title)
        author = _label(page.label.get("author"))
        if author is not None:
            counted["author"] += 1
            hits["author"] += authors_match(list(answer.authors), author)
        day = _trafeval_label_day(page.label)
        if day is not None:
            counted["date"] += 1
            hits["date"] += answer.day == day
    share = {k: hits[k] / counted[k] if counted[k] else 0.0 for k in hits}
    date_scores = dates.scores()
    return {
        "title_exact": share["title"],
        "author_exact": share["author"],
        "date_day": share["date"],
        "title_pages": counted["title"],
        "author_pages": counted["author"],
        "date_pages": counted["date"],
        "htmldate_accuracy": date_scores["accuracy"],
        "htmldate_precision": date_scores["precision"],
        "htmldate_recall": date_scores["recall"],
        "htmldate_f1": date_scores["f1"],
        "htmldate_pages": dates.total,
        "errors": errors,
    }


# --- Fundus ----------------------------------------------------------------------------------


def run_fundus(
    python: str, inputs: list[dict[str, Any]]
) -> tuple[dict[str, dict[str, Any]], str] | str:
    """Fundus's answers by page id (pages of its publishers only) and its version, or why not."""
    with tempfile.TemporaryDirectory() as tmp:
        given, out = Path(tmp) / "in.json", Path(tmp) / "out.json"
        given.write_text(json.dumps(inputs, ensure_ascii=False), encoding="utf-8")
        try:
            proc = subprocess.run(
                [python, str(FUNDUS_WORKER), str(given), str(out)],
                capture_output=True,
                text=True,
                timeout=FUNDUS_TIMEOUT_S,
                check=False,
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{type(exc).__name__}: {exc}"
        if proc.returncode != 0 or not out.exists():
            return (proc.stderr.strip().splitlines() or ["no output"])[-1]
        result = json.loads(out.read_text(encoding="utf-8"))
    return {p["id"]: p for p in result["pages"]}, str(result.get("version"))


def _fundus_inputs(pages: list[Page], aeb: list[tuple[str, str, bytes]]) -> list[dict[str, Any]]:
    # Fundus picks its parser version by crawl date. The sets record none, so the page's labelled
    # day stands in (it only selects a layout version; it gives no answer), and AEB's pages were
    # collected in November 2019.
    inputs = [
        {
            "id": f"{p.set}|{p.key}",
            "url": p.url or "",
            "html": p.text,
            "crawl_date": (
                _trafeval_label_day(p.label)
                if p.set == "trafilatura-eval"
                else _htmldate_label_day(p.label)
            ),
        }
        for p in pages
    ]
    inputs += [
        {"id": f"aeb|{pid}", "url": url, "html": decode(raw), "crawl_date": "2019-11-20"}
        for pid, url, raw in aeb
    ]
    return inputs


def _load_aeb(datasets: Path) -> tuple[list[tuple[str, str, bytes]], dict[str, str]]:
    truth: dict[str, dict[str, str]] = read_json(datasets / "aeb" / "ground-truth.json")
    pages = [
        (pid, item.get("url") or "", read_page(datasets / "aeb" / "html" / f"{pid}.html.gz"))
        for pid, item in sorted(truth.items())
    ]
    return pages, {pid: item.get("articleBody") or "" for pid, item in truth.items()}


def _aeb_body_f1(texts: dict[str, str], truth: dict[str, str]) -> float:
    return aggregate_pages([shingle_score(texts[pid], truth[pid]) for pid in texts]).f1


def fundus_subset(
    python: str,
    datasets: Path,
    pages: list[Page],
    answers: dict[str, list[Answer]],
) -> dict[str, Any]:
    aeb, aeb_truth = _load_aeb(datasets)
    ran = run_fundus(python, _fundus_inputs(pages, aeb))
    if isinstance(ran, str):
        return {"skipped": ran}
    found, version = ran
    covered = [i for i, p in enumerate(pages) if f"{p.set}|{p.key}" in found]
    sub_pages = [pages[i] for i in covered]
    rows: dict[str, dict[str, Any]] = {}
    for tool, tool_answers in answers.items():
        rows[tool] = score(sub_pages, [tool_answers[i] for i in covered])
    fundus_answers = [
        Answer(
            found[f"{p.set}|{p.key}"]["title"],
            tuple(found[f"{p.set}|{p.key}"]["authors"]),
            found[f"{p.set}|{p.key}"]["day"],
            found[f"{p.set}|{p.key}"]["error"],
        )
        for p in sub_pages
    ]
    rows["fundus"] = score(sub_pages, fundus_answers)
    aeb_ids = [pid for pid, _, _ in aeb if f"aeb|{pid}" in found]
    bodies: dict[str, dict[str, str]] = {
        "fundus": {pid: found[f"aeb|{pid}"]["body"] for pid in aeb_ids}
    }
    by_id = {pid: (url, raw) for pid, url, raw in aeb}
    bodies["copydesk"] = {
        pid: copydesk.extract(by_id[pid][1], url=by_id[pid][0]).text for pid in aeb_ids
    }
    if "trafilatura" in answers:
        import trafilatura

        bodies["trafilatura"] = {
            pid: trafilatura.extract(decode(by_id[pid][1]), url=by_id[pid][0]) or ""
            for pid in aeb_ids
        }
    # Fundus answers many older layouts with an empty body (its parsers follow the sites'
    # current markup): the F1 over the pages where it gave a body shows its quality where it
    # does parse, beside its F1 over all its publishers' pages.
    answered = [pid for pid in aeb_ids if bodies["fundus"][pid].strip()]
    for tool, texts in bodies.items():
        row = rows.setdefault(tool, {})
        row["aeb_body_f1"] = _aeb_body_f1(texts, aeb_truth) if texts else 0.0
        row["aeb_pages"] = len(texts)
        some = {pid: texts[pid] for pid in answered}
        row["aeb_body_f1_fundus_answered"] = _aeb_body_f1(some, aeb_truth) if some else 0.0
        row["aeb_pages_fundus_answered"] = len(some)
    publishers = sorted({found[i]["publisher"] for i in found})
    return {"version": version, "pages": sorted(found), "publishers": publishers, "rows": rows}


# --- report ----------------------------------------------------------------------------------


def _cell(row: dict[str, Any], key: str, dates_only: bool) -> str:
    if dates_only and key in ("title_exact", "author_exact"):
        return "-"
    return f"{row[key]:.3f}" if key in row else "-"


def markdown(rows: dict[str, dict[str, Any]], with_body: bool = False) -> str:
    any_row = next(iter(rows.values()))
    head = (
        f"| tool | title exact ({any_row.get('title_pages', 0)}) "
        f"| author exact ({any_row.get('author_pages', 0)}) "
        f"| date day ({any_row.get('date_pages', 0)}) "
        f"| htmldate-eval acc ({any_row.get('htmldate_pages', 0)}) | P | R | F1 |"
    )
    keys = ["title_exact", "author_exact", "date_day"]
    keys += ["htmldate_accuracy", "htmldate_precision", "htmldate_recall", "htmldate_f1"]
    if with_body:
        pages = max(r.get("aeb_pages", 0) for r in rows.values())
        answered = max(r.get("aeb_pages_fundus_answered", 0) for r in rows.values())
        head += f" AEB body F1 ({pages}) | same, pages Fundus answered ({answered}) |"
        keys += ["aeb_body_f1", "aeb_body_f1_fundus_answered"]
    if "seconds_per_page" in any_row:
        head += " s/page |"
        keys.append("seconds_per_page")
    lines = [head, "|---" + "|---:" * len(keys) + "|"]
    for tool, row in rows.items():
        cells = [_cell(row, k, tool in DATES_ONLY) for k in keys]
        lines.append(f"| {tool} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run(
    datasets: Path, tools: list[str], limit: int | None, fundus_python: str | None
) -> dict[str, Any]:
    pages = load_pages(datasets, limit)
    answers: dict[str, list[Answer]] = {}
    rows: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    for name in tools:
        print(f"{name} ...", file=sys.stderr, flush=True)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tool = TOOLS[name]()
        except ImportError as exc:
            skipped[name] = f"not installed ({exc})"
            print(f"{name}: skipped, not installed ({exc})", file=sys.stderr)
            continue
        answers[name], seconds = run_tool(tool, pages)
        rows[name] = {**score(pages, answers[name]), "seconds_per_page": seconds / len(pages)}
    record: dict[str, Any] = {
        "benchmark": "peers_meta",
        "at": datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"),
        "pages": len(pages) if not limit else f"{limit} per set",
        "rows": rows,
        "skipped": skipped,
        "table": markdown(rows) if rows else "",
    }
    if fundus_python:
        print("fundus ...", file=sys.stderr, flush=True)
        record["fundus"] = fundus_subset(fundus_python, datasets, pages, answers)
        if "rows" in record["fundus"]:
            record["fundus"]["table"] = markdown(record["fundus"]["rows"], with_body=True)
    else:
        record["fundus"] = {"skipped": "no --fundus-python given"}
    record["answers"] = {
        tool: {f"{p.set}|{p.key}": asdict(a) for p, a in zip(pages, got, strict=True)}
        for tool, got in answers.items()
    }
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.peers_meta", description=__doc__)
    parser.add_argument("--datasets", type=Path, default=None, help="default: as python -m eval")
    parser.add_argument("--tools", nargs="+", choices=sorted(TOOLS), default=list(TOOLS))
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages per set")
    parser.add_argument(
        "--fundus-python",
        default=os.environ.get("COPYDESK_FUNDUS_PYTHON"),
        help="interpreter of a virtualenv with fundus installed (default: $COPYDESK_FUNDUS_PYTHON)",
    )
    args = parser.parse_args(argv)
    datasets = args.datasets.resolve() if args.datasets else datasets_dir()
    if not all(available(datasets / s) for s in ("trafilatura-eval", "htmldate-eval")):
        print(f"datasets not found at {datasets}: nothing to benchmark")
        return 2
    record = run(datasets, args.tools, args.limit, args.fundus_python)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    for name in (f"peers_meta-{record['at']}.json", "peers_meta.json"):
        text = json.dumps(record, indent=1, ensure_ascii=False) + "\n"
        (RESULTS_DIR / name).write_text(text, encoding="utf-8")
    print(record["table"])
    for tool, why in record["skipped"].items():
        print(f"{tool}: skipped, {why}")
    fundus = record["fundus"]
    if "table" in fundus:
        publishers = len(fundus["publishers"])
        print(f"\nFundus {fundus['version']}, pages of its {publishers} publishers here:")
        print(fundus["table"])
    else:
        print(f"fundus: skipped, {fundus['skipped']}")
    return 0 if record["rows"] else 1


if __name__ == "__main__":
    sys.exit(main())
