"""``--docx``: a comparison report a reviewer can print. The counts, the indicator table,
then every changed item with its place in both plans, deleted words struck through in red
and inserted words underlined in blue, and the reason the child gives for a dropped item."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from planwriter.diff.docxbase import new_document, save
from planwriter.diff.model import ItemChange, PlanDiff, Status
from planwriter.diff.terminal import (
    CHANGE_NAMES,
    heading,
    note,
    shown,
    status_text,
    summary_lines,
    symbol,
    where,
)
from planwriter.indicators import Change
from planwriter.render import item_line

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

RED = (0xC0, 0x00, 0x00)
BLUE = (0x00, 0x33, 0xCC)


def _run(
    paragraph: Paragraph,
    text: str,
    *,
    deleted: bool = False,
    inserted: bool = False,
    bold: bool = False,
    italic: bool = False,
) -> None:
    from docx.shared import RGBColor

    if not text:
        return
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if deleted:
        run.font.strike = True
        run.font.color.rgb = RGBColor(*RED)
    if inserted:
        run.font.underline = True
        run.font.color.rgb = RGBColor(*BLUE)


def _item(document: Document, change: ItemChange, folded: int) -> None:
    head = document.add_paragraph()
    _run(head, f"{where(change)} — {status_text(change)}", bold=True)
    body = document.add_paragraph()
    if change.status is Status.ADAPTED:
        for op in change.words:
            if op.op == "equal":
                _run(body, op.new)
            else:
                _run(body, op.old, deleted=True)
                _run(body, op.new, inserted=True)
    elif change.status is Status.DROPPED and change.parent is not None:
        _run(body, item_line(change.parent, ""), deleted=True)
    elif change.status is Status.ADDED and change.child is not None:
        _run(body, item_line(change.child, ""), inserted=True)
    else:
        item = change.child or change.parent
        _run(body, item_line(item, "") if item is not None else "")
    remark = note(change, folded)
    if remark:
        _run(document.add_paragraph(), remark, italic=True)


def _widths(table: Any, widths_mm: tuple[int, ...]) -> None:
    # Word honours cell widths, LibreOffice the grid: set both, and no autofit.
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def build(diff: PlanDiff) -> Document:
    """The report as a python-docx Document."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = new_document(diff.child.meta.family)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, "BÁO CÁO SO SÁNH", bold=True)
    sub = document.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(sub, heading(diff), bold=True)
    legend = document.add_paragraph()
    _run(legend, "Chữ bị xóa: ")
    _run(legend, "gạch ngang, màu đỏ", deleted=True)
    _run(legend, "; chữ bổ sung: ")
    _run(legend, "gạch chân, màu xanh", inserted=True)
    _run(legend, ".")
    document.add_paragraph().add_run("I. TỔNG HỢP").bold = True
    items, targets = summary_lines(diff.summary)
    document.add_paragraph(items + ".")
    document.add_paragraph(targets + ".")
    if diff.indicators:
        document.add_paragraph().add_run("II. CHỈ TIÊU").bold = True
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells,
            ("Chỉ tiêu", symbol(diff.parent.meta), symbol(diff.child.meta), "Thay đổi"),
            strict=True,
        ):
            _run(cell.paragraphs[0], text, bold=True)
        for row in diff.indicators:
            indicator = row.child or row.parent
            cells = table.add_row().cells
            _run(cells[0].paragraphs[0], indicator.name if indicator else row.indicator_id)
            _run(
                cells[1].paragraphs[0],
                f"{row.parent.comparator} {row.parent.figure()}" if row.parent else "—",
            )
            present = row.child is not None and row.change is not Change.DROPPED
            _run(
                cells[2].paragraphs[0],
                f"{row.child.comparator} {row.child.figure()}" if present and row.child else "—",
            )
            _run(
                cells[3].paragraphs[0],
                CHANGE_NAMES[row.change],
                bold=row.change in (Change.LOWERED, Change.DROPPED),
            )
        _widths(table, (85, 35, 35, 20))  # mm, within the 165 mm between the margins
    document.add_paragraph().add_run(
        ("III." if diff.indicators else "II.") + " CÁC MỤC THAY ĐỔI"
    ).bold = True
    for change, folded in shown(diff, changed_only=True):
        _item(document, change, folded)
    return document


def write_report(diff: PlanDiff, path: Path) -> Path:
    """Write the report .docx atomically; return its path."""
    document = build(diff)
    return save(document, path)
