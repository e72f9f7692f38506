"""The benchmark's plumbing on a tiny data set made here: peers' HTML output becomes text with
block breaks, and a worker measures every page and scores them with the AEB metric."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bench.extract import _quantile, markdown, summarise
from bench.tools import TOOLS, _html_fragment_text, _without_front_matter
from bench.worker import measure
from eval.metrics import word_tokens

BODY = (
    "The council voted on Tuesday to rebuild the old harbour bridge before winter. "
    "Work starts in March and is expected to take eleven months, the mayor said."
)


def _aeb(tmp_path: Path) -> Path:
    root = tmp_path / "datasets" / "aeb"
    (root / "html").mkdir(parents=True)
    truth = {}
    for pid in ("a", "b"):
        page = (
            "<html><head><meta charset='utf-8'><title>Bridge</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>Bridge</h1><p>{BODY}</p><p>{BODY}</p></article>"
            "<footer>© Example Times</footer></body></html>"
        )
        (root / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(page.encode()))
        truth[pid] = {"articleBody": f"{BODY}\n{BODY}", "url": f"https://example.com/{pid}"}
    (root / "ground-truth.json").write_text(json.dumps(truth))
    return root.parent


def test_fragment_text_breaks_between_blocks() -> None:
    text = _html_fragment_text("<div><p>end</p><p>Start <b>bold</b>er</p><ul><li>x</li></ul></div>")
    assert word_tokens(text) == ["end", "Start", "bolder", "x"]
    assert _html_fragment_text("  ") == ""


def test_worker_times_and_scores_every_page(tmp_path: Path) -> None:
    datasets = _aeb(tmp_path)
    raw = measure("copydesk", datasets, limit=None, repeat=2)
    assert set(raw["times_ms"]) == {"a", "b"} and not raw["errors"]
    assert all(t > 0 for t in raw["times_ms"].values())
    assert raw["peak_rss_mb"] >= raw["rss_before_mb"] > 0
    assert raw["clock"] == "cpu"  # per-core speed by default: load from others is not billed
    wall = measure("copydesk", datasets, limit=1, repeat=1, clock="wall")
    assert wall["clock"] == "wall" and set(wall["times_ms"]) == {"a"}
    truth = json.loads((datasets / "aeb" / "ground-truth.json").read_text())
    row = summarise(raw, truth)
    assert row["f1"] > 0.9  # the article is the only text block: a real extractor gets it
    assert row["pages_per_s"] > 0
    table = markdown([{**row, "tool": "trafilatura"}], {"newspaper4k": "not installed"})
    assert "1.00×" in table and "newspaper4k: not measured (not installed)" in table


def test_speed_is_given_against_both_trafilatura_runs() -> None:
    def row(tool: str, pages_per_s: float) -> dict[str, object]:
        return {
            **dict.fromkeys(("f1", "f1_std", "precision", "recall", "p50_ms", "p95_ms"), 0.5),
            **dict.fromkeys(("peak_rss_mb", "rss_before_mb"), 100.0),
            "tool": tool,
            "input": "str",
            "pages_per_s": pages_per_s,
        }

    table = markdown(
        [row("copydesk", 120.0), row("trafilatura", 60.0), row("trafilatura+metadata", 40.0)], {}
    )
    header, _rule, copydesk, *_ = table.splitlines()
    assert header.endswith("| speed vs trafilatura | speed vs trafilatura+metadata |")
    assert copydesk.endswith("| 2.00× | 3.00× |")
    # without the metadata run, one ratio column
    assert "+metadata" not in markdown([row("copydesk", 120.0), row("trafilatura", 60.0)], {})


def test_trafilatura_metadata_header_is_not_scored_as_body() -> None:
    assert "trafilatura+metadata" in TOOLS
    page = "---\ntitle: Bridge\nauthor: Jane Doe\n---\nBridge\nThe council voted."
    assert _without_front_matter(page) == "Bridge\nThe council voted."
    assert _without_front_matter("Plain body --- text") == "Plain body --- text"
    assert _without_front_matter("---\nunclosed") == "---\nunclosed"


def test_quantile_picks_nearest_rank() -> None:
    assert _quantile([], 0.5) == 0.0
    assert _quantile([5.0, 1.0, 3.0], 0.5) == 3.0
    assert _quantile([float(i) for i in range(1, 101)], 0.95) == 95.0


def test_rounds_keep_each_pages_fastest_time_and_highest_peak() -> None:
    from bench.extract import merge_rounds

    first = {"times_ms": {"a": 5.0, "b": 2.0}, "peak_rss_mb": 90.0, "rss_before_mb": 80.0}
    later = {"times_ms": {"a": 3.0, "b": 4.0}, "peak_rss_mb": 95.0, "rss_before_mb": 79.0}
    merged = merge_rounds(
        {**first, "warmup_ms": 9.0, "texts": {"a": "x"}}, {**later, "warmup_ms": 7.0}
    )
    assert merged["times_ms"] == {"a": 3.0, "b": 2.0}
    assert (merged["peak_rss_mb"], merged["rss_before_mb"], merged["warmup_ms"]) == (
        95.0,
        80.0,
        7.0,
    )
    assert merged["texts"] == {"a": "x"}
