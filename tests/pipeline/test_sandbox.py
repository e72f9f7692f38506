"""The bounded worker pool on its own: order, and pages queued behind a bad one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from copydesk.archive.page import Page
from copydesk.pipeline.sandbox import Bounds, WorkerPool
from copydesk.pipeline.steps import Extracted, Rejected, StepOptions
from tests.pipeline.batchkit import CRASH_MARKER, HANG_MARKER, fixture, misbehaving_step


def _page(i: int, body: bytes) -> Page:
    return Page(
        url=f"https://news.example/{i}",
        fetched_at=datetime(2024, 3, 4, tzinfo=UTC),
        status=200,
        headers=(("Content-Type", "text/html"),),
        body=body,
        warc_file="mem",
        warc_offset=i,
    )


def test_pages_queued_behind_a_crash_or_hang_are_redone_in_order() -> None:
    good = fixture("wire_story.html")
    bodies = [CRASH_MARKER + good, good, HANG_MARKER + good, good, good]
    jobs = [(i, _page(i, body)) for i, body in enumerate(bodies)]
    jobs.insert(2, (99, None))  # a pass-through job keeps its place
    with WorkerPool(1, misbehaving_step, StepOptions(), Bounds(timeout_s=1.0)) as pool:
        results = list(pool.run(jobs))
        assert pool.stats.restarts == 2 and pool.stats.timeouts == 1
        assert pool.stats.cpu_s > 0 and pool.stats.peak_rss_kb > 0
    assert [tag for tag, _ in results] == [0, 1, 99, 2, 3, 4]
    kinds = [o.reason if isinstance(o, Rejected) else type(o).__name__ for _, o in results]
    assert kinds == ["worker_died", "Extracted", "NoneType", "timeout", "Extracted", "Extracted"]
    assert all(
        isinstance(o, Extracted) and o.article["url"] == f"https://news.example/{t}"
        for t, o in results
        if isinstance(o, Extracted)
    )


def test_a_failing_source_loses_no_page_already_handed_out() -> None:
    def jobs() -> Iterator[tuple[int, Page | None]]:
        for i in range(3):
            yield i, _page(i, fixture("wire_story.html"))
        raise OSError("the archive is damaged here")

    seen: list[int] = []
    with WorkerPool(2, misbehaving_step, StepOptions(), Bounds(timeout_s=30.0)) as pool:
        with pytest.raises(OSError, match="damaged"):
            for tag, outcome in pool.run(jobs()):
                assert isinstance(outcome, Extracted)
                seen.append(tag)
        assert seen == [0, 1, 2]
        # The pool is clean for the next shard: a consumer that stops early leaves no stale page.
        first = pool.run((i, _page(i, fixture("local_news.html"))) for i in range(6))
        assert next(first)[0] == 0
        first.close()
        again = list(pool.run([(7, _page(7, fixture("business_brief.html")))]))
        assert [tag for tag, _ in again] == [7]
        assert isinstance(again[0][1], Extracted) and again[0][1].article["url"].endswith("/7")
