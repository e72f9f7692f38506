"""copydesk search / show / export over a real store file."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from copydesk.cli.main import main
from copydesk.model import Article, Block
from copydesk.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    with Store(path) as store:
        for i, (title, lang) in enumerate([("Flood waters rise", "en"), ("Crue du fleuve", "fr")]):
            store.add(
                Article(
                    url=f"https://news{i}.example.com/{i}",
                    page_type="article",
                    title=title,
                    authors=("A. Writer",),
                    language=lang,
                    published=datetime(2024, 4, 1 + i, tzinfo=UTC),
                    body=(Block("paragraph", f"Body {i} about the flood."), Block("heading", "H")),
                )
            )
    return path


def test_search_table_and_jsonl(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "flood", "--store", str(db), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 2 and rows[0]["title"] == "Flood waters rise"
    assert "**" in rows[0]["snippet"]
    assert main(["search", "flood", "--store", str(db), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Crue du fleuve" in out and "Flood waters" not in out
    assert main(["search", "x", "--store", str(db / "missing.db")]) == 1


def test_show(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "1", "--store", str(db)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["article"]["title"] == "Flood waters rise" and shown["version"] == 1
    assert main(["show", "99", "--store", str(db)]) == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "markdown", "parquet"])
def test_export(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--store", str(db), "--format", fmt, "--out", str(out)]) == 0
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert [r["title"] for r in rows] == ["Flood waters rise", "Crue du fleuve"]
        assert rows[0]["text"] == "Body 0 about the flood.\n\nH" and rows[0]["id"] == 1
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text())))
        assert rows[1]["language"] == "fr" and rows[0]["authors"] == "A. Writer"
    elif fmt == "markdown":
        text = out.read_text()
        assert "# Flood waters rise" in text and "## H" in text
    else:
        table = pq.read_table(out)
        assert table.num_rows == 2 and table.column("authors").to_pylist()[0] == ["A. Writer"]


def test_export_parquet_needs_out(db: Path) -> None:
    assert main(["export", "--store", str(db), "--format", "parquet"]) == 2
