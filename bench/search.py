"""Search benchmark: query latency (median, p95) on a generated store of N articles.

    .venv/bin/python -m bench.search [--articles 50000] [--queries 300] [--store PATH]

Articles are generated (seeded): a Zipf-distributed vocabulary of 40,000 words (real news words
at the frequent ranks, pseudo-words below), titles of 6-12 words, bodies of 4-8 paragraphs of
40-90 words, 300 sites, dates 2019-2025, 80% English. Queries: a frequent word, a mid-frequency
word, a rare word, two words, a phrase taken from a stored text, and each with a site / date /
language filter. Every query asks for the first page of 20 hits with snippets, as the CLI and the
HTTP service do. Results go to stdout and ``bench/results/search.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from copydesk.model import Article, Block
from copydesk.store import Store

ROOT = Path(__file__).resolve().parents[1]
_NEWS_TEXT = (
    "the of and to in a said for on that is was with by at as from it has have his be are "
    "government minister president police election court city council people year week state "
    "officials report percent million market company health hospital school water climate "
    "flood fire storm war peace talks vote party leader bank prices inflation energy oil gas "
    "power strike union workers trade border security attack army military team match season "
    "coach players win loss cup league football music film festival art museum university "
    "students research study scientists virus vaccine doctors patients budget tax spending "
    "housing rent tenants farmers drought harvest bridge road rail airport flights tourism "
    "village region province capital protest rally campaign candidate poll senate parliament"
)
NEWS_WORDS = tuple(_NEWS_TEXT.split())
SYLLABLES = tuple(f"{c}{v}" for c in "bklmnrst" for v in "aeiou")
VOCAB_SIZE = 40_000
LANGS = ["en"] * 8 + ["fr", "de"]


def vocabulary(rng: np.random.Generator) -> list[str]:
    words = list(dict.fromkeys(NEWS_WORDS))
    seen = set(words)
    while len(words) < VOCAB_SIZE:
        n = int(rng.integers(2, 5))
        word = "".join(SYLLABLES[int(i)] for i in rng.integers(0, len(SYLLABLES), n))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def generate(n: int, seed: int = 7) -> tuple[list[str], list[Article]]:
    rng = np.random.default_rng(seed)
    vocab = vocabulary(rng)
    ranks = np.arange(1, VOCAB_SIZE + 1)
    weights = 1.0 / ranks**1.07
    cdf = np.cumsum(weights / weights.sum())
    words = np.array(vocab, dtype=object)

    def sample(size: int) -> str:
        return " ".join(words[np.minimum(np.searchsorted(cdf, rng.random(size)), VOCAB_SIZE - 1)])

    start = datetime(2019, 1, 1, tzinfo=UTC)
    articles: list[Article] = []
    for i in range(n):
        site = f"site{int(rng.integers(0, 300))}.example"
        title = sample(int(rng.integers(6, 13)))
        paragraphs = []
        for _ in range(int(rng.integers(4, 9))):
            size = int(rng.integers(40, 91))
            paragraphs.append(sample(size) + ".")
        published = start + timedelta(minutes=int(rng.integers(0, 7 * 365 * 24 * 60)))
        articles.append(
            Article(
                url=f"https://{site}/news/{i}.html",
                page_type="article",
                title=title.capitalize(),
                language=LANGS[int(rng.integers(0, len(LANGS)))],
                published=published,
                body=tuple(Block("paragraph", p) for p in paragraphs),
            )
        )
    return vocab, articles


def queries(
    vocab: list[str], sample_texts: list[str], count: int, seed: int = 11
) -> list[dict[str, Any]]:
    rng = np.random.default_rng(seed)
    out: list[dict[str, Any]] = []
    kinds = ["frequent", "mid", "rare", "two_words", "phrase"]
    filters: list[dict[str, Any]] = [
        {},
        {"site": "site17.example"},
        {"since": "2024-01-01"},
        {"lang": "fr"},
    ]
    for i in range(count):
        kind = kinds[i % len(kinds)]
        if kind == "frequent":
            q = vocab[int(rng.integers(20, 200))]
        elif kind == "mid":
            q = vocab[int(rng.integers(1000, 5000))]
        elif kind == "rare":
            q = vocab[int(rng.integers(15000, 40000))]
        elif kind == "two_words":
            q = f"{vocab[int(rng.integers(50, 2000))]} {vocab[int(rng.integers(50, 2000))]}"
        else:
            text = sample_texts[int(rng.integers(0, len(sample_texts)))].split()
            at = int(rng.integers(0, max(1, len(text) - 3)))
            q = '"' + " ".join(text[at : at + 3]).strip(".") + '"'
        out.append({"kind": kind, "query": q, **filters[(i // len(kinds)) % len(filters)]})
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def build(path: Path, n: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    vocab, articles = generate(n)
    gen_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    with Store(path) as store:
        store.add_many(articles)
        store.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    insert_s = time.perf_counter() - t1
    return {
        "generate_s": round(gen_s, 1),
        "insert_s": round(insert_s, 1),
        "inserts_per_s": round(n / insert_s),
        "db_mb": round(path.stat().st_size / 1e6, 1),
        "_vocab": vocab,
        "_texts": [a.text for a in articles[:: max(1, n // 500)]],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--store", type=Path, help="keep the generated store here")
    parser.add_argument("--reuse", action="store_true", help="query an existing --store")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "search.db"
        if args.reuse and path.exists():
            vocab_, articles = generate(args.articles)
            with Store(path) as store:  # migrates an older schema
                assert store.count() == args.articles, "--reuse needs a store of --articles"
            built = {
                "reused": True,
                "db_mb": round(path.stat().st_size / 1e6, 1),
                "_vocab": vocab_,
                "_texts": [a.text for a in articles[:: max(1, args.articles // 500)]],
            }
        else:
            if path.exists():
                path.unlink()
            built = build(path, args.articles)
        vocab, texts = built.pop("_vocab"), built.pop("_texts")
        plan = queries(vocab, texts, args.queries)
        latencies: dict[str, list[float]] = {}
        hits_total = 0
        with Store(path, readonly=True) as store:
            for q in plan[:20]:  # warm the page cache
                store.search(
                    q["query"], **{k: v for k, v in q.items() if k not in ("kind", "query")}
                )
            for q in plan:
                options = {k: v for k, v in q.items() if k not in ("kind", "query")}
                t = time.perf_counter()
                hits = store.search(q["query"], limit=20, **options)
                elapsed = (time.perf_counter() - t) * 1000
                hits_total += len(hits)
                key = q["kind"] + ("+filter" if options else "")
                latencies.setdefault(key, []).append(elapsed)
                latencies.setdefault("all", []).append(elapsed)
    results = {
        "articles": args.articles,
        "queries": len(plan),
        "mean_hits": round(hits_total / len(plan), 1),
        "store": built,
        "latency_ms": {
            key: {
                "median": round(statistics.median(values), 2),
                "p95": round(percentile(values, 0.95), 2),
                "n": len(values),
            }
            for key, values in sorted(latencies.items())
        },
    }
    out = ROOT / "bench" / "results" / "search.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
