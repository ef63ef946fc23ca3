"""Property: any sequence of editing operations, with any text, leaves a plan whose saved
file ``validate`` accepts — a refused operation changes nothing, an accepted one stores
only what the reader reads back (issue 14, part 1)."""

from __future__ import annotations

import datetime as dt
import math
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_helpers import EXAMPLE

from planwriter import planfile
from planwriter.errors import OperationError
from planwriter.model import Indicator, Item, Kind
from planwriter.operations import (
    AdaptText,
    Add,
    Delete,
    Drop,
    Editor,
    Move,
    Operation,
    Restore,
    SetIndicator,
    SetMeta,
    SetTaskFields,
)

TEXT = st.text(max_size=40)  # every code point but surrogates: controls, NFD, line breaks…
NUMBER = st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True))


def _operation(data: st.DataObject, editor: Editor) -> Operation:
    plan = editor.plan
    ids = [item.id for item, _, _ in plan.walk()]
    some_id = st.one_of(st.sampled_from(ids), TEXT)
    indicators = [(item.id, ind.id) for item, ind in plan.indicators()] or [("x", "y")]
    kind = data.draw(st.sampled_from(
        ["adapt", "task", "target", "drop", "restore", "add", "move", "delete", "meta"]))
    if kind == "adapt":
        return AdaptText(data.draw(some_id), data.draw(TEXT), data.draw(st.none() | TEXT))
    if kind == "task":
        return SetTaskFields(data.draw(some_id), data.draw(st.none() | TEXT),
                             data.draw(st.none() | st.lists(TEXT, max_size=3)),
                             data.draw(st.none() | TEXT), data.draw(st.none() | TEXT))
    if kind == "target":
        owner, indicator = data.draw(st.sampled_from(indicators))
        year = data.draw(st.none() | st.integers(0, 3000))
        return SetIndicator(owner, indicator, data.draw(NUMBER), data.draw(st.none() | TEXT),
                            data.draw(st.none() | TEXT), year)
    if kind == "drop":
        return Drop(data.draw(some_id), data.draw(TEXT))
    if kind == "restore":
        source = Item("src", Kind.BULLET, title=data.draw(TEXT), text=data.draw(TEXT),
                      lead=data.draw(TEXT),
                      indicators=[Indicator(data.draw(TEXT), data.draw(TEXT), data.draw(NUMBER))])
        return Restore(data.draw(some_id), source)
    if kind == "add":
        item = Item(data.draw(some_id), data.draw(st.sampled_from(list(Kind))),
                    title=data.draw(TEXT), text=data.draw(TEXT),
                    partners=data.draw(st.lists(TEXT, max_size=2)))
        return Add(item, data.draw(st.none() | st.sampled_from(ids)),
                   data.draw(st.none() | st.integers(-2, 50)))
    if kind == "move":
        return Move(data.draw(some_id), data.draw(st.none() | st.sampled_from(ids)),
                    data.draw(st.none() | st.integers(-2, 50)))
    if kind == "delete":
        return Delete(data.draw(some_id))
    return SetMeta(data.draw(st.none() | TEXT),
                   data.draw(st.none() | st.dates(dt.date(1945, 1, 1), dt.date(2100, 1, 1))),
                   data.draw(st.booleans()))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_any_edits_save_a_file_validate_accepts(tmp_path: Path, data: st.DataObject) -> None:
    path = tmp_path / "plan.toml"
    shutil.copy(EXAMPLE, path)
    plan_file = planfile.load(path)
    editor = Editor(plan_file.plan)
    for _ in range(data.draw(st.integers(1, 8))):
        operation = _operation(data, editor)
        before = plan_file.plan.clone()
        try:
            editor.apply(operation)
        except OperationError:
            assert plan_file.plan == before  # a refusal changes nothing
    plan_file.save()  # never refuses: every accepted operation kept the plan storable
    again = planfile.load(path)  # what `planwriter validate` does, origins included
    assert again.plan == plan_file.plan
    for _, indicator in again.plan.indicators():
        assert math.isfinite(indicator.value)
    editor.undo()
    plan_file.save()
    planfile.load(path)
