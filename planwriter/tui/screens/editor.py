"""The editor: the plan's outline, the selected item's parent text, local text and properties.

Every change goes through ``session.editor`` (planwriter/operations.py); this screen only
asks for what an operation needs and repaints when the editor says something changed.
Typing is committed as an ``AdaptText`` shortly after the last key; every change reaches the
journal beside the plan within two seconds.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Label, Static, TextArea, Tree

from planwriter.errors import PlanwriterError
from planwriter.model import Item
from planwriter.operations import (
    AdaptText,
    Add,
    Delete,
    Move,
    Operation,
    SetIndicator,
    SetTaskFields,
)
from planwriter.tui.screens import editor_actions
from planwriter.tui.session import Session
from planwriter.tui.widgets.details import parent_text, properties
from planwriter.tui.widgets.outline import Outline

TEXT_COMMIT_DELAY = 0.6  # seconds of no typing before the text becomes an operation
JOURNAL_DELAY = 0.5  # at most this long between a change and its journal write


class EditorScreen(editor_actions.EditorActions, Screen[None]):
    """Edit one plan; see ``editor_actions`` for what the keys do."""

    BINDINGS = [
        Binding("e", "adapt", "Sửa", id="adapt"),
        Binding("b", "drop", "Bỏ", id="drop"),
        Binding("r", "restore", "Khôi phục", id="restore"),
        Binding("a", "add", "Thêm", id="add"),
        Binding("delete", "delete", "Xóa", id="delete", show=False),
        Binding("i", "indicators", "Chỉ tiêu", id="indicators"),
        Binding("t", "task_fields", "Chủ trì", id="task-fields", show=False),
        Binding("left_square_bracket", "move_up", "Lên", id="move-up", show=False),
        Binding("right_square_bracket", "move_down", "Xuống", id="move-down", show=False),
        Binding("ctrl+z", "undo", "Hoàn tác", id="undo"),
        Binding("ctrl+y", "redo", "Làm lại", id="redo", show=False),
        Binding("slash,ctrl+f", "search", "Tìm", id="search"),
        Binding("k", "check", "Kiểm tra", id="check", show=False),
        Binding("s", "diff", "So sánh", id="diff"),
        Binding("x", "export", "Xuất", id="export"),
        Binding("ctrl+s", "save", "Lưu", id="save"),
        Binding("escape", "focus_outline", "Dàn ý", id="focus-outline", show=False),
    ]

    class PlanSaved(Message):
        """The plan was written to its file."""

    def __init__(self, session: Session, select: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.initial = select
        self.shown_id: str | None = None
        self._text_timer: Timer | None = None
        self._journal_timer: Timer | None = None
        self._journal_lock = threading.Lock()
        self._journal_written = -1
        self.findings: dict[str, list[str]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="plan-title")
        with Horizontal(id="editor-body"):
            yield Outline(id="outline")
            with Vertical(id="detail"):
                yield Label("Văn bản cấp trên", classes="caption")
                with VerticalScroll(id="parent-box"):
                    yield Static(id="parent-text")
                yield Label("Nội dung kế hoạch", id="local-caption", classes="caption")
                yield TextArea(id="local-text", soft_wrap=True, show_line_numbers=False)
                with VerticalScroll(id="properties-box"):
                    yield Static(id="properties")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#local-text", TextArea).cursor_blink = False
        self.session.editor.listeners.append(self._changed)
        outline = self.query_one(Outline)
        plan = self.session.plan
        first = self.initial or (plan.items[0].id if plan.items else None)
        # The cursor starts on the first item; moving it later would undo an early key press.
        outline.show(plan, select=self.initial)
        outline.focus()
        self.show_item(first)
        self._show_title()
        if self.session.dirty:
            self._schedule_journal()

    def on_unmount(self) -> None:
        if self._changed in self.session.editor.listeners:
            self.session.editor.listeners.remove(self._changed)

    # ------------------------------------------------------------------ showing

    @property
    def current(self) -> Item | None:
        return self.session.plan.find(self.shown_id) if self.shown_id else None

    def show_item(self, item_id: str | None) -> None:
        """Fill the detail pane for ``item_id``; leave the text area alone if it already
        says what the item says (so committing typed text does not move the cursor)."""
        self.shown_id = item_id
        item = self.current
        area = self.query_one("#local-text", TextArea)
        if item is None:
            self.query_one("#parent-text", Static).update("")
            self.query_one("#properties", Static).update("")
            area.read_only = True
            return
        source = self.session.parent_item(item)
        self.query_one("#parent-text", Static).update(
            parent_text(item, source, self.session.parent is not None))
        field = editor_actions.edit_field(item)
        caption = "Nội dung kế hoạch" + (" (tiêu đề)" if field == "title" else "")
        if item.dropped:
            caption += " — đã bỏ, nhấn r để khôi phục"
        self.query_one("#local-caption", Label).update(caption)
        wanted = getattr(item, field)
        if area.text != wanted:
            area.load_text(wanted)
        area.read_only = item.dropped
        notes = self.findings.get(item.id, [])
        props = properties(item, source)
        if notes:
            from rich.console import Group
            from rich.text import Text

            props = Group(props, *(Text(f"! {n}", style="bold") for n in notes))
        self.query_one("#properties", Static).update(props)

    def _show_title(self) -> None:
        meta = self.session.plan.meta
        name = f"{meta.type_name} {meta.symbol()}" if meta.number else meta.type_name
        state = " ● chưa lưu" if self.session.dirty else ""
        self.query_one("#plan-title", Static).update(f"{name} — {self.session.path.name}{state}")

    @on(Tree.NodeHighlighted, "#outline")
    def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data != self.shown_id:
            self.commit_text()
            self.show_item(event.node.data)

    # ------------------------------------------------------------------ typing

    @on(TextArea.Changed, "#local-text")
    def _typed(self) -> None:
        if self._text_timer is not None:
            self._text_timer.stop()
        self._text_timer = self.set_timer(TEXT_COMMIT_DELAY, self.commit_text)

    def commit_text(self) -> None:
        """Turn what was typed for the shown item into an ``AdaptText`` (if anything changed)."""
        if self._text_timer is not None:
            self._text_timer.stop()
            self._text_timer = None
        item = self.current
        if item is None or item.dropped:
            return
        typed = unicodedata.normalize("NFC", self.query_one("#local-text", TextArea).text)
        field = editor_actions.edit_field(item)
        if typed == getattr(item, field):
            return
        if field == "title":
            self.apply(editor_actions.adapt(item, title=typed))
        else:
            self.apply(editor_actions.adapt(item, text=typed))

    def on_descendant_blur(self, event: object) -> None:
        if self._text_timer is not None:
            self.commit_text()

    # ------------------------------------------------------------------ changes

    def apply(self, operation: Operation) -> bool:
        """Apply through the editor; a refusal becomes a notification, never an exception."""
        try:
            self.session.editor.apply(operation)
        except PlanwriterError as exc:
            self.notify(str(exc), severity="error", title="Không thực hiện được")
            return False
        return True

    def _changed(self, operation: Operation) -> None:
        outline = self.query_one(Outline)
        if isinstance(operation, Add | Delete | Move):
            keep = self.shown_id if self.session.plan.find(self.shown_id or "") else None
            target = operation.item.id if isinstance(operation, Add) else keep
            outline.show(self.session.plan, select=target)
            if self.session.plan.find(target or "") is None:
                target = outline.current_id
            self.show_item(target)
        elif isinstance(operation, AdaptText | SetIndicator | SetTaskFields):
            outline.relabel_one(self.session.plan, operation.item_id)  # numbering unchanged
            self.show_item(self.shown_id)
        else:
            outline.relabel(self.session.plan)
            self.show_item(self.shown_id)
        self._show_title()
        self._schedule_journal()
        if self.findings:  # keep the "!" marks true while the drafter fixes them
            from planwriter.tui.screens.findings import run_check

            run_check(self, show=False)

    def _schedule_journal(self) -> None:
        # A throttle, not a debounce: a write already pending picks up this change too.
        if self._journal_timer is None:
            self._journal_timer = self.set_timer(JOURNAL_DELAY, self._write_journal)

    def _write_journal(self) -> None:
        self._journal_timer = None
        if not self.session.dirty:  # saved (or undone back to the file) meanwhile
            return
        version = self.session.editor.version
        text = self.session.file.dumps()  # on the UI thread: the plan may change meanwhile
        self.run_worker(lambda: self._journal_to_disk(version, text), thread=True,
                        group="journal", exit_on_error=False)

    def _journal_to_disk(self, version: int, text: str) -> None:
        from planwriter import journal

        with self._journal_lock:
            if version < self._journal_written:
                return
            journal.write(self.session.path, text)
            self._journal_written = version

    def flush_journal(self) -> None:
        """Write the journal now, on this thread (before quitting)."""
        from planwriter import journal

        self.commit_text()
        if self._journal_timer is not None:
            self._journal_timer.stop()
            self._journal_timer = None
        if self.session.dirty:
            with self._journal_lock:
                journal.write(self.session.path, self.session.file.dumps())
                self._journal_written = self.session.editor.version

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(title, help, callback) for the command palette, each with a category."""
        return editor_actions.palette(self)
