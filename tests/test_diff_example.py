"""The bundled 363-KH/HU against 63-CTr/TU: the comparison agrees with what the district
recorded for every item, and an unaccented copy of it aligns every item."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from planwriter.diff import Basis, ChangeKind, Status, compare
from planwriter.diff.terminal import render
from planwriter.model import Disposition
from planwriter.planfile import load
from planwriter.text import fold

ROOT = Path(__file__).parent.parent
CHILD = ROOT / "examples" / "363-KH-HU.toml"
PARENT = ROOT / "planwriter" / "bundled" / "templates" / "lai-chau" / "63-CTr-TU.toml"
pytestmark = pytest.mark.skipif(not CHILD.exists(), reason="examples/363-KH-HU.toml not merged")


def test_every_item_agrees_with_its_recorded_disposition() -> None:
    child, parent = load(CHILD).plan, load(PARENT).plan
    diff = compare(child, parent)
    assert all(c.basis is Basis.ORIGIN for c in diff.changes)
    for change in diff.changes:
        assert change.child is not None and change.parent is not None
        assert change.child.origin == [change.parent.id]
        # "adopted" means the province's words with the profile's vocabulary applied.
        adopted = change.child.disposition is Disposition.ADOPTED
        assert adopted == (change.status is Status.KEPT or change.localized), change.child.id
    s = diff.summary
    assert (s.dropped, s.added, s.moved, s.split, s.merged) == (0, 0, 0, 0, 0)
    assert s.kept + s.adapted == sum(1 for _ in child.walk()) == sum(1 for _ in parent.walk())
    # The one target 363-KH/HU adds: 100% of recognised community tourism sites in 3D.
    [added] = [r for r in diff.indicators if r.change.value == "added"]
    assert added.child is not None and added.child.value == 100


def test_reviewer_reading() -> None:
    console = Console(record=True, width=120, file=io.StringIO(), color_system=None)
    render(compare(load(CHILD).plan, load(PARENT).plan), console, changed_only=True)
    text = console.export_text()
    assert "III.2 [chỉ địa phương hóa]" in text
    assert "UBND [-tỉnh-]{+huyện+} xây dựng kế hoạch thực hiện" in text
    # The parent is the bundled reconstruction: said in the first lines, before any count.
    assert "bản TÁI DỰNG, không phải văn bản chính thức" in "\n".join(text.splitlines()[:4])


def test_localisation_is_counted_apart_from_the_districts_own_changes() -> None:
    diff = compare(load(CHILD).plan, load(PARENT).plan)
    s = diff.summary
    localized = [c for c in diff.changes if c.kinds == [ChangeKind.LOCALIZED]]
    own = [c for c in diff.changes if c.status is Status.ADAPTED and c not in localized]
    assert s.localized == len(localized) == 10 and len(own) == s.adapted - s.localized == 10
    # Every item the district recorded as adopted is the province's text with the profile's
    # vocabulary, and counted so; its own edits are wording or figures, never localisation.
    assert all(c.child is not None and c.child.disposition is Disposition.ADOPTED
               for c in localized)
    assert all(ChangeKind.LOCALIZED not in c.kinds for c in own)
    assert (s.wording, s.figure, s.substance) == (7, 1, 2)


def test_unaccented_copy_of_363_aligns_every_item() -> None:
    plan = load(CHILD).plan
    copy = plan.clone()
    for item, _, _ in copy.walk():
        item.id, item.origin = "c-" + item.id, []
        item.title, item.text = fold(item.title), fold(item.text)
    diff = compare(copy, plan)
    assert all(
        c.child is not None and c.parent is not None and c.child.id == "c-" + c.parent.id
        for c in diff.changes
    )
    assert len(diff.changes) == sum(1 for _ in plan.walk())
