"""What the suites share: one guarded call of the extractor per page."""

from __future__ import annotations

import traceback
from dataclasses import dataclass

import copydesk
from copydesk.model import Article


@dataclass(frozen=True, slots=True)
class Outcome:
    article: Article | None
    error: str | None = None


def extract_page(raw: bytes, url: str | None) -> Outcome:
    """``copydesk.extract`` on one page; an exception (a bug: extract must not raise on content)
    is scored as an empty prediction and reported, instead of ending the run."""
    try:
        return Outcome(copydesk.extract(raw, url=url))
    except Exception as exc:  # any failure is one page's failure
        last = traceback.extract_tb(exc.__traceback__)[-1]
        return Outcome(None, f"{type(exc).__name__}: {exc} ({last.filename}:{last.lineno})")


def day_of(article: Article | None) -> str | None:
    """The publication day as the page states it (its own zone, not converted), ISO format."""
    if article is None or article.published is None:
        return None
    return article.published.date().isoformat()
