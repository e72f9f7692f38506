"""`copydesk reextract`: extract stored articles again from their archived WARC records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from copydesk.errors import StoreError
from copydesk.store import Store
from copydesk.store.reextract import reextract


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "reextract", help="re-extract stored articles from their WARC records (new versions)"
    )
    p.add_argument("--store", default="copydesk.db")
    p.add_argument("--limit", type=int, default=None, help="at most N articles")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not Path(args.store).exists():
        print(f"copydesk reextract: no store at {args.store}", file=sys.stderr)
        return 1
    try:
        with Store(args.store) as store:
            stats = reextract(store, limit=args.limit)
    except StoreError as exc:
        print(f"copydesk reextract: {exc}", file=sys.stderr)
        return 1
    print(
        f"re-extracted {stats.seen}: {stats.changed} changed, {stats.unchanged} unchanged,"
        f" {stats.missing} unreadable",
        file=sys.stderr,
    )
    return 1 if stats.missing else 0
