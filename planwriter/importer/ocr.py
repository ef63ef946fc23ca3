"""Reading scans with Tesseract's Vietnamese model: a page image (or a PDF page rasterised
by poppler's ``pdftoppm``) becomes rows of positioned text for ``layout``.

Each page is one ``tesseract`` process limited to one thread (its own OpenMP threading
costs more than it gains on a page); pages run two at a time where there are two cores.
A missing program or model is one line saying what to install.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from planwriter.errors import DocumentImportError
from planwriter.importer.layout import Row, split_wide_gaps

Progress = Callable[[int, int], None]  # (pages done, pages in all)

INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils"
DPI = 300
LANGUAGE = "vie"
_TIMEOUT = 600  # seconds for one page; a page takes a few


class MissingToolError(DocumentImportError):
    """A program or model needed to read the input is not installed."""


def require(programs: tuple[str, ...], path: Path, purpose: str) -> None:
    """``MissingToolError`` naming the first of ``programs`` not on PATH."""
    for program in programs:
        if shutil.which(program) is None:
            raise MissingToolError(
                f"{purpose} needs '{program}', which is not installed; install: {INSTALL}", path
            )


def require_tesseract(path: Path) -> None:
    require(("tesseract",), path, "reading a scan")
    if LANGUAGE not in _languages():
        raise MissingToolError(
            f"reading a scan needs Tesseract's Vietnamese model ('{LANGUAGE}'), which is not "
            f"installed; install: {INSTALL}",
            path,
        )


@cache
def _languages() -> frozenset[str]:
    done = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, env=_env(), check=False
    )
    names = done.stdout.splitlines()[1:]  # the first line says where they were looked for
    return frozenset(name.strip() for name in names)


def _env() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def workers(pages: int) -> int:
    return max(1, min(2, os.cpu_count() or 1, pages))


def ocr_image(path: Path) -> dict[int, list[Row]]:
    """The rows of each page of an image file (a TIFF may hold several), by page number."""
    require_tesseract(path)
    return _tsv_pages(_tesseract(path, path, []))


def ocr_pdf_pages(
    path: Path, pages: list[int], progress: Progress | None = None
) -> dict[int, list[Row]]:
    """The rows Tesseract reads on ``pages`` of a PDF, each rasterised at ``DPI``."""
    require(("pdftoppm",), path, "reading a scanned PDF")
    require_tesseract(path)
    out: dict[int, list[Row]] = {}
    if progress is not None:
        progress(0, len(pages))
    with ThreadPoolExecutor(max_workers=workers(len(pages))) as pool:
        futures = {pool.submit(_ocr_pdf_page, path, page): page for page in pages}
        for done, future in enumerate(as_completed(futures), start=1):
            out[futures[future]] = future.result().get(1, [])
            if progress is not None:
                progress(done, len(pages))
    return out


def _ocr_pdf_page(path: Path, page: int) -> dict[int, list[Row]]:
    with tempfile.TemporaryDirectory(prefix="planwriter-ocr-") as folder:
        prefix = Path(folder) / "page"
        command = ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", str(page), "-l", str(page)]
        done = subprocess.run(
            [*command, str(path), str(prefix)], capture_output=True, timeout=_TIMEOUT, check=False
        )
        images = sorted(Path(folder).glob("page*.png"))
        if done.returncode != 0 or not images:
            reason = _first_line(done.stderr) or "no image made"
            raise DocumentImportError(f"page {page} cannot be rasterised: {reason}", path)
        return _tsv_pages(_tesseract(images[0], path, ["--dpi", str(DPI)]))


def _tesseract(image: Path, source: Path, options: list[str]) -> str:
    done = subprocess.run(
        ["tesseract", str(image), "-", "-l", LANGUAGE, *options, "tsv"],
        capture_output=True,
        env=_env(),
        timeout=_TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        reason = _first_line(done.stderr) or f"exit status {done.returncode}"
        raise DocumentImportError(f"cannot be read as an image (tesseract: {reason})", source)
    return done.stdout.decode("utf-8", errors="replace")


def _first_line(data: bytes) -> str:
    lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines()]
    return next((line for line in lines if line and not line.startswith("Warning")), "")


@dataclass
class _Line:
    """One line as Tesseract found it: its words (left, right, text) and where it lies."""

    paragraph: tuple[int, int]  # (block, paragraph) within the page
    top: float
    bottom: float
    words: list[tuple[float, float, str]] = field(default_factory=list)


def _tsv_pages(tsv: str) -> dict[int, list[Row]]:
    """Tesseract's words as printed rows, top to bottom, a blank row where a paragraph ends.

    Tesseract may read a page's columns as separate blocks, in an order of its own ("Lan Thị
    Vân" before "TM. BAN THƯỜNG TRỰC"); lines at the same height are put back into one row
    (cut where its words are far apart), so that ``layout`` sees the page as it is printed.
    """
    lines: dict[tuple[int, int, int, int], _Line] = {}
    heights: dict[int, list[float]] = {}
    for record in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        try:
            level, page = int(record["level"]), int(record["page_num"])
            left, top, width, height = (
                float(record[k]) for k in ("left", "top", "width", "height")
            )
            block, par, number = (int(record[k]) for k in ("block_num", "par_num", "line_num"))
        except (KeyError, TypeError, ValueError):
            continue
        text = (record.get("text") or "").strip()
        key = (page, block, par, number)
        if level == 4:
            heights.setdefault(page, []).append(height)
            lines[key] = _Line((block, par), top, top + height)
        elif level == 5 and text and key in lines and not _fragment(text, record):
            lines[key].words.append((left, left + width, text))
    pages: dict[int, list[Row]] = {}
    by_page: dict[int, list[_Line]] = {}
    for (page, *_), line in lines.items():
        if line.words:
            by_page.setdefault(page, []).append(line)
    for page, found in by_page.items():
        gap = 1.5 * statistics.median(heights[page])
        rows = pages.setdefault(page, [])
        paragraph: tuple[int, int] | None = None
        for row in _rows(sorted(found, key=lambda line: (line.top + line.bottom) / 2)):
            if paragraph is not None and row[0].paragraph != paragraph:
                rows.append([])
            paragraph = row[0].paragraph
            words = sorted(word for line in row for word in line.words)
            rows.append(split_wide_gaps(words, gap))
    return pages


def _fragment(text: str, record: dict[str, str]) -> bool:
    """A lone character read with little confidence: a mark, not a word (the dot below "ị" of
    a bold name read apart as "I", a speck in the signature's blank space read as "-"), which
    would otherwise become the signer's name. Bullets and numbers read well score above 90."""
    try:
        confidence = float(record.get("conf") or 0)
    except ValueError:
        confidence = 0.0
    return len(text) == 1 and confidence < 70


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    """Lines grouped into rows: a line whose middle is within the row's height joins it."""
    rows: list[list[_Line]] = []
    for line in lines:
        middle = (line.top + line.bottom) / 2
        last = rows[-1] if rows else []
        if last and min(x.top for x in last) <= middle <= max(x.bottom for x in last):
            rows[-1].append(line)
        else:
            rows.append([line])
    for row in rows:
        row.sort(key=lambda line: line.words[0][0])  # the leftmost line leads the row
    return rows
