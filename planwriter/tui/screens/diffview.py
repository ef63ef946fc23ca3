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
        Binding("escape", "close", "Về", id="close-diff"),
        Binding("n", "next_change", "Sau", id="next-change"),
        Binding("p", "previous_change", "Trước", id="previous-change"),
        Binding("c", "toggle_changed", "Tất cả", id="toggle-changed"),
        Binding("l", "show_localized", "Địa phương hóa", id="show-localized"),
        Binding("g", "show_assigned", "Phân công", id="show-assigned"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.changed_only = True
        self.mode = "changed"  # changed | all | localized | assigned
        self.rows: list[DiffRow] = []
        self.shown: list[DiffRow] = []

    def compose(self) -> ComposeResult:
        parent = self.session.parent
        assert parent is not None
        ref = self.session.plan.meta.parent
        yield Static(f"So sánh với văn bản cấp trên {ref.number if ref else ''}", id="plan-title")
        with Vertical(id="diff-body"):
            yield Static(summary_from_plan(self.session.plan, parent), id="diff-summary")
            yield Label("", id="diff-reconstructed", classes="warning")
            yield DataTable(id="diff-indicators", cursor_type="row", zebra_stripes=True)
            yield Label("", id="diff-items-caption", classes="caption")
            yield OptionList(id="diff-items")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        from planwriter.tui.wording import reconstructed

        parent = self.session.parent
        assert parent is not None
        warning = self.query_one("#diff-reconstructed", Label)
        if reconstructed(parent):
            warning.update("Văn bản cấp trên là bản TÁI DỰNG, không phải văn bản chính thức: "
                           "đối chiếu lại khi có bản chính thức.")
        else:
            warning.display = False
        self._fill_indicators()
        self.rows = rows_from_plan(self.session.plan, parent)
        self._fill()
        self.query_one("#diff-items", OptionList).focus()
        self._compare()

    def _fill_indicators(self) -> None:
        """The target table, its name column abbreviated to the width so that no column is
        ever pushed off the screen (the change column matters most)."""
        parent = self.session.parent
        assert parent is not None
        table = self.query_one("#diff-indicators", DataTable)
        table.clear(columns=True)
        table.add_columns("Chỉ tiêu", "Cấp trên", "Kế hoạch", "Thay đổi")
        self.indicator_items: list[str | None] = []  # an item may hold several targets
        rows = list(indicator_rows(self.session.plan, parent))

        def figure(ind: object) -> str:
            return f"{ind.comparator} {ind.figure()}" if ind else "—"  # type: ignore[attr-defined]

        figures = [(figure(r.parent), figure(r.child)) for r in rows]
        widest = max((len(a) + len(b) for a, b in figures), default=20)
        room = max(14, self.app.size.width - widest - 8 - 4 * 2 - 3)
        for row, (theirs, mine) in zip(rows, figures, strict=True):
            shown = row.child or row.parent
            self.indicator_items.append(row.child_item.id if row.child_item else None)
            name = " ".join((shown.name if shown else row.indicator_id).split())
            table.add_row(name if len(name) <= room else name[: room - 1] + "…",
                          theirs, mine, CHANGE_NAMES[row.change])

    def on_resize(self) -> None:
        self._fill_indicators()

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
        wanted = {"changed": lambda r: r.changed or r.assigned, "all": lambda r: True,
                  "localized": lambda r: r.localized, "assigned": lambda r: r.assigned}
        rows = [row for row in self.rows if wanted[self.mode](row)]
        self.shown = rows
        listing = self.query_one("#diff-items", OptionList)
        listing.clear_options()
        listing.add_options([Option(row.line, id=str(n)) for n, row in enumerate(rows)])
        if rows:
            listing.highlighted = 0
        which = {"changed": "Thay đổi của người soạn", "all": "Tất cả các mục",
                 "localized": "≈ Chỉ địa phương hóa", "assigned": "Phân công nhiệm vụ"}
        localized = sum(1 for row in self.rows if row.localized)
        assigned = sum(1 for row in self.rows if row.assigned)
        self.query_one("#diff-items-caption", Label).update(
            f"{which[self.mode]} ({len(rows)}) · ≈ địa phương hóa {localized} (l) · "
            f"phân công {assigned} (g) · Enter: mở")

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
        self.mode = "all" if self.mode == "changed" else "changed"
        self.changed_only = self.mode == "changed"
        self._fill()

    def action_show_localized(self) -> None:
        self.mode = "changed" if self.mode == "localized" else "localized"
        self._fill()

    def action_show_assigned(self) -> None:
        self.mode = "changed" if self.mode == "assigned" else "assigned"
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
            self.app.screen.go_to(item_id)

    def action_close(self) -> None:
        self.dismiss(None)
