"""`copydesk batch`: web archives (WARC/ARC, local, remote or listed) to Parquet shards."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from copydesk.errors import SourceError
from copydesk.pipeline.runner import BatchOptions, ShardResult, expand_inputs, run_local
from copydesk.pipeline.sandbox import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, Bounds
from copydesk.pipeline.steps import StepOptions


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="extract every HTML page of WARC/ARC archives into Parquet shards",
        description=(
            "Read WARC/ARC files (.warc, .warc.gz, .arc, .arc.gz; folders of them; http(s) URLs; "
            "or text files listing paths/URLs, such as CC-NEWS warc.paths.gz) and write, per "
            "input, DIR/<name>.parquet (articles), <name>.rejects.jsonl (every page not turned "
            "into an article, with its reason), <name>.stats.json and a <name>.done marker. "
            "Re-running the same command skips finished shards and redoes unfinished ones."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR")
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes")
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    parser.add_argument("--address", help="Ray cluster address to join (with --engine ray)")
    parser.add_argument(
        "--include-host",
        action="append",
        default=[],
        metavar="H",
        help="keep only pages of host H or its subdomains (repeatable)",
    )
    parser.add_argument("--since", type=_date_arg, metavar="D", help="crawl date on or after D")
    parser.add_argument(
        "--until",
        type=_until_arg,
        metavar="D",
        help="crawl date up to D (a date includes the whole day; a time is exclusive)",
    )
    parser.add_argument(
        "--prefix",
        metavar="URL|DIR",
        help="joined to relative lines of list files (e.g. https://data.commoncrawl.org/)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help="per-page extraction time bound (default %(default)s s)",
    )
    parser.add_argument(
        "--memory-mb",
        type=int,
        default=DEFAULT_MEMORY_MB,
        metavar="MB",
        help="per-worker address-space bound (default %(default)s MB)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(func=run)


def _parse_moment(text: str) -> tuple[datetime, bool]:
    """(moment in UTC, whether only a date was given)."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise argparse.ArgumentTypeError(f"not an ISO date or datetime: {text!r}") from None
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)), False
    return datetime(day.year, day.month, day.day, tzinfo=UTC), True


def _date_arg(text: str) -> datetime:
    return _parse_moment(text)[0]


def _until_arg(text: str) -> datetime:
    moment, date_only = _parse_moment(text)
    return moment + timedelta(days=1) if date_only else moment


def run(args: argparse.Namespace) -> int:
    if args.workers < 1:
        print("copydesk batch: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.address and args.engine != "ray":
        print("copydesk batch: --address needs --engine ray", file=sys.stderr)
        return 2
    try:
        locations = expand_inputs(args.inputs, prefix=args.prefix)
    except SourceError as exc:
        print(f"copydesk batch: {exc}", file=sys.stderr)
        return 1
    if not locations:
        print("copydesk batch: no WARC/ARC inputs found", file=sys.stderr)
        return 1
    options = BatchOptions(
        out_dir=args.out,
        workers=args.workers,
        step_options=StepOptions(
            include_hosts=tuple(h.lower().strip(".") for h in args.include_host),
            since=args.since,
            until=args.until,
        ),
        bounds=Bounds(timeout_s=args.timeout, memory_mb=args.memory_mb or None),
    )
    stderr = None if args.quiet else sys.stderr
    started = time.monotonic()
    if args.engine == "ray":
        from copydesk.pipeline.ray_engine import RayUnavailable, run_ray

        try:
            results = run_ray(locations, options, address=args.address, stderr=stderr)
        except RayUnavailable as exc:
            print(f"copydesk batch: {exc}", file=sys.stderr)
            return 2
    else:
        results = run_local(locations, options, stderr=stderr)
    _summary(results, time.monotonic() - started)
    return 1 if any(r.status == "failed" for r in results) else 0


def _summary(results: list[ShardResult], elapsed: float) -> None:
    totals: dict[str, Any] = {"records": 0, "pages": 0, "articles": 0, "rejects": {}}
    for result in results:
        stats = result.stats
        for key in ("records", "pages", "articles"):
            totals[key] += int(stats.get(key, 0))
        for reason, n in stats.get("rejects", {}).items():
            totals["rejects"][reason] = totals["rejects"].get(reason, 0) + n
        if result.status == "failed":
            print(f"failed: {result.location}: {result.error}", file=sys.stderr)
        elif stats.get("read_error"):
            print(f"damaged: {result.location}: {stats['read_error']}", file=sys.stderr)
    by_status = {s: sum(r.status == s for r in results) for s in ("done", "skipped", "failed")}
    rate = totals["records"] / elapsed if elapsed > 0 else 0.0
    print(
        f"shards: {by_status['done']} done, {by_status['skipped']} already done, "
        f"{by_status['failed']} failed; {totals['records']:,} records ({rate:,.0f}/s), "
        f"{totals['pages']:,} pages, {totals['articles']:,} articles; "
        f"rejects {json.dumps(dict(sorted(totals['rejects'].items())))} in {elapsed:.1f} s",
        file=sys.stderr,
    )
