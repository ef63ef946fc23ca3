"""The diff view: a local plan against its parent. Summary, the indicator table, then the
items; jump between changes, show only changes, enter opens an item in the editor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from planwriter.indicators import Change, indicator_rows
from planwriter.model import Disposition, Plan
from planwriter.numbering import labels
from planwriter.tui.widgets.outline import MARKS

if TYPE_CHECKING:
    from planwriter.tui.session import Session

CHANGE_NAMES = {Change.RAISED: "nâng", Change.KEPT: "giữ", Change.LOWERED: "hạ",
                Change.DROPPED: "bỏ", Change.ADDED: "thêm"}
DISPOSITION_NAMES = {Disposition.ADOPTED: "giữ nguyên", Disposition.ADAPTED: "đã sửa",
                     Disposition.DROPPED: "bỏ", Disposition.ADDED: "thêm mới"}


def summary(child: Plan, parent: Plan) -> str:
    """ "giữ nguyên 40 · đã sửa 3 · bỏ 1 · thêm mới 2 — chỉ tiêu: nâng 1, giữ 8" """
    counts = {d: 0 for d in Disposition}
    for item, _, _ in child.walk():
        if item.disposition is not None:
            counts[item.disposition] += 1
    changes = {c: 0 for c in Change}
    for row in indicator_rows(child, parent):
        changes[row.change] += 1
    items = " · ".join(f"{DISPOSITION_NAMES[d]} {n}" for d, n in counts.items())
    targets = ", ".join(f"{CHANGE_NAMES[c]} {n}" for c, n in changes.items() if n)
    return f"Mục: {items}" + (f" — chỉ tiêu: {targets}" if targets else "")


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

    def compose(self) -> ComposeResult:
        parent = self.session.parent
        assert parent is not None
        ref = self.session.plan.meta.parent
        yield Static(f"So sánh với văn bản cấp trên {ref.number if ref else ''}", id="plan-title")
        with Vertical(id="diff-body"):
            yield Static(summary(self.session.plan, parent), id="diff-summary")
            yield DataTable(id="diff-indicators", cursor_type="row", zebra_stripes=True)
            yield Label("", id="diff-items-caption", classes="caption")
            yield OptionList(id="diff-items")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        parent = self.session.parent
        assert parent is not None
        table = self.query_one("#diff-indicators", DataTable)
        table.add_columns("Chỉ tiêu", "Cấp trên", "Kế hoạch", "")
        for row in indicator_rows(self.session.plan, parent):
            shown = row.child or row.parent
            holder = row.child_item or row.parent_item
            table.add_row(shown.name if shown else row.indicator_id,
                          f"{row.parent.comparator} {row.parent.figure()}" if row.parent else "—",
                          f"{row.child.comparator} {row.child.figure()}" if row.child else "—",
                          CHANGE_NAMES[row.change], key=holder.id if holder else None)
        self._fill()
        self.query_one("#diff-items", OptionList).focus()

    def _fill(self) -> None:
        plan = self.session.plan
        numbers = labels(plan)
        options = []
        for item, _, _ in plan.walk():
            changed = item.disposition in (Disposition.ADAPTED, Disposition.DROPPED,
                                           Disposition.ADDED)
            if self.changed_only and not changed:
                continue
            line = Text(f"{MARKS[item.disposition]} ")
            line.append(f"{numbers.get(item.id, '')} ", style="bold")
            line.append(item.content())
            if item.dropped:
                line.stylize("strike", 2)
                line.append(f"  (lý do: {item.reason})")
            options.append(Option(line, id=item.id))
        listing = self.query_one("#diff-items", OptionList)
        listing.clear_options()
        listing.add_options(options)
        if options:
            listing.highlighted = 0
        which = "các mục có thay đổi" if self.changed_only else "tất cả các mục"
        self.query_one("#diff-items-caption", Label).update(
            f"{which.capitalize()} ({len(options)}) — c: đổi chế độ, Enter: mở trong soạn thảo")

    def _changed_indices(self) -> list[int]:
        listing = self.query_one("#diff-items", OptionList)
        plan = self.session.plan
        out = []
        for index in range(listing.option_count):
            item = plan.find(listing.get_option_at_index(index).id or "")
            if item is not None and item.disposition is not Disposition.ADOPTED:
                out.append(index)
        return out

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
        self.open_in_editor(event.option.id)

    @on(DataTable.RowSelected, "#diff-indicators")
    def _open_indicator(self, event: DataTable.RowSelected) -> None:
        self.open_in_editor(event.row_key.value)

    def open_in_editor(self, item_id: str | None) -> None:
        self.dismiss(None)
        if item_id and self.session.plan.find(item_id) is not None:
            editor = self.app.screen
            outline = editor.query_one("#outline")
            outline.select_item(item_id)  # type: ignore[attr-defined]
            outline.focus()

    def action_close(self) -> None:
        self.dismiss(None)
