"""``python -m bench extract [--tools ...] [--limit N] [--repeat R] [--rounds N] [--clock C]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench import extract
from bench.tools import TOOLS
from eval.datasets import available, datasets_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract", help="copydesk vs peers on the AEB pages")
    ext.add_argument("--datasets", type=Path, default=None, help="default: as python -m eval")
    ext.add_argument("--tools", nargs="+", choices=sorted(TOOLS), default=extract.DEFAULT_TOOLS)
    ext.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ext.add_argument("--repeat", type=int, default=1, help="time each page R times, keep the min")
    ext.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure all tools N times, taking turns; keep the min",
    )
    ext.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="time pages by the process's CPU time (default: per-core speed, not billed for "
        "other processes on a shared machine) or by wall time",
    )
    args = parser.parse_args(argv)
    datasets = args.datasets.resolve() if args.datasets else datasets_dir()
    if not available(datasets / "aeb"):
        print(f"datasets not found at {datasets}: nothing to benchmark")
        return 2
    return extract.run(
        datasets, args.tools, args.limit, args.repeat, rounds=args.rounds, clock=args.clock
    )


if __name__ == "__main__":
    sys.exit(main())
