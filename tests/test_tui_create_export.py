"""Creating with intent (a form; nothing written by one key) and the pre-export checklist
(each doubt fixed or skipped knowingly; the result names the files and the folder)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Checkbox, Input, OptionList, Static
from tui_helpers import plan_copy, press, wait_for_editor

from planwriter.planfile import load
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.create import CreateDialog, check_target
from planwriter.tui.screens.editor import EditorScreen
from planwriter.tui.screens.export import ExportDialog, appendix_missing, doubts
from planwriter.tui.screens.start import StartScreen

TEMPLATE, PROFILE = "lai-chau/11-KH-TU", "lai-chau/tam-duong"


def _highlight(listing: OptionList, option_id: str) -> None:
    for index in range(listing.option_count):
        if listing.get_option_at_index(index).id == option_id:
            listing.highlighted = index
            return
    raise AssertionError(f"{option_id} is not offered")


def test_check_target_refuses_what_it_must(tmp_path: Path) -> None:
    (tmp_path / "co.toml").write_text("x", encoding="utf-8")
    assert check_target(str(tmp_path), "moi", tmp_path) == tmp_path / "moi.toml"
    assert "đã có" in str(check_target(str(tmp_path), "co.toml", tmp_path))
    assert "không có" in str(check_target(str(tmp_path / "khong"), "a.toml", tmp_path))
    assert "Cần tên" in str(check_target(str(tmp_path), " ", tmp_path))
    assert "thư mục" in str(check_target(str(tmp_path), "a/b.toml", tmp_path))


def test_create_asks_first_and_writes_only_on_confirm(tmp_path: Path) -> None:
    asyncio.run(_create(tmp_path))


async def _create(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    app = PlanwriterApp(None, workdir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        start = app.screen
        assert isinstance(start, StartScreen)
        _highlight(start.query_one("#templates", OptionList), TEMPLATE)
        _highlight(start.query_one("#profiles", OptionList), PROFILE)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, CreateDialog)
        assert form.query_one("#name", Input).value == "tam-duong-11-KH-TU.toml"
        assert list(tmp_path.glob("*.toml")) == []  # one key wrote nothing
        await pilot.press("escape")
        assert app.screen is start and list(tmp_path.glob("*.toml")) == []
        start.query_one("#profiles", OptionList).focus()
        await pilot.press("enter")  # Enter on the unit: the same form
        form = app.screen
        assert isinstance(form, CreateDialog)
        form.query_one("#name", Input).value = "ke-hoach-cds"
        form.query_one("#folder", Input).value = "sub"
        form.query_one("#number", Input).value = "45"
        form.query_one("#date", Input).value = "31/13/2025"
        await press(pilot, "#ok")
        await pilot.pause()
        assert "không phải là ngày" in str(form.query_one("#error", Static).render())
        assert not (tmp_path / "sub" / "ke-hoach-cds.toml").exists()
        form.query_one("#date", Input).value = "05/05/2025"
        form.query_one("#date", Input).focus()
        await pilot.press("enter")  # Enter on the last field confirms
        await wait_for_editor(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        target = tmp_path / "sub" / "ke-hoach-cds.toml"
        assert editor.session.path == target and target.exists()
        meta = load(target).plan.meta
        assert meta.number == "45" and meta.date is not None and meta.date.month == 5


def test_doubts_name_each_thing_a_signed_document_lacks(tmp_path: Path) -> None:
    plan = load(plan_copy(tmp_path)).plan
    parent = load(tmp_path / "parent.toml", check_origins=False).plan
    keys = [d.key for d in doubts(plan, parent, 2, "", "", "")]
    assert keys == ["errors", "number", "date", "signer"]
    assert doubts(plan, parent, 0, "1", "01/01/2025", "A") == []
    plan.items[0].children[1].text += " (có Phụ lục kèm theo)"
    assert appendix_missing(plan)
    parent.meta.source = "TÁI DỰNG, không phải văn bản chính thức"
    said = {d.key: d.message for d in doubts(plan, parent, 0, "1", "x", "A")}
    assert set(said) == {"appendix", "reconstructed"}
    assert "63-CTr/TU là bản TÁI DỰNG" in said["reconstructed"]


def test_export_waits_for_each_doubt_then_names_files_and_folder(tmp_path: Path) -> None:
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
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog.query_one("#pdf", Checkbox).value = False
        dialog.query_one("#signer", Input).value = ""
        await pilot.pause()
        signer_box = dialog.query_one("#skip-signer", Checkbox)
        assert signer_box.display and "Chưa có người ký" in str(signer_box.label)
        dialog.query_one("#number", Input).value = ""
        await pilot.pause()
        assert dialog.query_one("#skip-number", Checkbox).display  # follows the typing
        await press(pilot, "#ok")
        await pilot.pause()
        assert "Còn 2 việc" in str(dialog.query_one("#status", Static).render())
        assert not (tmp_path / "child.docx").exists()
        dialog.query_one("#number", Input).value = "17"  # fixed
        dialog.query_one("#skip-signer", Checkbox).value = True  # skipped knowingly
        await pilot.pause()
        assert not dialog.query_one("#skip-number", Checkbox).display
        await press(pilot, "#ok")
        for _ in range(200):
            await pilot.pause(0.05)
            if dialog.result is not None:
                break
        assert dialog.result is not None and (tmp_path / "child.docx").exists()
        said = str(dialog.query_one("#status", Static).render())
        assert "Đã ghi child.docx" in said and f"Thư mục: {tmp_path}" in said
        assert dialog.query_one("#open-folder").display
        await pilot.press("escape")
        assert app.screen is editor
        assert editor.session.plan.meta.number == "17"  # type: ignore[attr-defined]
