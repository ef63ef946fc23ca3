"""A question with named answers, and the help screen."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class ChoiceDialog(ModalScreen[str]):
    """Ask a question; return the id of the answer chosen. Escape picks ``default``."""

    BINDINGS = [Binding("escape", "default", "Hủy", id="cancel")]

    def __init__(self, title: str, message: str, answers: list[tuple[str, str]],
                 default: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.answers = answers
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="title")
            yield Static(self.message, classes="message")
            with Horizontal(classes="buttons"):
                for n, (answer_id, text) in enumerate(self.answers):
                    variant = "primary" if n == 0 else "default"
                    yield Button(text, id=answer_id, variant=variant, compact=True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or self.default)

    def action_default(self) -> None:
        self.dismiss(self.default)


HELP = """\
[b]planwriter[/b]: soạn kế hoạch cấp dưới từ chương trình cấp trên.

[b]Màn hình soạn thảo[/b]
  ↑ ↓, chuột     chọn mục trong dàn ý
  e              sửa nội dung mục (Esc: về dàn ý)
  b              bỏ mục (phải ghi lý do)
  r              khôi phục mục theo văn bản cấp trên
  a              thêm mục sau mục đang chọn
  i              sửa chỉ tiêu (bên cạnh là giá trị cấp trên)
  t              sửa chủ trì, phối hợp, thời hạn
  [ ]            chuyển mục lên, xuống
  Ctrl+Z Ctrl+Y  hoàn tác, làm lại
  /              tìm trong kế hoạch
  k              kiểm tra kế hoạch
  s              so sánh với văn bản cấp trên
  x              xuất văn bản .docx
  Ctrl+S         lưu
  Ctrl+P         bảng lệnh

Mọi thay đổi được tự lưu vào tệp nhật ký (.pw-journal) cạnh kế hoạch trong 2 giây.
Thoát (Ctrl+Q) sẽ lưu kế hoạch; nếu tệp đã bị người khác sửa, bản của bạn được giữ
trong nhật ký và sẽ được đề nghị khôi phục ở lần mở sau.

Ký hiệu trong dàn ý: = giữ nguyên, ~ đã sửa, × đã bỏ, + thêm mới, ! có lỗi kiểm tra.
"""


class HelpScreen(ModalScreen[None]):
    """Keys and marks, in Vietnamese."""

    BINDINGS = [Binding("escape,f1,q", "close", "Đóng", id="close-help")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(HELP)

    def action_close(self) -> None:
        self.dismiss(None)
