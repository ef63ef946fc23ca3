"""``planwriter import FILE -o PLAN.toml [--as-template KEY]``: read a .docx or text document
into a plan file, and list what could not be classified so the source can be fixed.

The report names the input file and the line or paragraph of each entry, says what the
import did to the text (NFC), and ends with the share of the input's characters that reached
the plan. The plan is written once, atomically, as the importer built it: never re-parsed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwriter import planfile
from planwriter.errors import PlanwriterError
from planwriter.fsutil import guard_output
from planwriter.importer import import_file
from planwriter.planfile.rules import check_plan


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("file", help="a .docx or a UTF-8 text file (OCR text too)")
    parser.add_argument("-o", "--output", help="the plan file to write (.toml)")
    parser.add_argument(
        "--as-template",
        metavar="KEY",
        help="store it in the template library (PLANWRITER_LIBRARY, else the user library) "
        "as KEY, a parent programme for 'new'",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int:
    from planwriter.filelock import locked

    source = Path(args.file)
    if args.as_template:
        from planwriter import library

        target = library.new_entry_path("templates", args.as_template, force=args.force)
    elif args.output:
        target = Path(args.output)
    else:
        target = source.with_suffix(".toml")
    guard_output(target, [source], [".toml"])
    if target.exists() and not args.force:
        raise PlanwriterError("already exists (use --force to replace it)", target)
    result = import_file(source)
    plan_file = planfile.new_file(
        result.plan, target, f"Nhập từ {source.name} bằng planwriter import."
    )
    check_plan(result.plan)  # the reader's rules, before any folder is made: never unreadable
    target.parent.mkdir(parents=True, exist_ok=True)
    with locked(target):
        if target.exists() and not args.force:  # created while we imported
            raise PlanwriterError("already exists (use --force to replace it)", target)
        plan_file.save()
    count = sum(1 for _ in result.plan.walk())
    print(
        f"Đã nhập {source} → {target}: {count} mục, {len(result.unclassified)} dòng chưa xếp được, "
        f"{len(result.warnings)} chỗ cần xem lại."
    )
    for note in result.notes:
        print(f"  {note}")
    for entry in result.unclassified:
        print(f"  {source}: {entry.where}: {entry.why}: {entry.text[:100]}", file=sys.stderr)
    for entry in result.warnings:
        print(
            f"  {source}: {entry.where}: xem lại: {entry.why}: {entry.text[:80]}", file=sys.stderr
        )
    if result.coverage is not None:
        print(result.coverage.line())
    return 0
