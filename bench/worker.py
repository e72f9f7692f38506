"""One tool, one fresh process: ``python -m bench.worker TOOL DATASETS OUT.json``.

Pages are read and decoded before any timing; the tool's library is imported and warmed up on
one page (untimed) so lazy loading is not billed to the first page; then every page is timed
alone, by the process's CPU time (``--clock cpu``, the default: what other processes on a shared
machine do is not billed to the tool) or by wall time (``--clock wall``, ``perf_counter``). Peak
memory is this process's ``ru_maxrss``, so it holds only this tool's libraries plus the pages.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.tools import TOOLS
from copydesk.parse.decode import decode
from eval.datasets import read_json, read_page


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def load_aeb(datasets: Path, limit: int | None) -> list[tuple[str, str | None, bytes]]:
    """(id, url, raw bytes) of the AEB pages, in id order."""
    truth: dict[str, dict[str, str]] = read_json(datasets / "aeb" / "ground-truth.json")
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    return [
        (pid, truth[pid].get("url"), read_page(datasets / "aeb" / "html" / f"{pid}.html.gz"))
        for pid in ids
    ]


CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}


def measure(
    tool: str, datasets: Path, limit: int | None, repeat: int, clock: str = "cpu"
) -> dict[str, Any]:
    factory, kind = TOOLS[tool]
    now = CLOCKS[clock]
    pages = load_aeb(datasets, limit)
    inputs: list[str | bytes] = [raw if kind == "bytes" else decode(raw) for _, _, raw in pages]
    extract = factory()
    warm_started = now()
    with contextlib.suppress(Exception):  # a failure here shows again, counted, when timed
        extract(inputs[0], pages[0][1])
    warmup_ms = (now() - warm_started) * 1000
    baseline_mb = _rss_mb()
    texts: dict[str, str] = {}
    times_ms: dict[str, float] = {}
    errors: dict[str, str] = {}
    for _ in range(repeat):
        for (pid, url, _raw), page in zip(pages, inputs, strict=True):
            started = now()
            try:
                text = extract(page, url)
            except Exception as exc:  # one page's failure is that page's empty text
                text = ""
                errors[pid] = f"{type(exc).__name__}: {exc}"
            elapsed = (now() - started) * 1000
            # The fastest of the repeats: the least disturbed by the other processes on the box.
            times_ms[pid] = min(elapsed, times_ms.get(pid, elapsed))
            texts[pid] = text
    return {
        "tool": tool,
        "input": kind,
        "pages": len(pages),
        "repeat": repeat,
        "clock": clock,
        "warmup_ms": warmup_ms,
        "rss_before_mb": baseline_mb,
        "peak_rss_mb": _rss_mb(),
        "times_ms": times_ms,
        "texts": texts,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.worker")
    parser.add_argument("tool", choices=sorted(TOOLS))
    parser.add_argument("datasets", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    args = parser.parse_args(argv)
    try:
        result = measure(args.tool, args.datasets, args.limit, args.repeat, args.clock)
    except Exception:  # e.g. the peer is not installed: the parent reports it and goes on
        traceback.print_exc()
        return 1
    args.out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
