"""Near-duplicate clustering benchmark: planted syndicated copies, throughput, index scaling.

``python -m bench.dedup [--articles 10000] [--copies 1500] [--scale 10000,100000,1000000]``

1. Corpus. Real article texts are extracted at run time from the shared data sets (AEB's labelled
   bodies; trafilatura-eval and htmldate-eval pages through ``copydesk.extract``), bodies of at
   least ``MIN_WORDS`` words. The corpus is filled up to ``--articles - --copies`` *base*
   articles with synthetic ones: each synthetic article is 5-12 paragraphs of 2-4 sentences
   drawn at random from the whole real sentence pool (so from different sources), and every
   content word (frequency rank > ``KEEP_TOP_WORDS``) is replaced by a word of similar frequency
   through a per-article hash, so that two synthetic articles that drew the same source
   sentence do not share its content words. Nothing is written to disk but a text cache in /tmp.
2. Planted copies. ``--copies`` copies of random base articles (1-3 per origin), each: other
   site, new headline (metadata, not body), furniture paragraphs added on top and/or at the end,
   1-5 % of words edited (substituted, deleted or inserted), the last 0-3 paragraphs cut (at least
   half of the paragraphs kept).
3. Ground truth, made honest: positives are all pairs within one planted story, *plus* every
   pair of base articles whose exact 3-shingle containment is >= ``NATURAL_CONTAINMENT``
   (found by an exact inverted index, independent of MinHash); the number of such natural
   pairs is reported. Prediction: all pairs within one cluster of ``ClusterIndex``.
4. Throughput: signature + match + insert of every article through ``ClusterIndex.add`` into a
   fresh SQLite file, one process (one core), timed; signature-only time reported beside it.
5. Scaling: synthetic signatures bulk-loaded into the same LSH tables at each size of
   ``--scale``; the time of ``LshIndex.query`` (band lookup + verification) for 1,000 queries
   (half perturbed copies of stored signatures, half new) at each size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from itertools import combinations
from pathlib import Path

import numpy as np
import xxhash

from copydesk.dedup.clusters import ClusterIndex, use_index_cache
from copydesk.dedup.lsh import LshIndex, band_keys
from copydesk.dedup.minhash import MinHasher, Signature, shingle_hashes, words
from copydesk.model import Article, Block

MIN_WORDS = 120
KEEP_TOP_WORDS = 300
NATURAL_CONTAINMENT = 0.5
CACHE = Path(tempfile.gettempdir()) / "copydesk-bench-dedup-texts.json"
FURNITURE = (
    "Sign up for our morning newsletter to get the day's top stories in your inbox.",
    "This article was originally published by the Associated Press. "
    "Copyright 2026 The Associated Press. All rights reserved.",
    "Follow us on social media for the latest updates.",
    "Read more: our full coverage of the story, with live updates and analysis.",
    "Reporting by staff writers; editing by the news desk.",
    "Advertisement",
    "We want to hear from you. Send us your tips and comments.",
)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])")


# -- 1. corpus --------------------------------------------------------------------------------
def real_texts(datasets: Path) -> list[str]:
    if CACHE.exists():
        cached: list[str] = json.loads(CACHE.read_text())
        return cached
    import copydesk

    texts: list[str] = []
    truth = datasets / "aeb" / "ground-truth.json"
    if truth.exists():
        for record in json.loads(truth.read_text()).values():
            texts.append(str(record.get("articleBody") or ""))
    for sub in ("trafilatura-eval/pages", "htmldate-eval/pages"):
        for path in sorted((datasets / sub).glob("*.html.gz")):
            try:
                texts.append(copydesk.extract(gzip.decompress(path.read_bytes())).text)
            except Exception as exc:  # a benchmark input, not a test: note and go on
                print(f"  skip {path.name}: {exc!r}", file=sys.stderr)
    texts = [t for t in texts if len(t.split()) >= MIN_WORDS]
    CACHE.write_text(json.dumps(texts))
    return texts


def paragraphs_of(text: str) -> list[str]:
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    return paras or [text]


class Synthesiser:
    """Distinct synthetic articles from recombined real sentences (see the module docstring)."""

    def __init__(self, texts: list[str], rng: random.Random) -> None:
        self.rng = rng
        self.sentences = [s for t in texts for s in _SENTENCE_RE.split(t) if len(s.split()) >= 5]
        counts = Counter(w for t in texts for w in words(t))
        ranked = [w for w, _ in counts.most_common()]
        self.keep = set(ranked[:KEEP_TOP_WORDS])
        # Frequency bands of content words: a word is replaced by one of similar frequency.
        self.band_of: dict[str, list[str]] = {}
        band_size = 400
        for start in range(KEEP_TOP_WORDS, len(ranked), band_size):
            band = ranked[start : start + band_size]
            for w in band:
                self.band_of[w] = band

    def _substitute(self, sentence: str, seed: int) -> str:
        def swap(m: re.Match[str]) -> str:
            w = m.group(0)
            low = w.lower()
            if low in self.keep or low not in self.band_of:
                return w
            band = self.band_of[low]
            return band[xxhash.xxh64_intdigest(low.encode(), seed=seed) % len(band)]

        return re.sub(r"\w+", swap, sentence)

    def article(self, seed: int) -> str:
        paras = []
        for _ in range(self.rng.randint(5, 12)):
            picked = [self.rng.choice(self.sentences) for _ in range(self.rng.randint(2, 4))]
            paras.append(" ".join(self._substitute(s, seed) for s in picked))
        return "\n\n".join(paras)


# -- 2. planted copies -----------------------------------------------------------------------
def make_copy(text: str, rng: random.Random, vocab: list[str]) -> str:
    paras = paragraphs_of(text)
    keep = max(2, len(paras) // 2 + len(paras) % 2)
    cut = rng.randint(0, min(3, len(paras) - keep)) if len(paras) > keep else 0
    paras = paras[: len(paras) - cut]
    tokens_per_para = [p.split() for p in paras]
    flat = [(i, j) for i, toks in enumerate(tokens_per_para) for j in range(len(toks))]
    rate = rng.uniform(0.01, 0.05)
    for i, j in sorted(rng.sample(flat, int(len(flat) * rate)), reverse=True):
        op = rng.random()
        if op < 0.6:
            tokens_per_para[i][j] = rng.choice(vocab)
        elif op < 0.8:
            del tokens_per_para[i][j]
        else:
            tokens_per_para[i].insert(j, rng.choice(vocab))
    out = [" ".join(t) for t in tokens_per_para if t]
    if rng.random() < 0.5:
        out.insert(0, rng.choice(FURNITURE))
    if rng.random() < 0.7:
        out.extend(rng.sample(FURNITURE, rng.randint(1, 2)))
    return "\n\n".join(out)


def as_article(aid: int, text: str, site: str, minutes: int) -> Article:
    return Article(
        url=f"https://{site}/story/{aid}",
        page_type="article",
        title=f"Headline {aid}",
        site_name=site,
        body=tuple(Block("paragraph", p) for p in paragraphs_of(text)),
        published=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes),
    )


# -- 3. ground truth -------------------------------------------------------------------------
def natural_pairs(texts: dict[int, str]) -> set[tuple[int, int]]:
    """Base pairs whose exact 3-shingle containment reaches NATURAL_CONTAINMENT."""
    shingles = {aid: set(shingle_hashes(words(t)).tolist()) for aid, t in texts.items()}
    postings: dict[int, list[int]] = defaultdict(list)
    for aid, sh in shingles.items():
        for h in sh:
            postings[h].append(aid)
    shared: Counter[tuple[int, int]] = Counter()
    for ids in postings.values():
        if 1 < len(ids) <= 200:  # boilerplate shingles in >200 docs cannot make a pair alone
            for pair in combinations(sorted(ids), 2):
                shared[pair] += 1
    out = set()
    for (a, b), n in shared.items():
        small = min(len(shingles[a]), len(shingles[b]))
        if small and n / small >= NATURAL_CONTAINMENT:
            out.add((a, b))
    return out


def closure(pairs: set[tuple[int, int]]) -> list[list[int]]:
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for x in parent:
        groups[find(x)].append(x)
    return list(groups.values())


def pairs_of(groups: Iterable[Iterable[int]]) -> set[tuple[int, int]]:
    return {pair for g in groups for pair in combinations(sorted(g), 2)}


# -- 5. scaling ------------------------------------------------------------------------------
def scaling(sizes: list[int], rng: np.random.Generator, hasher: MinHasher) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "scale.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-2000000")  # 2 GB: the 1M index stays in memory
        index = LshIndex(conn, hasher)
        nf, nl = hasher.full_permutations, hasher.lead_permutations
        have = 0
        stored: list[Signature] = []
        for size in sizes:
            t0 = time.perf_counter()
            conn.execute("BEGIN")
            while have < size:
                batch = min(10000, size - have)
                sigs = [
                    Signature(
                        rng.integers(0, 2**32, nf, dtype=np.uint32),
                        rng.integers(0, 2**32, nl, dtype=np.uint32),
                        500,
                        148,
                    )
                    for _ in range(batch)
                ]
                conn.executemany(
                    "INSERT INTO dedup_signatures VALUES (?, ?, ?, ?, ?)",
                    ((have + i, *s.to_bytes(), s.n_shingles, s.n_lead) for i, s in enumerate(sigs)),
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO dedup_bands VALUES (?, ?)",
                    ((k, have + i) for i, s in enumerate(sigs) for k in band_keys(s)),
                )
                stored.extend(sigs[:5])
                have += batch
            conn.execute("COMMIT")
            load = time.perf_counter() - t0
            queries = []
            for i in range(1000):
                if i % 2:
                    base = stored[rng.integers(len(stored))]
                    full = base.full.copy()
                    lead = base.lead.copy()
                    full[rng.random(nf) < 0.3] = 0
                    lead[rng.random(nl) < 0.3] = 0
                    queries.append(Signature(full, lead, 500, 148))
                else:
                    queries.append(
                        Signature(
                            rng.integers(0, 2**32, nf, dtype=np.uint32),
                            rng.integers(0, 2**32, nl, dtype=np.uint32),
                            500,
                            148,
                        )
                    )
            t0, c0 = time.perf_counter(), time.process_time()
            found = sum(bool(index.query(q)) for q in queries)
            per = (time.perf_counter() - t0) / len(queries)
            cpu = (time.process_time() - c0) / len(queries)
            print(
                f"  scale {size:>9,} signatures: query {cpu * 1e6:5.0f} µs CPU "
                f"[{per * 1e6:5.0f} µs wall], planted found {found}/500, "
                f"load {load:.0f} s",
                flush=True,
            )
        conn.close()


def corpus_benchmark(args: argparse.Namespace, rng: random.Random) -> None:
    t0 = time.perf_counter()
    reals = real_texts(args.datasets)
    n_base = args.articles - args.copies
    synth = Synthesiser(reals, rng)
    base: dict[int, str] = dict(enumerate(reals[:n_base]))
    for aid in range(len(base), n_base):
        base[aid] = synth.article(seed=aid)
    print(
        f"corpus: {min(len(reals), n_base)} real + {n_base - min(len(reals), n_base)} synthetic "
        f"base articles, {args.copies} planted copies ({time.perf_counter() - t0:.0f} s)"
    )
    vocab = sorted(synth.band_of)[:5000] or ["word"]
    stories: dict[int, list[int]] = {}
    copies: dict[int, str] = {}
    next_id = n_base
    origins = rng.sample(sorted(base), k=min(len(base), args.copies))
    while len(copies) < args.copies:
        origin = origins[len(stories)]
        for _ in range(min(rng.randint(1, 3), args.copies - len(copies))):
            copies[next_id] = make_copy(base[origin], rng, vocab)
            stories.setdefault(origin, [origin]).append(next_id)
            next_id += 1

    t1 = time.perf_counter()
    natural = natural_pairs(base)
    # One story is the transitive closure: a planted copy of B is also a copy of A when A and B
    # are natural near-duplicates of each other.
    truth = pairs_of(closure(pairs_of(stories.values()) | natural))
    print(
        f"ground truth: {len(pairs_of(stories.values()))} planted pairs in {len(stories)} stories, "
        f"{len(natural)} natural near-duplicate pairs among base articles, "
        f"{len(truth)} true pairs after transitive closure "
        f"(exact containment >= {NATURAL_CONTAINMENT}; audit {time.perf_counter() - t1:.0f} s)"
    )

    everything = {**base, **copies}
    order = sorted(everything)
    rng.shuffle(order)
    articles = {
        aid: as_article(aid, everything[aid], f"site{aid % 97}.example", i)
        for i, aid in enumerate(order)
    }
    hasher = MinHasher()
    texts = {aid: articles[aid].text for aid in order}
    t2, c2 = time.perf_counter(), time.process_time()
    for aid in order:
        hasher.signature(texts[aid])
    sig_time, sig_cpu = time.perf_counter() - t2, time.process_time() - c2
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "bench.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        if args.cache:
            use_index_cache(conn)  # as sync_store does
        index = ClusterIndex(conn, hasher=hasher)
        t3, c3 = time.perf_counter(), time.process_time()
        conn.execute("BEGIN")
        for aid in order:
            index.add(aid, articles[aid])
        conn.execute("COMMIT")
        add_time, add_cpu = time.perf_counter() - t3, time.process_time() - c3
        groups: dict[int, list[int]] = defaultdict(list)
        for aid, cid in conn.execute("SELECT article_id, cluster_id FROM dedup_members"):
            groups[cid].append(aid)
        conn.close()
    predicted = pairs_of(groups.values())
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(truth) if truth else 1.0
    n = len(order)
    print(
        f"clusters: {sum(len(g) > 1 for g in groups.values())} multi-member clusters, "
        f"{len(predicted)} predicted pairs, {tp} true"
    )
    print(f"pair precision {precision:.4f}  recall {recall:.4f}")
    false = sorted(predicted - truth)
    if false:
        print(f"  false pairs: {len(false)}; exact overlap of a sample (containment, jaccard):")
        for a, b in false[:: max(1, len(false) // 8)][:8]:
            sa = set(shingle_hashes(words(everything[a])).tolist())
            sb = set(shingle_hashes(words(everything[b])).tolist())
            inter = len(sa & sb)
            kind = "+".join(
                "real" if x < len(reals) else "synth" if x < n_base else "copy" for x in (a, b)
            )
            print(
                f"    {a}-{b} ({kind}): {inter / max(1, min(len(sa), len(sb))):.2f}, "
                f"{inter / max(1, len(sa | sb)):.2f}, sizes {len(sa)}/{len(sb)}"
            )
    missed = truth - predicted
    if missed:
        kinds = Counter("natural" if p in natural else "planted" for p in missed)
        print(f"  missed pairs: {dict(kinds)}")
    words_per = statistics.mean(len(t.split()) for t in texts.values())
    print(
        "throughput (one process, CPU time; wall clock in brackets; "
        f"{words_per:.0f} words/article):"
        f"\n  signature only {n / sig_cpu:,.0f} articles/s [{n / sig_time:,.0f}]"
        f"\n  signature + match + insert {n / add_cpu:,.0f} articles/s [{n / add_time:,.0f}] "
        f"({add_cpu / n * 1e3:.2f} ms/article over a growing archive of {n:,})"
    )


# -- main -------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dedup", description=__doc__)
    parser.add_argument(
        "--datasets", type=Path, default=Path(__file__).parents[2] / "shared" / "datasets"
    )
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--copies", type=int, default=1500)
    parser.add_argument("--scale", default="10000,100000,1000000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--no-cache", dest="cache", action="store_false", help="SQLite's default page cache"
    )
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    if not (args.datasets / "aeb").exists():
        print(f"datasets not found at {args.datasets}")
        return 2

    if args.articles > 0:
        corpus_benchmark(args, rng)
    sizes = [int(s) for s in args.scale.split(",") if s.strip()]
    if sizes:
        print("scaling (synthetic signatures, same SQLite LSH tables):")
        scaling(sizes, np.random.default_rng(args.seed), MinHasher())
    return 0


if __name__ == "__main__":
    sys.exit(main())
