"""Reading a plan file: the parsed TOML tables turned into a ``Plan``, each problem raised as
a ``PlanFileError`` naming the file and line (the value checks are in ``validate``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planwriter.errors import PlanFileError
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
from planwriter.planfile.rules import MAX_DEPTH, disposition_problem, id_problem, number_problem
from planwriter.planfile.schema import (
    INDICATOR_KEYS,
    ITEM_KEYS,
    META_KEYS,
    PARENT_KEYS,
    SCHEMA,
    SIGNATURE_KEYS,
    as_date,
    lines,
)
from planwriter.planfile.validate import check_fields
from planwriter.tomlio import Locator, NoLines, plain


class Reader:
    def __init__(self, path: Path, text: str, lines: bool = True):
        self.path = path
        self.locator = Locator(text) if lines else NoLines()
        # The line of each item's [[item]] header, by id (for errors found after reading).
        self.item_lines: dict[str, int | None] = {}
        self.result: Plan | None = None

    def fail(self, message: str, line: int | None) -> PlanFileError:
        return PlanFileError(message, self.path, line)

    def plan(self, doc: Any) -> Plan:
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
        return check_fields(self, table, keys, where, line, nested)

    def meta(self, table: Any) -> Meta:
        line = self.locator.table("plan")
        values = self.fields(table, META_KEYS, "[plan]", line, nested=("parent", "signature"))
        meta = Meta(
            level=self.enum(Level, values["level"], "level", line),
            family=self.enum(Family, values.get("family", "party"), "family", line),
            doc_type=values["type"],
            number=values.get("number", ""),
            issuer_symbol=values.get("issuer_symbol", ""),
            superior_body=lines(values.get("superior_body", "")),
            issuing_body=lines(values.get("issuing_body", "")),
            place=values.get("place", ""),
            date=as_date(values.get("date")),
            summary=lines(values.get("summary", "")),
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
            p = self.fields(parent, PARENT_KEYS, "[plan.parent]", pline)
            meta.parent = ParentRef(
                ref=p.get("ref", ""),
                number=p["number"],
                date=as_date(p.get("date")),
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
            s = self.fields(signature, SIGNATURE_KEYS, "[plan.signature]", sline)
            meta.signature = Signature(**s)
        return meta

    def enum(self, enum: Any, value: str, key: str, line: int | None) -> Any:
        found = _MEMBERS[enum].get(value)
        if found is not None:
            return found
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
        depth: dict[str, int] = {}
        indicator_ids: dict[str, int | None] = {}
        locate = self.locator.indexed  # else every line is None (the optimistic reading)
        for index, table in enumerate(tables):
            line = self.locator.table("item", index) if locate else None
            if not isinstance(table, dict):
                raise self.fail("each [[item]] must be a table", line)
            v = self.fields(table, ITEM_KEYS, "[[item]]", line, nested=("indicator",))
            item_id = v["id"]
            problem = id_problem(item_id)
            if problem:
                raise self.fail(f"item {problem}", self.locator.key("id", line))
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
            problem = disposition_problem(item_id, item.disposition, item.origin)
            if problem:
                key = "origin" if item.disposition is Disposition.ADDED else "disposition"
                raise self.fail(problem, self.locator.key(key, line))
            if item.kind is Kind.APPENDIX and v.get("under") is not None:
                raise self.fail(
                    f"appendix '{item_id}' must be at the top level (no 'under')",
                    self.locator.key("under", line),
                )
            if "indicator" in table:
                item.indicators = self.indicators(table["indicator"], item_id, line, indicator_ids)
            under = v.get("under")
            if under is None:
                roots.append(item)
                depth[item_id] = 0
            elif under in by_id:
                by_id[under].children.append(item)
                depth[item_id] = depth[under] + 1
                if depth[item_id] >= MAX_DEPTH:
                    raise self.fail(
                        f"item '{item_id}' is nested deeper than {MAX_DEPTH} levels",
                        self.locator.key("under", line),
                    )
            else:
                raise self.fail(
                    f"item '{item_id}' is under '{under}', which is not an earlier item",
                    self.locator.key("under", line),
                )
            by_id[item_id] = item
            id_lines[item_id] = self.locator.key("id", line) if locate else None
            self.item_lines[item_id] = line
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
            v = self.fields(table, INDICATOR_KEYS, "[[item.indicator]]", line)
            problem = id_problem(v["id"]) or number_problem(v["value"])
            if problem:
                key = "value" if number_problem(v["value"]) else "id"
                raise self.fail(f"indicator {problem}", self.locator.key(key, line))
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




# Each enum's members by value: looked up for every item, where ``Kind(value)`` costs more.
_MEMBERS: dict[Any, dict[str, Any]] = {
    enum: {member.value: member for member in enum}
    for enum in (Kind, Disposition, Level, Family, Direction)
}


def read(path: Path, text: str, data: Any) -> Reader:
    """Read ``data`` (the parsed tables of ``text``) into ``reader.plan``. The first reading
    finds no lines; only if it fails is the file read again with its lines indexed, so the
    error names its line and a valid file never pays for locating."""
    reader = Reader(path, text, lines=False)
    try:
        reader.result = reader.plan(data)
    except PlanFileError:
        located = Reader(path, text)
        located.result = located.plan(data)  # raises the same error, with its line
        raise
    return reader
