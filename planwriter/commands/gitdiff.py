"""``planwriter gitdiff``: git's external diff driver for plan files.

git calls it with ``PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`` (see
gitattributes(5), "Defining an external diff driver"); set it up once with
``git config diff.planwriter.command "planwriter gitdiff"`` and ``*.toml diff=planwriter`` in
``.gitattributes``. The old version is compared as the parent of the new one, item by item.
A file that is not a plan (or does not read) falls back to a plain line diff.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from planwriter.errors import PlanwriterError


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("path", help="the file's path in the repository")
    parser.add_argument("old_file")
    parser.add_argument("old_hex", nargs="?")
    parser.add_argument("old_mode", nargs="?")
    parser.add_argument("new_file", nargs="?")
    parser.add_argument("new_hex", nargs="?")
    parser.add_argument("new_mode", nargs="?")


def _plan(path: str):  # type: ignore[no-untyped-def]
    from planwriter.model import Plan
    from planwriter.planfile import loads

    if path == "/dev/null":
        return Plan()
    return loads(Path(path).read_text(encoding="utf-8-sig"), path)


def run(args: argparse.Namespace) -> int:
    new_file = args.new_file or args.old_file
    print(f"planwriter gitdiff {args.path}")
    try:
        old, new = _plan(args.old_file), _plan(new_file)
    except (PlanwriterError, OSError, UnicodeDecodeError):
        return _line_diff(args.path, args.old_file, new_file)
    from rich.console import Console

    from planwriter.diff import compare
    from planwriter.diff.terminal import render

    render(compare(new, old), Console(highlight=False), changed_only=True)
    return 0


def _line_diff(name: str, old_file: str, new_file: str) -> int:
    def lines(path: str) -> list[str]:
        if path == "/dev/null":
            return []
        return Path(path).read_text(encoding="utf-8", errors="replace").splitlines(True)

    sys.stdout.writelines(
        difflib.unified_diff(lines(old_file), lines(new_file), f"a/{name}", f"b/{name}")
    )
    return 0
