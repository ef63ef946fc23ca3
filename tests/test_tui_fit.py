"""Fits 80×24: the essential keys in the editor's footer, the diff's target table keeps its
change column, the text box re-wraps on resize; the diff view lists assignment and
localisation-only changes apart."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable, Footer, Label, TextArea
from tui_helpers import plan_copy, select, wait_for_editor

from planwriter.operations import Editor, SetTaskFields
from planwriter.planfile import load
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.editor import EditorScreen
from planwriter.tui.widgets.diffrows import assignment_changes, rows_from_plan


def _footer_text(app: PlanwriterApp) -> str:
    footer = app.screen.query_one(Footer)
    return " ".join(f"{key.key_display} {key.description}" for key in footer.children
                    if key.region.right <= app.size.width and key.region.width > 0)


def test_editor_footer_shows_the_essential_keys_at_80_columns(tmp_path: Path) -> None:
    asyncio.run(_footer(tmp_path))


async def _footer(tmp_path: Path) -> None:
    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_editor(pilot)
        await pilot.pause()
        shown = _footer_text(app)
        for wanted in ("Sửa", "Bỏ", "Thêm", "Tìm", "Xuất", "Lưu", "Thông tin", "Trợ giúp",
                       "Thoát", "Lệnh"):
            assert wanted in shown, (wanted, shown)


def test_text_box_rewraps_on_resize(tmp_path: Path) -> None:
    asyncio.run(_rewrap(tmp_path))


async def _rewrap(tmp_path: Path) -> None:
    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_editor(pilot)
        await select(pilot, "ha-tang")
        area = app.screen.query_one("#local-text", TextArea)
        area.load_text("Phát triển hạ tầng số đồng bộ, hiện đại " * 6)
        await pilot.pause()
        wide = area.wrapped_document.height
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        narrow = area.wrapped_document.height
        assert narrow > wide


def test_diff_table_keeps_its_change_column_at_80_columns(tmp_path: Path) -> None:
    asyncio.run(_table(tmp_path))


async def _table(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        'name = "Tỷ lệ phủ sóng 5G"',
        'name = "Tỷ lệ phủ sóng mạng di động 5G đến các thôn, bản vùng sâu, vùng xa, biên giới"')
    path.write_text(text, encoding="utf-8")
    app = PlanwriterApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_editor(pilot)
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#diff-indicators", DataTable)
        row = table.get_row_at(0)
        assert row[-1] == "giữ" and row[0].endswith("…")
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= 80


def test_assignment_changes_are_named_and_counted_apart(tmp_path: Path) -> None:
    child = load(plan_copy(tmp_path)).plan
    parent = load(tmp_path / "parent.toml", check_origins=False).plan
    Editor(child).apply(SetTaskFields("khu-cnc", lead="Phòng Tài chính - Kế hoạch",
                                      deadline="Quý IV/2025"))
    said = assignment_changes(child.find("khu-cnc"), parent.find("khu-cnc"))
    assert said == ["chủ trì: Sở Kế hoạch và Đầu tư → Phòng Tài chính - Kế hoạch",
                    "thời hạn: — → Quý IV/2025"]
    rows = {r.item_id: r for r in rows_from_plan(child, parent)}
    assert rows["khu-cnc"].assigned and "[chủ trì:" in rows["khu-cnc"].line.plain


def test_diff_view_shows_localized_and_assignment_changes_apart(tmp_path: Path) -> None:
    asyncio.run(_diff_kinds(tmp_path))


async def _diff_kinds(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    head, rest = text.split('origin = "5g"\ndisposition = "adopted"', 1)
    path.write_text(head + 'origin = "5g"\ndisposition = "localized"' + rest, encoding="utf-8")
    app = PlanwriterApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_editor(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        await select(pilot, "khu-cnc")
        await pilot.press("t")
        app.screen.query_one("#deadline").value = "Quý IV/2025"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        diff = app.screen
        caption = str(diff.query_one("#diff-items-caption", Label).render())
        assert "≈ địa phương hóa 1 (l)" in caption and "phân công" in caption
        await pilot.press("l")
        assert [r.item_id for r in diff.shown] == ["5g"]  # type: ignore[attr-defined]
        assert diff.shown[0].line.plain.startswith("≈")  # type: ignore[attr-defined]
        await pilot.press("g")
        assert "khu-cnc" in [r.item_id for r in diff.shown]  # type: ignore[attr-defined]
        assert all(r.assigned for r in diff.shown)  # type: ignore[attr-defined]
        summary = str(diff.query_one("#diff-summary").render())
        assert "phân công nhiệm vụ" in summary
