"""The review screen: children of the working folder listed with coverage and counts,
sorted and filtered, Enter opening one child's diff view."""

from __future__ import annotations

import asyncio
from pathlib import Path

from planwriter import library
from planwriter.review.generate import generate, write_children


def test_review_screen_lists_sorts_filters_and_opens_a_diff(tmp_path: Path) -> None:
    asyncio.run(_review_screen(tmp_path))


async def _review_screen(tmp_path: Path) -> None:
    from textual.widgets import DataTable

    from planwriter.tui.app import PlanwriterApp
    from planwriter.tui.screens.diffview import DiffScreen
    from planwriter.tui.screens.review import ReviewScreen

    children = generate("lai-chau/63-CTr-TU", sorted(library.profiles()), 4, seed=4)
    write_children(tmp_path, children)
    app = PlanwriterApp(None, workdir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        for _ in range(100):
            await pilot.pause(0.05)
            if screen.review is not None:
                break
        assert screen.review is not None
        table = screen.query_one("#review-children", DataTable)
        assert table.row_count == 4
        assert [c.name for c in screen.shown] == sorted(f"{n}.toml" for n, _, _ in children)
        await pilot.press("s")  # coverage, lowest first
        coverages = [c.coverage for c in screen.shown]
        assert coverages == sorted(coverages)
        await pilot.press("f")  # only those with gaps: every generated child has some
        assert table.row_count == 4
        await pilot.press("f")  # only those not reviewed: none
        assert table.row_count == 0
        await pilot.press("f")
        assert table.row_count == 4
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
