"""Comparing a local plan with its parent: ``compare(child, parent) -> PlanDiff``."""

from planwriter.diff.compare import Prepared, compare, prepare
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
    "ItemChange", "PlanDiff", "Prepared", "Relation", "Status", "Summary", "WordOp", "compare",
    "prepare"]
