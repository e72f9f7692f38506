"""The one ASGI middleware in front of every route: security headers, per-client rate limit,
bearer-token check and the request body cap, in that order (so a client guessing tokens is slowed
down by the limiter, and nothing reads an oversized body).
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import math
from collections.abc import Callable, Mapping, Sequence
from http.cookies import SimpleCookie
from urllib.parse import quote

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from copydesk.service.ratelimit import RateLimiter

TOKEN_COOKIE = "copydesk_token"
# Paths reachable without the token: the liveness probe, and what the sign-in page needs.
OPEN_PATHS = frozenset({"/healthz", "/login", "/static/style.css"})
# The page's policy: no script at all, styles and forms from this origin only. Images may come
# from any https origin (article photos live on publishers' CDNs); they cannot run script.
PAGE_CSP = (
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' https: data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_BASE_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _presented_token(scope: Scope) -> str | None:
    auth = _header(scope, b"authorization")
    if auth:
        scheme, _, value = auth.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
    cookie = _header(scope, b"cookie")
    if cookie:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(cookie)
        except Exception:  # a malformed cookie header is just no token
            return None
        if TOKEN_COOKIE in jar:
            return jar[TOKEN_COOKIE].value
    return None


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Sequence[str]) -> tuple[Network, ...]:
    """Addresses or CIDR networks ("10.0.0.0/8", "::1") -> networks; ValueError on a bad one."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values)


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(value: str, networks: tuple[Network, ...]) -> bool:
    address = _address(value)
    return address is not None and any(address in network for network in networks)


def client_key(scope: Scope, trusted_proxies: tuple[Network, ...] = ()) -> str:
    """Whom the rate limit counts: the peer address, unless the peer is a trusted proxy.

    Behind a trusted proxy the client is the right-most X-Forwarded-For address that is not
    itself a trusted proxy: addresses further left were written by the client and can be
    forged, so they are never believed. A peer that is not trusted cannot speak for anyone else,
    so its header is ignored.
    """
    client = scope.get("client")
    peer = str(client[0]) if client else "unknown"
    if not trusted_proxies or not _trusted(peer, trusted_proxies):
        return peer
    forwarded = ",".join(
        value.decode("latin-1")
        for key, value in scope.get("headers", ())
        if key == b"x-forwarded-for"
    )
    for hop in reversed(forwarded.split(",")):
        if _address(hop) is None:
            return peer  # a garbled chain: count the proxy itself rather than guess
        if not _trusted(hop, trusted_proxies):
            return hop.strip()
    return peer


def _wants_html(scope: Scope) -> bool:
    accept = _header(scope, b"accept") or ""
    return "text/html" in accept


class Gate:
    """Wraps the FastAPI app. ``csp_for`` picks the Content-Security-Policy of a path."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limiter: RateLimiter,
        token: str | None,
        max_body_bytes: int,
        csp_for: Callable[[str], str],
        login_page: Callable[[str, str], str],
        trusted_proxies: tuple[Network, ...] = (),
    ) -> None:
        self.app = app
        self.trusted_proxies = trusted_proxies
        self.limiter = limiter
        self.token = token
        self.max_body_bytes = max_body_bytes
        self.csp_for = csp_for
        self.login_page = login_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "/")
        send = self._with_headers(send, self.csp_for(path))
        if path != "/healthz":
            wait = self.limiter.check(client_key(scope, self.trusted_proxies))
            if wait > 0:
                retry = str(max(1, math.ceil(wait)))
                await _problem(send, 429, "rate limit exceeded; slow down", {"retry-after": retry})
                return
        if self.token is not None and path not in OPEN_PATHS:
            presented = _presented_token(scope)
            if presented is None or not hmac.compare_digest(
                presented.encode("utf-8", "replace"), self.token.encode("utf-8")
            ):
                await self._unauthorized(scope, send, path)
                return
        declared = _header(scope, b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body_bytes
            except ValueError:
                await _problem(send, 400, "bad Content-Length header")
                return
            if too_big:
                await _problem(send, 413, f"request body over {self.max_body_bytes} bytes")
                return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            body = await _read_body(receive, self.max_body_bytes)
            if body is None:
                await _problem(send, 413, f"request body over {self.max_body_bytes} bytes")
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)

    async def _unauthorized(self, scope: Scope, send: Send, path: str) -> None:
        headers = {"www-authenticate": 'Bearer realm="copydesk"'}
        if _wants_html(scope):
            query = scope.get("query_string", b"").decode("latin-1")
            target = path + ("?" + query if query else "")
            page = self.login_page("Sign in", quote(target, safe="/?=&%"))
            await _respond(send, 401, page.encode("utf-8"), "text/html; charset=utf-8", headers)
            return
        await _problem(send, 401, "missing or wrong bearer token", headers)

    @staticmethod
    def _with_headers(send: Send, csp: str) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {k.lower() for k, _ in headers}
                for key, value in _BASE_HEADERS:
                    if key not in present:
                        headers.append((key, value))
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", csp.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        return wrapped


async def _read_body(receive: Receive, cap: int) -> bytes | None:
    """The whole request body, or None as soon as it passes ``cap`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > cap:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def _respond(
    send: Send, status: int, body: bytes, content_type: str, headers: Mapping[str, str]
) -> None:
    raw: list[tuple[bytes, bytes]] = [
        (b"content-type", content_type.encode("latin-1")),
        (b"content-length", str(len(body)).encode("latin-1")),
    ]
    raw += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


async def _problem(
    send: Send, status: int, detail: str, headers: Mapping[str, str] | None = None
) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    await _respond(send, status, body, "application/json", headers or {})
