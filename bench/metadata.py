"""Cost of the metadata pass as a share of whole-page extraction:
``python -m bench.metadata [--limit N] [--repeat R]``.

For each page (htmldate-eval and trafilatura-eval pages of ../shared/datasets, read at run time)
the same decoded text is timed, interleaved so that a busy shared machine disturbs both alike:

- ``extract``: ``copydesk.extract`` end to end (parse, metadata, furniture, body, complete);
- ``metadata``: ``extract_metadata`` + ``complete_metadata`` on an already parsed tree.

CPU time (``time.process_time``) is reported beside wall time, since other tenants disturb it
least. Prints medians and totals per page and the metadata share of the total.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import time
from pathlib import Path

import copydesk
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.metadata", description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    datasets = datasets_dir()
    if not (datasets / SETS[0]).is_dir():
        print(f"datasets not found at {datasets}: nothing to benchmark")
        return 2
    return run(datasets, args.limit, args.repeat)


if __name__ == "__main__":
    raise SystemExit(main())
