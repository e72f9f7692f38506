"""The article store: SQLite (WAL) + FTS5, one file shared by the crawler, imports, dedup, service.

API contract (stable; other modules build on it)::

    from copydesk.store import Store, StoredArticle, Hit, WarcRef

    with Store("copydesk.db") as store:          # creates/migrates the file (PRAGMA user_version)
        aid = store.add(article, fetched_at=dt, warc_file="x.warc.gz", warc_offset=1234)
        ids = store.add_many([article, (article2, {"fetched_at": dt, "key": "..."}), ...])
        sa = store.get(aid)                      # StoredArticle | None
        sa = store.get_by_url(url)               # by canonical URL key
        store.versions(aid)                      # every version, oldest first, current last
        store.count()
        for sa in store.iter_articles(): ...     # id order, constant memory
        hits = store.search('"sea level" rise -opinion', site="example.com",
                            since="2024-01-01", until="2024-12-31", lang="en",
                            limit=20, offset=0)  # list[Hit], best first
        store.set_cluster(aid, cluster_id)       # hook for copydesk.dedup
        with store.transaction(): ...            # group writes (re-entrant, BEGIN IMMEDIATE)
        store.connection                         # raw sqlite3 connection, autocommit mode

Identity and versions
    An article's identity is ``canonical_url_key(article.url or article.canonical_url)``
    (``copydesk.discover.urls``; the fetched URL, not the page's declared canonical, which some
    sites point at their home page). ``add(..., key=...)`` overrides the key (e.g. an archive
    record id); an article with neither URL nor key is always new. Adding the same key again:
    identical content (hash of ``to_dict()``) keeps the id and version and only updates
    ``fetched_at``; different content becomes version n+1 of the same id, the previous version is
    kept in ``article_versions``. ``add`` always returns the article's id.

Search
    ``search`` ranks with FTS5 BM25 over title (weight 4) and text (weight 1). Query syntax:
    words (all required), ``"phrases"``, ``a OR b``, ``-word``, ``pre*``; anything else is quoted,
    so no user input raises a syntax error. ``site`` matches the host or its subdomains (``www.``
    ignored). ``since``/``until`` (date, datetime or ISO string; a bare date in ``until`` means the
    whole day) filter on ``published`` (stored in UTC when the page gave a zone). ``lang`` matches
    ``en`` and ``en-GB``. An empty query lists matching articles newest first. ``Hit.fragments``
    holds the snippet as (text, is_match) pieces; ``Hit.snippet`` renders ``**match**``,
    ``Hit.snippet_html`` escapes and uses ``<mark>``.

Sharing the file
    Other areas keep their own tables in the same file (name them ``<area>_...``, create them with
    ``CREATE TABLE IF NOT EXISTS`` through ``store.connection``). ``articles.cluster_id`` is the
    dedup hook. The crawler's ``frontier`` and ``fetch_log`` tables belong to the store schema.
    One ``Store`` per thread; several processes may open the same file (WAL, busy timeout 30 s).
    ``Store(path, readonly=True)`` opens without migrating (for the HTTP service).
"""

from copydesk.store.sqlite import Hit, Store, StoredArticle, WarcRef

__all__ = ["Hit", "Store", "StoredArticle", "WarcRef"]
