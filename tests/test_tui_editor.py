"""The editor screen, driven with Pilot: every action ends as an operation on the plan."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from tui_helpers import plan_copy, select, wait_for_editor

from planwriter.model import Disposition
from planwriter.planfile import load
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.dialogs import DropDialog, IndicatorDialog
from planwriter.tui.screens.editor import EditorScreen


def editor(app: PlanwriterApp) -> EditorScreen:
    screens = [s for s in app.screen_stack if isinstance(s, EditorScreen)]
    assert screens, app.screen_stack
    return screens[-1]


async def _typing_at_the_end(pilot: Pilot[None], item_id: str) -> tuple[EditorScreen, TextArea]:
    """The editor open, ``item_id`` selected, ``e`` pressed: its text box has the focus and
    the cursor at the end of its text."""
    await wait_for_editor(pilot)
    screen = editor(pilot.app)  # type: ignore[arg-type]
    await select(pilot, item_id)
    await pilot.press("e")
    area = screen.query_one("#local-text", TextArea)
    assert area.has_focus
    area.move_cursor(area.document.end)
    return screen, area


def test_adapting_text_with_vietnamese_marks_the_item_adapted(tmp_path: Path) -> None:
    asyncio.run(_test_adapting_text_with_vietnamese_marks_the_item_adapted(tmp_path))


async def _test_adapting_text_with_vietnamese_marks_the_item_adapted(tmp_path: Path) -> None:
    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen, area = await _typing_at_the_end(pilot, "ha-tang")
        await pilot.press(*" Ưu tiên xã vùng sâu.")
        await pilot.press("escape")  # back to the outline commits what was typed
        item = screen.session.plan.find("ha-tang")
        assert item is not None
        assert item.text == "Phát triển hạ tầng số đồng bộ, hiện đại. Ưu tiên xã vùng sâu."
        assert item.disposition is Disposition.ADAPTED
        assert screen.session.dirty
        await pilot.press("ctrl+z")
        assert item.text == "Phát triển hạ tầng số đồng bộ, hiện đại."
        assert item.disposition is Disposition.ADOPTED
        await pilot.press("ctrl+y")
        assert item.text.endswith("vùng sâu.")


def test_drop_needs_a_reason_and_restore_brings_the_item_back(tmp_path: Path) -> None:
    asyncio.run(_test_drop_needs_a_reason_and_restore_brings_the_item_back(tmp_path))


async def _test_drop_needs_a_reason_and_restore_brings_the_item_back(tmp_path: Path) -> None:
    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        screen = editor(app)
        await select(pilot, "khu-cnc")
        await pilot.press("b")
        assert isinstance(app.screen, DropDialog)
        await pilot.press("enter")  # empty reason: refused, the dialog stays
        assert isinstance(app.screen, DropDialog)
        item = screen.session.plan.find("khu-cnc")
        assert item is not None and not item.dropped
        await pilot.press(*"Huyện không có khu công nghệ cao", "enter")
        await pilot.pause()
        assert item.dropped and item.reason == "Huyện không có khu công nghệ cao"
        label = screen.query_one("#outline").nodes_by_id["khu-cnc"].label  # type: ignore[attr-defined]
        assert str(label).startswith("×")
        await pilot.press("r")
        assert item.disposition is Disposition.ADOPTED and item.reason == ""
        # The parent's text in the district's words (profile lai-chau/tam-duong's vocabulary).
        assert item.text == "Thu hút đầu tư vào khu công nghệ cao của huyện."


def test_raising_a_target_shows_the_parent_value_beside(tmp_path: Path) -> None:
    asyncio.run(_test_raising_a_target_shows_the_parent_value_beside(tmp_path))


async def _test_raising_a_target_shows_the_parent_value_beside(tmp_path: Path) -> None:
    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        screen = editor(app)
        await select(pilot, "5g")
        await pilot.press("i")
        assert isinstance(app.screen, IndicatorDialog)
        field = app.screen.query_one("#value-0", Input)
        field.value = "60"
        await pilot.press("enter")
        await pilot.pause()
        item = screen.session.plan.find("5g")
        assert item is not None and item.indicators[0].value == 60
        assert item.disposition is Disposition.ADAPTED
        shown = str(screen.query_one("#properties").render())  # type: ignore[attr-defined]
        assert shown  # the properties pane repainted without error


def test_add_move_delete_and_search(tmp_path: Path) -> None:
    asyncio.run(_test_add_move_delete_and_search(tmp_path))


async def _test_add_move_delete_and_search(tmp_path: Path) -> None:
    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        screen = editor(app)
        plan = screen.session.plan
        await select(pilot, "5g")
        await pilot.press("a")
        await pilot.press(*"Tổ chức tập huấn kỹ năng số cho cán bộ", "enter")
        await pilot.pause()
        ids = [i.id for i in plan.items[0].children]
        assert ids == ["5g", "them-1", "ha-tang", "khu-cnc"]
        added = plan.find("them-1")
        assert added is not None and added.disposition is Disposition.ADDED
        assert screen.shown_id == "them-1"
        await pilot.press("right_square_bracket")
        assert [i.id for i in plan.items[0].children][2] == "them-1"
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert [i.id for i in plan.items[0].children][0] == "them-1"
        await pilot.press("delete")
        assert plan.find("them-1") is None
        await pilot.press("slash")
        await pilot.press(*"cong nghe cao", "enter")
        await pilot.pause()
        assert screen.shown_id == "khu-cnc"


def test_saving_keeps_comments_and_writes_the_change(tmp_path: Path) -> None:
    asyncio.run(_test_saving_keeps_comments_and_writes_the_change(tmp_path))


async def _test_saving_keeps_comments_and_writes_the_change(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        await select(pilot, "khu-cnc")
        await pilot.press("b", *"Không có khu công nghệ cao", "enter", "ctrl+s")
        await pilot.pause()
        assert not editor(app).session.dirty
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Kế hoạch của huyện")
    item = load(path).plan.find("khu-cnc")
    assert item is not None and item.dropped


def test_palette_commands_carry_a_category(tmp_path: Path) -> None:
    asyncio.run(_test_palette_commands_carry_a_category(tmp_path))


async def _test_palette_commands_carry_a_category(tmp_path: Path) -> None:
    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "xuất: văn bản docx, pdf" in titles and "sửa: bỏ mục (kèm lý do)" in titles
        assert "tệp: thoát" in titles and "Quit" not in titles  # Textual's own, in Vietnamese
        await pilot.press("f1")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert isinstance(app.screen, EditorScreen)


def test_diff_view_lists_changes_and_opens_one_in_the_editor(tmp_path: Path) -> None:
    asyncio.run(_diff_view(tmp_path))


async def _diff_view(tmp_path: Path) -> None:
    from textual.widgets import DataTable, OptionList

    from planwriter.tui.screens.diffview import DiffScreen

    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        screen = editor(app)
        await select(pilot, "khu-cnc")
        await pilot.press("b", *"Không có khu công nghệ cao", "enter")
        await select(pilot, "5g")
        await pilot.press("i")
        app.screen.query_one("#value-0", Input).value = "50"
        await pilot.press("enter", "s")
        await pilot.pause()
        diff = app.screen
        assert isinstance(diff, DiffScreen)
        await app.workers.wait_for_complete()  # planwriter.diff, when present, runs in a worker
        await pilot.pause()
        summary = str(diff.query_one("#diff-summary").render())  # type: ignore[attr-defined]
        assert "bỏ 1" in summary and "nâng 1" in summary
        table = diff.query_one("#diff-indicators", DataTable)
        assert table.get_row_at(0) == ["Tỷ lệ phủ sóng 5G", "tối thiểu 45%", "tối thiểu 50%",
                                       "nâng"]
        items = diff.query_one("#diff-items", OptionList)
        shown = [row.item_id for row in diff.shown]
        assert "5g" in shown and "khu-cnc" in shown and "noi-dung" not in shown
        await pilot.press("c")
        assert items.option_count == 4
        assert diff.shown[items.highlighted or 0].item_id == "noi-dung"
        await pilot.press("n")
        assert diff.shown[items.highlighted or 0].item_id == "5g"
        await pilot.press("n", "p")
        assert diff.shown[items.highlighted or 0].item_id == "5g"
        items.highlighted = [row.item_id for row in diff.shown].index("khu-cnc")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#outline").current_id == "khu-cnc"  # type: ignore[attr-defined]


def test_check_marks_findings_until_they_are_fixed(tmp_path: Path) -> None:
    asyncio.run(_check(tmp_path))


async def _check(tmp_path: Path) -> None:
    from planwriter.tui.screens.findings import FindingsScreen

    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        screen = editor(app)
        outline = screen.query_one("#outline")
        await pilot.press("k")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, FindingsScreen)
        assert [f.item_id for f in app.screen.findings] == ["khu-cnc"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.shown_id == "khu-cnc"
        assert str(outline.nodes_by_id["khu-cnc"].label).startswith("!")  # type: ignore[attr-defined]
        await pilot.press("t")
        app.screen.query_one("#deadline", Input).value = "Năm 2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        item = screen.session.plan.find("khu-cnc")
        assert item is not None and item.deadline == "Năm 2026"
        assert str(outline.nodes_by_id["khu-cnc"].label).startswith("~")  # type: ignore[attr-defined]


def test_decomposed_vietnamese_is_stored_composed(tmp_path: Path) -> None:
    asyncio.run(_nfc(tmp_path))


async def _nfc(tmp_path: Path) -> None:
    import unicodedata

    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_editor(pilot)
        screen = editor(app)
        await select(pilot, "ha-tang")
        await pilot.press("e")
        wanted = "Phát triển hạ tầng số ở xã Bình Lư."
        screen.query_one("#local-text", TextArea).text = unicodedata.normalize("NFD", wanted)
        await pilot.press("escape")
        item = screen.session.plan.find("ha-tang")
        assert item is not None and item.text == wanted
        assert unicodedata.is_normalized("NFC", item.text)


def test_enter_and_pasted_lines_never_cost_typed_words(tmp_path: Path) -> None:
    """An item is one paragraph: Enter in its text box adds no line break (it says how to add
    a paragraph) and keeps what was typed around it; text pasted with line breaks is joined
    into the paragraph, every word kept; the saved file is valid."""
    asyncio.run(_enter_and_paste(tmp_path))


async def _enter_and_paste(tmp_path: Path) -> None:
    from textual import events

    from planwriter.tui.widgets.textbox import ENTER_HINT, JOINED_HINT

    path = plan_copy(tmp_path)
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, area = await _typing_at_the_end(pilot, "ha-tang")
        await pilot.press(*" Ưu tiên", "enter", *" xã vùng sâu.")
        assert "\n" not in area.text
        app.post_message(events.Paste("\nDòng\tmột\x07\r\nDòng hai\n"))  # as the terminal sends it
        await pilot.pause()
        await pilot.press("escape")
        item = screen.session.plan.find("ha-tang")
        assert item is not None
        assert item.text == ("Phát triển hạ tầng số đồng bộ, hiện đại. Ưu tiên xã vùng sâu. "
                             "Dòng một Dòng hai")
        messages = [n.message for n in app._notifications]
        assert ENTER_HINT in messages and JOINED_HINT in messages
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load(path).plan.find("ha-tang").text.endswith("Dòng một Dòng hai")  # type: ignore[union-attr]
