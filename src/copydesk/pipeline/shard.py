"""One shard's output: Parquet of articles, JSON Lines of rejects, stats.json, a done marker.

Everything is written to ``*.tmp`` files and renamed into place when the shard is complete; the
marker is renamed last, so a shard either has a marker and complete files, or is redone.

Parquet layout: the Article keys of DESIGN.md §2 as columns, nested records as Arrow structs and
lists (``dateline`` struct, ``images``/``body``/``related``/``quotes`` lists of structs,
``provenance`` a map), ``published``/``modified`` as ISO 8601 strings (a page's offset, or its
absence, is kept exactly; an Arrow timestamp column has one zone for all rows), then
``warc_file``, ``warc_offset``, ``fetched_at`` (UTC timestamp) and ``extra`` (JSON of Article
keys this schema does not know yet, or null).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

# Rows per Parquet row group: ~1000 articles is 5-30 MB in memory, big enough for efficient
# column chunks, small enough to keep the writer's buffer modest.
ROW_GROUP_ROWS = 1000

_S = pa.string()
ARTICLE_FIELDS: tuple[pa.Field, ...] = (
    pa.field("url", _S),
    pa.field("canonical_url", _S),
    pa.field("page_type", _S),
    pa.field("title", _S),
    pa.field("authors", pa.list_(_S)),
    pa.field("credit", _S),
    pa.field("dateline", pa.struct([("place", _S), ("agency", _S)])),
    pa.field("published", _S),
    pa.field("modified", _S),
    pa.field("language", _S),
    pa.field("site_name", _S),
    pa.field("description", _S),
    pa.field("section", _S),
    pa.field("tags", pa.list_(_S)),
    pa.field(
        "images", pa.list_(pa.struct([("url", _S), ("caption", _S), ("credit", _S), ("alt", _S)]))
    ),
    pa.field("body", pa.list_(pa.struct([("kind", _S), ("text", _S)]))),
    pa.field("text", _S),
    pa.field(
        "related",
        pa.list_(
            pa.struct(
                [
                    ("title", _S),
                    ("url", _S),
                    ("summary", _S),
                    ("authors", pa.list_(_S)),
                    ("age_text", _S),
                    ("published", _S),
                    ("image_caption", _S),
                ]
            )
        ),
    ),
    pa.field("notices", pa.list_(_S)),
    pa.field("paywalled", pa.bool_()),
    pa.field("provenance", pa.map_(_S, _S)),
    pa.field("quotes", pa.list_(pa.struct([("text", _S), ("speaker", _S), ("cue", _S)]))),
)
ARTICLE_KEYS = frozenset(f.name for f in ARTICLE_FIELDS)
SCHEMA = pa.schema(
    [
        *ARTICLE_FIELDS,
        pa.field("warc_file", _S),
        pa.field("warc_offset", pa.int64()),
        pa.field("fetched_at", pa.timestamp("us", tz="UTC")),
        pa.field("extra", _S),
    ]
)


def shard_name(location: str) -> str:
    """A stable, readable, collision-free name: the file's stem plus a hash of where it is."""
    if location.startswith(("http://", "https://")):
        key = location
        base = location.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    else:
        key = os.path.abspath(location)
        base = os.path.basename(key)
    stem = re.sub(r"(\.(warc|arc))?(\.gz)?$", "", base, flags=re.IGNORECASE)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._") or "input"
    return f"{stem[:80]}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"


def article_row(
    article: Mapping[str, Any], warc_file: str, warc_offset: int, fetched_at: datetime | None
) -> dict[str, Any]:
    row = {key: article.get(key) for key in ARTICLE_KEYS}
    row["provenance"] = list((article.get("provenance") or {}).items())
    extra = {k: v for k, v in article.items() if k not in ARTICLE_KEYS}
    row["extra"] = json.dumps(extra, sort_keys=True, default=str) if extra else None
    row["warc_file"] = warc_file
    row["warc_offset"] = warc_offset
    row["fetched_at"] = fetched_at
    return row


def row_to_article_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """Inverse of :func:`article_row` for readers (``copydesk import``): an ``Article.from_dict``
    input, plus the provenance of the record in the archive."""
    data = {key: row.get(key) for key in ARTICLE_KEYS if key in row}
    provenance = row.get("provenance")
    data["provenance"] = dict(provenance) if provenance else {}
    extra = row.get("extra")
    if extra:
        data.update(json.loads(extra))
    return data


class ShardPaths:
    def __init__(self, out_dir: Path, name: str) -> None:
        self.name = name
        self.articles = out_dir / f"{name}.parquet"
        self.rejects = out_dir / f"{name}.rejects.jsonl"
        self.stats = out_dir / f"{name}.stats.json"
        self.marker = out_dir / f"{name}.done"

    def finished(self) -> bool:
        return self.marker.exists()


def _tmp(path: Path) -> Path:
    return path.with_name(path.name + ".tmp")


class ShardWriter:
    """Streams one shard's articles and rejects to temporary files; ``commit`` publishes them."""

    def __init__(self, paths: ShardPaths) -> None:
        self.paths = paths
        paths.articles.parent.mkdir(parents=True, exist_ok=True)
        self._parquet = pq.ParquetWriter(str(_tmp(paths.articles)), SCHEMA, compression="zstd")
        self._rejects = open(_tmp(paths.rejects), "w", encoding="utf-8")  # noqa: SIM115
        self._rows: list[dict[str, Any]] = []
        self.articles = 0

    def add_article(self, row: dict[str, Any]) -> None:
        self._rows.append(row)
        self.articles += 1
        if len(self._rows) >= ROW_GROUP_ROWS:
            self._flush()

    def add_reject(
        self,
        url: str | None,
        warc_offset: int,
        fetched_at: datetime | None,
        reason: str,
        detail: str,
    ) -> None:
        record = {
            "url": url,
            "warc_offset": warc_offset,
            "fetched_at": fetched_at.isoformat() if fetched_at else None,
            "reason": reason,
            "detail": detail,
        }
        self._rejects.write(json.dumps(record, ensure_ascii=False) + "\n")

    def _flush(self) -> None:
        if self._rows:
            self._parquet.write_table(pa.Table.from_pylist(self._rows, schema=SCHEMA))
            self._rows = []

    def commit(self, stats: Mapping[str, Any]) -> None:
        self._flush()
        self._parquet.close()
        self._rejects.close()
        _tmp(self.paths.stats).write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n")
        for path in (self.paths.articles, self.paths.rejects, self.paths.stats):
            os.replace(_tmp(path), path)
        marker = {"input": stats.get("input"), "articles": self.articles}
        _tmp(self.paths.marker).write_text(json.dumps(marker, sort_keys=True) + "\n")
        os.replace(_tmp(self.paths.marker), self.paths.marker)

    def abort(self) -> None:
        self._parquet.close()
        self._rejects.close()
        for path in (self.paths.articles, self.paths.rejects, self.paths.stats):
            _tmp(path).unlink(missing_ok=True)
