"""Reading an input document into numbered lines: a text file's lines, or a .docx's
paragraphs and table cells in document order. Nothing here interprets the text.

A line keeps where it came from (line or paragraph number, for the report), the paragraph
style when the .docx has one, and its runs with their boldness, which is how a bold run-in
title is told from the text after it.
"""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from planwriter.errors import DocumentImportError

SUFFIXES = (".txt", ".text", ".md", ".docx")


@dataclass
class Line:
    """One line of text (a .txt line, or a .docx paragraph) and where it came from."""

    number: int
    text: str
    style: str = ""
    runs: list[tuple[str, bool | None]] = field(default_factory=list)
    in_table: bool = False
    cell: tuple[int, int] = (0, 0)  # (table, row) of a table cell's paragraph

    @property
    def where(self) -> str:
        return f"đoạn {self.number}" if self.style or self.in_table else f"dòng {self.number}"


def read_lines(path: Path) -> list[Line]:
    """The document's lines; ``DocumentImportError`` if it is not what its name says."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentImportError(
            f"cannot import a '{suffix or 'no extension'}' file (expected .docx, .txt, .pdf "
            "or a scanned page .png/.jpg/.tif)",
            path,
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentImportError("no such file", path) from None
    except OSError as exc:
        raise DocumentImportError(f"cannot read: {exc.strerror}", path) from None
    if suffix == ".docx":
        return _docx_lines(path, data)
    return _text_lines(path, data)


def _text_lines(path: Path, data: bytes) -> list[Line]:
    if b"\x00" in data[:8192] or data.startswith(b"PK\x03\x04"):
        raise DocumentImportError("is a binary file, not text (a .docx renamed?)", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DocumentImportError(f"not UTF-8 text (line {line}); save it as UTF-8", path) from None
    text = unicodedata.normalize("NFC", text)
    return [Line(number, raw.rstrip()) for number, raw in enumerate(text.splitlines(), start=1)]


def _docx_lines(path: Path, data: bytes) -> list[Line]:
    import io

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentImportError("is not a Word .docx file (not a zip package)", path)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/document.xml" not in package.namelist():
            raise DocumentImportError("is not a Word .docx file (no word/document.xml)", path)
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise DocumentImportError(f"cannot be read as .docx: {exc}", path) from None
    out: list[Line] = []
    tables = 0
    for block in document.iter_inner_content():
        rows = getattr(block, "rows", None)
        if rows is None:
            out.append(_paragraph_line(len(out) + 1, block, in_table=False))
            continue
        tables += 1
        for row_number, row in enumerate(rows):
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell appears once per spanned column
                    continue
                seen.add(id(cell._tc))
                for paragraph in cell.paragraphs:
                    line = _paragraph_line(len(out) + 1, paragraph, in_table=True)
                    line.cell = (tables, row_number)
                    out.append(line)
    return out


def _paragraph_line(number: int, paragraph: object, *, in_table: bool) -> Line:
    runs = [(run.text, run.bold) for run in paragraph.runs if run.text]  # type: ignore[attr-defined]
    text = unicodedata.normalize("NFC", "".join(t for t, _ in runs) or paragraph.text)  # type: ignore[attr-defined]
    style = paragraph.style.name if paragraph.style is not None else ""  # type: ignore[attr-defined]
    return Line(number, text, style or "Normal", runs, in_table)
