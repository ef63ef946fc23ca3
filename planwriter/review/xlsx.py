"""``review --xlsx``: the matrix as a workbook. Sheet "Ma trận": the parent's items and
targets down, the children across, each cell coloured by verdict; filters on the header row,
panes frozen below it and right of the item text, A4 landscape with the title rows (and the
item columns) repeated on every page. Sheet "Tổng hợp": one row per child. Sheet "Chú giải":
what each colour means."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from planwriter.errors import ExportError
from planwriter.fsutil import atomic_write_with
from planwriter.review.disposition import (
    STATUS_NAMES,
    VERDICT_NAMES,
    Cell,
    ChildReview,
    Verdict,
)
from planwriter.review.matrix import Review
from planwriter.review.terminal import ITEM_VERDICTS, title_line

# Fill colours (RGB) by verdict: green kept, blue changed, yellow weakened, red dropped,
# purple missing — the colours a spreadsheet user reads as good / changed / bad.
FILLS: dict[Verdict, str] = {
    Verdict.KEPT: "C6EFCE",
    Verdict.LOCALIZED: "E2F0D9",
    Verdict.ADAPTED: "DDEBF7",
    Verdict.RAISED: "BDD7EE",
    Verdict.WEAKENED: "FFEB9C",
    Verdict.DROPPED: "FFC7CE",
    Verdict.MISSING: "E4DFEC",
}
HEADER_FILL = "D9D9D9"
TITLE_ROWS = 3  # title, the line under it, the header row
FIXED_COLUMNS = 3  # Mục, Loại, Nội dung
FIT_WIDTH_UP_TO = 12  # children that still print legibly on one page width


LINE_HEIGHT = 15  # points per line of 11 pt text


def _lines(text: str, width: float) -> int:
    """Lines ``text`` wraps to in a column ``width`` characters wide (a little narrower in
    practice: words do not break)."""
    usable = max(1.0, width * 0.95)
    return max(1, -(-len(text) // int(usable)))


def cell_text(cell: Cell) -> str:
    """What a matrix cell says: the verdict, with the child's value or reason."""
    name = VERDICT_NAMES[cell.verdict]
    extra = cell.value or cell.reason
    if cell.maybe:
        extra = f"có thể là mục {cell.maybe}, viết lại: xem lại"
    return f"{name}: {extra}" if extra else name


def write_xlsx(review: Review, path: Path) -> Path:
    """Write the workbook atomically to ``path`` (already guarded by the caller)."""
    from openpyxl import Workbook

    book = Workbook()
    _matrix(book.active, review)
    _summary(book.create_sheet("Tổng hợp"), review)
    _legend(book.create_sheet("Chú giải"))
    book.properties.title = title_line(review)
    book.properties.creator = review.parent_body or "planwriter"
    book.properties.language = "vi-VN"
    try:
        atomic_write_with(path, lambda tmp: book.save(str(tmp)))
    except OSError as exc:
        raise ExportError(f"không ghi được tệp: {exc.strerror or exc}", path) from exc
    return path


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="A6A6A6")
    return {
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "center": Alignment(wrap_text=True, vertical="center", horizontal="center"),
        "bold": Font(bold=True),
        "title": Font(bold=True, size=14),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "header": PatternFill("solid", fgColor=HEADER_FILL),
        "fills": {v: PatternFill("solid", fgColor=c) for v, c in FILLS.items()},
    }


def _print_setup(sheet: Any, *, title_rows: str, title_cols: str | None, fit: bool) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = title_rows
    if title_cols:
        sheet.print_title_cols = title_cols
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.sheet_properties.pageSetUpPr.fitToPage = fit
    if fit:
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.oddFooter.center.text = "Trang &P/&N"


def _matrix(sheet: Any, review: Review) -> None:
    from openpyxl.utils import get_column_letter

    s = _styles()
    sheet.title = "Ma trận"
    children = review.reviewed()
    last_col = FIXED_COLUMNS + len(children)
    sheet.cell(1, 1, title_line(review)).font = s["title"]
    sheet.cell(2, 1, f"Lập ngày {dt.date.today():%d/%m/%Y}; bao phủ trung bình "
                     f"{review.mean_coverage() * 100:.0f}% trên {len(children)} kế hoạch "
                     "đã rà soát. Màu ô: xem trang Chú giải.")
    headers = ["Mục", "Loại", "Nội dung"] + [c.name for c in children]
    for col, text in enumerate(headers, start=1):
        cell = sheet.cell(TITLE_ROWS, col, text)
        cell.font, cell.fill, cell.alignment, cell.border = (
            s["bold"], s["header"], s["center"], s["border"])
    sheet.row_dimensions[TITLE_ROWS].height = LINE_HEIGHT * max(
        [2] + [_lines(c.name, 16) for c in children])
    row = TITLE_ROWS
    lines: list[tuple[str, str, str, list[Cell | None]]] = [
        (r.label, "mục", r.text, [c.items.get(r.id) for c in children]) for r in review.rows
    ] + [
        (t.label, "chỉ tiêu", f"{t.name} ({t.figure})", [c.targets.get(t.id) for c in children])
        for t in review.targets
    ]
    for label, kind, text, cells in lines:
        row += 1
        # Neither Excel nor LibreOffice grows a row for wrapped text written by openpyxl.
        tall = max([_lines(label, 16), _lines(text, 60)]
                   + [_lines(cell_text(c), 16) for c in cells if c is not None])
        sheet.row_dimensions[row].height = LINE_HEIGHT * tall
        for col, value in enumerate((label, kind, text), start=1):
            cell = sheet.cell(row, col, value)
            cell.alignment, cell.border = s["wrap"], s["border"]
        for col, found in enumerate(cells, start=FIXED_COLUMNS + 1):
            if found is None:
                continue
            cell = sheet.cell(row, col, cell_text(found))
            cell.fill, cell.alignment, cell.border = (
                s["fills"][found.verdict], s["wrap"], s["border"])
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 9
    sheet.column_dimensions["C"].width = 60
    for col in range(FIXED_COLUMNS + 1, last_col + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 16
    sheet.freeze_panes = sheet.cell(TITLE_ROWS + 1, FIXED_COLUMNS + 1).coordinate
    sheet.auto_filter.ref = f"A{TITLE_ROWS}:{get_column_letter(last_col)}{max(row, TITLE_ROWS)}"
    _print_setup(sheet, title_rows=f"1:{TITLE_ROWS}", title_cols="A:C",
                 fit=len(children) <= FIT_WIDTH_UP_TO)


SUMMARY_HEADERS = (
    ["Kế hoạch", "Đơn vị", "Số", "Tình trạng", "Bao phủ"]
    + [VERDICT_NAMES[v] for v in ITEM_VERDICTS]
    + ["Chỉ tiêu bị hạ", "Mục bổ sung", "Ghi chú"]
)


def summary_row(child: ChildReview) -> list[Any]:
    counts: list[Any] = [child.count(v) for v in ITEM_VERDICTS]
    note = "; ".join(x for x in (child.message, child.note, *child.import_notes) if x)
    reviewed = not child.message
    return [
        child.name, child.unit, child.symbol, STATUS_NAMES[child.status],
        round(child.coverage, 4) if reviewed else None,
        *(counts if reviewed else [None] * len(counts)),
        len(child.weakened_targets()) if reviewed else None,
        child.added if reviewed else None,
        note,
    ]


def _summary(sheet: Any, review: Review) -> None:
    from openpyxl.utils import get_column_letter

    s = _styles()
    for col, text in enumerate(SUMMARY_HEADERS, start=1):
        cell = sheet.cell(1, col, text)
        cell.font, cell.fill, cell.alignment, cell.border = (
            s["bold"], s["header"], s["center"], s["border"])
    for row, child in enumerate(review.children, start=2):
        for col, value in enumerate(summary_row(child), start=1):
            cell = sheet.cell(row, col, value)
            cell.alignment, cell.border = s["wrap"], s["border"]
            if col == 5:
                cell.number_format = "0%"
    widths = [28, 28, 16, 18, 9] + [10] * len(ITEM_VERDICTS) + [10, 10, 50]
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    last = get_column_letter(len(SUMMARY_HEADERS))
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{last}{len(review.children) + 1}"
    _print_setup(sheet, title_rows="1:1", title_cols=None, fit=True)


MEANINGS = {
    Verdict.KEPT: "giữ nguyên văn bản cấp trên",
    Verdict.LOCALIZED: "chỉ thay từ ngữ theo đơn vị (tỉnh → xã …)",
    Verdict.ADAPTED: "có sửa nội dung (hoặc tách thành nhiều mục)",
    Verdict.RAISED: "chỉ tiêu cao hơn văn bản cấp trên",
    Verdict.WEAKENED: "chỉ tiêu thấp hơn (kèm giá trị của đơn vị) hoặc bỏ chỉ tiêu",
    Verdict.DROPPED: "đơn vị bỏ mục này (kèm lý do đơn vị nêu)",
    Verdict.MISSING: "không có trong kế hoạch của đơn vị, không nêu lý do",
}


def _legend(sheet: Any) -> None:
    s = _styles()
    sheet.cell(1, 1, "Màu").font = s["bold"]
    sheet.cell(1, 2, "Nghĩa").font = s["bold"]
    for row, (verdict, meaning) in enumerate(MEANINGS.items(), start=2):
        sheet.cell(row, 1, VERDICT_NAMES[verdict]).fill = s["fills"][verdict]
        sheet.cell(row, 2, meaning)
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 70
    _print_setup(sheet, title_rows="1:1", title_cols=None, fit=True)
