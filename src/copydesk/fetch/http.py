"""One HTTP(S) GET, done carefully: timeouts, a body cap, bomb-safe decoding, same-host redirects.

``Fetcher.fetch`` never raises for what a server does: every outcome is a :class:`FetchResult`
(``error`` set when there is no usable response). Politeness (which host, when) is the caller's
job (``copydesk.harvest``); the fetcher only does the exchange and records it for the WARC.

An address policy plugs in as an aiohttp resolver (``FetchOptions.resolver``; the service passes
``copydesk.service.guard.GuardedResolver``): the connector asks it for every host it connects to,
so the address checked is the address connected to, on every hop. aiohttp skips the resolver for
IP literals, so the fetcher asks it about those itself. A resolver refuses an address by raising
:class:`AddressRefused`; that fetch then fails for good (``FetchResult.refused``), never retried.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver

from copydesk.discover.urls import host_of, is_http_url
from copydesk.errors import FetchError
from copydesk.fetch.decompress import decode_content

# Redirect hops followed inside one fetch (same host only; a cross-host redirect is handed back
# to the caller so the other host's robots.txt and delay apply). Browsers allow ~20; news sites
# need 1-3 (http->https, trailing slash, tracking hop). 5 fails a loop quickly.
MAX_REDIRECTS = 5
# Raw (still encoded) body cap: real article pages are 50 KB-2 MB; sitemaps may reach 50 MB
# uncompressed by the protocol, so the default decoded cap leaves them room.
MAX_BODY_BYTES = 20 * 1024 * 1024
MAX_DECODED_BYTES = 60 * 1024 * 1024
# Whole-exchange timeout and connect timeout (seconds): a slow endpoint must not hold the host's
# only connection for long; 30 s is what polite crawlers commonly allow a news page.
TIMEOUT_SECONDS = 30.0
CONNECT_TIMEOUT_SECONDS = 10.0
_READ_CHUNK = 64 * 1024
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class AddressRefused(OSError):
    """Raised by a resolver to refuse a host's addresses by policy (not a network failure).

    An ``OSError`` because aiohttp wraps the resolver's OSErrors in ``ClientConnectorError``,
    which is how the refusal reaches the fetcher with its message intact.
    """


@dataclass(frozen=True, slots=True)
class Exchange:
    """One request/response pair as it went over the wire (the body as received, still encoded)."""

    url: str
    request_headers: tuple[tuple[str, str], ...]
    status: int
    reason: str
    response_headers: tuple[tuple[str, str], ...]
    raw_body: bytes
    http_version: str = "1.1"

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in self.response_headers:
            if key.lower() == lowered:
                return value
        return None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one fetch produced. ``body`` is the decoded final body (empty on error)."""

    url: str
    final_url: str
    status: int | None
    body: bytes = b""
    error: str | None = None
    exchanges: tuple[Exchange, ...] = ()
    redirect_to: str | None = None  # a redirect the fetcher did not follow (other host, limit)
    elapsed: float = 0.0
    refused: bool = False  # the resolver refused the host's address: permanent, not retried

    @property
    def last(self) -> Exchange | None:
        return self.exchanges[-1] if self.exchanges else None

    def header(self, name: str) -> str | None:
        last = self.last
        return last.header(name) if last is not None else None

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in (self.header("content-type") or "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset":
                return value.strip().strip("\"'") or None
        return None


@dataclass(frozen=True, slots=True)
class FetchOptions:
    user_agent: str
    timeout: float = TIMEOUT_SECONDS
    connect_timeout: float = CONNECT_TIMEOUT_SECONDS
    max_body: int = MAX_BODY_BYTES
    max_decoded: int = MAX_DECODED_BYTES
    max_redirects: int = MAX_REDIRECTS
    concurrency: int = 32
    extra_headers: Mapping[str, str] = field(default_factory=dict)
    # Resolves every host connected to (IP literals included); None uses aiohttp's default.
    # Owned by the caller: the fetcher does not close it.
    resolver: AbstractResolver | None = None


class _TooLarge(FetchError):
    pass


class Fetcher:
    """An aiohttp session with the crawler's limits. Use as ``async with Fetcher(opts) as f``."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Fetcher:
        connector = aiohttp.TCPConnector(
            limit=self.options.concurrency,
            limit_per_host=1,
            ttl_dns_cache=300,
            resolver=self.options.resolver,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            auto_decompress=False,
            trust_env=False,
            timeout=aiohttp.ClientTimeout(
                total=self.options.timeout, sock_connect=self.options.connect_timeout
            ),
            headers={"User-Agent": self.options.user_agent},
            skip_auto_headers=("User-Agent",),
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def fetch(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        allow: Callable[[str], bool] | None = None,
        pace: Callable[[], Awaitable[None]] | None = None,
    ) -> FetchResult:
        """GET ``url``; follow same-host redirects that ``allow`` (robots) permits, awaiting
        ``pace()`` before each hop (the host's politeness delay applies to hops too)."""
        started = time.monotonic()
        exchanges: list[Exchange] = []
        seen = {url}
        current = url
        for _hop in range(self.options.max_redirects + 1):
            if not is_http_url(current):
                return self._result(url, current, None, exchanges, started, error="not http(s)")
            try:
                await self._check_literal(current)
                exchange = await self._exchange(current, headers or {})
            except AddressRefused as exc:
                return self._refused(url, current, exchanges, started, exc)
            except aiohttp.ClientConnectorError as exc:
                if isinstance(exc.os_error, AddressRefused):
                    return self._refused(url, current, exchanges, started, exc.os_error)
                error = f"{type(exc).__name__}: {exc}".strip()
                return self._result(url, current, None, exchanges, started, error=error)
            except TimeoutError:
                return self._result(url, current, None, exchanges, started, error="timeout")
            except _TooLarge as exc:
                return self._result(url, current, None, exchanges, started, error=str(exc))
            except (aiohttp.ClientError, OSError, ValueError) as exc:
                error = f"{type(exc).__name__}: {exc}".strip()
                return self._result(url, current, None, exchanges, started, error=error)
            exchanges.append(exchange)
            location = exchange.header("location")
            if exchange.status not in _REDIRECT_STATUSES or not location:
                return self._final(url, current, exchange, exchanges, started)
            target = urljoin(current, location.strip())
            if target in seen:
                return self._result(
                    url, current, exchange.status, exchanges, started, error="redirect loop"
                )
            seen.add(target)
            same_host = host_of(target) == host_of(current)
            same_scheme = urlsplit(target).scheme == urlsplit(current).scheme
            if not is_http_url(target):
                return self._result(
                    url, current, exchange.status, exchanges, started, error="redirect to non-http"
                )
            if not (same_host and same_scheme) or (allow is not None and not allow(target)):
                return FetchResult(
                    url=url,
                    final_url=current,
                    status=exchange.status,
                    exchanges=tuple(exchanges),
                    redirect_to=target,
                    elapsed=time.monotonic() - started,
                )
            current = target
            if pace is not None:
                await pace()
        return self._result(url, current, None, exchanges, started, error="too many redirects")

    async def _check_literal(self, url: str) -> None:
        """Ask the resolver about an IP-literal host, which aiohttp would connect to unasked."""
        resolver = self.options.resolver
        if resolver is None:
            return
        parts = urlsplit(url)
        host = parts.hostname or ""
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            return  # a name: the connector asks the resolver itself
        await resolver.resolve(host, parts.port or 0, socket.AF_UNSPEC)

    @staticmethod
    def _refused(
        url: str, current: str, exchanges: list[Exchange], started: float, exc: OSError
    ) -> FetchResult:
        message = str(exc) or "address refused"
        if not message.startswith("refused"):
            message = f"refused: {message}"
        return FetchResult(
            url=url,
            final_url=current,
            status=None,
            error=message,
            exchanges=tuple(exchanges),
            elapsed=time.monotonic() - started,
            refused=True,
        )

    def _final(
        self, url: str, current: str, exchange: Exchange, exchanges: list[Exchange], started: float
    ) -> FetchResult:
        try:
            body = decode_content(
                exchange.raw_body, exchange.header("content-encoding"), self.options.max_decoded
            )
        except FetchError as exc:
            return self._result(url, current, exchange.status, exchanges, started, error=str(exc))
        return FetchResult(
            url=url,
            final_url=current,
            status=exchange.status,
            body=body,
            exchanges=tuple(exchanges),
            elapsed=time.monotonic() - started,
        )

    @staticmethod
    def _result(
        url: str,
        current: str,
        status: int | None,
        exchanges: list[Exchange],
        started: float,
        *,
        error: str,
    ) -> FetchResult:
        return FetchResult(
            url=url,
            final_url=current,
            status=status,
            error=error,
            exchanges=tuple(exchanges),
            elapsed=time.monotonic() - started,
        )

    async def _exchange(self, url: str, headers: Mapping[str, str]) -> Exchange:
        assert self._session is not None, "use Fetcher as an async context manager"
        request_headers = {
            "User-Agent": self.options.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Encoding": "gzip, deflate, br",
            **self.options.extra_headers,
            **headers,
        }
        async with self._session.get(
            url, headers=request_headers, allow_redirects=False
        ) as response:
            declared = response.content_length
            if declared is not None and declared > self.options.max_body:
                raise _TooLarge(f"body of {declared} bytes exceeds {self.options.max_body}")
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.content.iter_chunked(_READ_CHUNK):
                size += len(chunk)
                if size > self.options.max_body:
                    raise _TooLarge(f"body exceeds {self.options.max_body} bytes")
                chunks.append(chunk)
            version = response.version
            return Exchange(
                url=url,
                request_headers=tuple((k, v) for k, v in response.request_info.headers.items()),
                status=response.status,
                reason=response.reason or "",
                # raw_headers keep the server's spelling and order (what the WARC should hold)
                response_headers=tuple(
                    (k.decode("latin-1"), v.decode("latin-1")) for k, v in response.raw_headers
                ),
                raw_body=b"".join(chunks),
                http_version=f"{version.major}.{version.minor}" if version else "1.1",
            )
