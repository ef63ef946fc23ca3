"""The start screen: plans of the working folder, the template library with a preview."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from textual.widgets import OptionList
from tui_helpers import plan_copy, wait_for_editor

from planwriter import library
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.editor import EditorScreen
from planwriter.tui.screens.start import StartScreen, plan_file_name, recent_plans, template_info


def test_recent_plans_are_plan_files_newest_first(tmp_path: Path) -> None:
    child = plan_copy(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "broken.toml").write_text("schema = = 1\n", encoding="utf-8")
    os.utime(child, (1_000, 1_000))
    entries = recent_plans(tmp_path)
    assert [e.path.name for e in entries] == ["parent.toml", "child.toml"]
    assert entries[1].summary == "363-KH/HU HUYỆN ỦY TAM ĐƯỜNG"


MTTQ_HEAD = """schema = 1

[plan]
level = "commune"
family = "mass"
type = "KH"
number = "16"
issuer_symbol = "MTTQ-BTT"
issuing_body = ["ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"]
"""


def test_recent_plans_read_any_header_a_plan_may_have(tmp_path: Path) -> None:
    """An imported Front plan writes its issuing body as lines and its number the state's
    way; a header someone mistyped shows what it can. The start screen lists them all."""
    (tmp_path / "mttq.toml").write_text(MTTQ_HEAD, encoding="utf-8")
    (tmp_path / "odd.toml").write_text(
        'schema = 1\n[plan]\ntype = "KH"\nnumber = 5\nissuing_body = 7\n', encoding="utf-8")
    os.utime(tmp_path / "odd.toml", (1_000, 1_000))
    assert [(e.path.name, e.summary) for e in recent_plans(tmp_path)] == [
        ("mttq.toml", "16/KH-MTTQ-BTT ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH BAN THƯỜNG TRỰC"),
        ("odd.toml", ""),
    ]


def test_the_start_screen_opens_beside_an_imported_front_plan(tmp_path: Path) -> None:
    (tmp_path / "mttq.toml").write_text(MTTQ_HEAD, encoding="utf-8")

    async def run() -> None:
        app = PlanwriterApp(None, workdir=tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            recent = app.screen.query_one("#recent", OptionList)
            assert recent.get_option_at_index(0).id == str(tmp_path / "mttq.toml")

    asyncio.run(run())


def test_template_info_counts_items_and_previews_the_body() -> None:
    key = "lai-chau/11-KH-TU"
    info = template_info(key, library.templates()[key])
    assert info.number == "11-KH/TU"
    assert info.issuer == "TỈNH ỦY LAI CHÂU"
    assert info.item_count > 10
    assert any(line.startswith("I.") for line in info.preview.splitlines())


def test_a_new_plan_never_takes_an_existing_name(tmp_path: Path) -> None:
    first = plan_file_name(tmp_path, "lai-chau/tam-duong", "lai-chau/63-CTr-TU")
    assert first.name == "tam-duong-63-CTr-TU.toml"
    first.write_text("", encoding="utf-8")
    assert plan_file_name(tmp_path, "lai-chau/tam-duong", "lai-chau/63-CTr-TU").name == \
        "tam-duong-63-CTr-TU-2.toml"


def test_start_screen_lists_and_opens(tmp_path: Path) -> None:
    asyncio.run(_start_screen(tmp_path))


async def _start_screen(tmp_path: Path) -> None:
    plan_copy(tmp_path)
    app = PlanwriterApp(None, workdir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StartScreen)
        templates = screen.query_one("#templates", OptionList)
        assert "lai-chau/11-KH-TU" in [templates.get_option_at_index(i).id
                                       for i in range(templates.option_count)]
        profiles = screen.query_one("#profiles", OptionList)
        assert profiles.option_count >= 1
        recent = screen.query_one("#recent", OptionList)
        assert recent.has_focus
        ids = [recent.get_option_at_index(i).id for i in range(recent.option_count)]
        recent.highlighted = ids.index(str(tmp_path / "child.toml"))
        await pilot.press("enter")
        await wait_for_editor(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.session.path == tmp_path / "child.toml"


def test_a_plan_that_cannot_be_read_says_where_and_shows_the_start_screen(tmp_path: Path) -> None:
    asyncio.run(_unreadable(tmp_path))


async def _unreadable(tmp_path: Path) -> None:
    bad = tmp_path / "hong.toml"
    bad.write_text("schema = 1\n", encoding="utf-8")
    app = PlanwriterApp(bad, workdir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert [n.message for n in app._notifications] == [f"{bad}:1: missing [plan] table"]
