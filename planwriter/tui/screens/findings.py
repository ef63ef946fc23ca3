"""The drafter's checklist in the editor: findings of ``planwriter.check`` listed, and marked
with "!" in the outline until a later check no longer finds them."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from planwriter.model import Plan
from planwriter.tui.screens.host import EditorHost
from planwriter.tui.wording import finding_text, places

EditorScreen = EditorHost

SEVERITY = {"error": "Lỗi", "warning": "Lưu ý"}


def run_check(screen: EditorScreen, show: bool = True) -> None:
    """Check a copy of the plan in a worker; mark the outline and (``show``) list findings."""
    plan = screen.session.plan.clone()  # the worker reads a copy: editing goes on meanwhile
    parent = screen.session.parent

    def work() -> None:
        from planwriter.check import check_plan

        findings = check_plan(plan, parent)
        screen.app.call_from_thread(_checked, screen, findings, show)

    screen.run_worker(work, thread=True, exclusive=True, group="check", exit_on_error=False)


def _checked(screen: EditorScreen, findings: list[Any], show: bool) -> None:
    marks: dict[str, list[str]] = {}
    plan = screen.session.plan
    for finding in findings:
        if finding.item_id:
            marks.setdefault(finding.item_id, []).append(finding_text(finding.message, plan))
    screen.findings = marks
    outline = screen.query_one("#outline")
    outline.flagged = set(marks)  # type: ignore[attr-defined]
    outline.relabel(screen.session.plan)  # type: ignore[attr-defined]
    screen.show_item(screen.shown_id)
    if not show:
        return
    if not findings:
        screen.notify("Kiểm tra xong: không có gì cần xem lại.")
        return

    def chosen(item_id: str | None) -> None:
        if item_id:
            screen.go_to(item_id)

    screen.app.push_screen(FindingsScreen(findings, plan), chosen)


class FindingsScreen(ModalScreen[str | None]):
    """The findings; enter on one returns its item id."""

    BINDINGS = [Binding("escape", "close", "Đóng", id="close-findings")]

    def __init__(self, findings: list[Any], plan: Plan) -> None:
        super().__init__()
        self.findings = findings
        self.plan = plan

    def compose(self) -> ComposeResult:
        errors = sum(1 for f in self.findings if f.severity == "error")
        spots = places(self.plan)
        with Vertical(classes="dialog search"):
            yield Label(f"Kiểm tra: {errors} lỗi, {len(self.findings) - errors} lưu ý "
                        "(Enter: đến mục)", classes="title")
            yield OptionList(*[
                Option(finding_line(f, spots, self.plan), id=f"{n}")
                for n, f in enumerate(self.findings)], id="results")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        finding = self.findings[int(event.option.id or 0)]
        self.dismiss(finding.item_id)

    def action_close(self) -> None:
        self.dismiss(None)


def finding_line(finding: Any, spots: dict[str, str], plan: Plan) -> str:
    """ "Lỗi  II.2.1, ý 2: nhiệm vụ chưa có cơ quan chủ trì" — never the item's id."""
    severity = SEVERITY.get(finding.severity, finding.severity)
    where = spots.get(finding.item_id or "", "")
    message = finding_text(finding.message, plan) if where else finding.message
    return f"{severity}  {where + ': ' if where else ''}{message}".strip()
