"""The rules a stored value must keep, shared by the reader and every write path.

The reader refuses a file that breaks them; ``clean_text`` and ``check_plan`` apply the
same rules before anything is written (an edit, the TUI, an import), so a save can never
produce a file that load rejects.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from planwriter.errors import OperationError
from planwriter.model import Disposition, Kind, Plan
from planwriter.planfile.schema import LINE_KEYS
from planwriter.tomlio import text_problem

ID = re.compile(r"[A-Za-z0-9._-]+")
ID_RULE = "letters A-Z a-z, digits, '.', '_' or '-'"
# Vietnamese plans nest at most six or seven levels (I., 1., 1.1., a), -, +); far deeper is
# not a document, and every renderer walks the tree recursively.
MAX_DEPTH = 64


def id_problem(value: str) -> str | None:
    if not value:
        return "an id may not be empty"
    if not ID.fullmatch(value):
        return f"id '{value}' may hold only {ID_RULE}"
    return None


def number_problem(value: Any) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} is not a number a target can have (NaN and infinity are refused)"
    return None


_FROM_PARENT = (
    Disposition.ADOPTED, Disposition.LOCALIZED, Disposition.ADAPTED, Disposition.DROPPED
)


def disposition_problem(
    item_id: str, disposition: Disposition | None, origin: list[str]
) -> str | None:
    if disposition is not None and disposition in _FROM_PARENT and not origin:
        return f"item '{item_id}' is {disposition.value} but names no origin"
    if disposition is Disposition.ADDED and origin:
        return f"item '{item_id}' is added but names an origin"
    return None


def clean_text(value: str, what: str = "text", lines: bool = False) -> str:
    """``value`` as it may be stored: NFC, without trailing line ends; a line break is kept
    only where the file stores lines (``lines``), any other control character is refused
    with one line (``OperationError``)."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    parts = value.split("\n") if lines else [value]
    for part in parts:
        problem = text_problem(part)
        if problem:
            if "line break" in problem:
                problem += "; put a new paragraph in an item of its own"
            raise OperationError(f"{what}: {problem}")
    return value


def check_plan(plan: Plan) -> None:
    """Raise ``OperationError`` (one line, naming the item) if ``plan`` holds anything the
    reader would refuse. Called before every save."""
    m = plan.meta
    for key in ("doc_type", "number", "issuer_symbol", "place", "source", "profile"):
        _text(getattr(m, key), f"[plan] {key}")
    for key in LINE_KEYS:
        clean_text_strict(getattr(m, key), f"[plan] {key}", lines=True)
    if not m.doc_type:
        raise OperationError("[plan] type may not be empty")
    for key in ("recipients", "addressees", "numbering"):
        for value in getattr(m, key):
            _text(value, f"[plan] {key}")
    if m.parent is not None:
        for key in ("ref", "number", "issuer", "title"):
            _text(getattr(m.parent, key), f"[plan.parent] {key}")
        if not m.parent.number:
            raise OperationError("[plan.parent] number may not be empty")
    for key in ("on_behalf", "acting", "title", "name"):
        _text(getattr(m.signature, key), f"[plan.signature] {key}")
    seen: set[str] = set()
    indicators: set[str] = set()
    for item, parent, depth in plan.walk():
        where = f"item '{item.id}'"
        _id(item.id, "item", seen)
        if depth >= MAX_DEPTH:
            raise OperationError(f"{where} is nested deeper than {MAX_DEPTH} levels")
        if item.kind is Kind.APPENDIX and parent is not None:
            raise OperationError(f"appendix '{item.id}' must be at the top level")
        for key in ("title", "text", "lead", "deadline", "output", "attached", "reason"):
            _text(getattr(item, key), f"{where} {key}")
        for value in [*item.partners, *item.origin]:
            _text(value, f"{where}")
        for row in [*item.header, *item.rows]:
            for cell in row:
                _text(cell, f"{where} table cell")
        problem = disposition_problem(item.id, item.disposition, item.origin)
        if problem:
            raise OperationError(problem)
        for ind in item.indicators:
            _id(ind.id, "indicator", indicators)
            if not ind.name:
                raise OperationError(f"indicator '{ind.id}' needs a name")
            for value in (ind.name, ind.comparator, ind.unit):
                _text(value, f"indicator '{ind.id}'")
            problem = number_problem(ind.value)
            if problem:
                raise OperationError(f"indicator '{ind.id}': {problem}")


def clean_text_strict(value: str, what: str, lines: bool = False) -> None:
    """Refuse ``value`` unless it is already what ``clean_text`` would store."""
    if clean_text(value, what, lines) != value:
        raise OperationError(f"{what}: text is not Unicode NFC; normalise it to NFC")


def _text(value: str, what: str) -> None:
    problem = text_problem(value)
    if problem:
        raise OperationError(f"{what}: {problem}")


def _id(value: str, what: str, seen: set[str]) -> None:
    problem = id_problem(value)
    if problem:
        raise OperationError(f"{what} {problem}" if value else f"{what}: {problem}")
    if value in seen:
        raise OperationError(f"duplicate {what} id '{value}'")
    seen.add(value)
