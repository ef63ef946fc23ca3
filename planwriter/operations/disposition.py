"""An item's standing against the parent: dropped with a reason, or restored as the
parent has it."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from planwriter.errors import OperationError
from planwriter.model import Disposition, Item
from planwriter.operations.base import FieldsOperation


@dataclass
class Drop(FieldsOperation):
    """Drop an item that came from the parent, saying why. A drop without a reason is refused."""

    item_id: str
    reason: str
    marks_adapted = False

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"bỏ {self.item_id}"

    def changes(self, item: Item) -> dict[str, Any]:
        if not self.reason.strip():
            raise OperationError(f"dropping item '{self.item_id}' needs a reason")
        if not item.origin:
            raise OperationError(
                f"item '{self.item_id}' has no origin in the parent: delete it instead"
            )
        return {"disposition": Disposition.DROPPED, "reason": self.reason.strip()}


@dataclass
class Restore(FieldsOperation):
    """Put an item back as the parent has it: its (localized) text, targets and task fields,
    adopted. ``source`` is the parent's item, already localized for this unit."""

    item_id: str
    source: Item
    marks_adapted = False

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"khôi phục {self.item_id} theo văn bản cấp trên"

    def changes(self, item: Item) -> dict[str, Any]:
        if not item.origin:
            raise OperationError(
                f"item '{self.item_id}' has no origin in the parent to restore from"
            )
        s = self.source
        return {
            "title": s.title,
            "text": s.text,
            "indicators": copy.deepcopy(s.indicators),
            "lead": s.lead,
            "partners": list(s.partners),
            "deadline": s.deadline,
            "output": s.output,
            "disposition": Disposition.ADOPTED,
            "reason": "",
        }
