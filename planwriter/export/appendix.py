"""The task appendix: a landscape table of the plan's tasks, numbered per group.

11-KH/TU puts its concrete tasks in a "Phụ lục" (STT, task, lead agency, partners, deadline,
output). ``task_rows`` is the one reading of the plan that both the .docx table and the
CSV/XLSX register (register.py) write, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from planwriter import docstyles
from planwriter.bodies import body_name
from planwriter.export import styles as st
from planwriter.export.body import nested_depth
from planwriter.export.header import set_borders
from planwriter.export.layout import Layout
from planwriter.export.tables import row_flags, write_cell
from planwriter.model import Item, Kind, Plan, join_partners
from planwriter.numbering import labels
from planwriter.render import item_line

APPENDIX_TITLE_MM = 200  # the widest line of an appendix title on a landscape page
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
    head: str = ""  # a group's title when its section has a text too: the bold part of task

    def cells(self) -> list[str]:
        return [st.nfc(x) for x in (self.number, self.task, self.lead, self.partners,
                                    self.deadline, self.output)]


def task_rows(plan: Plan, items: list[Item] | None = None, *,
              outline: bool = False) -> list[TaskRow]:
    """Every task not dropped (of ``items``, by default the whole plan), under a group row
    for the section that holds it, numbered 1, 2, … within each group.

    With ``outline`` (an appendix the plan holds, which has no other place to show its
    sections) every section gets its group row, those holding no task directly too, so the
    table shows the appendix's whole outline and import can rebuild it from the labels."""
    return [entry for entry in _entries(plan, items, outline=outline, prose=False)
            if isinstance(entry, TaskRow)]


Prose = tuple[Item, int]  # an item written as the body writes it, with its bullet depth


def appendix_entries(plan: Plan, items: list[Item]) -> list[TaskRow | Prose]:
    """An appendix's content in reading order: the rows of its task table (its whole
    outline, as ``task_rows(outline=True)``) and, where they stand among them, the items
    that are neither sections nor tasks (paragraphs, bullets, objectives, tables) with
    their bullet depth, each once, its own children after it."""
    return list(_entries(plan, items, outline=True, prose=True))


def _entries(plan: Plan, items: list[Item] | None, *, outline: bool,
             prose: bool) -> Iterator[TaskRow | Prose]:
    numbers = labels(plan)
    counter = 0
    current: str | None = None

    def group(section: Item) -> TaskRow:
        nonlocal counter, current
        current, counter = section.id, 0
        if not outline:  # the body writes the section; its row names it, as import finds it
            return TaskRow(True, numbers[section.id], section.title or section.text)
        head = section.title if section.title and section.text else ""
        return TaskRow(True, numbers[section.id], section.content(), head=head)

    def visit(items: list[Item], section: Item | None,
              bullet_depth: int) -> Iterator[TaskRow | Prose]:
        nonlocal counter, current
        for item in items:
            if item.dropped:
                continue
            if item.kind is Kind.TASK:
                group_id = section.id if section is not None else None
                if group_id != current:
                    current, counter = group_id, 0
                    if section is not None:
                        yield group(section)
                counter += 1
                yield TaskRow(False, str(counter), _task_text(item, numbers), item.lead,
                              join_partners(item.partners), item.deadline, item.output)
                continue
            if item.kind is Kind.APPENDIX:
                current = None
                yield from visit(item.children, None, 0)
                continue
            if item.kind is Kind.SECTION:
                if outline:
                    yield group(item)
                yield from visit(item.children, item, 0)
                continue
            if prose:
                yield item, bullet_depth
            yield from visit(item.children, section, nested_depth(item, bullet_depth))

    yield from visit(plan.items if items is None else items, None, 0)


def has_tasks(items: list[Item]) -> bool:
    """Whether any task (not dropped) sits in ``items`` or under them."""
    return any(not item.dropped and (item.kind is Kind.TASK or has_tasks(item.children))
               for item in items)


def _task_text(item: Item, numbers: dict[str, str]) -> str:
    """The task's text and, one per line, everything under it: "- " what it lists, "+ " what
    those list in turn, each with any lead or deadline it was given (render.py's line)."""
    lines = [item.content()]

    def under(children: list[Item], mark: str) -> None:
        for child in children:
            if not child.dropped:
                lines.append(item_line(child, mark))
                under(child.children, "+")

    under(item.children, "-")
    return "\n".join(lines)


def attached_line(plan: Plan) -> str:
    """ "(Kèm theo Kế hoạch số 363-KH/HU, ngày 23/4/2025 của Huyện ủy Tam Đường)"."""
    meta = plan.meta
    kind = meta.type_name[:1] + meta.type_name[1:].lower()
    if not meta.number:
        return f"(Kèm theo {kind} này)"
    when = ""
    if meta.date is not None:  # the zero rule of Meta.place_date: day < 10, months 1–2
        month = f"{meta.date.month:02d}" if meta.date.month < 3 else str(meta.date.month)
        when = f", ngày {meta.date.day:02d}/{month}/{meta.date.year}"
    issuer = body_name(meta.issuing_body)
    of = f" của {issuer}" if issuer else ""
    return f"(Kèm theo {kind} số {meta.symbol()}{when}{of})"


def landscape_section(document: Any, layout: Layout) -> None:
    """A new landscape A4 section for a wide table, numbered on its first page too."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(layout.page_height), Mm(layout.page_width)
    top, bottom, left, right = layout.appendix_margins
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.different_first_page_header_footer = False


def portrait_section(document: Any, layout: Layout) -> None:
    """A new portrait section with the body's page, numbered on its first page too."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(layout.page_width), Mm(layout.page_height)
    section.top_margin, section.bottom_margin = Mm(layout.margin_top), Mm(layout.margin_bottom)
    section.left_margin, section.right_margin = Mm(layout.margin_left), Mm(layout.margin_right)
    section.different_first_page_header_footer = False


def add_appendix(document: Any, plan: Plan, layout: Layout) -> None:
    """The generated "Phụ lục" of the body's tasks: a landscape page, its title, the
    "(Kèm theo …)" line, and the task table."""
    landscape_section(document, layout)
    meta = plan.meta
    document.add_paragraph("PHỤ LỤC", style=docstyles.APPENDIX_TITLE)
    summary = meta.one_line(meta.summary)
    title = "NHIỆM VỤ CỤ THỂ" + (f" {summary.upper()}" if summary else "")
    from planwriter.export.header import add_lines
    from planwriter.export.summary import balance

    font = layout.appendix_title
    lines = balance(st.nfc(title), font.size, bold=font.bold, width_mm=APPENDIX_TITLE_MM)
    add_lines(document.add_paragraph(style=docstyles.APPENDIX_TITLE), lines)
    document.add_paragraph(st.nfc(attached_line(plan)), style=docstyles.ATTACHED)
    document.add_paragraph(style=st.RULE)
    add_task_table(document, task_rows(plan, plan.body()), layout)


def add_plan_appendix(document: Any, plan: Plan, item: Item, layout: Layout,
                      style_ids: dict[str, str]) -> None:
    """A "Phụ lục" the plan holds (Kind.APPENDIX): its label, heading and "(Kèm theo …)"
    line, then its content numbered afresh — tasks as the task table, other items as the
    body writes them, tables as tables. Landscape when it holds tasks or a wide table."""
    from planwriter.export.body import BodyWriter, body_paragraphs

    wide = has_tasks(item.children) or any(
        len(row) > 5 for child, _, _ in _walk(item.children) if child.kind is Kind.TABLE
        for row in child.header + child.rows)
    (landscape_section if wide else portrait_section)(document, layout)
    # Its own style: import reads a "PHỤ LỤC" heading as the start of an appendix, and the
    # generated task appendix's title (APPENDIX_TITLE) as that of planwriter's register.
    document.add_paragraph(st.nfc(item.title or "PHỤ LỤC"), style=docstyles.APPENDIX_HEADING)
    if item.text:
        document.add_paragraph(st.nfc(item.text), style=docstyles.APPENDIX_HEADING)
    if item.attached:
        document.add_paragraph(st.nfc(item.attached), style=docstyles.ATTACHED)
    document.add_paragraph(style=st.RULE)
    writer = BodyWriter(document, style_ids, layout)
    numbers = labels(plan)
    if has_tasks(item.children):
        _write_with_tasks(document, plan, item, layout, writer, numbers)
    else:
        writer.write_items(body_paragraphs(item.children, skip_tasks=False, numbers=numbers))


def _write_with_tasks(document: Any, plan: Plan, item: Item, layout: Layout, writer: Any,
                      numbers: dict[str, str]) -> None:
    """An appendix holding tasks, in reading order: its sections and tasks as rows of the
    task table, and what else it holds (a section's paragraphs, bullets, tables, the notes
    and footnotes under the table) as the body writes it, where it stands among them.

    Such an item breaks the table: it is written full width between two parts of the table,
    the second with its header row again and its tasks numbered on from the first. A
    paragraph is prose; squeezed into a merged row of the register it would read as one of
    its rows, and a table or a list of bullets does not fit in one. Between two parts of
    the table it reads as the original prints it: a group's explanation under its group
    row, a "Ghi chú" or the footnotes under the table. Import reads the parts back as one
    table (importer/styledtables.py keeps the open groups from one part to the next)."""
    from planwriter.export.body import item_paragraph

    rows: list[TaskRow] = []
    last_table = False  # Word joins two tables with nothing between them into one

    def flush() -> None:
        nonlocal rows, last_table
        if rows:
            if last_table:
                writer.paragraph(docstyles.BODY, [])
            add_task_table(document, rows, layout)
            rows, last_table = [], True

    for entry in appendix_entries(plan, item.children):
        if isinstance(entry, TaskRow):
            rows.append(entry)
            continue
        flush()
        child, bullet_depth = entry
        if child.kind is Kind.TABLE:
            if last_table:
                writer.paragraph(docstyles.BODY, [])
            writer.write_items([child])
            last_table = True
        else:
            writer.write_items([item_paragraph(child, numbers[child.id], bullet_depth)])
            last_table = False
    flush()


def _walk(items: list[Item]) -> Any:
    for item in items:
        yield item, None, 0
        yield from _walk(item.children)


def add_task_table(document: Any, rows: list[TaskRow], layout: Layout) -> Any:
    """The bordered table: a header row repeated on each page, rows that never split, every
    cell (the header's too) as wide as its column."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.autofit = False
    set_borders(table, "single")
    for column, width in zip(table.columns, layout.appendix_columns, strict=True):
        column.width = Mm(width)
    for cell, text, width in zip(table.rows[0].cells, COLUMNS, layout.appendix_columns,
                                 strict=True):
        cell.width = Mm(width)
        write_cell(cell, text, st.TABLE_HEADING)
    row_flags(table.rows[0], header=True)
    for row in rows:
        cells = table.add_row().cells
        for cell, width in zip(cells, layout.appendix_columns, strict=True):
            cell.width = Mm(width)
        if row.group:
            write_cell(cells[0], row.number, st.TABLE_GROUP)
            merged = cells[1].merge(cells[-1])
            write_cell(merged, row.head or row.task, st.TABLE_GROUP)
            if row.head:  # the section's text after its title, as the body runs it on
                merged.paragraphs[0].add_run(st.nfc(row.task[len(row.head):])).bold = False
        else:
            for cell, text in zip(cells, row.cells(), strict=True):
                write_cell(cell, text, docstyles.TABLE_TEXT)
            cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        row_flags(table.rows[-1], header=False)
    return table
