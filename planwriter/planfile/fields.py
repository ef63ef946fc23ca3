"""What a plan file stores for each table, in the order it is written: (key, value, default,
multiline) for the plan's header, its parent and signature, each item and indicator. The
writer syncs a tomlkit document with these; ``emit`` writes a new file from them."""

from __future__ import annotations

from typing import Any

from planwriter.model import DEFAULT_NUMBERING, Direction, Family, Indicator, Item, Plan
from planwriter.planfile.schema import unlines

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


def is_empty(value: Any, default: Any) -> bool:
    if default is not None:
        return bool(value == default)
    return value is None or value == "" or value == []
