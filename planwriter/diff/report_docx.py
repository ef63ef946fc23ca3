"""``--docx``: the comparison report a standing committee can print and hand over.

Laid out as the reviewing body's own document, with export's page, styles, header table and
page numbers (planwriter.export): the parent's issuing body heads it, dated today, "BÁO CÁO"
and the comparison as its summary line. Then, in the order a reviewer reads: the counts;
dropped items with their reasons; weakened and dropped targets; substantive changes; task
assignment changes; added items; and last, in one table, the changes of wording or of the
profile's vocabulary only. Places are cited as a person cites them ("II.2.1, ý 2"); deleted
words are struck through in red, inserted ones underlined in blue."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planwriter import docstyles
from planwriter.diff.docxbase import save
from planwriter.diff.model import ChangeKind, ItemChange, PlanDiff, Relation, Status
from planwriter.diff.terminal import (
    CHANGE_NAMES,
    KIND_NAMES,
    heading,
    kind_line,
    note,
    shown,
    status_text,
    summary_lines,
    symbol,
    where,
)
from planwriter.indicators import Change
from planwriter.model import Meta, Plan
from planwriter.render import item_line

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

RED = (0xC0, 0x00, 0x00)
BLUE = (0x00, 0x33, 0xCC)
SECTIONS = (
    "TỔNG HỢP",
    "CÁC MỤC BỎ VÀ LÝ DO",
    "CHỈ TIÊU BỊ HẠ HOẶC BỎ",
    "THAY ĐỔI VỀ NỘI DUNG, SỐ LIỆU, VỊ TRÍ",
    "THAY ĐỔI PHÂN CÔNG NHIỆM VỤ",
    "CÁC MỤC BỔ SUNG",
    "THAY ĐỔI CHỈ VỀ CÂU CHỮ HOẶC ĐỊA PHƯƠNG HÓA",
)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


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


def _marked(paragraph: Paragraph, change: ItemChange) -> None:
    """The item's text: word changes marked, a dropped item struck, an added underlined."""
    if change.status is Status.ADAPTED and change.words:
        for op in change.words:
            if op.op == "equal":
                _run(paragraph, op.new)
            else:
                _run(paragraph, op.old, deleted=True)
                _run(paragraph, op.new, inserted=True)
    elif change.status is Status.DROPPED and change.parent is not None:
        _run(paragraph, item_line(change.parent, ""), deleted=True)
    elif change.status is Status.ADDED and change.child is not None:
        _run(paragraph, item_line(change.child, ""), inserted=True)
    else:
        item = change.child or change.parent
        _run(paragraph, item.content() if item is not None else "")


def _item(document: Document, change: ItemChange, folded: int, evidence: bool) -> None:
    head = document.add_paragraph(style=docstyles.BODY)
    head.paragraph_format.keep_with_next = True
    _run(head, f"{where(change)} — {status_text(change)}", bold=True)
    remark = note(change, folded, evidence)
    if change.status is Status.DROPPED and not change.reason:
        # Said once on the heading line: a long list of bare drops stays readable.
        _run(head, " (không nêu lý do)", italic=True)
        remark = remark.replace("Không nêu lý do bỏ.", "").strip()
    _marked(document.add_paragraph(style=docstyles.BODY), change)
    for line in remark.splitlines():
        _run(document.add_paragraph(style=docstyles.BODY), line, italic=True)


def _table(document: Document, header: tuple[str, ...], widths_mm: tuple[int, ...]) -> Any:
    from docx.shared import Mm

    from planwriter.export.styles import TABLE_HEADING

    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].style = TABLE_HEADING
        _run(cell.paragraphs[0], text)
    # Word honours cell widths, LibreOffice the grid: set both.
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    return table


def _row(table: Any, widths_mm: tuple[int, ...]) -> list[Paragraph]:
    from docx.shared import Mm

    cells = table.add_row().cells
    out = []
    for cell, width in zip(cells, widths_mm, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0].style = docstyles.TABLE_TEXT
        out.append(cell.paragraphs[0])
    return out


def report_meta(diff: PlanDiff, today: dt.date) -> Meta:
    """The report's own header: the reviewing body (the parent's issuer), today, no number."""
    parent = diff.parent.meta
    return dataclasses.replace(
        parent,
        doc_type="BC",
        number="",
        date=today,
        summary=heading(diff)[0].lower() + heading(diff)[1:],
        recipients=[],
        addressees=[],
        source="",
    )


def _properties(document: Document, meta: Meta, now: dt.datetime) -> None:
    """Real file properties: the report's title and author, Vietnamese, made now."""
    from planwriter.export.styles import nfc

    props = document.core_properties
    props.title = nfc(f"Báo cáo {meta.one_line(meta.summary)}")[:255]  # Word's limit
    props.author = props.last_modified_by = nfc(meta.one_line(meta.issuing_body))
    props.subject = props.keywords = props.category = props.comments = ""
    props.language = "vi-VN"
    props.revision = 1
    props.created = props.modified = now.replace(microsecond=0, tzinfo=None)


def build(
    diff: PlanDiff,
    *,
    substantive_only: bool = False,
    evidence: bool = False,
    now: dt.datetime | None = None,
) -> Document:
    """The report as a python-docx Document."""
    import docx
    from docx.shared import Mm

    from planwriter.export.closing import add_page_numbers
    from planwriter.export.header import add_header
    from planwriter.export.layout import layout_for
    from planwriter.export.styles import install_styles

    now = now or dt.datetime.now(dt.UTC)
    meta = report_meta(diff, now.date())
    layout = layout_for(meta.family)
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(layout.page_width), Mm(layout.page_height)
    section.top_margin, section.bottom_margin = Mm(layout.margin_top), Mm(layout.margin_bottom)
    section.left_margin, section.right_margin = Mm(layout.margin_left), Mm(layout.margin_right)
    install_styles(document, layout)
    _properties(document, meta, now)
    add_page_numbers(section, layout)
    add_header(document, Plan(meta), layout)
    from planwriter.diff.model import provenance_note

    warning = provenance_note(diff.parent)
    if warning:
        _run(document.add_paragraph(style=docstyles.BODY), warning, bold=True)
    legend = document.add_paragraph(style=docstyles.BODY)
    _run(legend, "Chữ bị xóa: ", italic=True)
    _run(legend, "gạch ngang, màu đỏ", deleted=True)
    _run(legend, "; chữ bổ sung: ", italic=True)
    _run(legend, "gạch chân, màu xanh", inserted=True)
    _run(legend, ".", italic=True)

    parts = iter(ROMAN)

    def part(title: str) -> None:
        document.add_paragraph(f"{next(parts)}. {title}", style=docstyles.heading(0))

    part(SECTIONS[0])
    items, targets = summary_lines(diff.summary)
    for line in (items, kind_line(diff.summary), targets):
        document.add_paragraph(line + ".", style=docstyles.BODY)

    entries = shown(diff, changed_only=True)
    dropped = [(c, n) for c, n in entries if c.status is Status.DROPPED]
    part(SECTIONS[1])
    if not dropped:
        document.add_paragraph("Không bỏ mục nào của văn bản cấp trên.", style=docstyles.BODY)
    for change, folded in dropped:
        _item(document, change, folded, evidence)

    part(SECTIONS[2])
    _weakened(document, diff)

    substantive = [
        (c, n)
        for c, n in entries
        if c.status in (Status.ADAPTED, Status.KEPT)
        and not c.minor
        and (
            {ChangeKind.SUBSTANCE, ChangeKind.FIGURE} & set(c.kinds)
            or c.moved
            or c.relation is not Relation.ONE
        )
    ]
    part(SECTIONS[3])
    if not substantive:
        document.add_paragraph("Không có.", style=docstyles.BODY)
    for change, folded in substantive:
        _item(document, change, folded, evidence)

    part(SECTIONS[4])
    _assignments(document, [c for c, _ in entries if c.fields])

    added = [(c, n) for c, n in entries if c.status is Status.ADDED]
    part(SECTIONS[5])
    if not added:
        document.add_paragraph("Không bổ sung mục nào.", style=docstyles.BODY)
    for change, folded in added:
        _item(document, change, folded, evidence)

    minor = [c for c, _ in entries if c.minor]
    if not substantive_only:
        part(SECTIONS[6])
        _minor_table(document, diff, minor)
    return document


def _weakened(document: Document, diff: PlanDiff) -> None:
    rows = [r for r in diff.indicators if r.change in (Change.LOWERED, Change.DROPPED)]
    if not rows:
        document.add_paragraph("Không có chỉ tiêu nào bị hạ hoặc bỏ.", style=docstyles.BODY)
        return
    widths = (85, 30, 30, 20)  # mm, within the 165 mm between the margins
    table = _table(
        document, ("Chỉ tiêu", symbol(diff.parent.meta), symbol(diff.child.meta), "Thay đổi"),
        widths,
    )
    for row in rows:
        indicator = row.child or row.parent
        cells = _row(table, widths)
        _run(cells[0], indicator.name if indicator else "")
        _run(cells[1], f"{row.parent.comparator} {row.parent.figure()}" if row.parent else "—")
        present = row.child is not None and row.change is not Change.DROPPED
        figure = f"{row.child.comparator} {row.child.figure()}" if present and row.child else "—"
        _run(cells[2], figure)
        _run(cells[3], CHANGE_NAMES[row.change], bold=True)


def _assignments(document: Document, changes: list[ItemChange]) -> None:
    from planwriter.diff.kinds import FIELD_NAMES

    if not changes:
        document.add_paragraph("Không thay đổi phân công nhiệm vụ.", style=docstyles.BODY)
        return
    widths = (40, 30, 47, 48)
    table = _table(document, ("Nhiệm vụ", "Nội dung", "Cấp trên", "Kế hoạch"), widths)
    for change in changes:
        for index, f in enumerate(change.fields):
            cells = _row(table, widths)
            if index == 0:
                _run(cells[0], where(change), bold=True)
                text = change.child.content() if change.child is not None else ""
                _run(cells[0], "\n" + (text if len(text) <= 120 else text[:119] + "…"))
            name = FIELD_NAMES[f.name]
            _run(cells[1], name[0].upper() + name[1:])
            _run(cells[2], f.old or "(không ghi)", deleted=bool(f.old))
            _run(cells[3], f.new or "(bỏ)", inserted=bool(f.new))


def _minor_table(document: Document, diff: PlanDiff, changes: list[ItemChange]) -> None:
    if not changes:
        document.add_paragraph("Không có.", style=docstyles.BODY)
        return
    widths = (28, 27, 110)
    table = _table(document, ("Vị trí", "Loại", "Nội dung (chữ xóa, chữ bổ sung)"), widths)
    for change in changes:
        cells = _row(table, widths)
        _run(cells[0], where(change))
        _run(cells[1], ", ".join(KIND_NAMES[k] for k in change.kinds))
        _marked(cells[2], change)


def write_report(
    diff: PlanDiff, path: Path, *, substantive_only: bool = False, evidence: bool = False
) -> Path:
    """Write the report .docx atomically; return its path."""
    document = build(diff, substantive_only=substantive_only, evidence=evidence)
    return save(document, path)
