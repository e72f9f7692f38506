"""Batch runs: inputs expanded to shards, each shard read, screened, extracted and written.

``process_shard`` is the unit both engines run (local: in this process with a pool of bounded
workers; Ray: one task per shard). Finished shards (with a done marker) are skipped, so re-running
the same command resumes a killed batch.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from copydesk.archive.page import OtherRecord, Page
from copydesk.archive.source import is_url, iter_lines
from copydesk.archive.warc import ArchiveFormatError, iter_entries
from copydesk.errors import SourceError
from copydesk.pipeline.sandbox import Bounds, WorkerPool
from copydesk.pipeline.shard import ShardPaths, ShardWriter, article_row, shard_name
from copydesk.pipeline.steps import (
    Extracted,
    Outcome,
    Rejected,
    StepFunction,
    StepOptions,
    extract_step,
    screen,
    screen_record,
)

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# Progress lines on stderr at most this often: often enough to see a batch move, rarely enough
# to cost nothing.
PROGRESS_INTERVAL_S = 1.0


@dataclass(frozen=True, slots=True)
class BatchOptions:
    out_dir: Path
    workers: int = 1
    step_options: StepOptions = field(default_factory=StepOptions)
    bounds: Bounds = field(default_factory=Bounds)
    step: StepFunction = extract_step


@dataclass
class ShardResult:
    location: str
    name: str
    status: str  # "done", "skipped" (already done), "failed"
    stats: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def expand_inputs(inputs: Sequence[str], prefix: str | None = None) -> list[str]:
    """Archives named by the inputs, in order, without duplicates: files, folders (searched
    recursively for archive suffixes), URLs, and text lists of paths or URLs (one a line; a
    relative line is joined to ``prefix`` when given, else to the list file's folder)."""
    found: list[str] = []
    for item in inputs:
        if item.lower().split("?", 1)[0].endswith(ARCHIVE_SUFFIXES):
            found.append(item)
        elif is_url(item):
            found.extend(_list_entries(item, prefix))
        elif os.path.isdir(item):
            for root, dirs, files in os.walk(item):
                dirs.sort()
                found.extend(
                    os.path.join(root, f)
                    for f in sorted(files)
                    if f.lower().endswith(ARCHIVE_SUFFIXES)
                )
        elif os.path.isfile(item) and _is_archive(item):
            found.append(item)
        else:
            found.extend(_list_entries(item, prefix))
    return list(dict.fromkeys(found))


def _is_archive(path: str) -> bool:
    try:
        entries = iter_entries(path)
        next(entries, None)
        entries.close()
    except SourceError:
        return False
    return True


def _list_entries(location: str, prefix: str | None) -> Iterator[str]:
    if prefix is None and is_url(location):
        prefix = location.split("?", 1)[0].rsplit("/", 1)[0]
    base = prefix if prefix is not None else os.path.dirname(location)
    for line in iter_lines(location):
        if is_url(line) or os.path.isabs(line):
            yield line
        elif prefix is not None and is_url(prefix):
            yield prefix.rstrip("/") + "/" + line.lstrip("/")
        else:
            yield os.path.join(base, line)


class Progress:
    """Records/s, articles and rejects on a stream (stderr), rewritten in place on a terminal."""

    def __init__(self, stream: TextIO | None, label: str) -> None:
        self._stream = stream
        self._label = label
        self._start = self._last = time.monotonic()
        self._tty = bool(stream is not None and stream.isatty())

    def update(self, records: int, articles: int, rejects: int, *, final: bool = False) -> None:
        if self._stream is None:
            return
        now = time.monotonic()
        interval = PROGRESS_INTERVAL_S if self._tty else 10 * PROGRESS_INTERVAL_S
        if not final and now - self._last < interval:
            return
        self._last = now
        rate = records / max(now - self._start, 1e-9)
        line = (
            f"{self._label}: {records:,} records ({rate:,.0f}/s), "
            f"{articles:,} articles, {rejects:,} rejects"
        )
        end = "\n" if final or not self._tty else ""
        self._stream.write(("\r\x1b[K" if self._tty else "") + line + end)
        self._stream.flush()


Tag = tuple[str | None, int, datetime | None, Rejected | None]


def _jobs(
    location: str, options: StepOptions, counts: Counter[str]
) -> Iterator[tuple[Tag, Page | None]]:
    """Every record as a job: pages that pass screening go to a worker, the rest pass through
    with their reject (or none, for records that are not pages)."""
    for entry in iter_entries(location):
        counts["records"] += 1
        counts["type:" + entry.record_type] += 1
        if isinstance(entry, OtherRecord):
            yield (entry.url, entry.warc_offset, None, screen_record(entry)), None
            continue
        counts["pages"] += 1
        rejected = screen(entry, options)
        tag = (entry.url, entry.warc_offset, entry.fetched_at, rejected)
        yield tag, (entry if rejected is None else None)


def process_shard(
    location: str,
    out_dir: Path,
    pool: WorkerPool,
    options: StepOptions,
    *,
    progress: Progress | None = None,
) -> ShardResult:
    """Read one archive and write its shard. Never raises for the archive's content; a source
    that cannot be read gives a "failed" result (no marker, so a re-run retries it)."""
    paths = ShardPaths(out_dir, shard_name(location))
    if paths.finished():
        return ShardResult(location, paths.name, "skipped")
    started = time.monotonic()
    cpu_before = pool.stats.cpu_s
    restarts_before = pool.stats.restarts
    counts: Counter[str] = Counter()
    rejects: Counter[str] = Counter()
    writer = ShardWriter(paths)
    read_error = None
    try:
        try:
            for (url, offset, fetched_at, early), outcome in pool.run(
                _jobs(location, options, counts)
            ):
                result: Outcome | None = outcome or early
                if isinstance(result, Extracted):
                    writer.add_article(article_row(result.article, location, offset, fetched_at))
                elif isinstance(result, Rejected):
                    rejects[result.reason] += 1
                    writer.add_reject(url, offset, fetched_at, result.reason, result.detail)
                if progress is not None:
                    progress.update(counts["records"], writer.articles, sum(rejects.values()))
        except ArchiveFormatError as exc:
            if counts["records"] == 0:
                raise  # not an archive at all: a failed input, not a damaged one
            # The archive is damaged past this point: keep what was read, say so, and mark
            # the shard done (re-reading the same bytes would fail the same way).
            read_error = str(exc)
    except SourceError as exc:
        writer.abort()
        return ShardResult(location, paths.name, "failed", error=str(exc))
    except BaseException:
        writer.abort()
        raise
    elapsed = time.monotonic() - started
    stats = {
        "input": location,
        "shard": paths.name,
        "records": counts["records"],
        "record_types": {k[5:]: v for k, v in sorted(counts.items()) if k.startswith("type:")},
        "pages": counts["pages"],
        "articles": writer.articles,
        "rejects": dict(sorted(rejects.items())),
        "read_error": read_error,
        "elapsed_s": round(elapsed, 3),
        "records_per_s": round(counts["records"] / elapsed, 1) if elapsed > 0 else None,
        "worker_restarts": pool.stats.restarts - restarts_before,
        "worker_peak_rss_mb": round(pool.stats.peak_rss_kb / 1024, 1),
        "worker_cpu_s": round(pool.stats.cpu_s - cpu_before, 3),
    }
    writer.commit(stats)
    if progress is not None:
        progress.update(counts["records"], writer.articles, sum(rejects.values()), final=True)
    return ShardResult(location, paths.name, "done", stats=stats)


def run_local(
    locations: Sequence[str],
    options: BatchOptions,
    *,
    stderr: TextIO | None = None,
    on_result: Callable[[ShardResult], None] | None = None,
) -> list[ShardResult]:
    """Shards one after another; the pages of each spread over ``options.workers`` workers."""
    results: list[ShardResult] = []
    with WorkerPool(options.workers, options.step, options.step_options, options.bounds) as pool:
        for index, location in enumerate(locations, 1):
            label = f"[{index}/{len(locations)}] {os.path.basename(location.rstrip('/'))}"
            progress = Progress(stderr, label)
            result = process_shard(
                location, options.out_dir, pool, options.step_options, progress=progress
            )
            results.append(result)
            if on_result is not None:
                on_result(result)
    return results
