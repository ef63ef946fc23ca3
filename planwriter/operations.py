"""Editing a plan: the one API the CLI and the TUI both use.

Every change is an ``Operation`` applied through an ``Editor``, which keeps the undo and
redo stacks. An operation records, when it is applied, exactly what it needs to put the
plan back, so undoing costs no copy of the plan. Numbering needs no care here: labels are
derived from the tree (``planwriter.numbering``).

A child plan's items carry a disposition; operations keep it honest: changing the text or a
target of an adopted item makes it adapted, dropping needs a reason, an item that came from
the parent can be dropped but not deleted, and an added item can be deleted.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from planwriter.errors import OperationError
from planwriter.model import Disposition, Indicator, Item, Plan, format_number


def _find(plan: Plan, item_id: str) -> Item:
    item = plan.find(item_id)
    if item is None:
        raise OperationError(f"no item with id '{item_id}'")
    return item


def _container(plan: Plan, under: str | None) -> list[Item]:
    return plan.items if under is None else _find(plan, under).children


def _locate(plan: Plan, item_id: str) -> tuple[str | None, int]:
    """The id of the item that holds ``item_id`` (None: top level) and its index there."""
    parent = plan.parent_of(item_id)
    siblings = plan.items if parent is None else parent.children
    for index, sibling in enumerate(siblings):
        if sibling.id == item_id:
            return (parent.id if parent else None), index
    raise OperationError(f"no item with id '{item_id}'")


def _mark_adapted(item: Item) -> None:
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


class _FieldsOperation(Operation):
    """Set some attributes of one item (and of its disposition); remember the old ones."""

    item_id: str
    marks_adapted = True

    def changes(self, item: Item) -> dict[str, Any]:
        raise NotImplementedError

    def apply(self, plan: Plan) -> None:
        item = _find(plan, self.item_id)
        changes = self.changes(item)
        self._before = {key: copy.deepcopy(getattr(item, key)) for key in [*changes, "disposition"]}
        for key, value in changes.items():
            setattr(item, key, value)
        if self.marks_adapted and any(self._before[k] != v for k, v in changes.items()):
            _mark_adapted(item)

    def revert(self, plan: Plan) -> None:
        item = _find(plan, self.item_id)
        for key, value in self._before.items():
            setattr(item, key, value)


@dataclass
class AdaptText(_FieldsOperation):
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
class SetTaskFields(_FieldsOperation):
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


@dataclass
class SetIndicator(_FieldsOperation):
    """Set an indicator's target (value, and comparator, unit or year if given)."""

    item_id: str
    indicator_id: str
    value: float | int
    comparator: str | None = None
    unit: str | None = None
    year: int | None = None

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"đặt chỉ tiêu {self.indicator_id}"

    def changes(self, item: Item) -> dict[str, Any]:
        indicators = copy.deepcopy(item.indicators)
        for indicator in indicators:
            if indicator.id == self.indicator_id:
                before = copy.deepcopy(indicator)
                indicator.value = self.value
                if self.comparator is not None:
                    indicator.comparator = self.comparator
                if self.unit is not None:
                    indicator.unit = self.unit
                if self.year is not None:
                    indicator.year = self.year
                # The document prints the text, not the indicator: the figure must follow.
                return {"indicators": indicators, "text": restate(item.text, before, indicator)}
        raise OperationError(f"item '{self.item_id}' has no indicator '{self.indicator_id}'")


def restate(text: str, old: Indicator, new: Indicator) -> str:
    """``text`` with the figure of ``old`` ("trên 80%", "ít nhất 03%") rewritten as ``new``'s.

    Patterns are tried from the most specific (comparator, number and unit) to the number
    alone; the first that occurs exactly once is rewritten: its number, and its comparator if
    it has one. If none is unambiguous the text is left as it is.
    """
    number = r"(?<![\d,.])0*" + re.escape(format_number(old.value)) + r"(?![\d,])"
    unit = r"\s?" + re.escape(old.unit) if old.unit else ""
    comparator = rf"(?P<cmp>{re.escape(old.comparator)})\s+" if old.comparator else None
    shapes = [rf"(?P<num>{number}){unit}", rf"(?P<num>{number})"]
    if comparator:
        shapes = [comparator + shapes[0], shapes[0], comparator + shapes[1], shapes[1]]
    for shape in shapes:
        found = list(re.finditer(shape, text))
        if len(found) != 1:
            continue
        match = found[0]
        figure = format_number(new.value)
        if match.group("num").startswith("0") and figure.isdigit():  # "03%" stays two digits
            figure = figure.zfill(len(match.group("num")))
        out = text[: match.start("num")] + figure + text[match.end("num") :]
        if "cmp" in match.groupdict() and match.group("cmp") is not None:
            out = out[: match.start("cmp")] + new.comparator + out[match.end("cmp") :]
        return out
    return text


@dataclass
class Drop(_FieldsOperation):
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
class Restore(_FieldsOperation):
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
        siblings = _container(plan, self.under)
        item = copy.deepcopy(self.item)
        if self.in_child_plan and not item.origin:
            item.disposition = Disposition.ADDED
        position = len(siblings) if self.index is None else max(0, min(self.index, len(siblings)))
        siblings.insert(position, item)

    def revert(self, plan: Plan) -> None:
        siblings = _container(plan, self.under)
        siblings[:] = [s for s in siblings if s.id != self.item.id]


@dataclass
class Delete(Operation):
    """Remove an item that the parent does not have (an added one) with its sub-items."""

    item_id: str

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"xóa {self.item_id}"

    def apply(self, plan: Plan) -> None:
        item = _find(plan, self.item_id)
        if item.origin:
            raise OperationError(
                f"item '{self.item_id}' comes from the parent: drop it with a reason instead"
            )
        self._under, self._index = _locate(plan, self.item_id)
        self._item = _container(plan, self._under).pop(self._index)

    def revert(self, plan: Plan) -> None:
        _container(plan, self._under).insert(self._index, self._item)


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
        item = _find(plan, self.item_id)
        if self.under is not None:
            target = _find(plan, self.under)
            if target is item or any(d is target for d, _, _ in _subtree(item)):
                raise OperationError(f"cannot move item '{self.item_id}' inside itself")
        self._from_under, self._from_index = _locate(plan, self.item_id)
        _container(plan, self._from_under).pop(self._from_index)
        siblings = _container(plan, self.under)
        position = len(siblings) if self.index is None else max(0, min(self.index, len(siblings)))
        siblings.insert(position, item)
        self._to_index = position

    def revert(self, plan: Plan) -> None:
        item = _container(plan, self.under).pop(self._to_index)
        _container(plan, self._from_under).insert(self._from_index, item)


@dataclass
class SetMeta(Operation):
    """Fill in the document's number and date (None: leave as is), as a clerk does once the
    plan is registered; ``clear_date`` empties the date again."""

    number: str | None = None
    date: dt.date | None = None
    clear_date: bool = False

    @property
    def description(self) -> str:  # type: ignore[override]
        return "đặt số, ngày văn bản"

    def apply(self, plan: Plan) -> None:
        self._before = (plan.meta.number, plan.meta.date)
        if self.number is not None:
            plan.meta.number = self.number.strip()
        if self.clear_date:
            plan.meta.date = None
        elif self.date is not None:
            plan.meta.date = self.date

    def revert(self, plan: Plan) -> None:
        plan.meta.number, plan.meta.date = self._before


def _subtree(item: Item) -> list[tuple[Item, Item, int]]:
    out: list[tuple[Item, Item, int]] = []
    for child in item.children:
        out.append((child, item, 0))
        out.extend(_subtree(child))
    return out


@dataclass
class Editor:
    """A plan being edited, with undo and redo. ``listeners`` are called after every change
    (the TUI repaints and autosaves from there)."""

    plan: Plan
    done: list[Operation] = field(default_factory=list)
    undone: list[Operation] = field(default_factory=list)
    listeners: list[Callable[[Operation], None]] = field(default_factory=list)
    version: int = 0

    def apply(self, operation: Operation) -> Operation:
        """Apply ``operation``; on refusal (``OperationError``) the plan is unchanged."""
        operation.apply(self.plan)
        self.done.append(operation)
        self.undone.clear()
        self._changed(operation)
        return operation

    def undo(self) -> Operation | None:
        if not self.done:
            return None
        operation = self.done.pop()
        operation.revert(self.plan)
        self.undone.append(operation)
        self._changed(operation)
        return operation

    def redo(self) -> Operation | None:
        if not self.undone:
            return None
        operation = self.undone.pop()
        operation.apply(self.plan)
        self.done.append(operation)
        self._changed(operation)
        return operation

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)

    def _changed(self, operation: Operation) -> None:
        self.version += 1
        for listener in self.listeners:
            listener(operation)
