"""URL helpers for the crawler: a minimal canonical key, host and scheme checks.

``canonical_url_key`` is the identity the store and the frontier use for a URL. The dedup engineer
owns the richer canonicalisation (``copydesk.dedup.urls``); when that module provides
``canonical_url_key`` (or ``canonical_url``) it is used instead of the minimal one here, so every
stage agrees on one key.
Changing the key function changes the identity of stored URLs: treat it as a schema change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track the visitor and never select content. Calibrated on the
# campaign/click parameters common news sites append to shared links; a parameter that *does*
# select content (``id``, ``page``, ``p``) must never appear here.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "yclid",
        "_ga",
        "_gl",
        "ref",
        "ref_src",
        "cmpid",
        "ocid",
        "smid",
        "smtyp",
        "taid",
        "at_medium",
        "at_campaign",
        "ito",
        "cid",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "__twitter", "at_")

DEFAULT_PORTS = {"http": 80, "https": 443}
_SLASHES = re.compile(r"/{2,}")


def is_http_url(url: str) -> bool:
    """True for absolute http(s) URLs with a host: the only URLs the crawler fetches."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in DEFAULT_PORTS and bool(parts.hostname)


def host_of(url: str) -> str:
    """Lower-case host[:port] of a URL ("" when it has none); the unit of politeness."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return ""
    if port and port != DEFAULT_PORTS.get(parts.scheme.lower()):
        return f"{host}:{port}"
    return host


def site_of(url: str) -> str:
    """The host without a leading ``www.``: the value ``--site`` filters on."""
    host = host_of(url).split(":", 1)[0]
    return host[4:] if host.startswith("www.") else host


# Second-level labels under which registrations happen one level deeper (example.co.uk). An
# approximation of the Public Suffix List that covers the usual news domains without a data file;
# a miss only makes --same-site stricter or looser for that one domain.
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "gv", "go"})


def base_domain(url: str) -> str:
    """The registrable part of a URL's host (news.bbc.co.uk -> bbc.co.uk); IPs stay whole."""
    host = host_of(url).split(":", 1)[0]
    labels = host.split(".")
    if len(labels) <= 2 or host.replace(".", "").isdigit():
        return host
    if labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _minimal_key(url: str) -> str:
    """Lower-case scheme and host, default port dropped, fragment and tracking params dropped,
    remaining query parameters sorted, duplicate slashes in the path collapsed."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    netloc = host if not port or port == DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    path = _SLASHES.sub("/", parts.path) or "/"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def canonical_url_key(url: str) -> str:
    """The identity of a URL for the store and the frontier (see the module docstring)."""
    return _KEY_FUNCTION(url)


def _pick_key_function() -> Callable[[str], str]:
    try:
        from copydesk.dedup import urls as dedup_urls
    except ImportError:
        return _minimal_key
    for name in ("canonical_url_key", "canonical_url"):
        found = getattr(dedup_urls, name, None)
        if callable(found):
            return cast(Callable[[str], str], found)
    return _minimal_key


_KEY_FUNCTION = _pick_key_function()
