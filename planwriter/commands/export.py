"""``planwriter export PLAN -o FILE.docx [--pdf] [--tasks FILE.csv|FILE.xlsx]``."""

from __future__ import annotations

import argparse
from pathlib import Path


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("plan", help="a plan file (.toml)")
    parser.add_argument("-o", "--output", help="the .docx to write (default: PLAN with .docx)")
    parser.add_argument("--pdf", action="store_true",
                        help="also write a PDF beside it, through LibreOffice")
    parser.add_argument("--tasks", metavar="FILE",
                        help="also write the task register as .csv or .xlsx")


def run(args: argparse.Namespace) -> int:
    from planwriter.errors import ExportError
    from planwriter.export import export_docx
    from planwriter.planfile import load

    plan_path = Path(args.plan)
    plan = load(plan_path).plan
    output = Path(args.output) if args.output else plan_path.with_suffix(".docx")
    if output.suffix.lower() != ".docx":
        raise ExportError("tệp xuất phải có đuôi .docx", output)
    if args.tasks:
        # Checked before anything is written, so a wrong name costs nothing.
        if Path(args.tasks).suffix.lower() not in (".csv", ".xlsx"):
            raise ExportError("sổ theo dõi nhiệm vụ phải là tệp .csv hoặc .xlsx", args.tasks)
    from planwriter.fsutil import guard_output

    guard_output(output, [plan_path], [".docx"])
    if args.pdf:
        guard_output(output.with_suffix(".pdf"), [plan_path], [".pdf"])
    if args.tasks:
        guard_output(args.tasks, [plan_path, output], [".csv", ".xlsx"])
    result = export_docx(plan, output, pdf=args.pdf)
    print(result.message)
    if args.tasks:
        from planwriter.export.register import write_register

        tasks_path = Path(args.tasks)
        try:
            count = write_register(plan, tasks_path)
        except OSError as exc:
            raise ExportError(f"không ghi được tệp: {exc.strerror or exc}", tasks_path) from exc
        print(f"Đã ghi {count} nhiệm vụ vào {tasks_path}")
    return 0
