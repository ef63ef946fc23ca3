"""What a plan file may hold: the keys of each table with their types, and how a value is
stored (a header value with line breaks as an array of lines)."""

from __future__ import annotations

import datetime as dt
from typing import Any

SCHEMA = 1

# (key, type, required) for each table; order is the order new tables are written in.
META_KEYS: list[tuple[str, type | tuple[type, ...], bool]] = [
    ("level", str, True),
    ("family", str, False),
    ("type", str, True),
    ("number", str, False),
    ("issuer_symbol", str, False),
    ("superior_body", (str, list), False),
    ("issuing_body", (str, list), False),
    ("place", str, False),
    ("date", dt.date, False),
    ("summary", (str, list), False),
    ("recipients", list, False),
    ("addressees", list, False),
    ("tasks_in_appendix", bool, False),
    ("numbering", list, False),
    ("source", str, False),
    ("profile", str, False),
]
PARENT_KEYS: list[tuple[str, type | tuple[type, ...], bool]] = [
    ("ref", str, False),
    ("number", str, True),
    ("date", dt.date, False),
    ("issuer", str, False),
    ("title", str, False),
]
SIGNATURE_KEYS: list[tuple[str, type | tuple[type, ...], bool]] = [
    ("on_behalf", str, False),
    ("acting", str, False),
    ("title", str, False),
    ("name", str, False),
]
ITEM_KEYS: list[tuple[str, type | tuple[type, ...], bool]] = [
    ("id", str, True),
    ("under", str, False),
    ("kind", str, True),
    ("title", str, False),
    ("text", str, False),
    ("lead", str, False),
    ("partners", list, False),
    ("deadline", str, False),
    ("output", str, False),
    ("attached", str, False),
    ("header", list, False),
    ("rows", list, False),
    ("origin", (str, list), False),
    ("disposition", str, False),
    ("reason", str, False),
]
INDICATOR_KEYS: list[tuple[str, type | tuple[type, ...], bool]] = [
    ("id", str, True),
    ("name", str, True),
    ("comparator", str, False),
    ("value", (int, float), True),
    ("unit", str, False),
    ("year", int, False),
    ("direction", str, False),
]
# Keys whose arrays hold rows of cells (a table's header and body), not strings.
ROW_KEYS = ("header", "rows")
# [plan] keys that may be written as an array of lines (the model joins them with newlines).
LINE_KEYS = ("superior_body", "issuing_body", "summary")
TYPE_NAMES = {
    str: "a string",
    dt.date: "a date (YYYY-MM-DD)",
    list: "an array",
    bool: "true or false",
    int: "an integer",
    (int, float): "a number",
    (str, list): "a string or an array of strings",
}


def is_type(value: Any, kind: Any) -> bool:
    if kind is dt.date:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if kind is int or kind == (int, float):
        return isinstance(value, kind) and not isinstance(value, bool)
    return isinstance(value, kind)


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def lines(value: str | list[str]) -> str:
    """A header value written as one string or as an array of lines, lines joined by newlines."""
    return "\n".join(value) if isinstance(value, list) else value


def unlines(value: str) -> str | list[str]:
    """How the file stores a header value: an array when it holds line breaks."""
    return value.split("\n") if "\n" in value else value


def as_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    return dt.date(value.year, value.month, value.day)


