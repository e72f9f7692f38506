"""`copydesk serve` as a user runs it: a real process on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from helpers_service import free_port, make_store


def _get(url: str, token: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_serve_command_end_to_end(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store.db", 10, cluster=False)
    port = free_port()
    env = {**os.environ, "COPYDESK_TOKEN": "letmein"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "copydesk",
            "serve",
            "--store",
            str(store),
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90  # a loaded CI machine imports slowly
        while True:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else b""
            try:
                status, body = _get(base + "/healthz")
                break
            except OSError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        assert status == 200 and json.loads(body)["store"] is True
        assert _get(base + "/articles?q=tidal")[0] == 401
        status, body = _get(base + "/articles?q=tidal", token="letmein")
        assert status == 200 and json.loads(body)["results"]
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(15)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(5)
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()
    assert proc.returncode == 0


def test_serve_command_refuses_bad_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from copydesk.cli.main import main

    assert main(["serve", "--port", "0"]) == 2
    assert "bad port" in capsys.readouterr().err
    assert main(["serve", "--store", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err
    assert main(["serve", "--trusted-proxy", "not-an-address"]) == 2
    assert "bad --trusted-proxy" in capsys.readouterr().err
