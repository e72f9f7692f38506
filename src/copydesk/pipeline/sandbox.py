"""Bounded workers: each page is extracted in a child process under a time and memory bound.

A worker that exceeds the page timeout is killed and replaced; one that dies (segfault, OOM
kill, MemoryError under its address-space limit) is replaced too. The page gets a reject
(``timeout``, ``worker_died``, ``memory``) and the batch goes on. Results come back in
submission order, so a shard's output does not depend on timing.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import resource
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from copydesk.archive.page import Page
from copydesk.pipeline.steps import Outcome, Rejected, StepFunction, StepOptions

# How long one page may take. Real pages extract in < 1 s on this machine; 30 s leaves room for
# a loaded machine and still frees a worker stuck in a pathological page within a minute.
DEFAULT_TIMEOUT_S = 30.0
# Address-space limit per worker (RLIMIT_AS). A worker idles at ~300 MB of *virtual* memory
# (libraries, the language model mapping); 1.5 GB lets a 8 MB page parse (lxml trees are ~10x
# the HTML) while turning a runaway allocation into a MemoryError instead of the OOM killer.
DEFAULT_MEMORY_MB = 1536
# Results kept waiting for an earlier, slower page before dispatch pauses: bounds the reorder
# buffer's memory while one worker is stuck on a page (up to the timeout).
MAX_AHEAD = 256
# Pages queued per worker: 2 lets a worker start its next page the moment it finishes one,
# instead of idling while the reading process (which may be waiting for a CPU on a busy
# machine) collects the result and sends the next. More would only delay resends.
PREFETCH = 2
# How long a retiring worker gets to exit on its own before it is killed.
JOIN_GRACE_S = 2.0
# How long a new worker may take to start (fork from the server, set its limits) before the
# pool gives up: a worker that cannot start is a broken installation, not a bad page.
START_TIMEOUT_S = 120.0


class WorkerStartError(RuntimeError):
    """A worker process could not start (so no page can be processed)."""


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Bounds:
    timeout_s: float = DEFAULT_TIMEOUT_S
    memory_mb: int | None = DEFAULT_MEMORY_MB


def _serve(
    conn: Connection, step: StepFunction, options: StepOptions, memory_mb: int | None
) -> None:
    """A worker's loop: receive a page, run the step, send (outcome, peak RSS KB, CPU seconds
    so far, retire). A thread takes pages off the pipe while the step runs, so the pool can
    queue the next page without waiting for this one (no idle round trip between pages)."""
    if memory_mb:
        limit = memory_mb << 20
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    inbox: queue.SimpleQueue[Page | None] = queue.SimpleQueue()

    def receive() -> None:
        while True:
            try:
                item = conn.recv()
            except (EOFError, OSError):
                item = None
            inbox.put(item)
            if item is None:
                return

    threading.Thread(target=receive, daemon=True).start()
    conn.send("ready")
    while True:
        page = inbox.get()
        if page is None:
            return
        retire = False
        try:
            outcome: Outcome = step(page, options)
        except MemoryError:
            outcome, retire = Rejected("memory", f"over the {memory_mb} MB worker limit"), True
        except Exception as exc:  # a bug on one page must not end the shard
            outcome = Rejected("error", f"{type(exc).__name__}: {exc}"[:500])
        del page
        usage = resource.getrusage(resource.RUSAGE_SELF)
        try:
            conn.send((outcome, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, retire))
        except (OSError, ValueError):
            return
        if retire:
            # A MemoryError can leave a process half-broken; a fresh one is cheap (forkserver).
            return


class _Worker:
    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.queue: deque[int] = deque()  # pages sent, in order; the first is being worked on
        self.started = 0.0  # when the first queued page started

    def deadline(self, timeout_s: float) -> float:
        return self.started + timeout_s


@dataclass
class PoolStats:
    restarts: int = 0
    timeouts: int = 0
    peak_rss_kb: int = 0
    # CPU seconds of workers that have exited, as last reported (a killed worker's last page
    # is not counted).
    retired_cpu_s: float = 0.0
    live_cpu_s: dict[int, float] = field(default_factory=dict)

    @property
    def cpu_s(self) -> float:
        """CPU seconds the workers spent (user + system), for benchmarks and stats.json."""
        return self.retired_cpu_s + sum(self.live_cpu_s.values())

    def retire(self, pid: int | None) -> None:
        if pid is not None:
            self.retired_cpu_s += self.live_cpu_s.pop(pid, 0.0)


class WorkerPool:
    """``size`` bounded workers running ``step``. Use as a context manager or call ``close``."""

    def __init__(
        self,
        size: int,
        step: StepFunction,
        options: StepOptions,
        bounds: Bounds = Bounds(),
        context: BaseContext | None = None,
    ) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self._size = size
        self._step = step
        self._options = options
        self._bounds = bounds
        self._ctx: Any = context or default_context()
        self._workers: list[_Worker] = []
        self.stats = PoolStats()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=_serve,
            args=(child, self._step, self._options, self._bounds.memory_mb),
            daemon=True,
        )
        process.start()
        child.close()
        try:
            ready = parent.poll(START_TIMEOUT_S) and parent.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            process.kill()
            process.join()
            parent.close()
            raise WorkerStartError(f"a batch worker failed to start (exit code {process.exitcode})")
        return _Worker(process, parent)

    def _replace(self, worker: _Worker, *, kill: bool) -> None:
        if kill:
            worker.process.kill()
        worker.process.join(JOIN_GRACE_S)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()
        self.stats.retire(worker.process.pid)
        self._workers.remove(worker)
        self._workers.append(self._spawn())
        self.stats.restarts += 1

    def run(self, jobs: Iterable[tuple[T, Page | None]]) -> Iterator[tuple[T, Outcome | None]]:
        """Run ``step`` on every job's page; a job without a page passes through. Yields
        (tag, outcome) in job order; the outcome is None for pass-through jobs.

        If ``jobs`` raises, the pages already handed out are finished and yielded first, then
        the error is raised: what was read before a damaged spot is not lost."""
        while len(self._workers) < self._size:
            self._workers.append(self._spawn())
        try:
            yield from self._run(jobs)
        finally:
            # Left early (the consumer stopped, or an error): workers still holding pages
            # would answer the next run with this run's results. Replace them.
            for worker in [w for w in self._workers if w.queue]:
                worker.queue.clear()
                self._replace(worker, kill=True)

    def _run(self, jobs: Iterable[tuple[T, Page | None]]) -> Iterator[tuple[T, Outcome | None]]:
        tags: dict[int, T] = {}
        done: dict[int, Outcome | None] = {}
        pages: dict[int, Page] = {}  # sent and not done: resent if their worker is replaced
        resend: deque[int] = deque()
        source = iter(jobs)
        exhausted = False
        source_error: BaseException | None = None
        next_in = next_out = 0
        while True:
            # 1. fill the workers' queues (pass-through jobs are done at once)
            for worker in self._workers:
                while len(worker.queue) < PREFETCH:
                    if resend:
                        self._send(worker, resend.popleft(), pages)
                        continue
                    if exhausted or next_in - next_out >= MAX_AHEAD:
                        break
                    try:
                        job = next(source, None)
                    except Exception as exc:
                        job, source_error = None, exc
                    if job is None:
                        exhausted = True
                        break
                    tag, page = job
                    tags[next_in] = tag
                    if page is None:
                        done[next_in] = None
                    else:
                        pages[next_in] = page
                        self._send(worker, next_in, pages)
                    next_in += 1
            # 2. hand out finished results in order
            while next_out in done:
                yield tags.pop(next_out), done.pop(next_out)
                next_out += 1
            busy = [w for w in self._workers if w.queue]
            if not busy:
                if exhausted and next_out == next_in and not resend:
                    if source_error is not None:
                        raise source_error
                    return
                continue
            # 3. wait for a result or the earliest deadline
            timeout_s = self._bounds.timeout_s
            wait_s = max(0.0, min(w.deadline(timeout_s) for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy], wait_s)
            for worker in busy:
                if worker.conn in ready:
                    seq = worker.queue.popleft()
                    done[seq] = self._receive(worker, resend)
                elif time.monotonic() >= worker.deadline(timeout_s):
                    seq = worker.queue.popleft()
                    self.stats.timeouts += 1
                    resend.extend(worker.queue)
                    worker.queue.clear()
                    self._replace(worker, kill=True)
                    done[seq] = Rejected("timeout", f"over {timeout_s:g} s")
                else:
                    continue
                pages.pop(seq, None)

    def _send(self, worker: _Worker, seq: int, pages: dict[int, Page]) -> None:
        if not worker.queue:
            worker.started = time.monotonic()
        worker.queue.append(seq)
        # A worker that died fails the send; the wait then sees EOF: worker_died.
        with contextlib.suppress(OSError, ValueError):
            worker.conn.send(pages[seq])

    def _receive(self, worker: _Worker, resend: deque[int]) -> Outcome:
        try:
            outcome, rss_kb, cpu_s, retire = worker.conn.recv()
        except (EOFError, OSError):
            code = worker.process.exitcode
            # The page being worked on killed the worker; the ones queued behind it get
            # another worker.
            resend.extend(worker.queue)
            worker.queue.clear()
            self._replace(worker, kill=True)
            return Rejected("worker_died", f"exit code {code}")
        worker.started = time.monotonic()
        self.stats.peak_rss_kb = max(self.stats.peak_rss_kb, int(rss_kb))
        if worker.process.pid is not None:
            self.stats.live_cpu_s[worker.process.pid] = float(cpu_s)
        if retire:
            resend.extend(worker.queue)
            worker.queue.clear()
            self._replace(worker, kill=False)
        return outcome  # type: ignore[no-any-return]

    def close(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(JOIN_GRACE_S)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
            self.stats.retire(worker.process.pid)
        self._workers = []


def default_context() -> BaseContext:
    """forkserver: workers fork from a clean server that already imported the extractor, so a
    replacement costs milliseconds and no state of the parent (threads, open files) leaks in."""
    ctx: Any = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["copydesk.pipeline.steps"])
    return ctx  # type: ignore[no-any-return]
