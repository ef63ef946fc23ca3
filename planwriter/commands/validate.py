"""``planwriter validate FILE…``: one line per invalid file, exit status 2 if any."""

from __future__ import annotations

import argparse
import sys

from planwriter.errors import PlanwriterError
from planwriter.planfile import load


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("files", nargs="+", help="plan or template files (.toml)")


def run(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        try:
            plan = load(name).plan
        except PlanwriterError as exc:
            print(f"planwriter: {exc}", file=sys.stderr)
            failed += 1
            continue
        count = sum(1 for _ in plan.walk())
        print(f"{name}: ok ({count} items)")
    return 2 if failed else 0
