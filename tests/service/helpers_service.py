"""Shared by tests/service and tests/browser: a real HTTP site on 127.0.0.1, a real store, a real
uvicorn server running the app."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import uvicorn
from fastapi import FastAPI

from copydesk.dedup.clusters import ClusterIndex
from copydesk.model import Article, Block, Dateline, Image, Teaser
from copydesk.store import Store
from tests.localhttp import QuietHandler, ThreadedServer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "service"


class LocalSite:
    """A small web site on 127.0.0.1 that counts the requests it gets."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        site = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                site.hits[parts.path] += 1
                query = parse_qs(parts.query)
                if parts.path == "/redirect":
                    self.send_response(302)
                    self.send_header("Location", query["to"][0])
                    self.end_headers()
                    return
                if parts.path == "/loop":
                    self.send_response(301)
                    self.send_header("Location", "/loop")
                    self.end_headers()
                    return
                if parts.path.endswith(".html"):
                    name = parts.path.rsplit("/", 1)[-1]
                    path = FIXTURES / name
                    if path.is_file():
                        self.reply(200, "text/html; charset=utf-8", path.read_bytes())
                        return
                if parts.path == "/story.txt":
                    body = (FIXTURES / "story.txt").read_bytes()
                    self.reply(200, "text/plain; charset=utf-8", body)
                    return
                if parts.path == "/photo.png":
                    self.reply(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
                    return
                if parts.path == "/huge.html":
                    self.reply(200, "text/html", b"<p>" + b"x" * (3 * 1024 * 1024) + b"</p>")
                    return
                self.reply(404, "text/plain", b"not found")

        self._http = ThreadedServer(Handler)
        self.port = self._http.port
        self.base = self._http.base

    def __enter__(self) -> LocalSite:
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.stop()


SITES = ("coastal-ledger.example", "northern-post.example", "valley-times.example")
TOPICS = (
    ("tidal mill", "Councillors vote to restore the tidal mill on the harbour wall"),
    ("storm flooding", "Storm floods homes on the north shore and closes the coast road"),
    ("rail strike", "Rail workers walk out over pay as talks with operators collapse"),
    ("school meals", "Schools extend free meals to every pupil from September"),
    ("wind farm", "Offshore wind farm wins approval after a two-year inquiry"),
)


def sample_articles(n: int) -> Iterator[Article]:
    """``n`` varied articles: sites, languages, dates, bylines, images, rails and provenance."""
    start = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    for i in range(n):
        topic, sentence = TOPICS[i % len(TOPICS)]
        site = SITES[i % len(SITES)]
        lang = "de" if i % 7 == 3 else "en"
        body = (
            Block("paragraph", f"{sentence}, officials said on day {i}."),
            Block("paragraph", f"Story {i} about the {topic} continues with detail number {i}."),
            Block("heading", "What happens next"),
            Block("list_item", f"Item one of story {i}"),
            Block("list_item", f"Item two of story {i}"),
        )
        yield Article(
            url=f"https://{site}/news/{i:05d}-{topic.replace(' ', '-')}",
            page_type="article",
            title=f"{sentence.split(' ', 3)[-1].capitalize()} ({i})",
            authors=(f"Reporter {i % 11}",),
            credit="AP" if i % 4 == 0 else None,
            dateline=Dateline("KESTREL BAY", "AP") if i % 4 == 0 else None,
            published=start + timedelta(days=i % 300, hours=i % 24),
            language=lang,
            site_name=site.split(".")[0].replace("-", " ").title(),
            section="News",
            images=(Image(f"https://{site}/img/{i}.jpg", f"Caption of story {i}", "Photo: Desk"),),
            body=body,
            related=(Teaser(f"Earlier: {topic} background", f"https://{site}/news/bg-{i}"),),
            notices=("© 2024 Example Media",),
            provenance={"title": "jsonld", "authors": "dom:byline", "body": "dom:body"},
        )


def make_store(path: Path, n: int = 60, *, cluster: bool = True) -> Path:
    with Store(path) as store:
        ids = store.add_many(list(sample_articles(n)))
        if cluster:
            index = ClusterIndex(store.connection, on_assign=store.set_cluster)
            copy = Article(
                url="https://wire-copy.example/tidal-mill",
                page_type="article",
                title="Harbour town to restore tidal mill",
                credit="AP",
                site_name="Wire Copy",
                body=tuple(
                    Block(
                        "paragraph",
                        f"Sentence {k} of the syndicated tidal mill story, "
                        f"told at length so shingles overlap well across copies.",
                    )
                    for k in range(12)
                ),
            )
            first = store.add(copy)
            second = store.add(
                Article.from_dict(
                    {
                        **copy.to_dict(),
                        "url": "https://other-paper.example/mill",
                        "site_name": "Other Paper",
                    }
                )
            )
            index.add(first, copy)
            index.add(second, store.get(second).article)  # type: ignore[union-attr]
            ids += [first, second]
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """The app served by a real uvicorn on 127.0.0.1, in a thread."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
