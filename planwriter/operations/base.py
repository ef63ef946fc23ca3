"""What every operation shares: the ``Operation`` protocol (apply, then revert), the
operation that sets some fields of one item, and finding an item and its place."""

from __future__ import annotations

import copy
from typing import Any

from planwriter.errors import OperationError
from planwriter.model import Disposition, Item, Plan


def find(plan: Plan, item_id: str) -> Item:
    item = plan.find(item_id)
    if item is None:
        raise OperationError(f"no item with id '{item_id}'")
    return item


def container(plan: Plan, under: str | None) -> list[Item]:
    return plan.items if under is None else find(plan, under).children


def locate(plan: Plan, item_id: str) -> tuple[str | None, int]:
    """The id of the item that holds ``item_id`` (None: top level) and its index there."""
    parent = plan.parent_of(item_id)
    siblings = plan.items if parent is None else parent.children
    for index, sibling in enumerate(siblings):
        if sibling.id == item_id:
            return (parent.id if parent else None), index
    raise OperationError(f"no item with id '{item_id}'")


def mark_adapted(item: Item) -> None:
    if item.disposition is Disposition.ADOPTED:
        item.disposition = Disposition.ADAPTED


class Operation:
    """A change to a plan that can be applied once and then reverted."""

    description = ""

    def apply(self, plan: Plan) -> None:
        raise NotImplementedError

    def revert(self, plan: Plan) -> None:
        raise NotImplementedError


class FieldsOperation(Operation):
    """Set some attributes of one item (and of its disposition); remember the old ones."""

    item_id: str
    marks_adapted = True

    def changes(self, item: Item) -> dict[str, Any]:
        raise NotImplementedError

    def apply(self, plan: Plan) -> None:
        item = find(plan, self.item_id)
        changes = self.changes(item)
        self._before = {key: copy.deepcopy(getattr(item, key)) for key in [*changes, "disposition"]}
        for key, value in changes.items():
            setattr(item, key, value)
        if self.marks_adapted and any(self._before[k] != v for k, v in changes.items()):
            mark_adapted(item)

    def revert(self, plan: Plan) -> None:
        item = find(plan, self.item_id)
        for key, value in self._before.items():
            setattr(item, key, value)


def subtree(item: Item) -> list[tuple[Item, Item, int]]:
    out: list[tuple[Item, Item, int]] = []
    for child in item.children:
        out.append((child, item, 0))
        out.extend(subtree(child))
    return out
