"""Checking what a plan file holds: each value's type and text, and a child's origins
against the items of its parent."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unicodedata import is_normalized

from planwriter.errors import PlanFileError
from planwriter.model import Plan
from planwriter.planfile.schema import ROW_KEYS, TYPE_NAMES, describe, is_type
from planwriter.tomlio import CONTROL, Locator, plain, read_text, text_problem


def check_fields(
    reader: Any,
    table: Any,
    keys: list[tuple[str, Any, bool]],
    where: str,
    line: int | None,
    nested: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The values of ``table`` for ``keys`` (key, type, required), checked: no unknown key,
    every required one present, each of its type, every string storable (``text_problem``).
    Only the keys present are looked at, so a table costs what it holds.

    A table of plain strings (nearly every table of a plan file, as the compiled parser
    gives them) is checked in one loop; anything else, and any table with a problem, goes
    through ``_check_fields``, which finds the first problem in the order of ``keys``."""
    spec = _spec(keys, nested)
    if type(table) is dict and spec.required <= table.keys():
        out: dict[str, Any] = {}
        strings, lists, skip = spec.strings, spec.lists, spec.nested
        texts: list[str] = []
        for key, value in table.items():
            if type(value) is str and key in strings:
                texts.append(value)
            elif type(value) is list and key in lists:
                if not all(type(v) is str for v in value):
                    break
                texts.extend(value)
            elif key in skip:
                continue
            else:
                break
            out[key] = value
        else:
            # The texts checked at once: joined by a space, which no mark composes with
            # and no reordering crosses, the whole is NFC exactly when every text is.
            joined = " ".join(texts)
            if is_normalized("NFC", joined) and not CONTROL.search(joined):
                return out
    return _check_fields(reader, table, keys, where, line, nested)


@dataclass(frozen=True)
class _Spec:
    strings: frozenset[str]  # keys whose value may be a string
    lists: frozenset[str]  # keys whose value may be an array of strings
    required: frozenset[str]
    nested: frozenset[str]  # tables read apart ([plan.parent], [[item.indicator]])
    known: frozenset[str]  # every key the table may hold


_SPECS: dict[tuple[int, tuple[str, ...]], _Spec] = {}


def _spec(keys: list[tuple[str, Any, bool]], nested: tuple[str, ...]) -> _Spec:
    cache_key = (id(keys), nested)
    found = _SPECS.get(cache_key)
    if found is None:
        found = _SPECS[cache_key] = _Spec(
            frozenset(key for key, kind, _ in keys if kind is str or kind == (str, list)),
            frozenset(
                key
                for key, kind, _ in keys
                if (kind is list or kind == (str, list)) and key not in ROW_KEYS
            ),
            frozenset(key for key, _, required in keys if required),
            frozenset(nested),
            frozenset(key for key, _, _ in keys) | frozenset(nested),
        )
    return found


def _check_fields(
    reader: Any,
    table: Any,
    keys: list[tuple[str, Any, bool]],
    where: str,
    line: int | None,
    nested: tuple[str, ...] = (),
) -> dict[str, Any]:
    for key in table:
        if key not in _spec(keys, nested).known:
            raise reader.fail(f"unknown key '{key}' in {where}", reader.locator.key(key, line))
    out: dict[str, Any] = {}
    for key, kind, required in keys:
        if key not in table:
            if required:
                raise reader.fail(f"{where} is missing '{key}'", line)
            continue
        value = plain(table[key])
        if value is None:
            continue
        if not is_type(value, kind):
            raise reader.fail(
                f"'{key}' in {where} must be {TYPE_NAMES[kind]}, not {describe(value)}",
                reader.locator.key(key, line),
            )
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                raise reader.fail(f"'{key}' in {where}: {problem}", reader.locator.key(key, line))
        elif isinstance(value, list):
            _check_list(reader, key, value, where, line)
        out[key] = value
    return out


def _check_list(reader: Any, key: str, value: list[Any], where: str, line: int | None) -> None:
    at = reader.locator.key(key, line)
    if key in ROW_KEYS:
        if not all(isinstance(row, list) and all(isinstance(c, str) for c in row) for row in value):
            raise reader.fail(
                f"'{key}' in {where} must be an array of rows (arrays of strings)", at
            )
        cells = [cell for row in value for cell in row]
    else:
        if not all(isinstance(v, str) for v in value):
            raise reader.fail(f"'{key}' in {where} must be an array of strings", at)
        cells = value
    for cell in cells:
        problem = text_problem(cell)
        if problem:
            raise reader.fail(f"'{key}' in {where}: {problem}", at)


def check_origins_against_parent(
    path: Path,
    plan: Plan,
    locator: Locator | None = None,
    item_lines: dict[str, int | None] | None = None,
    parent: Plan | None = None,
) -> None:
    """Every origin of a child plan must name an item of the parent it cites. ``item_lines``
    gives the line of each item's [[item]] header (the reader records them); ``parent``, the
    parent when the caller has already read it (so it is not read twice)."""
    if plan.meta.parent is None or not plan.meta.parent.ref:
        return
    from planwriter.library import resolve_parent
    from planwriter.planfile.document import load

    def lines() -> Locator:  # built only to say where a problem is
        return locator if locator is not None and locator.indexed else Locator(read_text(path))

    parent_path = None if parent is not None else resolve_parent(plan.meta.parent.ref, path)
    if parent is None and parent_path is None:
        at = lines()
        raise PlanFileError(
            f"parent plan '{plan.meta.parent.ref}' not found",
            path,
            at.key("ref", at.table("plan.parent")),
        )
    if parent is None:
        assert parent_path is not None
        parent = load(parent_path, check_origins=False).plan
    parent_ids = set(parent.index())
    for item, _, _ in plan.walk():
        for origin in item.origin:
            if origin not in parent_ids:
                at = lines()
                table = (item_lines or {}).get(item.id) or _item_lines(at).get(item.id)
                raise PlanFileError(
                    f"item '{item.id}' has origin '{origin}', which is not an item of "
                    f"{plan.meta.parent.number or plan.meta.parent.ref}",
                    path,
                    at.key("origin", table),
                )


def _item_lines(locator: Locator) -> dict[str, int | None]:
    """The line of each item's [[item]] header, by the id written under it."""
    out: dict[str, int | None] = {}
    for number, header in locator.headers:
        if header != "item":
            continue
        at = locator.key("id", number)
        if at is not None and at != number:
            value = locator.lines[at - 1].split("=", 1)[1].strip().strip("\"'").split('"')[0]
            out.setdefault(value, number)
    return out
