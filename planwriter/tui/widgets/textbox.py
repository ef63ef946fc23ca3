"""The text box of the editor: a soft-wrapped TextArea that re-wraps when its width changes
and where Ctrl+Home / Ctrl+End go to the start / end of the whole text (End stays the end of
the wrapped line, as in any editor). An item is one paragraph, so the box never takes a line
break: Enter says how to add a paragraph, and pasted lines are joined, every word kept."""

from __future__ import annotations

import re

from textual import events
from textual.binding import Binding
from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from planwriter.tomlio import CONTROL

ENTER_HINT = ("Mỗi mục là một đoạn, không xuống dòng trong mục. Muốn thêm đoạn mới: Esc, "
              "rồi a (Thêm) ở dàn ý.")
JOINED_HINT = "Đoạn dán vào có nhiều dòng: đã nối thành một đoạn (mỗi mục là một đoạn)."


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

    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        # Every typed key, paste and Ctrl+V goes through here (textual 8.2.8, pinned): a line
        # break typed would be refused at commit with the whole burst of typing undone.
        if "\n" in insert or "\r" in insert:
            if not insert.strip():
                self.notify(ENTER_HINT, timeout=6)
                return None
            joined = re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", insert)
            # a break at either end parts the pasted words from the text beside them, once
            before, after = self._neighbours(start, end)
            if joined.startswith(" ") and (not before or before.isspace()):
                joined = joined[1:]
            if joined.endswith(" ") and (not after or after.isspace()):
                joined = joined[:-1]
            self.notify(JOINED_HINT)
            insert = joined
        # a tab or a control character pasted from another program cannot be stored either
        insert = CONTROL.sub("", insert.replace("\t", " "))
        return super()._replace_via_keyboard(insert, start, end)

    def _neighbours(self, start: Location, end: Location) -> tuple[str, str]:
        """The characters just before ``start`` and just after ``end`` ("" at an edge)."""
        first, last = min(start, end), max(start, end)
        line = self.document.get_line(first[0])
        before = line[first[1] - 1] if 0 < first[1] <= len(line) else ""
        line = self.document.get_line(last[0])
        after = line[last[1]] if last[1] < len(line) else ""
        return before, after

    def on_resize(self, event: events.Resize) -> None:
        # A width change must re-flow the wrapped lines (and keep the cursor in view).
        self._rewrap_and_refresh_virtual_size()
        self.scroll_cursor_visible()
