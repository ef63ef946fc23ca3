"""``planwriter`` with no arguments, or ``planwriter tui [PLAN]``: the terminal interface."""

from __future__ import annotations

import argparse
from pathlib import Path

from planwriter.errors import PlanwriterError


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("plan", nargs="?", help="the plan file to open (default: the start screen)")


def run(args: argparse.Namespace) -> int:
    return run_tui(args.plan)


def run_tui(path: str | None) -> int:
    """Run the application (Textual is imported only here) and return its exit status."""
    plan = Path(path) if path else None
    if plan is not None and not plan.is_file():
        raise PlanwriterError("no such plan file", plan)
    from planwriter.tui.app import PlanwriterApp

    app = PlanwriterApp(plan)
    app.run()
    return app.return_code or 0
