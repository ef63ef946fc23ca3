"""The whole job in the TUI: a new plan from 63-CTr/TU for Tam Đường, adapt a text, raise a
target, drop an item with a reason, see both in the diff view, export a .docx that opens."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, OptionList, Static, TextArea
from tui_helpers import press, select, wait_for_editor

from planwriter.model import Disposition
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.create import CreateDialog
from planwriter.tui.screens.editor import EditorScreen
from planwriter.tui.screens.start import StartScreen

TEMPLATE, PROFILE = "lai-chau/63-CTr-TU", "lai-chau/tam-duong"


def _highlight(listing: OptionList, option_id: str) -> None:
    for index in range(listing.option_count):
        if listing.get_option_at_index(index).id == option_id:
            listing.highlighted = index
            return
    raise AssertionError(f"{option_id} is not offered")


def test_the_whole_way(tmp_path: Path) -> None:
    pytest.importorskip("planwriter.export")
    from planwriter import library

    if TEMPLATE not in library.templates():
        pytest.skip("63-CTr-TU is not in the library yet")
    asyncio.run(_whole_way(tmp_path, TEMPLATE, export=True))


def test_drafting_from_the_start_screen_with_11_kh_tu(tmp_path: Path) -> None:
    """The same way on the provincial plan 11-KH/TU (bundled before 63-CTr/TU)."""
    asyncio.run(_whole_way(tmp_path, "lai-chau/11-KH-TU", export=True))


async def _whole_way(tmp_path: Path, template: str, export: bool) -> None:
    app = PlanwriterApp(None, workdir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        start = app.screen
        assert isinstance(start, StartScreen)
        _highlight(start.query_one("#templates", OptionList), template)
        await pilot.pause()
        assert start.templates[template].number in str(start.query_one("#preview").render())
        profiles = start.query_one("#profiles", OptionList)
        _highlight(profiles, PROFILE)
        profiles.focus()
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CreateDialog)  # a form first: nothing is written by one key
        suggested = f"tam-duong-{template.rsplit('/', 1)[-1]}.toml"
        assert form.query_one("#name", Input).value == suggested
        assert not (tmp_path / suggested).exists()
        form.query_one("#date", Input).value = "05/05/2025"
        await press(pilot, "#ok")
        await wait_for_editor(pilot)
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        plan = screen.session.plan
        assert screen.session.path == tmp_path / f"tam-duong-{template.rsplit('/', 1)[-1]}.toml"
        assert screen.session.path.exists()
        assert plan.meta.issuing_body == "HUYỆN ỦY TAM ĐƯỜNG"

        items = [item for item, _, _ in plan.walk()]
        leaves = [i for i in items if i.text and not i.children and i.origin]
        texted = next(i for i in leaves if not i.indicators)
        targeted = next(i for i in leaves if i.indicators)
        dropped = next(i for i in leaves if i is not texted and i is not targeted)

        await select(pilot, texted.id)
        await pilot.press("e")
        area = screen.query_one("#local-text", TextArea)
        area.move_cursor(area.document.end)
        await pilot.press(*" Ưu tiên các xã vùng cao.", "escape")
        assert texted.text.endswith("Ưu tiên các xã vùng cao.")
        assert texted.disposition is Disposition.ADAPTED

        await select(pilot, targeted.id)
        await pilot.press("i")
        field = app.screen.query_one("#value-0", Input)
        raised = targeted.indicators[0].value + 5
        field.value = str(raised)
        await pilot.press("enter")
        assert targeted.indicators[0].value == raised

        await select(pilot, dropped.id)
        await pilot.press("b", *"Huyện chưa có điều kiện thực hiện", "enter")
        await pilot.pause()
        assert dropped.dropped

        await _diff_view(pilot, screen, texted.id, targeted.indicators[0].id, dropped.id)
        if export:
            await _export(pilot, screen, tmp_path, texted.text)


async def _diff_view(pilot: Pilot[None], screen: EditorScreen, adapted: str, indicator: str,
                     dropped: str) -> None:
    from textual.widgets import DataTable

    from planwriter.tui.screens.diffview import DiffScreen

    app = pilot.app
    await pilot.press("s")
    await pilot.pause()
    diff = app.screen
    assert isinstance(diff, DiffScreen)
    await app.workers.wait_for_complete()  # the word-level comparison runs in a worker
    await pilot.pause()
    shown = [row.item_id for row in diff.shown]
    assert adapted in shown and dropped in shown
    table = diff.query_one("#diff-indicators", DataTable)
    rows = [table.get_row_at(i) for i in range(table.row_count)]
    assert any(row[-1] == "nâng" for row in rows)
    await pilot.press("escape")
    assert app.screen is screen


async def _export(pilot: Pilot[None], screen: EditorScreen, folder: Path, text: str) -> None:
    from docx import Document

    from planwriter.tui.screens.export import ExportDialog

    app = pilot.app
    await pilot.press("x")
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    assert dialog.query_one("#number", Input).value == screen.session.plan.meta.number
    target = folder / "ke-hoach.docx"
    dialog.query_one("#target", Input).value = str(target)
    dialog.query_one("#pdf", Checkbox).value = False
    dialog.query_one("#number", Input).value = "12"
    await app.workers.wait_for_complete()  # the checklist's check
    await pilot.pause()
    await press(pilot, "#ok")
    await pilot.pause()
    assert dialog.result is None  # the checklist holds it back until each doubt is answered
    assert "Bỏ qua" in str(dialog.query_one("#status", Static).render())
    for box in dialog.query("#checklist Checkbox").results(Checkbox):
        box.value = True  # skipped knowingly
    await press(pilot, "#ok")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert dialog.result is not None and dialog.result.docx == target
    said = str(dialog.query_one("#status", Static).render())
    assert target.name in said and f"Thư mục: {folder}" in said
    document = Document(str(target))
    paragraphs = [p.text for p in document.paragraphs]
    paragraphs += [p.text for table in document.tables for row in table.rows
                   for cell in row.cells for p in cell.paragraphs]
    assert any("Ưu tiên các xã vùng cao." in p for p in paragraphs)
    assert any("Số 12-KH/HU" in p for p in paragraphs)
    assert screen.session.plan.meta.number == "12"  # recorded through SetMeta: undoable
    await pilot.press("escape")
    assert app.screen is screen
