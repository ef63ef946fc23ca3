"""The review matrix: the parent's items and targets down, the children across, one
``Cell`` where they meet; and the totals a standing committee reads first."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from planwriter.model import Kind, Meta, Plan
from planwriter.numbering import labels
from planwriter.review.disposition import (
    COVERED,
    Cell,
    ChildReview,
    ChildStatus,
    Verdict,
    figure,
    parent_symbol,
)

TEXT_SHOWN = 160  # characters of a parent item's text in a row


@dataclass(frozen=True)
class ParentRow:
    """One parent item, as a row of the matrix."""

    id: str
    label: str  # "II. › 1. › -", or "đoạn 2" of its enclosing item
    kind: Kind
    depth: int
    text: str


@dataclass(frozen=True)
class TargetRow:
    """One parent target, as a row of the matrix."""

    id: str
    item_id: str
    label: str
    name: str
    figure: str  # "đạt 45%"


@dataclass
class Review:
    """A parent and what each of its children did with it."""

    parent_name: str  # the file or template key it was read from
    parent_symbol: str  # "63-CTr/TU", or "" when the parent's number is unknown
    parent_title: str  # its trích yếu, one line
    parent_body: str  # the body that issued the parent (who reviews its children)
    parent_note: str  # "nhập từ …" when the parent was imported
    rows: list[ParentRow]
    targets: list[TargetRow]
    children: list[ChildReview] = field(default_factory=list)
    parent_meta: Meta = field(default_factory=Meta)  # for the report's header

    def reviewed(self) -> list[ChildReview]:
        return [c for c in self.children if c.status is ChildStatus.REVIEWED]

    def not_reviewed(self) -> list[ChildReview]:
        return [c for c in self.children if c.status is not ChildStatus.REVIEWED]

    def row_counts(self, row_id: str, *, target: bool = False) -> Counter[Verdict]:
        """How many reviewed children gave each verdict on one parent item or target."""
        out: Counter[Verdict] = Counter()
        for child in self.reviewed():
            cell = (child.targets if target else child.items).get(row_id)
            if cell is not None:
                out[cell.verdict] += 1
        return out

    def most_often(
        self, verdicts: tuple[Verdict, ...], limit: int = 10, *, target: bool = False
    ) -> list[tuple[str, int]]:
        """Parent items (or targets) most children gave one of ``verdicts``, most first,
        in document order among equals; only those at least one child did."""
        ids = [r.id for r in self.targets] if target else [r.id for r in self.rows]
        counted = [(i, sum(self.row_counts(i, target=target)[v] for v in verdicts)) for i in ids]
        counted = [(i, n) for i, n in counted if n]
        counted.sort(key=lambda pair: -pair[1])
        return counted[:limit]

    def row(self, row_id: str) -> ParentRow:
        return next(r for r in self.rows if r.id == row_id)

    def target(self, target_id: str) -> TargetRow:
        return next(t for t in self.targets if t.id == target_id)

    def mean_coverage(self) -> float:
        done = self.reviewed()
        return sum(c.coverage for c in done) / len(done) if done else 0.0


def parent_rows(parent: Plan) -> tuple[list[ParentRow], list[TargetRow]]:
    """The parent's items in reading order (those it drops itself left out) and its targets."""
    own = labels(parent)
    place: dict[str, str] = {}
    paragraphs: dict[str | None, int] = {}
    rows: list[ParentRow] = []
    targets: list[TargetRow] = []
    for item, above, depth in parent.walk(include_dropped=False):
        key = above.id if above is not None else None
        stem = place.get(key, "") if key is not None else ""
        label = own.get(item.id, "")
        if not label:
            paragraphs[key] = paragraphs.get(key, 0) + 1
            label = f"đoạn {paragraphs[key]}"
        place[item.id] = f"{stem} › {label}" if stem else label
        text = " ".join(item.content().split())
        if len(text) > TEXT_SHOWN:
            text = text[: TEXT_SHOWN - 1].rstrip() + "…"
        rows.append(ParentRow(item.id, place[item.id], item.kind, depth, text))
        for indicator in item.indicators:
            targets.append(
                TargetRow(indicator.id, item.id, place[item.id], indicator.name, figure(indicator))
            )
    return rows, targets


def new_review(parent: Plan, name: str, note: str = "") -> Review:
    rows, targets = parent_rows(parent)
    meta = parent.meta
    return Review(
        parent_name=name,
        parent_symbol=parent_symbol(parent),
        parent_title=meta.one_line(meta.summary),
        parent_body=meta.one_line(meta.issuing_body),
        parent_note=note,
        rows=rows,
        targets=targets,
        parent_meta=meta,
    )


def gaps(child: ChildReview) -> list[tuple[str, Cell]]:
    """A child's cells a reviewer must look at: items weakened, dropped or missing."""
    return [(i, c) for i, c in child.items.items() if c.verdict not in COVERED[:3]]
