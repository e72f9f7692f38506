"""Running suites, writing their results, and comparing them with the pinned floors."""

from __future__ import annotations

import importlib
import json
import math
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

from eval.datasets import REPO_ROOT, available

FLOORS_PATH = Path(__file__).resolve().parent / "floors.json"
RESULTS_DIR = Path(__file__).resolve().parent / "results"
# A score equal to its floor passes; this slack absorbs float noise in the last digits only.
FLOAT_SLACK = 1e-9


@dataclass(frozen=True, slots=True)
class SuiteResult:
    name: str
    metrics: dict[str, float] = field(default_factory=dict)
    pages: list[dict[str, Any]] | None = None
    seconds: float = 0.0
    skipped: str | None = None  # why the suite did not run
    error: str | None = None  # the traceback when it crashed


@dataclass(frozen=True, slots=True)
class Check:
    key: str
    value: float | None
    floor: float
    ok: bool
    note: str = ""


def load_suite(module_path: str) -> ModuleType:
    return importlib.import_module(module_path)


def run_suite(name: str, module_path: str, datasets: Path) -> SuiteResult:
    """Run one suite; a missing data-set folder skips it, a crash is recorded, not raised."""
    started = time.perf_counter()
    try:
        module = load_suite(module_path)
        folder = getattr(module, "DATASET", None)
        if folder and not available(datasets / folder):
            return SuiteResult(name, skipped=f"data set {datasets / folder} not found")
        detailed: Callable[[Path], tuple[dict[str, float], list[dict[str, Any]]]] | None
        detailed = getattr(module, "run_detailed", None)
        if detailed is not None:
            metrics, pages = detailed(datasets)
        else:
            metrics, pages = module.run(datasets), None
        metrics = {str(k): float(v) for k, v in metrics.items()}
    except Exception:  # a crashing suite fails the gate with its traceback
        return SuiteResult(
            name, seconds=time.perf_counter() - started, error=traceback.format_exc()
        )
    return SuiteResult(name, metrics, pages, time.perf_counter() - started)


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def write_result(result: SuiteResult, datasets: Path, results_dir: Path = RESULTS_DIR) -> Path:
    """``<results_dir>/<suite>.json`` (metrics and run facts) and, when the suite gives them,
    ``<suite>.pages.json`` (one record per page, for finding what to fix)."""
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"{result.name}.json"
    summary = {
        "suite": result.name,
        "metrics": result.metrics,
        "seconds": round(result.seconds, 2),
        "datasets": str(datasets),
        "commit": _git_commit(),
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    path.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if result.pages is not None:
        pages_path = results_dir / f"{result.name}.pages.json"
        pages_path.write_text(
            json.dumps(result.pages, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return path


def load_floors(path: Path = FLOORS_PATH) -> dict[str, float]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data.items() if not str(k).startswith("_")}


def compare(
    results: Mapping[str, SuiteResult], floors: Mapping[str, float], registered: Iterable[str]
) -> list[Check]:
    """One check per floor. A floor fails when its suite is unknown, crashed, or lacks the
    metric, or when the score is below it; a skipped suite's floors pass with a note."""
    known = set(registered)
    checks = []
    for key, floor in sorted(floors.items()):
        suite, _, metric = key.partition(".")
        result = results.get(suite)
        if suite not in known:
            checks.append(Check(key, None, floor, False, "no such suite"))
        elif result is None:
            checks.append(Check(key, None, floor, True, "not run"))
        elif result.skipped:
            checks.append(Check(key, None, floor, True, "skipped"))
        elif result.error:
            checks.append(Check(key, None, floor, False, "suite crashed"))
        elif metric not in result.metrics:
            checks.append(Check(key, None, floor, False, "metric missing"))
        else:
            value = result.metrics[metric]
            ok = value + FLOAT_SLACK >= floor
            checks.append(Check(key, value, floor, ok, "" if ok else "BELOW FLOOR"))
    return checks


def format_metrics(results: Iterable[SuiteResult]) -> str:
    lines = ["| suite | metric | value |", "|---|---|---:|"]
    for result in results:
        if result.skipped:
            lines.append(f"| {result.name} | (skipped: {result.skipped}) | |")
        elif result.error:
            lines.append(f"| {result.name} | (crashed, see above) | |")
        else:
            for metric, value in result.metrics.items():
                shown = f"{value:.0f}" if value.is_integer() and value > 1 else f"{value:.4f}"
                lines.append(f"| {result.name} | {metric} | {shown} |")
            lines.append(f"| {result.name} | seconds | {result.seconds:.1f} |")
    return "\n".join(lines)


def format_checks(checks: Iterable[Check]) -> str:
    lines = ["| metric | value | floor | status |", "|---|---:|---:|---|"]
    for check in checks:
        value = "-" if check.value is None else f"{check.value:.4f}"
        status = ("ok" if check.ok else "FAIL") + (f" ({check.note})" if check.note else "")
        lines.append(f"| {check.key} | {value} | {check.floor:.4f} | {status} |")
    return "\n".join(lines)


def run_many(
    names: Iterable[str],
    suites: Mapping[str, str],
    datasets: Path,
    out: TextIO,
    results_dir: Path = RESULTS_DIR,
) -> dict[str, SuiteResult]:
    results = {}
    for name in names:
        print(f"running {name} ...", file=out, flush=True)
        result = run_suite(name, suites[name], datasets)
        if result.error:
            print(f"suite {name} crashed:\n{result.error}", file=out)
        elif result.skipped:
            print(f"suite {name} skipped: {result.skipped}", file=out)
        else:
            write_result(result, datasets, results_dir)
        results[name] = result
    return results


def gate(
    suites: Mapping[str, str],
    datasets: Path,
    floors_path: Path = FLOORS_PATH,
    out: TextIO = sys.stdout,
    results_dir: Path = RESULTS_DIR,
) -> int:
    """Run every suite and compare with the floors: 0 when all hold (or no data sets), else 1."""
    if not available(datasets):
        print(f"datasets not found at {datasets}, gate skipped", file=out)
        return 0
    floors = load_floors(floors_path)
    results = run_many(suites, suites, datasets, out, results_dir)
    print(format_metrics(results.values()), file=out)
    checks = compare(results, floors, suites)
    print("\n" + format_checks(checks), file=out)
    crashed = [r.name for r in results.values() if r.error]
    failed = [c.key for c in checks if not c.ok]
    if failed or crashed:
        print(f"\ngate FAILED: {', '.join(failed + [f'{n} crashed' for n in crashed])}", file=out)
        return 1
    print(f"\ngate passed: {len(checks)} floors hold", file=out)
    return 0


# The pinning rule (eval/FLOORS.md): a floor sits a margin below the measured value, rounded
# down to 3 decimals, never below 0. Headline figures (F1, accuracy, exact-match rates) get
# PIN_MARGIN: it lets harmless shifts through (one AEB page moves F1 by about 0.003) while a real
# regression fails. Precision and recall get SIDE_MARGIN: they guard against one side collapsing,
# and a tight floor on them would block a precision/recall trade-off that raises F1.
PIN_MARGIN = 0.005
SIDE_MARGIN = 0.02
SIDE_METRICS = frozenset({"precision", "recall"})


def margin_for(key: str) -> float:
    return SIDE_MARGIN if key.partition(".")[2] in SIDE_METRICS else PIN_MARGIN


def pinned(value: float, margin: float) -> float:
    return max(0.0, math.floor((value - margin) * 1000 + 1e-9) / 1000)


def pin(
    floors_path: Path,
    results_dir: Path,
    add: Iterable[str] = (),
    out: TextIO = sys.stdout,
    only: Iterable[str] = (),
) -> int:
    """Re-pin every floor in ``floors_path`` (and the ``add`` keys) from the results last written
    to ``results_dir``, or only those of the ``only`` suites; prints old -> new. Returns 1 when a
    result is missing."""
    data: dict[str, Any] = json.loads(floors_path.read_text(encoding="utf-8"))
    keys = sorted({k for k in data if not k.startswith("_")} | set(add))
    suites = set(only)
    if suites:
        keys = [k for k in keys if k.partition(".")[0] in suites]
    missing = []
    for key in keys:
        suite, _, metric = key.partition(".")
        path = results_dir / f"{suite}.json"
        metrics = json.loads(path.read_text(encoding="utf-8"))["metrics"] if path.exists() else {}
        if metric not in metrics:
            missing.append(key)
            continue
        new = pinned(float(metrics[metric]), margin_for(key))
        old = data.get(key)
        print(f"{key}: {old} -> {new} (measured {metrics[metric]:.4f})", file=out)
        data[key] = new
    ordered = {k: data[k] for k in sorted(data, key=lambda k: (not k.startswith("_"), k))}
    floors_path.write_text(json.dumps(ordered, indent=2) + "\n", encoding="utf-8")
    if missing:
        print(f"no result for: {', '.join(missing)} (run python -m eval run first)", file=out)
        return 1
    return 0
