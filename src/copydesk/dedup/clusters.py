"""Story clusters: every new article is matched against the whole archive, incrementally.

:class:`ClusterIndex` keeps, in the same SQLite file as the store (or any connection), the LSH
index of :mod:`copydesk.dedup.lsh` plus ``dedup_members`` (article id -> cluster id and the few
fields origin finding needs). Adding an article finds its verified near-duplicates; it joins their
cluster, and when it matches members of several clusters those clusters merge (the oldest id
stays). Every assignment is reported through ``on_assign(article_id, cluster_id)``: pass
``store.set_cluster`` to keep the store's ``articles.cluster_id`` (search results, exports)
in step::

    with Store(path) as store:
        clusters = ClusterIndex(store.connection, on_assign=store.set_cluster)
        clusters.add(article_id, article)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from copydesk.dedup.lsh import (
    LshIndex,
    Match,
    band_keys,
    has_tables,
    similarity,
    transaction,
)
from copydesk.dedup.minhash import MinHasher, Signature
from copydesk.dedup.origin import Member, Relation, choose_origin, cluster_agency, relation
from copydesk.model import Article

if TYPE_CHECKING:
    from copydesk.store import Store, StoredArticle

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS dedup_members (
        article_id INTEGER PRIMARY KEY,
        cluster_id INTEGER NOT NULL,
        url TEXT, site_name TEXT, credit TEXT, agency TEXT, published TEXT, title TEXT,
        n_shingles INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX IF NOT EXISTS dedup_members_cluster ON dedup_members(cluster_id)",
)
_MEMBER_COLUMNS = "article_id, url, site_name, credit, agency, published, title, n_shingles"


@dataclass(frozen=True, slots=True)
class ClusterMember:
    member: Member
    relation: Relation
    jaccard: float

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.member.to_dict(),
            "relation": self.relation,
            "jaccard": round(self.jaccard, 3),
        }


@dataclass(frozen=True, slots=True)
class Cluster:
    """One story: its members, the most likely original and why."""

    cluster_id: int
    origin: Member
    origin_reason: str
    agency: str | None
    members: tuple[ClusterMember, ...]

    @property
    def size(self) -> int:
        return len(self.members)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.cluster_id,
            "size": self.size,
            "origin": {**self.origin.to_dict(), "reason": self.origin_reason},
            "agency": self.agency,
            "members": [m.to_dict() for m in self.members],
        }


def member_of(article_id: int, article: Article, n_shingles: int) -> Member:
    return Member(
        article_id=article_id,
        url=article.url or article.canonical_url,
        site_name=article.site_name,
        credit=article.credit,
        agency=article.dateline.agency if article.dateline else None,
        published=article.published,
        title=article.title,
        n_shingles=n_shingles,
    )


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


class ClusterIndex:
    """Incremental near-duplicate clustering over a SQLite connection."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        hasher: MinHasher | None = None,
        on_assign: Callable[[int, int], None] | None = None,
    ) -> None:
        self.conn = conn
        self.lsh = LshIndex(conn, hasher)
        self.on_assign = on_assign
        if not has_tables(conn, ("dedup_members",)):
            with transaction(conn):
                for statement in _SCHEMA:
                    conn.execute(statement)

    # -- writing -----------------------------------------------------------------------------
    def add(self, article_id: int, article: Article) -> int:
        """Index one article (or a new version of it); returns its cluster id."""
        sig = self.lsh.signature(article.text)
        return self.add_signature(article_id, sig, member_of(article_id, article, sig.n_shingles))

    def add_many(self, items: Iterable[tuple[int, Article]]) -> dict[int, int]:
        """Index several articles in one transaction; returns article id -> cluster id."""
        out = {}
        with transaction(self.conn):
            for article_id, article in items:
                out[article_id] = self.add(article_id, article)
        return out

    def add_signature(self, article_id: int, sig: Signature, member: Member) -> int:
        with transaction(self.conn):
            keys = band_keys(sig)
            matches = self.lsh.query(sig, exclude=(article_id,), keys=keys)
            previous = self.cluster_of(article_id)
            self.lsh.add(article_id, sig, keys, replace=previous is not None)
            targets = {c for c in self._clusters_of(m.article_id for m in matches) if c is not None}
            if previous is not None and self._size(previous) > 1:
                targets.add(previous)  # a new version stays in its story
            cluster_id = min(targets) if targets else article_id
            self._upsert_member(member, cluster_id)
            changed = [article_id]
            for other in targets - {cluster_id}:
                changed.extend(self._relabel(other, cluster_id))
        if self.on_assign is not None:
            for aid in changed:
                self.on_assign(aid, cluster_id)
        return cluster_id

    def _upsert_member(self, m: Member, cluster_id: int) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO dedup_members VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                m.article_id,
                cluster_id,
                m.url,
                m.site_name,
                m.credit,
                m.agency,
                m.published.isoformat() if m.published else None,
                m.title,
                m.n_shingles,
            ),
        )

    def _relabel(self, old: int, new: int) -> list[int]:
        ids = [
            int(r[0])
            for r in self.conn.execute(
                "SELECT article_id FROM dedup_members WHERE cluster_id = ?", (old,)
            )
        ]
        self.conn.execute(
            "UPDATE dedup_members SET cluster_id = ? WHERE cluster_id = ?", (new, old)
        )
        return ids

    # -- reading -----------------------------------------------------------------------------
    def cluster_of(self, article_id: int) -> int | None:
        row = self.conn.execute(
            "SELECT cluster_id FROM dedup_members WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else int(row[0])

    def _clusters_of(self, article_ids: Iterable[int]) -> set[int]:
        return {c for c in (self.cluster_of(a) for a in article_ids) if c is not None}

    def _size(self, cluster_id: int) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM dedup_members WHERE cluster_id = ?", (cluster_id,)
        ).fetchone()
        return int(row[0])

    def matches(self, article: Article, exclude: Iterable[int] = ()) -> list[Match]:
        """Verified near-duplicates of an article in the archive (read-only)."""
        return self.lsh.query(self.lsh.signature(article.text), exclude=tuple(exclude))

    def members(self, cluster_id: int) -> list[Member]:
        rows = self.conn.execute(
            f"SELECT {_MEMBER_COLUMNS} FROM dedup_members WHERE cluster_id = ? ORDER BY article_id",
            (cluster_id,),
        )
        return [
            Member(int(a), u, s, c, g, _parse_time(p), t, int(n or 0))
            for a, u, s, c, g, p, t, n in rows
        ]

    def cluster(self, cluster_id: int) -> Cluster | None:
        members = self.members(cluster_id)
        if not members:
            return None
        origin, reason = choose_origin(members)
        sigs = self.lsh.get(m.article_id for m in members)
        origin_sig = sigs.get(origin.article_id)
        out = []
        for m in members:
            sig = sigs.get(m.article_id)
            if sig is None or origin_sig is None:
                full, contained = (1.0, 1.0) if m is origin else (0.0, 0.0)
            else:
                full, contained, _ = similarity(sig, origin_sig)
            out.append(ClusterMember(m, relation(m, origin, full, contained), full))
        return Cluster(cluster_id, origin, reason, cluster_agency(members), tuple(out))

    def clusters(self, min_size: int = 2) -> Iterator[Cluster]:
        """Clusters with at least ``min_size`` members, largest first."""
        rows = self.conn.execute(
            "SELECT cluster_id, count(*) AS n FROM dedup_members GROUP BY cluster_id "
            "HAVING n >= ? ORDER BY n DESC, cluster_id",
            (max(1, min_size),),
        ).fetchall()
        for cluster_id, _ in rows:
            found = self.cluster(int(cluster_id))
            if found is not None:
                yield found


_SYNC_SCHEMA = """CREATE TABLE IF NOT EXISTS dedup_synced (
    article_id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL)"""
# Page cache for indexing runs: SQLite's default 2 MB holds the band index of ~1,000 articles
# only; each band probe past it is a read from the OS. 256 MB holds ~400k articles' bands and is
# memory the process only takes while it indexes (measured in bench/dedup.py).
INDEX_CACHE_KIB = 256 * 1024
# Articles indexed per transaction when catching up with a store: large enough to amortise the
# commit, small enough that an interrupted run keeps most of its work.
SYNC_BATCH = 500


def use_index_cache(conn: sqlite3.Connection, kib: int = INDEX_CACHE_KIB) -> None:
    """Give the connection a page cache that holds the band index (a per-connection setting)."""
    current = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    # Negative values are KiB, positive ones pages; only ever grow the cache.
    if current >= 0 or -current < kib:
        conn.execute(f"PRAGMA cache_size = -{int(kib)}")


def sync_store(store: Store, index: ClusterIndex | None = None) -> int:
    """Index every article of ``store`` that is new or has a new version since the last sync;
    keeps ``articles.cluster_id`` in step. Returns the number of articles indexed. Pages that are
    not articles (listings, error pages) are recorded as seen but never clustered."""
    conn = store.connection
    use_index_cache(conn)
    index = index or ClusterIndex(conn, on_assign=store.set_cluster)
    conn.execute(_SYNC_SCHEMA)
    pending = conn.execute(
        "SELECT a.id, a.version FROM articles a LEFT JOIN dedup_synced s ON s.article_id = a.id "
        "WHERE s.article_id IS NULL OR s.version < a.version ORDER BY a.id"
    ).fetchall()
    done = 0
    for start in range(0, len(pending), SYNC_BATCH):
        with transaction(conn):
            for article_id, version in pending[start : start + SYNC_BATCH]:
                stored = store.get(int(article_id))
                if stored is not None and stored.article.page_type == "article":
                    index.add(stored.id, stored.article)
                    done += 1
                conn.execute(
                    "INSERT OR REPLACE INTO dedup_synced VALUES (?, ?)", (article_id, version)
                )
    return done


def one_per_story(store: Store) -> Callable[[StoredArticle], bool]:
    """A filter keeping one article per story: each cluster's most likely original and every
    article that is in no multi-member cluster. Indexes the store's new articles first."""
    index = ClusterIndex(store.connection, on_assign=store.set_cluster)
    sync_store(store, index)
    dropped: set[int] = set()
    for cluster_id, _ in index.conn.execute(
        "SELECT cluster_id, count(*) AS n FROM dedup_members GROUP BY cluster_id HAVING n > 1"
    ).fetchall():
        members = index.members(int(cluster_id))
        origin, _ = choose_origin(members)
        dropped.update(m.article_id for m in members if m.article_id != origin.article_id)
    return lambda stored: stored.id not in dropped
