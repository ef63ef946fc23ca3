"""The export dialog: number, date and signer pre-filled (and saved in the plan), a checklist
of what a document for signature should not go out with (open errors, an empty number, date or
signer, an appendix announced but missing, a reconstructed parent), each fixed or skipped
knowingly; then the .docx (and PDF) written in a worker, and the files and folder named."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Static

from planwriter.docinfo import DocInfo, SetDocInfo
from planwriter.docinfo import parse_date as parse_date
from planwriter.errors import PlanwriterError
from planwriter.model import Plan
from planwriter.tui.session import Session
from planwriter.tui.wording import fold, reconstructed


def signer_of(session: Session) -> str:
    """The plan's signer, or else the one of the profile it was drafted with."""
    if session.plan.meta.signature.name:
        return session.plan.meta.signature.name
    try:
        from planwriter.drafting import profile_for
    except ImportError:
        return ""
    try:
        profile = profile_for(session.plan, session.path)
    except PlanwriterError:
        return ""
    return profile.signature.name if profile else ""


@dataclass
class Doubt:
    """One line of the pre-export checklist."""

    key: str
    message: str


def appendix_missing(plan: Plan) -> bool:
    """The text announces a "Phụ lục kèm theo" and the plan has none (nor a task register
    that export writes as one)."""
    if plan.appendices() or plan.meta.tasks_in_appendix:
        return False
    for item, _, _ in plan.walk(include_dropped=False):
        said = fold(item.content())
        if "phu luc kem theo" in said or "co phu luc" in said or "(phu luc" in said:
            return True
    return False


DOUBT_KEYS = ("errors", "number", "date", "signer", "appendix", "reconstructed")


def doubts(plan: Plan, parent: Plan | None, errors: int, number: str, date: str,
           signer: str) -> list[Doubt]:
    """What the checklist lists for the values in the dialog now."""
    out = []
    if errors:
        out.append(Doubt("errors", f"Còn {errors} lỗi kiểm tra chưa sửa (k trong soạn thảo)"))
    if not number.strip():
        out.append(Doubt("number", "Chưa có số văn bản"))
    if not date.strip():
        out.append(Doubt("date", "Chưa có ngày ban hành"))
    if not signer.strip():
        out.append(Doubt("signer", "Chưa có người ký"))
    if appendix_missing(plan):
        out.append(Doubt("appendix", "Văn bản nhắc “Phụ lục kèm theo” nhưng chưa có phụ lục"))
    if reconstructed(parent):
        ref = plan.meta.parent
        name = ref.number if ref and ref.number else "Văn bản cấp trên"
        out.append(Doubt("reconstructed",
                         f"{name} là bản TÁI DỰNG, không phải văn bản chính thức"))
    return out


class ExportDialog(ModalScreen[Any]):
    """Returns the ``ExportResult`` once written, or None if cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Đóng", id="cancel")]

    class ExportFinished(Message):
        """The .docx (and PDF) were written."""

        def __init__(self, result: Any) -> None:
            super().__init__()
            self.result = result

    def __init__(self, session: Session, host: Any = None) -> None:
        super().__init__()
        self.session = session
        self.host = host
        self.result: Any = None
        self.errors: int | None = None  # open errors of planwriter.check, once counted
        self.current: list[Doubt] = []

    def compose(self) -> ComposeResult:
        meta = self.session.plan.meta
        target = self.session.path.with_suffix(".docx").name  # beside the plan
        date = meta.date.strftime("%d/%m/%Y") if meta.date else ""
        with Vertical(classes="dialog export"):
            yield Label("Xuất văn bản để trình ký", classes="title")
            with VerticalScroll(id="export-fields"):
                with Horizontal(classes="row"):
                    yield Label("Số", classes="name")
                    yield Input(meta.number, id="number", compact=True)
                    yield Label("Ngày", classes="name short")
                    yield Input(date, id="date", compact=True, placeholder="ví dụ: 23/04/2025")
                with Horizontal(classes="row"):
                    yield Label("Người ký", classes="name")
                    yield Input(signer_of(self.session), id="signer", compact=True)
                yield Label("Trước khi xuất (sửa, hoặc đánh dấu để bỏ qua có chủ ý):",
                            classes="caption")
                with Vertical(id="checklist"):
                    yield Static("Đang kiểm tra kế hoạch…", id="checking")
                    for key in DOUBT_KEYS:
                        yield Checkbox("", id=f"skip-{key}", compact=True)
                    yield Static("✓ Không có gì cần xem lại.", id="all-clear")
                yield Label("Tệp .docx (cạnh tệp kế hoạch nếu không ghi thư mục):")
                yield Input(target, id="target", compact=True)
                has_office = shutil.which("soffice") is not None
                yield Checkbox("Kèm bản PDF (LibreOffice)", value=has_office,
                               disabled=not has_office, id="pdf", compact=True)
            yield ProgressBar(total=None, show_eta=False, id="progress")
            yield Static("", id="status")
            with Horizontal(classes="buttons"):
                yield Button("Xuất", variant="primary", id="ok", compact=True)
                yield Button("Thông tin VB…", id="docinfo", compact=True)
                yield Button("Mở thư mục", id="open-folder", compact=True)
                yield Button("Đóng", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#progress").display = False
        self.query_one("#open-folder").display = False
        self.query_one("#number", Input).focus()
        self._show_checklist()
        self._count_errors()

    # ------------------------------------------------------------------ the checklist

    @work(thread=True, exclusive=True, group="export-check")
    def _count_errors(self) -> None:
        plan, parent = self.session.plan.clone(), self.session.parent
        try:
            from planwriter.check import check_plan

            findings = check_plan(plan, parent)
            errors = sum(1 for f in findings if f.severity == "error")
        except ImportError:
            errors = 0
        except PlanwriterError:
            errors = 0
        self.app.call_from_thread(self._counted, errors)

    def _counted(self, errors: int) -> None:
        self.errors = errors
        self._show_checklist()

    def _values(self) -> tuple[str, str, str]:
        return (self.query_one("#number", Input).value, self.query_one("#date", Input).value,
                self.query_one("#signer", Input).value)

    def _show_checklist(self) -> None:
        box = self.query_one("#checklist", Vertical)
        self.current = doubts(self.session.plan, self.session.parent, self.errors or 0,
                              *self._values())
        said = {d.key: d.message for d in self.current}
        for key in DOUBT_KEYS:
            checkbox = box.query_one(f"#skip-{key}", Checkbox)
            checkbox.display = key in said
            if key in said:
                checkbox.label = f"Bỏ qua: {said[key]}"
        self.query_one("#checking").display = self.errors is None
        self.query_one("#all-clear").display = self.errors is not None and not self.current

    @on(Input.Changed, "#number, #date, #signer")
    def _typed(self) -> None:
        self._show_checklist()

    def open_doubts(self) -> list[Doubt]:
        """Doubts neither fixed nor ticked as skipped."""
        box = self.query_one("#checklist", Vertical)
        return [d for d in self.current if not box.query_one(f"#skip-{d.key}", Checkbox).value]

    @on(Button.Pressed, "#docinfo")
    def _docinfo(self) -> None:
        """The whole "Thông tin văn bản" screen; what it sets comes back into this dialog."""
        from planwriter.tui.screens.docinfo import DocInfoScreen

        self._record()

        def done(info: DocInfo | None) -> None:
            if info is not None:
                operation = SetDocInfo.between(DocInfo.of(self.session.plan.meta), info)
                if operation is not None:
                    self._apply(operation)
            meta = self.session.plan.meta
            self.query_one("#number", Input).value = meta.number
            self.query_one("#date", Input).value = meta.date.strftime("%d/%m/%Y") if meta.date \
                else ""
            self.query_one("#signer", Input).value = meta.signature.name
            self._show_checklist()

        self.app.push_screen(DocInfoScreen(DocInfo.of(self.session.plan.meta),
                                           read_only=self.session.read_only), done)

    def _apply(self, operation: Any) -> None:
        if self.host is not None:
            self.host.apply(operation)
        elif not self.session.read_only:
            self.session.editor.apply(operation)

    def _record(self) -> bool:
        """Put the number, date and signer typed here into the plan (one undoable change)."""
        number, date_text, signer = self._values()
        date = parse_date(date_text) if date_text.strip() else None
        if date_text.strip() and date is None:
            self.query_one("#status", Static).update(
                f"“{date_text}” không phải là ngày (ví dụ 23/04/2025).")
            return False
        before = DocInfo.of(self.session.plan.meta)
        after = DocInfo.of(self.session.plan.meta)
        after.number, after.date, after.signer = number.strip(), date, signer.strip()
        operation = SetDocInfo.between(before, after)
        if operation is not None:
            self._apply(operation)
        return True

    # ------------------------------------------------------------------ writing

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submitted(self) -> None:
        status = self.query_one("#status", Static)
        if not self._record():
            return
        target = self.session.path.parent / Path(self.query_one("#target", Input).value.strip())
        if target.suffix.lower() != ".docx":
            status.update("Tên tệp phải kết thúc bằng .docx.")
            return
        if self.errors is None:
            status.update("Đang kiểm tra kế hoạch, chờ một chút rồi nhấn Xuất lại.")
            return
        left = self.open_doubts()
        if left:
            status.update(f"Còn {len(left)} việc trong danh sách trên: sửa, hoặc đánh dấu "
                          "“Bỏ qua” nếu chủ ý xuất như vậy.")
            return
        plan = self.session.plan.clone()
        plan.meta.signature.name = self.query_one("#signer", Input).value.strip()
        self.query_one("#ok", Button).disabled = True
        self.query_one("#progress").display = True
        status.update("Đang xuất…")
        self._export(plan, target, self.query_one("#pdf", Checkbox).value)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, plan: Plan, target: Path, pdf: bool) -> None:
        from planwriter.export import export_docx
        from planwriter.fsutil import guard_output

        try:
            guard_output(target, [self.session.path], (".docx",))
            if pdf:
                guard_output(target.with_suffix(".pdf"), [self.session.path], (".pdf",))
            result = export_docx(plan, target, pdf=pdf)
        except (PlanwriterError, OSError) as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._finished, result)

    def _failed(self, message: str) -> None:
        self.query_one("#progress").display = False
        self.query_one("#ok", Button).disabled = False
        self.query_one("#status", Static).update(f"Không xuất được: {message}")

    def _finished(self, result: Any) -> None:
        self.result = result
        progress = self.query_one("#progress", ProgressBar)
        progress.update(total=1, progress=1)
        files = [result.docx.name] + ([result.pdf.name] if result.pdf else [])
        said = f"Đã ghi {', '.join(files)}\nThư mục: {result.docx.parent}"
        if not result.pdf and self.query_one("#pdf", Checkbox).value and result.message:
            said += f"\n{result.message}"
        self.query_one("#status", Static).update(said)
        self.query_one("#ok", Button).disabled = False
        self.query_one("#open-folder").display = True
        self.post_message(self.ExportFinished(result))

    @on(Button.Pressed, "#open-folder")
    def _open_folder(self) -> None:
        folder = self.result.docx.parent if self.result else self.session.path.parent
        opener = shutil.which("xdg-open") or shutil.which("open")
        if opener:
            subprocess.Popen([opener, str(folder)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
            self.notify(f"Đang mở thư mục {folder}")
        else:
            self.app.copy_to_clipboard(str(folder))
            self.notify(f"Thư mục: {folder} (đã chép đường dẫn)", timeout=10)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(self.result)
