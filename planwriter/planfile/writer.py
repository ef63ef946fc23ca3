"""Writing a plan file: making the tomlkit document say what the plan says, touching only
the values that differ, so comments, key order and layout survive."""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.toml_document import TOMLDocument

from planwriter.model import Indicator, Item, Plan
from planwriter.planfile.fields import (
    Field,
    indicator_fields,
    is_empty,
    item_fields,
    meta_fields,
    parent_fields,
    signature_fields,
)
from planwriter.planfile.schema import SCHEMA
from planwriter.tomlio import plain


def sync(doc: TOMLDocument, plan: Plan) -> None:
    """Make ``doc`` say what ``plan`` says, touching only the values that differ."""
    if plain(doc.get("schema")) != SCHEMA:
        doc["schema"] = SCHEMA
    if "plan" not in doc:
        doc["plan"] = tomlkit.table()
    table = doc["plan"]
    for key, value, default, multiline in meta_fields(plan):
        _put(table, key, value, default, multiline)
    _sync_subtable(table, "parent", parent_fields(plan))
    _sync_subtable(table, "signature", signature_fields(plan))
    _sync_items(doc, plan)


def _sync_subtable(table: Any, key: str, fields: list[Field] | None) -> None:
    """Make ``table[key]`` hold ``fields`` (None: no such table), touching only what differs."""
    if fields is None:
        if key in table:
            del table[key]
        return
    if key not in table:
        table[key] = tomlkit.table()
    for name, value, default, multiline in fields:
        _put(table[key], name, value, default, multiline)


def _sync_items(doc: TOMLDocument, plan: Plan) -> None:
    existing: dict[str, Table] = {}
    old = doc.get("item")
    old_tables: list[Table] = list(old) if isinstance(old, list) else []
    for t in old_tables:
        existing.setdefault(str(plain(t.get("id"))), t)
    wanted: list[Table] = []
    for item, parent, _ in plan.walk():
        t = existing.pop(item.id) if item.id in existing else tomlkit.table()
        _sync_item(t, item, parent.id if parent else None)
        wanted.append(t)
    if [id(t) for t in wanted] == [id(t) for t in old_tables]:
        return
    if not wanted:
        if "item" in doc:
            del doc["item"]
        return
    if (
        isinstance(old, AoT)
        and len(old_tables)
        and all(id(a) == id(b) for a, b in zip(old_tables, wanted, strict=False))
    ):
        for t in wanted[len(old_tables) :]:
            old.append(t)
        return
    aot = tomlkit.aot()
    for t in wanted:
        aot.append(t)
    if "item" in doc:
        doc["item"] = aot
    else:
        doc.add("item", aot)


def _sync_item(t: Table, item: Item, under: str | None) -> None:
    for key, value, default, multiline in item_fields(item, under):
        if key == "origin" and isinstance(plain(t.get("origin")), str) and item.origin == [
            plain(t.get("origin"))
        ]:
            continue
        _put(t, key, value, default, multiline)
    _sync_indicators(t, item.indicators)


def _sync_indicators(t: Table, indicators: list[Indicator]) -> None:
    old = t.get("indicator")
    old_tables = list(old) if isinstance(old, list) else []
    if not indicators:
        if "indicator" in t:
            del t["indicator"]
        return
    by_id = {str(plain(x.get("id"))): x for x in old_tables}
    wanted = []
    for ind in indicators:
        x = by_id.pop(ind.id, None) or tomlkit.table()
        for key, value, default, multiline in indicator_fields(ind):
            _put(x, key, value, default, multiline)
        wanted.append(x)
    if [id(x) for x in wanted] == [id(x) for x in old_tables]:
        return
    aot = tomlkit.aot()
    for x in wanted:
        aot.append(x)
    t["indicator"] = aot


def _put(table: Any, key: str, value: Any, default: Any = None, multiline: bool = False) -> None:
    """Set ``table[key]`` only if it differs; remove it when ``value`` is empty or the default."""
    if is_empty(value, default):
        if key in table:
            del table[key]
        return
    current = plain(table.get(key)) if key in table else None
    if current is not None and current == value and type(current) is type(value):
        return
    if isinstance(value, list):
        array = tomlkit.array()
        array.extend(value)
        if multiline and len(value) > 1:
            array.multiline(True)
        table[key] = array
    else:
        table[key] = value
