"""The export dialog: pre-filled, refuses a bad date, writes in a worker, says where."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Static
from tui_helpers import plan_copy, press, wait_for_editor

from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.export import ExportDialog


def test_export_dialog_prefills_refuses_bad_dates_and_writes_pdf(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    asyncio.run(_export(tmp_path))


async def _export(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    app = PlanwriterApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_editor(pilot)
        editor = app.screen
        await pilot.press("x")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#number", Input).value == "363"
        assert dialog.query_one("#date", Input).value == "23/04/2025"
        assert dialog.query_one("#target", Input).value == "child.docx"
        assert dialog.query_one("#pdf", Checkbox).value is True
        dialog.query_one("#date", Input).value = "30/02/2025"
        await press(pilot, "#ok")
        await pilot.pause()
        assert "không phải là ngày" in str(dialog.query_one("#status", Static).render())
        assert not (tmp_path / "child.docx").exists()
        dialog.query_one("#date", Input).value = "05/05/2025"
        dialog.query_one("#date", Input).focus()
        await pilot.press("enter")
        for _ in range(600):  # LibreOffice may take a while; the interface stays live
            await pilot.pause(0.1)
            if dialog.result is not None:
                break
        result = dialog.result
        assert result is not None
        assert result.docx == tmp_path / "child.docx" and result.docx.exists()
        assert result.pdf == tmp_path / "child.pdf" and result.pdf.exists()
        said = str(dialog.query_one("#status", Static).render())
        assert "child.docx, child.pdf" in said and str(tmp_path) in said  # files and folder
        await pilot.press("escape")
        assert app.screen is editor
        assert editor.session.plan.meta.date is not None  # type: ignore[attr-defined]
        assert editor.session.plan.meta.date.day == 5  # type: ignore[attr-defined]
