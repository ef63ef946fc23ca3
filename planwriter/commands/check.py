"""``planwriter check PLAN``: the checklist, exit status 1 when it finds an error."""

from __future__ import annotations

import argparse
from pathlib import Path

from planwriter.errors import PlanwriterError


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("plan", help="a plan file (.toml)")
    parser.add_argument("--for-export", action="store_true",
                        help="a missing document number or date is an error, not a warning")


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.markup import escape

    from planwriter.check import check_plan
    from planwriter.drafting import localizer_for, profile_for
    from planwriter.library import resolve_parent
    from planwriter.planfile import load

    path = Path(args.plan)
    plan = load(path).plan
    parent = None
    if plan.meta.parent is not None and plan.meta.parent.ref:
        parent_path = resolve_parent(plan.meta.parent.ref, path)
        if parent_path is None:
            raise PlanwriterError(f"parent plan '{plan.meta.parent.ref}' not found", path)
        parent = load(parent_path, check_origins=False).plan
    profile = profile_for(plan, path) if parent is not None else None
    localizer = localizer_for(profile, parent.meta) if profile and parent else None
    findings = check_plan(plan, parent, localizer=localizer, for_export=args.for_export)

    console = Console(highlight=False)
    against = f" theo {plan.meta.parent.number}" if plan.meta.parent and parent else ""
    console.print(f"[bold]Kiểm tra {escape(str(path))}{escape(against)}[/bold]")
    if parent is not None and localizer is None:
        console.print("[yellow]không tìm thấy hồ sơ đơn vị (profile): bỏ qua kiểm tra từ chưa "
                      "địa phương hóa[/yellow]")
    for f in findings:
        mark = "[red]lỗi     [/red]" if f.is_error else "[yellow]cảnh báo[/yellow]"
        console.print(f"{mark} {escape(f.message)}  [dim]{f.code}[/dim]")
    errors = sum(1 for f in findings if f.is_error)
    warnings = len(findings) - errors
    summary = f"{errors} lỗi, {warnings} cảnh báo"
    console.print(f"[bold {'red' if errors else 'green'}]{summary}[/]")
    return 1 if errors else 0
