"""`copydesk export --format jsonl|parquet|csv|markdown [--out FILE]`: a store's articles out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from copydesk.dedup.clusters import one_per_story
from copydesk.errors import StoreError
from copydesk.store import Store
from copydesk.store.export import (
    FORMATS,
    export_csv,
    export_jsonl,
    export_markdown,
    export_parquet,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("export", help="export a store (jsonl, parquet, csv, markdown)")
    p.add_argument("--store", default="copydesk.db")
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--out", help="output file (default stdout; required for parquet)")
    p.add_argument(
        "--one-per-story",
        action="store_true",
        help="one article per story: the most likely original of each near-duplicate cluster",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not Path(args.store).exists():
        print(f"copydesk export: no store at {args.store}", file=sys.stderr)
        return 1
    if args.format == "parquet" and not args.out:
        print("copydesk export: --out FILE is required for parquet", file=sys.stderr)
        return 2
    try:
        with Store(args.store) as store:
            keep = one_per_story(store) if args.one_per_story else None
            if args.format == "parquet":
                n = export_parquet(store, args.out, keep)
            else:
                writer = {"jsonl": export_jsonl, "csv": export_csv, "markdown": export_markdown}
                func = writer[args.format]
                if args.out:
                    newline = "" if args.format == "csv" else None
                    with open(args.out, "w", encoding="utf-8", newline=newline) as out:
                        n = func(store, out, keep)
                else:
                    n = func(store, sys.stdout, keep)
    except (StoreError, OSError) as exc:
        print(f"copydesk export: {exc}", file=sys.stderr)
        return 1
    print(f"exported {n} articles", file=sys.stderr)
    return 0
