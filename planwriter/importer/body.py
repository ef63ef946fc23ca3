"""Building the tree of a body (the document's, or an appendix's) from its paragraphs: labels
and bullets give sections and items (``structure``), tables give tasks or tables (``tables``),
and a written label that is not the one the tree gives ("5." after "3.", "3.2." twice) is
reported, since labels are derived from the tree, never stored.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from planwriter.docstyles import heading_depth
from planwriter.importer.paragraphs import LABEL, Paragraph, is_noise
from planwriter.importer.source import Line
from planwriter.importer.structure import (
    TreeBuilder,
    is_closing_sentence,
    is_summing_up,
    styled_item,
    text_item,
)
from planwriter.importer.styledtables import read_styled_table
from planwriter.importer.tables import TableReader, is_text_row
from planwriter.model import Item, Kind


@dataclass
class Body:
    """One body being built, and what it could not place."""

    builder: TreeBuilder = field(default_factory=TreeBuilder)
    unplaced: list[tuple[Line, str, str]] = field(default_factory=list)  # line, text, why
    written: dict[str, tuple[str, Line]] = field(default_factory=dict)  # id → label, line

    def __post_init__(self) -> None:
        self.tables = TableReader(self.builder)

    @property
    def items(self) -> list[Item]:
        return self.builder.items


def build(body: Body, paragraphs: list[Paragraph], *, styled: bool, text_rows: bool) -> None:
    """Place ``paragraphs`` in ``body``. ``text_rows``: lines with " | " are table rows (an
    appendix written as text); else only "| … |" rows are."""
    row: list[Line] = []

    def flush() -> None:
        if row:
            columns: dict[int, list[str]] = {}
            for line in row:
                columns.setdefault(line.col, []).append(line.text.strip())
            width = max(columns) + 1  # an empty cell has no line: keep its place
            body.tables.cells_row([" ".join(columns.get(c, [])).strip() for c in range(width)])
            row.clear()

    styled_rows: list[Line] = []  # the cells of a table in a .docx planwriter exported

    def flush_styled() -> None:
        if styled_rows:
            body.tables.found_tasks |= read_styled_table(styled_rows, body.builder)
            styled_rows.clear()

    last_table = 0
    # "Trên đây là Kế hoạch …" after the last section closes the body: it is not a point of
    # that section (before it, the same words may sum up one part).
    last_section = max(
        (n for n, p in enumerate(paragraphs) if _opens_section(p, styled)), default=-1
    )
    for index, paragraph in enumerate(paragraphs):
        line = paragraph.line
        if line.in_table and styled:
            if styled_rows and styled_rows[0].cell[0] != line.cell[0]:
                flush_styled()
            styled_rows.append(line)
            continue
        flush_styled()
        if line.in_table and not styled:
            if row and row[0].cell != line.cell:
                flush()
            if line.cell[0] != last_table:
                body.tables.end()  # another Word table
                last_table = line.cell[0]
            row.append(line)
            continue
        flush()
        last_table = 0
        if is_closing_sentence(paragraph.text) or (
            index > last_section and is_summing_up(paragraph.text)
        ):
            body.tables.end()
            body.builder.close_all()
            body.builder.add(Item(id="", kind=Kind.PARAGRAPH, text=paragraph.text), None)
            continue
        if styled:
            if not paragraph.text or styled_item(paragraph, body.builder) is None:
                if paragraph.text and not is_noise(paragraph.text):
                    body.unplaced.append(
                        (line, paragraph.text, f"kiểu đoạn '{line.style}' không rõ là phần nào")
                    )
            continue
        text = paragraph.text
        if is_text_row(text) if text_rows else (text.startswith("|") and text.count("|") >= 3):
            body.tables.row(text)
            continue
        body.tables.end()
        item = text_item(paragraph, body.builder)
        found = LABEL.match(text)
        if found and item.kind is Kind.SECTION:
            body.written[item.id] = (found.group("label"), line)
    flush()
    flush_styled()


def _opens_section(paragraph: Paragraph, styled: bool) -> bool:
    """Whether the paragraph is a section's heading or numbered sentence ("II.", "1.",
    "2.1."; in a file planwriter exported, a heading or section-text style)."""
    if styled:
        return heading_depth(paragraph.line.style or "") is not None
    found = LABEL.match(paragraph.text)
    return found is not None and found.group("label") not in ("-", "+", "•")


_STYLE = [
    (re.compile(r"[IVXLCl|][IVXLCl|1]*\."), "I."),  # "|." and "Il." are an OCR's "I."
    (re.compile(r"[IVXLCl|][IVXLCl|1]*-"), "I-"),
    (re.compile(r"\d+(\.\d+)+\.?"), "1.1."),
    (re.compile(r"\d+\.?"), "1."),
    (re.compile(r"[a-zđ][).]"), "a)"),
]


def style_of(label: str) -> str:
    for pattern, style in _STYLE:
        if label and pattern.fullmatch(label):
            return style
    return ""


def numbering_of(items: list[Item], written: dict[str, tuple[str, Line]]) -> list[str]:
    """The label style of each section depth, as the source writes it (the style most labels
    at that depth are written in); the default where none is written."""
    counts: dict[int, Counter[str]] = {}

    def visit(children: list[Item], depth: int) -> None:
        for item in children:
            if item.kind is Kind.SECTION:
                style = style_of(written.get(item.id, ("", None))[0])
                if style:
                    counts.setdefault(depth, Counter())[style] += 1
                visit(item.children, depth + 1)
            elif item.kind is not Kind.APPENDIX:
                visit(item.children, depth)

    visit(items, 0)
    if not counts:
        return []
    # parts written in Roman numerals win over "1." (an OCR reads "II." as "1.")
    styles = {
        depth: next((s for s in ("I.", "I-") if count[s]), count.most_common(1)[0][0])
        for depth, count in counts.items()
    }
    defaults = ["I.", "1.", "1.1.", "a)"]
    following = {"I.": "1.", "I-": "1.", "1.": "1.1.", "1.1.": "1.1.", "a)": "a)"}
    out: list[str] = []
    for depth in range(max(styles) + 1):
        if depth in styles:
            out.append(styles[depth])
        else:
            out.append(following.get(out[-1], "a)") if out else defaults[min(depth, 3)])
    return out


def irregular(
    written: dict[str, tuple[str, Line]], derived: dict[str, str]
) -> list[tuple[Line, str]]:
    """Written labels that differ from the ones the tree gives: a skipped or repeated number
    each with its warning; labels written in another style than the plan's, one warning per
    pair of styles listing where."""
    out = []
    styles: dict[tuple[str, str], list[tuple[str, Line]]] = {}
    for item_id, (label, line) in written.items():
        shown = derived.get(item_id, "")
        if not shown or _plain(label) == _plain(shown):
            continue
        if style_of(label) != style_of(shown):
            styles.setdefault((style_of(label), style_of(shown)), []).append((label, line))
            continue
        out.append(
            (
                line,
                f"số thứ tự viết trong văn bản là '{label}', kế hoạch đánh số lại là "
                f"'{shown}' (xem lại: văn bản gốc bỏ sót hoặc lặp số)",
            )
        )
    for (mine, theirs), found in styles.items():
        where = ", ".join(line.where for _, line in found[:8]) + (", …" if len(found) > 8 else "")
        out.append(
            (
                found[0][1],
                f"{len(found)} mục viết số kiểu '{mine}' ({where}) được đánh số kiểu '{theirs}' "
                "như các mục cùng cấp (xem lại)",
            )
        )
    return out


def _plain(label: str) -> str:
    return label.rstrip(".)-").lower()
