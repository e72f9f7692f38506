"""The gate in front of every route: token, rate limit, body cap, security headers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from copydesk.service import Settings, create_app
from copydesk.service.gate import PAGE_CSP, Gate, client_key, parse_networks
from copydesk.service.ratelimit import RateLimiter, TokenBucket


def test_token_protects_everything_but_healthz(make_client: Callable[..., TestClient]) -> None:
    client = make_client(token="s3cret")
    assert client.get("/healthz").status_code == 200
    for method, path in (
        ("GET", "/articles"),
        ("GET", "/"),
        ("GET", "/docs"),
        ("GET", "/openapi.json"),
        ("POST", "/extract"),
        ("GET", "/playground"),
    ):
        r = client.request(method, path)
        assert r.status_code == 401, path
        assert r.headers["www-authenticate"].startswith("Bearer")
    wrong = {"authorization": "Bearer nope"}
    assert client.post("/extract", json={"text": "x"}, headers=wrong).status_code == 401
    right = {"authorization": "Bearer s3cret"}
    assert client.post("/extract", json={"text": "x"}, headers=right).status_code == 200


def test_browser_sign_in_sets_a_cookie(make_client: Callable[..., TestClient]) -> None:
    client = make_client(token="s3cret")
    page = client.get("/playground", headers={"accept": "text/html"})
    assert page.status_code == 401 and 'action="/login"' in page.text
    bad = client.post("/login", data={"token": "guess", "next": "/playground"})
    assert bad.status_code == 401
    r = client.post(
        "/login", data={"token": "s3cret", "next": "/playground"}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"] == "/playground"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert client.get("/playground").status_code == 200  # the client kept the cookie
    # an open redirect through `next` is not possible
    r = client.post(
        "/login", data={"token": "s3cret", "next": "//evil.example/"}, follow_redirects=False
    )
    assert r.headers["location"] == "/"


def test_token_from_environment_reaches_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from copydesk.cli import serve_cmd

    parser = argparse.ArgumentParser()
    serve_cmd.register(parser.add_subparsers())
    monkeypatch.setenv("COPYDESK_TOKEN", "from-env")
    args = parser.parse_args(["serve", "--port", "8123"])
    assert serve_cmd.build_settings(args).token == "from-env"
    args = parser.parse_args(["serve", "--token", "flag", "--allow-private"])
    settings = serve_cmd.build_settings(args)
    assert settings.token == "flag" and settings.allow_private is True
    monkeypatch.delenv("COPYDESK_TOKEN")
    assert serve_cmd.build_settings(parser.parse_args(["serve"])).token is None


def test_rate_limit_answers_429_with_retry_after(make_client: Callable[..., TestClient]) -> None:
    client = make_client(rate_per_s=0.5, rate_burst=3)
    codes = [client.get("/openapi.json").status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429]
    r = client.get("/openapi.json")
    assert int(r.headers["retry-after"]) >= 1
    assert client.get("/healthz").status_code == 200  # the probe is never limited


def test_each_app_has_its_own_limiter(make_client: Callable[..., TestClient]) -> None:
    first = make_client(rate_per_s=0.01, rate_burst=1)
    second = make_client(rate_per_s=0.01, rate_burst=1)
    assert first.get("/openapi.json").status_code == 200
    assert first.get("/openapi.json").status_code == 429
    assert second.get("/openapi.json").status_code == 200


def test_token_bucket_refills_at_its_rate() -> None:
    now = [100.0]
    limiter = RateLimiter(2.0, 2, clock=lambda: now[0])
    assert limiter.check("a") == 0.0 and limiter.check("a") == 0.0
    wait = limiter.check("a")
    assert wait == pytest.approx(0.5)
    assert limiter.check("b") == 0.0  # clients do not share buckets
    now[0] += 0.5
    assert limiter.check("a") == 0.0
    bucket = TokenBucket(rate=1.0, burst=5.0, tokens=0.0, stamp=0.0)
    assert bucket.take(1000.0) == 0.0 and bucket.tokens == pytest.approx(4.0)  # capped at burst


def test_rate_limiter_forgets_old_clients() -> None:
    limiter = RateLimiter(1.0, 1, clock=lambda: 0.0, max_clients=3)
    for client in "abcd":
        limiter.check(client)
    assert limiter.check("a") == 0.0  # "a" was evicted, so it starts with a full bucket
    assert limiter.check("d") > 0.0


def test_body_cap_by_content_length(make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_body_bytes=1000)
    r = client.post("/extract", json={"html": "x" * 2000})
    assert r.status_code == 413
    assert "1000 bytes" in r.json()["detail"]
    assert client.post("/extract", json={"html": "x" * 100}).status_code == 200


def _run_gate(messages: list[dict[str, Any]], cap: int) -> tuple[int, bool]:
    """Drive the gate with a streamed (chunked, no Content-Length) body."""
    reached = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        reached.append(await receive())
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    gate = Gate(
        app,
        limiter=RateLimiter(100, 100),
        token=None,
        max_body_bytes=cap,
        csp_for=lambda _p: PAGE_CSP,
        login_page=lambda _h, _n: "",
    )
    sent: list[dict[str, Any]] = []
    queue = list(messages)

    async def receive() -> dict[str, Any]:
        return queue.pop(0) if queue else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/extract",
        "headers": [],
        "client": ("127.0.0.1", 1),
    }
    asyncio.run(gate(scope, receive, send))
    headers = dict(sent[0]["headers"])
    assert headers[b"content-security-policy"] == PAGE_CSP.encode()
    return sent[0]["status"], bool(reached)


def test_body_cap_on_a_streamed_body() -> None:
    chunk = {"type": "http.request", "body": b"x" * 400, "more_body": True}
    last = {"type": "http.request", "body": b"x" * 400, "more_body": False}
    assert _run_gate([chunk, chunk, last], cap=1000) == (413, False)
    assert _run_gate([chunk, last], cap=1000) == (200, True)


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/playground", "/healthz", "/openapi.json", "/nowhere"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'none'" in csp and "default-src 'none'" in csp, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def _scope(peer: str, *forwarded: str) -> dict[str, Any]:
    headers = [(b"x-forwarded-for", value.encode()) for value in forwarded]
    return {"type": "http", "client": (peer, 4242), "headers": headers}


def test_client_key_believes_forwarded_for_only_from_trusted_proxies() -> None:
    proxies = parse_networks(["10.0.0.0/8", "::1"])
    # No trusted proxies configured: the peer, whatever the header says.
    assert client_key(_scope("203.0.113.9", "198.51.100.1")) == "203.0.113.9"
    # An untrusted peer cannot speak for anyone else.
    assert client_key(_scope("203.0.113.9", "198.51.100.1"), proxies) == "203.0.113.9"
    # Behind a trusted proxy: the right-most address that is not a proxy; the forged left part
    # ("1.2.3.4", written by the client itself) is never believed.
    assert client_key(_scope("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3"), proxies) == (
        "198.51.100.7"
    )
    assert client_key(_scope("::1", "198.51.100.7"), proxies) == "198.51.100.7"
    # Several header lines are one list, in order.
    assert client_key(_scope("10.0.0.2", "1.2.3.4", "198.51.100.8"), proxies) == "198.51.100.8"
    # No header, an all-proxy chain or a garbled one: the proxy itself is the client.
    assert client_key(_scope("10.0.0.2"), proxies) == "10.0.0.2"
    assert client_key(_scope("10.0.0.2", "10.1.1.1"), proxies) == "10.0.0.2"
    assert client_key(_scope("10.0.0.2", "198.51.100.7, <script>"), proxies) == "10.0.0.2"
    with pytest.raises(ValueError):
        parse_networks(["10.0.0.0/33"])


def test_rate_limit_counts_clients_behind_a_trusted_proxy() -> None:
    settings = Settings(rate_per_s=0.01, rate_burst=1, trusted_proxies=("10.0.0.0/8",))
    with TestClient(create_app(settings), client=("10.0.0.2", 5000)) as proxy:
        first = {"x-forwarded-for": "198.51.100.1"}
        second = {"x-forwarded-for": "198.51.100.2"}
        assert proxy.get("/openapi.json", headers=first).status_code == 200
        assert proxy.get("/openapi.json", headers=first).status_code == 429
        assert proxy.get("/openapi.json", headers=second).status_code == 200  # its own bucket
    with TestClient(create_app(settings), client=("203.0.113.5", 5000)) as direct:
        # Not a trusted proxy: a new forged header each time does not buy a new bucket.
        assert direct.get("/openapi.json", headers=first).status_code == 200
        assert direct.get("/openapi.json", headers=second).status_code == 429
