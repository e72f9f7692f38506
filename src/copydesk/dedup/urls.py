"""URL identity: one canonical string per article address.

``canonical_url`` maps the many spellings of one article's address (scheme and host case, default
ports, fragments, tracking parameters, AMP and mobile variants, trailing slashes, percent-escape
case) to one string, so that the same article fetched twice is one record with versions. It is a
pure function, never raises, and is idempotent: ``canonical_url(canonical_url(u)) ==
canonical_url(u)`` for every string (a Hypothesis property test checks this).

The result is still a fetchable URL (we do not drop ``www.`` or unify http/https: sites differ on
whether those are the same resource, and a wrong merge loses an article, a missed merge only costs
a duplicate that the near-duplicate clusters catch anyway).
"""

from __future__ import annotations

import re

# Query keys dropped outright: click and campaign trackers that never select content. Collected
# from the parameters that social networks, mail tools and analytics suites append to shared links.
# A key missing here costs a duplicate record (caught later by near-duplicate clustering); a key
# wrongly listed here would merge two different pages, so only unambiguous trackers are listed.
TRACKING_KEYS: frozenset[str] = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "li_fat_id",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_enc_id",
        "oly_anon_id",
        "vero_id",
        "rb_clickid",
        "s_kwcid",
        "wt.mc_id",
        "wt_mc",
        "cmp",
        "cmpid",
        "ocid",
        "ncid",
        "smid",
        "smtyp",
        "sr_share",
        "ito",
        "ref_src",
        "ref_url",
        "__tn__",
        "__twitter_impression",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "outputtype",  # outputType=amp: the AMP rendering of the same article
        "amp",  # ?amp, ?amp=1, ?amp=true
    }
)
# Key prefixes dropped (Google Analytics campaign family, Piwik/Matomo campaign family).
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_")

# Host prefixes of mobile and AMP editions, replaced by "www." when at least two labels remain
# (m.bbc.co.uk -> www.bbc.co.uk). Sites that serve a different article on "m." do not exist in
# practice; sites whose bare domain differs from "www." do, so we map to "www." rather than strip.
MOBILE_HOST_PREFIXES: tuple[str, ...] = ("m.", "mobile.", "amp.")

DEFAULT_PORTS: dict[str, str] = {"http": "80", "https": "443"}

# Characters left unescaped in the path and query (RFC 3986 unreserved + sub-delims + ":@/%");
# everything else (spaces, non-ASCII, quotes) is percent-encoded as UTF-8.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = _UNRESERVED | frozenset("!$&'()*+,;=:@/%")
_QUERY_SAFE = _PATH_SAFE | frozenset("?")
_ESCAPE_RE = re.compile(r"%([0-9A-Fa-f]{2})")
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Session ids carried as path parameters (";jsessionid=...").
_SESSION_RE = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
# AMP renderings of an article path: "/amp/<path>", "<path>/amp", "<slug>.amp", "<slug>.amp.html".
_AMP_PATH_RES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^/amp(/.+)$", re.IGNORECASE), r"\1"),
    (re.compile(r"^(/.+?)/amp/?$", re.IGNORECASE), r"\1"),
    (re.compile(r"^(/.+)\.amp\.html$", re.IGNORECASE), r"\1.html"),
    (re.compile(r"^(/.+)\.amp$", re.IGNORECASE), r"\1"),
)
# Fixed-point iterations: one pass is enough for almost every URL; nested variants ("/amp/x/amp")
# need a second. The loop makes idempotency hold by construction.
MAX_PASSES = 6


def canonical_url(url: str) -> str:
    """Return the canonical form of ``url`` (see the module docstring). Never raises."""
    current = url.strip() if isinstance(url, str) else ""
    for _ in range(MAX_PASSES):
        try:
            nxt = _canonical_once(current)
        except (ValueError, UnicodeError):
            return current
        if nxt == current:
            return current
        current = nxt
    return current


def _canonical_once(url: str) -> str:
    match = _SCHEME_RE.match(url)
    if match is None:
        return url
    scheme = match.group(1).lower()
    if scheme not in DEFAULT_PORTS:
        return url
    rest = url[match.end() :]
    if not rest.startswith("//"):
        return url
    rest = rest[2:]
    rest, _, _fragment = rest.partition("#")
    rest, has_query, query = rest.partition("?")
    slash = rest.find("/")
    netloc, path = (rest, "") if slash < 0 else (rest[:slash], rest[slash:])
    host = _canonical_netloc(netloc, scheme)
    if not host:
        return url
    path = _canonical_path(path)
    query = _canonical_query(query) if has_query else ""
    return f"{scheme}://{host}{path}" + (f"?{query}" if query else "")


def _canonical_netloc(netloc: str, scheme: str) -> str:
    userinfo, at, hostport = netloc.rpartition("@")
    if hostport.startswith("["):  # IPv6 literal
        end = hostport.find("]")
        host, port = hostport[: end + 1], hostport[end + 1 :].lstrip(":")
    else:
        host, _, port = hostport.partition(":")
    host = host.lower().rstrip(".")
    if not host:
        return ""
    for prefix in MOBILE_HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = "www." + host[len(prefix) :]
            break
    port_part = "" if port in ("", DEFAULT_PORTS[scheme]) else f":{port}"
    return (userinfo + at if at else "") + host + port_part


def _normalise_escapes(text: str, safe: frozenset[str]) -> str:
    def fix(m: re.Match[str]) -> str:
        char = chr(int(m.group(1), 16))
        return char if char in _UNRESERVED else "%" + m.group(1).upper()

    quoted = "".join(c if c in safe else _quote_char(c) for c in text)
    return _ESCAPE_RE.sub(fix, quoted)


def _quote_char(char: str) -> str:
    return "".join(f"%{b:02X}" for b in char.encode("utf-8", "surrogatepass"))


def _canonical_path(path: str) -> str:
    path = _SESSION_RE.sub("", path)
    path = re.sub(r"/{2,}", "/", path)
    for pattern, repl in _AMP_PATH_RES:
        new = pattern.sub(repl, path)
        if new != path:
            path = new
            break
    path = path.rstrip("/") or "/"
    return _normalise_escapes(path, _PATH_SAFE)


def _is_tracking(key: str) -> bool:
    low = _ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), key).lower()
    return low in TRACKING_KEYS or low.startswith(TRACKING_PREFIXES)


def _canonical_query(query: str) -> str:
    pairs = []
    for piece in query.split("&"):
        if not piece:
            continue
        key = piece.partition("=")[0]
        if _is_tracking(key):
            continue
        pairs.append(_normalise_escapes(piece, _QUERY_SAFE - {"&"}))
    # Order of parameters never selects different content on news sites; sorting makes
    # "?a=1&b=2" and "?b=2&a=1" one address. sorted() is stable for repeated keys.
    pairs.sort(key=lambda p: p.partition("=")[0])
    return "&".join(pairs)
