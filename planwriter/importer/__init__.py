"""Import: an existing plan (.docx, or text such as OCR output) read into the plan model.

``import_file`` reads the document's lines (``source``), recognizes the header, title and
summary and the closing block (``header``), joins the body's lines into paragraphs
(``paragraphs``) and builds the tree of items (``structure``) with the indicators the
sentences state (``figures``). Whatever it cannot place is reported with its line or
paragraph number: every line of the input ends up in the plan or in the report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planwriter.importer.appendix import find_appendix, read_appendix
from planwriter.importer.diacritics import Restored, restore_lines
from planwriter.importer.header import closing_end, find_closing, parse_closing, parse_header
from planwriter.importer.paragraphs import Paragraph, is_noise, is_table_row, join_lines
from planwriter.importer.pdf import SCAN_SUFFIXES, page_furniture, read_scan
from planwriter.importer.source import Line, read_lines
from planwriter.importer.structure import TreeBuilder, is_closing_sentence, styled_item, text_item
from planwriter.importer.tables import TableReader
from planwriter.model import Item, Kind, Meta, Plan


@dataclass
class Unclassified:
    """A line the importer did not place in the plan, and why."""

    where: str  # "dòng 12" or "đoạn 40"
    text: str
    why: str


@dataclass
class ImportResult:
    plan: Plan
    unclassified: list[Unclassified] = field(default_factory=list)
    lines: int = 0  # lines (or paragraphs) read
    restored: list[Restored] = field(default_factory=list)  # lines given back their diacritics


def import_file(
    path: Path | str,
    *,
    parent: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Read ``path`` (.docx, text, a PDF or a page image) into a plan. Never writes to
    ``path``. With ``parent`` (the parent document's text), words that lost their diacritics
    get them back where they align with the parent (``diacritics``); ``progress`` hears of
    each page read by OCR."""
    path = Path(path)
    furniture: list[Line] = []
    if path.suffix.lower() in SCAN_SUFFIXES:
        lines, furniture = page_furniture(read_scan(path, progress))
    else:
        lines = read_lines(path)
    restored = restore_lines(lines, parent) if parent is not None else []
    result = import_lines(lines, source=path.name)
    result.restored = restored
    for line in furniture:
        result.unclassified.append(Unclassified(line.where, line.text, "số trang (đã bỏ)"))
    return result


def import_lines(lines: list[Line], source: str = "") -> ImportResult:
    content = [line for line in lines if line.text.strip()]
    header, start = parse_header(content)
    appendix_at = find_appendix(content)
    tail = appendix_at if appendix_at is not None else len(content)
    closing_at = find_closing(content[:tail])
    end = closing_at if closing_at is not None and closing_at >= start else tail
    resume = closing_end(content[:tail], end) if end < tail else tail
    closing = parse_closing(content[end:resume]) if end < tail else None
    meta = Meta(
        level=header.level,
        family=header.family,
        doc_type=header.doc_type,
        number=header.number,
        issuer_symbol=header.issuer_symbol,
        superior_body=header.superior_body,
        issuing_body=header.issuing_body,
        place=header.place,
        date=header.date,
        summary=header.summary,
        source=f"Nhập từ {source}" if source else "",
    )
    if closing is not None:
        meta.recipients, meta.signature = closing.recipients, closing.signature
    result = ImportResult(Plan(meta=meta), lines=len(lines))
    body = content[start:end] + content[resume:tail]  # a document may follow the closing
    styled = any(line.style and line.style != "Normal" for line in body)
    if styled:
        paragraphs = [Paragraph(line.text.strip(), [line.number], line) for line in body]
        noise: list[Line] = []
    else:
        # Blank lines matter to joining (a page break), so take the body from the original.
        numbers = {line.number for line in body}
        first, last = (min(numbers), max(numbers)) if numbers else (0, -1)
        closing_lines = {line.number for line in content[end:resume]}
        paragraphs, noise = join_lines(
            [
                line
                for line in lines
                if first <= line.number <= last and line.number not in closing_lines
            ]
        )
    for line in noise:
        result.unclassified.append(
            Unclassified(line.where, line.text.strip(), "nhiễu trang (đã bỏ)")
        )
    builder = TreeBuilder()
    tables = TableReader(builder)
    for paragraph in paragraphs:
        if is_closing_sentence(paragraph.text):
            builder.close_all()
            builder.add(Item(id="", kind=Kind.PARAGRAPH, text=paragraph.text), None)
            continue
        if styled:
            if not paragraph.text or styled_item(paragraph, builder) is None:
                if paragraph.text and not is_noise(paragraph.text):
                    result.unclassified.append(
                        Unclassified(
                            paragraph.line.where,
                            paragraph.text,
                            f"kiểu đoạn '{paragraph.line.style}' không rõ là phần nào",
                        )
                    )
            continue
        if is_table_row(paragraph.text):
            tables.row(paragraph.text)
            continue
        text_item(paragraph, builder)
    result.plan.items = builder.items
    result.plan.meta.tasks_in_appendix = tables.found_tasks
    if appendix_at is not None:
        after = content[appendix_at].number  # empty cells count: take the lines unfiltered
        unused = read_appendix([line for line in lines if line.number > after], result.plan)
        for line in unused:
            result.unclassified.append(
                Unclassified(line.where, line.text, "dòng phụ lục chưa nhập được")
            )
    _report_unread_header(result, content[:start], header.used)
    return result


def _report_unread_header(result: ImportResult, lines: list[Line], used: set[int]) -> None:
    for line in lines:
        if line.number not in used:
            result.unclassified.append(
                Unclassified(
                    line.where, line.text.strip(), "trước tiêu đề, không nhận ra là phần nào"
                )
            )
