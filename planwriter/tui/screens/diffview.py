"""The diff view: a local plan against its parent. Summary, the indicator table, then the
items; jump between changes, show only changes, enter opens an item in the editor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from planwriter.indicators import indicator_rows
from planwriter.tui.widgets.diffrows import (
    CHANGE_NAMES,
    DiffRow,
    rows_from_diff,
    rows_from_plan,
    summary_from_diff,
    summary_from_plan,
)

if TYPE_CHECKING:
    from planwriter.tui.session import Session

class DiffScreen(Screen[None]):
    """Compare the session's plan with its parent."""

    BINDINGS = [
        Binding("escape", "close", "Về soạn thảo", id="close-diff"),
        Binding("n", "next_change", "Thay đổi sau", id="next-change"),
        Binding("p", "previous_change", "Thay đổi trước", id="previous-change"),
        Binding("c", "toggle_changed", "Chỉ thay đổi", id="toggle-changed"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.changed_only = True
        self.rows: list[DiffRow] = []
        self.shown: list[DiffRow] = []

    def compose(self) -> ComposeResult:
        parent = self.session.parent
        assert parent is not None
        ref = self.session.plan.meta.parent
        yield Static(f"So sánh với văn bản cấp trên {ref.number if ref else ''}", id="plan-title")
        with Vertical(id="diff-body"):
            yield Static(summary_from_plan(self.session.plan, parent), id="diff-summary")
            yield DataTable(id="diff-indicators", cursor_type="row", zebra_stripes=True)
            yield Label("", id="diff-items-caption", classes="caption")
            yield OptionList(id="diff-items")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        parent = self.session.parent
        assert parent is not None
        table = self.query_one("#diff-indicators", DataTable)
        table.add_columns("Chỉ tiêu", "Cấp trên", "Kế hoạch", "")
        self.indicator_items: list[str | None] = []  # an item may hold several targets
        for row in indicator_rows(self.session.plan, parent):
            shown = row.child or row.parent
            self.indicator_items.append(row.child_item.id if row.child_item else None)
            name = shown.name if shown else row.indicator_id
            table.add_row(name if len(name) <= 48 else name[:47] + "…",
                          f"{row.parent.comparator} {row.parent.figure()}" if row.parent else "—",
                          f"{row.child.comparator} {row.child.figure()}" if row.child else "—",
                          CHANGE_NAMES[row.change])
        self.rows = rows_from_plan(self.session.plan)
        self._fill()
        self.query_one("#diff-items", OptionList).focus()
        self._compare()

    def _compare(self) -> None:
        """Word-level changes from planwriter.diff, computed off the UI thread on a copy."""
        try:
            from planwriter.diff import compare
        except ImportError:  # a build without the diff module: dispositions only
            return
        child, parent = self.session.plan.clone(), self.session.parent
        assert parent is not None

        def work() -> None:
            diff = compare(child, parent)
            self.app.call_from_thread(self._compared, diff)

        self.run_worker(work, thread=True, exclusive=True, group="diff")

    def _compared(self, diff: object) -> None:
        self.query_one("#diff-summary", Static).update(summary_from_diff(diff))
        self.rows = rows_from_diff(diff)
        self._fill()

    def _fill(self) -> None:
        rows = [row for row in self.rows if row.changed or not self.changed_only]
        self.shown = rows
        listing = self.query_one("#diff-items", OptionList)
        listing.clear_options()
        listing.add_options([Option(row.line, id=str(n)) for n, row in enumerate(rows)])
        if rows:
            listing.highlighted = 0
        which = "các mục có thay đổi" if self.changed_only else "tất cả các mục"
        self.query_one("#diff-items-caption", Label).update(
            f"{which.capitalize()} ({len(rows)}) — c: đổi chế độ, Enter: mở trong soạn thảo")

    def _changed_indices(self) -> list[int]:
        return [n for n, row in enumerate(self.shown) if row.changed]

    def _jump(self, step: int) -> None:
        listing = self.query_one("#diff-items", OptionList)
        indices = self._changed_indices()
        if not indices:
            return
        here = listing.highlighted if listing.highlighted is not None else -1
        ahead = [i for i in indices if (i > here if step > 0 else i < here)]
        listing.highlighted = (ahead[0] if step > 0 else ahead[-1]) if ahead else indices[
            0 if step > 0 else -1]
        listing.focus()

    def action_next_change(self) -> None:
        self._jump(1)

    def action_previous_change(self) -> None:
        self._jump(-1)

    def action_toggle_changed(self) -> None:
        self.changed_only = not self.changed_only
        self._fill()

    @on(OptionList.OptionSelected, "#diff-items")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.open_in_editor(self.shown[int(event.option.id or 0)].item_id)

    @on(DataTable.RowSelected, "#diff-indicators")
    def _open_indicator(self, event: DataTable.RowSelected) -> None:
        self.open_in_editor(self.indicator_items[event.cursor_row])

    def open_in_editor(self, item_id: str | None) -> None:
        self.dismiss(None)
        if item_id and self.session.plan.find(item_id) is not None:
            editor = self.app.screen
            outline = editor.query_one("#outline")
            outline.select_item(item_id)  # type: ignore[attr-defined]
            outline.focus()

    def action_close(self) -> None:
        self.dismiss(None)
