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
    (tmp_path / "zz-hong.toml").write_text("schema = 1\n[plan\n", encoding="utf-8")
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
        assert table.row_count == 5
        assert [c.name for c in screen.shown] == sorted(f"{n}.toml" for n, _, _ in children) + [
            "zz-hong.toml"]
        assert screen.shown[-1].message.startswith(str(tmp_path / "zz-hong.toml"))
        await pilot.press("s")  # coverage, lowest first, those not reviewed last
        coverages = [c.coverage for c in screen.shown[:4]]
        assert coverages == sorted(coverages) and screen.shown[-1].name == "zz-hong.toml"
        await pilot.press("s")  # back to names, so Enter below opens a reviewed child
        await pilot.press("s")
        await pilot.press("f")  # only those with gaps: every generated child has some
        assert table.row_count == 4
        await pilot.press("f")  # only those not reviewed: the broken file
        assert table.row_count == 1
        await pilot.press("f")
        assert table.row_count == 5
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
