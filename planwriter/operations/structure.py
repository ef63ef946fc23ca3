"""The tree of items: adding an item of the unit's own, deleting one, moving one with its
sub-items."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from planwriter.errors import OperationError
from planwriter.model import Disposition, Item, Plan
from planwriter.operations.base import (
    Operation,
    check_place,
    clean_item,
    container,
    find,
    locate,
    subtree,
)


@dataclass
class Add(Operation):
    """Insert a new item (marked added when the plan has a parent) under ``under`` at ``index``
    (None: at the end)."""

    item: Item
    under: str | None = None
    index: int | None = None
    in_child_plan: bool = True

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"thêm {self.item.id}"

    def apply(self, plan: Plan) -> None:
        if plan.find(self.item.id) is not None:
            raise OperationError(f"an item with id '{self.item.id}' already exists")
        siblings = container(plan, self.under)
        item = copy.deepcopy(self.item)
        clean_item(item)
        ids = {i.id for i, _, _ in plan.walk()}
        for inner in [item, *(d for d, _, _ in subtree(item))]:
            if inner.id in ids:
                raise OperationError(f"an item with id '{inner.id}' already exists")
            ids.add(inner.id)
        check_place(plan, item, self.under)
        if self.in_child_plan and not item.origin:
            item.disposition = Disposition.ADDED
        position = len(siblings) if self.index is None else max(0, min(self.index, len(siblings)))
        siblings.insert(position, item)

    def revert(self, plan: Plan) -> None:
        siblings = container(plan, self.under)
        siblings[:] = [s for s in siblings if s.id != self.item.id]


@dataclass
class Delete(Operation):
    """Remove an item that the parent does not have (an added one) with its sub-items."""

    item_id: str

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"xóa {self.item_id}"

    def apply(self, plan: Plan) -> None:
        item = find(plan, self.item_id)
        if item.origin:
            raise OperationError(
                f"item '{self.item_id}' comes from the parent: drop it with a reason instead"
            )
        self._under, self._index = locate(plan, self.item_id)
        self._item = container(plan, self._under).pop(self._index)

    def revert(self, plan: Plan) -> None:
        container(plan, self._under).insert(self._index, self._item)


@dataclass
class Move(Operation):
    """Move an item (with its sub-items) under ``under`` at ``index`` (None: at the end)."""

    item_id: str
    under: str | None
    index: int | None = None

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"chuyển {self.item_id}"

    def apply(self, plan: Plan) -> None:
        item = find(plan, self.item_id)
        if self.under is not None:
            target = find(plan, self.under)
            if target is item or any(d is target for d, _, _ in subtree(item)):
                raise OperationError(f"cannot move item '{self.item_id}' inside itself")
        check_place(plan, item, self.under)
        self._from_under, self._from_index = locate(plan, self.item_id)
        container(plan, self._from_under).pop(self._from_index)
        siblings = container(plan, self.under)
        position = len(siblings) if self.index is None else max(0, min(self.index, len(siblings)))
        siblings.insert(position, item)
        self._to_index = position

    def revert(self, plan: Plan) -> None:
        item = container(plan, self.under).pop(self._to_index)
        container(plan, self._from_under).insert(self._from_index, item)
