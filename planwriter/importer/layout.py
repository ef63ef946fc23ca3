"""From positioned text (a PDF's text layer laid out by poppler, or the words Tesseract found
on a scan) to the lines the text importer reads, in the order a Word file gives them.

An official document's header and closing are two columns side by side (issuing body | motto,
recipients | signature). Read across, a line mixes both ("ỦY BAN MTTQ VIỆT NAM CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT"); here a run of two-column rows is read column by column instead, as the
table cells of the .docx are: the left column's lines, then the right column's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwriter.text import fold


@dataclass
class Segment:
    """A piece of one printed line with no wide gap inside, and where it starts and ends."""

    x0: float
    x1: float
    text: str


Row = list[Segment]  # one printed line, left to right; [] is a blank line

# A piece of a line: words separated by fewer than four spaces (poppler's -layout writes a
# gap between columns as a run of spaces).
_PIECE = re.compile(r"\S+(?: {1,3}\S+)*")
# The national name wraps in a narrow header column: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM".
_STATE_NAME = "cong hoa xa hoi chu nghia viet nam"


def layout_rows(page: str) -> list[Row]:
    """The rows of a page of ``pdftotext -layout`` output; x counts characters."""
    return [
        [Segment(m.start(), m.end(), m.group()) for m in _PIECE.finditer(raw)]
        for raw in page.splitlines()
    ]


def split_wide_gaps(words: list[tuple[float, float, str]], gap: float) -> Row:
    """One OCR line (its words as (left, right, text), left to right) cut where words are
    more than ``gap`` apart."""
    row: Row = []
    for left, right, text in words:
        if row and left - row[-1].x1 <= gap:
            row[-1] = Segment(row[-1].x0, right, f"{row[-1].text} {text}")
        else:
            row.append(Segment(left, right, text))
    return row


def page_lines(rows: list[Row]) -> list[str]:
    """The page's lines; a block of two-column rows becomes its left column, then its right."""
    out: list[str] = []
    page_right = max((row[-1].x1 for row in rows if row), default=0.0)
    index = 0
    while index < len(rows):
        if len(rows[index]) < 2:
            out.append(" ".join(segment.text for segment in rows[index]))
            index += 1
            continue
        end, left, right = _block(rows, index, page_right)
        out.extend(_join_wrapped(left))
        out.append("")
        out.extend(_join_wrapped(right))
        out.append("")
        index = end
    return out


def _block(rows: list[Row], start: int, page_right: float) -> tuple[int, list[str], list[str]]:
    """Where the block of two-column rows starting at ``start`` ends, and its two columns.

    Rows go on belonging to it while each piece sits in one column: a piece reaching well
    past the right column's start is body text across the page, and two blank rows end it.
    """
    boundary = rows[start][1].x0
    left_edge = rows[start][0].x0
    left: list[str] = []
    right: list[str] = []
    blanks = 0
    index = start
    while index < len(rows):
        row = rows[index]
        if not row:
            blanks += 1
            if blanks >= 2:
                break
            index += 1
            continue
        blanks = 0
        middle = (left_edge + boundary) / 2
        reach = boundary + (page_right - boundary) / 4
        if len(row) == 1 and row[0].x0 < middle and row[0].x1 > reach:
            break  # a line across the page: the body
        if len(row) >= 2:
            boundary = min(boundary, row[1].x0)
        left_text = [s.text for s in row if s.x0 < middle]
        right_text = [s.text for s in row if s.x0 >= middle]
        if left_text:
            left.append(" ".join(left_text))
        if right_text:
            right.append(" ".join(right_text))
        index += 1
    return index, left, right


def _join_wrapped(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and fold(f"{out[-1]} {line}") == _STATE_NAME:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out
