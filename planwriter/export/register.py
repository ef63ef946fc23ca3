"""The task register for the office that tracks progress: the appendix's rows as CSV
(UTF-8 with a byte-order mark, so Excel reads the Vietnamese) or as an .xlsx workbook."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from planwriter.errors import ExportError
from planwriter.export.appendix import COLUMNS, TaskRow, task_rows
from planwriter.fsutil import atomic_write_bytes, atomic_write_with
from planwriter.model import Plan

# Column widths in characters for the workbook: STT narrow, the task wide.
XLSX_WIDTHS = (8, 70, 30, 35, 18, 30)


def write_register(plan: Plan, path: Path) -> int:
    """Write the register to ``path`` (.csv or .xlsx) atomically; return the task count.
    A plan with no task says so (ExportError) instead of writing an empty register."""
    rows = task_rows(plan)
    if not any(not row.group for row in rows):
        raise ExportError("kế hoạch không có nhiệm vụ nào nên không ghi sổ theo dõi nhiệm vụ",
                          path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        atomic_write_bytes(path, csv_bytes(rows))
    elif suffix == ".xlsx":
        atomic_write_with(path, lambda tmp: _write_xlsx(rows, tmp))
    else:
        raise ExportError("sổ theo dõi nhiệm vụ phải là tệp .csv hoặc .xlsx", path)
    return sum(1 for row in rows if not row.group)


def csv_bytes(rows: list[TaskRow]) -> bytes:
    """The register as CSV text encoded UTF-8 with a BOM, CRLF line ends as Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(row.cells())
    return buffer.getvalue().encode("utf-8-sig")


def _write_xlsx(rows: list[TaskRow], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Nhiệm vụ"
    sheet.append(list(COLUMNS))
    wrap = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in rows:
        values: list[str | int] = list(row.cells())
        if not row.group and row.number.isdigit():
            values[0] = int(row.number)  # a number Excel sorts and sums, not text
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
            if row.group:
                cell.font = Font(bold=True)
        sheet.cell(sheet.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top",
                                                           horizontal="center")
    for index, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    # Printed as the appendix is: A4 landscape, one page wide, the header row on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    book.save(path)
