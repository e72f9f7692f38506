"""Cost of the metadata pass as a share of whole-page extraction:
``python -m bench.metadata [--limit N] [--repeat R]`` and ``python -m bench.metadata --aeb``.

Default mode: for each page (htmldate-eval and trafilatura-eval pages of ../shared/datasets,
read at run time) the same decoded text is timed, interleaved so that a busy shared machine
disturbs both alike:

- ``extract``: ``copydesk.extract`` end to end (parse, metadata, furniture, body, complete);
- ``metadata``: ``extract_metadata`` + ``complete_metadata`` on an already parsed tree (the
  blocks given to ``complete_metadata`` are every ``<p>`` of the page, more than the body: this
  mode overstates the language identification and the body scans).

``--aeb``: the extraction benchmark's own job (``python -m bench extract``: the 181 AEB pages,
decoded before timing, each given to the benchmark's ``copydesk`` tool with its URL) with the
two metadata stages timed inside each real call: ``extract_metadata`` and ``complete_metadata``
are wrapped where the orchestrator (``copydesk.extract.core``) calls them, so they get the real
tree and the real body blocks, in the real order. Each page's run with the least total CPU of
``--repeat`` runs is kept (the benchmark keeps the fastest too); the share is the summed
metadata CPU over the summed extraction CPU, also given per round for the spread.

CPU time (``time.process_time``) is reported beside wall time in the default mode, since other
tenants disturb it least; ``--aeb`` reports CPU time only. Prints medians and totals per page
and the metadata share of the total.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import copydesk
from bench.tools import TOOLS
from bench.worker import load_aeb
from copydesk.extract import core
from copydesk.extract.metadata import complete_metadata, extract_metadata
from copydesk.model import Block
from copydesk.parse.decode import decode
from copydesk.parse.html import parse_html
from eval.datasets import datasets_dir

SETS = ("htmldate-eval", "trafilatura-eval")


def _pages(datasets: Path, limit: int | None) -> list[str]:
    files: list[Path] = []
    for name in SETS:
        files.extend(sorted((datasets / name / "pages").glob("*.html.gz")))
    files = files[:limit] if limit else files
    return [decode(gzip.open(f).read()) for f in files]


def _best(fn: object, repeat: int) -> tuple[float, float]:
    wall, cpu = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()  # type: ignore[operator]
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return min(wall), min(cpu)


def run(datasets: Path, limit: int | None, repeat: int) -> int:
    pages = _pages(datasets, limit)
    full_w: list[float] = []
    full_c: list[float] = []
    meta_w: list[float] = []
    meta_c: list[float] = []
    for text in pages:
        doc = parse_html(text, None)
        if doc is None:
            continue
        blocks = tuple(
            Block("paragraph", " ".join("".join(p.itertext()).split())) for p in doc.root.iter("p")
        )

        def meta(doc=doc, blocks=blocks) -> None:  # type: ignore[no-untyped-def]
            complete_metadata(extract_metadata(doc), blocks)

        w, c = _best(lambda text=text: copydesk.extract(text), repeat)
        full_w.append(w)
        full_c.append(c)
        w, c = _best(meta, repeat)
        meta_w.append(w)
        meta_c.append(c)
    n = len(full_w)
    print(f"pages: {n}, repeat {repeat}")
    for label, full, part in (("wall", full_w, meta_w), ("cpu", full_c, meta_c)):
        print(
            f"{label}: extract {sum(full) / n * 1000:.2f} ms/page (median "
            f"{statistics.median(full) * 1000:.2f}), metadata {sum(part) / n * 1000:.2f} ms/page "
            f"(median {statistics.median(part) * 1000:.2f}), share {sum(part) / sum(full):.1%}"
        )
    return 0


# The stages timed in --aeb mode: names in copydesk.extract.core, where extract_html calls them.
STAGES = ("extract_metadata", "complete_metadata")


@dataclass(frozen=True)
class Sample:
    """One page's run: CPU seconds of the whole call and of each timed stage inside it."""

    total: float
    stages: tuple[float, ...]

    @property
    def metadata(self) -> float:
        return sum(self.stages)


@dataclass(frozen=True)
class Shares:
    pages: int
    total: float  # summed CPU seconds of the kept runs
    stages: tuple[float, ...]  # per stage, summed over the same runs
    rounds: tuple[float, ...]  # the metadata share of each round, every page's run of the round

    @property
    def share(self) -> float:
        return sum(self.stages) / self.total if self.total else 0.0


def summarise(runs: Sequence[Sequence[Sample]]) -> Shares:
    """``runs[r][p]``: page p in round r. Per page the round with the least total is kept
    (stage times from that same run, so a stage never outlasts its call)."""
    best = [min(page, key=lambda s: s.total) for page in zip(*runs, strict=True)]
    width = len(STAGES)
    rounds = tuple(
        sum(s.metadata for s in run) / total for run in runs if (total := sum(s.total for s in run))
    )
    return Shares(
        pages=len(best),
        total=sum(s.total for s in best),
        stages=tuple(sum(s.stages[i] for s in best) for i in range(width)),
        rounds=rounds,
    )


@contextlib.contextmanager
def _timed_stages(spent: list[float]) -> Iterator[None]:
    """Wrap the stages where core.extract_html looks them up; CPU seconds add up in ``spent``
    (one slot per stage). The originals are put back on exit."""
    originals = {name: getattr(core, name) for name in STAGES}

    def timed(index: int, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[index] += time.process_time() - started

        return run

    try:
        for index, name in enumerate(STAGES):
            setattr(core, name, timed(index, originals[name]))
        yield
    finally:
        for name, fn in originals.items():
            setattr(core, name, fn)


def run_aeb(datasets: Path, limit: int | None, repeat: int) -> int:
    factory, kind = TOOLS["copydesk"]
    pages = [
        (url, raw if kind == "bytes" else decode(raw)) for _, url, raw in load_aeb(datasets, limit)
    ]
    extract = factory()
    extract(pages[0][1], pages[0][0])  # warm-up, untimed: the language model loads here
    spent = [0.0] * len(STAGES)
    runs: list[list[Sample]] = []
    with _timed_stages(spent):
        for _ in range(repeat):
            run: list[Sample] = []
            for url, page in pages:
                spent[:] = [0.0] * len(STAGES)
                started = time.process_time()
                extract(page, url)
                total = time.process_time() - started
                run.append(Sample(total, tuple(spent)))
            runs.append(run)
    shares = summarise(runs)
    n = shares.pages
    print(f"AEB pages: {n}, repeat {repeat} (each page's fastest run; CPU time)")
    print(f"extract: {shares.total / n * 1000:.2f} ms/page ({shares.total:.3f} s)")
    for name, spent_s in zip(STAGES, shares.stages, strict=True):
        print(f"{name}: {spent_s / n * 1000:.2f} ms/page ({spent_s / shares.total:.1%})")
    rounds = ", ".join(f"{r:.1%}" for r in shares.rounds)
    print(f"metadata share: {shares.share:.1%} (per round: {rounds})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.metadata", description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--aeb",
        action="store_true",
        help="the extraction benchmark's AEB pages, stages timed inside",
    )
    args = parser.parse_args(argv)
    datasets = datasets_dir()
    if args.aeb:
        if not (datasets / "aeb").is_dir():
            print(f"datasets not found at {datasets}: nothing to benchmark")
            return 2
        return run_aeb(datasets, args.limit, args.repeat)
    if not (datasets / SETS[0]).is_dir():
        print(f"datasets not found at {datasets}: nothing to benchmark")
        return 2
    return run(datasets, args.limit, args.repeat)


if __name__ == "__main__":
    raise SystemExit(main())
