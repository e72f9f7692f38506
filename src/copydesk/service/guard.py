"""Fetching a URL on a user's behalf without letting them reach our own network (SSRF guard).

A URL given to ``/extract`` or ``/crawl`` is refused when its host is, or resolves to, a private,
loopback, link-local, multicast or otherwise non-global address. The check sits in the DNS
resolver the HTTP client connects through, so the address checked is the address connected to
(no time-of-check/time-of-use gap for DNS rebinding), and redirects are followed by hand so that
every hop goes through the same check. ``allow_private`` turns the guard off for local use.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

from copydesk.errors import FetchError
from copydesk.fetch.http import AddressRefused

# Longest URL accepted: browsers and servers cut around 8 KB; real article URLs stay below 2 KB.
MAX_URL_CHARS = 4096
# Content types treated as pages. Servers often send no type or a generic one for HTML, so those
# pass too; images, PDFs, video and the like are refused before their bodies are read.
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
GENERIC_TYPES = ("", "application/octet-stream")
USER_AGENT = "copydesk/0.1 (+https://pypi.org/project/copydesk/)"


class BlockedURL(FetchError):
    """The URL is not fetchable by policy: bad scheme, or a non-public address."""


class _BlockedAddress(AddressRefused):
    """Raised inside the resolver; aiohttp wraps OSErrors in ClientConnectorError, and the
    crawler's fetcher (``copydesk.fetch.http``) records an ``AddressRefused`` as a refused fetch."""


def address_allowed(host: str) -> bool:
    """True when ``host`` (an IP literal) is a public unicast address."""
    try:
        ip = ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


AddressCheck = Callable[[str], bool]


def _allow_all(_host: str) -> bool:
    return True


def address_check(allow_private: bool) -> AddressCheck:
    """The address policy: every address with ``allow_private``, public unicast ones otherwise."""
    return _allow_all if allow_private else address_allowed


def check_url_shape(url: str, *, address_ok: AddressCheck) -> str:
    """Refuse what is wrong without any lookup: scheme, missing host, a refused IP literal.

    Returns the URL stripped of surrounding whitespace.
    """
    url = url.strip()
    if not url or len(url) > MAX_URL_CHARS:
        raise BlockedURL("URL is empty or too long")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises ValueError on a bad port
    except ValueError as exc:
        raise BlockedURL(f"malformed URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise BlockedURL(f"only http and https URLs can be fetched, not {parts.scheme or 'none'}")
    if not host:
        raise BlockedURL("URL has no host")
    if _is_ip_literal(host) and not address_ok(host):
        raise BlockedURL(f"refused: {host} is a private, loopback, link-local or multicast address")
    return url


class GuardedResolver(AbstractResolver):
    """A resolver that drops every refused address and fails when none is left.

    ``inner`` does the lookups (default: aiohttp's ThreadedResolver, made on first use because it
    binds to the running event loop, so a guard can be built before its loop runs). Tests pass
    one that maps made-up names to 127.0.0.1.
    """

    def __init__(self, *, address_ok: AddressCheck, inner: AbstractResolver | None = None) -> None:
        self._inner = inner
        self._address_ok = address_ok

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        if self._inner is None:
            self._inner = ThreadedResolver()
        infos = await self._inner.resolve(host, port, family)
        allowed = [info for info in infos if self._address_ok(info["host"])]
        if not allowed:
            raise _BlockedAddress(
                f"refused: {host} resolves to a private, loopback, link-local or multicast address"
            )
        return allowed

    async def close(self) -> None:
        if self._inner is not None:
            await self._inner.close()


async def check_host_resolves_public(
    url: str, *, allow_private: bool, resolver: AbstractResolver | None = None
) -> None:
    """Check a URL's host by resolving it now (for URLs queued to be fetched later).

    ``resolver`` (a guard the caller owns and closes) replaces the default guard for host names;
    it refuses by raising ``AddressRefused``.
    """
    address_ok = address_check(allow_private)
    url = check_url_shape(url, address_ok=address_ok)
    host = urlsplit(url).hostname or ""
    if allow_private or _is_ip_literal(host):
        return
    owned = resolver is None
    guard = GuardedResolver(address_ok=address_ok) if resolver is None else resolver
    try:
        await guard.resolve(host, 0, socket.AF_UNSPEC)
    except AddressRefused as exc:
        raise BlockedURL(str(exc)) from None
    except OSError as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from None
    finally:
        if owned:
            await guard.close()


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str
    body: bytes
    charset: str | None
    content_type: str
    fetched_at: datetime


def _media_type(headers: Any) -> tuple[str, str | None]:
    raw = str(headers.get("Content-Type", ""))
    media = raw.split(";", 1)[0].strip().lower()
    charset = None
    for param in raw.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media, charset


async def _read_capped(resp: aiohttp.ClientResponse, cap: int) -> bytes:
    declared = resp.content_length
    if declared is not None and declared > cap:
        raise FetchError(f"page too large: {declared} bytes (limit {cap})")
    chunks: list[bytes] = []
    size = 0
    async for chunk in resp.content.iter_chunked(65536):
        size += len(chunk)
        if size > cap:
            raise FetchError(f"page too large: over {cap} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def fetch_page(
    url: str,
    *,
    allow_private: bool,
    max_bytes: int,
    timeout_s: float,
    max_redirects: int,
    address_ok: AddressCheck | None = None,
) -> FetchedPage:
    """GET one page through the guard, following up to ``max_redirects`` redirects by hand.

    Raises :class:`BlockedURL` when any hop is refused by policy and :class:`FetchError` for
    transport failures, bad statuses, non-page content and oversized bodies. ``address_ok``
    replaces the address policy (tests use it to allow exactly one loopback address).
    """
    address_ok = address_ok or address_check(allow_private)
    url = check_url_shape(url, address_ok=address_ok)
    connector = aiohttp.TCPConnector(
        resolver=GuardedResolver(address_ok=address_ok), use_dns_cache=False, limit=4
    )
    timeout = aiohttp.ClientTimeout(total=timeout_s)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/*;q=0.8"}
    try:
        async with aiohttp.ClientSession(
            connector=connector, timeout=timeout, headers=headers, trust_env=False
        ) as session:
            for _hop in range(max_redirects + 1):
                async with session.get(url, allow_redirects=False) as resp:
                    if resp.status in (301, 302, 303, 307, 308):
                        location = resp.headers.get("Location")
                        if not location:
                            raise FetchError(f"HTTP {resp.status} without a Location header")
                        url = check_url_shape(urljoin(url, location), address_ok=address_ok)
                        continue
                    if resp.status >= 400:
                        raise FetchError(f"HTTP {resp.status} from {url}")
                    media, charset = _media_type(resp.headers)
                    if media not in PAGE_TYPES and media not in GENERIC_TYPES:
                        raise FetchError(f"not a web page: content type {media}")
                    body = await _read_capped(resp, max_bytes)
                    return FetchedPage(url, body, charset, media, datetime.now(UTC))
            raise FetchError(f"too many redirects (more than {max_redirects})")
    except aiohttp.ClientConnectorError as exc:
        if isinstance(exc.os_error, _BlockedAddress):
            raise BlockedURL(str(exc.os_error)) from None
        raise FetchError(f"cannot connect: {exc}") from None
    except (aiohttp.InvalidURL, aiohttp.InvalidUrlClientError) as exc:
        raise BlockedURL(f"malformed URL: {exc}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout_s:g} s") from None
    except (aiohttp.ClientError, asyncio.IncompleteReadError, UnicodeError) as exc:
        raise FetchError(f"fetch failed: {exc.__class__.__name__}: {exc}") from None
