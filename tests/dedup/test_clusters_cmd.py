"""`copydesk clusters` over a real store file: indexing on the way, listing, read-only use."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from copydesk.cli.main import main
from copydesk.dedup.clusters import ClusterIndex
from copydesk.model import Article, Block
from copydesk.store import Store

VOCAB = [f"{a}{b}{c}" for a in "bcdfgklmnprst" for b in "aeiou" for c in "lmnrstxz"]
T0 = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def paragraphs(seed: int, n: int = 8) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(VOCAB) for _ in range(50)) + "." for _ in range(n)]


def article(url: str, paras: list[str], minutes: int, page_type: str = "article") -> Article:
    return Article(
        url=url,
        page_type=page_type,  # type: ignore[arg-type]
        title="T",
        site_name=url.split("/")[2],
        body=tuple(Block("paragraph", p) for p in paras),
        published=T0 + timedelta(minutes=minutes),
    )


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    story = paragraphs(1)
    with Store(path) as store:
        store.add(article("https://a.example/1", story, 0))
        store.add(article("https://b.example/1", story[:5], 10))
        store.add(article("https://c.example/1", ["Advertisement", *story], 20))
        store.add(article("https://d.example/1", paragraphs(2), 5))
        store.add(article("https://d.example/", paragraphs(1), 5, page_type="listing"))
    return path


def test_lists_clusters_as_jsonl(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clusters", "--store", str(store_path), "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 1
    cluster = lines[0]
    assert cluster["size"] == 3
    assert cluster["origin"]["url"] == "https://a.example/1"
    assert cluster["origin"]["reason"] == "earliest published"
    assert {m["relation"] for m in cluster["members"]} == {"original", "trimmed copy", "copy"}
    assert {"id", "url", "site_name", "published"} <= set(cluster["members"][0])
    assert "indexed 4 new or updated articles" in err  # the listing page is not clustered
    with Store(store_path) as store:
        ids = [m["id"] for m in cluster["members"]]
        assert {store.get(i).cluster_id for i in ids} == {cluster["id"]}  # type: ignore[union-attr]


def test_second_run_indexes_only_new_versions(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clusters", "--store", str(store_path)]) == 0
    capsys.readouterr()
    assert main(["clusters", "--store", str(store_path), "--min-size", "1"]) == 0
    out, err = capsys.readouterr()
    assert "indexed 0 " in err
    assert len(out.splitlines()) == 2  # the story and the unrelated article
    with Store(store_path) as store:  # a new version of the unrelated article: a copy now
        store.add(article("https://d.example/1", paragraphs(1), 30))
    assert main(["clusters", "--store", str(store_path), "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    assert "indexed 1 " in err
    assert json.loads(out.splitlines()[0])["size"] == 4


def test_read_only_listing_and_service_use(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clusters", "--store", str(store_path), "--no-update"]) == 1
    assert "never clustered" in capsys.readouterr().err
    assert main(["clusters", "--store", str(store_path)]) == 0
    first = capsys.readouterr().out.split("\t")[0]
    assert main(["clusters", "--store", str(store_path), "--no-update"]) == 0
    assert capsys.readouterr().out.split("\t")[0] == first
    with Store(store_path, readonly=True) as store:
        cluster = ClusterIndex(store.connection).cluster(int(first))
        assert cluster is not None and cluster.size == 3


def test_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clusters", "--store", str(tmp_path / "none.db")]) == 1
    assert "no store" in capsys.readouterr().err


def test_export_one_per_story(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--store", str(store_path), "--format", "jsonl"]) == 0
    everything = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(everything) == 5
    args = ["export", "--store", str(store_path), "--format", "jsonl", "--one-per-story"]
    assert main(args) == 0
    kept = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    urls = {r["url"] for r in kept}
    # the story's origin, the unrelated article and the listing page; not the two copies
    assert urls == {"https://a.example/1", "https://d.example/1", "https://d.example/"}
    assert all("cluster_id" in r for r in kept)
    story = next(r for r in kept if r["url"] == "https://a.example/1")
    assert story["cluster_id"] is not None
