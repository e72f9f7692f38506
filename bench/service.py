"""HTTP service benchmark: search and extract over loopback at 16 concurrent clients.

``python -m bench.service [--articles 50000] [--clients 16] [--seconds 10] [--requests 20000]``

1. Store. ``--articles`` generated articles written through ``Store.add_many`` (the real store:
   SQLite WAL + FTS5). Bodies are 6-14 paragraphs of sentences over a 6,000-word vocabulary
   drawn with Zipf-like frequencies (so FTS posting lists have realistic skew), plus topic words
   that queries hit. The store is cached in ``bench/results/`` and rebuilt when missing.
2. Server. ``copydesk serve``'s app (``create_app``) in its own process under uvicorn on
   127.0.0.1 (one worker: the load generator needs the other core), rate limit lifted.
3. Load. ``--clients`` aiohttp tasks in this process, each sending requests back to back, for
   ``--seconds`` per scenario or ``--requests`` in total, whichever ends first (bounded loops).
   Scenarios: ``GET /articles?q=`` with 1-3 word queries (a topic word in ~1/16 of the
   articles plus 0-2 words of middling frequency; a fifth with a site or language filter),
   ``GET /articles/{id}``, ``POST /extract`` with an ~8 KB news page.
4. Reference in the same run: the same searches and extractions called in-process on the library
   (one thread, no HTTP), so the HTTP overhead is visible as a ratio.
Reports requests/s, p50/p95/p99 latency and errors per scenario; writes
``bench/results/service.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp

from copydesk.api import extract
from copydesk.model import Article, Block
from copydesk.store import Store

RESULTS = Path(__file__).parent / "results"
ARTICLE_PAGE = (
    Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "service" / "article.html"
)
VOCABULARY = 6000
TOPICS = (
    "election",
    "flooding",
    "inflation",
    "strike",
    "wildfire",
    "earthquake",
    "vaccine",
    "tariff",
    "drought",
    "parliament",
    "refinery",
    "pipeline",
    "satellite",
    "harbour",
    "museum",
    "stadium",
)
SITES = tuple(f"news{i}.example" for i in range(40))
LANGS = ("en",) * 8 + ("de", "fr")


def _vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 10))))
    return sorted(words)


def generate(n: int, seed: int = 7) -> Iterator[Article]:
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    cum = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(vocab))))
    start = datetime(2023, 1, 1, tzinfo=UTC)
    for i in range(n):
        topic = rng.choice(TOPICS)
        paragraphs = []
        for _ in range(rng.randint(6, 14)):
            words = rng.choices(vocab, cum_weights=cum, k=rng.randint(25, 60))
            words[rng.randrange(len(words))] = topic
            paragraphs.append(Block("paragraph", " ".join(words).capitalize() + "."))
        site = rng.choice(SITES)
        title_words = rng.choices(vocab, cum_weights=cum, k=rng.randint(5, 9))
        yield Article(
            url=f"https://{site}/story/{i}",
            page_type="article",
            title=f"{topic.capitalize()} " + " ".join(title_words),
            authors=(f"Writer {rng.randint(1, 500)}",),
            published=start + timedelta(minutes=rng.randint(0, 60 * 24 * 700)),
            language=rng.choice(LANGS),
            site_name=site,
            body=tuple(paragraphs),
        )


def build_store(path: Path, n: int) -> float:
    """Create the store unless a complete one is cached; returns seconds spent building."""
    if path.exists():
        with Store(path, readonly=True) as store:
            if store.count() == n:
                return 0.0
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Store(path) as store:
        store.add_many(generate(n))
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - t0


def queries(n: int, seed: int = 11) -> list[dict[str, str]]:
    rng = random.Random(seed)
    vocab = _vocabulary(random.Random(7))
    out = []
    for _ in range(n):
        # a topic word (in ~1/16 of the articles, like "election" in a news archive) plus 0-2
        # content words of middling frequency (ranks 300-3000; the top ranks play the part of
        # function words, which nobody searches for)
        extra = [rng.choice(vocab[300:3000]) for _ in range(rng.randint(0, 2))]
        words = [rng.choice(TOPICS), *extra]
        params = {"q": " ".join(words)}
        roll = rng.random()
        if roll < 0.1:
            params["site"] = rng.choice(SITES)
        elif roll < 0.2:
            params["lang"] = "de"
        out.append(params)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


SERVER = """
import sys, uvicorn
from pathlib import Path
from copydesk.service import Settings, create_app
app = create_app(Settings(store=Path(sys.argv[1]), rate_per_s=1e9, rate_burst=10**9))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
"""


class Server:
    def __init__(self, store: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(store), str(self.port)],
            start_new_session=True,
        )

    def wait(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        lat = sorted(self.latencies)

        def pct(p: float) -> float:
            return round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 2) if lat else 0.0

        return {
            "requests": len(lat),
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
            "rps": round(len(lat) / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": pct(0.50),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "mean_ms": round(statistics.fmean(lat) * 1000, 2) if lat else 0.0,
        }


async def load(
    name: str,
    base: str,
    make_request: Any,
    clients: int,
    seconds: float,
    max_requests: int,
) -> Result:
    result = Result(name)
    sent = 0
    stop_at = time.monotonic() + seconds
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(base, connector=connector) as session:

        async def client(k: int) -> None:
            nonlocal sent
            i = k
            while time.monotonic() < stop_at and sent < max_requests:
                sent += 1
                t0 = time.perf_counter()
                try:
                    async with make_request(session, i) as resp:
                        await resp.read()
                        ok = resp.status == 200
                except aiohttp.ClientError:
                    ok = False
                if ok:
                    result.latencies.append(time.perf_counter() - t0)
                else:
                    result.errors += 1
                i += clients

        t0 = time.perf_counter()
        await asyncio.gather(*(client(k) for k in range(clients)))
        result.seconds = time.perf_counter() - t0
    return result


def in_process(
    store_path: Path, qs: list[dict[str, str]], page: str, seconds: float
) -> dict[str, Any]:
    """The same work without HTTP, one thread: searches/s and extractions/s."""
    out: dict[str, Any] = {}
    with Store(store_path, readonly=True) as store:
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < seconds and n < len(qs):
            p = qs[n]
            store.search(p["q"], site=p.get("site"), lang=p.get("lang"), limit=21)
            n += 1
        out["search_per_s"] = round(n / (time.perf_counter() - t0), 1)
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds and n < 10_000:
        extract(page, url="https://coastal-ledger.example/news/tidal-mill", input="html")
        n += 1
    out["extract_per_s"] = round(n / (time.perf_counter() - t0), 1)
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    RESULTS.mkdir(exist_ok=True)
    store_path = RESULTS / f"service-store-{args.articles}.db"
    built = build_store(store_path, args.articles)
    print(
        f"store: {args.articles} articles at {store_path} (built in {built:.1f} s)"
        if built
        else f"store: {args.articles} articles at {store_path} (cached)"
    )
    qs = queries(max(args.requests, 1000))
    page = ARTICLE_PAGE.read_text()
    with Store(store_path, readonly=True) as store:
        max_id = store.count()
    report: dict[str, Any] = {
        "articles": args.articles,
        "clients": args.clients,
        "cpu_count": os.cpu_count(),
        "scenarios": {},
    }
    server = Server(store_path)
    try:
        server.wait()

        def search(session: aiohttp.ClientSession, i: int) -> Any:
            return session.get("/articles", params=qs[i % len(qs)])

        def get_article(session: aiohttp.ClientSession, i: int) -> Any:
            return session.get(f"/articles/{1 + (i * 7919) % max_id}")

        def post_extract(session: aiohttp.ClientSession, i: int) -> Any:
            return session.post("/extract", json={"html": page, "url": f"https://x.example/{i}"})

        scenarios = (("search", search), ("article", get_article), ("extract", post_extract))
        for name, make in scenarios:
            # warm-up: open connections, fill SQLite's page cache
            asyncio.run(load(name, server.base, make, args.clients, 1.0, 200))
            res = asyncio.run(
                load(name, server.base, make, args.clients, args.seconds, args.requests)
            )
            report["scenarios"][name] = res.summary()
            s = report["scenarios"][name]
            print(
                f"{name:8s} {s['rps']:8.1f} req/s  p50 {s['p50_ms']:7.2f} ms  "
                f"p95 {s['p95_ms']:7.2f} ms  p99 {s['p99_ms']:7.2f} ms  "
                f"errors {s['errors']}  ({s['requests']} in {s['seconds']} s)"
            )
    finally:
        server.stop()
    ref = in_process(store_path, qs, page, min(args.seconds, 5.0))
    report["in_process"] = ref
    print(
        f"in-process, one thread, no HTTP: search {ref['search_per_s']}/s, "
        f"extract {ref['extract_per_s']}/s"
    )
    for name, key in (("search", "search_per_s"), ("extract", "extract_per_s")):
        rps = report["scenarios"][name]["rps"]
        report["scenarios"][name]["ratio_to_in_process"] = round(rps / ref[key], 2)
        print(f"{name}: service / in-process = {rps / ref[key]:.2f}")
    (RESULTS / "service.json").write_text(json.dumps(report, indent=2))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.service",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0, help="per scenario")
    parser.add_argument("--requests", type=int, default=20_000, help="per scenario, at most")
    run(parser.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
