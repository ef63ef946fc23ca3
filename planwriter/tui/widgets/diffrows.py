"""Lines of the diff view: from ``planwriter.diff.compare`` (word-level changes), or, in a
build without it, from the plan's own dispositions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text

from planwriter.diff.model import maybe_text
from planwriter.indicators import Change, indicator_rows
from planwriter.model import Disposition, Item, Plan
from planwriter.numbering import labels
from planwriter.tui.widgets.outline import MARKS

CHANGE_NAMES = {Change.RAISED: "nâng", Change.KEPT: "giữ", Change.LOWERED: "hạ",
                Change.DROPPED: "bỏ", Change.ADDED: "thêm"}
DISPOSITION_NAMES = {Disposition.ADOPTED: "giữ nguyên", Disposition.LOCALIZED: "địa phương hóa",
                     Disposition.ADAPTED: "đã sửa",
                     Disposition.DROPPED: "bỏ", Disposition.ADDED: "thêm mới"}
FIELD_NAMES = {"lead": "chủ trì", "partners": "phối hợp", "deadline": "thời gian",
               "output": "sản phẩm"}
STATUS_MARKS = {"kept": "=", "adapted": "~", "dropped": "×", "added": "+"}
REMOVED, INSERTED = "strike dim", "bold underline"


ASSIGNMENT = (("lead", "chủ trì"), ("partners", "phối hợp"), ("deadline", "thời hạn"),
              ("output", "sản phẩm"))


@dataclass
class DiffRow:
    """One line of the item list; ``item_id`` is the child's item that enter opens.

    ``localized``: changed only by the profile's vocabulary; ``assigned``: the task's lead,
    partners, deadline or output differ from the parent's (shown apart from text edits)."""

    item_id: str | None
    line: Text
    changed: bool
    localized: bool = False
    assigned: bool = False


def assignment_changes(child: Item | None, parent: Item | None) -> list[str]:
    """ "chủ trì: UBND huyện → Phòng Văn hóa" for each task field the child changed (or set)."""
    if child is None or child.dropped:
        return []
    out = []
    for attribute, name in ASSIGNMENT:
        mine, theirs = getattr(child, attribute), getattr(parent, attribute) if parent else ""
        if isinstance(mine, list):
            mine, theirs = "; ".join(mine), "; ".join(theirs or [])
        if mine != (theirs or ""):
            out.append(f"{name}: {theirs or '—'} → {mine or '—'}")
    return out


def _assignment_of(change: Any) -> list[str]:
    """A compared pair's task-field changes: the diff's own (``ItemChange.fields``, its
    ASSIGNMENT kind) when it gives them, else compared here."""
    fields = getattr(change, "fields", None)
    if fields is not None and hasattr(change, "kinds"):
        names = {"lead": "chủ trì", "partners": "phối hợp", "deadline": "thời hạn",
                 "output": "sản phẩm"}
        return [f"{names.get(f.name, f.name)}: {f.old or '—'} → {f.new or '—'}" for f in fields]
    return assignment_changes(change.child, change.parent) if change.parent else []


def _with_assignment(line: Text, changes: list[str]) -> None:
    if changes:
        line.append("  [" + "; ".join(changes) + "]", style="italic")


def rows_from_plan(child: Plan, parent: Plan | None = None) -> list[DiffRow]:
    """Every item with its disposition (no word-level changes)."""
    numbers = labels(child)
    theirs = parent.index() if parent is not None else {}
    out = []
    for item, _, _ in child.walk():
        line = Text(f"{MARKS[item.disposition]} ")
        line.append(f"{numbers.get(item.id, '')} ", style="bold")
        line.append(item.content())
        if item.dropped:
            line.stylize(REMOVED, 2)
            line.append(f"  (lý do: {item.reason})")
        changed = item.disposition in (Disposition.ADAPTED, Disposition.DROPPED,
                                       Disposition.ADDED)
        source = theirs.get(item.origin[0]) if item.origin else None
        assigned = assignment_changes(item, source) if parent is not None else []
        _with_assignment(line, assigned)
        out.append(DiffRow(item.id, line, changed, item.disposition is Disposition.LOCALIZED,
                           bool(assigned)))
    return out


def summary_from_plan(child: Plan, parent: Plan) -> str:
    """ "Mục: giữ nguyên 40 · đã sửa 3 · bỏ 1 · thêm mới 2 — chỉ tiêu: nâng 1, giữ 8" """
    counts = {d: 0 for d in Disposition}
    for item, _, _ in child.walk():
        if item.disposition is not None:
            counts[item.disposition] += 1
    changes = {c: 0 for c in Change}
    for row in indicator_rows(child, parent):
        changes[row.change] += 1
    items = " · ".join(f"{DISPOSITION_NAMES[d]} {n}" for d, n in counts.items()
                       if n or d is not Disposition.LOCALIZED)
    targets = ", ".join(f"{CHANGE_NAMES[c]} {n}" for c, n in changes.items() if n)
    assigned = sum(1 for row in rows_from_plan(child, parent) if row.assigned)
    tail = f" — phân công nhiệm vụ: {assigned} mục" if assigned else ""
    return f"Mục: {items}" + (f" — chỉ tiêu: {targets}" if targets else "") + tail


def rows_from_diff(diff: Any) -> list[DiffRow]:
    """Every ``ItemChange`` of a ``PlanDiff``: removed words struck, added words underlined."""
    out = []
    for change in diff.changes:
        status = str(change.status.value)
        label = change.child_label or change.parent_label
        localized = bool(getattr(change, "localized", False)) or (
            change.child is not None and change.child.disposition is Disposition.LOCALIZED)
        mark = "≈" if localized and status != "dropped" else STATUS_MARKS.get(status, " ")
        line = Text(f"{mark}{'↕' if change.moved else ' '}")
        line.append(f"{label} " if label else "", style="bold")
        if change.words:
            for op in change.words:
                if op.op == "equal":
                    line.append(op.new)
                else:
                    if op.old:
                        line.append(op.old, style=REMOVED)
                    if op.old and op.new:
                        line.append(" ")  # so a replaced word does not run into its successor
                    if op.new:
                        line.append(op.new, style=INSERTED)
        else:
            item = change.child or change.parent
            line.append(item.content() if item else "",
                        style=REMOVED if status == "dropped" else INSERTED if status == "added"
                        else "")
        # A task's assignment, field by field (planwriter.diff compares it apart from the text).
        for field_change in getattr(change, "fields", []):
            name = FIELD_NAMES.get(field_change.name, field_change.name)
            line.append(f"  ({name}: ")
            line.append(field_change.old or "—", style=REMOVED)
            line.append(" → ")
            line.append(field_change.new or "—", style=INSERTED)
            line.append(")")
        if change.reason:
            line.append(f"  (lý do: {change.reason})")
        if getattr(change, "maybe", None) is not None:
            line.append("  " + maybe_text(change).strip(), style="italic")
        assigned = _assignment_of(change)
        if not any(f"{n}:" in line.plain.lower() for n in ("chủ trì", "thời hạn", "phối hợp")):
            _with_assignment(line, assigned)
        item_id = change.child.id if change.child is not None else None
        # A localisation-only change is listed apart, not as the drafter's edit.
        edited = bool(change.changed) and not (localized and status == "adapted"
                                               and not change.moved)
        out.append(DiffRow(item_id, line, edited, localized and status != "dropped",
                           bool(assigned)))
    return out


def summary_from_diff(diff: Any) -> str:
    """The counts of ``planwriter diff``, in Vietnamese."""
    s = diff.summary
    items = [("giữ nguyên", s.kept), ("đã sửa", s.adapted), ("bỏ", s.dropped),
             ("thêm mới", s.added), ("chuyển chỗ", s.moved), ("tách", s.split),
             ("gộp", s.merged), ("cặp bỏ/thêm cần xem lại", s.maybe)]
    targets = [("nâng", s.targets_raised), ("giữ", s.targets_kept), ("hạ", s.targets_lowered),
               ("bỏ", s.targets_dropped), ("thêm", s.targets_added)]
    head = " · ".join(f"{name} {n}" for name, n in items if n or name in ("giữ nguyên", "đã sửa",
                                                                          "bỏ", "thêm mới"))
    tail = ", ".join(f"{name} {n}" for name, n in targets if n)
    rows = rows_from_diff(diff)
    localized = sum(1 for row in rows if row.localized)
    assigned = sum(1 for row in rows if row.assigned)
    apart = []
    if localized:
        apart.append(f"≈ địa phương hóa {localized} (trong số đã sửa)")
    if assigned:
        apart.append(f"phân công nhiệm vụ {assigned}")
    return (f"Mục: {head}" + (f" — chỉ tiêu: {tail}" if tail else "")
            + (" — " + " · ".join(apart) if apart else ""))
