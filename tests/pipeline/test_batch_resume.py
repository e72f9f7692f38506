"""Killing a batch mid-way and re-running it gives the output of a clean run; remote inputs;
the CLI; the Ray engine."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from copydesk.cli import batch_cmd
from copydesk.pipeline.runner import BatchOptions, run_local
from copydesk.pipeline.sandbox import Bounds
from copydesk.pipeline.shard import shard_name
from tests.pipeline.batchkit import (
    HANG_MARKER,
    fixture,
    misbehaving_step,
    serve_directory,
    write_mixed_warc,
    write_pages_warc,
)

REPO = Path(__file__).resolve().parents[2]
# Stats that measure the run rather than the data.
RUN_STATS = {"elapsed_s", "records_per_s", "worker_restarts", "worker_peak_rss_mb", "worker_cpu_s"}


def _snapshot(out: Path) -> dict[str, object]:
    """Everything a shard folder holds, comparable across runs."""
    snap: dict[str, object] = {}
    for path in sorted(out.iterdir()):
        if path.suffix == ".parquet":
            snap[path.name] = pq.read_table(path).to_pylist()
        elif path.name.endswith(".stats.json"):
            stats = json.loads(path.read_text())
            snap[path.name] = {k: v for k, v in stats.items() if k not in RUN_STATS}
        else:
            snap[path.name] = path.read_text()
    return snap


def _warcs(root: Path) -> list[str]:
    page = fixture("wire_story.html")
    paths = []
    for i in range(3):
        path = root / f"part{i}.warc.gz"
        bodies = [page, fixture("local_news.html"), fixture("business_brief.html")] * 2
        if i == 1:  # the second shard holds a page that hangs the extractor
            bodies.insert(3, page.replace(b"<body>", b"<body>" + HANG_MARKER))
        write_pages_warc(path, bodies)
        paths.append(str(path))
    return paths


def test_kill_mid_way_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    warcs = _warcs(tmp_path)
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    code = "import sys; from tests.pipeline.batchkit import batch_main; batch_main(sys.argv[1:])"
    # A long bound: the run sits on the hanging page in shard 2 until we kill it.
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(killed), "120", *warcs],
        cwd=REPO,
        start_new_session=True,
        stderr=subprocess.DEVNULL,
    )
    try:
        first_done = killed / f"{shard_name(warcs[0])}.done"
        second_tmp = killed / f"{shard_name(warcs[1])}.parquet.tmp"
        deadline = time.monotonic() + 60
        while not (first_done.exists() and second_tmp.exists()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert first_done.exists() and second_tmp.exists()
        assert proc.poll() is None
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert not (killed / f"{shard_name(warcs[1])}.done").exists()
    options = BatchOptions(
        out_dir=killed, workers=2, step=misbehaving_step, bounds=Bounds(timeout_s=1.0)
    )
    resumed = run_local(warcs, options)
    assert [r.status for r in resumed] == ["skipped", "done", "done"]
    run_local(
        warcs,
        BatchOptions(out_dir=clean, workers=2, step=misbehaving_step, bounds=Bounds(timeout_s=1.0)),
    )
    for leftover in killed.glob("*.tmp"):
        leftover.unlink()  # the killed run's temporaries are overwritten, never published
    assert _snapshot(killed) == _snapshot(clean)
    assert "timeout" in (clean / f"{shard_name(warcs[1])}.rejects.jsonl").read_text()


def test_remote_inputs_through_a_list_file(tmp_path: Path) -> None:
    write_mixed_warc(tmp_path / "r1.warc.gz")
    write_mixed_warc(tmp_path / "r2.warc", compression="file")
    (tmp_path / "warc.paths").write_text("r1.warc.gz\nr2.warc\n")
    local = run_local([str(tmp_path / "r1.warc.gz")], BatchOptions(out_dir=tmp_path / "local"))
    with serve_directory(tmp_path) as base:
        parser = argparse.ArgumentParser()
        batch_cmd.register(parser.add_subparsers())
        args = parser.parse_args(
            [
                "batch",
                f"{base}/warc.paths",
                "--prefix",
                base,
                "--out",
                str(tmp_path / "remote"),
                "--quiet",
            ]
        )
        assert args.func(args) == 0
        remote_name = shard_name(f"{base}/r1.warc.gz")
    remote_rows = pq.read_table(tmp_path / "remote" / f"{remote_name}.parquet").to_pylist()
    local_rows = pq.read_table(tmp_path / "local" / f"{local[0].name}.parquet").to_pylist()
    assert [r["text"] for r in remote_rows] == [r["text"] for r in local_rows]
    assert remote_rows[0]["warc_file"] == f"{base}/r1.warc.gz"
    assert len(list((tmp_path / "remote").glob("*.done"))) == 2


def test_cli_batch_summary_and_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_mixed_warc(tmp_path / "c.warc.gz")
    parser = argparse.ArgumentParser()
    batch_cmd.register(parser.add_subparsers())
    argv = [
        "batch",
        str(tmp_path),
        "--out",
        str(tmp_path / "out"),
        "--workers",
        "2",
        "--since",
        "2024-03-04",
        "--until",
        "2024-03-04",
    ]
    args = parser.parse_args(argv)
    assert args.func(args) == 0
    err = capsys.readouterr().err
    assert "1 done" in err and "6 articles" in err and '"revisit": 1' in err
    args = parser.parse_args(["batch", str(tmp_path / "missing.warc.gz"), *argv[2:4]])
    assert args.func(args) == 1
    assert "failed" in capsys.readouterr().err


def test_ray_engine_matches_local(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'copydesk[ray]'")
    from copydesk.pipeline.ray_engine import run_ray

    paths = []
    for i in range(3):
        path = tmp_path / f"ray{i}.warc.gz"
        write_mixed_warc(path, start=i * 10)
        paths.append(str(path))
    ray_results = run_ray(paths, BatchOptions(out_dir=tmp_path / "ray", workers=2))
    assert [r.status for r in ray_results] == ["done"] * 3
    run_local(paths, BatchOptions(out_dir=tmp_path / "local", workers=2))
    assert _snapshot(tmp_path / "ray") == _snapshot(tmp_path / "local")
    again = run_ray(paths, BatchOptions(out_dir=tmp_path / "ray", workers=2))
    assert [r.status for r in again] == ["skipped"] * 3


def test_a_connection_cut_mid_file_fails_the_shard_for_a_retry(tmp_path: Path) -> None:
    import http.server
    import threading

    warc = tmp_path / "cut.warc.gz"
    write_pages_warc(warc, [fixture("wire_story.html"), fixture("local_news.html")] * 20)
    data = warc.read_bytes()

    class Cut(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])  # then the connection closes

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Cut)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/cut.warc.gz"
        [result] = run_local([url], BatchOptions(out_dir=tmp_path / "out"))
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert result.status == "failed" and "read failed" in (result.error or "")
    assert not list((tmp_path / "out").glob("*.done"))
    assert not list((tmp_path / "out").glob("*.parquet"))
