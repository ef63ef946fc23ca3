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

from planwriter.text import fold, fold_chars


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
_NAMES = re.compile(r"\b(cong hoa xa hoi chu nghia|[dp]ang cong san viet nam)")


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


def _split_names(row: Row) -> Row:
    """A piece cut where the national name or the party's begins after other text: the left
    column's body runs into it when the gap between them is narrow ("ỦY BAN BẦU CỬ XÃ PHỐ
    BẢNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")."""
    out: Row = []
    for piece in row:
        found = _NAMES.search(fold_chars(piece.text), 1)
        if found is None or not piece.text[: found.start()].strip():
            out.append(piece)
            continue
        width = (piece.x1 - piece.x0) / max(1, len(piece.text))
        cut = piece.x0 + width * found.start()
        out.append(Segment(piece.x0, cut, piece.text[: found.start()].strip()))
        out.append(Segment(cut, piece.x1, piece.text[found.start() :]))
    return out


def page_lines(rows: list[Row]) -> list[str]:
    """The page's lines; a block of two-column rows becomes its left column, then its right."""
    rows = [_split_names(row) for row in rows]
    out: list[str] = []
    page_right = max((row[-1].x1 for row in rows if row), default=0.0)
    index = 0
    while index < len(rows):
        edges = _columns_at(rows, index, page_right)
        if edges is None:
            out.append(" ".join(segment.text for segment in rows[index]))
            index += 1
            continue
        end, left, right = _block(rows, index, page_right, *edges)
        out.extend(_join_wrapped(left))
        out.append("")
        out.extend(_join_wrapped(right))
        out.append("")
        index = end
    return out


def _columns_at(rows: list[Row], at: int, page_right: float) -> tuple[float, float] | None:
    """Where the left and the right column start, if two columns start at row ``at``: a row
    with pieces in both, or a piece on the right half next to a short one on the left, a
    line apart ("Nơi nhận:" above the signature's "TM. BAN THƯỜNG TRỰC", or below it)."""
    row = rows[at]
    if len(row) >= 2:
        starts = [piece.x0 for piece in row[1:] if piece.x0 >= page_right / 4]
        return (row[0].x0, starts[0]) if starts else None
    following = next((r for r in rows[at + 1 : at + 3] if r), [])  # across one blank row
    if len(row) != 1 or not following:
        return None
    if len(following) >= 2:  # the right column's first line above a row of both
        if row[0].x0 >= page_right / 2 and row[0].x0 > following[0].x1:
            return following[0].x0, min(row[0].x0, following[1].x0)
        return None
    (one,), (two,) = row, following
    for left, right in ((one, two), (two, one)):
        if right.x0 >= page_right / 2 and left.x1 < right.x0 and left.x0 < page_right / 4:
            return left.x0, right.x0
    return None


def _block(
    rows: list[Row], start: int, page_right: float, left_edge: float, boundary: float
) -> tuple[int, list[str], list[str]]:
    """Where the block of two-column rows starting at ``start`` ends, and its two columns.

    Rows go on belonging to it while each piece sits in one column: a piece reaching well
    past the right column's start is body text across the page, and two blank rows end it.
    """
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
        boundary = min([boundary] + [piece.x0 for piece in row[1:] if piece.x0 >= middle])
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
