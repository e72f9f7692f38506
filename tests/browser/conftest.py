"""Browser tests: the real server on 127.0.0.1 driven by headless Chromium (Debian's package,
installed by scripts/install-browser.sh; no browser can be downloaded here)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "service"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers_browser import CHROMIUM, CHROMIUM_ARGS
from helpers_service import LiveServer, LocalSite, make_store

from copydesk.service import Settings, create_app


# Module scope, not session: playwright's sync API keeps an event loop running in the main thread
# while it is open, and every later test calling asyncio.run() (fetch, harvest, service) then
# fails with "cannot be called from a running event loop" in a whole-suite run.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: run scripts/install-browser.sh (CI does)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    store = make_store(tmp_path_factory.mktemp("browser") / "copydesk.db", 40)
    app = create_app(Settings(store=store, allow_private=True, rate_per_s=1000, rate_burst=1000))
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="session")
def local_site() -> Iterator[LocalSite]:
    with LocalSite() as site:
        yield site


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
