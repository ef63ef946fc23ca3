"""A .docx read as Word shows it: paragraphs and table cells in document order, each with the
label Word's automatic numbering puts before it (``wordnum``), in Unicode NFC.

The body is walked in its XML, not through python-docx's paragraph list, so nothing is
skipped: content controls (``w:sdt``), nested tables, hyperlinks and tracked insertions are
read; tracked deletions are not. A line break (``w:br``) or a tab (``w:tab``) that separates
two pieces of text (a recipient and the signature column sharing a cell line, the number
and the date of a header) splits the paragraph into several lines of the same paragraph.

Paragraph styles are kept as Word names them (``Line.word_style``); ``Line.style`` is set
only in a file planwriter exported (it uses planwriter's styles), where styles say what a
paragraph is. Any other file is read by its text, as a person reads it.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from docx.styles import BabelFish
from lxml import etree  # type: ignore[import-untyped]

from planwriter import docstyles
from planwriter.importer.source import Line, nfc
from planwriter.importer.wordnum import Numbering, W

_PLANWRITER_STYLES = {
    docstyles.HEADER,
    docstyles.SIGNATURE,
    docstyles.SIGNER,
    docstyles.RECIPIENT,
    docstyles.RECIPIENTS_HEADING,
    docstyles.APPENDIX_TITLE,
    docstyles.APPENDIX_HEADING,
    docstyles.ATTACHED,
    docstyles.TABLE_TEXT,
    docstyles.OBJECTIVE,
    docstyles.TASK,
}
# A piece before a tab that is a label ("1.", "a)", "-"), not a column of its own.
_LABEL_PIECE = re.compile(r"^(?:[IVXLC]+[.\-]|\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[-+•*])$")


def _xml(package: zipfile.ZipFile, name: str) -> Any | None:
    if name not in package.namelist():
        return None
    parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
    return etree.fromstring(package.read(name), parser)


class _Reader:
    def __init__(self, package: zipfile.ZipFile) -> None:
        styles = _xml(package, "word/styles.xml")
        self.numbering = Numbering(_xml(package, "word/numbering.xml"), styles)
        self.style_names: dict[str, str] = {}
        self.default_style = "Normal"
        if styles is not None:
            for style in styles.iter(W + "style"):
                name = style.find(W + "name")
                style_id = style.get(W + "styleId", "")
                self.style_names[style_id] = BabelFish.internal2ui(
                    name.get(W + "val", style_id) if name is not None else style_id
                )
                if style.get(W + "type") == "paragraph" and style.get(W + "default") == "1":
                    self.default_style = self.style_names[style_id]
        self.lines: list[Line] = []
        self.paragraphs = 0
        self.tables = 0

    def block(self, element: Any, cell: tuple[int, int, int] | None) -> None:
        for child in element:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, cell)
            elif tag == W + "tbl":
                self.table(child)
            elif tag in (W + "sdt", W + "customXml"):
                content = child.find(W + "sdtContent") if tag == W + "sdt" else child
                if content is not None:
                    self.block(content, cell)

    def table(self, element: Any) -> None:
        self.tables += 1
        table = self.tables
        rows = [row for row in element.iter(W + "tr") if _owner_table(row) is element]
        for row_number, row in enumerate(rows):
            column = 0
            for tc in row:
                if tc.tag == W + "sdt":
                    content = tc.find(W + "sdtContent")
                    cells = list(content) if content is not None else []
                else:
                    cells = [tc]
                for cell in cells:
                    if cell.tag != W + "tc":
                        continue
                    self.block(cell, (table, row_number, column))
                    span = cell.find(f"{W}tcPr/{W}gridSpan")
                    column += int(span.get(W + "val", "1")) if span is not None else 1

    def paragraph(self, element: Any, cell: tuple[int, int, int] | None) -> None:
        self.paragraphs += 1
        style_id = _attr(element.find(f"{W}pPr/{W}pStyle"))
        style = self.style_names.get(style_id, style_id) if style_id else self.default_style
        label = self.numbering.label(element)
        runs: list[tuple[str, bool | None]] = []
        for run in _runs(element):
            text = _run_text(run)
            if text:
                runs.append((text, _bold(run)))
        raw = "".join(text for text, _ in runs)
        if label and raw.strip():
            raw = f"{label} {raw.lstrip()}"
            runs.insert(0, (f"{label} ", None))
        pieces = _pieces(raw)
        for index, piece in enumerate(pieces):
            text = nfc(piece)
            line = Line(
                len(self.lines) + 1,
                text,
                runs=[(nfc(t), b) for t, b in runs] if len(pieces) == 1 else [],
                in_table=cell is not None,
                para=self.paragraphs,
                word_style=style or "Normal",
                normalized=text != piece,
            )
            if cell is not None:
                line.cell, line.col = (cell[0], cell[1]), cell[2]
            self.lines.append(line)
            del index


def _owner_table(row: Any) -> Any:
    parent = row.getparent()
    while parent is not None and parent.tag != W + "tbl":
        parent = parent.getparent()
    return parent


def _attr(element: Any) -> str:
    return "" if element is None else str(element.get(W + "val", ""))


def _runs(paragraph: Any) -> list[Any]:
    """The paragraph's runs in order (inside hyperlinks, fields, insertions), not deletions,
    not the runs of a text box's own paragraphs."""
    out = []
    for run in paragraph.iter(W + "r"):
        parent = run.getparent()
        skip = False
        while parent is not None and parent is not paragraph:
            if parent.tag in (W + "del", W + "moveFrom", W + "txbxContent"):
                skip = True
                break
            parent = parent.getparent()
        if not skip:
            out.append(run)
    return out


def _run_text(run: Any) -> str:
    parts = []
    for child in run:
        tag = child.tag
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag == W + "tab" or tag == W + "ptab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "sym":
            parts.append(chr(int(child.get(W + "char", "20"), 16)))
        elif tag in (W + "footnoteReference", W + "endnoteReference"):
            parts.append(f"[{_note_mark(child)}]")
    return "".join(parts)


def _note_mark(reference: Any) -> str:
    """The number a footnote reference shows: its id (footnotes are numbered in order)."""
    return str(reference.get(W + "id", ""))


def _bold(run: Any) -> bool | None:
    found = run.find(f"{W}rPr/{W}b")
    if found is None:
        return None
    return found.get(W + "val", "true") not in ("0", "false", "off")


def _pieces(text: str) -> list[str]:
    """A paragraph's lines: split at line breaks, and at tabs between two pieces of text
    (a tab after a label, or leading and trailing tabs, are only spacing)."""
    out: list[str] = []
    for line in text.split("\n"):
        parts = [part.strip() for part in line.split("\t")]
        merged: list[str] = []
        for part in parts:
            if not part:
                continue
            if merged and _LABEL_PIECE.match(merged[-1]):
                merged[-1] = f"{merged[-1]} {part}"
            else:
                merged.append(part)
        out.extend(merged or [""])
    return out or [""]


def read_docx(data: bytes) -> list[Line]:
    """The lines of a .docx package (``data``), as described in the module's docstring."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        reader = _Reader(package)
        document = _xml(package, "word/document.xml")
        notes = [_xml(package, f"word/{n}.xml") for n in ("footnotes", "endnotes")]
    body = document.find(W + "body") if document is not None else None
    if body is not None:
        reader.block(body, None)
    _notes(reader, notes)
    planwriter_made = any(line.word_style in _PLANWRITER_STYLES for line in reader.lines)
    if planwriter_made:
        for line in reader.lines:
            line.style = line.word_style
    return reader.lines


def _notes(reader: _Reader, parts: list[Any]) -> None:
    """Footnotes and endnotes, after the body: each paragraph a line "[n] text" (n the mark
    its reference shows in the text), flagged ``note`` so the importer places them."""
    for part in parts:
        if part is None:
            continue
        for note in part:
            if note.tag not in (W + "footnote", W + "endnote") or note.get(W + "type"):
                continue  # the separator "notes"
            first = len(reader.lines)
            reader.block(note, None)
            mark = f"[{note.get(W + 'id', '')}]"
            for line in reader.lines[first:]:
                line.note = True
            texts = [line for line in reader.lines[first:] if line.text.strip()]
            if texts:
                texts[0].text = f"{mark} {texts[0].text.strip()}"


def document_text(data: bytes) -> str:
    """Every piece of text the document body holds (``w:t``), read apart from the lines:
    what the share of characters that reached the plan is counted against."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        document = _xml(package, "word/document.xml")
        notes = [_xml(package, f"word/{n}.xml") for n in ("footnotes", "endnotes")]
    if document is None:
        return ""
    parts = []
    paragraphs = list(document.iter(W + "p"))
    for part in notes:
        if part is not None:
            for note in part:
                if not note.get(W + "type"):
                    paragraphs += list(note.iter(W + "p"))
    for paragraph in paragraphs:
        texts = [
            (t.text or "") if t.tag == W + "t" else " "
            for t in paragraph.iter(W + "t", W + "tab", W + "br", W + "cr")
            if not _deleted(t, paragraph)
        ]
        parts.append("".join(texts))
    return nfc("\n".join(parts))


def _deleted(element: Any, stop: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in (W + "del", W + "moveFrom"):
            return True
        parent = parent.getparent()
    return False
