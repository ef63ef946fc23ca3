"""kill -9 in the middle of an edit, then start again: the edit is offered back."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from tui_helpers import plan_copy, wait_for_editor

from planwriter import journal
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.choice import ChoiceDialog
from planwriter.tui.screens.editor import EditorScreen

ROOT = Path(__file__).resolve().parent.parent

# The child edits through the real app (headless), waits until the autosave timer has put the
# journal on disk, says so, and then hangs in the middle of its session until it is killed.
CHILD = """
import asyncio, sys, time
from pathlib import Path
from planwriter import journal
from planwriter.tui.app import PlanwriterApp

async def main(path):
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        while type(app.screen).__name__ != "EditorScreen":
            await pilot.pause(0.05)
        await pilot.pause()
        outline = app.screen.query_one("#outline")
        outline.select_item("ha-tang")
        outline.focus()
        await pilot.pause()
        await pilot.press("e", "end", *" cho các xã vùng cao")
        while "vùng cao" not in (journal.journal_path(path).read_text(encoding="utf-8")
                                 if journal.journal_path(path).exists() else ""):
            await pilot.pause(0.05)
        print("JOURNALED", flush=True)
        await asyncio.sleep(3600)

asyncio.run(main(Path(sys.argv[1])))
"""


def test_kill_9_mid_edit_then_recover(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env=env, cwd=tmp_path)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "JOURNALED"
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert "vùng cao" not in path.read_text(encoding="utf-8")  # never saved
    assert journal.pending(path) is not None
    asyncio.run(_recover(path))


async def _recover(path: Path) -> None:
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        await wait_for_editor(pilot)
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        item = screen.session.plan.find("ha-tang")
        assert item is not None
        assert item.text == "Phát triển hạ tầng số đồng bộ, hiện đại. cho các xã vùng cao"
        await pilot.press("ctrl+q")  # quitting saves the recovered work
        await pilot.pause()
    assert "vùng cao" in path.read_text(encoding="utf-8")
    assert not journal.journal_path(path).exists()
