"""``planwriter validate FILE…``: one line per file, exit status 2 if any is invalid.

A file with a ``[profile]`` table is checked as a unit profile, any other as a plan."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwriter.errors import PlanwriterError
from planwriter.planfile import load
from planwriter.profile import load_profile
from planwriter.tomlio import parse_fast, read_text


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("files", nargs="+", help="plan or template files (.toml)")


def run(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        try:
            print(f"{name}: ok ({_validate(Path(name))})")
        except PlanwriterError as exc:
            print(f"planwriter: {exc}", file=sys.stderr)
            failed += 1
    return 2 if failed else 0


def _validate(path: Path) -> str:
    """Load ``path`` as what it says it is; a summary of what was found."""
    if "profile" in parse_fast(path, read_text(path)):
        profile = load_profile(path)
        return f"profile, {len(profile.vocabulary)} vocabulary rules"
    count = sum(1 for _ in load(path).plan.walk())
    return f"{count} items"
