"""Creating a plan with intent: the programme and unit chosen, a short form asks the file name
(suggested), the folder, and optionally the number and date; only confirming writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


@dataclass
class CreateRequest:
    target: Path
    number: str
    date: dt.date | None


def check_target(folder_text: str, name_text: str, base: Path) -> Path | str:
    """The file to write, or why it cannot be written (one line, in Vietnamese)."""
    name = name_text.strip()
    if not name:
        return "Cần tên tệp."
    if "/" in name or "\\" in name:
        return "Tên tệp không chứa thư mục; ghi thư mục ở ô Thư mục."
    if not name.lower().endswith(".toml"):
        name += ".toml"
    folder = Path(folder_text.strip() or ".").expanduser()
    if not folder.is_absolute():
        folder = base / folder
    if not folder.is_dir():
        return f"Thư mục {folder} không có."
    target = folder / name
    if target.exists():
        return f"{target.name} đã có trong {folder}: chọn tên khác (không ghi đè)."
    return target


class CreateDialog(ModalScreen[CreateRequest | None]):
    """Returns what to create, or None when cancelled. Nothing is written here."""

    BINDINGS = [Binding("escape", "cancel", "Hủy", id="cancel")]

    def __init__(self, template: str, unit: str, suggested: Path, base: Path) -> None:
        super().__init__()
        self.template = template
        self.unit = unit
        self.suggested = suggested
        self.base = base

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog create"):
            yield Label("Tạo kế hoạch mới", classes="title")
            yield Static(f"Thực hiện: {self.template}\nĐơn vị ban hành: {self.unit}")
            yield Label("Tên tệp kế hoạch:")
            yield Input(self.suggested.name, id="name", compact=True)
            yield Label("Thư mục:")
            yield Input(str(self.suggested.parent), id="folder", compact=True)
            with Horizontal(classes="row"):
                yield Label("Số", classes="name")
                yield Input(id="number", compact=True, placeholder="(để trống nếu chưa có)")
                yield Label("Ngày", classes="name short")
                yield Input(id="date", compact=True, placeholder="ví dụ: 23/04/2025")
            yield Static("", id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Tạo kế hoạch", variant="primary", id="ok", compact=True)
                yield Button("Hủy", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        if event.input.id == "date":
            self.action_ok()
        else:
            self.focus_next()

    @on(Button.Pressed, "#ok")
    def action_ok(self) -> None:
        from planwriter.docinfo import parse_date

        error = self.query_one("#error", Static)
        target = check_target(self.query_one("#folder", Input).value,
                              self.query_one("#name", Input).value, self.base)
        if isinstance(target, str):
            error.update(target)
            return
        text = self.query_one("#date", Input).value.strip()
        date = parse_date(text) if text else None
        if text and date is None:
            error.update(f"“{text}” không phải là ngày (ví dụ 23/04/2025).")
            self.query_one("#date", Input).focus()
            return
        self.dismiss(CreateRequest(target, self.query_one("#number", Input).value.strip(), date))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
