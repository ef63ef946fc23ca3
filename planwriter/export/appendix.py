"""The task appendix: a landscape table of the plan's tasks, numbered per group.

11-KH/TU puts its concrete tasks in a "Phụ lục" (STT, task, lead agency, partners, deadline,
output). ``task_rows`` is the one reading of the plan that both the .docx table and the
CSV/XLSX register (register.py) write, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planwriter import docstyles
from planwriter.export import styles as st
from planwriter.export.header import set_borders
from planwriter.export.layout import Layout
from planwriter.model import Item, Kind, Plan, join_partners
from planwriter.numbering import labels

COLUMNS = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
           "Sản phẩm")


@dataclass
class TaskRow:
    """One row of the register: a group (the section the tasks sit in) or a task."""

    group: bool
    number: str
    task: str
    lead: str = ""
    partners: str = ""
    deadline: str = ""
    output: str = ""

    def cells(self) -> list[str]:
        return [st.nfc(x) for x in (self.number, self.task, self.lead, self.partners,
                                    self.deadline, self.output)]


def task_rows(plan: Plan) -> list[TaskRow]:
    """Every task not dropped, under a group row for the section that holds it, numbered
    1, 2, … within each group."""
    numbers = labels(plan)
    rows: list[TaskRow] = []
    counter = 0
    current: str | None = None

    def visit(items: list[Item], section: Item | None) -> None:
        nonlocal counter, current
        for item in items:
            if item.dropped:
                continue
            if item.kind is Kind.TASK:
                group_id = section.id if section is not None else None
                if group_id != current:
                    current, counter = group_id, 0
                    if section is not None:
                        title = section.title or section.text
                        rows.append(TaskRow(True, numbers[section.id], title))
                counter += 1
                rows.append(TaskRow(False, str(counter), _task_text(item), item.lead,
                                    join_partners(item.partners), item.deadline, item.output))
                continue
            visit(item.children, item if item.kind is Kind.SECTION else section)

    visit(plan.items, None)
    return rows


def _task_text(item: Item) -> str:
    """The task's text and, one per line, what it lists under it."""
    lines = [item.content()]
    for child in item.children:
        if not child.dropped:
            lines.append(f"- {child.content()}")
    return "\n".join(lines)


def add_appendix(document: Any, plan: Plan, layout: Layout) -> None:
    """A new landscape section: "PHỤ LỤC", its title, and the task table."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(layout.page_height), Mm(layout.page_width)
    top, bottom, left, right = layout.appendix_margins
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.different_first_page_header_footer = False  # numbered on its first page too
    meta = plan.meta
    document.add_paragraph("PHỤ LỤC", style=docstyles.APPENDIX_TITLE)
    title = "NHIỆM VỤ CỤ THỂ" + (f" {meta.summary.upper()}" if meta.summary else "")
    document.add_paragraph(st.nfc(title), style=docstyles.APPENDIX_TITLE)
    kind = meta.type_name[:1] + meta.type_name[1:].lower()
    if meta.number:
        when = ""
        if meta.date is not None:  # the zero rule of Meta.place_date: day < 10, months 1–2
            month = f"{meta.date.month:02d}" if meta.date.month < 3 else str(meta.date.month)
            when = f", ngày {meta.date.day:02d}/{month}/{meta.date.year}"
        note = f"(Kèm theo {kind} số {meta.symbol()}{when})"
    else:
        note = f"(Kèm theo {kind} này)"
    document.add_paragraph(st.nfc(note), style=st.HEADER_DATE)
    document.add_paragraph(style=st.RULE)
    add_task_table(document, task_rows(plan), layout)


def add_task_table(document: Any, rows: list[TaskRow], layout: Layout) -> Any:
    """The bordered table: a header row repeated on each page, rows that never split."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.autofit = False
    set_borders(table, "single")
    for column, width in zip(table.columns, layout.appendix_columns, strict=True):
        column.width = Mm(width)
    for cell, text in zip(table.rows[0].cells, COLUMNS, strict=True):
        _write(cell, text, st.TABLE_HEADING)
    _row_flags(table.rows[0], header=True)
    for row in rows:
        cells = table.add_row().cells
        for cell, width in zip(cells, layout.appendix_columns, strict=True):
            cell.width = Mm(width)
        if row.group:
            _write(cells[0], row.number, st.TABLE_GROUP)
            merged = cells[1].merge(cells[-1])
            _write(merged, row.task, st.TABLE_GROUP)
        else:
            for cell, text in zip(cells, row.cells(), strict=True):
                _write(cell, text, docstyles.TABLE_TEXT)
            cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _row_flags(table.rows[-1], header=False)
    return table


def _write(cell: Any, text: str, style: str) -> None:
    """Fill a cell: one paragraph per line of ``text``, in ``style``."""
    lines = st.nfc(text).split("\n")
    first = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    first.style = style
    first.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line, style=style)


def _row_flags(row: Any, *, header: bool) -> None:
    """cantSplit on every row; tblHeader on the header row so it repeats on each page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(st.make("cantSplit"))
    if header:
        tr_pr.append(st.make("tblHeader"))
