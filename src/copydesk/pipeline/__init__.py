"""Batch processing of web archives: screening and extraction steps, bounded workers, shard
output, and the local and Ray engines."""

from copydesk.pipeline.runner import (
    BatchOptions,
    ShardResult,
    expand_inputs,
    process_shard,
    run_local,
)
from copydesk.pipeline.sandbox import Bounds, WorkerPool
from copydesk.pipeline.steps import Extracted, Rejected, StepOptions, extract_step

__all__ = [
    "BatchOptions",
    "Bounds",
    "Extracted",
    "Rejected",
    "ShardResult",
    "StepOptions",
    "WorkerPool",
    "expand_inputs",
    "extract_step",
    "process_shard",
    "run_local",
]
