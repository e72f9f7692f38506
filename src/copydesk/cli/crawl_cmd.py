"""`copydesk crawl SEED...`: harvest feeds, sitemaps, home pages and articles into a store.

Resumable: run the same command again after an interruption (even kill -9) and it continues.
Progress (pages/s, queue size, errors per host) goes to stderr unless ``--quiet``; a JSON summary
goes to stdout at the end.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import UTC, datetime

from copydesk.dedup.clusters import sync_store
from copydesk.errors import StoreError
from copydesk.harvest import (
    DEFAULT_CONCURRENCY,
    DEFAULT_DELAY,
    DEFAULT_MAX_DEPTH,
    DEFAULT_REVISIT,
    DEFAULT_USER_AGENT,
    harvest,
)
from copydesk.store import Store


def _date(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date: {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise argparse.ArgumentTypeError(f"bad regular expression {value!r}: {exc}") from None
    return value


def _nonneg(value: str) -> float:
    number = float(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return number


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "crawl",
        help="harvest news sites (feeds, sitemaps, home pages, article URLs) into a store",
        description="Crawl SEEDs (article URLs, RSS/Atom/JSON feeds, sitemaps, home pages) "
        "politely into a SQLite store, keeping every response in WARC files beside it.",
    )
    p.add_argument("seeds", nargs="+", metavar="SEED")
    p.add_argument("--store", default="copydesk.db", help="store file (default ./copydesk.db)")
    p.add_argument("--max-pages", type=int, default=None, help="stop after N fetches this run")
    p.add_argument(
        "--delay",
        type=_nonneg,
        default=DEFAULT_DELAY,
        help=f"minimum seconds between requests to one host (default {DEFAULT_DELAY}; "
        "robots.txt Crawl-delay raises it)",
    )
    p.add_argument("--user-agent", default=DEFAULT_USER_AGENT, help="User-Agent with a contact")
    p.add_argument("--since", type=_date, help="skip articles published before DATE")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--same-site", dest="same_site", action="store_true", default=True)
    scope.add_argument("--any-site", dest="same_site", action="store_false")
    p.add_argument("--include", type=_regex, help="only follow page URLs matching REGEX")
    p.add_argument("--exclude", type=_regex, help="never follow page URLs matching REGEX")
    p.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY, help="hosts at once")
    p.add_argument("--timeout", type=_nonneg, default=30.0, help="seconds per request")
    p.add_argument(
        "--revisit",
        type=_nonneg,
        default=DEFAULT_REVISIT,
        help="refetch feeds/sitemaps/home pages older than SECONDS (conditional GET)",
    )
    p.add_argument("--max-depth", type=int, default=DEFAULT_MAX_DEPTH, help="link depth")
    p.add_argument(
        "--workers", type=int, default=0, help="extraction processes (default 0: in-process)"
    )
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        stats = harvest(
            args.seeds,
            store=args.store,
            progress=None if args.quiet else sys.stderr,
            max_pages=args.max_pages,
            delay=args.delay,
            user_agent=args.user_agent,
            since=args.since,
            same_site=args.same_site,
            include=args.include,
            exclude=args.exclude,
            concurrency=max(1, args.concurrency),
            timeout=args.timeout or 30.0,
            revisit_after=args.revisit,
            max_depth=args.max_depth,
            workers=max(0, args.workers),
        )
        with Store(args.store) as store:
            # stories are kept current as articles arrive (incremental: only new versions)
            sync_store(store)
    except StoreError as exc:
        print(f"copydesk crawl: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(stats.to_dict(), sort_keys=True))
    return 0
