"""Writing a new plan file straight to text, with no tomlkit document to keep.

A file that does not exist yet has no comments or layout to preserve, so building a tomlkit
document for it only to print it costs seconds on a large plan (``import`` of 200 pages,
``new`` from a 10,000-item programme). ``emit`` writes the same text tomlkit would, key for
key and byte for byte (a test holds it to that), from the same field lists ``writer.sync``
uses, so a later edit through tomlkit changes only what it changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planwriter.model import Plan
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

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}


def emit(plan: Plan, header: str = "") -> str:
    """The text of a new plan file for ``plan``, ``header`` lines as comments on top."""
    out: list[str] = [f"# {line}\n" if line else "#\n" for line in header.splitlines()]
    out.append(f"schema = {SCHEMA}\n")
    _table(out, "[plan]", meta_fields(plan))
    for name, fields in (("[plan.parent]", parent_fields(plan)),
                         ("[plan.signature]", signature_fields(plan))):
        if fields is not None:
            _table(out, name, fields)
    for item, parent, _ in plan.walk():
        _table(out, "[[item]]", item_fields(item, parent.id if parent else None))
        for indicator in item.indicators:
            _table(out, "[[item.indicator]]", indicator_fields(indicator))
    return "".join(out)


def _table(out: list[str], header: str, fields: list[Field]) -> None:
    out.append(f"\n{header}\n")
    for key, value, default, multiline in fields:
        if not is_empty(value, default):
            out.append(f"{key} = {_value(value, multiline)}\n")


def _value(value: Any, multiline: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        if multiline and len(value) > 1:
            return "[\n" + "".join(f"    {_value(v)},\n" for v in value) + "]"
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot store {type(value).__name__} in a plan file")


def _string(value: str) -> str:
    if not any(c in _ESCAPES or ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in value):
        return f'"{value}"'
    chars = []
    for c in value:
        if c in _ESCAPES:
            chars.append(_ESCAPES[c])
        elif ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F:
            chars.append(f"\\u{ord(c):04x}")
        else:
            chars.append(c)
    return '"' + "".join(chars) + '"'
