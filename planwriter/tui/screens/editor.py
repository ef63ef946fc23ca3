"""The editor: the plan's outline, the selected item's parent text, local text and properties.

Every change goes through ``session.editor`` (planwriter/operations.py, planwriter/docinfo.py);
this screen only asks for what an operation needs and repaints when the editor says something
changed. Typing is committed as an ``AdaptText`` shortly after the last key (one burst, one
undo step); while typing goes on, what is typed is put in the journal ``TEXT_MAX_WAIT`` after
the first uncommitted key, again and again; every committed change reaches the journal within
``JOURNAL_DELAY``. Either way, the journal beside the plan is never more than 2 s behind.
"""

from __future__ import annotations

import threading
import time
import unicodedata
from collections.abc import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Label, Static, TextArea, Tree

from planwriter.errors import PlanwriterError
from planwriter.model import Disposition, Item
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
from planwriter.tui.widgets.textbox import PlanText
from planwriter.tui.wording import describe, scrub

TEXT_COMMIT_DELAY = 0.6  # seconds of no typing before the text becomes an operation
TEXT_MAX_WAIT = 1.0  # typing that goes on reaches the journal at least this often
JOURNAL_DELAY = 0.5  # at most this long between a change and its journal write


class EditorScreen(editor_actions.EditorActions, Screen[None]):
    """Edit one plan; see ``editor_actions`` for what the keys do."""

    # Shown in the footer (in this order, the essential ones fit 80 columns); the others are
    # in F1 / ? and the command palette.
    BINDINGS = [
        Binding("e", "adapt", "Sửa", id="adapt"),
        Binding("b", "drop", "Bỏ", id="drop"),
        Binding("a", "add", "Thêm", id="add"),
        Binding("t", "task_fields", "Chủ trì", id="task-fields", show=False),
        Binding("slash,ctrl+f", "search", "Tìm", id="search"),
        Binding("x", "export", "Xuất", id="export"),
        Binding("ctrl+s", "save", "Lưu", id="save"),
        Binding("d", "docinfo", "Thông tin", id="docinfo"),
        Binding("r", "restore", "Khôi phục", id="restore", show=False),
        Binding("delete", "delete", "Xóa", id="delete", show=False),
        Binding("i", "indicators", "Chỉ tiêu", id="indicators", show=False),
        Binding("left_square_bracket", "move_up", "Lên", id="move-up", show=False),
        Binding("right_square_bracket", "move_down", "Xuống", id="move-down", show=False),
        Binding("ctrl+z", "undo", "Hoàn tác", id="undo", show=False),
        Binding("ctrl+y", "redo", "Làm lại", id="redo", show=False),
        Binding("k", "check", "Kiểm tra", id="check", show=False),
        Binding("s", "diff", "So sánh", id="diff", show=False),
        Binding("l", "next_localized", "Địa phương hóa sau", id="next-localized", show=False),
        Binding("L", "previous_localized", "Địa phương hóa trước", id="previous-localized",
                show=False),
        Binding("q", "leave", "Về màn hình đầu", id="leave", show=False),
        Binding("escape", "escape", "Dàn ý", id="focus-outline", show=False),
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
        self._journal_written = 0
        self._journal_seq = 0
        self._typing_since: float | None = None
        self._max_wait_timer: Timer | None = None
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
                yield PlanText(id="local-text", soft_wrap=True, show_line_numbers=False)
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
        self.show_title()
        if self.session.dirty:
            self._schedule_journal()
        if self.session.read_only:
            self.notify(f"Chỉ đọc: {self.session.path.name} {self.session.locked_by}. "
                        "Đóng cửa sổ kia để sửa.", severity="warning", timeout=10)

    def on_unmount(self) -> None:
        if self._changed in self.session.editor.listeners:
            self.session.editor.listeners.remove(self._changed)
        self.session.close()

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
        area.read_only = item.dropped or self.session.read_only
        notes = self.findings.get(item.id, [])
        props = properties(item, source, self._localized_place(item))
        if notes:
            from rich.console import Group
            from rich.text import Text

            props = Group(props, *(Text(f"! {n}", style="bold") for n in notes))
        self.query_one("#properties", Static).update(props)

    def show_title(self) -> None:
        meta = self.session.plan.meta
        name = f"{meta.type_name} {meta.symbol()}" if meta.number else meta.type_name
        state = " ● chưa lưu" if self.session.dirty else ""
        if self.session.read_only:
            state = " · CHỈ ĐỌC (đang mở ở cửa sổ khác)"
        localized = len(self.localized_ids())
        count = f" · ≈ {localized} địa phương hóa (l: xem lần lượt)" if localized else ""
        self.query_one("#plan-title", Static).update(
            f"{name} — {self.session.path.name}{state}{count}")

    _show_title = show_title

    def localized_ids(self) -> list[str]:
        """Items changed only by the profile's vocabulary, in document order."""
        return [item.id for item, _, _ in self.session.plan.walk()
                if item.disposition is Disposition.LOCALIZED]

    def _localized_place(self, item: Item) -> tuple[int, int] | None:
        if item.disposition is not Disposition.LOCALIZED:
            return None
        ids = self.localized_ids()
        return ids.index(item.id) + 1, len(ids)

    def go_to(self, item_id: str) -> None:
        """Put the outline's cursor on ``item_id`` (opening its sections) and focus it."""
        outline = self.query_one(Outline)
        outline.select_item(item_id)
        outline.focus()

    def say(self, message: str, severity: str = "information", title: str = "",
            timeout: float | None = None) -> None:
        """A notification with every internal id replaced by the item's place."""
        self.notify(scrub(message, self.session.plan), severity=severity,  # type: ignore[arg-type]
                    title=scrub(title, self.session.plan), timeout=timeout, markup=False)

    def on_resize(self, event: events.Resize) -> None:
        self.query_one(PlanText).call_after_refresh(
            self.query_one(PlanText)._rewrap_and_refresh_virtual_size)

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
        # A debounce alone never fires while typing goes on: a max-wait journals anyway
        # (without making an operation, so one burst of typing stays one undo step).
        if self._max_wait_timer is None:
            self._typing_since = time.monotonic()
            self._max_wait_timer = self.set_timer(TEXT_MAX_WAIT, self._journal_typing)

    def _journal_typing(self) -> None:
        """Put what is being typed (not committed yet) into the journal now."""
        self._max_wait_timer = None
        item = self.current
        if item is None or item.dropped or self.session.read_only:
            return
        typed = unicodedata.normalize("NFC", self.query_one("#local-text", TextArea).text)
        field = editor_actions.edit_field(item)
        before = getattr(item, field)
        if typed == before:
            return
        setattr(item, field, typed)
        try:
            text = self.session.snapshot()
        finally:
            setattr(item, field, before)
        self._queue_journal(text)

    def commit_text(self) -> None:
        """Turn what was typed for the shown item into an ``AdaptText`` (if anything changed)."""
        if self._text_timer is not None:
            self._text_timer.stop()
            self._text_timer = None
        if self._max_wait_timer is not None:
            self._max_wait_timer.stop()
            self._max_wait_timer = None
        self._typing_since = None
        if self.session.read_only:
            return
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
        if self.session.read_only:
            self.notify(f"Chỉ đọc: {self.session.path.name} {self.session.locked_by}.",
                        severity="warning")
            return False
        try:
            self.session.editor.apply(operation)
        except PlanwriterError as exc:
            self.say(exc.message, severity="error", title="Không thực hiện được")
            return False
        return True

    def describe(self, operation: Operation) -> str:
        return describe(operation, self.session.plan)

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
        self.show_title()
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
        self._queue_journal(self.session.snapshot())  # on the UI thread: the plan may change

    def _queue_journal(self, text: str) -> None:
        self._journal_seq += 1
        seq = self._journal_seq
        self.run_worker(lambda: self._journal_to_disk(seq, text), thread=True,
                        group="journal", exit_on_error=False)

    def _journal_to_disk(self, seq: int, text: str) -> None:
        from planwriter import journal

        with self._journal_lock:
            if seq <= self._journal_written:  # a later snapshot is already on disk
                return
            journal.write(self.session.path, text)
            self._journal_written = seq

    def flush_journal(self) -> None:
        """Write the journal now, on this thread (before quitting)."""
        from planwriter import journal

        self.commit_text()
        if self.session.read_only:
            return
        if self._journal_timer is not None:
            self._journal_timer.stop()
            self._journal_timer = None
        if self.session.dirty:
            with self._journal_lock:
                journal.write(self.session.path, self.session.snapshot())
                self._journal_seq += 1
                self._journal_written = self._journal_seq

    def saved(self) -> None:
        self.notify(f"Đã lưu {self.session.path.name}.")
        self.show_title()
        self.post_message(self.PlanSaved())

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(title, help, callback) for the command palette, each with a category."""
        return editor_actions.palette(self)
