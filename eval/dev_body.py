"""Quick body-quality loop for the body extractor's developer (not the official harness).

    python eval/dev_body.py [aeb|tre|speed|all] [--peer] [--worst N]

aeb: AEB 4-gram shingle P/R/F1 of ``Article.text``; tre: trafilatura-eval snippet P/R/F1;
speed: pages/s over the AEB pages. ``--peer`` also scores trafilatura in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

from copydesk.extract.body import extract_body
from copydesk.parse.decode import decode
from copydesk.parse.html import parse_html

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets"
_WORD = re.compile(r"\w+")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text)
    return Counter(tuple(words[i : i + 4]) for i in range(max(0, len(words) - 3)))


def aeb_pages() -> list[tuple[str, bytes, str, str]]:
    truth = json.loads((DATA / "aeb" / "ground-truth.json").read_text())
    out = []
    for key, rec in sorted(truth.items()):
        raw = gzip.decompress((DATA / "aeb" / "html" / f"{key}.html.gz").read_bytes())
        out.append((key, raw, rec["url"], rec["articleBody"]))
    return out


def ours(raw: bytes, url: str) -> str:
    """The body stage alone (decode, parse, body): what ``Article.text`` is made of, without the
    metadata and furniture stages (they read the tree and do not change the body)."""
    doc = parse_html(decode(raw), url)
    if doc is None:
        return ""
    return "\n\n".join(block.text for block in extract_body(doc))


def full(raw: bytes, url: str) -> str:
    """The whole public pipeline (all stages), for speed against peers."""
    import copydesk

    return copydesk.extract(raw, url=url).text


def trafilatura_text(raw: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(raw, url=url) or ""


def score_aeb(fn, worst: int) -> None:
    precs, recs, rows = [], [], []
    for key, raw, url, truth in aeb_pages():
        pred = fn(raw, url)
        p_sh, t_sh = shingles(pred), shingles(truth)
        inter = sum((p_sh & t_sh).values())
        if not t_sh and not p_sh:
            p, r = 1.0, 1.0
        else:
            p = inter / sum(p_sh.values()) if p_sh else None
            r = inter / sum(t_sh.values()) if t_sh else 1.0
        if p is not None:
            precs.append(p)
        recs.append(r)
        rows.append((min(p or 0, r), p, r, key, url))
    P, R = sum(precs) / len(precs), sum(recs) / len(recs)
    print(f"AEB  P={P:.4f} R={R:.4f} F1={2 * P * R / (P + R):.4f}  (n={len(recs)})")
    for row in sorted(rows, key=lambda r: r[0])[:worst]:
        print(
            f"  P={row[1] if row[1] is None else round(row[1], 3)} R={row[2]:.3f} "
            f"{row[3][:10]} {row[4]}"
        )


def score_tre(fn, worst: int) -> None:
    labels = json.loads((DATA / "trafilatura-eval" / "labels.json").read_text())
    tp = fn_ = fp = tn = 0
    bad = []
    for url, rec in sorted(labels.items()):
        raw = gzip.decompress((DATA / "trafilatura-eval" / "pages" / rec["file"]).read_bytes())
        text = fn(raw, url)
        miss = sum(1 for s in rec["with"] if s not in text)
        extra = sum(1 for s in rec["without"] if s in text)
        tp += len(rec["with"]) - miss
        fn_ += miss
        fp += extra
        tn += len(rec["without"]) - extra
        if miss or extra:
            bad.append((miss + extra, url, rec["file"], miss, extra))
    P, R = tp / (tp + fp), tp / (tp + fn_)
    print(
        f"TRE  P={P:.4f} R={R:.4f} F1={2 * P * R / (P + R):.4f}  tp={tp} fn={fn_} fp={fp} tn={tn}"
    )
    for row in sorted(bad, reverse=True)[:worst]:
        print(f"  miss={row[3]} extra={row[4]} {row[2]} {row[1]}")


def speed(fn, name: str) -> None:
    pages = aeb_pages()
    t0, c0 = time.perf_counter(), time.process_time()
    for _, raw, url, _ in pages:
        fn(raw, url)
    dt, ct = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"SPEED {name}: {len(pages) / dt:.1f} pages/s wall, {len(pages) / ct:.1f} pages/s CPU "
        f"({dt:.2f}s wall, {ct:.2f}s CPU, peak RSS {rss:.0f} MB)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", nargs="?", default="all")
    ap.add_argument("--peer", action="store_true")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--full", action="store_true", help="also time copydesk.extract (all stages)")
    a = ap.parse_args()
    fns = [("copydesk-body", ours)]
    fns += [("copydesk-extract", full)] if a.full else []
    fns += [("trafilatura", trafilatura_text)] if a.peer else []
    for name, fn in fns:
        print(f"== {name}")
        if a.what in ("aeb", "all"):
            score_aeb(fn, a.worst)
        if a.what in ("tre", "all"):
            score_tre(fn, a.worst)
        if a.what in ("speed", "all"):
            speed(fn, name)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
