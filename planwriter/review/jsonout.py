"""``review --json``: the whole matrix as JSON (schema "planwriter-review/1",
docs/review-json.md)."""

from __future__ import annotations

import json
from typing import Any

from planwriter.review.disposition import Cell, ChildReview, ChildStatus, Verdict
from planwriter.review.matrix import Review

SCHEMA = "planwriter-review/1"


def cell_json(cell: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {"verdict": str(cell.verdict)}
    for key in ("child_id", "child_label", "value", "reason", "basis", "similarity", "maybe"):
        value = getattr(cell, key)
        if value:
            out[key] = value
    return out


def counts_json(child: ChildReview) -> dict[str, int]:
    return {str(v): child.count(v) for v in Verdict}


def child_json(child: ChildReview) -> dict[str, Any]:
    return {
        "name": child.name,
        "path": child.path,
        "status": str(child.status),
        "message": child.message,
        "unit": child.unit,
        "symbol": child.symbol,
        "imported": child.imported,
        "import_notes": child.import_notes,
        "note": child.note,
        "coverage": round(child.coverage, 4),
        "counts": counts_json(child),
        "added": child.added,
        "weakened_targets": child.weakened_targets(),
        "dropped_items": child.dropped_items(),
        "items": {key: cell_json(cell) for key, cell in child.items.items()},
        "targets": {key: cell_json(cell) for key, cell in child.targets.items()},
    }


def review_json(review: Review) -> dict[str, Any]:
    def counts(row_id: str, target: bool) -> dict[str, int]:
        found = review.row_counts(row_id, target=target)
        return {str(v): found[v] for v in Verdict}

    return {
        "schema": SCHEMA,
        "parent": {
            "name": review.parent_name,
            "symbol": review.parent_symbol,
            "title": review.parent_title,
            "body": review.parent_body,
            "note": review.parent_note,
        },
        "summary": {
            "children": len(review.children),
            "reviewed": len(review.reviewed()),
            "other_parent": sum(c.status is ChildStatus.OTHER_PARENT for c in review.children),
            "failed": sum(c.status is ChildStatus.FAILED for c in review.children),
            "mean_coverage": round(review.mean_coverage(), 4),
            "items": len(review.rows),
            "targets": len(review.targets),
        },
        "items": [
            {
                "id": row.id,
                "label": row.label,
                "kind": str(row.kind),
                "depth": row.depth,
                "text": row.text,
                "counts": counts(row.id, False),
            }
            for row in review.rows
        ],
        "targets": [
            {
                "id": t.id,
                "item": t.item_id,
                "label": t.label,
                "name": t.name,
                "figure": t.figure,
                "counts": counts(t.id, True),
            }
            for t in review.targets
        ],
        "children": [child_json(child) for child in review.children],
    }


def to_json(review: Review) -> str:
    return json.dumps(review_json(review), ensure_ascii=False, indent=2) + "\n"
