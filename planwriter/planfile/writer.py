"""Writing a plan file: making the tomlkit document say what the plan says, touching only
the values that differ, so comments, key order and layout survive."""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.toml_document import TOMLDocument

from planwriter.model import DEFAULT_NUMBERING, Direction, Family, Indicator, Item, Plan
from planwriter.planfile.schema import SCHEMA, unlines
from planwriter.tomlio import plain


def sync(doc: TOMLDocument, plan: Plan) -> None:
    """Make ``doc`` say what ``plan`` says, touching only the values that differ."""
    if plain(doc.get("schema")) != SCHEMA:
        doc["schema"] = SCHEMA
    if "plan" not in doc:
        doc["plan"] = tomlkit.table()
    table = doc["plan"]
    m = plan.meta
    _put(table, "level", m.level.value)
    _put(table, "family", m.family.value, default=Family.PARTY.value)
    _put(table, "type", m.doc_type)
    _put(table, "number", m.number)
    _put(table, "issuer_symbol", m.issuer_symbol)
    _put(table, "superior_body", unlines(m.superior_body))
    _put(table, "issuing_body", unlines(m.issuing_body))
    _put(table, "place", m.place)
    _put(table, "date", m.date)
    _put(table, "summary", unlines(m.summary), multiline=True)
    _put(table, "recipients", m.recipients, multiline=True)
    _put(table, "addressees", m.addressees, multiline=True)
    _put(table, "tasks_in_appendix", m.tasks_in_appendix, default=False)
    _put(table, "numbering", m.numbering, default=list(DEFAULT_NUMBERING))
    _put(table, "source", m.source)
    _put(table, "profile", m.profile)
    parent = m.parent
    _sync_subtable(
        table,
        "parent",
        None
        if parent is None
        else {
            "ref": parent.ref,
            "number": parent.number,
            "date": parent.date,
            "issuer": parent.issuer,
            "title": parent.title,
        },
    )
    sig = m.signature
    _sync_subtable(
        table,
        "signature",
        None
        if not (sig.lines() or sig.name)
        else {
            "on_behalf": sig.on_behalf,
            "acting": sig.acting,
            "title": sig.title,
            "name": sig.name,
        },
    )
    _sync_items(doc, plan)


def _sync_subtable(table: Any, key: str, values: dict[str, Any] | None) -> None:
    """Make ``table[key]`` hold ``values`` (None: no such table), touching only what differs."""
    if values is None:
        if key in table:
            del table[key]
        return
    if key not in table:
        table[key] = tomlkit.table()
    for name, value in values.items():
        _put(table[key], name, value)


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
    _put(t, "id", item.id)
    _put(t, "under", under)
    _put(t, "kind", item.kind.value)
    _put(t, "title", item.title)
    _put(t, "text", item.text)
    _put(t, "lead", item.lead)
    _put(t, "partners", item.partners)
    _put(t, "deadline", item.deadline)
    _put(t, "output", item.output)
    _put(t, "attached", item.attached)
    _put(t, "header", item.header, multiline=True)
    _put(t, "rows", item.rows, multiline=True)
    current_origin = plain(t.get("origin"))
    if isinstance(current_origin, str) and item.origin == [current_origin]:
        pass
    elif len(item.origin) == 1:
        _put(t, "origin", item.origin[0])
    else:
        _put(t, "origin", item.origin)
    _put(t, "disposition", item.disposition.value if item.disposition else None)
    _put(t, "reason", item.reason)
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
        _put(x, "id", ind.id)
        _put(x, "name", ind.name)
        _put(x, "comparator", ind.comparator, default="đạt")
        _put(x, "value", ind.value)
        _put(x, "unit", ind.unit)
        _put(x, "year", ind.year)
        _put(x, "direction", ind.direction.value, default=Direction.UP.value)
        wanted.append(x)
    if [id(x) for x in wanted] == [id(x) for x in old_tables]:
        return
    aot = tomlkit.aot()
    for x in wanted:
        aot.append(x)
    t["indicator"] = aot


def _is_empty(value: Any, default: Any) -> bool:
    if default is not None:
        return bool(value == default)
    return value is None or value == "" or value == []


def _put(table: Any, key: str, value: Any, default: Any = None, multiline: bool = False) -> None:
    """Set ``table[key]`` only if it differs; remove it when ``value`` is empty or the default."""
    if _is_empty(value, default):
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
