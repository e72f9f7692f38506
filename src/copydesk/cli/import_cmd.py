"""`copydesk import`: Parquet shards (`copydesk batch` output) or JSON Lines into the store."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from copydesk.dedup.clusters import sync_store
from copydesk.errors import StoreError
from copydesk.pipeline.importer import import_files
from copydesk.store import Store


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="load Parquet shards or JSON Lines of articles into the store",
        description=(
            "Load articles into the store: Parquet shards written by `copydesk batch` (or a "
            "folder of them) and JSON Lines of Article objects (.jsonl, .jsonl.gz). Idempotent: "
            "importing the same file twice adds nothing."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--store", default="copydesk.db", help="store file (default ./copydesk.db)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        with Store(args.store) as store:
            stats = import_files(args.paths, store)
            # stories are kept current as articles arrive (incremental: only new versions)
            clustered = sync_store(store)
    except StoreError as exc:
        print(f"copydesk import: {exc}", file=sys.stderr)
        return 1
    for error in stats.errors:
        print(f"copydesk import: {error}", file=sys.stderr)
    print(
        f"{stats.files} files, {stats.records:,} records read, {stats.invalid:,} invalid; "
        f"store: {stats.after:,} articles ({stats.added:+,}); {clustered:,} clustered",
        file=sys.stderr,
    )
    return 1 if stats.errors else 0
