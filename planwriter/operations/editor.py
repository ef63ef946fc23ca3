"""The editor: a plan with its undo and redo stacks, and listeners told of every change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from planwriter.model import Plan
from planwriter.operations.base import Operation


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
