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
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--tasks-inline", dest="tasks_in_appendix", action="store_false",
                       default=None,
                       help="each task's lead, partners, deadline and output after its text")
    where.add_argument("--tasks-appendix", dest="tasks_in_appendix", action="store_true",
                       help="the tasks as the \"Phụ lục phân công nhiệm vụ\" after the signature")


def run(args: argparse.Namespace) -> int:
    from planwriter.errors import ExportError
    from planwriter.export import export_docx
    from planwriter.planfile import load

    plan_path = Path(args.plan)
    plan = load(plan_path).plan
    output = Path(args.output) if args.output else plan_path.with_suffix(".docx")
    if output.suffix.lower() != ".docx":
        raise ExportError("tệp xuất phải có đuôi .docx", output)
    from planwriter.export.appendix import has_tasks
    from planwriter.fsutil import guard_output

    inputs = [plan_path]
    guard_output(output, inputs, (".docx",))
    if args.pdf:
        guard_output(output.with_suffix(".pdf"), inputs, (".pdf",))
    if args.tasks:
        # Checked before anything is written, so a wrong name or an empty register costs
        # nothing.
        tasks_path = Path(args.tasks)
        if tasks_path.suffix.lower() not in (".csv", ".xlsx"):
            raise ExportError("sổ theo dõi nhiệm vụ phải là tệp .csv hoặc .xlsx", args.tasks)
        if not has_tasks(plan.items):
            raise ExportError("kế hoạch không có nhiệm vụ nào nên không ghi sổ theo dõi nhiệm "
                              "vụ", plan_path)
        guard_output(tasks_path, [plan_path, output], (".csv", ".xlsx"))
    if args.tasks_in_appendix and not has_tasks(plan.body()):
        print(f"{plan_path}: kế hoạch không có nhiệm vụ nào nên không có phụ lục phân công "
              "nhiệm vụ; các mục khác xuất như thường.")
    result = export_docx(plan, output, pdf=args.pdf, tasks_in_appendix=args.tasks_in_appendix)
    print(result.message)
    for warning in result.warnings:
        print(warning)
    if args.tasks:
        from planwriter.export.register import write_register

        tasks_path = Path(args.tasks)
        try:
            count = write_register(plan, tasks_path)
        except OSError as exc:
            raise ExportError(f"không ghi được tệp: {exc.strerror or exc}", tasks_path) from exc
        print(f"Đã ghi {count} nhiệm vụ vào {tasks_path}")
    return 0
