"""Checking what a plan file holds: each value's type and text, and a child's origins
against the items of its parent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planwriter.errors import PlanFileError
from planwriter.model import Plan
from planwriter.planfile.schema import ROW_KEYS, TYPE_NAMES, describe, is_type, strings
from planwriter.tomlio import Locator, plain, read_text, text_problem


def check_fields(
reader: Any,
    table: Any,
    keys: list[tuple[str, Any, bool]],
    where: str,
    line: int | None,
    nested: tuple[str, ...] = (),
) -> dict[str, Any]:
    known = {key for key, _, _ in keys} | set(nested)
    out: dict[str, Any] = {}
    for key in table:
        if key not in known:
            raise reader.fail(f"unknown key '{key}' in {where}", reader.locator.key(key, line))
    for key, kind, required in keys:
        value = plain(table.get(key))
        at = reader.locator.key(key, line)
        if value is None:
            if required:
                raise reader.fail(f"{where} is missing '{key}'", line)
            continue
        if not is_type(value, kind):
            raise reader.fail(
                f"'{key}' in {where} must be {TYPE_NAMES[kind]}, not {describe(value)}", at
            )
        for text in strings(value):
            problem = text_problem(text)
            if problem:
                raise reader.fail(f"'{key}' in {where}: {problem}", at)
        if key in ROW_KEYS:
            if not all(
                isinstance(row, list) and all(isinstance(c, str) for c in row)
                for row in value
            ):
                raise reader.fail(
                    f"'{key}' in {where} must be an array of rows (arrays of strings)", at
                )
            for row in value:
                for cell in row:
                    problem = text_problem(cell)
                    if problem:
                        raise reader.fail(f"'{key}' in {where}: {problem}", at)
        elif isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise reader.fail(f"'{key}' in {where} must be an array of strings", at)
        out[key] = value
    return out


def check_origins_against_parent(
    path: Path,
    plan: Plan,
    locator: Locator | None = None,
    item_lines: dict[str, int | None] | None = None,
) -> None:
    """Every origin of a child plan must name an item of the parent it cites. ``item_lines``
    gives the line of each item's [[item]] header (the reader records them)."""
    if plan.meta.parent is None or not plan.meta.parent.ref:
        return
    from planwriter.library import resolve_parent
    from planwriter.planfile.document import load

    locator = locator or Locator(read_text(path))
    pline = locator.table("plan.parent")
    parent_path = resolve_parent(plan.meta.parent.ref, path)
    if parent_path is None:
        raise PlanFileError(
            f"parent plan '{plan.meta.parent.ref}' not found", path, locator.key("ref", pline)
        )
    parent_ids = set(load(parent_path, check_origins=False).plan.index())
    for item, _, _ in plan.walk():
        for origin in item.origin:
            if origin not in parent_ids:
                lines = item_lines if item_lines is not None else _item_lines(locator)
                raise PlanFileError(
                    f"item '{item.id}' has origin '{origin}', which is not an item of "
                    f"{plan.meta.parent.number or plan.meta.parent.ref}",
                    path,
                    locator.key("origin", lines.get(item.id)),
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
