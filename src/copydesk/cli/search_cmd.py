"""`copydesk search QUERY` and `copydesk show ID` over a store."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from copydesk.errors import StoreError
from copydesk.store import Store


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "search",
        help='full-text search of a store (BM25, "phrases", -exclude, OR, prefix*)',
        description='Search stored articles. QUERY: words, "phrases", OR, -word, prefix*.',
    )
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--store", default="copydesk.db")
    p.add_argument("--site", help="host or domain (subdomains included)")
    p.add_argument("--since", help="published on or after (ISO date)")
    p.add_argument("--until", help="published on or before (ISO date)")
    p.add_argument("--lang", help="language code (en matches en-GB)")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.set_defaults(func=run_search)

    s = subparsers.add_parser("show", help="print one stored article as JSON")
    s.add_argument("id", type=int, metavar="ID")
    s.add_argument("--store", default="copydesk.db")
    s.add_argument("--versions", action="store_true", help="print every version")
    s.set_defaults(func=run_show)


def _open(path: str) -> Store:
    if not Path(path).exists():
        raise StoreError(f"no store at {path}")
    return Store(path)


def run_search(args: argparse.Namespace) -> int:
    try:
        with _open(args.store) as store:
            hits = store.search(
                args.query,
                site=args.site,
                since=args.since,
                until=args.until,
                lang=args.lang,
                limit=args.limit,
                offset=args.offset,
            )
    except (StoreError, ValueError) as exc:
        print(f"copydesk search: {exc}", file=sys.stderr)
        return 1
    out = sys.stdout
    if args.format == "jsonl":
        for hit in hits:
            out.write(json.dumps(hit.to_dict(), ensure_ascii=False) + "\n")
        return 0
    width = shutil.get_terminal_size((100, 20)).columns
    tty = out.isatty()
    for hit in hits:
        date = (hit.published or "")[:10]
        out.write(f"{hit.id:>7}  {date:10}  {hit.site or '':24.24}  {hit.title or '(untitled)'}\n")
        snippet = hit.snippet_with("\x1b[1m", "\x1b[0m") if tty else hit.snippet
        snippet = " ".join(snippet.split())
        out.write(f"         {snippet[: max(40, width * 2)]}\n")
    if not hits:
        print("no matches", file=sys.stderr)
    return 0


def run_show(args: argparse.Namespace) -> int:
    try:
        with _open(args.store) as store:
            found = store.get(args.id)
            if found is None:
                print(f"copydesk show: no article {args.id}", file=sys.stderr)
                return 1
            records = store.versions(args.id) if args.versions else [found]
    except StoreError as exc:
        print(f"copydesk show: {exc}", file=sys.stderr)
        return 1
    for record in records:
        data = {
            "id": record.id,
            "version": record.version,
            "fetched_at": record.fetched_at.isoformat() if record.fetched_at else None,
            "warc": {"file": record.warc.file, "offset": record.warc.offset}
            if record.warc
            else None,
            "cluster_id": record.cluster_id,
            "article": record.article.to_dict(),
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return 0
