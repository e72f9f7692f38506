"""`copydesk` command line: a thin layer over the library.

Each subcommand lives in its own module exposing ``register(subparsers)``, which adds its parser
and sets ``func`` (a callable taking the parsed namespace and returning an exit status). To add a
command, add its module name to ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS: tuple[str, ...] = (
    "copydesk.cli.extract_cmd",
    "copydesk.cli.batch_cmd",
    "copydesk.cli.import_cmd",
    "copydesk.cli.serve_cmd",
    "copydesk.cli.crawl_cmd",
    "copydesk.cli.search_cmd",
    "copydesk.cli.export_cmd",
    "copydesk.cli.reextract_cmd",
    "copydesk.cli.clusters_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk", description="Turn news web pages into structured article records."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(func(args))
    except KeyboardInterrupt:
        print("copydesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
