"""What one child did with each item and each target of the parent, read from the diff.

``review_child`` compares one child with the parent (``planwriter.diff.compare``) and keeps
only what the matrix needs: for every parent item a ``Cell`` (kept, localised, adapted,
weakened with the child's value, dropped with the child's reason, or missing), for every
parent target a ``Cell`` too, and the child's own counts. A child that implements another
parent is not aligned item by item: its ``status`` says so and its cells stay empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from planwriter.diff import PlanDiff, Prepared, Status, compare
from planwriter.indicators import Change
from planwriter.model import Indicator, Kind, Plan
from planwriter.text import fold

# Share of the parent's items a child must carry (kept, localised, adapted or weakened) to be
# taken as one of its children when it does not cite the parent's number: below it, the
# child implements another document. A child drafted from a parent carries nearly all of it;
# two bundled programmes on different subjects share only their boilerplate (under 10%).
OTHER_PARENT_FLOOR = 0.10
SHARED_FLOOR = 0.3  # share of text an aligned pair must have in common to count as carried


class Verdict(StrEnum):
    """What a child did with one parent item or target."""

    KEPT = "kept"  # the parent's text unchanged
    LOCALIZED = "localized"  # changed only by the unit's vocabulary (tỉnh → xã)
    ADAPTED = "adapted"  # reworded (or split into several items)
    RAISED = "raised"  # a target made more ambitious (targets only)
    WEAKENED = "weakened"  # a target lowered, or dropped from an item the child keeps
    DROPPED = "dropped"  # dropped by the child, with its reason
    MISSING = "missing"  # not in the child, no reason given


COVERED = (Verdict.KEPT, Verdict.LOCALIZED, Verdict.ADAPTED, Verdict.WEAKENED)

# What a reviewer reads in the terminal, the workbook and the report.
VERDICT_NAMES: dict[Verdict, str] = {
    Verdict.KEPT: "giữ nguyên",
    Verdict.LOCALIZED: "địa phương hóa",
    Verdict.ADAPTED: "điều chỉnh",
    Verdict.RAISED: "nâng chỉ tiêu",
    Verdict.WEAKENED: "hạ chỉ tiêu",
    Verdict.DROPPED: "bỏ",
    Verdict.MISSING: "thiếu",
}


class ChildStatus(StrEnum):
    REVIEWED = "reviewed"
    OTHER_PARENT = "other-parent"  # implements another document: not aligned item by item
    FAILED = "failed"  # could not be read


STATUS_NAMES: dict[ChildStatus, str] = {
    ChildStatus.REVIEWED: "đã rà soát",
    ChildStatus.OTHER_PARENT: "thực hiện văn bản khác",
    ChildStatus.FAILED: "không đọc được",
}


@dataclass
class Cell:
    """One child's verdict on one parent item or target."""

    verdict: Verdict
    child_id: str = ""  # the aligned child item
    child_label: str = ""  # where it is in the child: "II. › 1. › -"
    value: str = ""  # a weakened target's value in the child ("đạt 40%")
    reason: str = ""  # why the child dropped it, in its own words
    basis: str = ""  # why the diff aligned the two (origin, exact, similar…)
    similarity: float = 0.0  # share of the text the two have in common (1.0: the same)
    # a missing item's possible counterpart in the child, rewritten beyond the diff's floor
    maybe: str = ""  # "II.1, ý 3 (điểm 0,34)": not aligned, for the reviewer to look at


@dataclass
class ChildReview:
    """One child's place in the review: where it came from, and its cells."""

    name: str  # the file name a reviewer knows it by
    path: str
    status: ChildStatus = ChildStatus.REVIEWED
    message: str = ""  # the one-line error, or why it implements another parent
    note: str = ""  # a doubt about a child that was reviewed ("cần xem lại")
    unit: str = ""  # its issuing body, one line
    symbol: str = ""
    imported: bool = False
    import_notes: list[str] = field(default_factory=list)  # what import could not place
    items: dict[str, Cell] = field(default_factory=dict)  # parent item id → cell
    targets: dict[str, Cell] = field(default_factory=dict)  # parent indicator id → cell
    added: int = 0  # items the child has and the parent not

    def count(self, verdict: Verdict) -> int:
        return sum(1 for cell in self.items.values() if cell.verdict is verdict)

    @property
    def coverage(self) -> float:
        """Share of the parent's items the child kept, localised, adapted or weakened."""
        if not self.items:
            return 0.0
        return sum(1 for c in self.items.values() if c.verdict in COVERED) / len(self.items)

    def weakened_targets(self) -> list[str]:
        return [key for key, cell in self.targets.items() if cell.verdict is Verdict.WEAKENED]

    def dropped_items(self) -> list[str]:
        return [key for key, cell in self.items.items() if cell.verdict is Verdict.DROPPED]


def review_child(
    parent: Plan, child: Plan, review: ChildReview, prepared: Prepared | None = None
) -> PlanDiff | None:
    """Fill ``review`` with ``child``'s cells against ``parent``; returns the diff (None when
    the child implements another parent and was not aligned). ``prepared``: the parent's
    ``planwriter.diff.prepare``, made once for all its children."""
    review.unit = _unit(child)
    review.symbol = child.meta.symbol() if child.meta.number else ""
    other = cites_other_parent(parent, child)
    if other:
        review.status, review.message = ChildStatus.OTHER_PARENT, other
        return None
    diff = compare(child, parent, prepared)
    fill_cells(diff, review)
    carried, total = carried_content(parent, review)
    if carried >= OTHER_PARENT_FLOOR * total or cites_parent(parent, child):
        return diff
    if not parent_symbol(parent):
        # Without the parent's number there is no citation to look for: say so, not guess.
        review.note = (
            f"ít mục khớp với văn bản cấp trên ({carried}/{total} mục có nội dung) và không "
            "rõ số hiệu văn bản cấp trên để xem kế hoạch có dẫn nó không: cần xem lại"
        )
        return diff
    review.status = ChildStatus.OTHER_PARENT
    review.message = (
        f"hầu như không mục nào khớp với văn bản cấp trên ({carried}/{total} mục có nội dung) "
        f"và không dẫn số {parent_symbol(parent)}: có thể thực hiện văn bản khác, cần xem lại"
    )
    review.items, review.targets, review.added = {}, {}, 0
    return None


def carried_content(parent: Plan, review: ChildReview) -> tuple[int, int]:
    """How many of the parent's items with content (not section headings: every plan has a
    "MỤC ĐÍCH, YÊU CẦU") the child carries with shared words, and how many there are. An
    aligned pair that shares under ``SHARED_FLOOR`` of its text is no evidence."""
    content = [i.id for i, _, _ in parent.walk(include_dropped=False) if i.kind is not Kind.SECTION]
    carried = 0
    for item_id in content:
        cell = review.items.get(item_id)
        if cell is None or cell.verdict not in COVERED:
            continue
        if cell.verdict in (Verdict.KEPT, Verdict.LOCALIZED) or cell.similarity >= SHARED_FLOOR:
            carried += 1
    return carried, len(content)


def fill_cells(diff: PlanDiff, review: ChildReview) -> None:
    """Each parent item's and target's cell from the diff (a split counts as adapted)."""
    items: dict[str, Cell] = {}
    for change in diff.changes:
        if change.parent is None:
            review.added += 1
            continue
        pid = change.parent.id
        if change.status is Status.DROPPED:
            if change.child is not None:
                cell = Cell(Verdict.DROPPED, change.child.id, change.child_label,
                            reason=change.reason, basis=str(change.basis))
            else:
                cell = Cell(Verdict.MISSING, maybe=change.maybe.cited() if change.maybe else "")
        else:
            assert change.child is not None
            verdict = (
                Verdict.KEPT
                if change.status is Status.KEPT
                else Verdict.LOCALIZED
                if change.localized
                else Verdict.ADAPTED
            )
            cell = Cell(verdict, change.child.id, change.child_label, basis=str(change.basis),
                        similarity=1.0 if change.status is Status.KEPT else change.similarity)
        before = items.get(pid)
        if before is None or before.verdict not in COVERED:
            items[pid] = cell
        elif cell.verdict in COVERED and cell.child_id != before.child_id:
            before.verdict = Verdict.ADAPTED  # one parent item split into several
    targets: dict[str, Cell] = {}
    for row in diff.indicators:
        if row.parent is None or row.parent_item is None:
            continue
        home = items.get(row.parent_item.id, Cell(Verdict.MISSING))
        child_id = row.child_item.id if row.child_item is not None else home.child_id
        if row.change is Change.KEPT:
            cell = Cell(Verdict.KEPT, child_id, home.child_label)
        elif row.change is Change.RAISED:
            cell = Cell(Verdict.RAISED, child_id, home.child_label, figure(row.child))
        elif row.change is Change.LOWERED:
            cell = Cell(Verdict.WEAKENED, child_id, home.child_label, figure(row.child))
        elif home.verdict in (Verdict.DROPPED, Verdict.MISSING):
            cell = Cell(home.verdict, home.child_id, home.child_label, reason=home.reason)
        else:  # the item is there, its target is not
            cell = Cell(Verdict.WEAKENED, home.child_id, home.child_label, "bỏ chỉ tiêu")
        targets[row.indicator_id] = cell
        if cell.verdict is Verdict.WEAKENED and home.verdict in COVERED:
            home.verdict = Verdict.WEAKENED
            home.value = "; ".join(v for v in (home.value, cell.value) if v)
    review.items, review.targets = items, targets


def figure(indicator: Indicator | None) -> str:
    """A target as the document states it: "đạt 40%"."""
    if indicator is None:
        return ""
    return f"{indicator.comparator} {indicator.figure()}".strip()


def parent_symbol(parent: Plan) -> str:
    """The parent's number as documents cite it ("63-CTr/TU"), or "" when import could not
    read one (a number is needed: "-KH/" names nothing)."""
    return parent.meta.symbol() if parent.meta.number.strip() else ""


def _squash(symbol: str) -> str:
    return re.sub(r"\s+", "", fold(symbol))


def cites_other_parent(parent: Plan, child: Plan) -> str:
    """Why ``child`` implements another document than ``parent`` by its own header (its
    [plan.parent] number differs from the parent's), or ""."""
    ref = child.meta.parent
    mine = parent_symbol(parent)
    if ref is None or not ref.number.strip() or not mine:
        return ""
    if child.meta.number and _squash(child.meta.symbol()) == _squash(mine):
        return ""  # the parent itself (another copy of it): it cites the parent's own parent
    theirs = _squash(ref.number)
    if theirs == _squash(mine) or theirs.startswith(_squash(mine)) or _squash(mine).startswith(
        theirs
    ):
        return ""
    return f"thực hiện {ref.number}, không phải {mine}: không đối chiếu từng mục"


def cites_parent(parent: Plan, child: Plan) -> bool:
    """The child names the parent's number in its header or its text ("Thực hiện Kế hoạch
    số 16/KH-MTTQ-BTT"): then it is one of its children, however little it carries."""
    mine = parent_symbol(parent)
    if not mine:
        return False
    ref = child.meta.parent
    if ref is not None and ref.number.strip():
        return True  # checked by cites_other_parent: the same number
    pattern = re.compile(r"(?<![\w/-])" + re.escape(_squash(mine)))
    texts = [child.meta.summary] + [item.content() for item, _, _ in child.walk()]
    return any(pattern.search(fold(text)) for text in texts)


def _unit(child: Plan) -> str:
    meta = child.meta
    return meta.one_line(meta.issuing_body) or meta.one_line(meta.superior_body)
