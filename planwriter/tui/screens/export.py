"""The export dialog: number, date and signer pre-filled, the .docx (and PDF) written in a
worker with progress, then where the file is."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Static

from planwriter.errors import PlanwriterError
from planwriter.model import Plan
from planwriter.tui.session import Session


def parse_date(text: str) -> dt.date | None:
    """ "23/04/2025" or "2025-04-23" → a date; anything else → None."""
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


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


def with_signer(plan: Plan, signer: str) -> Plan:
    """A copy of the plan signed by ``signer`` for this export; the plan being edited keeps
    its own signature (no operation edits it)."""
    out = plan.clone()
    out.meta.signature.name = signer
    return out


class ExportDialog(ModalScreen[Any]):
    """Returns the ``ExportResult`` once written, or None if cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Đóng", id="cancel")]

    class ExportFinished(Message):
        """The .docx (and PDF) were written."""

        def __init__(self, result: Any) -> None:
            super().__init__()
            self.result = result

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.result: Any = None

    def compose(self) -> ComposeResult:
        meta = self.session.plan.meta
        target = self.session.path.with_suffix(".docx").name  # beside the plan
        with Vertical(classes="dialog"):
            yield Label("Xuất văn bản để trình ký", classes="title")
            yield Label("Số văn bản:")
            yield Input(meta.number, id="number", compact=True)
            yield Label("Ngày ban hành (ngày/tháng/năm):")
            date = meta.date.strftime("%d/%m/%Y") if meta.date else ""
            yield Input(date, id="date", compact=True)
            yield Label("Người ký:")
            yield Input(signer_of(self.session), id="signer", compact=True)
            yield Label("Tệp .docx (cạnh tệp kế hoạch nếu không ghi thư mục):")
            yield Input(target, id="target", compact=True)
            has_office = shutil.which("soffice") is not None
            yield Checkbox("Kèm bản PDF (LibreOffice)", value=has_office, disabled=not has_office,
                           id="pdf", compact=True)
            yield ProgressBar(total=None, show_eta=False, id="progress")
            yield Static("", id="status")
            with Horizontal(classes="buttons"):
                yield Button("Xuất", variant="primary", id="ok", compact=True)
                yield Button("Đóng", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#progress").display = False
        self.query_one("#number", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submitted(self) -> None:
        date_text = self.query_one("#date", Input).value
        date = parse_date(date_text) if date_text.strip() else None
        status = self.query_one("#status", Static)
        if date_text.strip() and date is None:
            status.update(f"“{date_text}” không phải là ngày (ví dụ 23/04/2025).")
            return
        target = self.session.path.parent / Path(self.query_one("#target", Input).value.strip())
        if target.suffix.lower() != ".docx":
            status.update("Tên tệp phải kết thúc bằng .docx.")
            return
        number = self.query_one("#number", Input).value.strip()
        meta = self.session.plan.meta
        if number != meta.number or date != meta.date:
            # The number and date belong to the plan: recorded through the editor (undoable).
            from planwriter.operations import SetMeta

            self.session.editor.apply(SetMeta(number=number, date=date, clear_date=date is None))
        plan = with_signer(self.session.plan, self.query_one("#signer", Input).value.strip())
        self.query_one("#ok", Button).disabled = True
        self.query_one("#progress").display = True
        status.update("Đang xuất…")
        self._export(plan, target, self.query_one("#pdf", Checkbox).value)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, plan: Plan, target: Path, pdf: bool) -> None:
        from planwriter.export import export_docx

        try:
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
        written = f"Đã ghi {result.docx}" + (f" và {result.pdf}" if result.pdf else "")
        said = result.message or written
        self.query_one("#status", Static).update(said)
        self.query_one("#ok", Button).disabled = False
        self.post_message(self.ExportFinished(result))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(self.result)
