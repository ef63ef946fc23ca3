"""What an exported .docx holds, read back with python-docx, set against the plan: the text
of every item not dropped must be in it, and written as many times as the plan holds it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from planwriter.model import Item, Kind, Plan

MIN_COUNTED = 16  # shorter strings ("x", "UBND xã") recur in boilerplate and labels


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def document_units(path: Path) -> list[str]:
    """Every paragraph of the body and every table cell (a merged cell once), in order."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    units: list[str] = []

    def text(p: object) -> str:
        return Paragraph(p, document).text  # type: ignore[arg-type]

    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            units.append(squash(text(child)))
        elif child.tag == qn("w:tbl"):
            for tc in child.iter(qn("w:tc")):
                units.append(squash(" ".join(text(p) for p in tc.iter(qn("w:p")))))
    return [u for u in units if u]


def item_fields(item: Item) -> Iterator[str]:
    """What the user wrote in ``item``, one string each."""
    for value in (item.title, item.text, item.attached, item.lead, *item.partners,
                  item.deadline, item.output):
        if value.strip():
            yield squash(value)
    for row in item.header + item.rows:
        for cell in row:
            if cell.strip():
                yield squash(cell)


def boilerplate(plan: Plan, tmp: Path) -> list[str]:
    """What an export writes of ``plan`` without any of its items: header, signature, Nơi
    nhận, the lines an export makes up from the plan's facts."""
    from planwriter.export import export_docx

    path = tmp / "boilerplate.docx"
    path.unlink(missing_ok=True)
    export_docx(Plan(meta=plan.meta, items=[]), path)
    return document_units(path)


def problems(plan: Plan, path: Path) -> list[str]:
    """Each item field missing from the export, or written more often than the plan holds it:
    in the lines render.py makes of its items (a bullet's "- ", a task's fields) and in
    what an export of the plan without items writes (sections' titles excepted from the
    count: a task table repeats a group's row)."""
    from planwriter.numbering import labels
    from planwriter.render import item_line

    units = document_units(path)
    items = [item for item, _, _ in plan.walk(include_dropped=False)]
    numbers = labels(plan)
    # each item once, as a line of text (its fields are in it), and the boilerplate
    everything = [squash(item_line(item, numbers[item.id])) for item in items]
    everything += boilerplate(plan, path.parent)
    out: list[str] = []
    for item in items:
        for field in item_fields(item):
            found = sum(unit.count(field) for unit in units)
            if not found:
                out.append(f"missing {item.id} ({item.kind.value}): {field[:70]!r}")
                continue
            if item.kind in (Kind.SECTION, Kind.APPENDIX) or len(field) < MIN_COUNTED:
                continue
            held = sum(f.count(field) for f in everything)
            if found > held:
                out.append(f"{found}× (plan has {held}) {item.id} ({item.kind.value}): "
                           f"{field[:70]!r}")
    return out
