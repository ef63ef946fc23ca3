"""``planwriter diff CHILD [PARENT]``: how a local plan differs from its parent."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwriter.errors import PlanwriterError


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("child", help="the local plan (.toml)")
    parser.add_argument(
        "parent",
        nargs="?",
        help="the parent plan (.toml or template key); default: the child's [plan.parent] ref",
    )
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument(
        "--side-by-side", action="store_true", help="parent and child in two columns"
    )
    layout.add_argument(
        "--json", action="store_true", help="print JSON (schema: docs/diff-json.md)"
    )
    parser.add_argument(
        "--changed-only", action="store_true", help="leave out items kept unchanged"
    )
    parser.add_argument(
        "--docx", metavar="FILE", type=Path, help="write a printable comparison report"
    )
    parser.add_argument(
        "--redline",
        metavar="FILE",
        type=Path,
        help="write the child plan as a .docx with tracked changes against the parent",
    )


def _parent_path(child: Path, given: str | None, ref: str) -> Path:
    from planwriter import library

    if given is not None:
        path = Path(given)
        return path if path.suffix == ".toml" else library.template_path(given)
    if not ref:
        raise PlanwriterError(
            "kế hoạch không nêu văn bản cấp trên ([plan.parent] ref): hãy chỉ ra PARENT", child
        )
    found = library.resolve_parent(ref, child)
    if found is None:
        raise PlanwriterError(f"không tìm thấy văn bản cấp trên '{ref}': hãy chỉ ra PARENT", child)
    return found


def run(args: argparse.Namespace) -> int:
    from planwriter.diff import compare
    from planwriter.planfile import load

    child_path = Path(args.child)
    child = load(child_path).plan
    ref = child.meta.parent.ref if child.meta.parent else ""
    parent_path = _parent_path(child_path, args.parent, ref)
    parent = load(parent_path).plan
    from planwriter.fsutil import guard_output

    if args.docx:
        guard_output(args.docx, [child_path, parent_path], [".docx"])
    if args.redline:
        guard_output(args.redline, [child_path, parent_path, args.docx], [".docx"])
    diff = compare(child, parent)
    written = []
    if args.docx:
        from planwriter.diff.report_docx import write_report

        written.append(write_report(diff, args.docx))
    if args.redline:
        from planwriter.diff.redline import write_redline

        written.append(write_redline(diff, args.redline))
    if args.json:
        from planwriter.diff.jsonout import to_json

        sys.stdout.write(to_json(diff))
        return 0
    if written and not (args.side_by_side or args.changed_only):
        for path in written:
            print(f"Đã ghi {path}")
        return 0
    from rich.console import Console

    from planwriter.diff.terminal import render

    render(diff, Console(), side_by_side=args.side_by_side, changed_only=args.changed_only)
    for path in written:
        print(f"Đã ghi {path}")
    return 0
