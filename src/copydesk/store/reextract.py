"""Re-extract stored articles from their WARC records (after the extractor improved)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from copydesk.api import extract
from copydesk.errors import FetchError
from copydesk.fetch.decompress import decode_content
from copydesk.fetch.warc import read_response
from copydesk.model import Article
from copydesk.parse.decode import decode
from copydesk.store.sqlite import Store

# Decoded size cap for archived bodies (same order as the crawler's).
MAX_DECODED_BYTES = 60 * 1024 * 1024


@dataclass(slots=True)
class ReextractStats:
    seen: int = 0
    changed: int = 0
    unchanged: int = 0
    missing: int = 0


def _charset(headers: list[tuple[str, str]]) -> str | None:
    for key, value in headers:
        if key.lower() == "content-type":
            for part in value.split(";")[1:]:
                name, _, charset = part.partition("=")
                if name.strip().lower() == "charset":
                    return charset.strip().strip("\"'") or None
    return None


def reextract(
    store: Store, *, extractor: Callable[..., Article] = extract, limit: int | None = None
) -> ReextractStats:
    """Extract each article again from its WARC record; changed records become new versions."""
    stats = ReextractStats()
    base = store.path.parent
    for stored in store.iter_articles(with_warc=True):
        if limit is not None and stats.seen >= limit:
            break
        stats.seen += 1
        assert stored.warc is not None
        try:
            url, _status, headers, raw = read_response(base / stored.warc.file, stored.warc.offset)
            encoding = next((v for k, v in headers if k.lower() == "content-encoding"), None)
            body = decode_content(raw, encoding, MAX_DECODED_BYTES)
        except (OSError, ValueError, FetchError):
            stats.missing += 1
            continue
        article = extractor(decode(body, _charset(headers)), url=url, fetched_at=stored.fetched_at)
        before = store.get(stored.id)
        store.add(
            article,
            fetched_at=stored.fetched_at,
            warc_file=stored.warc.file,
            warc_offset=stored.warc.offset,
            key=stored.url_key,
        )
        after = store.get(stored.id)
        if before is not None and after is not None and after.version != before.version:
            stats.changed += 1
        else:
            stats.unchanged += 1
    return stats
