"""Dialogs that ask for what an editing operation needs; each returns a typed result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from planwriter.model import Indicator, Item, Kind, format_number

T = TypeVar("T")


class _Dialog(ModalScreen[T | None], Generic[T]):
    """A centred box; escape cancels (returns None)."""

    BINDINGS = [Binding("escape", "cancel", "Hủy", id="cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def buttons(self, ok: str) -> Horizontal:
        return Horizontal(Button(ok, variant="primary", id="ok", compact=True),
                          Button("Hủy", id="cancel", compact=True),
                          classes="buttons")

    @on(Button.Pressed, "#cancel")
    def _cancelled(self) -> None:
        self.dismiss(None)


class DropDialog(_Dialog[str]):
    """Ask why an item is dropped; an empty reason is refused."""

    def __init__(self, item_label: str, under: int = 0) -> None:
        super().__init__()
        self.item_label = item_label
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Bỏ mục {self.item_label}", classes="title")
            if self.under:
                yield Static(f"Cùng bị bỏ: {self.under} mục bên trong. Chỉ bỏ một phần thì "
                             "Hủy và bỏ từng mục con.", classes="warning")
            yield Label("Lý do không thực hiện ở cấp này (bắt buộc):")
            yield Input(placeholder="Ví dụ: huyện không có khu công nghệ cao", id="reason",
                        compact=True)
            yield Static("", id="error", classes="error")
            yield self.buttons(f"Bỏ cả {self.under + 1} mục" if self.under else "Bỏ mục")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submitted(self) -> None:
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            self.query_one("#error", Static).update("Cần ghi lý do bỏ mục.")
            self.query_one("#reason", Input).focus()
            return
        self.dismiss(reason)


def parse_number(text: str) -> float | int | None:
    """ "6,5" or "6.5" → 6.5; "45" → 45; anything else → None."""
    cleaned = text.strip().replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in cleaned else value


class IndicatorDialog(_Dialog[dict[str, float | int]]):
    """Set the targets of an item; the parent's value is shown beside each."""

    def __init__(self, indicators: list[Indicator], parent: dict[str, Indicator]) -> None:
        super().__init__()
        self.indicators = indicators
        self.theirs = parent

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Chỉ tiêu", classes="title")
            with VerticalScroll(classes="fields"):
                for n, ind in enumerate(self.indicators):
                    theirs = self.theirs.get(ind.id)
                    beside = f" (cấp trên: {theirs.comparator} {theirs.figure()})" if theirs else ""
                    yield Label(f"{ind.name}{beside}")
                    yield Input(format_number(ind.value), id=f"value-{n}", compact=True)
            yield Static("", id="error", classes="error")
            yield self.buttons("Đặt chỉ tiêu")

    def on_mount(self) -> None:
        self.query_one("#value-0", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submitted(self) -> None:
        out: dict[str, float | int] = {}
        for n, ind in enumerate(self.indicators):
            field = self.query_one(f"#value-{n}", Input)
            value = parse_number(field.value)
            if value is None:
                self.query_one("#error", Static).update(f"“{field.value}” không phải là số.")
                field.focus()
                return
            if value != ind.value:
                out[ind.id] = value
        self.dismiss(out)


@dataclass
class TaskFields:
    lead: str
    partners: list[str]
    deadline: str
    output: str = ""


class TaskDialog(_Dialog[TaskFields]):
    """Lead agency, partners (separated by ";"), deadline and output of a task; Enter moves
    to the next field, Ctrl+S (or Enter on the last) saves."""

    BINDINGS = [Binding("ctrl+s", "submit", "Lưu", id="submit", priority=True)]

    def __init__(self, item: Item) -> None:
        super().__init__()
        self.item = item

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Chủ trì, phối hợp, thời hạn, sản phẩm", classes="title")
            yield Label("Cơ quan chủ trì:")
            yield Input(self.item.lead, id="lead", compact=True)
            yield Label("Cơ quan phối hợp (cách nhau bằng dấu ;):")
            yield Input("; ".join(self.item.partners), id="partners", compact=True)
            yield Label("Thời hạn:")
            yield Input(self.item.deadline, id="deadline", compact=True,
                        placeholder="Ví dụ: Năm 2025; Thường xuyên; Quý IV/2025")
            yield Label("Sản phẩm:")
            yield Input(self.item.output, id="output", compact=True)
            yield self.buttons("Lưu (Ctrl+S)")

    def on_mount(self) -> None:
        self.query_one("#lead", Input).focus()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter goes to the next field, as in a paper form; on the last one it saves."""
        if event.input.id == "output":
            self.action_submit()
        else:
            self.focus_next()

    @on(Button.Pressed, "#ok")
    def action_submit(self) -> None:
        partners = [p.strip() for p in self.query_one("#partners", Input).value.split(";")]
        self.dismiss(TaskFields(lead=self.query_one("#lead", Input).value.strip(),
                                partners=[p for p in partners if p],
                                deadline=self.query_one("#deadline", Input).value.strip(),
                                output=self.query_one("#output", Input).value.strip()))


KIND_NAMES = {Kind.SECTION: "Mục", Kind.PARAGRAPH: "Đoạn", Kind.BULLET: "Ý",
              Kind.OBJECTIVE: "Mục tiêu", Kind.TASK: "Nhiệm vụ"}


@dataclass
class NewItem:
    kind: Kind
    text: str


class AddDialog(_Dialog[NewItem]):
    """A new item of the local plan, placed after the selected one."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Thêm mục mới (sau mục đang chọn)", classes="title")
            yield Select([(name, kind) for kind, name in KIND_NAMES.items()], value=Kind.TASK,
                         allow_blank=False, id="kind", compact=True)
            yield Input(placeholder="Nội dung (dấu - hoặc + ở đầu không cần gõ)", id="text",
                        compact=True)
            yield Static("", id="error", classes="error")
            yield self.buttons("Thêm")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submitted(self) -> None:
        text = self.query_one("#text", Input).value.strip()
        if not text:
            self.query_one("#error", Static).update("Cần có nội dung.")
            return
        kind = self.query_one("#kind", Select).value
        self.dismiss(NewItem(kind=kind if isinstance(kind, Kind) else Kind.TASK, text=text))
