"""``planwriter show PLAN``: the plan's text with its derived numbering."""

from __future__ import annotations

import argparse
import sys

from planwriter.planfile import load
from planwriter.render import plan_text


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("plan", help="a plan file (.toml)")
    parser.add_argument("--ids", action="store_true", help="show each item's id and disposition")


def run(args: argparse.Namespace) -> int:
    plan = load(args.plan).plan
    if args.ids:
        from planwriter.numbering import labels
        from planwriter.render import item_line

        numbers = labels(plan)
        for item, _, depth in plan.walk():
            mark = item.disposition.value if item.disposition else ""
            label = numbers.get(item.id, "×")
            sys.stdout.write(f"{'  ' * depth}[{item.id}] {mark} {item_line(item, label)}\n")
        return 0
    sys.stdout.write(plan_text(plan))
    return 0
