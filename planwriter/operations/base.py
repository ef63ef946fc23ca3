"""What every operation shares: the ``Operation`` protocol (apply, then revert), the
operation that sets some fields of one item, and finding an item and its place."""

from __future__ import annotations

import copy
from typing import Any

from planwriter.errors import OperationError
from planwriter.model import Disposition, Indicator, Item, Kind, Plan
from planwriter.planfile.rules import MAX_DEPTH, clean_text, id_problem, number_problem

# Item fields that hold one paragraph of text, and those that hold a list of them.
TEXT_FIELDS = ("title", "text", "lead", "deadline", "output", "attached", "reason")
LIST_FIELDS = ("partners",)


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
    # A drafter's change to an item kept as written or localized only makes it adapted.
    if item.disposition in (Disposition.ADOPTED, Disposition.LOCALIZED):
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
        changes = {
            key: clean_value(key, value, f"item '{self.item_id}'")
            for key, value in self.changes(item).items()
        }
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


def clean_value(key: str, value: Any, where: str) -> Any:
    """``value`` of item field ``key`` as the file may store it (NFC, one paragraph), or
    ``OperationError`` in one line: the same rules the reader applies."""
    if key in TEXT_FIELDS and isinstance(value, str):
        return clean_text(value, f"{where} {key}")
    if key in LIST_FIELDS and isinstance(value, list):
        return [clean_text(v, f"{where} {key}") for v in value]
    if key == "indicators":
        return [clean_indicator(i) for i in value]
    return value


def clean_indicator(indicator: Indicator) -> Indicator:
    problem = id_problem(indicator.id) or number_problem(indicator.value)
    if problem:
        raise OperationError(f"indicator {problem}")
    where = f"indicator '{indicator.id}'"
    indicator.name = clean_text(indicator.name, f"{where} name")
    indicator.comparator = clean_text(indicator.comparator, f"{where} comparator")
    indicator.unit = clean_text(indicator.unit, f"{where} unit")
    return indicator


def clean_item(item: Item) -> None:
    """Normalise a new item (and its sub-items) in place, or refuse it in one line."""
    problem = id_problem(item.id)
    if problem:
        raise OperationError(f"item {problem}")
    where = f"item '{item.id}'"
    for key in (*TEXT_FIELDS, *LIST_FIELDS):
        setattr(item, key, clean_value(key, getattr(item, key), where))
    item.header = [[clean_text(c, f"{where} table cell") for c in row] for row in item.header]
    item.rows = [[clean_text(c, f"{where} table cell") for c in row] for row in item.rows]
    item.indicators = [clean_indicator(i) for i in item.indicators]
    for child in item.children:
        clean_item(child)


def depth_of(plan: Plan, item_id: str | None) -> int:
    """How deep an item placed under ``item_id`` sits (0: top level)."""
    if item_id is None:
        return 0
    for item, _, depth in plan.walk():
        if item.id == item_id:
            return depth + 1
    raise OperationError(f"no item with id '{item_id}'")


def height(item: Item) -> int:
    """Levels in ``item``'s subtree, itself included."""
    return 1 + max((height(child) for child in item.children), default=0)


def check_place(plan: Plan, item: Item, under: str | None) -> None:
    """Refuse to put ``item`` under ``under`` where the file could not hold it."""
    if item.kind is Kind.APPENDIX and under is not None:
        raise OperationError(f"appendix '{item.id}' must stay at the top level")
    if depth_of(plan, under) + height(item) > MAX_DEPTH:
        raise OperationError(f"item '{item.id}' would be nested deeper than {MAX_DEPTH} levels")
