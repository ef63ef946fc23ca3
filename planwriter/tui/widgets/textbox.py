"""The text box of the editor: a soft-wrapped TextArea that re-wraps when its width changes
and where Ctrl+Home / Ctrl+End go to the start / end of the whole text (End stays the end of
the wrapped line, as in any editor)."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import TextArea


class PlanText(TextArea):
    BINDINGS = [
        Binding("ctrl+home", "text_start", "Đầu văn bản", show=False),
        Binding("ctrl+end", "text_end", "Cuối văn bản", show=False),
    ]

    def action_text_start(self) -> None:
        self.move_cursor((0, 0))

    def action_text_end(self) -> None:
        last = self.document.line_count - 1
        self.move_cursor((last, len(self.document.get_line(last))))

    def on_resize(self, event: events.Resize) -> None:
        # A width change must re-flow the wrapped lines (and keep the cursor in view).
        self._rewrap_and_refresh_virtual_size()
        self.scroll_cursor_visible()
