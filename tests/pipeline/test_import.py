"""`copydesk import`: batch shards and JSON Lines into the real SQLite store, idempotently."""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import pytest

from copydesk.cli import import_cmd
from copydesk.model import Article, Block
from copydesk.pipeline.importer import import_files
from copydesk.pipeline.runner import BatchOptions, run_local
from copydesk.store import Store
from tests.pipeline.batchkit import write_mixed_warc


def test_import_shards_twice_adds_nothing(tmp_path: Path) -> None:
    warc = tmp_path / "a.warc.gz"
    write_mixed_warc(warc)
    [result] = run_local([str(warc)], BatchOptions(out_dir=tmp_path / "out"))
    with Store(tmp_path / "s.db") as store:
        first = import_files([str(tmp_path / "out")], store)
        assert (first.files, first.records, first.invalid, first.added) == (1, 6, 0, 6)
        second = import_files([str(tmp_path / "out" / f"{result.name}.parquet")], store)
        assert (second.records, second.added) == (6, 0)
        stored = store.get_by_url("https://news.example/1")
        assert stored is not None
        assert "Mill Road" in stored.article.text
        assert len(store.versions(stored.id)) == 1


def test_import_jsonl_with_bad_lines_and_urlless_articles(tmp_path: Path) -> None:
    good = Article(
        url="https://news.example/x",
        page_type="article",
        title="X",
        body=(Block("paragraph", "Some text."),),
    )
    urlless = Article(page_type="article", title="No URL", body=(Block("paragraph", "Other."),))
    lines = [
        json.dumps(good.to_dict()),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({**urlless.to_dict(), "fetched_at": "2024-03-04T12:00:00Z"}),
        "",
    ]
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    with Store(tmp_path / "s.db") as store:
        stats = import_files([str(path)], store)
        assert (stats.records, stats.invalid, stats.added) == (4, 2, 2)
        assert import_files([str(path)], store).added == 0


def test_cli_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(Article(url="https://n.example/1", title="T").to_dict()) + "\n")
    parser = argparse.ArgumentParser()
    import_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["import", str(path), "--store", str(tmp_path / "s.db")])
    assert args.func(args) == 0
    assert "(+1)" in capsys.readouterr().err
    args = parser.parse_args(
        ["import", str(tmp_path / "missing.parquet"), "--store", str(tmp_path / "s.db")]
    )
    assert args.func(args) == 1
    assert "missing.parquet" in capsys.readouterr().err


def test_import_a_flat_export_keeps_the_text(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = tmp_path / "flat.parquet"
    pq.write_table(
        pa.Table.from_pylist(
            [
                {
                    "url": "https://n.example/f",
                    "title": "F",
                    "page_type": "article",
                    "text": "First paragraph.\n\nSecond one.",
                    "fetched_at": "2024-03-04T12:00:00+00:00",
                }
            ]
        ),
        flat,
    )
    with Store(tmp_path / "s.db") as store:
        assert import_files([str(flat)], store).added == 1
        stored = store.get_by_url("https://n.example/f")
        assert stored is not None
        assert stored.article.text == "First paragraph.\n\nSecond one."
        assert stored.fetched_at is not None and stored.fetched_at.year == 2024


def _story(url: str, title: str, paragraphs: list[str]) -> str:
    body = tuple(Block("paragraph", p) for p in paragraphs)
    return json.dumps(Article(url=url, title=title, page_type="article", body=body).to_dict())


def test_cli_import_clusters_syndicated_copies(tmp_path: Path) -> None:
    words = [
        "the",
        "council",
        "voted",
        "on",
        "tuesday",
        "to",
        "expand",
        "the",
        "river",
        "flood",
        "defences",
        "after",
    ]
    paragraphs = [
        " ".join(f"{w}{(i * 7 + j) % 97}" for j, w in enumerate(words * 3)) for i in range(8)
    ]
    other = [p.replace("council", "orchestra").replace("river", "violin") for p in paragraphs]
    other = [" ".join(reversed(p.split())) for p in other]
    path = tmp_path / "a.jsonl"
    path.write_text(
        "\n".join(
            [
                _story("https://wire.example/a", "Council expands defences", paragraphs),
                _story("https://paper.example/b", "Flood plan approved", paragraphs[:6]),
                _story("https://else.example/c", "Unrelated", other),
            ]
        )
        + "\n"
    )
    parser = argparse.ArgumentParser()
    import_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["import", str(path), "--store", str(tmp_path / "s.db")])
    assert args.func(args) == 0
    with Store(tmp_path / "s.db") as store:
        by_url = {s.article.url: s.cluster_id for s in store.iter_articles()}
    assert by_url["https://wire.example/a"] is not None
    assert by_url["https://wire.example/a"] == by_url["https://paper.example/b"]
    assert by_url["https://else.example/c"] != by_url["https://wire.example/a"]
