"""A table that is not a task register (Kind.TABLE: a form, a list of units), as a bordered
Word table: its header rows in bold, repeated on every page, rows that never split, column
widths shared out by how much each column holds."""

from __future__ import annotations

from typing import Any

from planwriter import docstyles
from planwriter.export import styles as st
from planwriter.export.layout import Layout

MIN_COLUMN_MM = 10.0


def column_widths(header: list[list[str]], rows: list[list[str]], total_mm: float
                  ) -> list[float]:
    """Widths (mm) summing to ``total_mm``: each column its share of the longest word and
    of the text it holds, never narrower than ``MIN_COLUMN_MM``."""
    count = max((len(r) for r in header + rows), default=0)
    if count == 0:
        return []
    weights = []
    for index in range(count):
        cells = [r[index] for r in header + rows if index < len(r)]
        longest_word = max((len(w) for c in cells for w in c.split()), default=1)
        mean = sum(len(c) for c in cells) / max(len(cells), 1)
        weights.append(max(longest_word * 1.2, min(mean, 60.0), 3.0))
    total = sum(weights)
    widths = [max(total_mm * w / total, MIN_COLUMN_MM) for w in weights]
    scale = total_mm / sum(widths)
    return [w * scale for w in widths]


def add_table(document: Any, header: list[list[str]], rows: list[list[str]], layout: Layout,
              width_mm: float) -> Any:
    """Append the bordered table; return it (None when it has no cells)."""
    from docx.shared import Mm

    from planwriter.export.header import set_borders

    widths = column_widths(header, rows, width_mm)
    if not widths:
        return None
    table = document.add_table(rows=0, cols=len(widths))
    table.autofit = False
    set_borders(table, "single")
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for values, is_header in [(r, True) for r in header] + [(r, False) for r in rows]:
        row = table.add_row()
        style = st.TABLE_HEADING if is_header else docstyles.TABLE_TEXT
        for index, (cell, width) in enumerate(zip(row.cells, widths, strict=True)):
            cell.width = Mm(width)
            write_cell(cell, values[index] if index < len(values) else "", style)
        row_flags(row, header=is_header)
    return table


def write_cell(cell: Any, text: str, style: str) -> None:
    """Fill a cell: one paragraph per line of ``text``, in ``style``."""
    lines = st.nfc(text).split("\n")
    first = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    first.style = style
    first.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line, style=style)


def row_flags(row: Any, *, header: bool) -> None:
    """cantSplit on every row; tblHeader on a header row so it repeats on each page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(st.make("cantSplit"))
    if header:
        tr_pr.append(st.make("tblHeader"))
