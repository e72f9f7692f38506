"""Exports of a store: JSON Lines, Parquet, CSV, Markdown. Streaming, constant memory."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from typing import IO, Any

from copydesk.store.sqlite import Store, StoredArticle

FORMATS = ("jsonl", "parquet", "csv", "markdown")
# Rows per Parquet row group: large enough for good compression, small enough to stream.
PARQUET_BATCH = 2000
FLAT_COLUMNS = (
    "id",
    "url",
    "canonical_url",
    "page_type",
    "title",
    "authors",
    "credit",
    "published",
    "modified",
    "language",
    "site_name",
    "section",
    "description",
    "tags",
    "paywalled",
    "text",
    "version",
    "fetched_at",
    "warc_file",
    "warc_offset",
    "cluster_id",
)


def record(stored: StoredArticle) -> dict[str, Any]:
    """The full export record: the Article's dict plus the store's bookkeeping."""
    data = stored.article.to_dict()
    data.update(
        id=stored.id,
        version=stored.version,
        fetched_at=stored.fetched_at.isoformat() if stored.fetched_at else None,
        warc_file=stored.warc.file if stored.warc else None,
        warc_offset=stored.warc.offset if stored.warc else None,
        cluster_id=stored.cluster_id,
    )
    return data


def _flat(stored: StoredArticle) -> dict[str, Any]:
    data = record(stored)
    return {key: data.get(key) for key in FLAT_COLUMNS}


Keep = Callable[[StoredArticle], bool] | None


def _articles(store: Store, keep: Keep) -> Iterator[StoredArticle]:
    """The store's articles, filtered by ``keep`` (e.g. dedup's one-per-story filter)."""
    for stored in store.iter_articles():
        if keep is None or keep(stored):
            yield stored


def export_jsonl(store: Store, out: IO[str], keep: Keep = None) -> int:
    n = 0
    for stored in _articles(store, keep):
        out.write(json.dumps(record(stored), ensure_ascii=False) + "\n")
        n += 1
    return n


def export_csv(store: Store, out: IO[str], keep: Keep = None) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    n = 0
    for stored in _articles(store, keep):
        row = _flat(stored)
        row["authors"] = "; ".join(row["authors"] or [])
        row["tags"] = "; ".join(row["tags"] or [])
        writer.writerow(row)
        n += 1
    return n


def export_markdown(store: Store, out: IO[str], keep: Keep = None) -> int:
    n = 0
    for stored in _articles(store, keep):
        a = stored.article
        out.write(f"# {a.title or '(untitled)'}\n\n")
        meta = [
            f"- id: {stored.id}",
            f"- url: <{a.url}>" if a.url else "",
            f"- authors: {', '.join(a.authors)}" if a.authors else "",
            f"- published: {a.published.isoformat()}" if a.published else "",
            f"- language: {a.language}" if a.language else "",
        ]
        out.write("\n".join(m for m in meta if m) + "\n\n")
        for block in a.body:
            prefix = {"heading": "## ", "quote": "> ", "list_item": "- "}.get(block.kind, "")
            if block.kind == "preformatted":
                out.write(f"```\n{block.text}\n```\n\n")
            else:
                out.write(f"{prefix}{block.text}\n\n")
        out.write("---\n\n")
        n += 1
    return n


def _batches(store: Store, keep: Keep = None) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for stored in _articles(store, keep):
        batch.append(_flat(stored))
        if len(batch) >= PARQUET_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def export_parquet(store: Store, path: str, keep: Keep = None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    text = pa.string()
    schema = pa.schema(
        [
            ("id", pa.int64()),
            ("url", text),
            ("canonical_url", text),
            ("page_type", text),
            ("title", text),
            ("authors", pa.list_(text)),
            ("credit", text),
            ("published", text),
            ("modified", text),
            ("language", text),
            ("site_name", text),
            ("section", text),
            ("description", text),
            ("tags", pa.list_(text)),
            ("paywalled", pa.bool_()),
            ("text", text),
            ("version", pa.int64()),
            ("fetched_at", text),
            ("warc_file", text),
            ("warc_offset", pa.int64()),
            ("cluster_id", pa.int64()),
        ]
    )
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in _batches(store, keep):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
        if n == 0:
            writer.write_table(pa.Table.from_pylist([], schema=schema))
    return n
