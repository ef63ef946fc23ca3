""""Thông tin văn bản": the document's number, date, place, trích yếu, signer and recipients
on one screen, reached from the editor (d), the palette and the export dialog. What it sets
is one ``SetDocInfo`` (planwriter/docinfo.py) through the editor: undoable, saved in the plan.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from planwriter.docinfo import DocInfo, SetDocInfo, parse_date
from planwriter.tui.screens.host import EditorHost


def edit_docinfo(host: EditorHost, after: Callable[[], None] | None = None) -> None:
    """Open the screen for the host's plan; apply what changed (one undoable operation)."""
    before = DocInfo.of(host.session.plan.meta)

    def done(info: DocInfo | None) -> None:
        if info is not None:
            operation = SetDocInfo.between(before, info)
            if operation is None:
                host.notify("Thông tin văn bản không thay đổi.")
            elif host.apply(operation):
                host.notify(f"Đã lưu thông tin văn bản: {operation.description}.")
        if after is not None:
            after()

    host.app.push_screen(DocInfoScreen(before, read_only=host.session.read_only), done)


class DocInfoScreen(ModalScreen[DocInfo | None]):
    """Returns the edited ``DocInfo``, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Hủy", id="cancel"),
        Binding("ctrl+s", "ok", "Lưu", id="ok", priority=True),
        Binding("delete", "remove_recipient", "Xóa nơi nhận", id="remove-recipient"),
        Binding("left_square_bracket,ctrl+up", "recipient_up", "Lên", id="recipient-up"),
        Binding("right_square_bracket,ctrl+down", "recipient_down", "Xuống",
                id="recipient-down"),
    ]

    def __init__(self, info: DocInfo, read_only: bool = False) -> None:
        super().__init__()
        self.info = info
        self.recipients = list(info.recipients)
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        i = self.info
        date = i.date.strftime("%d/%m/%Y") if i.date else ""
        with Vertical(classes="dialog docinfo"):
            yield Label("Thông tin văn bản", classes="title")
            with VerticalScroll(id="docinfo-fields"):
                with Horizontal(classes="row"):
                    yield Label("Số", classes="name")
                    yield Input(i.number, id="number", compact=True, placeholder="ví dụ: 16")
                    yield Label("Ngày", classes="name short")
                    yield Input(date, id="date", compact=True, placeholder="ví dụ: 23/04/2025")
                with Horizontal(classes="row"):
                    yield Label("Địa danh", classes="name")
                    yield Input(i.place, id="place", compact=True, placeholder="ví dụ: Tam Đường")
                yield Label("Trích yếu (xuống dòng ở đâu, văn bản xuống dòng ở đó):",
                            classes="caption")
                yield TextArea(i.summary, id="summary", soft_wrap=True, show_line_numbers=False)
                with Horizontal(classes="row"):
                    yield Label("Thẩm quyền", classes="name")
                    yield Input(i.on_behalf, id="on_behalf", compact=True,
                                placeholder="ví dụ: T/M BAN THƯỜNG VỤ")
                with Horizontal(classes="row"):
                    yield Label("Ký thay", classes="name")
                    yield Input(i.acting, id="acting", compact=True,
                                placeholder="ví dụ: KT. CHỦ TỊCH (khi cấp phó ký)")
                with Horizontal(classes="row"):
                    yield Label("Chức vụ", classes="name")
                    yield Input(i.title, id="title", compact=True, placeholder="ví dụ: PHÓ BÍ THƯ")
                with Horizontal(classes="row"):
                    yield Label("Người ký", classes="name")
                    yield Input(i.signer, id="signer", compact=True, placeholder="họ và tên")
                yield Label("Nơi nhận (Delete: xóa, [ ]: đổi thứ tự):", classes="caption")
                yield OptionList(id="recipients")
                with Horizontal(classes="row"):
                    yield Label("Thêm", classes="name")
                    yield Input(id="new-recipient", compact=True,
                                placeholder="ví dụ: Ban Thường vụ Tỉnh ủy (b/c), rồi Enter")
            yield Static("", id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Lưu (Ctrl+S)", variant="primary", id="ok", compact=True,
                             disabled=self.read_only)
                yield Button("Hủy", id="cancel", compact=True)

    def on_mount(self) -> None:
        self._fill(0)
        self.query_one("#number", Input).focus()

    def _fill(self, highlight: int | None) -> None:
        listing = self.query_one("#recipients", OptionList)
        listing.clear_options()
        listing.add_options([Option(f"{n}. {r}", id=str(n - 1))
                             for n, r in enumerate(self.recipients, 1)]
                            or [Option("(chưa có nơi nhận)", disabled=True)])
        if self.recipients and highlight is not None:
            listing.highlighted = max(0, min(highlight, len(self.recipients) - 1))

    @on(Input.Submitted, "#new-recipient")
    def _add_recipient(self) -> None:
        field = self.query_one("#new-recipient", Input)
        text = field.value.strip()
        if text:
            self.recipients.append(text)
            field.value = ""
            self._fill(len(self.recipients) - 1)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        if event.input.id != "new-recipient":
            self.focus_next()

    def _selected(self) -> int | None:
        listing = self.query_one("#recipients", OptionList)
        if not listing.has_focus or not self.recipients or listing.highlighted is None:
            return None
        return listing.highlighted

    def action_remove_recipient(self) -> None:
        n = self._selected()
        if n is not None:
            del self.recipients[n]
            self._fill(n)

    def _move(self, step: int) -> None:
        n = self._selected()
        if n is None or not 0 <= n + step < len(self.recipients):
            return
        r = self.recipients
        r[n], r[n + step] = r[n + step], r[n]
        self._fill(n + step)

    def action_recipient_up(self) -> None:
        self._move(-1)

    def action_recipient_down(self) -> None:
        self._move(1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("remove_recipient", "recipient_up", "recipient_down"):
            return self.query_one("#recipients", OptionList).has_focus
        return True

    @on(Button.Pressed, "#ok")
    def action_ok(self) -> None:
        if self.read_only:
            return
        text = self.query_one("#date", Input).value.strip()
        date = parse_date(text) if text else None
        if text and date is None:
            self.query_one("#error", Static).update(
                f"“{text}” không phải là ngày (ví dụ 23/04/2025).")
            self.query_one("#date", Input).focus()
            return
        pending = self.query_one("#new-recipient", Input).value.strip()
        recipients = [*self.recipients, pending] if pending else list(self.recipients)

        def value(name: str) -> str:
            return self.query_one(f"#{name}", Input).value.strip()

        self.dismiss(DocInfo(
            number=value("number"), date=date, place=value("place"),
            summary=self.query_one("#summary", TextArea).text,
            on_behalf=value("on_behalf"), acting=value("acting"), title=value("title"),
            signer=value("signer"), recipients=recipients))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
