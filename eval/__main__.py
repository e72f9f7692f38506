"""``python -m eval run [SUITE...]`` | ``gate`` | ``pin [SUITE...] [--add SUITE.METRIC...]``
| ``list``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eval.datasets import ENV_VAR, available, datasets_dir
from eval.harness import FLOORS_PATH, RESULTS_DIR, format_metrics, gate, pin, run_many
from eval.suites import SUITES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    parser.add_argument(
        "--datasets",
        type=Path,
        default=None,
        help=f"data-set folder (default: ${ENV_VAR} or ../shared/datasets beside the repo)",
    )
    parser.add_argument("--results", type=Path, default=RESULTS_DIR, help="where results go")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run suites, print a table, write eval/results/<suite>.json")
    run.add_argument("suites", nargs="*", metavar="SUITE", help="default: all")
    gate_cmd = sub.add_parser("gate", help="run all suites; exit 1 below any floor")
    gate_cmd.add_argument("--floors", type=Path, default=FLOORS_PATH, help="floors JSON file")
    pin_cmd = sub.add_parser("pin", help="re-pin floors from the last results (eval/FLOORS.md)")
    pin_cmd.add_argument("--floors", type=Path, default=FLOORS_PATH, help="floors JSON file")
    pin_cmd.add_argument("suites", nargs="*", metavar="SUITE", help="only these (default: all)")
    pin_cmd.add_argument("--add", nargs="*", default=[], metavar="SUITE.METRIC", help="new keys")
    sub.add_parser("list", help="list the registered suites")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    datasets = args.datasets.resolve() if args.datasets else datasets_dir()
    if args.command == "list":
        for name, module in SUITES.items():
            print(f"{name}\t{module}")
        return 0
    if args.command == "pin":
        return pin(args.floors, args.results, args.add, sys.stdout, args.suites)
    if args.command == "gate":
        return gate(SUITES, datasets, args.floors, sys.stdout, args.results)
    unknown = [name for name in args.suites if name not in SUITES]
    if unknown:
        print(f"unknown suite(s): {', '.join(unknown)}; known: {', '.join(SUITES)}")
        return 2
    if not available(datasets):
        print(f"datasets not found at {datasets}")
        return 2
    results = run_many(args.suites or list(SUITES), SUITES, datasets, sys.stdout, args.results)
    print(format_metrics(results.values()))
    return 1 if any(r.error for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
