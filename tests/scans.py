"""Scans made from the real Word files, as an office would make them: LibreOffice prints the
.docx to PDF, each chosen page is rasterised (``pdftoppm -r 300``, JPEG as a scanner saves it)
and the images are put back into a PDF that has no text layer. Used by the OCR tests and by
``bench/ocr.py``.

Only the pages that carry the facts are scanned (the first page: header, number, date, title;
the page with "Nơi nhận": recipients and signer), which keeps the OCR of twelve documents to
about half a minute on two cores; the body pages between would add time, not facts.
"""

from __future__ import annotations

import difflib
import re
import struct
import subprocess
import unicodedata
import zlib
from pathlib import Path

from planwriter.text import fold

DPI = 300


def render_pdfs(documents: list[Path], folder: Path) -> dict[str, Path]:
    """Each .docx printed to PDF by LibreOffice headless, in one run; by document stem."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, documents),
        ],
        capture_output=True,
        check=True,
        timeout=600,
    )
    return {doc.stem: folder / f"{doc.stem}.pdf" for doc in documents}


def page_texts(pdf: Path) -> list[str]:
    """The text layer of each page (poppler, reading order)."""
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    text = unicodedata.normalize("NFC", done.stdout.decode("utf-8"))
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def fact_pages(pdf: Path) -> list[int]:
    """Page 1 and the page where the closing starts ("Nơi nhận"), 1-based; and the page after
    that when the closing starts low on its page and goes on over the page (the signer's
    name is then on the next one)."""
    texts = page_texts(pdf)
    starts = re.compile(r"^\s*noi nhan\s*:", re.M)  # not "nơi nhận phiếu" in the body
    closing = next(
        (n for n, text in enumerate(texts, start=1) if starts.search(fold_lines(text))),
        len(texts),
    )
    pages = {1, closing}
    found = starts.search(fold_lines(texts[closing - 1]))
    after = fold_lines(texts[closing - 1])[found.end() :] if found else ""
    if closing < len(texts) and len([line for line in after.splitlines() if line.strip()]) < 12:
        pages.add(closing + 1)
    return sorted(pages)


def fold_lines(text: str) -> str:
    return "\n".join(fold(line) for line in text.splitlines())


def scan(pdf: Path, pages: list[int], out: Path) -> Path:
    """An image-only PDF of ``pages`` of ``pdf``, each a grey JPEG at ``DPI``."""
    images = []
    for page in pages:
        prefix = out.parent / f"{out.stem}-p{page}"
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-gray", "-jpeg", "-singlefile"]
            + ["-f", str(page), "-l", str(page), str(pdf), str(prefix)],
            check=True,
            capture_output=True,
        )
        images.append(Path(f"{prefix}.jpg").read_bytes())
    out.write_bytes(jpeg_pdf(images))
    return out


def jpeg_pdf(images: list[bytes]) -> bytes:
    """A PDF whose pages are the JPEG ``images`` (A4 at ``DPI``), with no text at all."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for image in images:
        width, height, colours = _jpeg_frame(image)
        space = b"/DeviceGray" if colours == 1 else b"/DeviceRGB"
        w, h = width * 72 / DPI, height * 72 / DPI
        number = len(objects) + 1
        kids.append(f"{number} 0 R")
        draw = f"q {w:.2f} 0 0 {h:.2f} 0 0 cm /Im0 Do Q".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w:.2f} {h:.2f}] "
            f"/Resources << /XObject << /Im0 {number + 2} 0 R >> >> "
            f"/Contents {number + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(draw), draw))
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
            b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream"
            % (width, height, space, len(image), image)
        )
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(images)} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _jpeg_frame(data: bytes) -> tuple[int, int, int]:
    """Width, height and number of colour components of a JPEG."""
    at = 2
    while at < len(data):
        marker, length = data[at + 1], struct.unpack(">H", data[at + 2 : at + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height, data[at + 9]
        at += 2 + length
    raise ValueError("no JPEG frame header")


def png_bytes(width: int, height: int) -> bytes:
    """A blank white greyscale PNG (for an image with nothing on it)."""
    raw = b"".join(b"\x00" + b"\xff" * width for _ in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def accuracy(read: str, truth: str) -> float:
    """Character accuracy of ``read`` against ``truth``: difflib's ratio on NFC text with
    white space as single spaces (line breaks and layout are not what OCR is judged on)."""

    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()

    return difflib.SequenceMatcher(None, norm(read), norm(truth), autojunk=False).ratio()
