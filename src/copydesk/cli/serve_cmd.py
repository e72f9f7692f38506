"""`copydesk serve`: the HTTP API and web page (FastAPI app run by uvicorn)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

TOKEN_ENV = "COPYDESK_TOKEN"


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "serve",
        help="serve the HTTP API and the web page",
        description="Serve the HTTP API (OpenAPI at /docs) and the web page: search, reader, "
        "extraction playground, stories.",
    )
    parser.add_argument("--store", type=Path, help="article store (SQLite file) to search/serve")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--token",
        help=f"require this bearer token for everything but /healthz (default: ${TOKEN_ENV})",
    )
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="let /extract and /crawl fetch private, loopback and link-local addresses "
        "(local use only)",
    )
    parser.add_argument(
        "--rate", type=float, default=None, help="requests per second per client (default 20)"
    )
    parser.add_argument("--burst", type=int, default=None, help="burst per client (default 40)")
    parser.add_argument(
        "--max-body", type=int, default=None, help="largest request body in bytes (default 8 MiB)"
    )
    parser.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="CIDR",
        help="a reverse proxy (address or network) whose X-Forwarded-For names the client "
        "for the rate limit; repeatable (default: none, the peer address is the client)",
    )
    parser.add_argument("--log-level", default="info", help="uvicorn log level (default info)")
    parser.set_defaults(func=run)


def build_settings(args: argparse.Namespace) -> Any:
    from copydesk.service.settings import Settings

    defaults = Settings()
    token = args.token if args.token is not None else os.environ.get(TOKEN_ENV) or None
    return Settings(
        store=args.store,
        token=token,
        allow_private=bool(args.allow_private),
        rate_per_s=args.rate if args.rate is not None else defaults.rate_per_s,
        rate_burst=args.burst if args.burst is not None else defaults.rate_burst,
        max_body_bytes=args.max_body if args.max_body is not None else defaults.max_body_bytes,
        trusted_proxies=tuple(args.trusted_proxy),
    )


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from copydesk.service import create_app
    from copydesk.service.gate import parse_networks

    if not 0 < args.port < 65536:
        print(f"copydesk serve: bad port {args.port}", file=sys.stderr)
        return 2
    settings = build_settings(args)
    try:
        parse_networks(settings.trusted_proxies)
    except ValueError as exc:
        print(f"copydesk serve: bad --trusted-proxy: {exc}", file=sys.stderr)
        return 2
    if settings.store is not None and settings.store.is_dir():
        print(f"copydesk serve: {settings.store} is a directory, not a store file", file=sys.stderr)
        return 2
    app = create_app(settings)
    if args.host not in ("127.0.0.1", "localhost", "::1") and settings.token is None:
        print(
            f"copydesk serve: warning: listening on {args.host} without a token "
            f"(--token or ${TOKEN_ENV})",
            file=sys.stderr,
        )
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    except OSError as exc:
        print(f"copydesk serve: {exc}", file=sys.stderr)
        return 1
    return 0
