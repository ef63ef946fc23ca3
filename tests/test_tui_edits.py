"""Edits that behave: dropping a section says how many go with it and asks; an added item's
"- " is not doubled; Ctrl+Home/End; `?` opens help; q/Esc returns to the start screen after
saving; the localized items get their own mark, count and a pass that walks them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input, Static, TextArea
from tui_helpers import plan_copy, select, wait_for_editor

from planwriter.model import Disposition
from planwriter.planfile import load
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.choice import HelpScreen
from planwriter.tui.screens.dialogs import AddDialog, DropDialog
from planwriter.tui.screens.editor import EditorScreen
from planwriter.tui.screens.editor_actions import without_mark
from planwriter.tui.screens.start import StartScreen


def _localized_copy(tmp_path: Path) -> Path:
    path = plan_copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    first, rest = text.split('origin = "5g"\ndisposition = "adopted"', 1)
    text = first + 'origin = "5g"\ndisposition = "localized"' + rest
    text = text.replace('origin = "khu-cnc"\ndisposition = "adopted"',
                        'origin = "khu-cnc"\ndisposition = "localized"')
    path.write_text(text, encoding="utf-8")
    return path


def _text(renderable: object) -> str:
    from io import StringIO

    from rich.console import Console

    console = Console(width=120, file=StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


def test_without_mark() -> None:
    assert without_mark("- Tổ chức hội nghị") == "Tổ chức hội nghị"
    assert without_mark("+ Tổ chức") == "Tổ chức"
    assert without_mark("-Tổ chức") == "Tổ chức"
    assert without_mark("• Tổ chức") == "Tổ chức"
    assert without_mark("-5% chi phí") == "-5% chi phí"  # a figure, not a mark
    assert without_mark("Tổ chức - hội nghị") == "Tổ chức - hội nghị"


def test_dropping_a_section_says_how_many_go_with_it(tmp_path: Path) -> None:
    asyncio.run(_drop_section(tmp_path))


async def _drop_section(tmp_path: Path) -> None:
    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_editor(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        await select(pilot, "noi-dung")
        await pilot.press("b")
        dialog = app.screen
        assert isinstance(dialog, DropDialog)
        said = " ".join(str(w.render()) for w in dialog.query(Static))
        assert "Cùng bị bỏ: 3 mục bên trong" in said
        assert "Bỏ cả 4 mục" in str(dialog.query_one("#ok").label)  # type: ignore[attr-defined]
        await pilot.press("escape")  # asked, and refused: nothing dropped
        assert not editor.session.plan.find("noi-dung").dropped  # type: ignore[union-attr]
        await pilot.press("b", *"Đã có kế hoạch riêng", "enter")
        await pilot.pause()
        assert editor.session.plan.find("noi-dung").dropped  # type: ignore[union-attr]
        said = [n.message for n in app._notifications]
        assert any("cùng 3 mục bên trong" in m for m in said)


def test_added_item_keeps_one_dash_and_text_keys(tmp_path: Path) -> None:
    asyncio.run(_add_and_keys(tmp_path))


async def _add_and_keys(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    app = PlanwriterApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_editor(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        await select(pilot, "khu-cnc")
        await pilot.press("a")
        assert isinstance(app.screen, AddDialog)
        app.screen.query_one("#text", Input).value = "- Tổ chức hội nghị triển khai."
        await pilot.press("enter")
        await pilot.pause()
        added = editor.session.plan.find("them-1")
        assert added is not None and added.text == "Tổ chức hội nghị triển khai."
        await select(pilot, "ha-tang")
        await pilot.press("e")
        area = editor.query_one("#local-text", TextArea)
        area.move_cursor((0, 3))
        await pilot.press("ctrl+end", *" Ưu tiên vùng cao.")
        await pilot.press("ctrl+home", *"Tiếp tục ")
        await pilot.press("escape")
        item = editor.session.plan.find("ha-tang")
        assert item is not None
        assert item.text == "Tiếp tục Phát triển hạ tầng số đồng bộ, hiện đại. Ưu tiên vùng cao."
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert app.screen is editor


def test_q_and_escape_return_to_the_start_screen_after_saving(tmp_path: Path) -> None:
    asyncio.run(_leave(tmp_path))


async def _leave(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    app = PlanwriterApp(path, workdir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_editor(pilot)
        await select(pilot, "ha-tang")
        await pilot.press("e", "ctrl+end", *" Thêm.", "escape")  # Esc: text box → outline
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("escape")  # Esc in the outline: back to the start, saved
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "hiện đại. Thêm." in path.read_text(encoding="utf-8")
        app.open_plan(path)
        await wait_for_editor(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert len([s for s in app.screen_stack if isinstance(s, StartScreen)]) == 1


def test_localized_items_have_their_mark_count_and_review_pass(tmp_path: Path) -> None:
    asyncio.run(_localized(tmp_path))


async def _localized(tmp_path: Path) -> None:
    app = PlanwriterApp(_localized_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_editor(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.localized_ids() == ["5g", "khu-cnc"]
        title = str(editor.query_one("#plan-title", Static).render())
        assert "≈ 2 địa phương hóa" in title
        outline = editor.query_one("#outline")
        label = outline.nodes_by_id["5g"].label  # type: ignore[attr-defined]
        assert str(label).startswith("≈ ")
        await pilot.press("l")
        assert editor.shown_id == "5g"
        props = _text(editor.query_one("#properties", Static).content)
        assert "địa phương hóa" in props and "1/2" in props
        await pilot.press("l")
        assert editor.shown_id == "khu-cnc"
        await pilot.press("l")  # round again
        assert editor.shown_id == "5g"
        await pilot.press("L")
        assert editor.shown_id == "khu-cnc"
        said = [n.message for n in app._notifications]
        assert any("Địa phương hóa 2/2: I, ý 3" in m for m in said)
        await pilot.press("e", "ctrl+end", *" Sửa.", "escape")
        item = editor.session.plan.find("khu-cnc")
        assert item is not None and item.disposition is Disposition.ADAPTED
        assert editor.localized_ids() == ["5g"]


def test_saved_plan_keeps_localized_disposition(tmp_path: Path) -> None:
    path = _localized_copy(tmp_path)
    assert load(path).plan.find("5g").disposition is Disposition.LOCALIZED  # type: ignore[union-attr]
