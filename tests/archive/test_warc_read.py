"""Reading WARC and ARC files into Page records: compression shapes, offsets, damage."""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path

import pytest

from copydesk.archive import OtherRecord, Page, iter_entries, iter_pages
from copydesk.archive.warc import ArchiveFormatError
from copydesk.errors import SourceError
from tests.pipeline.batchkit import fixture, serve_directory, write_mixed_warc, write_pages_warc


def _arc(pages: list[tuple[str, bytes]], *, gz: bool) -> bytes:
    version = b"1 0 copydesk\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [
        b"filedesc://t.arc 0.0.0.0 20240304120000 text/plain %d\n%s\n" % (len(version), version)
    ]
    for url, body in pages:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        records.append(
            b"%s 10.0.0.1 20240304120000 text/html %d\n%s\n" % (url.encode(), len(http), http)
        )
    return b"".join(gzip.compress(r) for r in records) if gz else b"".join(records)


def _summary(path: Path) -> list[tuple[str, str | None, int | None]]:
    return [
        (e.record_type, e.url, e.status if isinstance(e, Page) else None)
        for e in iter_entries(str(path))
    ]


def test_per_record_gzip_plain_and_whole_file_gzip_read_the_same(tmp_path: Path) -> None:
    shapes = {}
    for compression, name in (("record", "a.warc.gz"), ("file", "b.warc.gz")):
        write_mixed_warc(tmp_path / name, compression=compression)
        shapes[compression] = _summary(tmp_path / name)
    plain = tmp_path / "c.warc"
    plain.write_bytes(gzip.decompress((tmp_path / "b.warc.gz").read_bytes()))
    shapes["none"] = _summary(plain)
    assert shapes["record"] == shapes["file"] == shapes["none"]
    kinds = [kind for kind, _, _ in shapes["record"]]
    assert kinds.count("response") == 9 and kinds.count("revisit") == 1 and kinds[0] == "warcinfo"
    statuses = [status for kind, _, status in shapes["record"] if kind == "response"]
    assert statuses.count(404) == 1 and statuses.count(200) == 8


def test_offsets_point_at_records(tmp_path: Path) -> None:
    member = tmp_path / "m.warc.gz"
    write_mixed_warc(member)
    data = member.read_bytes()
    plain = gzip.decompress(data)
    (tmp_path / "p.warc").write_bytes(plain)
    for page in iter_pages(str(member)):
        # Per-record gzip: the offset is the gzip member's start (random access, as CDX has it).
        record = zlib.decompressobj(31).decompress(data[page.warc_offset :])
        assert record.startswith(b"WARC/1.")
        assert f"WARC-Target-URI: {page.url}".encode() in record[:2000]
    for page in iter_pages(str(tmp_path / "p.warc")):
        assert plain[page.warc_offset :].startswith(b"WARC/1.")
        assert f"WARC-Target-URI: {page.url}".encode() in plain[page.warc_offset :][:2000]
    offsets = [p.warc_offset for p in iter_pages(str(member))]
    assert offsets == sorted(set(offsets))


def test_whole_file_gzip_offsets_are_uncompressed_positions(tmp_path: Path) -> None:
    path = tmp_path / "w.warc.gz"
    write_mixed_warc(path, compression="file")
    plain = gzip.decompress(path.read_bytes())
    pages = list(iter_pages(str(path)))
    assert len(pages) == 9
    for page in pages:
        assert plain[page.warc_offset :].startswith(b"WARC/1.")


def test_page_fields(tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    write_mixed_warc(path)
    first = next(iter_pages(str(path)))
    assert first.url == "https://news.example/0"
    assert first.status == 200
    assert first.header("content-type") == "text/html; charset=utf-8"
    assert first.body == fixture("wire_story.html")
    assert first.fetched_at is not None and first.fetched_at.tzinfo is not None
    assert first.warc_file == str(path)
    assert not first.truncated
    # Encodings are left for the bounded worker: the stored payload is still gzip.
    gz = [p for p in iter_pages(str(path)) if p.header("content-encoding") == "gzip"]
    assert gz and gz[0].body[:2] == b"\x1f\x8b"


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_truncated_final_record(tmp_path: Path, suffix: str) -> None:
    full = tmp_path / f"full{suffix}"
    bodies = [
        fixture("wire_story.html"),
        fixture("local_news.html"),
        fixture("business_brief.html"),
    ]
    write_pages_warc(full, bodies)
    data = full.read_bytes()
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(data[: len(data) - 900])
    pages: list[Page] = []
    if suffix == ".warc.gz":
        # Every readable record comes out first, then the cut is reported.
        with pytest.raises(ArchiveFormatError, match="truncated"):
            for page in iter_pages(str(cut)):
                pages.append(page)
    else:
        pages = list(iter_pages(str(cut)))
    assert [p.body for p in pages[:2]] == bodies[:2]
    assert [p.truncated for p in pages[:2]] == [False, False]
    if len(pages) == 3:  # plain WARC: the reader sees the start of the last record
        assert pages[2].truncated and len(pages[2].body) < len(bodies[2])


@pytest.mark.parametrize("delta", [+40, -40])
def test_lying_content_length_costs_at_most_its_neighbour(tmp_path: Path, delta: int) -> None:
    path = tmp_path / "lie.warc"
    bodies = [fixture("wire_story.html"), fixture("local_news.html")] * 3
    write_pages_warc(path, bodies)
    data = path.read_bytes()
    starts = [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", data)]
    second = data[starts[1] : starts[2]]
    lied = re.sub(
        rb"Content-Length: (\d+)",
        lambda m: b"Content-Length: %d" % (int(m.group(1)) + delta),
        second,
        count=1,
    )
    path.write_bytes(data[: starts[1]] + lied + data[starts[2] :])
    urls = [p.url for p in iter_pages(str(path))]
    expected = [f"https://news.example/lie/{i}" for i in range(6)]
    assert urls[0] == expected[0]
    assert expected[3:] == urls[-3:]  # the reader resynchronised and read on


def test_not_an_archive_and_empty(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"<html>this is not a WARC</html>")
    with pytest.raises(ArchiveFormatError):
        list(iter_entries(str(junk)))
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    assert list(iter_entries(str(empty))) == []
    with pytest.raises(SourceError):
        list(iter_entries(str(tmp_path / "missing.warc")))


def test_oversized_record_is_skipped_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    write_pages_warc(
        path, [fixture("wire_story.html"), b"<html>" + b"x" * 50_000, fixture("local_news.html")]
    )
    entries = list(iter_entries(str(path), max_record_bytes=20_000))
    assert [type(e).__name__ for e in entries] == ["Page", "OtherRecord", "Page"]
    big = entries[1]
    assert isinstance(big, OtherRecord) and big.reason == "too_large" and big.url is not None


@pytest.mark.parametrize("gz", [False, True])
def test_arc_files(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("t.arc.gz" if gz else "t.arc")
    data = _arc(
        [
            ("http://news.example/a", fixture("wire_story.html")),
            ("http://news.example/b", b"<p>b</p>"),
        ],
        gz=gz,
    )
    path.write_bytes(data)
    pages = list(iter_pages(str(path)))
    assert [p.url for p in pages] == ["http://news.example/a", "http://news.example/b"]
    assert pages[0].body == fixture("wire_story.html") and pages[0].status == 200
    assert pages[0].fetched_at is not None and pages[0].fetched_at.year == 2024
    if gz:
        assert (
            zlib.decompressobj(31)
            .decompress(data[pages[1].warc_offset :])
            .startswith(b"http://news.example/b ")
        )
    else:
        assert data[pages[1].warc_offset :].startswith(b"http://news.example/b ")


def test_remote_warc_streams_like_a_local_one(tmp_path: Path) -> None:
    write_mixed_warc(tmp_path / "r.warc.gz")
    local = [(p.url, p.warc_offset, p.body) for p in iter_pages(str(tmp_path / "r.warc.gz"))]
    with serve_directory(tmp_path) as base:
        remote = [(p.url, p.warc_offset, p.body) for p in iter_pages(f"{base}/r.warc.gz")]
        with pytest.raises(SourceError):
            list(iter_pages(f"{base}/missing.warc.gz"))
    assert remote == local and len(remote) == 9
