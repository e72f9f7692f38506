"""Stories for the service: the clusters ``copydesk.dedup`` keeps in the store's file.

Dedup's ``ClusterIndex`` owns the clustering tables; the service only reads them, through the
same read-only connection it searches with. A store that was never deduplicated has no such
tables, and then every story is simply not found.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from copydesk.dedup.clusters import ClusterIndex
from copydesk.store import Store


class ClusterUnavailable(Exception):
    """This store holds no story clusters (deduplication never ran on it)."""


def cluster_members(store: Store, cluster_id: int) -> dict[str, Any] | None:
    """The cluster as ``Cluster.to_dict()`` (origin, agency, members with their relation),
    or None when no cluster has this id."""
    try:
        index = ClusterIndex(store.connection)
        cluster = index.cluster(cluster_id)
    except sqlite3.Error as exc:
        raise ClusterUnavailable(
            f"this store has no story clusters (run deduplication first): {exc}"
        ) from None
    return None if cluster is None else cluster.to_dict()
