"""Import: an existing plan (.docx, or text such as OCR output) read into the plan model.

``import_file`` reads the document's lines (``source``; a .docx through ``wordread``, with
the labels of Word's automatic numbering), recognizes the header, title and summary
(``header``), a letter's addressees and the document the body implements (``preamble``),
the closing block (``closing``), builds the tree of items from the body (``body``,
``structure``, ``tables``, ``figures``), and reads every "Phụ lục" after the signature as an
appendix (``appendix``; in a .docx planwriter exported, by its styles: ``exported``,
``styledtables``). Whatever it cannot place is reported with its line or paragraph
number, and the report ends with the share of the input's characters that reached the plan
(``coverage``): every line of the input ends up in the plan or in the report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from planwriter.importer.appendix import (
    appendix_head,
    find_appendix,
    find_held_appendix,
    first_appendix,
    prefix_ids,
    split_appendices,
)
from planwriter.importer.body import Body, build, irregular, numbering_of
from planwriter.importer.closing import closing_end, find_closing
from planwriter.importer.closing import parse_closing as parse_closing
from planwriter.importer.coverage import clean, measure
from planwriter.importer.diacritics import restore_lines
from planwriter.importer.exported import read_exported
from planwriter.importer.header import parse_header
from planwriter.importer.letter import facts_from_attached
from planwriter.importer.paragraphs import LABEL, Paragraph, is_noise, join_lines
from planwriter.importer.pdf import SCAN_SUFFIXES, page_furniture, read_scan
from planwriter.importer.preamble import addressees, parent_reference
from planwriter.importer.result import ImportResult, Unclassified
from planwriter.importer.source import Line, read_lines
from planwriter.model import Meta, Plan
from planwriter.numbering import labels


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
    scanned = path.suffix.lower() in SCAN_SUFFIXES
    if scanned:
        lines, furniture = page_furniture(read_scan(path, progress))
    else:
        lines = read_lines(path)
    restored = restore_lines(lines, parent) if parent is not None else []
    result = import_lines(lines, source=path.name)
    result.restored = restored
    for line in furniture:
        result.unclassified.append(Unclassified(line.where, line.text, "số trang (đã bỏ)"))
    if scanned or restored:
        # What was read off the pages, or the text as restored (each change is listed).
        original = "\n".join(line.text for line in [*lines, *furniture])
    elif path.suffix.lower() == ".docx":
        from planwriter.importer.wordread import document_text

        original = document_text(path.read_bytes())
    else:
        from planwriter.importer.source import nfc

        original = nfc(path.read_bytes().decode("utf-8-sig"))
    result.coverage = measure(original, result)
    return result


def import_lines(lines: list[Line], source: str = "") -> ImportResult:
    notes = [line for line in lines if line.note and line.text.strip()]
    lines = [line for line in lines if not line.note]
    content = [line for line in lines if line.text.strip()]
    styled = any(line.style and line.style != "Normal" for line in content)
    paragraphs_given = any(line.para for line in lines) and not styled
    header, start = parse_header(content, broken_lines=paragraphs_given)
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
    result = ImportResult(Plan(meta=meta), lines=len(lines))
    normalized = sum(1 for line in lines if line.normalized)
    if normalized:
        result.notes.append(
            f"Đã chuẩn hóa Unicode NFC {normalized} dòng/đoạn có chữ tổ hợp (NFD) hoặc ký tự điều "
            "khiển."
        )
    for line in header.noise:
        result.unclassified.append(Unclassified(line.where, line.text.strip(), "đường kẻ (đã bỏ)"))
    # a letter: "Kính gửi:" under the header (or as its first line, the header missing)
    sent_to, taken, remainder = addressees(content[start:])
    meta.addressees = sent_to
    if sent_to and not header.found:
        meta.doc_type = "CV"
    start += taken
    # a .docx planwriter exported: its task register (generated), then the plan's appendices
    register_at = find_appendix(content) if styled else None
    held_at = find_held_appendix(content) if styled else None
    found = [at for at in (register_at, held_at) if at is not None]
    appendix_at = min(found, default=None) if styled else first_appendix(content, start)
    tail = appendix_at if appendix_at is not None else len(content)
    closing_at = find_closing(content[:tail])
    end = closing_at if closing_at is not None and closing_at >= start else tail
    resume = _closing_stop(content[:tail], end) if end < tail else tail
    if end < tail:
        closing = parse_closing(content[end:resume])
        meta.recipients, meta.signature = closing.recipients, closing.signature
        for text in closing.extra:
            result.warnings.append(
                Unclassified(content[end].where, text, "dòng ở khối chữ ký, ngoài các trường")
            )
    body_lines = content[start:end] + content[resume:tail]
    body = Body()
    paragraphs = _paragraphs(lines, body_lines, content[end:resume], paragraphs_given, styled)
    if remainder:
        paragraphs.insert(0, Paragraph(remainder, [content[start - 1].number], content[start - 1]))
    _read_parent(meta, paragraphs, result)
    for line in notes:  # footnotes: at the end of the body, as paragraphs "[1] …"
        paragraphs.append(Paragraph(line.text.strip(), [line.number], line))
        if line.text.startswith("["):  # a note's first line: one warning a note
            why = "chú thích cuối trang, đặt ở cuối phần nội dung"
            result.warnings.append(Unclassified(line.where, line.text.strip()[:60], why))
    _noise(result, paragraphs)
    build(body, _content(paragraphs), styled=styled, text_rows=False)
    result.plan.items = body.items
    meta.tasks_in_appendix = body.tables.found_tasks
    if body.tables.merged_columns:
        result.notes.append("Cột bảng không phải trường của nhiệm vụ được ghi vào nội dung.")
    numbering = numbering_of(body.items, body.written)
    if numbering:
        meta.numbering = numbering
    _unplaced(result, body)
    if styled:
        _exported_appendices(result, lines, content, register_at, held_at)
    elif appendix_at is not None:
        _appendices(result, lines, content[appendix_at:], paragraphs_given)
    derived = labels(result.plan)
    for line, why in irregular(body.written, derived):
        result.warnings.append(Unclassified(line.where, line.text.strip(), why))
    if not header.found:
        facts_from_attached(result.plan, result.notes)
    for line, why in header.doubts:
        result.warnings.append(Unclassified(line.where, line.text.strip(), why))
    _report_unread_header(result, content[:start], header.used | _taken(content, start, taken))
    clean(result.plan)
    return result


def _closing_stop(lines: list[Line], end: int) -> int:
    """Where the closing starting at ``end`` stops: a Word closing table ends with its table."""
    first = lines[end]
    if first.in_table:
        index = end
        while (
            index < len(lines) and lines[index].in_table and lines[index].cell[0] == first.cell[0]
        ):
            index += 1
        return index
    return closing_end(lines, end)


def _paragraphs(
    lines: list[Line],
    body: list[Line],
    closing: list[Line],
    paragraphs_given: bool,
    styled: bool,
) -> list[Paragraph]:
    if styled or paragraphs_given:
        return [Paragraph(line.text.strip(), [line.number], line) for line in body]
    # Blank lines matter to joining (a page break), so take the body from the original.
    numbers = {line.number for line in body}
    if not numbers:
        return []
    first, last = min(numbers), max(numbers)
    skip = {line.number for line in closing}
    paragraphs, noise = join_lines(
        [
            line
            for line in lines
            if first <= line.number <= last
            and line.number not in skip
            and (line.number in numbers or not line.text.strip())
        ]
    )
    return paragraphs + [Paragraph(line.text.strip(), [line.number], line) for line in noise]


def _content(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs that are not page noise (a table's cells all are: "45", "-")."""
    return [p for p in paragraphs if p.line.in_table or not is_noise(p.text)]


def _noise(result: ImportResult, paragraphs: list[Paragraph]) -> None:
    for paragraph in paragraphs:
        if not paragraph.line.in_table and is_noise(paragraph.text):
            result.unclassified.append(
                Unclassified(paragraph.line.where, paragraph.text, "nhiễu trang (đã bỏ)")
            )


def _read_parent(meta: Meta, paragraphs: list[Paragraph], result: ImportResult) -> None:
    opening: list[str] = []
    for paragraph in paragraphs[:15]:
        found = LABEL.match(paragraph.text)
        if found and found.group("label") not in "-+•":
            break
        opening.append(paragraph.text)
    parent, _ = parent_reference(opening, meta.issuer_symbol)
    if parent is not None:
        meta.parent = parent


def _unplaced(result: ImportResult, body: Body, where: str = "") -> None:
    for line, text, why in body.unplaced:
        result.unclassified.append(Unclassified(line.where, text, why))
    for header in body.tables.headers:
        result.warnings.append(
            Unclassified(
                where,
                " | ".join(header),
                "tiêu đề bảng nhiệm vụ: các cột thành trường của nhiệm vụ",
            )
        )


def _appendices(
    result: ImportResult, lines: list[Line], content: list[Line], paragraphs_given: bool
) -> None:
    for number, chunk in enumerate(split_appendices(content), start=1):
        head = appendix_head(chunk)
        appendix = head.item
        appendix.id = f"phu-luc-{number}"
        rest = chunk[head.used :]
        body = Body()
        if paragraphs_given or not rest:
            paragraphs = [Paragraph(line.text.strip(), [line.number], line) for line in rest]
        else:
            numbers = {line.number for line in rest}
            paragraphs, noise = join_lines(
                [
                    line
                    for line in lines
                    if min(numbers) <= line.number <= max(numbers)
                    and (line.number in numbers or not line.text.strip())
                ]
            )
            paragraphs += [Paragraph(line.text.strip(), [line.number], line) for line in noise]
        _noise(result, paragraphs)
        build(body, _content(paragraphs), styled=False, text_rows=True)
        appendix.children = body.items
        prefix_ids(appendix.children, f"pl{number}")
        result.plan.items.append(appendix)
        result.plan.meta.tasks_in_appendix |= body.tables.found_tasks
        if body.tables.merged_columns and not any("Cột bảng" in n for n in result.notes):
            result.notes.append("Cột bảng không phải trường của nhiệm vụ được ghi vào nội dung.")
        _unplaced(result, body, chunk[0].where)
        written = {f"pl{number}-{k}": v for k, v in body.written.items()}
        style = numbering_of(appendix.children, written)
        meta_style = result.plan.meta.numbering[: len(style)]
        if style and style != meta_style:
            result.warnings.append(
                Unclassified(
                    chunk[0].where,
                    appendix.title,
                    f"phụ lục đánh số kiểu {' '.join(style)}; kế hoạch hiện đánh số các phụ lục "
                    f"theo kiểu của thân văn bản ({' '.join(meta_style)})",
                )
            )
        else:
            derived = labels(result.plan)
            for line, why in irregular(written, derived):
                result.warnings.append(Unclassified(line.where, line.text.strip(), why))


def _exported_appendices(
    result: ImportResult,
    lines: list[Line],
    content: list[Line],
    register_at: int | None,
    held_at: int | None,
) -> None:
    read = read_exported(lines, content, register_at, held_at, result.plan)
    for line in read.unused:
        why = "dòng phụ lục chưa nhập được"
        result.unclassified.append(Unclassified(line.where, line.text, why))
    for where, body in read.bodies:
        _unplaced(result, body, where)


def _taken(content: list[Line], start: int, taken: int) -> set[int]:
    return {line.number for line in content[start - taken : start]} if taken else set()


def _report_unread_header(result: ImportResult, lines: list[Line], used: set[int]) -> None:
    for line in lines:
        if line.number not in used:
            result.unclassified.append(
                Unclassified(
                    line.where, line.text.strip(), "trước tiêu đề, không nhận ra là phần nào"
                )
            )


__all__ = ["ImportResult", "Unclassified", "import_file", "import_lines"]
