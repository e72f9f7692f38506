"""Which member of a story cluster is the original, and how each other member relates to it.

Pure functions over :class:`Member` records and similarity estimates; no I/O.

Origin rule, in order: (1) a member on the wire agency's own site (the agency being the cluster's
most common wire credit or dateline agency), (2) the earliest ``published``, (3) the longest body
(a trimmed copy is shorter than what it was cut from), (4) the lowest article id (first seen).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

Relation = Literal["original", "copy", "trimmed copy", "updated version", "rewrite"]

# Agencies' own sites, by the credit string the extractor gives (DESIGN.md §2 "credit").
AGENCY_DOMAINS: dict[str, tuple[str, ...]] = {
    "ap": ("apnews.com", "ap.org"),
    "associated press": ("apnews.com", "ap.org"),
    "reuters": ("reuters.com",),
    "afp": ("afp.com",),
    "agence france-presse": ("afp.com",),
    "dpa": ("dpa.com", "dpa-international.com"),
    "bloomberg": ("bloomberg.com",),
    "pa": ("pamediagroup.com",),
    "ansa": ("ansa.it",),
    "efe": ("efe.com",),
    "upi": ("upi.com",),
    "xinhua": ("xinhuanet.com", "news.cn"),
    "kyodo": ("kyodonews.net",),
    "aap": ("aap.com.au",),
    "the canadian press": ("thecanadianpress.com",),
    "cp": ("thecanadianpress.com",),
    "anadolu": ("aa.com.tr",),
    "tass": ("tass.com", "tass.ru"),
}
# Relation thresholds (estimated full-body Jaccard / containment / length ratio). A member at
# Jaccard >= COPY_JACCARD differs only by furniture and light edits (1-5 % of words edited gives
# 0.75-0.95 with 3-word shingles); below that, a member mostly contained in the origin and at most
# TRIM_RATIO of its length is a trimmed copy, one that contains the origin and is at least
# 1/TRIM_RATIO as long is an updated (extended) version; anything else in the cluster is a
# rewrite.
COPY_JACCARD = 0.75
CONTAINED = 0.7
TRIM_RATIO = 0.85


@dataclass(frozen=True, slots=True)
class Member:
    """What origin finding needs to know about one article of a cluster."""

    article_id: int
    url: str | None = None
    site_name: str | None = None
    credit: str | None = None
    agency: str | None = None
    published: datetime | None = None
    title: str | None = None
    n_shingles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "url": self.url,
            "site_name": self.site_name,
            "credit": self.credit,
            "agency": self.agency,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
        }


def host_of(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def cluster_agency(members: Sequence[Member]) -> str | None:
    """The most common wire credit or dateline agency among members (ties: first seen)."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for m in members:
        for name in {n.strip() for n in (m.credit, m.agency) if n and n.strip()}:
            key = name.lower()
            counts[key] += 1
            first.setdefault(key, name)
    if not counts:
        return None
    return first[counts.most_common(1)[0][0]]


def on_agency_site(member: Member, agency: str | None) -> bool:
    if not agency:
        return False
    host = host_of(member.url)
    domains = AGENCY_DOMAINS.get(agency.lower(), ())
    return any(host == d or host.endswith("." + d) for d in domains)


def _utc(value: datetime | None) -> float:
    if value is None:
        return float("inf")
    # A naive time is taken as UTC: the page gave no zone; at worst this misorders by a few hours.
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.timestamp()


def choose_origin(members: Sequence[Member]) -> tuple[Member, str]:
    """The most likely original and the reason it was chosen. ``members`` must not be empty."""
    if not members:
        raise ValueError("a cluster has at least one member")
    agency = cluster_agency(members)
    on_site = [m for m in members if on_agency_site(m, agency)]
    pool, reason = (on_site, "agency site") if on_site else (list(members), "")
    best = min(pool, key=lambda m: (_utc(m.published), -m.n_shingles, m.article_id))
    if not reason:
        if best.published is not None:
            reason = "earliest published"
        elif len(members) > 1:
            reason = "longest body"
        else:
            reason = "only member"
    return best, reason


def relation(member: Member, origin: Member, jaccard: float, contained: float) -> Relation:
    """How ``member`` relates to ``origin`` given their estimated full-body similarity."""
    if member.article_id == origin.article_id:
        return "original"
    if jaccard >= COPY_JACCARD:
        return "copy"
    if contained >= CONTAINED and origin.n_shingles > 0:
        ratio = member.n_shingles / origin.n_shingles
        if ratio <= TRIM_RATIO:
            return "trimmed copy"
        if ratio >= 1 / TRIM_RATIO:
            return "updated version"
    return "rewrite"
