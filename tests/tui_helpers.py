"""Shared by the tests/test_tui_*.py files: a copy of the fixture plans and a running app."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

FIXTURES = Path(__file__).parent / "fixtures" / "tui"


def plan_copy(tmp_path: Path) -> Path:
    """child.toml and its parent.toml copied into ``tmp_path``; returns the child's path."""
    for name in ("child.toml", "parent.toml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path / "child.toml"


async def wait_for_editor(pilot: Pilot[None]) -> None:
    """Until the plan (loaded in a worker) is on screen."""
    from planwriter.tui.screens.editor import EditorScreen

    for _ in range(600):  # up to 30 s on a busy machine; returns as soon as it is shown
        await pilot.pause(0.05)
        if isinstance(pilot.app.screen, EditorScreen):
            await pilot.pause()
            return
    raise AssertionError(f"editor did not open; screen is {pilot.app.screen!r}")


async def select(pilot: Pilot[None], item_id: str) -> None:
    """Put the outline's cursor on ``item_id`` and focus the outline."""
    outline = pilot.app.screen.query_one("#outline")
    outline.select_item(item_id)  # type: ignore[attr-defined]
    outline.focus()
    await pilot.pause()


async def press(pilot: Any, selector: str) -> None:
    """Press a button of the top screen as Enter on it would: a mouse click can land on a
    notification that happens to cover it when the machine is slow."""
    from textual.widgets import Button

    pilot.app.screen.query_one(selector, Button).press()
    await pilot.pause()
