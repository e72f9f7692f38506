"""The article store: one SQLite file (WAL) with FTS5 search. See ``copydesk.store`` for the API."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from copydesk.discover.urls import canonical_url_key, site_of
from copydesk.errors import StoreError
from copydesk.model import Article
from copydesk.store.query import fts_query
from copydesk.store.schema import migrate

# BM25 column weights (title, text): a query word in the headline says more about what a story is
# about than the same word once in a long body. 4:1 keeps headline matches on top without letting a
# one-word title match outrank a body that is entirely about the query (checked by hand on the
# generated benchmark store and the fixture site).
BM25_WEIGHTS = (4.0, 1.0)
# Snippet length in tokens: about one sentence, enough to judge a hit in a result list.
SNIPPET_TOKENS = 24
# Markers FTS5 puts around matched terms inside snippets. Control characters never survive text
# extraction, so they cannot collide with page text; Hit renders them as it is asked to.
_OPEN, _CLOSE = "\x02", "\x03"
# Rows per SQLite transaction in add_many: large enough to amortise the commit (fsync in WAL
# mode), small enough that a crash loses little work.
ADD_MANY_BATCH = 500
# busy_timeout (ms): other processes (the HTTP service, an import) may hold the write lock briefly.
BUSY_TIMEOUT_MS = 30_000


@dataclass(frozen=True, slots=True)
class WarcRef:
    """Where the raw response of a stored article lives: a WARC file and a record offset."""

    file: str
    offset: int


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One stored article: its id, the current version of the record and its bookkeeping."""

    id: int
    article: Article
    version: int
    fetched_at: datetime | None
    warc: WarcRef | None
    cluster_id: int | None
    url_key: str | None
    added_at: datetime


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result. ``fragments`` is the snippet as (text, is_match) pieces."""

    id: int
    url: str | None
    title: str | None
    site: str | None
    published: str | None
    language: str | None
    score: float
    fragments: tuple[tuple[str, bool], ...]

    def snippet_with(self, open_mark: str = "**", close_mark: str = "**") -> str:
        """The snippet with matches wrapped in the given markers (no escaping)."""
        return "".join(f"{open_mark}{t}{close_mark}" if m else t for t, m in self.fragments)

    @property
    def snippet(self) -> str:
        """The snippet with matches in ``**bold**`` (Markdown)."""
        return self.snippet_with()

    @property
    def snippet_html(self) -> str:
        """The snippet HTML-escaped, matches in ``<mark>``."""
        from html import escape

        return "".join(f"<mark>{escape(t)}</mark>" if m else escape(t) for t, m in self.fragments)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "site": self.site,
            "published": self.published,
            "language": self.language,
            "score": self.score,
            "snippet": self.snippet,
        }


def _fragments(marked: str) -> tuple[tuple[str, bool], ...]:
    out: list[tuple[str, bool]] = []
    rest = marked
    while rest:
        start = rest.find(_OPEN)
        if start < 0:
            out.append((rest, False))
            break
        if start:
            out.append((rest[:start], False))
        end = rest.find(_CLOSE, start + 1)
        if end < 0:
            out.append((rest[start + 1 :], True))
            break
        out.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return tuple(out)


def _utc_text(value: datetime | date | str | None) -> str | None:
    """A sortable text form: aware datetimes in UTC, naive ones as given, dates at midnight."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.strip())
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(timespec="seconds")


def _until_text(value: datetime | date | str) -> str:
    """Upper bound: a bare date means the whole day."""
    if isinstance(value, str) and len(value.strip()) == 10:
        return value.strip() + "T23:59:59"
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat() + "T23:59:59"
    text = _utc_text(value)
    assert text is not None
    return text


def _from_ts(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def _ts(value: datetime | None) -> float | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def _serialise(data: dict[str, Any]) -> tuple[str, str]:
    """(JSON stored in ``data``, content hash): one encoding serves both."""
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return payload, hashlib.blake2b(payload.encode("utf-8"), digest_size=16).hexdigest()


_ARTICLE_COLUMNS = (
    "id, data, version, fetched_at, warc_file, warc_offset, cluster_id, url_key, added_at"
)


class Store:
    """An article store in one SQLite file. Thread-confined: one ``Store`` per thread/process."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        try:
            if readonly:
                uri = f"file:{self.path.resolve()}?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._conn = sqlite3.connect(self.path, isolation_level=None)
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not readonly:
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self._conn)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self._conn.execute("PRAGMA foreign_keys = ON")
        # A read-only handle may see a file an older copydesk wrote (not migrated): search then
        # goes without the v2 filter index rather than failing.
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        self._filter_index = " INDEXED BY articles_filter" if version >= 2 else ""

    # -- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection (autocommit mode; use ``with store.transaction():`` to group)."""
        return self._conn

    def transaction(self) -> _Transaction:
        """``with store.transaction(): ...`` runs the block in one IMMEDIATE transaction."""
        return _Transaction(self._conn)

    # -- writing ---------------------------------------------------------------------------------
    def add(
        self,
        article: Article,
        *,
        fetched_at: datetime | None = None,
        warc_file: str | None = None,
        warc_offset: int | None = None,
        key: str | None = None,
    ) -> int:
        """Store one article and return its id (see the module docstring for versioning)."""
        with self.transaction():
            return self._add(article, fetched_at, warc_file, warc_offset, key)

    def add_many(
        self,
        items: Iterable[Article | tuple[Article, dict[str, Any]]],
    ) -> list[int]:
        """Store many articles in batched transactions. Items are articles or
        ``(article, {"fetched_at": ..., "warc_file": ..., "warc_offset": ..., "key": ...})``."""
        ids: list[int] = []
        batch: list[tuple[Article, dict[str, Any]]] = []
        for item in items:
            batch.append(item if isinstance(item, tuple) else (item, {}))
            if len(batch) >= ADD_MANY_BATCH:
                ids.extend(self._add_batch(batch))
                batch = []
        if batch:
            ids.extend(self._add_batch(batch))
        return ids

    def _add_batch(self, batch: Sequence[tuple[Article, dict[str, Any]]]) -> list[int]:
        with self.transaction():
            return [
                self._add(
                    article,
                    extra.get("fetched_at"),
                    extra.get("warc_file"),
                    extra.get("warc_offset"),
                    extra.get("key"),
                )
                for article, extra in batch
            ]

    def _add(
        self,
        article: Article,
        fetched_at: datetime | None,
        warc_file: str | None,
        warc_offset: int | None,
        key: str | None,
    ) -> int:
        payload, digest = _serialise(article.to_dict())
        url = article.url or article.canonical_url
        url_key = key if key is not None else (canonical_url_key(url) if url else None)
        now = time.time()
        row = None
        if url_key is not None:
            row = self._conn.execute(
                "SELECT id, content_hash, version FROM articles WHERE url_key = ?", (url_key,)
            ).fetchone()
        if row is not None:
            article_id, old_hash, version = row
            if old_hash == digest:
                # Same content again: no new version, only the "seen" bookkeeping moves.
                self._conn.execute(
                    "UPDATE articles SET fetched_at = COALESCE(?, fetched_at), seen_at = ? "
                    "WHERE id = ?",
                    (_ts(fetched_at), now, article_id),
                )
                return int(article_id)
            self._conn.execute(
                "INSERT INTO article_versions (article_id, version, data, fetched_at, warc_file,"
                " warc_offset, content_hash, replaced_at) SELECT id, version, data, fetched_at,"
                " warc_file, warc_offset, content_hash, ? FROM articles WHERE id = ?",
                (now, article_id),
            )
            self._conn.execute(
                "UPDATE articles SET url = ?, canonical_url = ?, site = ?, page_type = ?,"
                " title = ?, text = ?, language = ?, published = ?, data = ?, content_hash = ?,"
                " version = ?, fetched_at = ?, warc_file = ?, warc_offset = ?, seen_at = ?"
                " WHERE id = ?",
                (
                    *self._columns(article, url),
                    payload,
                    digest,
                    int(version) + 1,
                    _ts(fetched_at),
                    warc_file,
                    warc_offset,
                    now,
                    article_id,
                ),
            )
            return int(article_id)
        cursor = self._conn.execute(
            "INSERT INTO articles (url_key, url, canonical_url, site, page_type, title, text,"
            " language, published, data, content_hash, version, fetched_at, warc_file,"
            " warc_offset, added_at, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?,"
            " ?, ?, ?)",
            (
                url_key,
                *self._columns(article, url),
                payload,
                digest,
                _ts(fetched_at),
                warc_file,
                warc_offset,
                now,
                now,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    @staticmethod
    def _columns(article: Article, url: str | None) -> tuple[Any, ...]:
        return (
            article.url,
            article.canonical_url,
            site_of(url) if url else None,
            article.page_type,
            article.title or "",
            article.text,
            article.language,
            _utc_text(article.published),
        )

    def set_cluster(self, article_id: int, cluster_id: int | None) -> None:
        """The hook for near-duplicate clustering (``copydesk.dedup``)."""
        self._conn.execute(
            "UPDATE articles SET cluster_id = ? WHERE id = ?", (cluster_id, article_id)
        )

    def delete(self, article_id: int) -> bool:
        with self.transaction():
            self._conn.execute("DELETE FROM article_versions WHERE article_id = ?", (article_id,))
            cur = self._conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return cur.rowcount > 0

    # -- reading ---------------------------------------------------------------------------------
    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get(self, article_id: int) -> StoredArticle | None:
        row = self._conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else self._stored(row)

    def get_by_url(self, url: str) -> StoredArticle | None:
        row = self._conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE url_key = ?",
            (canonical_url_key(url),),
        ).fetchone()
        return None if row is None else self._stored(row)

    def versions(self, article_id: int) -> list[StoredArticle]:
        """Every version of an article, oldest first, the current one last."""
        rows = self._conn.execute(
            "SELECT article_id, data, version, fetched_at, warc_file, warc_offset, NULL, NULL,"
            " replaced_at FROM article_versions WHERE article_id = ? ORDER BY version",
            (article_id,),
        ).fetchall()
        out = [self._stored(row) for row in rows]
        current = self.get(article_id)
        return [*out, current] if current is not None else out

    def iter_articles(
        self, *, batch: int = 1000, since_id: int = 0, with_warc: bool = False
    ) -> Iterator[StoredArticle]:
        """Every article in id order, read in batches (constant memory)."""
        last = since_id
        extra = " AND warc_file IS NOT NULL" if with_warc else ""
        while True:
            rows = self._conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id > ?{extra} ORDER BY id LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield self._stored(row)
            last = rows[-1][0]

    @staticmethod
    def _stored(row: Sequence[Any]) -> StoredArticle:
        article_id, data, version, fetched, warc_file, warc_offset, cluster, url_key, added = row
        return StoredArticle(
            id=int(article_id),
            article=Article.from_dict(json.loads(data)),
            version=int(version),
            fetched_at=_from_ts(fetched),
            warc=WarcRef(warc_file, int(warc_offset)) if warc_file is not None else None,
            cluster_id=cluster,
            url_key=url_key,
            added_at=_from_ts(added) or datetime.now(UTC),
        )

    # -- search ----------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        site: str | None = None,
        since: datetime | date | str | None = None,
        until: datetime | date | str | None = None,
        lang: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[Hit]:
        """Full-text search, best BM25 first. An empty query lists the newest matching articles."""
        where: list[str] = []
        params: list[Any] = []
        if site:
            s = site.lower().removeprefix("www.")
            where.append("(a.site = ? OR a.site LIKE ?)")
            params += [s, "%." + s]
        if since:
            where.append("a.published >= ?")
            params.append(_utc_text(since))
        if until:
            where.append("a.published <= ?")
            params.append(_until_text(until))
        if lang:
            where.append("(a.language = ? OR a.language LIKE ?)")
            params += [lang, lang + "-%"]
        match = fts_query(query)
        limit = max(0, min(int(limit), 1000))
        offset = max(0, int(offset))
        try:
            if match is None:
                sql = (
                    "SELECT a.id, a.url, a.title, a.site, a.published, a.language, 0.0,"
                    f" substr(a.text, 1, 200) FROM articles a"
                    f"{' WHERE ' + ' AND '.join(where) if where else ''}"
                    " ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?"
                )
                rows = self._conn.execute(sql, (*params, limit, offset)).fetchall()
            else:
                rows = self._ranked(match, where, params, limit, offset)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed: {exc}") from exc
        return [
            Hit(
                id=int(r[0]),
                url=r[1],
                title=r[2] or None,
                site=r[3],
                published=r[4],
                language=r[5],
                score=-float(r[6]),
                fragments=_fragments(r[7] or ""),
            )
            for r in rows
        ]

    def _ranked(
        self, match: str, where: list[str], params: list[Any], limit: int, offset: int
    ) -> list[tuple[Any, ...]]:
        """BM25 top-k first, then columns and snippets for those k rows only: SQLite would
        otherwise build a snippet for every matching row before sorting (a frequent word
        matches most of the store)."""
        w_title, w_text = BM25_WEIGHTS
        score = f"bm25(articles_fts, {w_title}, {w_text})"
        if where:
            sql = (
                f"SELECT articles_fts.rowid, {score} AS score FROM articles_fts"
                f" JOIN articles a{self._filter_index} ON a.id = articles_fts.rowid"
                " WHERE articles_fts MATCH ?"
                f" AND {' AND '.join(where)} ORDER BY score LIMIT ? OFFSET ?"
            )
        else:
            sql = (
                f"SELECT rowid, {score} AS score FROM articles_fts WHERE articles_fts MATCH ?"
                " ORDER BY score LIMIT ? OFFSET ?"
            )
        top = self._conn.execute(sql, (match, *params, limit, offset)).fetchall()
        rows: list[tuple[Any, ...]] = []
        for article_id, rank in top:
            meta = self._conn.execute(
                "SELECT id, url, title, site, published, language FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
            snippet = self._conn.execute(
                f"SELECT snippet(articles_fts, -1, char(2), char(3), '…', {SNIPPET_TOKENS})"
                " FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
                (match, article_id),
            ).fetchone()
            if meta is not None:
                rows.append((*meta, rank, snippet[0] if snippet else ""))
        return rows


class _Transaction:
    """Re-entrant IMMEDIATE transaction on an autocommit connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._outer = False

    def __enter__(self) -> sqlite3.Connection:
        self._outer = not self._conn.in_transaction
        if self._outer:
            self._conn.execute("BEGIN IMMEDIATE")
        return self._conn

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._outer:
            return
        if exc_type is None:
            self._conn.execute("COMMIT")
        else:
            self._conn.execute("ROLLBACK")
