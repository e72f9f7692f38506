"""Story clusters over a real Store file: copies join, bridges merge, origins and relations."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from copydesk.dedup.clusters import ClusterIndex
from copydesk.dedup.origin import Member, choose_origin, relation
from copydesk.model import Article, Block, Dateline
from copydesk.store import Store

VOCAB = [f"{a}{b}{c}" for a in "bcdfgklmnprst" for b in "aeiou" for c in "lmnrstxz"]
T0 = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def paragraphs(seed: int, n: int = 10) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(VOCAB) for _ in range(rng.randint(40, 60))) + "." for _ in range(n)]


def article(url: str, paras: list[str], minutes: int, **kw: object) -> Article:
    return Article(
        url=url,
        page_type="article",
        title="T",
        body=tuple(Block("paragraph", p) for p in paras),
        published=T0 + timedelta(minutes=minutes),
        **kw,  # type: ignore[arg-type]
    )


def test_wire_story_and_its_copies(tmp_path: Path) -> None:
    story = paragraphs(1)
    with Store(tmp_path / "s.db") as store:
        clusters = ClusterIndex(store.connection, on_assign=store.set_cluster)
        items = [
            article(
                "https://paper-a.example/x",
                ["Sign up for our newsletter.", *story],
                30,
                credit="AP",
                site_name="Paper A",
            ),
            article(
                "https://apnews.com/article/x",
                story,
                10,
                credit="AP",
                site_name="AP News",
                dateline=Dateline("NAIROBI, Kenya", "AP"),
            ),
            article("https://paper-b.example/y", story[:5], 5, credit="AP"),
            article("https://other.example/z", paragraphs(2), 0),
        ]
        ids = [store.add(a) for a in items]
        assigned = clusters.add_many(zip(ids, items, strict=True))
        assert assigned[ids[0]] == assigned[ids[1]] == assigned[ids[2]]
        assert assigned[ids[3]] != assigned[ids[0]]
        # the store's hook column follows the index
        stored = store.get(ids[2])
        assert stored is not None and stored.cluster_id == assigned[ids[0]]

        found = list(clusters.clusters(min_size=2))
        assert len(found) == 1
        cluster = found[0]
        assert cluster.size == 3
        assert cluster.origin.article_id == ids[1]  # the agency's own site, though not earliest
        assert cluster.origin_reason == "agency site"
        relations = {m.member.article_id: m.relation for m in cluster.members}
        assert relations == {ids[0]: "copy", ids[1]: "original", ids[2]: "trimmed copy"}
        assert cluster.to_dict()["origin"]["url"] == "https://apnews.com/article/x"
        assert len(list(clusters.clusters(min_size=1))) == 2


def test_a_bridge_merges_two_clusters(tmp_path: Path) -> None:
    a, b = paragraphs(3, 6), paragraphs(4, 6)
    with Store(tmp_path / "s.db") as store:
        clusters = ClusterIndex(store.connection, on_assign=store.set_cluster)
        first = [article(f"https://s{i}.example/a", a, i) for i in range(2)]
        second = [article(f"https://t{i}.example/b", b, i) for i in range(2)]
        ids = [store.add(x) for x in first + second]
        out = clusters.add_many(zip(ids, first + second, strict=True))
        assert len(set(out.values())) == 2
        bridge = article("https://u.example/ab", a + b, 50)  # a story that carries both texts
        bid = store.add(bridge)
        merged = clusters.add(bid, bridge)
        assert merged == min(out.values())
        assert {clusters.cluster_of(i) for i in ids} == {merged}
        assert {store.get(i).cluster_id for i in ids} == {merged}  # type: ignore[union-attr]


def test_new_version_stays_in_its_story(tmp_path: Path) -> None:
    story = paragraphs(5)
    with Store(tmp_path / "s.db") as store:
        clusters = ClusterIndex(store.connection)
        one, two = (
            article("https://a.example/1", story, 0),
            article("https://b.example/1", story, 1),
        )
        c = clusters.add_many([(1, one), (2, two)])
        longer = article("https://a.example/1", [*story, *paragraphs(6, 8)], 60)
        assert clusters.add(1, longer) == c[1]
        cluster = clusters.cluster(c[1])
        assert cluster is not None and cluster.size == 2


def test_origin_rules() -> None:
    early = Member(1, "https://x.example/a", published=T0, n_shingles=500)
    late_long = Member(2, "https://y.example/a", published=T0 + timedelta(hours=1), n_shingles=900)
    undated = Member(3, "https://z.example/a", n_shingles=2000)
    assert choose_origin([late_long, early, undated]) == (early, "earliest published")
    reuters = Member(
        4, "https://www.reuters.com/world/a", credit="Reuters", published=T0 + timedelta(hours=2)
    )
    wire_copy = Member(5, "https://y.example/b", credit="Reuters", published=T0)
    assert choose_origin([wire_copy, reuters]) == (reuters, "agency site")
    assert choose_origin([undated]) == (undated, "only member")
    # a naive and an aware time compare without raising
    naive = Member(6, published=datetime(2026, 3, 3, 8, 0), n_shingles=1)
    assert choose_origin([early, naive])[0] == naive


def test_relations() -> None:
    origin = Member(1, n_shingles=1000)
    assert relation(origin, origin, 1.0, 1.0) == "original"
    assert relation(Member(2, n_shingles=990), origin, 0.9, 0.95) == "copy"
    assert relation(Member(3, n_shingles=500), origin, 0.45, 0.9) == "trimmed copy"
    assert relation(Member(4, n_shingles=1500), origin, 0.6, 0.95) == "updated version"
    assert relation(Member(5, n_shingles=1000), origin, 0.55, 0.6) == "rewrite"
