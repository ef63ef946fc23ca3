"""Lines of the diff view built from planwriter.diff: words struck and underlined."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import FIXTURES

from planwriter.operations import AdaptText, Drop, Editor
from planwriter.planfile import load
from planwriter.tui.widgets.diffrows import (
    INSERTED,
    REMOVED,
    rows_from_diff,
    rows_from_plan,
    summary_from_diff,
)


def _edited() -> tuple[object, object]:
    child = load(FIXTURES / "child.toml").plan
    parent = load(FIXTURES / "parent.toml", check_origins=False).plan
    editor = Editor(child)
    editor.apply(AdaptText("ha-tang", "Phát triển hạ tầng số hiện đại, an toàn."))
    editor.apply(Drop("khu-cnc", "Huyện không có khu công nghệ cao"))
    return child, parent


def test_rows_from_the_plan_mark_what_changed() -> None:
    child, _ = _edited()
    rows = rows_from_plan(child)  # type: ignore[arg-type]
    assert [(r.item_id, r.changed) for r in rows] == [
        ("noi-dung", False), ("5g", False), ("ha-tang", True), ("khu-cnc", True)]
    assert "lý do: Huyện không có khu công nghệ cao" in rows[3].line.plain


def test_rows_from_compare_strike_and_underline_words(tmp_path: Path) -> None:
    diff_module = pytest.importorskip("planwriter.diff")
    child, parent = _edited()
    diff = diff_module.compare(child, parent)
    rows = {row.item_id: row for row in rows_from_diff(diff)}
    adapted = rows["ha-tang"]
    assert adapted.changed
    styled = {str(span.style) for span in adapted.line.spans}
    assert REMOVED in styled and INSERTED in styled
    inserted = "".join(adapted.line.plain[s.start:s.end] for s in adapted.line.spans
                       if str(s.style) == INSERTED)
    assert "an toàn" in inserted
    summary = summary_from_diff(diff)
    # compare judges by text: 5g reads "huyện" where the parent says "tỉnh", so it counts too.
    assert "đã sửa 2" in summary and "bỏ 1" in summary
