"""Never lose typing: kill -9 after 12 s of continuous typing loses at most the last 2 s (a
real process); a second TUI on the same plan opens read-only; a journal older than the plan
is still offered with both times; an unreadable journal is set aside, never a crash."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from textual.widgets import Static
from tui_helpers import plan_copy, wait_for_editor

from planwriter import journal
from planwriter.planfile import load, loads
from planwriter.tui import lock
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.choice import ChoiceDialog
from planwriter.tui.screens.editor import EditorScreen

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL = "Phát triển hạ tầng số đồng bộ, hiện đại."
PATTERN = "abcdefghij"

# Types PATTERN over and over at the end of "ha-tang" with no pause longer than ~40 ms (the
# 0.6 s debounce never fires), printing "<keys typed> <seconds since the first key>" after
# every key; it never stops by itself.
TYPIST = """
import asyncio, sys, time
from pathlib import Path
from planwriter.tui.app import PlanwriterApp

PATTERN = "abcdefghij"

async def main(path):
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        while type(app.screen).__name__ != "EditorScreen":
            await pilot.pause(0.05)
        await pilot.pause()
        app.screen.go_to("ha-tang")
        await pilot.pause()
        await pilot.press("e", "ctrl+end")
        started = time.monotonic()
        n = 0
        while True:
            await pilot.press(PATTERN[n % len(PATTERN)])
            n += 1
            print(n, f"{time.monotonic() - started:.3f}", flush=True)
            await asyncio.sleep(0.02)

asyncio.run(main(Path(sys.argv[1])))
"""


def test_kill_9_after_12_seconds_of_typing_loses_at_most_2_seconds(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", TYPIST, str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env=env, cwd=tmp_path)
    typed_at: dict[int, float] = {}
    try:
        assert child.stdout is not None
        for line in child.stdout:
            n, seconds = line.split()
            typed_at[int(n)] = float(seconds)
            if float(seconds) >= 12.0:
                break
        child.send_signal(signal.SIGKILL)
        killed_at = max(typed_at.values())
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()
    gaps = [typed_at[n + 1] - typed_at[n] for n in range(1, len(typed_at))]
    assert len(typed_at) > 20 and sorted(gaps)[len(gaps) // 2] < 0.6, \
        "the typist did not type continuously"  # the debounce alone would never fire
    assert ORIGINAL + "a" not in path.read_text(encoding="utf-8")  # never saved
    plan = loads(journal.journal_path(path).read_text(encoding="utf-8"))
    item = plan.find("ha-tang")
    assert item is not None and item.text.startswith(ORIGINAL)
    kept = item.text[len(ORIGINAL):]
    assert kept == (PATTERN * (len(kept) // len(PATTERN) + 1))[: len(kept)]
    assert kept, "12 s of typing and nothing in the journal"
    lost_seconds = killed_at - typed_at[len(kept)]
    assert lost_seconds <= 2.0, f"lost the last {lost_seconds:.2f} s of typing"


def test_a_second_tui_on_the_same_plan_opens_read_only(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock.lock_path(path).write_text(
            f'{{"pid": {holder.pid}, "host": "{os.uname().nodename}", "since": "20:00"}}',
            encoding="utf-8")
        asyncio.run(_read_only(path))
        assert lock.lock_path(path).exists()  # not ours: left alone
    finally:
        holder.kill()
        holder.wait()
    asyncio.run(_stale_lock_taken_over(path))


async def _read_only(path: Path) -> None:
    before = path.read_text(encoding="utf-8")
    app = PlanwriterApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_editor(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen) and editor.session.read_only
        assert "CHỈ ĐỌC" in str(editor.query_one("#plan-title", Static).render())
        said = [n.message for n in app._notifications]
        assert any("Chỉ đọc: child.toml đang được mở để sửa" in m and "tiến trình" in m
                   for m in said), said
        editor.go_to("khu-cnc")
        await pilot.pause()
        await pilot.press("b")
        assert app.screen is not editor  # the dialog opens, but applying is refused
        await pilot.press(*"x", "enter")
        await pilot.pause()
        assert not editor.session.plan.find("khu-cnc").dropped  # type: ignore[union-attr]
        await pilot.press("ctrl+s", "ctrl+q")
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == before
    assert not journal.journal_path(path).exists()


async def _stale_lock_taken_over(path: Path) -> None:
    app = PlanwriterApp(path)  # the holder is gone: its lock is stale
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_editor(pilot)
        assert not app.screen.session.read_only  # type: ignore[attr-defined]
        assert f'"pid": {os.getpid()}' in lock.lock_path(path).read_text(encoding="utf-8")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not lock.lock_path(path).exists()  # given back on leaving


def test_an_older_journal_is_offered_with_both_times(tmp_path: Path) -> None:
    asyncio.run(_older(tmp_path))


async def _older(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    written = journal.write(path, path.read_text(encoding="utf-8").replace(
        "đồng bộ", "đồng bộ, an toàn"))
    old = time.time() - 3600
    os.utime(written, (old, old))  # then a CLI edit changed the plan itself
    path.write_text(path.read_text(encoding="utf-8").replace("Năm 2025", "Quý IV/2025"),
                    encoding="utf-8")
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        said = dialog.message
        assert "Bản tự lưu:" in said and "Tệp kế hoạch:" in said and "SAU bản tự lưu" in said
        assert dialog.default == "saved"  # Esc keeps the newer file; recovering is a choice
        await pilot.click("#recover")
        await wait_for_editor(pilot)
        item = app.screen.session.plan.find("ha-tang")  # type: ignore[attr-defined]
        assert item is not None and "an toàn" in item.text


def test_an_unreadable_journal_is_set_aside_with_a_message(tmp_path: Path) -> None:
    asyncio.run(_unreadable(tmp_path))


async def _unreadable(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    journal.journal_path(path).write_bytes(b"schema = 1\n[plan\n\xff\xfe broken")
    app = PlanwriterApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_editor(pilot)
        assert isinstance(app.screen, EditorScreen)
        said = [n.message for n in app._notifications]
        assert any("không đọc được" in m and "đã để riêng" in m for m in said), said
    assert not journal.journal_path(path).exists()
    aside = [p for p in tmp_path.iterdir() if p.name.endswith(".hong.pw-journal")]
    assert len(aside) == 1 and aside[0].read_bytes().endswith(b"broken")
    assert load(path).plan.find("ha-tang") is not None
