"""One small threaded HTTP server for the tests that play a web site on a loopback address
(the crawler's address guard, the service's fetches): start, serve in a daemon thread, stop."""

from __future__ import annotations

import contextlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing and replies with one call."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def reply(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client may hang up early (size caps)
            self.wfile.write(body)


class ThreadedServer:
    """``handler`` served on ``address`` at a free port, from construction until ``stop()``."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], address: str = "127.0.0.1") -> None:
        self.server = ThreadingHTTPServer((address, 0), handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://{address}:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
