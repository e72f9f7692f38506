"""Crawler benchmark on loopback: overhead per page, pages/s vs extraction-only, politeness spacing.

    .venv/bin/python -m bench.crawl [--hosts 20] [--pages-per-host 50] [--polite-delay 0.2]

A site of HOSTS x PAGES article pages is served by aiohttp in a *separate process* on the
loopback addresses 127.0.0.2 ... 127.0.0.(HOSTS+1) (one host each; robots.txt allows all, one
sitemap per host lists its pages). The crawler's CPU (``getrusage(RUSAGE_SELF)``) therefore
excludes the server's. Four measurements, same pages:

1. extraction only   decode + ``copydesk.extract`` on every page body, in a loop
2. crawl, full       seeds = the sitemaps, politeness off (delay 0), real extraction, store, WARC
3. crawl, no extract the same crawl with a trivial extractor: the crawler + store + WARC overhead
4. crawl, workers    the full crawl with extraction in WORKERS processes (``--workers``)
5. polite crawl      delay D on a few hosts; the server's own log gives per-host request spacing

Results go to stdout and ``bench/results/crawl.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from aiohttp import web

from copydesk.api import extract
from copydesk.harvest import HarvestStats, harvest
from copydesk.model import Article, Block
from copydesk.parse.decode import decode

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = (ROOT / "tests" / "fixtures" / "site" / "article.html").read_text(encoding="utf-8")
PLACES = ["Nairobi", "Lyon", "Osaka", "Quito", "Tromsø", "Adelaide", "Accra", "Lahore"]
PORT = 18765


# Real news pages are mostly furniture: the median AEB page is ~120 KB of HTML for ~5 KB of
# story. The benchmark pages carry the same weight (inline CSS and state JSON, a big navigation,
# a related rail, a footer) so that extraction and WARC costs are those of real pages.
_CSS = "<style>" + "".join(f".c{i}{{margin:{i}px;color:#{i:06x}}}" for i in range(900)) + "</style>"
_STATE = (
    '<script>window.__STATE__ = {"items": ['
    + ",".join(f'{{"id": {i}, "slug": "item-{i}", "kind": "teaser"}}' for i in range(900))
    + "]};</script>"
)
_NAV = (
    "<nav><ul>"
    + "".join(f'<li><a href="/section/{i}/">Section {i}</a></li>' for i in range(200))
    + "</ul></nav>"
)
_RAIL = (
    '<aside class="related"><h2>More stories</h2><ul>'
    + "".join(
        f'<li><a href="/news/r{i}.html">Related headline number {i} about the region</a>'
        f"<span>{i} minutes ago</span></li>"
        for i in range(40)
    )
    + "</ul></aside>"
)
_FOOTER = (
    "<footer><ul>"
    + "".join(f'<li><a href="/about/{i}">About link {i}</a></li>' for i in range(150))
    + "</ul><p>© The Loopback Ledger</p></footer>"
)
_EXTRA = "".join(
    f"<p>Paragraph {i} of the report goes into the detail of the budget, the timetable and the"
    " objections raised by residents, quoting officials and experts at some length.</p>"
    for i in range(12)
)


def page(host: str, n: int) -> bytes:
    place = PLACES[n % len(PLACES)]
    html = TEMPLATE.format(
        charset="utf-8",
        title=f"{place} council approves plan {n} on {host}",
        author=f"Reporter {n % 37}",
        published=f"2024-05-{1 + n % 27:02d}T09:30:00+00:00",
        canonical=f"http://{host}/news/{n}.html",
        place=place,
        lead=f"Story {n}: the council in {place} approved the plan by a wide margin.",
    )
    html = html.replace("</head>", _CSS + _STATE + "</head>", 1)
    html = html.replace("<main>", _NAV + "<main>", 1).replace("</article>", _EXTRA + "</article>")
    return html.replace("</main>", "</main>" + _RAIL + _FOOTER, 1).encode("utf-8")


def serve(hosts: list[str], per_host: int, ready: Any) -> None:
    log: list[tuple[str, str, float]] = []

    async def handle(request: web.Request) -> web.Response:
        host = request.host
        log.append((host, request.path, time.monotonic()))
        path = request.path
        if path == "/robots.txt":
            return web.Response(text="User-agent: *\nAllow: /\n")
        if path == "/sitemap.xml":
            urls = "".join(
                f"<url><loc>http://{host}/news/{n}.html</loc></url>" for n in range(per_host)
            )
            body = (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"{urls}</urlset>"
            )
            return web.Response(text=body, content_type="application/xml")
        if path == "/__log":
            return web.json_response(log)
        if path.startswith("/news/"):
            n = int(path.rsplit("/", 1)[1].split(".")[0])
            return web.Response(body=page(host, n), content_type="text/html", charset="utf-8")
        return web.Response(status=404)

    async def main() -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        for host in hosts:
            address, port = host.split(":")
            await web.TCPSite(runner, address, int(port)).start()
        ready.set()
        while True:
            await asyncio.sleep(3600)

    asyncio.run(main())


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed_crawl(seeds: list[str], **options: Any) -> tuple[HarvestStats, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        c0, w0 = cpu(), time.perf_counter()
        stats = harvest(seeds, store=Path(tmp) / "bench.db", **options)
        return stats, time.perf_counter() - w0, cpu() - c0


def trivial_extractor(text: str, *, url: str | None = None, **_: Any) -> Article:
    return Article(url=url, page_type="article", title="t", body=(Block("paragraph", "x"),))


def fetch_log(host: str) -> list[tuple[str, str, float]]:
    import urllib.request

    with urllib.request.urlopen(f"http://{host}/__log", timeout=10) as response:
        return [tuple(row) for row in json.load(response)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crawl", description=__doc__)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--pages-per-host", type=int, default=50)
    parser.add_argument("--polite-delay", type=float, default=0.2)
    parser.add_argument("--polite-hosts", type=int, default=4)
    parser.add_argument("--polite-pages", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="extraction processes (run 5)")
    args = parser.parse_args(argv)
    hosts = [f"127.0.0.{i + 2}:{PORT}" for i in range(args.hosts)]
    ready = multiprocessing.get_context("spawn").Event()
    server = multiprocessing.get_context("spawn").Process(
        target=serve, args=(hosts, args.pages_per_host, ready), daemon=True
    )
    server.start()
    try:
        if not ready.wait(20):
            print("server did not start", file=sys.stderr)
            return 1
        results = run(hosts, args)
    finally:
        server.terminate()
        server.join(5)
    out = ROOT / "bench" / "results" / "crawl.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


def run(hosts: list[str], args: argparse.Namespace) -> dict[str, Any]:
    pages = [(h, n) for h in hosts for n in range(args.pages_per_host)]
    bodies = [(f"http://{h}/news/{n}.html", page(h, n)) for h, n in pages]
    seeds = [f"http://{h}/sitemap.xml" for h in hosts]
    fast: dict[str, Any] = {"delay": 0.0, "concurrency": len(hosts)}

    # 1. extraction only
    extract(decode(bodies[0][1]), url=bodies[0][0])  # warm caches (language model, regexes)
    c0, w0 = cpu(), time.perf_counter()
    for url, body in bodies:
        extract(decode(body, "utf-8"), url=url)
    extract_wall, extract_cpu = time.perf_counter() - w0, cpu() - c0

    # 2. full crawl, 3. crawl with a trivial extractor
    full, full_wall, full_cpu = timed_crawl(seeds, **fast)
    bare, bare_wall, bare_cpu = timed_crawl(seeds, extractor=trivial_extractor, **fast)
    pooled, pooled_wall, _ = timed_crawl(seeds, workers=args.workers, **fast)

    # 4. politeness on: per-host spacing as the server saw it
    polite_hosts = hosts[: args.polite_hosts]
    before = len(fetch_log(hosts[0]))
    polite_seeds = [
        f"http://{h}/news/{n}.html" for h in polite_hosts for n in range(args.polite_pages)
    ]
    polite, polite_wall, _ = timed_crawl(
        polite_seeds, delay=args.polite_delay, concurrency=len(polite_hosts)
    )
    log = fetch_log(hosts[0])[before:]
    by_host: dict[str, list[float]] = defaultdict(list)
    for host, path, at in log:
        if path != "/__log" and host in polite_hosts:
            by_host[host].append(at)
    gaps = [b - a for times in by_host.values() for a, b in itertools.pairwise(times)]

    pages_n = len(bodies)
    return {
        "pages": pages_n,
        "page_bytes": len(bodies[0][1]),
        "hosts": len(hosts),
        "requests_full_crawl": full.fetched,
        "extraction_only": {
            "pages_per_s": round(pages_n / extract_wall, 1),
            "cpu_ms_per_page": round(1000 * extract_cpu / pages_n, 2),
        },
        "crawl_full": {
            "stored": full.stored,
            "stored_pages_per_s": round(full.stored / full_wall, 1),
            "cpu_ms_per_page": round(1000 * full_cpu / full.stored, 2),
            "extract_share_of_wall": round(full.extract_seconds / full_wall, 3),
            "wall_s": round(full_wall, 2),
        },
        "crawl_full_with_workers": {
            "workers": args.workers,
            "stored": pooled.stored,
            "stored_pages_per_s": round(pooled.stored / pooled_wall, 1),
            "wall_s": round(pooled_wall, 2),
        },
        "crawl_trivial_extractor": {
            "stored": bare.stored,
            "stored_pages_per_s": round(bare.stored / bare_wall, 1),
            "cpu_ms_per_page": round(1000 * bare_cpu / bare.stored, 2),
            "commit_ms_per_page": round(1000 * bare.commit_seconds / bare.stored, 3),
        },
        "polite": {
            "delay_s": args.polite_delay,
            "hosts": len(polite_hosts),
            "requests": sum(len(t) for t in by_host.values()),
            "min_gap_s": round(min(gaps), 4) if gaps else None,
            "median_gap_s": round(sorted(gaps)[len(gaps) // 2], 4) if gaps else None,
            "gaps_below_delay": sum(1 for g in gaps if g < args.polite_delay),
            "wall_s": round(polite_wall, 2),
            "stored": polite.stored,
        },
    }


if __name__ == "__main__":
    sys.exit(main())
