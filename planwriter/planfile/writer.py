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

# (key, value, default, multiline): one stored value; empty or default values are not written.
Field = tuple[str, Any, Any, bool]


def meta_fields(plan: Plan) -> list[Field]:
    m = plan.meta
    return [
        ("level", m.level.value, None, False),
        ("family", m.family.value, Family.PARTY.value, False),
        ("type", m.doc_type, None, False),
        ("number", m.number, None, False),
        ("issuer_symbol", m.issuer_symbol, None, False),
        ("superior_body", unlines(m.superior_body), None, False),
        ("issuing_body", unlines(m.issuing_body), None, False),
        ("place", m.place, None, False),
        ("date", m.date, None, False),
        ("summary", unlines(m.summary), None, True),
        ("recipients", m.recipients, None, True),
        ("addressees", m.addressees, None, True),
        ("tasks_in_appendix", m.tasks_in_appendix, False, False),
        ("numbering", m.numbering, list(DEFAULT_NUMBERING), False),
        ("source", m.source, None, False),
        ("profile", m.profile, None, False),
    ]


def parent_fields(plan: Plan) -> list[Field] | None:
    parent = plan.meta.parent
    if parent is None:
        return None
    return [(k, v, None, False) for k, v in (
        ("ref", parent.ref), ("number", parent.number), ("date", parent.date),
        ("issuer", parent.issuer), ("title", parent.title),
    )]


def signature_fields(plan: Plan) -> list[Field] | None:
    sig = plan.meta.signature
    if not (sig.lines() or sig.name):
        return None
    return [(k, v, None, False) for k, v in (
        ("on_behalf", sig.on_behalf), ("acting", sig.acting), ("title", sig.title),
        ("name", sig.name),
    )]


def item_fields(item: Item, under: str | None) -> list[Field]:
    origin: Any = item.origin[0] if len(item.origin) == 1 else item.origin
    return [
        ("id", item.id, None, False),
        ("under", under, None, False),
        ("kind", item.kind.value, None, False),
        ("title", item.title, None, False),
        ("text", item.text, None, False),
        ("lead", item.lead, None, False),
        ("partners", item.partners, None, False),
        ("deadline", item.deadline, None, False),
        ("output", item.output, None, False),
        ("attached", item.attached, None, False),
        ("header", item.header, None, True),
        ("rows", item.rows, None, True),
        ("origin", origin, None, False),
        ("disposition", item.disposition.value if item.disposition else None, None, False),
        ("reason", item.reason, None, False),
    ]


def indicator_fields(ind: Indicator) -> list[Field]:
    return [
        ("id", ind.id, None, False),
        ("name", ind.name, None, False),
        ("comparator", ind.comparator, "đạt", False),
        ("value", ind.value, None, False),
        ("unit", ind.unit, None, False),
        ("year", ind.year, None, False),
        ("direction", ind.direction.value, Direction.UP.value, False),
    ]


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


def is_empty(value: Any, default: Any) -> bool:
    if default is not None:
        return bool(value == default)
    return value is None or value == "" or value == []


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
