"""Store access for the service: one read-only SQLite connection per worker thread.

``copydesk.store.Store`` is thread-confined, and FastAPI runs blocking endpoints on a thread pool,
so each pool thread lazily opens its own read-only Store. SQLite reads run in parallel under WAL
and release the GIL while they work, so searches from concurrent clients overlap.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from copydesk.errors import StoreError
from copydesk.store.sqlite import Store


class StoreUnavailable(Exception):
    """The service was started without a store, or the store cannot be opened."""


class StoreAccess:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []
        self._ready = False

    @property
    def configured(self) -> bool:
        return self.path is not None

    def prepare(self) -> None:
        """Create the store file and its schema when the file is missing (a writable open
        migrates). An existing file is only ever opened read-only, so a store on read-only
        storage can be served."""
        if self.path is None or self._ready:
            return
        with self._lock:
            if not self._ready and self.path.exists():
                self._ready = True
            if not self._ready:
                try:
                    Store(self.path).close()
                except StoreError as exc:
                    raise StoreUnavailable(str(exc)) from exc
                self._ready = True

    def get(self) -> Store:
        """This thread's read-only Store."""
        if self.path is None:
            raise StoreUnavailable("no store configured: start the service with --store PATH")
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            self.prepare()
            try:
                store = Store(self.path, readonly=True)
            except StoreError as exc:
                raise StoreUnavailable(str(exc)) from exc
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        """Close every connection opened so far (at shutdown)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            # a connection made on another thread refuses to close here; it closes when collected
            with contextlib.suppress(Exception):
                store.close()
