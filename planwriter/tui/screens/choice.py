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

[b]Màn hình đầu[/b]
  Tab            chuyển giữa các danh sách
  Enter          mở kế hoạch; chọn văn bản cấp trên rồi đơn vị: hỏi tên tệp, số, ngày
  n              tạo kế hoạch mới (hỏi trước khi ghi tệp)

[b]Màn hình soạn thảo[/b]
  ↑ ↓, chuột     chọn mục trong dàn ý
  e              sửa nội dung mục (Esc: về dàn ý)
  Ctrl+Home/End  về đầu / cuối cả đoạn văn (End: cuối dòng đang hiện)
  b              bỏ mục (phải ghi lý do; bỏ một phần thì cả các mục bên trong)
  r              khôi phục mục theo văn bản cấp trên
  a              thêm mục sau mục đang chọn
  Delete         xóa mục do cấp này thêm
  i              sửa chỉ tiêu (bên cạnh là giá trị cấp trên)
  t              sửa chủ trì, phối hợp, thời hạn, sản phẩm
  [ ]            chuyển mục lên, xuống
  l, L           mục địa phương hóa sau, trước (xem lại lần lượt)
  d              thông tin văn bản: số, ngày, trích yếu, người ký, nơi nhận
  Ctrl+Z Ctrl+Y  hoàn tác, làm lại
  /              tìm trong kế hoạch (không cần gõ dấu, tìm trọn từ)
  k              kiểm tra kế hoạch
  s              so sánh với văn bản cấp trên
  x              xuất văn bản .docx, PDF (kiểm tra trước khi xuất)
  Ctrl+S         lưu
  q, Esc         lưu rồi về màn hình đầu
  Ctrl+P         bảng lệnh (gõ tiếng Việt không dấu cũng được)
  F1, ?          trợ giúp này

Mọi thay đổi được tự lưu vào tệp nhật ký (.pw-journal) cạnh kế hoạch trong 2 giây, cả khi
đang gõ liên tục. Mỗi kế hoạch chỉ sửa ở một cửa sổ: cửa sổ thứ hai mở ở chế độ chỉ đọc.
Thoát (Ctrl+Q) sẽ lưu kế hoạch; nếu tệp đã bị người khác sửa, bản của bạn được giữ
trong nhật ký và sẽ được đề nghị khôi phục ở lần mở sau.

Ký hiệu trong dàn ý: = giữ nguyên, ≈ chỉ địa phương hóa, ~ đã sửa, × đã bỏ, + thêm mới,
! có lỗi kiểm tra.
"""


class HelpScreen(ModalScreen[None]):
    """Keys and marks, in Vietnamese."""

    BINDINGS = [Binding("escape,f1,q,question_mark", "close", "Đóng", id="close-help")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(HELP)

    def action_close(self) -> None:
        self.dismiss(None)
