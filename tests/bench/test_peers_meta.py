"""The metadata side-by-side benchmark on a tiny data set made here: each tool's answers are
scored by the eval suites' metrics, an absent peer is skipped, and Fundus's worker finds a
page's publisher by host."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from bench import peers_meta
from bench.fundus_worker import publisher_of
from bench.peers_meta import Answer, Page, day_from, markdown, score

PAGE = (
    "<html><head><meta charset='utf-8'><title>Harbour bridge to be rebuilt</title>"
    "<meta name='author' content='Ana Lima'>"
    "<meta property='article:published_time' content='2021-03-04T09:00:00+01:00'></head><body>"
    "<article><h1>Harbour bridge to be rebuilt</h1><p class='byline'>By Ana Lima</p>"
    "<time datetime='2021-03-04T09:00:00+01:00'>4 March 2021</time>"
    "<p>The council voted on Tuesday to rebuild the old harbour bridge before winter. Work "
    "starts in March and is expected to take eleven months, the mayor said.</p></article>"
    "</body></html>"
)


def _datasets(tmp_path: Path) -> Path:
    root = tmp_path / "datasets"
    for name, label in (
        (
            "trafilatura-eval",
            {"title": "Harbour bridge to be rebuilt", "author": "Ana Lima", "date": "2021-03-04"},
        ),
        ("htmldate-eval", {"date": "2021-03-04"}),
    ):
        (root / name / "pages").mkdir(parents=True)
        (root / name / "pages" / "a.html.gz").write_bytes(gzip.compress(PAGE.encode()))
        labels = {"https://example.com/news/bridge": {"file": "a.html.gz", **label}}
        (root / name / "labels.json").write_text(json.dumps(labels))
    return root


def test_day_from_reads_each_peer_shape_in_its_own_zone() -> None:
    late = datetime(2021, 3, 4, 23, 30, tzinfo=UTC)
    assert day_from(late) == "2021-03-04"
    assert day_from(date(2021, 3, 4)) == "2021-03-04"
    assert day_from("2021-03-04T23:30:00-05:00") == "2021-03-04"  # not the next day in UTC
    assert day_from("Thu, 04 Mar 2021 09:00:00 GMT") == "2021-03-04"
    assert day_from("no date here") is None
    assert day_from("") is None and day_from(None) is None


def test_score_uses_the_suites_metrics() -> None:
    traf = Page(
        "trafilatura-eval", "u", b"", "", {"title": "A B", "author": "X, Y", "date": "2020-01-02"}
    )
    none_expected = Page("htmldate-eval", "v", b"", "", {"date": ""})
    dated = Page("htmldate-eval", "w", b"", "", {"date": "2020-01-02"})
    right = [Answer("a  b", ("Y and X",), "2020-01-02"), Answer(), Answer(day="2020-01-02")]
    got = score([traf, none_expected, dated], right)
    assert got["title_exact"] == got["author_exact"] == got["date_day"] == 1.0
    assert got["htmldate_accuracy"] == got["htmldate_precision"] == 1.0
    wrong = [Answer("A", ("X",), "2020-01-03"), Answer(day="2020-01-01"), Answer()]
    got = score([traf, none_expected, dated], wrong)
    assert got["title_exact"] == got["author_exact"] == got["date_day"] == 0.0
    assert got["htmldate_accuracy"] == 0.0 and got["htmldate_recall"] == 0.0


def test_run_scores_copydesk_and_skips_an_absent_peer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def absent() -> Any:
        import copydesk_no_such_peer  # type: ignore[import-not-found]  # noqa: F401

    monkeypatch.setitem(peers_meta.TOOLS, "absent", absent)
    record = peers_meta.run(_datasets(tmp_path), ["copydesk", "absent"], None, None)
    row = record["rows"]["copydesk"]
    assert row["title_exact"] == row["author_exact"] == row["date_day"] == 1.0
    assert row["htmldate_accuracy"] == 1.0
    assert "absent" not in record["rows"] and "not installed" in record["skipped"]["absent"]
    assert record["fundus"] == {"skipped": "no --fundus-python given"}
    assert "| copydesk | 1.000 | 1.000 | 1.000 | 1.000 |" in markdown(record["rows"])


def test_fundus_publisher_is_found_by_host_and_parent_domain() -> None:
    guardian = object()  # the worker only hands the value on
    by_host: dict[str, Any] = {"theguardian.com": guardian}
    assert publisher_of("https://www.theguardian.com/world/x", by_host) is guardian
    assert publisher_of("https://amp.theguardian.com/world/x", by_host) is guardian
    assert publisher_of("https://theguardian.com.example.org/x", by_host) is None
    assert publisher_of("hard::name.html", by_host) is None
