"""The gate: skips cleanly without data sets, passes at or above its floors, fails below one,
and fails on a crashed suite or a floor naming a missing metric."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from eval.datasets import ENV_VAR, datasets_dir, read_page
from eval.harness import gate, pin

REPO = Path(__file__).resolve().parents[2]
FAKE = "fake_eval_suite_for_tests"


def _fake_suite(
    monkeypatch: pytest.MonkeyPatch, score: float, crash: bool = False
) -> dict[str, str]:
    module = types.ModuleType(FAKE)

    def run(datasets: Path) -> dict[str, float]:
        if crash:
            raise RuntimeError("suite blew up")
        # Reads the data set like a real suite, so the path handed over is checked too.
        return {"f1": score * len((datasets / "fake" / "page.txt").read_text())}

    module.run = run  # type: ignore[attr-defined]
    module.DATASET = "fake"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, FAKE, module)
    return {"fake": FAKE}


def _datasets(tmp_path: Path) -> Path:
    root = tmp_path / "datasets"
    (root / "fake").mkdir(parents=True)
    (root / "fake" / "page.txt").write_text("x")
    return root


def _floors(tmp_path: Path, floors: dict[str, float]) -> Path:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(floors))
    return path


def _gate(suites: dict[str, str], datasets: Path, floors: Path, tmp_path: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = gate(suites, datasets, floors, out, tmp_path / "results")
    return code, out.getvalue()


def test_gate_skips_without_datasets(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "eval", "gate"],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", ENV_VAR: str(empty)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"datasets not found at {empty}, gate skipped" in proc.stdout


def test_gate_passes_at_or_above_floor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    suites = _fake_suite(monkeypatch, 0.8)
    code, out = _gate(suites, _datasets(tmp_path), _floors(tmp_path, {"fake.f1": 0.8}), tmp_path)
    assert code == 0, out
    assert "| fake.f1 | 0.8000 | 0.8000 | ok |" in out
    written = json.loads((tmp_path / "results" / "fake.json").read_text())
    assert written["metrics"] == {"f1": 0.8}


def test_gate_fails_below_floor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    suites = _fake_suite(monkeypatch, 0.8)
    code, out = _gate(suites, _datasets(tmp_path), _floors(tmp_path, {"fake.f1": 0.81}), tmp_path)
    assert code == 1
    assert "BELOW FLOOR" in out and "gate FAILED: fake.f1" in out


def test_gate_fails_on_crash_missing_metric_or_unknown_suite(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    datasets = _datasets(tmp_path)
    crashing = _fake_suite(monkeypatch, 0.8, crash=True)
    code, out = _gate(crashing, datasets, _floors(tmp_path, {"fake.f1": 0.1}), tmp_path)
    assert code == 1 and "suite blew up" in out
    healthy = _fake_suite(monkeypatch, 0.8)
    code, out = _gate(healthy, datasets, _floors(tmp_path, {"fake.recall": 0.1}), tmp_path)
    assert code == 1 and "metric missing" in out
    code, out = _gate(healthy, datasets, _floors(tmp_path, {"gone.f1": 0.1}), tmp_path)
    assert code == 1 and "no such suite" in out


def test_suite_whose_data_set_is_absent_is_skipped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    suites = _fake_suite(monkeypatch, 0.8)
    other = tmp_path / "other"
    (other / "unrelated").mkdir(parents=True)
    code, out = _gate(suites, other, _floors(tmp_path, {"fake.f1": 0.9}), tmp_path)
    assert code == 0
    assert "suite fake skipped" in out and "ok (skipped)" in out


def test_datasets_dir_default_and_override(tmp_path: Path) -> None:
    assert datasets_dir({}) == (REPO.parent / "shared" / "datasets").resolve()
    assert datasets_dir({ENV_VAR: str(tmp_path)}) == tmp_path.resolve()


def test_read_page_gunzips_to_raw_bytes(tmp_path: Path) -> None:
    raw = "<meta charset=latin-1><p>Café".encode("latin-1")
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(raw))
    (tmp_path / "p.html").write_bytes(raw)
    assert read_page(tmp_path / "p.html.gz") == raw
    assert read_page(tmp_path / "p.html") == raw


def test_registered_floors_name_registered_suites() -> None:
    from eval.harness import load_floors
    from eval.suites import SUITES

    for key in load_floors():
        assert key.partition(".")[0] in SUITES, key


def test_pin_sets_floors_below_measured_by_the_rule(tmp_path: Path) -> None:
    results = tmp_path / "results"
    results.mkdir()
    metrics = {"f1": 0.9511, "precision": 0.9278, "recall": 0.0012}
    (results / "s.json").write_text(json.dumps({"metrics": metrics}))
    floors = _floors(tmp_path, {"_comment": "kept", "s.f1": 0.5})
    out = io.StringIO()
    assert pin(floors, results, ["s.precision", "s.recall"], out) == 0
    written = json.loads(floors.read_text())
    assert written == {"_comment": "kept", "s.f1": 0.946, "s.precision": 0.907, "s.recall": 0.0}
    assert all(written[k] <= metrics[k.partition(".")[2]] for k in written if k[0] != "_")
    assert pin(floors, results, ["s.gone"], out) == 1


def test_a_page_over_the_time_limit_is_scored_empty_not_fatal() -> None:
    from eval.suites._common import extract_page

    page = ("<html><body>" + "<p>A sentence of a long article body.</p>" * 5000).encode()
    slow = extract_page(page, None, timeout=0.001)
    assert slow.article is None and slow.error is not None and "PageTimeout" in slow.error
    fine = extract_page(b"<html><body><p>Short.</p></body></html>", None)
    assert fine.article is not None and fine.error is None and fine.ms > 0


def test_pin_can_leave_other_suites_floors_alone(tmp_path: Path) -> None:
    results = tmp_path / "results"
    results.mkdir()
    (results / "mine.json").write_text(json.dumps({"metrics": {"f1": 0.9}}))
    floors = _floors(tmp_path, {"mine.f1": 0.5, "theirs.f1": 0.7})
    assert pin(floors, results, (), io.StringIO(), only=["mine"]) == 0
    assert json.loads(floors.read_text()) == {"mine.f1": 0.895, "theirs.f1": 0.7}
