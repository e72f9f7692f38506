"""What the suites share: one guarded, timed call of the extractor per page."""

from __future__ import annotations

import signal
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

import copydesk
from copydesk.model import Article

# A page that takes longer than this is a hang, not a slow page: the slowest data-set page takes
# well under a second. Without a limit one hanging page would stall the gate until CI's own
# timeout; with it, the page is scored empty and reported, and the run goes on.
PAGE_TIMEOUT_S = 60.0


@dataclass(frozen=True, slots=True)
class Outcome:
    article: Article | None
    error: str | None = None
    ms: float = 0.0


class PageTimeout(Exception):
    pass


def _raise_timeout(signum: int, frame: FrameType | None) -> None:
    raise PageTimeout(f"no result after {PAGE_TIMEOUT_S:.0f} s")


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """SIGALRM-based limit; a no-op off the main thread, where signals cannot be set."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_page(raw: bytes, url: str | None, timeout: float = PAGE_TIMEOUT_S) -> Outcome:
    """``copydesk.extract`` on one page; an exception (a bug: extract must not raise on content)
    or a timeout is scored as an empty prediction and reported, instead of ending the run."""
    started = time.perf_counter()
    try:
        with _time_limit(timeout):
            article = copydesk.extract(raw, url=url)
    except Exception as exc:  # any failure is one page's failure
        last = traceback.extract_tb(exc.__traceback__)[-1]
        error = f"{type(exc).__name__}: {exc} ({last.filename}:{last.lineno})"
        return Outcome(None, error, (time.perf_counter() - started) * 1000)
    return Outcome(article, None, (time.perf_counter() - started) * 1000)


def day_of(article: Article | None) -> str | None:
    """The publication day as the page states it (its own zone, not converted), ISO format."""
    if article is None or article.published is None:
        return None
    return article.published.date().isoformat()
