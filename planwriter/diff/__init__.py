"""Comparing a local plan with its parent: ``compare(child, parent) -> PlanDiff``."""

from planwriter.diff.compare import compare
from planwriter.diff.model import (
    Basis,
    ChangeKind,
    FieldChange,
    ItemChange,
    PlanDiff,
    Relation,
    Status,
    Summary,
    WordOp,
)

__all__ = [
    "Basis",
    "ChangeKind",
    "FieldChange",
    "ItemChange", "PlanDiff", "Relation", "Status", "Summary", "WordOp", "compare"]
