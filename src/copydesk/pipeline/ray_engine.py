"""The Ray engine: one Ray task per shard, each running the same ``process_shard`` (with its own
single bounded worker) as the local engine. Ray is an optional extra: ``pip install
'copydesk[ray]'``. On a cluster (``address``), ``out_dir`` and local inputs must be on storage every
node sees; http(s) inputs are streamed by whichever node runs the task."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from copydesk.pipeline.runner import BatchOptions, ShardResult, process_shard
from copydesk.pipeline.sandbox import WorkerPool
from copydesk.pipeline.shard import ShardPaths, shard_name


class RayUnavailable(RuntimeError):
    """Ray is not installed or the cluster cannot be reached."""


def _shard_task(location: str, options: BatchOptions) -> ShardResult:
    with WorkerPool(1, options.step, options.step_options, options.bounds) as pool:
        return process_shard(location, options.out_dir, pool, options.step_options)


def run_ray(
    locations: Sequence[str],
    options: BatchOptions,
    *,
    address: str | None = None,
    stderr: TextIO | None = None,
) -> list[ShardResult]:
    """Run every unfinished shard as a Ray task; ``options.workers`` caps the local Ray's CPUs
    (ignored when joining a cluster, whose size decides)."""
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailable("the ray engine needs Ray: pip install 'copydesk[ray]'") from exc
    # Workers resolve the output folder themselves: make it absolute before shipping it.
    options = replace(options, out_dir=Path(os.path.abspath(options.out_dir)))
    results: dict[str, ShardResult] = {}
    todo = []
    for location in locations:
        paths = ShardPaths(options.out_dir, shard_name(location))
        if paths.finished():
            results[location] = ShardResult(location, paths.name, "skipped")
        else:
            todo.append(location)
    if todo:
        started_here = not ray.is_initialized()
        try:
            if started_here:
                init: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
                if address:
                    init["address"] = address
                else:
                    init["num_cpus"] = options.workers
                ray.init(**init)
        except Exception as exc:  # ray raises a variety of errors for unreachable clusters
            raise RayUnavailable(f"cannot start or join Ray: {exc}") from exc
        try:
            task = ray.remote(num_cpus=1, max_retries=1)(_shard_task)
            pending = {task.remote(loc, options): loc for loc in todo}
            while pending:
                ready, _ = ray.wait(list(pending), num_returns=1)
                location = pending.pop(ready[0])
                try:
                    result = ray.get(ready[0])
                except Exception as exc:
                    result = ShardResult(location, shard_name(location), "failed", error=str(exc))
                results[location] = result
                if stderr is not None:
                    records = result.stats.get("records", 0)
                    articles = result.stats.get("articles", 0)
                    stderr.write(
                        f"[{len(results)}/{len(locations)}] {result.name}: {result.status}, "
                        f"{records:,} records, {articles:,} articles\n"
                    )
                    stderr.flush()
        finally:
            if started_here:
                ray.shutdown()
    return [results[loc] for loc in locations]
