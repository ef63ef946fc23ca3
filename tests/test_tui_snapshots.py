"""Every screen at 80×24 and 120×40 (pytest-textual-snapshot; update with --snapshot-update).

Deterministic: fixed sizes, fixed file times, no blinking cursor, fixture plans with fixed
dates, and a working folder with a fixed name."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_helpers import FIXTURES, select, wait_for_editor

from planwriter import journal
from planwriter.tui.app import PlanwriterApp

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    work = tmp_path / "ke-hoach"
    work.mkdir()
    for n, name in enumerate(("child.toml", "parent.toml")):
        shutil.copy(FIXTURES / name, work / name)
        os.utime(work / name, (1_700_000_000 - n, 1_700_000_000 - n))
    return work


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.1)  # a loaded machine: let late layout (scroll bars, lists) settle
    for screen in pilot.app.screen_stack:  # a blinking cursor is caught on or off by chance
        for widget in screen.query("Input, TextArea"):
            widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


def _editor_then(*keys: str, item: str = "5g") -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await wait_for_editor(pilot)
        await select(pilot, item)
        if keys:
            await pilot.press(*keys)
        await _settle(pilot)

    return run_before


CASES: dict[str, Any] = {
    "editor": _editor_then(),
    "drop-dialog": _editor_then("b", item="khu-cnc"),
    "indicator-dialog": _editor_then("i"),
    "task-dialog": _editor_then("t", item="ha-tang"),
    "add-dialog": _editor_then("a"),
    "search": _editor_then("slash", *"cong nghe"),
    "help": _editor_then("f1"),
    "diff-view": _editor_then("b", *"Không có", "enter", "s", item="khu-cnc"),
    "docinfo": _editor_then("d"),
    "drop-section": _editor_then("b", item="noi-dung"),
    "check": _editor_then("k"),
    "palette": _editor_then("ctrl+p", *"xuat"),
    "localized-review": _editor_then("l", item="noi-dung"),
    "diff-localized": _editor_then("t", "ctrl+end", *" 2025", "ctrl+s", "s", "l",
                                   item="khu-cnc"),
}


def _localized(folder: Path) -> None:
    """5g and khu-cnc changed only by the profile's vocabulary."""
    path = folder / "child.toml"
    text = path.read_text(encoding="utf-8")
    for item in ("5g", "khu-cnc"):
        text = text.replace(f'origin = "{item}"\ndisposition = "adopted"',
                            f'origin = "{item}"\ndisposition = "localized"')
    path.write_text(text, encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("case", list(CASES))
def test_editor_screens(snap_compare: Any, folder: Path, case: str, size: tuple[int, int]) -> None:
    if case in ("localized-review", "diff-localized"):
        _localized(folder)
    app = PlanwriterApp(folder / "child.toml", workdir=folder)
    assert snap_compare(app, terminal_size=size, run_before=CASES[case])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_export_dialog(snap_compare: Any, folder: Path, size: tuple[int, int]) -> None:
    from planwriter.tui.screens.export import ExportDialog

    async def run_before(pilot: Pilot[None]) -> None:
        await wait_for_editor(pilot)
        await pilot.app.push_screen(ExportDialog(pilot.app.screen.session))  # type: ignore[attr-defined]
        await _settle(pilot)

    app = PlanwriterApp(folder / "child.toml", workdir=folder)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_recovery_question(snap_compare: Any, folder: Path, size: tuple[int, int],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")  # the times shown are local: fix the zone
    time.tzset()
    path = folder / "child.toml"
    written = journal.write(path, path.read_text(encoding="utf-8").replace(
        "đồng bộ", "đồng bộ, an toàn"))
    os.utime(written, (1_700_000_600, 1_700_000_600))
    app = PlanwriterApp(path, workdir=folder)
    try:
        assert snap_compare(app, terminal_size=size, run_before=_settle)
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_screen(snap_compare: Any, folder: Path, size: tuple[int, int]) -> None:
    app = PlanwriterApp(None, workdir=folder)
    assert snap_compare(app, terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_create_form(snap_compare: Any, folder: Path, size: tuple[int, int]) -> None:
    # The form shows the folder's full path: a fixed one, so the picture is the same each run.
    fixed = Path(tempfile.gettempdir()) / "planwriter-snapshot" / "ke-hoach"
    shutil.rmtree(fixed.parent, ignore_errors=True)
    shutil.copytree(folder, fixed)
    folder = fixed

    async def run_before(pilot: Pilot[None]) -> None:
        await _settle(pilot)
        await pilot.press("n")
        await _settle(pilot)

    app = PlanwriterApp(None, workdir=folder)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
