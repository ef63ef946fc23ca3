"""``planwriter review PARENT CHILD…``: what every child plan did with its parent's items
and targets — the whole picture a province's standing committee needs.

Exit status: 0 when every child was reviewed item by item; 1 when any child could not be
read or implements another parent (listed, the review of the others goes on); 2 for an
error of the command itself (the parent unreadable, no child given, a refused output).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from planwriter.errors import PlanwriterError


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument(
        "parent", help="the parent: a plan (.toml), a library template key, or a document"
    )
    parser.add_argument(
        "children",
        nargs="+",
        type=Path,
        metavar="CHILD",
        help="child plans (.toml), documents to import (.docx, .pdf, .txt), or folders of them",
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON (schema: docs/review-json.md)"
    )
    parser.add_argument(
        "--xlsx", metavar="FILE", type=Path, help="write the matrix as a workbook"
    )
    parser.add_argument(
        "--docx", metavar="FILE", type=Path, help="write a report for the standing committee"
    )
    parser.add_argument(
        "--parent-number",
        metavar="SYMBOL",
        help="the parent's number (57-NQ/TW) when it is a document whose number import "
        "cannot read: children citing it are then known to be its children",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes (default: one per core; 1: no workers)",
    )


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int, int, str], None] | None]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty() or total < 2:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("Đọc và đối chiếu"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("", total=total)

        def update(done: int, _total: int, name: str) -> None:
            bar.update(task, completed=done, description=name)

        yield update


def run(args: argparse.Namespace) -> int:
    from planwriter.fsutil import guard_output
    from planwriter.review.collect import expand, read_parent
    from planwriter.review.disposition import ChildStatus
    from planwriter.review.run import run_review

    if args.jobs is not None and args.jobs < 1:
        raise PlanwriterError(f"--jobs must be 1 or more, not {args.jobs}")
    parent_path = Path(args.parent)
    # Outputs are not left out here: one that is an input is refused below, not skipped.
    children = expand(list(args.children), exclude=[parent_path])
    if not children:
        given = " ".join(str(p) for p in args.children)
        raise PlanwriterError(
            f"không có kế hoạch nào để rà soát (.toml, .docx, .pdf, .txt) trong {given}"
        )
    inputs: list[Path] = [parent_path, *args.children, *children]
    if args.xlsx is not None:
        guard_output(args.xlsx, [*inputs, args.docx], (".xlsx",))
    if args.docx is not None:
        guard_output(args.docx, [*inputs, args.xlsx], (".docx",))
    parent, note = read_parent(args.parent)
    if args.parent_number:
        from planwriter.review.collect import set_number

        set_number(parent, args.parent_number)
    with _progress(len(children)) as progress:
        review = run_review(
            parent, args.parent, children, note=note, jobs=args.jobs, progress=progress
        )
    written: list[Path] = []
    if args.xlsx is not None:
        from planwriter.review.xlsx import write_xlsx

        written.append(write_xlsx(review, args.xlsx))
    if args.docx is not None:
        from planwriter.review.report_docx import write_report

        written.append(write_report(review, args.docx))
    if args.json:
        from planwriter.review.jsonout import to_json

        sys.stdout.write(to_json(review))
    else:
        from rich.console import Console

        from planwriter.review.terminal import render

        render(review, Console())
        for path in written:
            print(f"Đã ghi {path}")
    bad = [c for c in review.children if c.status is not ChildStatus.REVIEWED]
    return 1 if bad else 0
