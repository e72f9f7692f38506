"""Batch throughput and memory: ``python -m bench.batch [speed|memory|read] [options]``.

speed   the extractor alone (in this process) vs ``copydesk batch`` end to end (.warc.gz in,
        Parquet out) with 1 and 2 workers, on the same pages, interleaved and repeated.
        Reports wall-clock pages/s and CPU seconds per page (CPU time is what other tenants of
        a shared machine disturb least), and the machine's load average beside them.
memory  a ~1 GB .warc.gz (HTML pages plus incompressible non-HTML records up to the size),
        batch with 2 workers; peak RSS of the reading process and of each worker. The WARC is
        written to a temporary folder and deleted afterwards.
read    reading only: our iter_entries vs fastwarc and warcio iterating the same file.

Pages: the AEB pages of ../shared/datasets when present (read at run time, never copied), else
the project's own fixture pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HTML = (("Content-Type", "text/html"),)


def load_pages() -> tuple[str, list[bytes]]:
    aeb = REPO.parent / "shared" / "datasets" / "aeb" / "html"
    files = sorted(aeb.glob("*.html.gz")) if aeb.is_dir() else []
    if files:
        return "AEB", [gzip.decompress(p.read_bytes()) for p in files]
    fixtures = sorted((REPO / "tests" / "fixtures" / "archive").glob("*.html"))
    return "fixtures", [p.read_bytes() for p in fixtures]


def write_warc(path: Path, pages: list[bytes], copies: int) -> int:
    from copydesk.archive.write import WarcFileWriter

    base = datetime(2024, 3, 4, tzinfo=UTC)
    n = 0
    with WarcFileWriter(str(path)) as out:
        for copy in range(copies):
            for i, body in enumerate(pages):
                out.write_response(
                    f"https://bench.example/{copy}/{i}",
                    body,
                    headers=HTML,
                    fetched_at=base + timedelta(seconds=n),
                )
                n += 1
    return n


def cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def time_extractor(pages: list[bytes], copies: int) -> tuple[float, float]:
    from copydesk import extract

    base = datetime(2024, 3, 4, tzinfo=UTC)
    wall, cpu = time.perf_counter(), cpu_self()
    for copy in range(copies):
        for i, body in enumerate(pages):
            extract(body, url=f"https://bench.example/{copy}/{i}", fetched_at=base)
    return time.perf_counter() - wall, cpu_self() - cpu


def time_batch(
    warc: Path, out: Path, workers: int
) -> tuple[float, float, float, dict[str, object]]:
    from copydesk.pipeline.runner import BatchOptions, run_local

    shutil.rmtree(out, ignore_errors=True)
    wall, cpu = time.perf_counter(), cpu_self()
    [result] = run_local([str(warc)], BatchOptions(out_dir=out, workers=workers))
    elapsed, parent_cpu = time.perf_counter() - wall, cpu_self() - cpu
    worker_cpu = float(result.stats["worker_cpu_s"])  # type: ignore[arg-type]
    return elapsed, parent_cpu, worker_cpu, result.stats


def speed(args: argparse.Namespace) -> None:
    source, pages = load_pages()
    tmp = Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    try:
        warc = tmp / "bench.warc.gz"
        n = write_warc(warc, pages, args.copies)
        print(
            f"pages: {n} ({source}, {args.copies}x{len(pages)}), "
            f"WARC {warc.stat().st_size / 1e6:.1f} MB"
        )
        time_extractor(pages[:5], 1)  # warm imports and lazy models
        runs: dict[str, list[tuple[float, float]]] = {"extract": [], "batch1": [], "batch2": []}
        for rep in range(args.repeat):
            load = os.getloadavg()[0]
            wall, cpu = time_extractor(pages, args.copies)
            runs["extract"].append((n / wall, cpu / n))
            line = [
                f"rep {rep + 1} (load {load:.1f}): "
                f"extract {n / wall:6.1f} p/s {1000 * cpu / n:6.1f} ms CPU/p"
            ]
            for workers in (1, 2):
                wall, parent_cpu, worker_cpu, stats = time_batch(
                    warc, tmp / f"out{workers}", workers
                )
                runs[f"batch{workers}"].append((n / wall, (parent_cpu + worker_cpu) / n))
                line.append(
                    f"batch w{workers} {n / wall:6.1f} p/s "
                    f"{1000 * (parent_cpu + worker_cpu) / n:6.1f} ms CPU/p "
                    f"(reader {1000 * parent_cpu / n:.1f}, articles {stats['articles']})"
                )
            print(" | ".join(line), flush=True)
        med = {
            k: (statistics.median(r for r, _ in v), statistics.median(c for _, c in v))
            for k, v in runs.items()
        }
        print("\nmedians over", args.repeat, "repeats:")
        for key, (rate, cpu) in med.items():
            print(f"  {key:8s} {rate:7.1f} pages/s wall   {1000 * cpu:6.1f} ms CPU per page")
        print(
            "  batch w1 / extractor, wall:          "
            f"{med['batch1'][0] / med['extract'][0]:.2f}  (target >= 0.85)"
        )
        print(
            "  extractor CPU / batch CPU per page:  "
            f"{med['extract'][1] / med['batch1'][1]:.2f}  (the same, by CPU time)"
        )
        print(
            "  batch w2 / batch w1, wall:           "
            f"{med['batch2'][0] / med['batch1'][0]:.2f}  (target >= 1.7)"
        )
        print(
            f"  load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
            f"on {os.cpu_count()} CPUs"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_big_warc(
    path: Path, pages: list[bytes], html_pages: int, target_bytes: int
) -> tuple[int, int]:
    """HTML pages spread evenly among incompressible 4 MB non-HTML records up to target_bytes."""
    from copydesk.archive.write import WarcFileWriter

    filler = 4 << 20
    base = datetime(2024, 3, 4, tzinfo=UTC)
    html = blobs = 0
    with WarcFileWriter(str(path)) as out:
        while path.stat().st_size < target_bytes or html < html_pages:
            if html < html_pages:
                out.write_response(
                    f"https://bench.example/{html}",
                    pages[html % len(pages)],
                    headers=HTML,
                    fetched_at=base,
                )
                html += 1
            if (
                html * target_bytes > html_pages * path.stat().st_size
                and path.stat().st_size < target_bytes
            ):
                out.write_response(
                    f"https://bench.example/blob/{blobs}.jpg",
                    os.urandom(filler),
                    headers=(("Content-Type", "image/jpeg"),),
                    fetched_at=base,
                )
                blobs += 1
            out._file.flush()
    return html, blobs


MEMORY_CHILD = """
import json, resource, sys, time
from pathlib import Path
from copydesk.pipeline.runner import BatchOptions, run_local
t = time.perf_counter()
[r] = run_local([sys.argv[1]], BatchOptions(out_dir=Path(sys.argv[2]), workers=2))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"stats": r.stats, "reader_peak_rss_mb": peak,
                  "wall_s": time.perf_counter() - t}))
"""


def memory(args: argparse.Namespace) -> None:
    source, pages = load_pages()
    tmp = Path(tempfile.mkdtemp(prefix="copydesk-bench-", dir=args.tmp))
    try:
        warc = tmp / "big.warc.gz"
        started = time.perf_counter()
        html, blobs = write_big_warc(warc, pages, args.html_pages, int(args.gb * 1e9))
        size = warc.stat().st_size
        print(
            f"WARC: {size / 1e9:.2f} GB, {html} HTML pages ({source}), "
            f"{blobs} x 4 MB non-HTML records, "
            f"written in {time.perf_counter() - started:.0f} s"
        )
        proc = subprocess.run(
            [sys.executable, "-c", MEMORY_CHILD, str(warc), str(tmp / "out")],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=True,
        )
        report = json.loads(proc.stdout.strip().splitlines()[-1])
        stats = report["stats"]
        print(
            f"batch, 2 workers: {report['wall_s']:.0f} s, {stats['records']} records, "
            f"{stats['articles']} articles, rejects {stats['rejects']}"
        )
        print(f"  reading/writing process peak RSS: {report['reader_peak_rss_mb']:.0f} MB")
        print(
            "  worker peak RSS (max over workers): "
            f"{stats['worker_peak_rss_mb']:.0f} MB  (target < 400)"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read(args: argparse.Namespace) -> None:
    from fastwarc.warc import ArchiveIterator as Fast
    from warcio.archiveiterator import ArchiveIterator as Warcio

    from copydesk.archive.warc import iter_entries

    source, pages = load_pages()
    tmp = Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    try:
        warc = tmp / "read.warc.gz"
        n = write_warc(warc, pages, args.copies)
        print(f"{n} records ({source}), {warc.stat().st_size / 1e6:.1f} MB .warc.gz")

        def ours() -> int:
            return sum(len(getattr(e, "body", b"")) for e in iter_entries(str(warc)))

        def fast() -> int:
            with open(warc, "rb") as f:
                return sum(len(r.reader.read()) for r in Fast(f, parse_http=True))

        def slow() -> int:
            with open(warc, "rb") as f:
                return sum(len(r.content_stream().read()) for r in Warcio(f))

        for name, fn in (("copydesk iter_entries", ours), ("fastwarc", fast), ("warcio", slow)):
            best = min(_timed(fn) for _ in range(args.repeat))
            print(
                f"  {name:22s} {n / best:8.0f} records/s  "
                f"{warc.stat().st_size / 1e6 / best:6.1f} MB/s"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _timed(fn: object) -> float:
    started = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.batch",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("speed")
    s.add_argument("--copies", type=int, default=1, help="copies of the page set in the WARC")
    s.add_argument("--repeat", type=int, default=3)
    m = sub.add_parser("memory")
    m.add_argument("--gb", type=float, default=1.0)
    m.add_argument("--html-pages", type=int, default=2000)
    m.add_argument("--tmp", default=None, help="folder for the temporary WARC")
    r = sub.add_parser("read")
    r.add_argument("--copies", type=int, default=5)
    r.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    {"speed": speed, "memory": memory, "read": read}[args.command](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
