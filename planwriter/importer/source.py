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
from planwriter.fsutil import read_input

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
    data = read_input(path, DocumentImportError, MAX_INPUT_BYTES)  # regular files only
    if suffix == ".docx":
        return _docx_lines(path, data)
    return _text_lines(path, data)


# A Word document of a few hundred pages unpacks to a few MB; a .docx whose parts expand past
# these is refused before any part is read (a zip bomb: 1.9 MB that unpacks to 3 GB).
MAX_INPUT_BYTES = 64 * 2**20
MAX_UNPACKED_BYTES = 256 * 2**20
MAX_PARTS = 10_000


def check_package(package: zipfile.ZipFile, path: Path) -> None:
    """Refuse a package whose parts, as its directory declares them, are too many or expand
    past ``MAX_UNPACKED_BYTES`` (zipfile never inflates a part past its declared size)."""
    parts = package.infolist()
    if len(parts) > MAX_PARTS:
        raise DocumentImportError(
            f"holds {len(parts)} parts, more than the {MAX_PARTS} a .docx may have", path
        )
    total = sum(info.file_size for info in parts)
    if total > MAX_UNPACKED_BYTES:
        raise DocumentImportError(
            f"expands to {total / 2**20:.0f} MB, more than the {MAX_UNPACKED_BYTES // 2**20} MB "
            "limit for a .docx (a damaged or malicious package?)", path
        )


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
        check_package(package, path)
    from planwriter.importer.wordread import read_docx

    try:
        return read_docx(data)
    except DocumentImportError as exc:
        raise DocumentImportError(exc.message, path, exc.line) from None
    except Exception as exc:  # a broken package raises several kinds
        raise DocumentImportError(f"cannot be read as .docx: {exc}", path) from None
