"""``planwriter new --template KEY --profile KEY -o PLAN``: draft a local plan."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from planwriter.errors import PlanwriterError


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("--template", "-t", required=True,
                        help="the parent programme: a library key (lai-chau/63-CTr-TU) "
                        "or a .toml file")
    parser.add_argument("--profile", "-p", required=True,
                        help="the unit: a library key (lai-chau/tam-duong) or a .toml file")
    parser.add_argument("--output", "-o", required=True, help="the plan file to write (.toml)")
    parser.add_argument("--date", help="the plan's date, YYYY-MM-DD (default: today)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PlanwriterError(f"--date '{text}' is not a date (expected YYYY-MM-DD)") from None


def run(args: argparse.Namespace) -> int:
    from planwriter import library
    from planwriter.bodies import body_name
    from planwriter.drafting import new_plan
    from planwriter.drafting.cite import citation
    from planwriter.filelock import locked
    from planwriter.fsutil import guard_output
    from planwriter.planfile import new_file

    output = Path(args.output)
    if output.exists() and not args.force:
        raise PlanwriterError("already exists (use --force to overwrite it)", output)
    if not output.parent.is_dir():
        raise PlanwriterError("no such folder", output.parent)
    inputs = [library.template_path(args.template), library.profile_path(args.profile)]
    guard_output(output, inputs, [".toml"])
    notes: list[str] = []
    plan = new_plan(args.template, args.profile, date=parse_date(args.date), notes=notes)
    # A parent or profile given as a file is cited relative to the plan, so the pair can move.
    if plan.meta.parent is not None and plan.meta.parent.ref.endswith(".toml"):
        plan.meta.parent.ref = _relative(plan.meta.parent.ref, output)
    if plan.meta.profile.endswith(".toml"):
        plan.meta.profile = _relative(plan.meta.profile, output)
    parent = plan.meta.parent
    cited = citation(parent.number) if parent else ""
    header = (f"Dự thảo kế hoạch của {plan.meta.issuing_body} thực hiện {cited}, "
              f"tạo bằng planwriter new ngày {dt.date.today().isoformat()}.")
    with locked(output):
        if output.exists() and not args.force:  # created while we drafted
            raise PlanwriterError("already exists (use --force to overwrite it)", output)
        new_file(plan, output, header).save()
    count = sum(1 for _ in plan.walk())
    print(f"Đã tạo {output}: {count} mục từ {cited} cho {body_name(plan.meta.issuing_body)}.")
    for note in notes:
        print(note)
    print(f"Tiếp theo: planwriter show {output}; planwriter check {output}")
    return 0


def _relative(path: str, output: Path) -> str:
    target = Path(path).resolve()
    return Path(os.path.relpath(target, output.resolve().parent)).as_posix()
