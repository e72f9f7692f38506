"""Loading batch output (Parquet shards) and JSON Lines of articles into the store.

Streaming (Parquet in record batches, JSON Lines line by line) and idempotent: the store keys
articles by URL and keeps the version when the content is unchanged, so importing the same file
twice adds nothing. An article with no URL at all is keyed by a hash of its content for the same
reason.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

import pyarrow.parquet as pq

from copydesk.errors import SourceError
from copydesk.model import Article
from copydesk.pipeline.shard import row_to_article_dict
from copydesk.store import Store

# Rows per Parquet read and per store transaction: big enough to amortise the commit, small
# enough that memory stays flat for shards of any size.
BATCH_ROWS = 500
IMPORT_SUFFIXES = (".parquet", ".jsonl", ".jsonl.gz", ".ndjson")

Item = tuple[Article, dict[str, Any]]


@dataclass
class ImportStats:
    files: int = 0
    records: int = 0
    invalid: int = 0
    before: int = 0
    after: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def added(self) -> int:
        return self.after - self.before


def expand_import_paths(paths: Sequence[str]) -> list[str]:
    """Files named, and the importable files of folders named (batch output folders)."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found.extend(
                os.path.join(path, name)
                for name in sorted(os.listdir(path))
                if name.lower().endswith(IMPORT_SUFFIXES) and not name.endswith(".rejects.jsonl")
            )
        else:
            found.append(path)
    return found


def _extra(data: dict[str, Any]) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    fetched = data.get("fetched_at")
    if isinstance(fetched, str) and fetched:
        try:
            fetched = datetime.fromisoformat(fetched.replace("Z", "+00:00"))
        except ValueError:
            fetched = None
    if isinstance(fetched, datetime):
        extra["fetched_at"] = fetched if fetched.tzinfo else fetched.replace(tzinfo=UTC)
    if data.get("warc_file"):
        extra["warc_file"] = str(data["warc_file"])
        if data.get("warc_offset") is not None:
            extra["warc_offset"] = int(data["warc_offset"])
    return extra


def _with_body(data: dict[str, Any]) -> dict[str, Any]:
    """Flat exports (CSV-like Parquet, trimmed JSON) carry ``text`` but no ``body``; the record
    derives ``text`` from ``body``, so rebuild paragraphs from the text instead of losing it."""
    text = data.get("text")
    if not data.get("body") and isinstance(text, str) and text.strip():
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        return {**data, "body": [{"kind": "paragraph", "text": p} for p in paragraphs]}
    return data


def _keyed(article: Article, extra: dict[str, Any]) -> Item:
    if not article.url and not article.canonical_url:
        digest = hashlib.sha1(
            json.dumps(article.to_dict(), sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
        extra = {**extra, "key": f"content:{digest}"}
    return article, extra


def iter_parquet(path: str, stats: ImportStats) -> Iterator[Item]:
    try:
        shard = pq.ParquetFile(path)
    except (OSError, ValueError) as exc:
        raise SourceError(f"{path}: not a readable Parquet file: {exc}") from exc
    for batch in shard.iter_batches(batch_size=BATCH_ROWS):
        for row in batch.to_pylist():
            stats.records += 1
            try:
                article = Article.from_dict(_with_body(row_to_article_dict(row)))
            except (ValueError, TypeError, KeyError):
                stats.invalid += 1
                continue
            yield _keyed(article, _extra(row))


def iter_jsonl(path: str, stats: ImportStats) -> Iterator[Item]:
    try:
        stream: IO[str] = (
            gzip.open(path, "rt", encoding="utf-8", errors="replace")  # noqa: SIM115
            if path.endswith(".gz")
            else open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
        )
    except OSError as exc:
        raise SourceError(f"{path}: cannot open: {exc}") from exc
    with stream:
        try:
            for line in stream:
                if not line.strip():
                    continue
                stats.records += 1
                try:
                    data = json.loads(line)
                    if not isinstance(data, dict):
                        raise ValueError("not an object")
                    article = Article.from_dict(_with_body(data))
                except (ValueError, TypeError, KeyError):
                    stats.invalid += 1
                    continue
                yield _keyed(article, _extra(data))
        except (OSError, EOFError) as exc:
            raise SourceError(f"{path}: read failed: {exc}") from exc


def import_files(paths: Sequence[str], store: Store) -> ImportStats:
    """Import every file; a file that cannot be read is reported in ``errors`` and skipped."""
    stats = ImportStats(before=store.count())
    for path in expand_import_paths(paths):
        reader = iter_parquet if path.lower().endswith(".parquet") else iter_jsonl
        try:
            store.add_many(reader(path, stats))
            stats.files += 1
        except SourceError as exc:
            stats.errors.append(str(exc))
    stats.after = store.count()
    return stats
