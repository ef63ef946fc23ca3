"""The first page's header table and title block, laid out by the family's ``Layout``.

Party (Hướng dẫn 36-HD/VPTW): superior body, issuing body in bold, "*", the number on the
left; "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule as long as the line and the italic place and date
on the right. State (Nghị định 30/2020): the national motto with its rule on the right, the
issuing body with a short rule on the left. Which lines appear is read from the layout.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from planwriter import docstyles
from planwriter.export import styles as st
from planwriter.export.layout import Layout
from planwriter.export.styles import nfc
from planwriter.model import Plan

CELL_MARGINS_MM = 2 * 1.905


ADDRESSEE_INDENT_MM = 50  # where a letter's addressees line up, after "Kính gửi:"
SUMMARY_WIDTH_MM = 150  # the widest a trích yếu line runs, centred under the title


def add_header(document: Any, plan: Plan, layout: Layout) -> None:
    """Append the header table, then the title block (the document type, the summary and
    its rule) — or, for a letter, its "Kính gửi:" lines."""
    meta = plan.meta
    table = borderless_table(document, (layout.left_column, layout.right_column))
    left, right = table.rows[0].cells
    fill_cell(left, body_lines(meta.superior_body, meta.issuing_body, layout))
    if layout.asterisk:
        fill_cell(left, [(docstyles.HEADER, "*")], first=False)
    elif layout.issuing_rule_mm:
        rule(left.add_paragraph(style=st.RULE), layout.issuing_rule_mm, layout.left_column)
    fill_cell(left, [(st.HEADER_NUMBER, meta.number_line())], first=False)
    if is_letter(plan) and meta.summary:
        room = layout.left_column - CELL_MARGINS_MM - 1
        lines = letter_summary(meta.summary, layout.letter_summary.size, room)
        fill_cell(left, [(docstyles.LETTER_SUMMARY, line) for line in lines], first=False)

    for index, (text, _font) in enumerate(layout.national):
        fill_cell(right, [(st.HEADER_NATIONAL[index], text)], first=index == 0)
    last = right.paragraphs[-1]
    text, font = layout.national[-1]
    rule(last, text_width_mm(text, font.size, bold=font.bold), layout.right_column)
    fill_cell(right, [(st.HEADER_DATE, meta.place_date())], first=False)

    if not is_letter(plan):
        document.add_paragraph(nfc(meta.type_name), style=docstyles.TITLE)
        if meta.summary:
            from planwriter.export.summary import summary_lines

            lines = summary_lines(meta.summary, layout.summary.size, bold=layout.summary.bold,
                                  width_mm=SUMMARY_WIDTH_MM)
            add_lines(document.add_paragraph(style=docstyles.SUMMARY), lines)
        rule(document.add_paragraph(style=st.RULE), layout.summary_rule_mm,
             layout.page_width - layout.margin_left - layout.margin_right + CELL_MARGINS_MM)
    # Space between the title block and the body.
    document.add_paragraph(style=st.RULE)
    if meta.addressees:
        add_addressees(document, meta.addressees)


def is_letter(plan: Plan) -> bool:
    """A Công văn: no title; its trích yếu under the number."""
    return plan.meta.doc_type == "CV"


def body_lines(superior: str, issuing: str, layout: Layout) -> list[tuple[str, str]]:
    """(style, text) of the issuer's lines: the superior body's, then the issuing body's in
    bold — or, where the layout says so (an MTTQ body of three lines), only its last."""
    lines = [(docstyles.HEADER, line) for line in _lines(superior)]
    own = _lines(issuing)
    if layout.issuing_last_line_only_bold and len(own) > 1:
        lines += [(docstyles.HEADER, line) for line in own[:-1]]
        own = own[-1:]
    lines += [(st.HEADER_ISSUER, line) for line in own]
    return lines


def letter_summary(summary: str, size_pt: float = 12, room_mm: float = 1000) -> list[str]:
    """A letter's trích yếu as printed under its number: "V/v …", the drafter's lines kept,
    and a line too wide for the column balanced into shorter ones."""
    from planwriter.export.summary import balance

    lines = _lines(summary)
    if lines and not lines[0].lower().startswith(("v/v", "về việc")):
        lines[0] = f"V/v {lines[0][:1].lower()}{lines[0][1:]}"
    out: list[str] = []
    for line in lines:
        out += balance(line, size_pt, bold=False, width_mm=room_mm)
    return out


def add_addressees(document: Any, addressees: list[str]) -> None:
    """ "Kính gửi: X." on one line for one addressee; "Kính gửi:" then "- X;" lines (the last
    ending with ".") for several."""
    from docx.shared import Mm

    names = [a.strip().rstrip(",.;") for a in addressees if a.strip()]
    if len(names) == 1 and not names[0].startswith("-"):
        document.add_paragraph(nfc(f"Kính gửi: {names[0]}."), style=docstyles.ADDRESSEES)
        return
    for index, name in enumerate(names):
        end = "." if index == len(names) - 1 else ";"
        line = name if name.startswith("-") else f"- {name}"
        # The first addressee on the line of "Kính gửi:", the others under it: a hanging
        # indent, whose implicit tab stop (Word and LibreOffice) lines the names up.
        text = f"Kính gửi:\t{line}{end}" if index == 0 else f"{line}{end}"
        paragraph = document.add_paragraph(nfc(text), style=docstyles.ADDRESSEES)
        fmt = paragraph.paragraph_format
        fmt.left_indent = Mm(ADDRESSEE_INDENT_MM)
        fmt.first_line_indent = Mm(-22) if index == 0 else Mm(0)
        fmt.space_before = fmt.space_after = 0
        fmt.keep_with_next = index < len(names) - 1
        paragraph.alignment = 0  # left


def add_lines(paragraph: Any, lines: list[str]) -> None:
    """Write ``lines`` into one paragraph, a line break between them."""
    for index, line in enumerate(lines):
        run = paragraph.add_run(nfc(line))
        if index < len(lines) - 1:
            run.add_break()


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.split("\n") if line.strip()]


def borderless_table(document: Any, widths_mm: tuple[float, ...]) -> Any:
    """A one-row table with no borders and fixed column widths."""
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=len(widths_mm))
    table.autofit = False
    set_borders(table, "none")
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
    return table


def set_borders(table: Any, kind: str) -> None:
    """Every border of ``table`` (outer and inner) set to ``kind`` ("none" or "single")."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(st.q("tblBorders")):
        tbl_pr.remove(old)
    borders = st.make("tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = st.make(side)
        edge.set(st.q("val"), kind)
        edge.set(st.q("sz"), "4" if kind == "single" else "0")
        edge.set(st.q("space"), "0")
        edge.set(st.q("color"), "auto")
        borders.append(edge)
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                 "w:tblCaption", "w:tblDescription")


def fill_cell(cell: Any, lines: list[tuple[str, str]], *, first: bool = True) -> None:
    """Write (style, text) lines into ``cell``; ``first`` reuses the cell's empty paragraph."""
    for index, (style, text) in enumerate(lines):
        if first and index == 0:
            paragraph = cell.paragraphs[0]
            paragraph.style = style
            paragraph.add_run(nfc(text))
        else:
            cell.add_paragraph(nfc(text), style=style)


def rule(paragraph: Any, length_mm: float, room_mm: float) -> None:
    """Draw a centred rule ``length_mm`` long under ``paragraph`` (a bottom border on a
    paragraph indented so that the border is that long), within ``room_mm`` of width."""
    from docx.shared import Mm

    # The cell's own left and right margins (0.19 cm each in Word and LibreOffice) narrow
    # the room; a millimetre of slack keeps the text from wrapping on a wider font.
    side = max((room_mm - CELL_MARGINS_MM - length_mm - 1) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    border = st.make("pBdr")
    bottom = st.make("bottom")
    for attr, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(st.q(attr), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(
        border, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc")


# Approximate text widths in Times New Roman, to draw a rule as long as a line.
# Word cannot underline a paragraph to the length of its text with a border, so the header
# rule is a bottom border whose paragraph is indented to the text's width. The advance widths
# are the Adobe Times AFM figures (units of 1/1000 em), which Times New Roman and Liberation
# Serif share closely; Vietnamese letters take the width of their base letter.

# Measured with LibreOffice and Liberation Serif (pdftotext -bbox): the header lines print
# 2–5% wider than the AFM sum, the diacritics' glyphs being a little wider than their bases.
CALIBRATION = 1.04

_BOLD = dict(zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -*",
    [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722,
     556, 667, 722, 722, 1000, 722, 722, 667, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333,
     556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 250, 333,
     500],
    strict=True,
))
_REGULAR = dict(zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -*",
    [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667,
     556, 611, 722, 722, 944, 722, 722, 611, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278,
     500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 250, 333,
     500],
    strict=True,
))


def text_width_mm(text: str, size_pt: float, *, bold: bool) -> float:
    """The printed width of ``text`` at ``size_pt`` points, in millimetres."""
    table = _BOLD if bold else _REGULAR
    units = 0
    for char in text:
        base = unicodedata.normalize("NFD", char)[0]
        if base in "Đđ":
            base = "D" if base == "Đ" else "d"
        units += table.get(base, 500)
    return units / 1000 * size_pt * 25.4 / 72 * CALIBRATION
