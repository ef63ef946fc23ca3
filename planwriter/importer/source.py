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
    col: int = 0  # the cell's column in its row
    para: int = 0  # a .docx paragraph's number (a paragraph broken by tabs gives several lines)
    word_style: str = ""  # the paragraph style a .docx names, planwriter's or not
    normalized: bool = False  # the text was not NFC and was normalized
    note: bool = False  # a footnote's or endnote's line (read after the body)

    @property
    def where(self) -> str:
        if self.para:
            return f"đoạn {self.para}"
        return f"đoạn {self.number}" if self.style or self.in_table else f"dòng {self.number}"


def read_lines(path: Path) -> list[Line]:
    """The document's lines; ``DocumentImportError`` if it is not what its name says."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentImportError(
            f"cannot import a '{suffix or 'no extension'}' file (expected .docx or .txt)", path
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
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        plain = raw.replace("\t", " ").rstrip()
        cleaned = nfc(plain)
        out.append(Line(number, cleaned, normalized=cleaned != plain))
    return out


def nfc(text: str) -> str:
    """``text`` in Unicode NFC, control characters (but the line break) made spaces."""
    text = unicodedata.normalize("NFC", text)
    if any(ord(c) < 32 and c != "\n" for c in text):
        text = "".join(" " if ord(c) < 32 and c != "\n" else c for c in text)
    return text


def _docx_lines(path: Path, data: bytes) -> list[Line]:
    import io

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentImportError("is not a Word .docx file (not a zip package)", path)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/document.xml" not in package.namelist():
            raise DocumentImportError("is not a Word .docx file (no word/document.xml)", path)
    from planwriter.importer.wordread import read_docx

    try:
        return read_docx(data)
    except DocumentImportError as exc:
        raise DocumentImportError(exc.message, path, exc.line) from None
    except Exception as exc:  # a broken package raises several kinds
        raise DocumentImportError(f"cannot be read as .docx: {exc}", path) from None
