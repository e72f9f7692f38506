"""The HTTP service: ``create_app(settings)`` builds a FastAPI app over the library.

Everything the app holds (settings, store connections, the rate limiter, templates, crawl jobs)
hangs off the app object built here; nothing lives in module globals, so two apps with different
settings can run in one process (the tests do).

API routes (in the OpenAPI document at /openapi.json, browsable at /docs):
  GET /healthz, POST /extract, GET /articles, GET /articles/{id}, GET /clusters/{id},
  POST /crawl, GET /crawl/{id}
Web page routes (server-rendered, no script): see ``copydesk.service.pages``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path as PathLib
from typing import Any

from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool

from copydesk.api import extract
from copydesk.errors import FetchError, StoreError
from copydesk.model import Article
from copydesk.parse.decode import decode
from copydesk.service.clusters import ClusterUnavailable, cluster_members
from copydesk.service.crawl import Crawls, CrawlUnavailable, ResolverFactory
from copydesk.service.gate import PAGE_CSP, Gate, parse_networks
from copydesk.service.guard import BlockedURL, fetch_page
from copydesk.service.ratelimit import RateLimiter
from copydesk.service.render import Renderer
from copydesk.service.schemas import (
    ArticleOut,
    CrawlJobOut,
    CrawlRequest,
    ExtractRequest,
    Health,
    Problem,
    SearchOut,
    StoredArticleOut,
)
from copydesk.service.settings import Settings
from copydesk.service.stores import StoreAccess, StoreUnavailable
from copydesk.store import StoredArticle

# Largest id accepted in paths: SQLite integers are 64-bit; bigger numbers would overflow there.
MAX_ID = 2**62
# Longest search query accepted: a query is a few words; this bounds the FTS5 expression.
MAX_QUERY_CHARS = 500
# What since/until accept: a date, or a date and time with an optional zone (ISO 8601).
WHEN_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$"
)
# Deepest results page: OFFSET scans grow linearly; nobody pages past 1000 pages of 20.
MAX_PAGE = 1000

_PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": text}
    for code, text in (
        (400, "Malformed request (e.g. a body that is not JSON)"),
        (401, "Missing or wrong bearer token"),
        (413, "Request body too large"),
        (429, "Rate limit exceeded"),
    )
}


def _version() -> str:
    try:
        return package_version("copydesk")
    except PackageNotFoundError:
        return "0+unknown"


class ServiceState:
    """What the app holds; reachable as ``app.state.copydesk``."""

    def __init__(
        self, settings: Settings, *, crawl_resolver: ResolverFactory | None = None
    ) -> None:
        self.settings = settings
        self.version = _version()
        self.stores = StoreAccess(settings.store)
        self.limiter = RateLimiter(settings.rate_per_s, settings.rate_burst)
        self.renderer = Renderer(self.version)
        self.crawls = Crawls(settings, resolver=crawl_resolver)


def parse_when(value: str | None, name: str) -> date | datetime | None:
    """A date (YYYY-MM-DD) or an ISO 8601 datetime from a query parameter; 422 when neither."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text[:-1] + "+00:00" if text[-1] in "zZ" else text)
    except ValueError:
        msg = f"{name} must be a real date (YYYY-MM-DD) or ISO 8601 time"
        raise RequestValidationError(
            [{"loc": ("query", name), "msg": msg, "type": "value_error"}]
        ) from None


async def extract_request(
    settings: Settings,
    *,
    page: str | None,
    kind: str,
    url: str | None,
    fetched_at: datetime | None,
) -> Article:
    """Extract a given page, or fetch ``url`` through the guard and extract that.

    Raises BlockedURL or FetchError when the fetch is refused or fails.
    """
    if page is None:
        if not url:
            raise FetchError("nothing to extract: give a page or a URL")
        fetched = await fetch_page(
            url,
            allow_private=settings.allow_private,
            max_bytes=settings.max_fetch_bytes,
            timeout_s=settings.fetch_timeout_s,
            max_redirects=settings.max_redirects,
        )
        page = decode(fetched.body, fetched.charset)
        url = fetched.url
        fetched_at = fetched_at or fetched.fetched_at
        if kind == "auto" and fetched.content_type == "text/plain":
            kind = "text"
    return await run_in_threadpool(extract, page, url=url, fetched_at=fetched_at, input=kind)


def fetch_problem(exc: FetchError) -> HTTPException:
    if isinstance(exc, BlockedURL):
        return HTTPException(403, str(exc))
    return HTTPException(502, str(exc))


def stored_dict(stored: StoredArticle) -> dict[str, Any]:
    data = stored.article.to_dict()
    data.update(
        id=stored.id,
        version=stored.version,
        cluster_id=stored.cluster_id,
        fetched_at=stored.fetched_at.isoformat() if stored.fetched_at else None,
    )
    return data


def _register_api(app: FastAPI, state: ServiceState) -> None:
    settings = state.settings

    @app.get("/healthz", response_model=Health, tags=["service"])
    def healthz() -> dict[str, object]:
        """Liveness: always open, even when a token is configured."""
        return {"status": "ok", "version": state.version, "store": state.stores.configured}

    @app.post(
        "/extract",
        response_model=ArticleOut,
        tags=["extract"],
        responses={
            **_PROBLEMS,
            403: {"model": Problem, "description": "URL refused (non-public address)"},
            502: {"model": Problem, "description": "The URL could not be fetched"},
        },
    )
    async def extract_endpoint(req: ExtractRequest) -> JSONResponse:
        """Extract one page into an Article. With ``html`` or ``text``, ``url`` is only the page's
        address and is never fetched; with ``url`` alone the service fetches it (public addresses
        only, unless the service runs with --allow-private)."""
        page = req.html if req.html is not None else req.text
        kind = "html" if req.html is not None else "text" if req.text is not None else "auto"
        try:
            article = await extract_request(
                settings, page=page, kind=kind, url=req.url, fetched_at=req.fetched_time
            )
        except FetchError as exc:
            raise fetch_problem(exc) from None
        return JSONResponse(article.to_dict())

    @app.get(
        "/articles",
        response_model=SearchOut,
        tags=["articles"],
        responses={**_PROBLEMS, 503: {"model": Problem, "description": "No store"}},
    )
    def search_articles(
        q: str = Query("", max_length=MAX_QUERY_CHARS, description='Words, "phrases", OR, -not'),
        site: str | None = Query(None, max_length=253),
        since: str | None = Query(None, pattern=WHEN_PATTERN, description="YYYY-MM-DD or ISO time"),
        until: str | None = Query(None, pattern=WHEN_PATTERN, description="YYYY-MM-DD or ISO time"),
        lang: str | None = Query(None, max_length=35),
        page: int = Query(1, ge=1, le=MAX_PAGE),
    ) -> JSONResponse:
        """Full-text search with highlighted snippets; an empty ``q`` lists the newest."""
        hits, has_more = run_search(state, q, site, since, until, lang, page)
        # returned as a JSONResponse: the shape is SearchOut's, built from the store's own
        # to_dict, and skipping re-validation keeps the hot path short
        return JSONResponse(
            {
                "query": q,
                "page": page,
                "page_size": settings.page_size,
                "has_more": has_more,
                "results": [{**h.to_dict(), "snippet_html": h.snippet_html} for h in hits],
            }
        )

    @app.get(
        "/articles/{article_id}",
        response_model=StoredArticleOut,
        tags=["articles"],
        responses={**_PROBLEMS, 404: {"model": Problem}, 503: {"model": Problem}},
    )
    def get_article(article_id: int = Path(ge=1, le=MAX_ID)) -> JSONResponse:
        """One stored article: the Article record plus id, version, cluster_id, fetched_at."""
        stored = load_article(state, article_id)
        return JSONResponse(stored_dict(stored))

    @app.get(
        "/clusters/{cluster_id}",
        tags=["clusters"],
        responses={**_PROBLEMS, 404: {"model": Problem}, 503: {"model": Problem}},
    )
    def get_cluster(cluster_id: int = Path(ge=1, le=MAX_ID)) -> JSONResponse:
        """A story: the articles dedup linked into one cluster, the most likely original, and
        how each member relates to it (copy, trimmed copy, updated version, rewrite)."""
        try:
            store = state.stores.get()
            cluster = cluster_members(store, cluster_id)
        except StoreUnavailable as exc:
            raise HTTPException(503, str(exc)) from None
        except ClusterUnavailable as exc:
            raise HTTPException(404, str(exc)) from None
        if cluster is None:
            raise HTTPException(404, f"no cluster {cluster_id}")
        return JSONResponse(cluster)

    @app.post(
        "/crawl",
        status_code=202,
        response_model=CrawlJobOut,
        tags=["crawl"],
        responses={
            **_PROBLEMS,
            403: {"model": Problem, "description": "A seed is refused by the SSRF guard"},
            501: {"model": Problem, "description": "No store configured (--store)"},
        },
    )
    async def start_crawl(req: CrawlRequest) -> JSONResponse:
        """Queue seed URLs for the crawler; poll ``GET /crawl/{id}`` for its status. Seeds the
        SSRF guard refuses are a 403; every host the crawl connects to later (redirects,
        discovered links) goes through the same guard (see service/crawl.py). Answers 501 when
        the service has no store to crawl into."""
        if len(req.seeds) > settings.max_crawl_seeds:
            raise HTTPException(422, f"at most {settings.max_crawl_seeds} seeds per job")
        try:
            cap = settings.max_crawl_pages
            job = await state.crawls.start(req.seeds, min(req.max_pages or cap, cap))
        except CrawlUnavailable as exc:
            raise HTTPException(501, str(exc)) from None
        except FetchError as exc:
            raise fetch_problem(exc) from None
        return JSONResponse(job, status_code=202)

    @app.get(
        "/crawl/{job_id}",
        response_model=CrawlJobOut,
        tags=["crawl"],
        responses={**_PROBLEMS, 404: {"model": Problem}},
    )
    def crawl_status(job_id: str = Path(max_length=64)) -> JSONResponse:
        """The status of a crawl job: queued, running (with live counters), done or failed."""
        job = state.crawls.status(job_id)
        if job is None:
            raise HTTPException(404, f"no crawl job {job_id}")
        return JSONResponse(job)


def run_search(
    state: ServiceState,
    q: str,
    site: str | None,
    since: str | None,
    until: str | None,
    lang: str | None,
    page: int,
) -> tuple[list[Any], bool]:
    """One page of hits and whether another page follows. Raises HTTPException for the client."""
    since_v, until_v = parse_when(since, "since"), parse_when(until, "until")
    size = state.settings.page_size
    try:
        hits = state.stores.get().search(
            q,
            site=site or None,
            since=since_v,
            until=until_v,
            lang=lang or None,
            limit=size + 1,
            offset=(page - 1) * size,
        )
    except StoreUnavailable as exc:
        raise HTTPException(503, str(exc)) from None
    except StoreError as exc:
        raise HTTPException(500, f"search failed: {exc}") from None
    return hits[:size], len(hits) > size


def load_article(state: ServiceState, article_id: int) -> StoredArticle:
    try:
        stored = state.stores.get().get(article_id)
    except StoreUnavailable as exc:
        raise HTTPException(503, str(exc)) from None
    if stored is None:
        raise HTTPException(404, f"no article {article_id}")
    return stored


async def _validation_problem(_request: Request, exc: Exception) -> JSONResponse:
    """422 with where and what, without echoing the input back (it may be bytes that are not
    UTF-8, which FastAPI's default handler cannot encode, or a multi-megabyte page)."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type"))}
        for e in errors
    ]
    return JSONResponse({"detail": detail}, status_code=422)


def _swagger_assets() -> PathLib | None:
    """Swagger UI's files from the swagger-ui-bundle-v2 wheel, so /docs works offline."""
    try:
        from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]
    except ImportError:
        return None
    path = PathLib(str(swagger_ui_path))
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def _docs_page(app: FastAPI, assets: PathLib | None) -> tuple[bytes, str]:
    """Swagger UI's page and a CSP that allows exactly its own inline script (by hash)."""
    openapi_url = app.openapi_url or "/openapi.json"
    if assets is not None:
        origin = "'self'"
        page = get_swagger_ui_html(
            openapi_url=openapi_url,
            title="copydesk API",
            swagger_js_url="/docs/assets/swagger-ui-bundle.js",
            swagger_css_url="/docs/assets/swagger-ui.css",
            swagger_favicon_url="/docs/assets/favicon-32x32.png",
        )
    else:  # without the bundle, the browser loads Swagger UI from its CDN
        origin = "https://cdn.jsdelivr.net"
        page = get_swagger_ui_html(openapi_url=openapi_url, title="copydesk API")
    body = bytes(page.body)
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode() + "'"
        for m in re.finditer(rb"<script>(.*?)</script>", body, re.S)
    ]
    # Swagger UI sets style attributes, hence 'unsafe-inline' for styles on this page only
    # (styles cannot run script); scripts stay limited to the bundle and the hashed initializer.
    csp = (
        f"default-src 'none'; script-src {origin} {' '.join(hashes)}; "
        f"style-src {origin} 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    )
    return body, csp


def create_app(
    settings: Settings | None = None, *, crawl_resolver: ResolverFactory | None = None
) -> FastAPI:
    """Build the service. Every piece of state lives on the returned app.

    ``crawl_resolver`` makes the resolver crawl jobs connect through (default: the SSRF guard
    with the settings' address policy); tests give one that maps made-up names to 127.0.0.1.
    """
    settings = settings or Settings()
    state = ServiceState(settings, crawl_resolver=crawl_resolver)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await state.crawls.close()
        state.stores.close()

    app = FastAPI(
        title="copydesk",
        version=state.version,
        description="News web pages in, structured article records out.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.copydesk = state
    app.add_exception_handler(RequestValidationError, _validation_problem)
    _register_api(app, state)

    from copydesk.service.pages import register_pages

    register_pages(app, state)
    assets = _swagger_assets()
    docs_body, docs_csp = _docs_page(app, assets)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_body)

    if assets is not None:
        served = {
            name: assets / name
            for name in ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png")
        }

        @app.get("/docs/assets/{name}", include_in_schema=False)
        def docs_asset(name: str) -> FileResponse:
            if name not in served:
                raise HTTPException(404, "no such file")
            return FileResponse(served[name], headers={"cache-control": "public, max-age=86400"})

    def csp_for(path: str) -> str:
        return docs_csp if path == "/docs" else PAGE_CSP

    app.add_middleware(
        Gate,
        limiter=state.limiter,
        token=settings.token,
        max_body_bytes=settings.max_body_bytes,
        csp_for=csp_for,
        login_page=state.renderer.login_page,
        trusted_proxies=parse_networks(settings.trusted_proxies),
    )
    return app


def request_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.copydesk
    return state
