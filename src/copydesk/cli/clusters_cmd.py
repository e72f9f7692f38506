"""`copydesk clusters [--store PATH] [--min-size N] [--format table|jsonl]`: stories in a store.

Before listing, every article added to the store since the last run is matched against the whole
archive and joins its story (``copydesk.dedup``), unless ``--no-update`` (then the store is
opened read-only). One line per cluster: id, size, the most likely original, and the members
with their relation to it (copy, trimmed copy, updated version, rewrite).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from copydesk.dedup.clusters import Cluster, ClusterIndex, sync_store
from copydesk.dedup.lsh import has_tables
from copydesk.errors import StoreError
from copydesk.store import Store


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("clusters", help="stories: near-duplicate clusters in a store")
    p.add_argument("--store", default="copydesk.db")
    p.add_argument("--min-size", type=int, default=2, help="smallest cluster listed (default 2)")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.add_argument(
        "--no-update", action="store_true", help="list only; do not index new articles first"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not Path(args.store).exists():
        print(f"copydesk clusters: no store at {args.store}", file=sys.stderr)
        return 1
    try:
        with Store(args.store, readonly=args.no_update) as store:
            if not args.no_update:
                added = sync_store(store)
                print(f"indexed {added} new or updated articles", file=sys.stderr)
            elif not has_tables(store.connection, ("dedup_members",)):
                print("copydesk clusters: this store was never clustered", file=sys.stderr)
                return 1
            index = ClusterIndex(store.connection)
            n = 0
            for cluster in index.clusters(min_size=args.min_size):
                print(_line(cluster, args.format))
                n += 1
    except (StoreError, sqlite3.Error, ValueError, OSError) as exc:
        print(f"copydesk clusters: {exc}", file=sys.stderr)
        return 1
    print(f"{n} clusters", file=sys.stderr)
    return 0


def _line(cluster: Cluster, fmt: str) -> str:
    data = cluster.to_dict()
    if fmt == "jsonl":
        return json.dumps(data, ensure_ascii=False)
    origin = data["origin"]
    where = origin["site_name"] or origin["url"] or f"#{origin['id']}"
    relations = ", ".join(f"{m['id']}:{m['relation']}" for m in data["members"])
    return f"{data['id']}\t{data['size']}\t{where} ({origin['reason']})\t{relations}"
