"""Plan files: TOML that people keep in git, read, and edit by hand.

A plan file is ``schema = 1``, a ``[plan]`` table (with ``[plan.parent]`` and
``[plan.signature]``), then one ``[[item]]`` table per item in document order, each naming
the item it sits ``under``; an item's indicators follow it as ``[[item.indicator]]``.
The format is described in docs/plan-format.md.

Saving goes back through the tomlkit document the file was read from and changes only the
values that changed, so comments, key order and layout survive, and saving an unchanged
plan rewrites the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.toml_document import TOMLDocument

from planwriter.errors import PlanFileError
from planwriter.fsutil import atomic_write_text
from planwriter.model import (
    DEFAULT_NUMBERING,
    Direction,
    Disposition,
    Family,
    Indicator,
    Item,
    Kind,
    Level,
    Meta,
    ParentRef,
    Plan,
    Signature,
)
from planwriter.tomlio import Locator, parse, plain, read_text, text_problem

SCHEMA = 1

# (key, type, required) for each table; order is the order new tables are written in.
_META_KEYS: list[tuple[str, type | tuple[type, ...], bool]] = [
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
_PARENT_KEYS: list[tuple[str, type | tuple[type, ...], bool]] = [
    ("ref", str, False),
    ("number", str, True),
    ("date", dt.date, False),
    ("issuer", str, False),
    ("title", str, False),
]
_SIGNATURE_KEYS: list[tuple[str, type | tuple[type, ...], bool]] = [
    ("on_behalf", str, False),
    ("acting", str, False),
    ("title", str, False),
    ("name", str, False),
]
_ITEM_KEYS: list[tuple[str, type | tuple[type, ...], bool]] = [
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
_INDICATOR_KEYS: list[tuple[str, type | tuple[type, ...], bool]] = [
    ("id", str, True),
    ("name", str, True),
    ("comparator", str, False),
    ("value", (int, float), True),
    ("unit", str, False),
    ("year", int, False),
    ("direction", str, False),
]
# Keys whose arrays hold rows of cells (a table's header and body), not strings.
_ROW_KEYS = ("header", "rows")
# [plan] keys that may be written as an array of lines (the model joins them with newlines).
_LINE_KEYS = ("superior_body", "issuing_body", "summary")
_TYPE_NAMES = {
    str: "a string",
    dt.date: "a date (YYYY-MM-DD)",
    list: "an array",
    bool: "true or false",
    int: "an integer",
    (int, float): "a number",
    (str, list): "a string or an array of strings",
}


@dataclass
class PlanFile:
    """A plan together with the TOML document it was read from (or will be written as)."""

    path: Path
    plan: Plan
    doc: TOMLDocument = field(default_factory=tomlkit.document)
    text: str = ""

    def dumps(self) -> str:
        """The file's text for the plan as it is now, changing only what changed."""
        sync(self.doc, self.plan)
        return tomlkit.dumps(self.doc)

    def save(self, path: Path | None = None) -> None:
        """Write the plan atomically; afterwards ``text`` is what the file holds."""
        target = Path(path) if path is not None else self.path
        text = self.dumps()
        atomic_write_text(target, text)
        self.path = target
        self.text = text

    def changed_on_disk(self) -> bool:
        """True if the file no longer holds what we last read or wrote."""
        try:
            return self.path.read_text(encoding="utf-8") != self.text
        except OSError:
            return True


def load(path: Path | str, check_origins: bool = True) -> PlanFile:
    """Read and validate a plan file; raise ``PlanFileError`` with file and line if invalid."""
    path = Path(path)
    text = read_text(path)
    doc = parse(path, text)
    reader = _Reader(path, text)
    plan = reader.plan(doc)
    if check_origins:
        check_origins_against_parent(path, plan, reader.locator)
    return PlanFile(path=path, plan=plan, doc=doc, text=text)


def read_plan(path: Path | str) -> Plan:
    return load(path).plan


def read_only(path: Path | str) -> Plan:
    """A plan to read and never save (a review reads a hundred): parsed by the standard
    ``tomllib``, several times faster than tomlkit, comments and key order not kept. The
    checks are ``load``'s; on a syntax error ``load`` itself names the line its own way."""
    import tomllib

    path = Path(path)
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return load(path, check_origins=False).plan
    return _Reader(path, text).plan(data)  # type: ignore[arg-type]


def new_file(plan: Plan, path: Path | str, header: str = "") -> PlanFile:
    """A PlanFile for a plan that has no file yet (saving it creates one)."""
    doc = tomlkit.document()
    for line in header.splitlines():
        doc.add(tomlkit.comment(line))
    return PlanFile(path=Path(path), plan=plan, doc=doc)


def dumps(plan: Plan) -> str:
    return new_file(plan, "plan.toml").dumps()


def parse_doc(text: str, path: Path | str = "<text>") -> TOMLDocument:
    return parse(Path(path), text)


def loads(text: str, path: Path | str = "<text>") -> Plan:
    path = Path(path)
    return _Reader(path, text).plan(parse(path, text))


# ---------------------------------------------------------------------------- reading


class _Reader:
    def __init__(self, path: Path, text: str):
        self.path = path
        self.locator = Locator(text)

    def fail(self, message: str, line: int | None) -> PlanFileError:
        return PlanFileError(message, self.path, line)

    def where(self, key: str, line: int | None) -> int | None:
        """The line of ``key`` in the table at ``line``: searched only for an error message,
        never for a key that is fine (a lookup per key made reading a plan quadratic)."""
        return self.locator.key(key, line)

    def plan(self, doc: TOMLDocument) -> Plan:
        schema = plain(doc.get("schema"))
        if schema is None:
            raise self.fail("missing 'schema = 1' at the top of the file", 1)
        if schema != SCHEMA:
            raise self.fail(
                f"schema {schema!r} is not supported (this planwriter reads schema {SCHEMA})",
                self.locator.key("schema", None),
            )
        for key in doc:
            if key not in ("schema", "plan", "item"):
                raise self.fail(f"unknown top-level key '{key}'", self.locator.key(key, None) or 1)
        table = doc.get("plan")
        if not isinstance(table, dict):
            raise self.fail("missing [plan] table", 1)
        meta = self.meta(table)
        raw_items = doc.get("item", [])
        if not isinstance(raw_items, list):
            raise self.fail(
                "'item' must be an array of tables ([[item]])", self.locator.key("item", None)
            )
        return Plan(meta=meta, items=self.items(raw_items))

    def fields(
        self,
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
                raise self.fail(f"unknown key '{key}' in {where}", self.locator.key(key, line))
        for key, kind, required in keys:
            value = plain(table.get(key))
            if value is None:
                if required:
                    raise self.fail(f"{where} is missing '{key}'", line)
                continue
            if not _is(value, kind):
                raise self.fail(
                    f"'{key}' in {where} must be {_TYPE_NAMES[kind]}, not {_describe(value)}",
                    self.where(key, line),
                )
            for text in _strings(value):
                problem = text_problem(text)
                if problem:
                    raise self.fail(f"'{key}' in {where}: {problem}", self.where(key, line))
            if key in _ROW_KEYS:
                if not all(
                    isinstance(row, list) and all(isinstance(c, str) for c in row)
                    for row in value
                ):
                    raise self.fail(
                        f"'{key}' in {where} must be an array of rows (arrays of strings)",
                        self.where(key, line),
                    )
                for row in value:
                    for cell in row:
                        problem = text_problem(cell)
                        if problem:
                            raise self.fail(
                                f"'{key}' in {where}: {problem}", self.where(key, line)
                            )
            elif isinstance(value, list) and not all(isinstance(v, str) for v in value):
                raise self.fail(
                    f"'{key}' in {where} must be an array of strings", self.where(key, line)
                )
            out[key] = value
        return out

    def meta(self, table: Any) -> Meta:
        line = self.locator.table("plan")
        values = self.fields(table, _META_KEYS, "[plan]", line, nested=("parent", "signature"))
        meta = Meta(
            level=self.enum(Level, values["level"], "level", line),
            family=self.enum(Family, values.get("family", "party"), "family", line),
            doc_type=values["type"],
            number=values.get("number", ""),
            issuer_symbol=values.get("issuer_symbol", ""),
            superior_body=_lines(values.get("superior_body", "")),
            issuing_body=_lines(values.get("issuing_body", "")),
            place=values.get("place", ""),
            date=_date(values.get("date")),
            summary=_lines(values.get("summary", "")),
            recipients=list(values.get("recipients", [])),
            addressees=list(values.get("addressees", [])),
            tasks_in_appendix=values.get("tasks_in_appendix", False),
            numbering=list(values.get("numbering", DEFAULT_NUMBERING)),
            source=values.get("source", ""),
            profile=values.get("profile", ""),
        )
        parent = table.get("parent")
        if parent is not None:
            pline = self.locator.table("plan.parent")
            if not isinstance(parent, dict):
                raise self.fail(
                    "'parent' in [plan] must be a table", self.locator.key("parent", line)
                )
            p = self.fields(parent, _PARENT_KEYS, "[plan.parent]", pline)
            meta.parent = ParentRef(
                ref=p.get("ref", ""),
                number=p["number"],
                date=_date(p.get("date")),
                issuer=p.get("issuer", ""),
                title=p.get("title", ""),
            )
        signature = table.get("signature")
        if signature is not None:
            sline = self.locator.table("plan.signature")
            if not isinstance(signature, dict):
                raise self.fail(
                    "'signature' in [plan] must be a table", self.locator.key("signature", line)
                )
            s = self.fields(signature, _SIGNATURE_KEYS, "[plan.signature]", sline)
            meta.signature = Signature(**s)
        return meta

    def enum(self, enum: Any, value: str, key: str, line: int | None) -> Any:
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise self.fail(
                f"unknown {key} '{value}' (expected one of: {allowed})", self.locator.key(key, line)
            ) from None

    def items(self, tables: list[Any]) -> list[Item]:
        roots: list[Item] = []
        by_id: dict[str, Item] = {}
        id_lines: dict[str, int | None] = {}
        indicator_ids: dict[str, int | None] = {}
        for index, table in enumerate(tables):
            line = self.locator.table("item", index)
            if not isinstance(table, dict):
                raise self.fail("each [[item]] must be a table", line)
            v = self.fields(table, _ITEM_KEYS, "[[item]]", line, nested=("indicator",))
            item_id = v["id"]
            if item_id in by_id:
                first = id_lines[item_id]
                raise self.fail(
                    f"duplicate item id '{item_id}' (first used on line {first})",
                    self.locator.key("id", line),
                )
            origin = v.get("origin", [])
            item = Item(
                id=item_id,
                kind=self.enum(Kind, v["kind"], "kind", line),
                title=v.get("title", ""),
                text=v.get("text", ""),
                lead=v.get("lead", ""),
                partners=list(v.get("partners", [])),
                deadline=v.get("deadline", ""),
                output=v.get("output", ""),
                attached=v.get("attached", ""),
                header=[list(row) for row in v.get("header", [])],
                rows=[list(row) for row in v.get("rows", [])],
                origin=[origin] if isinstance(origin, str) else list(origin),
                disposition=self.enum(Disposition, v["disposition"], "disposition", line)
                if "disposition" in v
                else None,
                reason=v.get("reason", ""),
            )
            if (
                item.disposition
                in (
                    Disposition.ADOPTED,
                    Disposition.LOCALIZED,
                    Disposition.ADAPTED,
                    Disposition.DROPPED,
                )
                and not item.origin
            ):
                raise self.fail(
                    f"item '{item_id}' is {item.disposition.value} but names no origin",
                    self.locator.key("disposition", line),
                )
            if item.disposition is Disposition.ADDED and item.origin:
                raise self.fail(
                    f"item '{item_id}' is added but names an origin",
                    self.locator.key("origin", line),
                )
            if item.kind is Kind.APPENDIX and v.get("under") is not None:
                raise self.fail(
                    f"appendix '{item_id}' must be at the top level (no 'under')",
                    self.locator.key("under", line),
                )
            item.indicators = self.indicators(
                table.get("indicator", []), item_id, line, indicator_ids
            )
            under = v.get("under")
            if under is None:
                roots.append(item)
            elif under in by_id:
                by_id[under].children.append(item)
            else:
                raise self.fail(
                    f"item '{item_id}' is under '{under}', which is not an earlier item",
                    self.locator.key("under", line),
                )
            by_id[item_id] = item
            id_lines[item_id] = self.locator.key("id", line)
        return roots

    def indicators(
        self, tables: Any, item_id: str, item_line: int | None, seen: dict[str, int | None]
    ) -> list[Indicator]:
        if not isinstance(tables, list):
            raise self.fail(
                "'indicator' must be an array of tables ([[item.indicator]])", item_line
            )
        out = []
        for index, table in enumerate(tables):
            line = self.locator.table("item.indicator", index, after=item_line or 0)
            if not isinstance(table, dict):
                raise self.fail("each [[item.indicator]] must be a table", line)
            v = self.fields(table, _INDICATOR_KEYS, "[[item.indicator]]", line)
            if v["id"] in seen:
                raise self.fail(
                    f"duplicate indicator id '{v['id']}' (first used on line {seen[v['id']]})",
                    self.locator.key("id", line),
                )
            seen[v["id"]] = self.locator.key("id", line)
            out.append(
                Indicator(
                    id=v["id"],
                    name=v["name"],
                    value=v["value"],
                    unit=v.get("unit", ""),
                    comparator=v.get("comparator", "đạt"),
                    year=v.get("year"),
                    direction=self.enum(Direction, v.get("direction", "up"), "direction", line),
                )
            )
        return out


def _is(value: Any, kind: Any) -> bool:
    if kind is dt.date:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if kind is int or kind == (int, float):
        return isinstance(value, kind) and not isinstance(value, bool)
    return isinstance(value, kind)


def _describe(value: Any) -> str:
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


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _lines(value: str | list[str]) -> str:
    """A header value written as one string or as an array of lines, lines joined by newlines."""
    return "\n".join(value) if isinstance(value, list) else value


def _unlines(value: str) -> str | list[str]:
    """How the file stores a header value: an array when it holds line breaks."""
    return value.split("\n") if "\n" in value else value


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    return dt.date(value.year, value.month, value.day)


def check_origins_against_parent(path: Path, plan: Plan, locator: Locator | None = None) -> None:
    """Every origin of a child plan must name an item of the parent it cites."""
    if plan.meta.parent is None or not plan.meta.parent.ref:
        return
    from planwriter.library import resolve_parent

    locator = locator or Locator(read_text(path))
    pline = locator.table("plan.parent")
    parent_path = resolve_parent(plan.meta.parent.ref, path)
    if parent_path is None:
        raise PlanFileError(
            f"parent plan '{plan.meta.parent.ref}' not found", path, locator.key("ref", pline)
        )
    parent_ids = set(load(parent_path, check_origins=False).plan.index())
    for index, (item, _, _) in enumerate(plan.walk()):
        for origin in item.origin:
            if origin not in parent_ids:
                line = locator.key(
                    "origin", locator.table("item", _file_index(locator, item.id, index))
                )
                raise PlanFileError(
                    f"item '{item.id}' has origin '{origin}', which is not an item of "
                    f"{plan.meta.parent.number or plan.meta.parent.ref}",
                    path,
                    line,
                )


def _file_index(locator: Locator, item_id: str, fallback: int) -> int:
    """The position of item ``item_id``'s [[item]] table in the file."""
    n = 0
    for number, header in locator.headers:
        if header != "item":
            continue
        nxt = locator.key("id", number)
        if nxt is not None and nxt != number:
            line = locator.lines[nxt - 1]
            if line.split("=", 1)[1].strip().strip("\"'").split('"')[0] == item_id:
                return n
        n += 1
    return fallback


# ---------------------------------------------------------------------------- writing


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
    _put(table, "superior_body", _unlines(m.superior_body))
    _put(table, "issuing_body", _unlines(m.issuing_body))
    _put(table, "place", m.place)
    _put(table, "date", m.date)
    _put(table, "summary", _unlines(m.summary), multiline=True)
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
