"""`copydesk extract`: files, stdin, http(s) on a real 127.0.0.1 server, formats, errors."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from copydesk.cli import extract_cmd
from copydesk.cli.main import main

PAGE = (
    b"<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
    b"<p>The Elm Street bridge reopened to traffic on Friday after eight months of repairs, "
    b"city officials said.</p><h2>Detours end</h2><ul><li>Bus 12 returns to its route</li></ul>"
    b"<p>Cyclists get a painted lane on both sides of the bridge for the first time.</p>"
    b"</article></body></html>"
)


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE)
    return path


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/article":
            self._send(200, PAGE)
        elif self.path == "/gz":
            self._send(200, gzip.compress(PAGE), {"Content-Encoding": "gzip"})
        elif self.path == "/big":
            self._send(200, b"x", {"Content-Length": str(10**9)}, full=False)
        else:
            self._send(404, b"not here")

    def _send(
        self, status: int, body: bytes, headers: dict[str, str] | None = None, full: bool = True
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        headers = headers or {}
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if full:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["extract", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_one_file_prints_one_json_object(
    page_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([str(page_file), "--url", "https://city.example/bridge"], capsys)
    assert code == 0 and err == ""
    record = json.loads(out)
    assert record["url"] == "https://city.example/bridge"
    assert [b["kind"] for b in record["body"]] == ["paragraph", "heading", "list_item", "paragraph"]
    assert "source" not in record


def test_gzipped_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE))
    code, out, _ = run([str(path)], capsys)
    assert code == 0
    assert "Elm Street bridge" in json.loads(out)["text"]


def test_several_sources_print_json_lines_and_errors_do_not_stop(
    page_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.html"
    code, out, err = run([str(page_file), str(missing), str(page_file)], capsys)
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["source"] == str(page_file) for line in lines)
    assert err.count("\n") == 1 and str(missing) in err and "no such file" in err


def test_directory_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([str(tmp_path)], capsys)
    assert code == 1 and out == ""
    assert "is a directory" in err and "Traceback" not in err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(PAGE))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(["-", "--format", "text"], capsys)
    assert code == 0
    assert "The Elm Street bridge reopened" in out


def test_markdown_format(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([str(page_file), "--format", "markdown"], capsys)
    assert code == 0
    assert "## Detours end" in out and "- Bus 12 returns to its route" in out


def test_fetched_at_must_be_iso(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(page_file), "--fetched-at", "yesterday"])
    assert exc.value.code == 2
    assert "ISO 8601" in capsys.readouterr().err


def test_http_source(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([f"{server}/article"], capsys)
    assert code == 0
    record = json.loads(out)
    assert record["url"] == f"{server}/article"
    assert "Elm Street bridge" in record["text"]


def test_http_gzip_body(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([f"{server}/gz"], capsys)
    assert code == 0 and "Elm Street bridge" in json.loads(out)["text"]


def test_http_errors_are_one_line(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([f"{server}/missing", f"{server}/big"], capsys)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert "HTTP 404" in lines[0]
    assert "larger than" in lines[1]


def test_unreachable_host_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["http://127.0.0.1:9/nothing"], capsys)
    assert code == 1 and "cannot fetch" in err


def test_oversized_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(extract_cmd, "MAX_SOURCE_BYTES", 100)
    path = tmp_path / "big.html"
    path.write_bytes(PAGE)
    code, _, err = run([str(path)], capsys)
    assert code == 1 and "larger than" in err


def test_console_script_runs(page_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "copydesk", "extract", str(page_file), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["body"]
