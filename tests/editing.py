"""Shared by the editing tests: any sequence of operations undone gives the original back."""

from __future__ import annotations

import copy
from collections.abc import Iterable

from planwriter.errors import OperationError
from planwriter.operations import Editor, Operation


def assert_undo_redo_round_trip(editor: Editor, operations: Iterable[Operation]) -> None:
    """Apply what the editor accepts; undoing all returns the original, redoing the result."""
    original = copy.deepcopy(editor.plan)
    for operation in operations:
        try:
            editor.apply(operation)
        except OperationError:
            pass
    result = copy.deepcopy(editor.plan)
    while editor.undo():
        pass
    assert editor.plan == original
    while editor.redo():
        pass
    assert editor.plan == result
