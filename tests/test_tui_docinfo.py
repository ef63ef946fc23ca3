"""Thông tin văn bản: number, date, place, summary, signer and recipients — one undoable
operation (planwriter.docinfo), the `edit info` command, and the screen reached from the
editor, the palette and the export dialog."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from cli_run import planwriter
from textual.widgets import Input, OptionList, TextArea
from tui_helpers import plan_copy, wait_for_editor

from planwriter.docinfo import DocInfo, SetDocInfo
from planwriter.errors import OperationError
from planwriter.operations import Editor
from planwriter.planfile import load
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.docinfo import DocInfoScreen
from planwriter.tui.screens.editor import EditorScreen


def test_set_docinfo_sets_what_is_given_and_undoes_it(tmp_path: Path) -> None:
    plan = load(plan_copy(tmp_path)).plan
    editor = Editor(plan)
    before = DocInfo.of(plan.meta)
    editor.apply(SetDocInfo(signer="  Nguyễn Văn A ", title="PHÓ BÍ THƯ",
                            recipients=["Ban Thường vụ Tỉnh ủy,", " ", "Lưu VPHU."],
                            summary="thực hiện Chương trình  \n\n về chuyển đổi số"))
    m = plan.meta
    assert m.signature.name == "Nguyễn Văn A" and m.signature.title == "PHÓ BÍ THƯ"
    assert m.recipients == ["Ban Thường vụ Tỉnh ủy,", "Lưu VPHU."]  # empty line left out
    assert m.summary == "thực hiện Chương trình\nvề chuyển đổi số"
    assert m.number == before.number  # not given: untouched
    editor.undo()
    assert DocInfo.of(plan.meta) == before
    editor.redo()
    assert plan.meta.signature.name == "Nguyễn Văn A"


def test_between_gives_only_what_changed_and_clears_a_date() -> None:
    old = DocInfo(number="1", date=dt.date(2025, 4, 23), signer="A")
    new = DocInfo(number="1", date=None, signer="B")
    operation = SetDocInfo.between(old, new)
    assert operation is not None
    assert operation.wanted() == {"signer": "B", "date": None}
    assert SetDocInfo.between(old, old) is None
    try:
        Editor(load(Path(__file__).parent / "fixtures/tui/child.toml").plan).apply(SetDocInfo())
    except OperationError:
        pass
    else:
        raise AssertionError("an empty SetDocInfo must be refused")


def test_edit_info_on_the_command_line_saves_in_the_plan(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    done = planwriter("edit", str(path), "info", "--number", "16", "--date", "05/05/2025",
                      "--summary", "thực hiện Chương trình", "--summary", "về chuyển đổi số",
                      "--on-behalf", "T/M BAN THƯỜNG VỤ", "--title", "PHÓ BÍ THƯ",
                      "--signer", "Nguyễn Văn A", "--recipient", "Ban Thường vụ Tỉnh ủy,",
                      "--recipient", "Lưu Văn phòng Huyện ủy.", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "+ Số 16-KH/HU — Tam Đường, ngày 05 tháng 5 năm 2025" in done.stdout
    assert "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / Nguyễn Văn A" in done.stdout
    meta = load(path).plan.meta
    assert meta.number == "16" and meta.date == dt.date(2025, 5, 5)
    assert meta.summary == "thực hiện Chương trình\nvề chuyển đổi số"
    assert meta.recipients == ["Ban Thường vụ Tỉnh ủy,", "Lưu Văn phòng Huyện ủy."]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Kế hoạch của huyện")  # comments kept
    bad = planwriter("edit", str(path), "info", "--date", "31/02/2025", cwd=tmp_path)
    assert bad.returncode == 2 and "31/02/2025" in bad.stderr and "Traceback" not in bad.stderr
    assert path.read_text(encoding="utf-8") == text  # nothing written
    empty = planwriter("edit", str(path), "info", cwd=tmp_path)
    assert empty.returncode == 2 and "--signer" in empty.stderr


def test_the_screen_from_the_editor_sets_signer_and_orders_recipients(tmp_path: Path) -> None:
    asyncio.run(_screen(tmp_path))


async def _screen(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    app = PlanwriterApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_editor(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        await pilot.press("d")
        screen = app.screen
        assert isinstance(screen, DocInfoScreen)
        assert screen.query_one("#number", Input).value == "363"
        screen.query_one("#signer", Input).value = "Nguyễn Văn A"
        screen.query_one("#title", Input).value = "PHÓ BÍ THƯ"
        screen.query_one("#on_behalf", Input).value = "T/M BAN THƯỜNG VỤ"
        screen.query_one("#summary", TextArea).load_text("thực hiện Chương trình\nvề chuyển đổi số")
        new = screen.query_one("#new-recipient", Input)
        for line in ("Ban Thường vụ Tỉnh ủy,", "Các chi bộ,", "Lưu Văn phòng."):
            new.value = line
            new.focus()
            await pilot.press("enter")
        listing = screen.query_one("#recipients", OptionList)
        assert listing.option_count == 3
        listing.focus()
        listing.highlighted = 1
        await pilot.press("left_square_bracket")  # "Các chi bộ," up to the first place
        assert screen.recipients[0] == "Các chi bộ,"
        listing.highlighted = 2
        await pilot.press("delete")
        assert screen.recipients == ["Các chi bộ,", "Ban Thường vụ Tỉnh ủy,"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        meta = editor.session.plan.meta
        assert meta.signature.name == "Nguyễn Văn A" and meta.signature.title == "PHÓ BÍ THƯ"
        assert meta.recipients == ["Các chi bộ,", "Ban Thường vụ Tỉnh ủy,"]
        assert meta.summary == "thực hiện Chương trình\nvề chuyển đổi số"
        await pilot.press("ctrl+z")  # one operation: one undo
        assert editor.session.plan.meta.signature.name == ""
        await pilot.press("ctrl+y", "ctrl+s")
        await pilot.pause()
    saved = load(path).plan.meta
    assert saved.signature.name == "Nguyễn Văn A"
    assert saved.recipients == ["Các chi bộ,", "Ban Thường vụ Tỉnh ủy,"]


def test_the_screen_from_the_palette_and_the_export_dialog(tmp_path: Path) -> None:
    asyncio.run(_reached(tmp_path))


async def _reached(tmp_path: Path) -> None:
    from planwriter.tui.screens.export import ExportDialog

    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_editor(pilot)
        editor = app.screen
        commands = {c.title: c for c in app.get_system_commands(editor)}
        commands["văn bản: thông tin văn bản"].callback()
        await pilot.pause()
        assert isinstance(app.screen, DocInfoScreen)
        await pilot.press("escape")
        assert app.screen is editor
        await pilot.press("x")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        await pilot.click("#docinfo")
        await pilot.pause()
        info = app.screen
        assert isinstance(info, DocInfoScreen)
        info.query_one("#signer", Input).value = "Lò Văn B"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one("#signer", Input).value == "Lò Văn B"  # back in the dialog
        assert editor.session.plan.meta.signature.name == "Lò Văn B"  # type: ignore[attr-defined]
