"""The crawl frontier: which URLs are known, which are due, per host, persisted in the store.

The ``frontier`` table (store schema) is the truth; ``Frontier`` keeps per-host in-memory queues
of the due rows so the scheduler never queries SQLite to pick the next URL. A URL enters once
(keyed by ``canonical_url_key``); its row moves ``queued -> done | failed | skipped``. Listings
(home pages, feeds, sitemaps) become due again after ``revisit_after`` seconds; article pages
are never revisited by the frontier.
"""

from __future__ import annotations

import sqlite3
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from copydesk.discover.urls import canonical_url_key, host_of

KINDS = ("auto", "home", "feed", "sitemap", "page")
# Kinds that list other URLs and are worth refetching (with a conditional GET) on later runs.
REVISITED_KINDS = ("auto", "home", "feed", "sitemap")


@dataclass(frozen=True, slots=True)
class Item:
    url: str
    key: str
    host: str
    kind: str
    depth: int
    attempts: int = 0
    not_before: float = 0.0
    etag: str | None = None
    last_modified: str | None = None


class Frontier:
    """Per-host queues over the ``frontier`` table. Not thread-safe; one crawler owns it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.queues: dict[str, deque[Item]] = {}

    # -- loading --------------------------------------------------------------------------------
    def load(self, *, revisit_after: float | None, now: float | None = None) -> int:
        """Queue every due row: queued rows, and listing rows older than ``revisit_after``."""
        now = time.time() if now is None else now
        if revisit_after is not None:
            marks = ",".join("?" * len(REVISITED_KINDS))
            self._conn.execute(
                f"UPDATE frontier SET state = 'queued', attempts = 0 WHERE state = 'done'"
                f" AND kind IN ({marks}) AND done_at <= ?",
                (*REVISITED_KINDS, now - revisit_after),
            )
        rows = self._conn.execute(
            "SELECT url, url_key, host, kind, depth, attempts, not_before, etag, last_modified"
            " FROM frontier WHERE state = 'queued' ORDER BY depth, added_at, rowid"
        ).fetchall()
        self.queues.clear()
        for row in rows:
            self._push(Item(*row))
        return len(rows)

    def _push(self, item: Item) -> None:
        self.queues.setdefault(item.host, deque()).append(item)

    # -- adding ---------------------------------------------------------------------------------
    def add(
        self,
        url: str,
        *,
        kind: str,
        depth: int,
        lastmod: str | None = None,
        requeue_listing: bool = False,
    ) -> bool:
        """Add a URL if unknown (True when it was added and queued). ``requeue_listing`` puts a
        finished listing URL (a seed given again) back in the queue."""
        key = canonical_url_key(url)
        host = host_of(url)
        cur = self._conn.execute(
            "INSERT OR IGNORE INTO frontier (url_key, url, host, kind, depth, state, added_at,"
            " lastmod) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)",
            (key, url, host, kind, depth, time.time(), lastmod),
        )
        if cur.rowcount:
            self._push(Item(url, key, host, kind, depth))
            return True
        if requeue_listing:
            row = self._conn.execute(
                "SELECT state, kind, etag, last_modified FROM frontier WHERE url_key = ?", (key,)
            ).fetchone()
            if row is not None and row[0] in ("failed",) and row[1] in REVISITED_KINDS:
                self._conn.execute(
                    "UPDATE frontier SET state = 'queued', attempts = 0 WHERE url_key = ?", (key,)
                )
                self._push(Item(url, key, host, row[1], depth, etag=row[2], last_modified=row[3]))
                return True
        return False

    def add_many(self, urls: Iterable[tuple[str, str, int, str | None]]) -> int:
        """Add (url, kind, depth, lastmod) tuples; returns how many were new."""
        return sum(self.add(u, kind=k, depth=d, lastmod=m) for u, k, d, m in urls)

    # -- outcomes -------------------------------------------------------------------------------
    def done(
        self,
        item: Item,
        *,
        kind: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        note: str | None = None,
        state: str = "done",
    ) -> None:
        self._conn.execute(
            "UPDATE frontier SET state = ?, kind = ?, done_at = ?, etag = COALESCE(?, etag),"
            " last_modified = COALESCE(?, last_modified), note = ?, attempts = attempts + 1"
            " WHERE url_key = ?",
            (state, kind or item.kind, time.time(), etag, last_modified, note, item.key),
        )

    def retry(self, item: Item, *, not_before: float, note: str, keep_in_memory: bool) -> Item:
        """Record a failed attempt; the URL stays queued until ``not_before``."""
        self._conn.execute(
            "UPDATE frontier SET attempts = attempts + 1, not_before = ?, note = ?"
            " WHERE url_key = ?",
            (not_before, note, item.key),
        )
        again = Item(
            item.url,
            item.key,
            item.host,
            item.kind,
            item.depth,
            item.attempts + 1,
            not_before,
            item.etag,
            item.last_modified,
        )
        if keep_in_memory:
            self._push(again)
        return again

    # -- inspection -----------------------------------------------------------------------------
    def item(self, url: str) -> Item | None:
        """The queued frontier row for a URL, or None when unknown or already finished."""
        row = self._conn.execute(
            "SELECT url, url_key, host, kind, depth, attempts, not_before, etag, last_modified"
            " FROM frontier WHERE url_key = ? AND state = 'queued'",
            (canonical_url_key(url),),
        ).fetchone()
        return None if row is None else Item(*row)

    def known(self, url: str) -> bool:
        key = canonical_url_key(url)
        return (
            self._conn.execute("SELECT 1 FROM frontier WHERE url_key = ?", (key,)).fetchone()
            is not None
        )

    def pending(self) -> int:
        return sum(len(q) for q in self.queues.values())

    def counts(self) -> dict[str, int]:
        rows = self._conn.execute("SELECT state, count(*) FROM frontier GROUP BY state")
        return {str(state): int(n) for state, n in rows}
