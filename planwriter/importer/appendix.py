"""The task appendix of an exported plan ("PHỤ LỤC … NHIỆM VỤ CỤ THỂ"): a table of group rows
(the section the tasks sit in, by label and title) and task rows (STT, task, lead agency,
partners, deadline, output). Its tasks go back under their sections."""

from __future__ import annotations

from itertools import groupby

from planwriter import docstyles
from planwriter.importer.source import Line
from planwriter.model import Item, Kind, Plan, split_partners
from planwriter.numbering import labels


def find_appendix(lines: list[Line]) -> int | None:
    """Index of the appendix title, if the document has one."""
    for index, line in enumerate(lines):
        if line.style == docstyles.APPENDIX_TITLE:
            return index
    return None


def read_appendix(lines: list[Line], plan: Plan) -> list[Line]:
    """Put the appendix's tasks under their sections in ``plan``; return the lines not used."""
    numbers = labels(plan)
    sections = {
        (numbers.get(item.id, ""), item.title or item.text): item
        for item, _, _ in plan.walk()
        if item.kind is Kind.SECTION
    }
    unused: list[Line] = []
    group: Item | None = None
    count = 0
    table_rows = [line for line in lines if line.in_table]
    for _, row in groupby(table_rows, key=lambda line: line.cell):
        cells = list(row)
        texts = [cell.text.strip() for cell in cells]
        style = cells[0].style
        if style == docstyles.TABLE_TEXT and len(texts) == 6 and group is not None:
            number, text, lead, partners, deadline, output = texts
            count += 1
            group.children.append(
                Item(
                    id=f"{group.id}-nv{count}",
                    kind=Kind.TASK,
                    text=text,
                    lead=lead,
                    partners=split_partners(partners),
                    deadline=deadline,
                    output=output,
                )
            )
        elif style == "Plan Table Group" and texts:
            label, _, title = (
                texts[0].partition(" ") if len(texts) == 1 else (texts[0], "", texts[1])
            )
            group, count = sections.get((label, title.strip())), 0
            if group is None:
                unused.extend(cells)
        elif style != "Plan Table Heading":
            unused.extend(cells)
    plan.meta.tasks_in_appendix = True
    return unused
