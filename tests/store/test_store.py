"""The store's contract: identity and versions, search syntax and filters, migrations."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from copydesk.errors import StoreError
from copydesk.model import Article, Block
from copydesk.store import Store
from copydesk.store.query import fts_query
from copydesk.store.schema import SCHEMA_VERSION


def _article(url: str | None, title: str, text: str, **kw: object) -> Article:
    return Article(
        url=url,
        page_type="article",
        title=title,
        body=(Block("paragraph", text),),
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "s.db") as s:
        yield s  # type: ignore[misc]


def test_same_url_is_one_article_with_versions(store: Store) -> None:
    first = _article("https://www.example.com/a?utm_source=tw", "Flood", "River floods town.")
    aid = store.add(first)
    assert store.add(first) == aid
    assert store.get(aid).version == 1  # type: ignore[union-attr]
    changed = _article("https://www.example.com/a", "Flood update", "River floods two towns.")
    assert store.add(changed) == aid
    assert store.count() == 1
    versions = store.versions(aid)
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].article.title == "Flood"
    assert versions[-1].article.title == "Flood update"
    # the old text left the index, the new one is in it
    assert store.search("floods two")[0].id == aid
    assert store.search("Flood update")[0].title == "Flood update"


def test_articles_without_url_are_always_new_unless_keyed(store: Store) -> None:
    a = _article(None, "T", "Body text.")
    assert store.add(a) != store.add(a)
    assert store.add(a, key="rec-1") == store.add(a, key="rec-1")


def test_roundtrip_and_bookkeeping(store: Store) -> None:
    when = datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
    a = _article("https://news.example.org/x", "Title", "Text.", language="en")
    aid = store.add(a, fetched_at=when, warc_file="w/1.warc.gz", warc_offset=42)
    got = store.get(aid)
    assert got is not None
    assert got.article == a
    assert got.fetched_at == when
    assert got.warc is not None and (got.warc.file, got.warc.offset) == ("w/1.warc.gz", 42)
    store.set_cluster(aid, 7)
    assert store.get(aid).cluster_id == 7  # type: ignore[union-attr]
    assert store.get_by_url("https://news.example.org/x#top").id == aid  # type: ignore[union-attr]
    assert store.get(999) is None


def test_add_many_and_iter(store: Store) -> None:
    items = [_article(f"https://e.com/{i}", f"T{i}", f"text {i}") for i in range(1203)]
    ids = store.add_many(items)
    assert len(set(ids)) == 1203
    assert [s.id for s in store.iter_articles(batch=100)] == sorted(ids)


def test_search_phrases_filters_snippets(store: Store) -> None:
    tz = timezone(timedelta(hours=-5))
    store.add(
        _article(
            "https://www.alpha.com/1",
            "Sea level rise threatens coast",
            "Scientists say the sea level will rise by a metre.",
            language="en",
            published=datetime(2024, 3, 1, 22, 0, tzinfo=tz),  # 2024-03-02 03:00 UTC
        )
    )
    store.add(
        _article(
            "https://beta.org/2",
            "Level crossing closed",
            "The sea is calm; the level crossing is shut.",
            language="en-GB",
            published=datetime(2023, 1, 1),
        )
    )
    store.add(
        _article(
            "https://news.alpha.com/3",
            "Niveau de la mer",
            "Le niveau de la mer monte.",
            language="fr",
        )
    )
    hits = store.search('"sea level"')
    assert [h.url for h in hits] == ["https://www.alpha.com/1"]
    assert any(m and t.lower() == "sea level" for t, m in hits[0].fragments)
    assert "**" in hits[0].snippet and "<mark>" in hits[0].snippet_html
    assert {h.url for h in store.search("sea level")} == {
        "https://www.alpha.com/1",
        "https://beta.org/2",
    }
    assert [h.url for h in store.search("sea -coast")] == ["https://beta.org/2"]
    assert len(store.search("mer OR crossing")) == 2
    assert [h.site for h in store.search("", site="alpha.com")] == ["alpha.com", "news.alpha.com"]
    assert [h.url for h in store.search("sea", since="2024-03-02")] == ["https://www.alpha.com/1"]
    assert [h.url for h in store.search("sea", until="2024-03-01")] == ["https://beta.org/2"]
    assert [h.url for h in store.search("", lang="en")] == [
        "https://www.alpha.com/1",
        "https://beta.org/2",
    ]
    assert store.search("crossing", limit=1, offset=1) == []


@pytest.mark.parametrize(
    "query",
    ['"', "NEAR(", "a AND", "title:x", "(((", "-", "*", "OR", "\x00", "ü*", '"" OR ""'],
)
def test_hostile_queries_never_raise(store: Store, query: str) -> None:
    store.add(_article("https://e.com/1", "a title", "x text ü"))
    assert isinstance(store.search(query), list)


def test_query_translation() -> None:
    assert fts_query("") is None
    assert fts_query("   -x") is None
    assert fts_query('a "b c"') == '"a" AND "b c"'
    assert fts_query("a OR b -c") == '("a" OR "b") NOT "c"'
    assert fts_query("pre*") == '"pre"*'


def test_schema_is_versioned_and_newer_files_refused(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError):
        Store(path)


def test_transaction_rolls_back(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add(_article("https://e.com/r", "T", "x"))
        raise RuntimeError
    assert store.count() == 0


def test_garbage_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_readonly_store_of_an_older_schema_still_searches(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.add(_article("https://e.com/1", "Harbour", "Ships in the harbour.", language="en"))
        store.connection.execute("DROP INDEX articles_filter")
        store.connection.execute("PRAGMA user_version = 1")
    with Store(path, readonly=True) as old:
        assert [h.url for h in old.search("harbour", lang="en")] == ["https://e.com/1"]
    with Store(path) as migrated:  # opening for writing migrates to the current version
        assert migrated.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(migrated.search("harbour", site="e.com")) == 1
