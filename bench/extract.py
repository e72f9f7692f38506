"""The extraction benchmark: every tool on the same AEB pages, one fresh process per tool.

Reported per tool: AEB F1 (``eval.metrics``, the same metric as ``python -m eval run aeb``),
pages/s (pages / summed per-page time, CPU time by default: ``--clock``), p50/p95 ms per page,
peak RSS (and the RSS after the pages were loaded and one page warmed the tool up, so the
extraction's own share shows), speed ratios to trafilatura's default run (body text only) and
to trafilatura+metadata (its ``with_metadata=True``: the like-for-like peer, as copydesk always
extracts the whole record).
Tools run one after another, never at the same time, so they do not compete for the two cores.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.tools import TOOLS
from eval.datasets import REPO_ROOT, read_json
from eval.metrics import aggregate_pages, bootstrap_f1_std, shingle_score

RESULTS_DIR = Path(__file__).resolve().parent / "results"
# Speed is reported as a ratio to both trafilatura runs: its default (body text only) and
# with_metadata=True, which also extracts title, author, date, ...: the like-for-like peer, as
# copydesk always extracts the whole record.
REFERENCES = ("trafilatura", "trafilatura+metadata")
# A worker that takes longer than this is stuck: AEB takes well under a minute per tool.
WORKER_TIMEOUT_S = 1800


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_worker(
    tool: str, datasets: Path, limit: int | None, repeat: int, clock: str = "cpu"
) -> dict[str, Any] | str:
    """The worker's JSON, or the reason it failed."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        command = [sys.executable, "-m", "bench.worker", tool, str(datasets), str(out)]
        command += ["--repeat", str(repeat), "--clock", clock]
        command += ["--limit", str(limit)] if limit else []
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        try:
            proc = subprocess.run(
                command,
                cwd=REPO_ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=WORKER_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return f"timed out after {WORKER_TIMEOUT_S} s"
        if proc.returncode != 0 or not out.exists():
            return (proc.stderr.strip().splitlines() or ["no output"])[-1]
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def summarise(raw: dict[str, Any], truth: dict[str, dict[str, str]]) -> dict[str, Any]:
    scores = [
        shingle_score(raw["texts"].get(pid, ""), truth[pid].get("articleBody") or "")
        for pid in raw["times_ms"]
    ]
    prf = aggregate_pages(scores)
    times = list(raw["times_ms"].values())
    total_s = sum(times) / 1000
    return {
        "tool": raw["tool"],
        "input": raw["input"],
        "pages": raw["pages"],
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
        "f1_std": bootstrap_f1_std(scores),
        "seconds": total_s,
        "pages_per_s": len(times) / total_s if total_s else 0.0,
        "p50_ms": _quantile(times, 0.5),
        "p95_ms": _quantile(times, 0.95),
        "warmup_ms": raw["warmup_ms"],
        "peak_rss_mb": raw["peak_rss_mb"],
        "rss_before_mb": raw["rss_before_mb"],
        "errors": len(raw["errors"]),
        "empty_pages": sum(1 for s in scores if s.precision is None),
    }


def markdown(rows: list[dict[str, Any]], skipped: dict[str, str]) -> str:
    by_tool = {row["tool"]: row for row in rows}
    references = [by_tool[name] for name in REFERENCES if name in by_tool]
    lines = [
        "| tool | input | AEB F1 | P | R | pages/s | p50 ms | p95 ms | peak RSS MB "
        "| RSS before MB |" + "".join(f" speed vs {ref['tool']} |" for ref in references),
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(references),
    ]
    for row in rows:
        ratios = "".join(
            f" {row['pages_per_s'] / ref['pages_per_s']:.2f}× |" if ref["pages_per_s"] else " - |"
            for ref in references
        )
        lines.append(
            f"| {row['tool']} | {row['input']} | {row['f1']:.3f} ± {row['f1_std']:.3f} "
            f"| {row['precision']:.3f} | {row['recall']:.3f} | {row['pages_per_s']:.1f} "
            f"| {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['peak_rss_mb']:.0f} "
            f"| {row['rss_before_mb']:.0f} |{ratios}"
        )
    lines.extend(f"\n{tool}: not measured ({why})" for tool, why in skipped.items())
    return "\n".join(lines)


def merge_rounds(first: dict[str, Any], later: dict[str, Any]) -> dict[str, Any]:
    """One tool's measurements over rounds: each page's fastest time, the highest peak RSS, the
    texts of the first round (extraction is deterministic)."""
    times = {pid: min(ms, later["times_ms"].get(pid, ms)) for pid, ms in first["times_ms"].items()}
    return {
        **first,
        "times_ms": times,
        "peak_rss_mb": max(first["peak_rss_mb"], later["peak_rss_mb"]),
        "rss_before_mb": max(first["rss_before_mb"], later["rss_before_mb"]),
        "warmup_ms": min(first["warmup_ms"], later["warmup_ms"]),
    }


def run(
    datasets: Path,
    tools: list[str],
    limit: int | None = None,
    repeat: int = 1,
    results_dir: Path = RESULTS_DIR,
    rounds: int = 1,
    clock: str = "cpu",
) -> int:
    """Measure every tool ``rounds`` times, the tools taking turns within each round: load on a
    shared machine drifts over minutes, and taking turns spreads the drift over all tools
    instead of billing it to whichever ran during the busy minute."""
    truth: dict[str, dict[str, str]] = read_json(datasets / "aeb" / "ground-truth.json")
    measured: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    for round_no in range(1, rounds + 1):
        for tool in tools:
            if tool in skipped:
                continue
            print(f"round {round_no}/{rounds}: {tool} ...", file=sys.stderr, flush=True)
            raw = run_worker(tool, datasets, limit, repeat, clock)
            if isinstance(raw, str):
                skipped[tool] = raw
                measured.pop(tool, None)
                continue
            measured[tool] = merge_rounds(measured[tool], raw) if tool in measured else raw
    rows = [summarise(measured[tool], truth) for tool in tools if tool in measured]
    table = markdown(rows, skipped)
    results_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    record = {
        "benchmark": "extract",
        "at": stamp,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "pages": "aeb" + (f"[:{limit}]" if limit else ""),
        "repeat": repeat,
        "rounds": rounds,
        "clock": clock,
        "rows": rows,
        "skipped": skipped,
        "table": table,
    }
    for name in (f"extract-{stamp}.json", "extract.json"):
        (results_dir / name).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(table)
    return 0 if rows else 1


DEFAULT_TOOLS = list(TOOLS)
__all__ = ["DEFAULT_TOOLS", "run"]
