"""``--redline``: the child plan as a .docx whose differences from the parent are Word
tracked changes. Accepting them all gives the child's text, rejecting them all the
parent's: an adapted item is one paragraph with its deleted and inserted words, a dropped
item a deleted paragraph, an added item an inserted one; a moved item is deleted where it
stood and inserted where it now is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planwriter import docstyles
from planwriter.diff.docxbase import Tracker, new_document, save
from planwriter.diff.model import ItemChange, PlanDiff, Relation, Status
from planwriter.diff.words import word_diff
from planwriter.model import Item, Kind, Plan
from planwriter.numbering import labels
from planwriter.render import item_line

if TYPE_CHECKING:
    from docx.document import Document


@dataclass
class Entry:
    """One paragraph of the redline: the parent's line, the child's, or both."""

    old: str | None
    new: str | None
    style: str  # the paragraph style (planwriter.docstyles), as export names it
    parent_pos: int | None = None


def _styles(plan: Plan) -> dict[str, str]:
    """Each item's paragraph style: a section's heading by its depth among sections."""
    out: dict[str, str] = {}

    def visit(items: list[Item], depth: int) -> None:
        for item in items:
            if item.kind is Kind.SECTION:
                out[item.id] = docstyles.heading(depth)
                visit(item.children, depth + 1)
            else:
                out[item.id] = docstyles.KIND_STYLES.get(item.kind, docstyles.BODY)
                visit(item.children, depth)

    visit(plan.items, 0)
    return out


def entries(diff: PlanDiff) -> list[Entry]:
    """The paragraphs in order (see the module docstring)."""
    p_labels, c_labels = labels(diff.parent), labels(diff.child)
    p_style, c_style = _styles(diff.parent), _styles(diff.child)

    def old(change: ItemChange) -> Entry:
        assert change.parent is not None
        line = item_line(change.parent, p_labels.get(change.parent.id, ""))
        return Entry(line, None, p_style.get(change.parent.id, docstyles.BODY), change.parent_pos)

    def new(change: ItemChange) -> Entry:
        assert change.child is not None
        return Entry(
            None,
            item_line(change.child, c_labels.get(change.child.id, "")),
            c_style.get(change.child.id, docstyles.BODY),
        )

    out: list[Entry] = []
    displaced: list[Entry] = []  # parent lines of moved items, to put back where they stood
    seen_split: set[str] = set()
    seen_merge: set[str] = set()
    for change in diff.changes:
        if change.status is Status.DROPPED:
            out.append(old(change))
        elif change.status is Status.ADDED:
            out.append(new(change))
        elif change.moved:
            if change.relation is not Relation.SPLIT or change.parent.id not in seen_split:  # type: ignore[union-attr]
                displaced.append(old(change))
            out.append(new(change))
        elif (
            change.relation is Relation.SPLIT
            and change.parent is not None
            and change.parent.id in seen_split
        ):
            out.append(new(change))  # the split's later parts are new paragraphs
        elif (
            change.relation is Relation.MERGE
            and change.child is not None
            and change.child.id in seen_merge
        ):
            out.append(old(change))  # the merge's later parent items: deleted after it
        else:
            pair = new(change)
            pair.old, pair.parent_pos = old(change).old, change.parent_pos
            out.append(pair)
        if change.relation is Relation.SPLIT and change.parent is not None:
            seen_split.add(change.parent.id)
        if change.relation is Relation.MERGE and change.child is not None:
            seen_merge.add(change.child.id)
    for entry in sorted(displaced, key=lambda e: e.parent_pos or 0):
        at = 0
        for index, other in enumerate(out):
            if other.parent_pos is not None and other.parent_pos < (entry.parent_pos or 0):
                at = index + 1
        out.insert(at, entry)
    return out


def build(diff: PlanDiff, date: dt.datetime | None = None) -> Document:
    """The redline as a python-docx Document."""
    document = new_document(diff.child.meta.family)
    tracker = Tracker(date)
    for entry in entries(diff):
        style = entry.style
        paragraph = document.add_paragraph(style=style)
        if entry.new is None:
            tracker.mark_paragraph(paragraph, "del")
            tracker.run(paragraph, entry.old or "", "del")
        elif entry.old is None:
            tracker.mark_paragraph(paragraph, "ins")
            tracker.run(paragraph, entry.new, "ins")
        else:
            for op in word_diff(entry.old, entry.new):
                if op.op == "equal":
                    tracker.run(paragraph, op.new, "")
                    continue
                tracker.run(paragraph, op.old, "del")
                tracker.run(paragraph, op.new, "ins")
    return document


def write_redline(diff: PlanDiff, path: Path, date: dt.datetime | None = None) -> Path:
    """Write the redline .docx atomically; return its path."""
    document = build(diff, date)
    return save(document, path)
