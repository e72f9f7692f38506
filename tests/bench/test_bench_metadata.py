"""The metadata-share benchmark's arithmetic and its stage timing inside a real extraction."""

from __future__ import annotations

import pytest

from bench import metadata as bm
from bench.metadata import Sample, summarise
from copydesk.extract import core

PAGE = (
    "<html lang='en'><head><title>Harbour bridge to be rebuilt</title></head><body><article>"
    "<h1>Harbour bridge to be rebuilt</h1><p class='byline'>By Ana Lima</p>"
    "<p>The council voted on Tuesday to rebuild the old harbour bridge before winter. Work "
    "starts in March and is expected to take eleven months, the mayor said.</p></article>"
    "</body></html>"
)


def test_each_page_keeps_its_fastest_run_with_that_runs_stage_times() -> None:
    runs = [
        [Sample(10.0, (2.0, 1.0)), Sample(4.0, (1.0, 0.0))],
        [Sample(8.0, (3.0, 1.0)), Sample(6.0, (0.5, 0.5))],
    ]
    shares = summarise(runs)
    assert shares.pages == 2
    assert shares.total == pytest.approx(12.0)  # 8 (round 2) + 4 (round 1)
    assert shares.stages == pytest.approx((4.0, 1.0))  # from those same runs
    assert shares.share == pytest.approx(5.0 / 12.0)
    assert shares.rounds == pytest.approx((4.0 / 14.0, 5.0 / 14.0))


def test_stages_are_timed_inside_the_real_call_and_put_back() -> None:
    originals = (core.extract_metadata, core.complete_metadata)
    spent = [0.0, 0.0]
    with bm._timed_stages(spent):
        assert core.extract_metadata is not originals[0]
        article = core.extract_html(PAGE)
    assert (core.extract_metadata, core.complete_metadata) == originals
    assert article.title == "Harbour bridge to be rebuilt"
    assert spent[0] > 0.0 and spent[1] > 0.0
