"""Stories for the service: the articles that ``copydesk.dedup`` linked into one cluster.

Dedup writes its result into the store's ``articles.cluster_id`` column (the hook the store
documents); a cluster here is every stored article carrying that id, oldest first.
"""

from __future__ import annotations

from typing import Any

from copydesk.store import Store

# Members listed per cluster at most: a wire story can be syndicated to thousands of sites; the
# page and the JSON stay usable, and ``size`` still tells the full count.
MAX_MEMBERS = 500


class ClusterUnavailable(Exception):
    """Clusters cannot be read from this store."""


def cluster_members(store: Store, cluster_id: int) -> dict[str, Any] | None:
    """The cluster as JSON-ready data, or None when no stored article carries ``cluster_id``."""
    conn = store.connection
    size = int(
        conn.execute(
            "SELECT count(*) FROM articles WHERE cluster_id = ?", (cluster_id,)
        ).fetchone()[0]
    )
    if size == 0:
        return None
    rows = conn.execute(
        "SELECT id FROM articles WHERE cluster_id = ?"
        " ORDER BY published IS NULL, published, id LIMIT ?",
        (cluster_id, MAX_MEMBERS),
    ).fetchall()
    members: list[dict[str, Any]] = []
    for (article_id,) in rows:
        stored = store.get(int(article_id))
        if stored is None:
            continue
        a = stored.article
        members.append(
            {
                "id": stored.id,
                "url": a.url,
                "title": a.title,
                "site_name": a.site_name,
                "credit": a.credit,
                "published": a.published.isoformat() if a.published else None,
                "language": a.language,
                "words": len(a.text.split()),
            }
        )
    headline = next((m["title"] for m in members if m["title"]), None)
    return {"id": cluster_id, "size": size, "headline": headline, "members": members}
