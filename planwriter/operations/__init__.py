"""Editing a plan: the one API the CLI and the TUI both use.

Every change is an ``Operation`` applied through an ``Editor``, which keeps the undo and
redo stacks. An operation records, when it is applied, exactly what it needs to put the
plan back, so undoing costs no copy of the plan. Numbering needs no care here: labels are
derived from the tree (``planwriter.numbering``).

A child plan's items carry a disposition; operations keep it honest: changing the text or a
target of an adopted item makes it adapted, dropping needs a reason, an item that came from
the parent can be dropped but not deleted, and an added item can be deleted.

One family of operations per module: ``text`` (AdaptText, SetTaskFields), ``targets``
(SetIndicator, restate), ``disposition`` (Drop, Restore), ``structure`` (Add, Delete,
Move), ``meta`` (SetMeta); ``base`` holds what they share and ``editor`` the undo stack.
The names below stay importable from ``planwriter.operations``.
"""

from planwriter.operations.base import FieldsOperation, Operation
from planwriter.operations.disposition import Drop, Restore
from planwriter.operations.editor import Editor
from planwriter.operations.meta import SetMeta
from planwriter.operations.structure import Add, Delete, Move
from planwriter.operations.targets import SetIndicator, restate
from planwriter.operations.text import AdaptText, SetTaskFields

__all__ = [
    "AdaptText",
    "Add",
    "Delete",
    "Drop",
    "Editor",
    "FieldsOperation",
    "Move",
    "Operation",
    "Restore",
    "SetIndicator",
    "SetMeta",
    "SetTaskFields",
    "restate",
]
