"""PDFs and page images as numbered lines for the text importer.

A PDF page with a text layer is read as poppler lays it out (``pdftotext -layout``: the
columns of the header and the closing stay apart, and a hyphen at a line's end is kept, where
the reading-order mode would glue "33/KH-" and "MTTQ-BTT" together); a page without one (a
scan: images and next to no text) goes through Tesseract (``ocr``). Each line says which page
it is on, so the import report points a drafter at the paper.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from planwriter.errors import DocumentImportError
from planwriter.importer.layout import Row, layout_rows, page_lines
from planwriter.importer.ocr import Progress, ocr_image, ocr_pdf_pages, require
from planwriter.importer.source import Line

PDF_SUFFIXES = (".pdf",)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
SCAN_SUFFIXES = PDF_SUFFIXES + IMAGE_SUFFIXES
# Fewer printable characters than this on a page with an image: the page is a scan.
MIN_TEXT = 20
_PAGE_NUMBER = re.compile(r"^[-–—\s]*\d{1,3}[-–—\s]*$")
_MAGIC = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
}


@dataclass
class PageLine(Line):
    """A line of a PDF or scan, with its page and its line on that page."""

    page: int = 1
    page_line: int = 0
    furniture: bool = False  # a page number printed above or below the text

    @property
    def where(self) -> str:
        return f"trang {self.page} dòng {self.page_line}"


def read_scan(path: Path, progress: Progress | None = None) -> list[Line]:
    """The lines of a PDF or an image file; ``DocumentImportError`` naming ``path`` if it is
    not one, or cannot be read."""
    data = _read(path)
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        pages = _pdf_pages(path, data, progress)
    else:
        if not data.startswith(_MAGIC[suffix]):
            raise DocumentImportError(f"is not a {suffix[1:].upper()} image", path)
        pages = [page_lines(rows) for _, rows in sorted(ocr_image(path).items())]
        if progress is not None:
            progress(1, 1)
    return _numbered(pages)


def _read(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentImportError("no such file", path) from None
    except OSError as exc:
        raise DocumentImportError(f"cannot read: {exc.strerror}", path) from None
    if not data.strip():
        raise DocumentImportError("is empty", path)
    return data


def _pdf_pages(path: Path, data: bytes, progress: Progress | None) -> list[list[str]]:
    if b"%PDF-" not in data[:1024]:
        raise DocumentImportError("is not a PDF file (no %PDF header)", path)
    require(("pdfinfo", "pdftotext", "pdfimages"), path, "reading a PDF")
    count = _page_count(path)
    layer = _poppler(path, ["pdftotext", "-layout", "-enc", "UTF-8"], "-").split("\f")
    texts = [layer[n] if n < len(layer) else "" for n in range(count)]
    with_images = _pages_with_images(path)
    scanned = [
        n
        for n, text in enumerate(texts, start=1)
        if n in with_images and len(re.sub(r"\s", "", text)) < MIN_TEXT
    ]
    read: dict[int, list[Row]] = ocr_pdf_pages(path, scanned, progress) if scanned else {}
    return [
        page_lines(read[n] if n in read else layout_rows(text))
        for n, text in enumerate(texts, start=1)
    ]


def _page_count(path: Path) -> int:
    info = _poppler(path, ["pdfinfo"])
    found = re.search(r"^Pages:\s+(\d+)", info, re.M)
    if found is None:
        raise DocumentImportError("cannot be read as a PDF (no page count)", path)
    return int(found.group(1))


def _pages_with_images(path: Path) -> set[int]:
    listing = _poppler(path, ["pdfimages", "-list"]).splitlines()[2:]  # two heading lines
    return {int(row.split()[0]) for row in listing if row.split()[:1] != [] and row[:1] != "-"}


def _poppler(path: Path, command: list[str], *after: str) -> str:
    done = subprocess.run(
        [*command, str(path), *after], capture_output=True, timeout=600, check=False
    )
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace")
        if "password" in message.lower():
            raise DocumentImportError(
                "is protected by a password; save a copy without one and import that", path
            )
        first = next((line for line in message.splitlines() if line.strip()), "")
        raise DocumentImportError(
            f"cannot be read as a PDF; is it damaged or cut short? (poppler: {first.strip()})",
            path,
        )
    return unicodedata.normalize("NFC", done.stdout.decode("utf-8", "replace"))


def _numbered(pages: list[list[str]]) -> list[Line]:
    lines: list[Line] = []
    for page, texts in enumerate(pages, start=1):
        if lines:
            lines.append(PageLine(len(lines) + 1, "", page=page, page_line=0))  # page break
        filled = [n for n, text in enumerate(texts) if text.strip()]
        ends = {filled[0], filled[-1]} if filled else set()
        for page_line, text in enumerate(texts, start=1):
            text = unicodedata.normalize("NFC", text.strip())
            furniture = page_line - 1 in ends and _PAGE_NUMBER.match(text) is not None
            lines.append(
                PageLine(len(lines) + 1, text, page=page, page_line=page_line, furniture=furniture)
            )
    return lines


def page_furniture(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The lines of the text, and the page numbers printed above or below it."""
    kept = [line for line in lines if not getattr(line, "furniture", False)]
    return kept, [line for line in lines if getattr(line, "furniture", False)]
