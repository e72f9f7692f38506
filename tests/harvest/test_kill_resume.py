"""kill -9 in the middle of a crawl, then the same command again: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from crawl_site import CrawlSite, SiteConfig

from copydesk.store import Store


def _command(site: CrawlSite, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "copydesk",
        "crawl",
        site.base + "/",
        "--store",
        str(db),
        "--delay",
        "0.03",
        "--timeout",
        "2",
        "--exclude",
        "/(slow|flaky|busy|broken|bomb)",
        "--quiet",
    ]


def test_kill_9_then_resume(tmp_path: Path) -> None:
    site = CrawlSite(SiteConfig(recent=30, archive=20, bomb_bytes=1024)).start()
    try:
        db = tmp_path / "k.db"
        log = tmp_path / "stderr.txt"
        with open(log, "wb") as err:
            proc = subprocess.Popen(_command(site, db), stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None:
            if sum(1 for r in site.requests if r.path.startswith("/news/20")) >= 15:
                break
            time.sleep(0.01)
        assert proc.poll() is None, log.read_text()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        killed_at = len(site.requests)
        with Store(db) as store:
            stored_before = store.count()
        assert 0 < stored_before < len(site.story_paths())

        done = subprocess.run(_command(site, db), capture_output=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        assert len(site.requests) > killed_at
        with Store(db) as store:
            paths = sorted(urlsplit(s.article.url or "").path for s in store.iter_articles())
            versions = {s.version for s in store.iter_articles()}
        expected = sorted([*site.story_paths(), "/gzipped.html", "/latin1.html", "/cp1252.html"])
        assert paths == expected
        assert versions == {1}
        # The page in flight at the kill (fetched, not yet committed) may be fetched again; no
        # other story is.
        twice = [p for p in site.story_paths() if site.requested(p) > 1]
        assert len(twice) <= 1, twice
        assert all(site.requested(p) <= 2 for p in site.story_paths())
    finally:
        site.stop()
