"""`copydesk extract SOURCE...`: pages (files, stdin, http(s) URLs) to Article records.

One source prints one JSON object; several print JSON Lines, each with a ``source`` key. A source
that cannot be read is reported on stderr in one line and the others still run; the exit status
is 1 when any source failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from copydesk.api import INPUT_KINDS, extract
from copydesk.errors import FetchError, SourceError
from copydesk.model import Article

FORMATS = ("json", "jsonl", "markdown", "text")
# A source larger than this is refused rather than read: the extractor only looks at the first
# 5 M characters anyway, and a 1 GB file must not fill memory. 64 MB admits every real page.
MAX_SOURCE_BYTES = 64 * 1024 * 1024
# HTTP: whole-request timeout (seconds) and body cap. A news page is 50 KB-2 MB; 30 s is what
# polite crawlers allow. The cap is on the bytes as received and again after gunzip.
FETCH_TIMEOUT_SECONDS = 30.0
MAX_FETCH_BYTES = 20 * 1024 * 1024
USER_AGENT = "copydesk/0.1 (+https://github.com/copydesk; single-page extract)"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract article records from pages (files, -, http(s) URLs)",
        description="Extract one Article record per page. SOURCE is a file (.html, .htm, "
        ".html.gz, any bytes), '-' for standard input, or an http(s) URL.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE")
    parser.add_argument("--url", help="the page's URL (for a file or stdin)")
    parser.add_argument(
        "--fetched-at", type=_parse_time, help="when the page was fetched (ISO 8601)"
    )
    parser.add_argument("--input", choices=INPUT_KINDS, default="auto", help="page kind")
    parser.add_argument("--format", choices=FORMATS, default=None, help="output format")
    parser.set_defaults(func=run)


def _parse_time(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}") from None


def run(args: argparse.Namespace) -> int:
    sources: list[str] = args.sources
    fmt: str = args.format or ("json" if len(sources) == 1 else "jsonl")
    failed = 0
    out = sys.stdout
    for source in sources:
        try:
            data, source_url = read_source(source)
        except SourceError as exc:
            print(f"copydesk extract: {source}: {exc}", file=sys.stderr)
            failed += 1
            continue
        article = extract(
            data, url=args.url or source_url, fetched_at=args.fetched_at, input=args.input
        )
        out.write(render(article, fmt, source=source if len(sources) > 1 else None))
        out.flush()
    return 1 if failed else 0


# --- reading sources --------------------------------------------------------------------------


def read_source(source: str) -> tuple[bytes, str | None]:
    """The bytes of a source and, for URLs, the final URL. Raises SourceError."""
    if source == "-":
        return _cap(sys.stdin.buffer.read(MAX_SOURCE_BYTES + 1), source), None
    if source.startswith(("http://", "https://")):
        return fetch_url(source)
    path = Path(source)
    try:
        with path.open("rb") as handle:
            data = _cap(handle.read(MAX_SOURCE_BYTES + 1), source)
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None
    if data.startswith(b"\x1f\x8b"):
        data = _gunzip(data)
    return data, None


def _cap(data: bytes, source: str) -> bytes:
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB")
    return data


def _gunzip(data: bytes) -> bytes:
    """Gunzip with a cap on the output (a small bomb must not fill memory)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_SOURCE_BYTES + 1)
    except zlib.error as exc:
        raise SourceError(f"broken gzip data ({exc})") from None
    if len(out) > MAX_SOURCE_BYTES or inflater.unconsumed_tail:
        raise SourceError(f"decompresses to more than {MAX_SOURCE_BYTES // (1024 * 1024)} MB")
    return out


def fetch_url(url: str) -> tuple[bytes, str]:
    """GET an http(s) URL with a timeout and a size cap. Raises FetchError with a clear reason."""
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"}
    )
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_FETCH_BYTES:
                raise FetchError(f"response larger than {MAX_FETCH_BYTES // (1024 * 1024)} MB")
            body = response.read(MAX_FETCH_BYTES + 1)
            if len(body) > MAX_FETCH_BYTES:
                raise FetchError(f"response larger than {MAX_FETCH_BYTES // (1024 * 1024)} MB")
            if (response.headers.get("Content-Encoding") or "").lower() == "gzip":
                body = _gunzip(body)
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"cannot fetch: {exc.reason}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {FETCH_TIMEOUT_SECONDS:g} s") from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"cannot fetch: {exc}") from None
    return body, final_url


# --- rendering ---------------------------------------------------------------------------------


def render(article: Article, fmt: str, source: str | None = None) -> str:
    renderer: Callable[[Article, str | None], str] = _RENDERERS[fmt]
    return renderer(article, source)


def _json(article: Article, source: str | None) -> str:
    record: dict[str, Any] = ({"source": source} if source else {}) | article.to_dict()
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def _jsonl(article: Article, source: str | None) -> str:
    record: dict[str, Any] = ({"source": source} if source else {}) | article.to_dict()
    return json.dumps(record, ensure_ascii=False) + "\n"


def _markdown(article: Article, source: str | None) -> str:
    lines: list[str] = []
    if source:
        lines.append(f"<!-- source: {source} -->")
    if article.title:
        lines += [f"# {article.title}", ""]
    meta = []
    if article.authors:
        meta.append("By " + ", ".join(article.authors))
    if article.published:
        meta.append(article.published.isoformat())
    if meta:
        lines += ["*" + " · ".join(meta) + "*", ""]
    for i, block in enumerate(article.body):
        if block.kind == "heading":
            lines.append(f"## {block.text}")
        elif block.kind == "quote":
            lines.append("> " + block.text)
        elif block.kind == "list_item":
            lines.append("- " + block.text)
        elif block.kind == "preformatted":
            lines.append("```\n" + block.text + "\n```")
        elif block.kind == "table":
            lines.append(_markdown_table(block.text))
        else:
            lines.append(block.text)
        following = article.body[i + 1] if i + 1 < len(article.body) else None
        if not (block.kind == "list_item" and following and following.kind == "list_item"):
            lines.append("")  # consecutive list items form one list
    return "\n".join(lines).rstrip("\n") + "\n\n"


def _markdown_table(text: str) -> str:
    rows = [row.split(" | ") for row in text.split("\n")]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(out)


def _text(article: Article, source: str | None) -> str:
    head = f"== {source}\n" if source else ""
    return head + (article.title + "\n\n" if article.title else "") + article.text + "\n\n"


_RENDERERS: dict[str, Callable[[Article, str | None], str]] = {
    "json": _json,
    "jsonl": _jsonl,
    "markdown": _markdown,
    "text": _text,
}
