"""URLs made absolute against the page's address, as ``urllib.parse.urljoin`` makes them.

Most URLs a page declares (og:image, canonical, JSON-LD image) are absolute already, and urljoin
parses the base and the URL and writes the URL out again to give back the same string: about 6
us a call, 3 calls a page. :func:`join_url` returns such a URL as it is when writing it out again
cannot change it (98% of the metadata pass's calls on AEB), and asks urljoin otherwise.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

_WEB_SCHEMES = ("https://", "http://")
# Characters urljoin drops, splits on or checks: control characters, ";params" and "[IPv6]" hosts.
_REWRITTEN = frozenset("\t\r\n;[]")


def join_url(base: str | None, url: str) -> str:
    """``urljoin(base or "", url)``. An absolute http(s) URL urljoin would write out unchanged
    is returned without parsing (then an unparseable base raises nothing: urljoin would)."""
    if url.startswith(_WEB_SCHEMES) and _written_as_urljoin_writes(url):
        return url
    return urljoin(base or "", url)


def _written_as_urljoin_writes(url: str) -> bool:
    """Whether urljoin's split and unsplit give ``url`` back: a lower-case http(s) scheme (the
    caller checked), a host, none of _REWRITTEN, no empty "?" query or "#" fragment (they are
    dropped), all ASCII (a non-ASCII host is checked and may raise)."""
    host_start = _host_start(url)
    if url[host_start : host_start + 1] in ("", "/", "?", "#"):
        return False  # no host: urljoin resolves the path against the base's
    if not url.isascii() or not _REWRITTEN.isdisjoint(url):
        return False
    return not url.endswith(("?", "#")) and "?#" not in url


def _host_start(url: str) -> int:
    """Where the host begins in a URL that starts with one of _WEB_SCHEMES."""
    return len("https://") if url[4] == "s" else len("http://")


def url_path(url: str) -> str:
    """``urlsplit(url).path``, read straight off an absolute http(s) URL urljoin would write out
    unchanged (urlsplit is not cached for long: its 128 entries turn over on every page)."""
    if not (url.startswith(_WEB_SCHEMES) and _written_as_urljoin_writes(url)):
        return urlsplit(url).path
    rest = url[_host_start(url) :]
    cuts = [i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0]
    if not cuts:
        return ""
    after_host = rest[min(cuts) :]
    return after_host.split("#", 1)[0].split("?", 1)[0]
