"""Fundus on stored pages, in Fundus's interpreter: ``PYTHON bench/fundus_worker.py IN OUT``.

Fundus pins ``lxml<6`` and ``fastwarc<0.16``, older than copydesk's environment has, so it lives
in a virtualenv of its own and this file imports nothing but the standard library and Fundus
(it is run as a script, not as ``bench.*``, so the ``bench`` package is not imported).

Fundus parses only publishers it has a parser for. Offline it works on given HTML: each
``Publisher`` holds a ``ParserProxy``; ``proxy(crawl_date)`` picks the parser version valid at
that date and ``.parse(html, "suppress")`` returns its attributes (a failing attribute takes its
default instead of raising). The page's publisher is found by its URL's host (``www.`` dropped,
subdomains matched to their parent domain), over each publisher's current and former domains.

IN is JSON ``[{"id", "url", "html", "crawl_date" (ISO day or null)}]``; OUT is JSON
``{"version", "publishers", "pages": [{"id", "publisher", "title", "authors", "day", "body",
"error"}]}`` for the pages whose host has a publisher (pages of other hosts are left out).
``day`` is the publication day as Fundus states it (its own zone, not converted).
"""

from __future__ import annotations

import json
import sys
import urllib.parse
from datetime import date, datetime
from typing import Any


def _host(url: str) -> str:
    host = urllib.parse.urlparse(url).hostname or ""
    return host.removeprefix("www.")


def _publishers() -> dict[str, Any]:
    from fundus import PublisherCollection

    by_host: dict[str, Any] = {}
    for publisher in PublisherCollection:
        for domain in [publisher.domain, *publisher.deprecated_domains]:
            by_host.setdefault(_host(domain), publisher)
    return by_host


def publisher_of(url: str, by_host: dict[str, Any]) -> Any:
    """The publisher whose domain is the URL's host or a parent of it, else None."""
    host = _host(url)
    while host:
        if host in by_host:
            return by_host[host]
        _, _, host = host.partition(".")
        if "." not in host:  # stop at the registrable part: "co.uk" is no publisher
            return None
    return None


def _day(value: object) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return None


def parse_page(page: dict[str, Any], publisher: Any) -> dict[str, Any]:
    crawl = page.get("crawl_date")
    crawl_date = datetime.fromisoformat(crawl) if crawl else None
    record: dict[str, Any] = {"id": page["id"], "publisher": publisher.name}
    try:
        parsed = publisher.parser(crawl_date).parse(page["html"], "suppress")
    except Exception as exc:  # one page's failure is that page's empty answer
        return {**record, "title": None, "authors": [], "day": None, "body": "", "error": repr(exc)}
    body = parsed.get("body")
    return {
        **record,
        "title": parsed.get("title"),
        "authors": [str(a) for a in parsed.get("authors") or []],
        "day": _day(parsed.get("publishing_date")),
        "body": str(body) if body is not None and not isinstance(body, Exception) else "",
        "error": None,
    }


def main(argv: list[str]) -> int:
    from importlib.metadata import version

    with open(argv[1], encoding="utf-8") as handle:
        pages: list[dict[str, Any]] = json.load(handle)
    by_host = _publishers()
    out = []
    for page in pages:
        publisher = publisher_of(page.get("url") or "", by_host)
        if publisher is not None:
            out.append(parse_page(page, publisher))
    result = {
        "version": version("fundus"),
        "publishers": len({id(p) for p in by_host.values()}),
        "pages": out,
    }
    with open(argv[2], "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
