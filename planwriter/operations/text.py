"""Changing what an item says: its text and title, and a task's lead, partners, deadline
and output. An adopted item whose words change becomes adapted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planwriter.model import Item
from planwriter.operations.base import FieldsOperation


@dataclass
class AdaptText(FieldsOperation):
    """Change an item's text (and title, if given). An adopted item becomes adapted."""

    item_id: str
    text: str
    title: str | None = None

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"sửa nội dung {self.item_id}"

    def changes(self, item: Item) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        if self.title is not None:
            out["title"] = self.title
        return out


@dataclass
class SetTaskFields(FieldsOperation):
    """Set a task's lead agency, partners, deadline or expected output (None: leave as is)."""

    item_id: str
    lead: str | None = None
    partners: list[str] | None = None
    deadline: str | None = None
    output: str | None = None

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"sửa chủ trì, phối hợp, thời hạn {self.item_id}"

    def changes(self, item: Item) -> dict[str, Any]:
        wanted = {
            "lead": self.lead,
            "partners": self.partners,
            "deadline": self.deadline,
            "output": self.output,
        }
        return {key: value for key, value in wanted.items() if value is not None}
