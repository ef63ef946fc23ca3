"""``planwriter import FILE -o PLAN.toml [--as-template KEY] [--parent PLAN]``: read a .docx,
text, PDF or scanned page (OCR) into a plan file, and list what could not be classified so the
source can be fixed.

The report names the input file and the line or paragraph of each entry (a PDF's or scan's
page and line), says what the import did to the text (NFC; with ``--parent``, every line given
back its diacritics, before and after), and ends with the share of the input's characters
that reached the plan. The plan is written once, atomically, as the importer built it: never
re-parsed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from planwriter import planfile
from planwriter.errors import PlanwriterError
from planwriter.fsutil import guard_output
from planwriter.importer import import_file
from planwriter.planfile.rules import check_plan


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument(
        "file",
        help="a .docx, a UTF-8 text file (OCR text too), a PDF (with a text layer or scanned) "
        "or a scanned page (.png, .jpg, .tif)",
    )
    parser.add_argument("-o", "--output", help="the plan file to write (.toml)")
    parser.add_argument(
        "--as-template",
        metavar="KEY",
        help="store it in the template library (PLANWRITER_LIBRARY, else the user library) "
        "as KEY, a parent programme for 'new'",
    )
    parser.add_argument(
        "--parent",
        metavar="PLAN",
        help="the parent document (a plan file, a template key, or a .txt/.docx/.pdf): "
        "restore the diacritics OCR lost where the text follows the parent's words",
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
    parent = _parent_text(args.parent) if args.parent else None
    with _progress(source) as progress:
        result = import_file(source, parent=parent, progress=progress)
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
    if args.parent:
        words = sum(entry.words for entry in result.restored)
        print(
            f"  Khôi phục dấu theo {args.parent}: {len(result.restored)} dòng, {words} từ "
            "(xem lại từng dòng dưới đây)."
        )
    for note in result.notes:
        print(f"  {note}")
    for entry in result.unclassified:
        print(f"  {source}: {entry.where}: {entry.why}: {entry.text[:100]}", file=sys.stderr)
    for entry in result.warnings:
        print(
            f"  {source}: {entry.where}: xem lại: {entry.why}: {entry.text[:80]}", file=sys.stderr
        )
    for restored in result.restored:
        print(
            f"  {source}: {restored.where}: khôi phục dấu: {restored.before} → {restored.after}",
            file=sys.stderr,
        )
    if result.coverage is not None:
        print(result.coverage.line())
    return 0


def _parent_text(ref: str) -> list[str]:
    """The words to restore diacritics from: a plan file or template key, or a document."""
    from planwriter.importer.diacritics import plan_text
    from planwriter.importer.pdf import SCAN_SUFFIXES, read_scan
    from planwriter.importer.source import read_lines

    path = Path(ref)
    if path.suffix.lower() in (".txt", ".text", ".md", ".docx"):
        return [line.text for line in read_lines(path)]
    if path.suffix.lower() in SCAN_SUFFIXES:
        return [line.text for line in read_scan(path)]
    from planwriter.library import template_path

    plan_path = template_path(ref)
    return plan_text(planfile.load(plan_path, check_origins=False).plan)


@contextmanager
def _progress(source: Path) -> Iterator[Callable[[int, int], None]]:
    """Reports OCR pages on stderr: a progress bar on a terminal, a line a page elsewhere."""
    if not sys.stderr.isatty():

        def line(done: int, total: int) -> None:
            if not done:
                return
            print(f"{source}: đọc chữ (OCR) trang {done}/{total}", file=sys.stderr, flush=True)

        yield line
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(f"Đọc chữ (OCR) {source.name}", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
