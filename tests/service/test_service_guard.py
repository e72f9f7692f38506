"""The SSRF guard: address policy, per-hop checks on redirects, the resolver filter."""

from __future__ import annotations

import asyncio
import socket

import pytest
from helpers_service import LocalSite

from copydesk.errors import FetchError
from copydesk.service.guard import (
    BlockedURL,
    GuardedResolver,
    _BlockedAddress,
    address_allowed,
    check_host_resolves_public,
    check_url_shape,
    fetch_page,
)


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False),
        ("127.8.9.10", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),  # carrier-grade NAT: shared, not global
        ("0.0.0.0", False),
        ("224.0.0.251", False),
        ("239.255.255.250", False),
        ("255.255.255.255", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("::", False),
        ("not-an-ip", False),
    ],
)
def test_address_policy(host: str, ok: bool) -> None:
    assert address_allowed(host) is ok


def test_url_shape() -> None:
    public = address_allowed
    assert check_url_shape("  https://example.com/a ", address_ok=public) == "https://example.com/a"
    for bad in (
        "",
        "x" * 5000,
        "ftp://a/",
        "file:///etc/passwd",
        "http:///nohost",
        "http://127.0.0.1/",
        "http://[::1]:80/",
        "http://a:99999/",
    ):
        with pytest.raises(BlockedURL):
            check_url_shape(bad, address_ok=public)


def _fetch(url: str, **kw: object) -> object:
    params: dict[str, object] = {
        "allow_private": False,
        "max_bytes": 1 << 20,
        "timeout_s": 5.0,
        "max_redirects": 3,
    }
    params.update(kw)
    return asyncio.run(fetch_page(url, **params))  # type: ignore[arg-type]


def test_every_redirect_hop_is_checked(local_site: LocalSite) -> None:
    # A policy that allows exactly the test server's address stands in for "public": the first
    # hop is allowed, the redirect to another (refused) address must be stopped before connecting.
    only_site = {"127.0.0.1"}.__contains__
    page = _fetch(local_site.base + "/article.html", address_ok=only_site)
    assert page.url.endswith("/article.html")  # type: ignore[attr-defined]
    before = local_site.hits["/secret"]
    for target in (
        f"http://127.0.0.2:{local_site.port}/secret",
        f"http://[::1]:{local_site.port}/secret",
        "http://169.254.169.254/secret",
    ):
        with pytest.raises(BlockedURL):
            _fetch(f"{local_site.base}/redirect?to={target}", address_ok=only_site)
    # a redirect to a name is checked by the resolver: a policy that allows only the first
    # address it is asked about lets the first hop through and refuses what localhost resolves to
    asked: list[str] = []

    def first_only(ip: str) -> bool:
        asked.append(ip)
        return len(asked) == 1

    with pytest.raises(BlockedURL):
        _fetch(
            f"{local_site.base}/redirect?to=http://localhost:{local_site.port}/secret",
            address_ok=first_only,
        )
    assert len(asked) > 1  # the resolver consulted the policy on the second hop
    assert local_site.hits["/secret"] == before


def test_resolver_drops_refused_addresses() -> None:
    async def resolve(policy: object) -> list[str]:
        resolver = GuardedResolver(address_ok=policy)  # type: ignore[arg-type]
        try:
            return [r["host"] for r in await resolver.resolve("localhost", 80, socket.AF_UNSPEC)]
        finally:
            await resolver.close()

    assert "127.0.0.1" in asyncio.run(resolve(lambda _ip: True))
    assert asyncio.run(resolve(lambda ip: ip == "127.0.0.1")) == ["127.0.0.1"]
    with pytest.raises(_BlockedAddress):
        asyncio.run(resolve(address_allowed))


def test_seed_check_resolves_names() -> None:
    with pytest.raises(BlockedURL):
        asyncio.run(check_host_resolves_public("http://localhost/feed", allow_private=False))
    asyncio.run(check_host_resolves_public("http://localhost/feed", allow_private=True))
    with pytest.raises(FetchError):
        asyncio.run(check_host_resolves_public("http://no-such-host.invalid/", allow_private=False))
