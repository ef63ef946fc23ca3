"""Never lose work: the journal beside the plan, recovery at start, a file changed on disk,
and quitting without a question."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from textual.widgets import TextArea
from tui_helpers import plan_copy, select, wait_for_editor

from planwriter import journal
from planwriter.planfile import load
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.choice import ChoiceDialog
from planwriter.tui.screens.editor import EditorScreen


def test_journal_is_pending_whenever_it_differs_even_if_older(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    assert journal.pending(path) is None
    journal.write(path, path.read_text(encoding="utf-8"))
    assert journal.pending(path) is None  # same text: nothing to recover
    changed = path.read_text(encoding="utf-8").replace("huyện đạt", "huyện phấn đấu đạt")
    written = journal.write(path, changed)
    assert written.name == "child.toml.pw-journal"
    assert journal.pending(path) == written
    recovered = journal.recover(path)
    assert recovered.path == path and not recovered.changed_on_disk()
    item = recovered.plan.find("5g")
    assert item is not None and "phấn đấu" in item.text
    old = time.time() - 60
    os.utime(written, (old, old))
    # The plan was changed after the journal (a CLI edit): still offered, never discarded.
    assert journal.pending(path) == written
    written_at, saved_at = journal.times(path)
    assert saved_at is not None and written_at < saved_at
    journal.discard(path)
    assert not written.exists()


def test_typing_reaches_the_journal_within_two_seconds(tmp_path: Path) -> None:
    asyncio.run(_typing_reaches_the_journal(tmp_path))


async def _typing_reaches_the_journal(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        await select(pilot, "5g")
        await pilot.press("e", "end", *" Ưu tiên")
        started = time.monotonic()
        while not journal.journal_path(path).exists() and time.monotonic() - started < 2.0:
            await pilot.pause(0.05)
        assert journal.journal_path(path).exists()
        await app.workers.wait_for_complete()
        text = journal.journal_path(path).read_text(encoding="utf-8")
        assert "Ưu tiên" in text
        assert "# Kế hoạch của huyện" in text  # a snapshot of the whole file, comments too
        assert "Ưu tiên" not in path.read_text(encoding="utf-8")


def test_start_offers_recovery_and_declining_keeps_the_journal(tmp_path: Path) -> None:
    asyncio.run(_recovery(tmp_path))


async def _recovery(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    journal.write(path, path.read_text(encoding="utf-8").replace("đồng bộ", "đồng bộ, an toàn"))
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#saved")
        await wait_for_editor(pilot)
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        item = screen.session.plan.find("ha-tang")
        assert item is not None and "an toàn" not in item.text
    kept = [p for p in tmp_path.iterdir() if p.name.endswith(".pw-journal")]
    assert len(kept) == 1 and kept[0].name != "child.toml.pw-journal"
    assert "an toàn" in kept[0].read_text(encoding="utf-8")

    kept[0].replace(journal.journal_path(path))
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the first answer: recover
        await wait_for_editor(pilot)
        screen = app.screen
        assert isinstance(screen, EditorScreen) and screen.session.dirty
        item = screen.session.plan.find("ha-tang")
        assert item is not None and "an toàn" in item.text
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "an toàn" in path.read_text(encoding="utf-8")
    assert not journal.journal_path(path).exists()


def test_a_plan_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    asyncio.run(_changed_on_disk(tmp_path))


async def _changed_on_disk(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        await select(pilot, "khu-cnc")
        await pilot.press("b", *"Không có", "enter")
        theirs = path.read_text(encoding="utf-8").replace("Năm 2025", "Quý III/2025")
        path.write_text(theirs, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#copy")
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == theirs
    copies = list(tmp_path.glob("child.ban-sua-*.toml"))
    assert len(copies) == 1
    item = load(copies[0]).plan.find("khu-cnc")
    assert item is not None and item.dropped


def test_quitting_saves_without_asking(tmp_path: Path) -> None:
    asyncio.run(_quitting(tmp_path))


async def _quitting(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        await select(pilot, "5g")
        await pilot.press("e")
        area = app.screen.query_one("#local-text", TextArea)
        area.move_cursor(area.document.end)
        await pilot.press(*" Đến năm 2030")
        await pilot.press("ctrl+q")  # typed but not yet committed: quitting commits and saves
        await pilot.pause()
    assert "Đến năm 2030" in path.read_text(encoding="utf-8")
    assert not journal.journal_path(path).exists()


def test_quitting_keeps_the_journal_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    asyncio.run(_quitting_after_conflict(tmp_path))


async def _quitting_after_conflict(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        await select(pilot, "khu-cnc")
        await pilot.press("b", *"Không có", "enter")
        theirs = path.read_text(encoding="utf-8") + "\n# sửa bởi người khác\n"
        path.write_text(theirs, encoding="utf-8")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == theirs
    assert journal.pending(path) is not None
    recovered = journal.recover(path).plan.find("khu-cnc")
    assert recovered is not None and recovered.dropped
