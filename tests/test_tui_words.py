"""Vietnamese everywhere: whole-word search with folded diacritics (palette and /), results
with their place, highlight and count; palette commands in Vietnamese; no internal id in any
message."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Label, OptionList
from tui_helpers import plan_copy, select, wait_for_editor

from planwriter.model import Item, Kind, Meta, Plan
from planwriter.operations import Drop
from planwriter.planfile import load
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.palette import PlanItems, VietnameseCommands, command_score
from planwriter.tui.screens.editor import EditorScreen
from planwriter.tui.screens.search import SearchDialog, matches
from planwriter.tui.wording import describe, phrase_spans, places, scrub


def _plan() -> Plan:
    section = Item(id="s2", kind=Kind.SECTION, title="NHIỆM VỤ", children=[
        Item(id="s2-1", kind=Kind.SECTION, title="Hạ tầng", children=[
            Item(id="s2-1-a", kind=Kind.SECTION, title="Mạng", children=[
                Item(id="b1", kind=Kind.BULLET, text="Phủ sóng 5G."),
                Item(id="b2", kind=Kind.BULLET, text="Phát triển hạ tầng số đồng bộ."),
                Item(id="b3", kind=Kind.BULLET, text="Hàng hóa tăng trưởng; hạt giống."),
            ])])])
    return Plan(meta=Meta(), items=[Item(id="s1", kind=Kind.SECTION, title="MỤC TIÊU"), section])


def test_whole_words_with_folded_diacritics() -> None:
    assert phrase_spans("Phát triển hạ tầng số", "ha tang") == [(11, 18)]
    assert phrase_spans("Hàng hóa tăng trưởng", "ha tang") == []  # not "hàng … tăng"
    assert phrase_spans("hạt giống", "ha") == []  # a whole word, not a prefix
    assert phrase_spans("ĐỒNG BỘ", "dong bo") == [(0, 7)]
    found = matches(_plan(), "ha tang")
    assert [m.item_id for m in found] == ["s2-1", "b2"]  # the heading "Hạ tầng" too; not b3
    assert found[1].place == "II.1.1, ý 2"
    assert found[1].text[slice(*found[1].spans[0])] == "hạ tầng"


def test_places_read_as_a_drafter_says_them() -> None:
    spots = places(_plan())
    assert spots["s1"] == "I" and spots["s2-1"] == "II.1" and spots["s2-1-a"] == "II.1.1"
    assert spots["b3"] == "II.1.1, ý 3"


def test_messages_never_show_an_internal_id() -> None:
    plan = _plan()
    assert scrub("item 'b2' has no origin in the parent", plan) == \
        "item II.1.1, ý 2 has no origin in the parent"
    assert scrub("mục II.1.1. ý 2 (b2) chưa có chủ trì", plan) == "mục II.1.1. ý 2 chưa có chủ trì"
    drop = Drop("b2", "không có")
    assert "b2" not in describe(drop, plan) and "II.1.1, ý 2" in describe(drop, plan)


def test_command_names_match_without_diacritics() -> None:
    assert command_score("xuất: văn bản docx, pdf", "xuat") > 0
    assert command_score("xuất: văn bản docx, pdf", "xu van") > 0
    assert command_score("tệp: lưu", "xuat") == 0


def test_palette_and_slash_search_in_the_editor(tmp_path: Path) -> None:
    asyncio.run(_search(tmp_path))


async def _search(tmp_path: Path) -> None:
    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_editor(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        titles = [c.title for c in app.get_system_commands(editor)]
        assert all(t[0].islower() and ":" in t for t in titles)  # Vietnamese "nhóm: lệnh"
        assert not {"Quit", "Theme", "Keys", "Screenshot"} & set(titles)
        provider = VietnameseCommands(editor)
        hits = [hit async for hit in provider.search("xuat")]
        assert [h.text for h in hits][:1] == ["xuất: văn bản docx, pdf"]
        items = PlanItems(editor)
        found = [hit async for hit in items.search("ha tang")]
        assert len(found) == 1 and found[0].text is not None and "I, ý 2" in found[0].text
        await pilot.press("slash", *"ha tang")
        dialog = app.screen
        assert isinstance(dialog, SearchDialog)
        results = dialog.query_one("#results", OptionList)
        assert results.option_count == 1
        assert "1 chỗ trong 1 mục" in str(dialog.query_one("#count", Label).render())
        prompt = results.get_option_at_index(0).prompt
        assert str(prompt).startswith("I, ý 2") or "I, ý 2" in getattr(prompt, "plain", "")
        await pilot.press("enter")
        assert app.screen is editor and editor.shown_id == "ha-tang"
        await pilot.press("slash", *"hang tang")
        assert "Không tìm thấy" in str(app.screen.query_one("#count", Label).render())
        await pilot.press("escape")


def test_toasts_name_places_not_ids(tmp_path: Path) -> None:
    asyncio.run(_toasts(tmp_path))


async def _toasts(tmp_path: Path) -> None:
    app = PlanwriterApp(plan_copy(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        await select(pilot, "khu-cnc")
        await pilot.press("b", *"Không có khu", "enter", "ctrl+z")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("Đã hoàn tác: bỏ I, ý 3" in m for m in said), said
        plan = load(tmp_path / "child.toml").plan
        ids = {item.id for item, _, _ in plan.walk()}
        assert not any(f"'{i}'" in m or f" {i}" in m.replace(",", " ").split("“")[0]
                       for m in said for i in ids if len(i) > 3)
