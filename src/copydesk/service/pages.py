"""The web page: server-rendered HTML over the same functions as the API, with no script.

Routes (not in the OpenAPI document):
  GET /                  search with filters and highlighted snippets
  GET /article/{id}      the reader: every field of the record, with provenance
  GET|POST /playground   paste HTML, text or a URL; see the Article beside the page's blocks
  GET /story/{id}        a cluster: every copy and version of one story
  POST /login            exchanges the access token for a cookie (when a token is configured)
  GET /static/style.css  the stylesheet
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from copydesk.errors import FetchError
from copydesk.parse.sniff import looks_like_html
from copydesk.service.clusters import ClusterUnavailable, cluster_members
from copydesk.service.gate import TOKEN_COOKIE
from copydesk.service.outline import outline
from copydesk.service.render import highlight
from copydesk.service.schemas import parse_iso_datetime
from copydesk.service.stores import StoreUnavailable

if TYPE_CHECKING:
    from copydesk.service.app import ServiceState

# Characters of pasted input echoed back into the playground's textarea: pasting a 5 MB page
# should not send 5 MB back; the extraction itself always sees the whole input.
MAX_ECHO_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class PlaygroundForm:
    page: str = ""
    url: str = ""
    input: str = "auto"
    fetched_at: str = ""


async def _form(request: Request) -> dict[str, str]:
    """An urlencoded form body (the gate already capped its size)."""
    raw = (await request.body()).decode("utf-8", "replace")
    return {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}


def _error_page(state: ServiceState, status: int, heading: str, message: str) -> HTMLResponse:
    html = state.renderer.page("message.html", heading=heading, message=message, active=None)
    return HTMLResponse(html, status_code=status)


def register_pages(app: FastAPI, state: ServiceState) -> None:
    from copydesk.service.app import extract_request, fetch_problem, load_article, run_search

    renderer = state.renderer

    @app.get("/static/style.css", include_in_schema=False)
    def stylesheet() -> Response:
        return Response(
            renderer.stylesheet,
            media_type="text/css",
            headers={"cache-control": "public, max-age=3600"},
        )

    @app.get("/", include_in_schema=False)
    def search_page(
        q: str = "",
        site: str = "",
        since: str = "",
        until: str = "",
        lang: str = "",
        page: int = 1,
    ) -> HTMLResponse:
        page = min(max(page, 1), 1000)
        context: dict[str, Any] = {
            "active": "search",
            "q": q[:500],
            "site": site[:253],
            "since": since[:40],
            "until": until[:40],
            "lang": lang[:35],
            "page": page,
            "results": None,
            "error": None,
            "highlight": highlight,
            "page_size": state.settings.page_size,
        }
        if not state.stores.configured:
            context["error"] = "No store: start the service with --store PATH to search articles."
        else:
            try:
                hits, has_more = run_search(state, context["q"], site, since, until, lang, page)
            except HTTPException as exc:
                context["error"] = str(exc.detail)
            except RequestValidationError as exc:
                context["error"] = "; ".join(str(e.get("msg")) for e in exc.errors())
            else:
                params = {
                    k: context[k] for k in ("q", "site", "since", "until", "lang") if context[k]
                }
                context["results"] = hits
                if page > 1:
                    context["prev_url"] = "/?" + urlencode({**params, "page": page - 1})
                if has_more:
                    context["next_url"] = "/?" + urlencode({**params, "page": page + 1})
        return HTMLResponse(renderer.page("search.html", **context))

    @app.get("/article/{article_id}", include_in_schema=False)
    def article_page(article_id: int) -> HTMLResponse:
        if not 1 <= article_id <= 2**62:
            return _error_page(state, 404, "Not found", f"No article {article_id}.")
        try:
            stored = load_article(state, article_id)
        except HTTPException as exc:
            return _error_page(state, exc.status_code, "Not found", str(exc.detail))
        html = renderer.page(
            "article.html",
            active=None,
            article=stored.article,
            article_id=stored.id,
            cluster_id=stored.cluster_id,
        )
        return HTMLResponse(html)

    @app.get("/story/{cluster_id}", include_in_schema=False)
    def story_page(cluster_id: int) -> HTMLResponse:
        if not 1 <= cluster_id <= 2**62:
            return _error_page(state, 404, "Not found", f"No story {cluster_id}.")
        try:
            cluster = cluster_members(state.stores.get(), cluster_id)
        except StoreUnavailable as exc:
            return _error_page(state, 503, "Stories unavailable", str(exc))
        except ClusterUnavailable as exc:
            return _error_page(state, 404, "Not found", str(exc))
        if cluster is None:
            return _error_page(state, 404, "Not found", f"No story {cluster_id}.")
        return HTMLResponse(renderer.page("story.html", active=None, cluster=cluster))

    @app.get("/playground", include_in_schema=False)
    def playground() -> HTMLResponse:
        return HTMLResponse(
            renderer.page(
                "playground.html", active="playground", form=PlaygroundForm(), article=None
            )
        )

    @app.post("/playground", include_in_schema=False)
    async def playground_run(request: Request) -> HTMLResponse:
        data = await _form(request)
        form = PlaygroundForm(
            page=data.get("page", ""),
            url=data.get("url", "").strip(),
            input=_input_kind(data.get("input", "auto")),
            fetched_at=data.get("fetched_at", "").strip(),
        )
        shown = PlaygroundForm(form.page[:MAX_ECHO_CHARS], form.url, form.input, form.fetched_at)
        context: dict[str, Any] = {"active": "playground", "form": shown, "article": None}
        status = 200
        try:
            fetched_at = _parse_fetched_at(form.fetched_at)
            if not form.page.strip() and not form.url:
                raise ValueError("Paste a page or give a URL.")
            page = form.page if form.page.strip() else None
            article = await extract_request(
                state.settings,
                page=page,
                kind=form.input,
                url=form.url or None,
                fetched_at=fetched_at,
            )
        except ValueError as exc:
            context["error"], status = str(exc), 422
        except FetchError as exc:
            problem = fetch_problem(exc)
            context["error"], status = str(problem.detail), problem.status_code
        else:
            source = page if page is not None else ""
            is_html = form.input == "html" or (form.input == "auto" and looks_like_html(source))
            context.update(
                article=article,
                blocks=outline(source, article, is_html=is_html) if source else (),
                article_json=json.dumps(article.to_dict(), indent=2, ensure_ascii=False),
            )
        return HTMLResponse(renderer.page("playground.html", **context), status_code=status)

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        data = await _form(request)
        token = state.settings.token
        target = data.get("next", "/")
        if not target.startswith("/") or target.startswith("//"):
            target = "/"
        if token is None:
            return RedirectResponse(target, status_code=303)
        given = data.get("token", "")
        if not hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8")):
            return HTMLResponse(renderer.login_page("Wrong token", target), status_code=401)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(TOKEN_COOKIE, given, httponly=True, samesite="strict", path="/")
        return response


def _input_kind(value: str) -> str:
    return value if value in ("auto", "html", "text") else "auto"


def _parse_fetched_at(value: str) -> datetime | None:
    return parse_iso_datetime(value) if value else None
