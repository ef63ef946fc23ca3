"""What the editor's keys and palette commands do: each asks what it needs (a dialog) and
applies one operation (planwriter/operations.py, planwriter/docinfo.py) through the session's
editor. Typed against ``host.EditorHost``, never the editor screen itself (no import circle)."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable

from planwriter.errors import PlanwriterError
from planwriter.model import Item, Kind
from planwriter.operations import (
    AdaptText,
    Add,
    Delete,
    Drop,
    Move,
    Restore,
    SetIndicator,
    SetTaskFields,
)
from planwriter.tui.screens.dialogs import (
    AddDialog,
    DropDialog,
    IndicatorDialog,
    NewItem,
    TaskDialog,
    TaskFields,
)
from planwriter.tui.screens.host import EditorHost
from planwriter.tui.wording import describe, name_item

EditorScreen = EditorHost  # what ``self`` is in the methods below

_LEADING_MARK = re.compile(r"^\s*(?:[-+*•–]\s+|[-+•](?=[^\W\d_]))")


def without_mark(text: str) -> str:
    """ "- Tổ chức …" → "Tổ chức …": the document's own "- "/"+ " is the item's kind, not its
    text (numbering adds it back), so typing it must not double it."""
    return _LEADING_MARK.sub("", text, count=1).strip()


def edit_field(item: Item) -> str:
    """Which field the text area edits: the text, or the title of a title-only item."""
    return "title" if item.title and not item.text else "text"


def adapt(item: Item, text: str | None = None, title: str | None = None) -> AdaptText:
    return AdaptText(item.id, text=item.text if text is None else text, title=title)


def available(module: str) -> bool:
    """Whether another area's module has landed (check, diff, export are optional here)."""
    return importlib.util.find_spec(module) is not None


class EditorActions:
    """Mixed into ``EditorScreen``."""

    def _item(self: EditorScreen) -> Item | None:
        self.commit_text()
        item = self.current
        if item is None:
            self.notify("Chưa chọn mục nào.", severity="warning")
        return item

    def action_adapt(self: EditorScreen) -> None:
        item = self._item()
        if item is not None and item.dropped:
            self.notify("Mục đã bỏ: nhấn r để khôi phục trước khi sửa.", severity="warning")
            return
        self.query_one("#local-text").focus()

    def action_focus_outline(self: EditorScreen) -> None:
        self.commit_text()
        self.query_one("#outline").focus()

    def action_drop(self: EditorScreen) -> None:
        item = self._item()
        if item is None:
            return
        if not item.origin:
            self.notify("Mục thêm mới không có ở cấp trên: nhấn Delete để xóa.",
                        severity="warning")
            return
        plan = self.session.plan
        label = name_item(plan, item, 50)
        under = sum(1 for child, _, _ in _descendants(item) if not child.dropped)

        def done(reason: str | None) -> None:
            if reason and self.apply(Drop(item.id, reason)):
                went = f" cùng {under} mục bên trong" if under else ""
                self.say(f"Đã bỏ {label}{went}.")

        self.app.push_screen(DropDialog(label, under), done)

    def action_delete(self: EditorScreen) -> None:
        item = self._item()
        if item is not None:
            self.apply(Delete(item.id))

    def action_restore(self: EditorScreen) -> None:
        item = self._item()
        if item is None:
            return
        try:
            source = self.session.restore_source(item)
        except PlanwriterError as exc:
            self.notify(str(exc), severity="error")
            return
        if source is None:
            self.notify("Văn bản cấp trên không có mục này.", severity="warning")
            return
        self.apply(Restore(item.id, source))

    def action_add(self: EditorScreen) -> None:
        item = self._item()
        plan = self.session.plan

        def done(new: NewItem | None) -> None:
            if new is None:
                return
            under, index = None, len(plan.items)
            if item is not None:
                parent = plan.parent_of(item.id)
                under = parent.id if parent else None
                index = [s.id for s in plan.siblings_of(item.id)].index(item.id) + 1
            fresh = Item(id=self.session.new_item_id(), kind=new.kind,
                         text=without_mark(new.text))
            if new.kind is Kind.SECTION:
                fresh.title, fresh.text = new.text, ""
            self.apply(Add(fresh, under=under, index=index,
                           in_child_plan=plan.meta.parent is not None))

        self.app.push_screen(AddDialog(), done)

    def action_indicators(self: EditorScreen) -> None:
        item = self._item()
        if item is None:
            return
        if not item.indicators:
            self.notify("Mục này không có chỉ tiêu.", severity="warning")
            return
        source = self.session.parent_item(item)
        theirs = {i.id: i for i in source.indicators} if source else {}

        def done(values: dict[str, float | int] | None) -> None:
            for indicator_id, value in (values or {}).items():
                self.apply(SetIndicator(item.id, indicator_id, value))

        self.app.push_screen(IndicatorDialog(item.indicators, theirs), done)

    def action_task_fields(self: EditorScreen) -> None:
        item = self._item()
        if item is None:
            return

        def done(fields: TaskFields | None) -> None:
            if fields is None:
                return
            changed = (fields.lead != item.lead or fields.partners != item.partners
                       or fields.deadline != item.deadline or fields.output != item.output)
            if changed:
                self.apply(SetTaskFields(item.id, lead=fields.lead, partners=fields.partners,
                                         deadline=fields.deadline, output=fields.output))

        self.app.push_screen(TaskDialog(item), done)

    def _move(self: EditorScreen, step: int) -> None:
        item = self._item()
        if item is None:
            return
        plan = self.session.plan
        siblings = [s.id for s in plan.siblings_of(item.id)]
        index = siblings.index(item.id) + step
        if not 0 <= index < len(siblings):
            return
        parent = plan.parent_of(item.id)
        self.apply(Move(item.id, parent.id if parent else None, index))

    def action_move_up(self: EditorScreen) -> None:
        self._move(-1)

    def action_move_down(self: EditorScreen) -> None:
        self._move(1)

    def action_undo(self: EditorScreen) -> None:
        self.commit_text()
        operation = self.session.editor.undo()
        if operation is None:
            self.notify("Không còn gì để hoàn tác.")
        else:
            self.say(f"Đã hoàn tác: {describe(operation, self.session.plan)}")

    def action_redo(self: EditorScreen) -> None:
        operation = self.session.editor.redo()
        if operation is None:
            self.notify("Không còn gì để làm lại.")
        else:
            self.say(f"Đã làm lại: {describe(operation, self.session.plan)}")

    def action_search(self: EditorScreen) -> None:
        from planwriter.tui.screens.search import SearchDialog

        self.commit_text()

        def done(item_id: str | None) -> None:
            if item_id:
                self.go_to(item_id)

        self.app.push_screen(SearchDialog(self.session.plan), done)

    def action_save(self: EditorScreen) -> None:
        from planwriter.tui.screens.saving import save_with_care

        self.commit_text()
        save_with_care(self)

    def action_check(self: EditorScreen) -> None:
        if not available("planwriter.check"):
            self.notify("Chức năng kiểm tra chưa có trong bản này.", severity="warning")
            return
        from planwriter.tui.screens.findings import run_check

        self.commit_text()
        run_check(self)

    def action_diff(self: EditorScreen) -> None:
        if self.session.parent is None:
            self.notify("Kế hoạch không có văn bản cấp trên để so sánh.", severity="warning")
            return
        from planwriter.tui.screens.diffview import DiffScreen

        self.commit_text()
        self.app.push_screen(DiffScreen(self.session))

    def action_docinfo(self: EditorScreen) -> None:
        from planwriter.tui.screens.docinfo import edit_docinfo

        self.commit_text()
        edit_docinfo(self)

    def action_escape(self: EditorScreen) -> None:
        """Esc in the text box: back to the outline; in the outline: back to the start."""
        if self.query_one("#outline").has_focus:
            self.action_leave()
        else:
            self.action_focus_outline()

    def action_leave(self: EditorScreen) -> None:
        """Back to the start screen to open another plan, saving first (or, if the file was
        changed by someone else, keeping the work in the journal and saying so)."""
        from planwriter.tui.screens.saving import save_on_quit

        line = save_on_quit(self)
        if line:
            self.say(line.removeprefix("planwriter: "), timeout=8)
        self.app.back_to_start()

    def _walk_localized(self: EditorScreen, step: int) -> None:
        self.commit_text()
        ids = self.localized_ids()
        if not ids:
            self.notify("Không có mục nào chỉ địa phương hóa.")
            return
        here = ids.index(self.shown_id) if self.shown_id in ids else (-1 if step > 0 else 0)
        target = ids[(here + step) % len(ids)]
        self.go_to(target)
        item = self.session.plan.find(target)
        n = ids.index(target) + 1
        self.say(f"Địa phương hóa {n}/{len(ids)}: {name_item(self.session.plan, item, 40)} — "
                 "e: sửa, r: về như cấp trên, l: mục sau")

    def action_next_localized(self: EditorScreen) -> None:
        self._walk_localized(1)

    def action_previous_localized(self: EditorScreen) -> None:
        self._walk_localized(-1)

    def action_export(self: EditorScreen) -> None:
        if not available("planwriter.export"):
            self.notify("Chức năng xuất văn bản chưa có trong bản này.", severity="warning")
            return
        from planwriter.tui.screens.export import ExportDialog

        self.commit_text()
        self.app.push_screen(ExportDialog(self.session, host=self))


PALETTE = [
    ("sửa: nội dung mục", "Sửa nội dung mục đang chọn (e)", "adapt"),
    ("sửa: bỏ mục (kèm lý do)", "Bỏ mục đang chọn, phải ghi lý do (b)", "drop"),
    ("sửa: khôi phục theo cấp trên", "Đưa mục về như văn bản cấp trên (r)", "restore"),
    ("sửa: thêm mục", "Thêm mục mới sau mục đang chọn (a)", "add"),
    ("sửa: xóa mục thêm mới", "Xóa mục do cấp này thêm (Delete)", "delete"),
    ("sửa: chỉ tiêu", "Đặt chỉ tiêu của mục (i)", "indicators"),
    ("sửa: chủ trì, phối hợp, thời hạn", "Cơ quan chủ trì, phối hợp, thời hạn, sản phẩm (t)",
     "task_fields"),
    ("sửa: chuyển lên", "Chuyển mục lên trên ([)", "move_up"),
    ("sửa: chuyển xuống", "Chuyển mục xuống dưới (])", "move_down"),
    ("sửa: hoàn tác", "Hoàn tác thay đổi cuối (Ctrl+Z)", "undo"),
    ("sửa: làm lại", "Làm lại thay đổi vừa hoàn tác (Ctrl+Y)", "redo"),
    ("văn bản: thông tin văn bản", "Số, ngày, trích yếu, người ký, nơi nhận (d)", "docinfo"),
    ("xem lại: mục địa phương hóa", "Lần lượt các mục chỉ đổi từ ngữ theo đơn vị (l)",
     "next_localized"),
    ("tìm: trong kế hoạch", "Tìm mục theo nội dung, không cần gõ dấu (/)", "search"),
    ("tệp: lưu", "Lưu kế hoạch (Ctrl+S)", "save"),
    ("tệp: về màn hình đầu", "Lưu rồi về màn hình đầu để mở kế hoạch khác (q)", "leave"),
    ("kiểm tra: kế hoạch", "Danh sách việc cần xem lại (k)", "check"),
    ("so sánh: với cấp trên", "Xem khác biệt so với văn bản cấp trên (s)", "diff"),
    ("xuất: văn bản docx, pdf", "Kiểm tra trước khi xuất, rồi xuất .docx và PDF (x)", "export"),
]


def palette(screen: EditorHost) -> list[tuple[str, str, Callable[[], object]]]:
    return [(title, help_text, getattr(screen, f"action_{action}"))
            for title, help_text, action in PALETTE]


def _descendants(item: Item) -> list[tuple[Item, Item, int]]:
    out: list[tuple[Item, Item, int]] = []
    for child in item.children:
        out.append((child, item, 0))
        out.extend(_descendants(child))
    return out
