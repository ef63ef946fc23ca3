"""OCR: quality on scans of the real Word files, and the speed of ``planwriter import`` on a
scanned PDF against a baseline measured in the same run.

Quality: each .docx of ../shared/real/docx printed to PDF by LibreOffice, its first page and
its signature page scanned (rasterised at 300 dpi, put back into a PDF without a text layer),
read by ``planwriter.importer.pdf.read_scan`` and compared with the text layer of the same
pages (difflib ratio on NFC text, white space as single spaces).

Speed: ``planwriter import`` as a whole process on a scan of 2 and of 6 pages, against the
baseline of poppler and Tesseract run by hand on the same pages one after the other
(``pdftoppm -r 300`` then ``tesseract -l vie`` per page, on one thread, its fastest), which
is what the import adds its reading to; it runs two pages at a time where there are two
cores.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scans import accuracy, fact_pages, page_texts, render_pdfs, scan  # noqa: E402

from planwriter.importer.pdf import read_scan  # noqa: E402

DOCX = ROOT.parent / "shared" / "real" / "docx"


def main() -> None:
    documents = sorted(DOCX.glob("*.docx"))
    if not documents:
        print(f"skipped: {DOCX} is absent")
        return
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as name:
        folder = Path(name)
        pdfs = render_pdfs(documents, folder)
        print(f"{'document':40} {'pages':>8} {'chars':>6} {'accuracy':>9} {'seconds':>8}")
        scores = []
        for doc in documents:
            pdf = pdfs[doc.stem]
            pages = fact_pages(pdf)
            image_pdf = scan(pdf, pages, folder / f"{doc.stem}.scan.pdf")
            start = time.perf_counter()
            read = "\n".join(line.text for line in read_scan(image_pdf))
            seconds = time.perf_counter() - start
            texts = page_texts(pdf)
            truth = "\n".join(texts[page - 1] for page in pages)
            score = accuracy(read, truth)
            scores.append(score)
            shown = ",".join(map(str, pages))
            print(f"{doc.stem:40} {shown:>8} {len(truth):>6} {score:>9.4f} {seconds:>8.1f}")
        print(f"{'mean':40} {'':>8} {'':>6} {sum(scores) / len(scores):>9.4f}")
        print()
        _speed(pdfs[documents[0].stem], folder)


def _speed(pdf: Path, folder: Path) -> None:
    count = len(page_texts(pdf))
    for size in (2, min(6, count)):
        pages = list(range(1, size + 1))
        image_pdf = scan(pdf, pages, folder / f"speed-{size}.scan.pdf")
        ours = _time(
            [sys.executable, "-m", "planwriter", "import", str(image_pdf)]
            + ["-o", str(folder / f"speed-{size}.toml"), "--force"]
        )
        baseline = sum(_baseline_page(image_pdf, page, folder) for page in pages)
        print(
            f"scan of {size} pages: planwriter import {ours:.1f} s, pdftoppm + tesseract by "
            f"hand {baseline:.1f} s (ratio {ours / baseline:.2f}), "
            f"{ours / size:.1f} s a page"
        )


def _baseline_page(image_pdf: Path, page: int, folder: Path) -> float:
    prefix = folder / f"baseline-{page}"
    seconds = _time(
        ["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile"]
        + ["-f", str(page), "-l", str(page), str(image_pdf), str(prefix)]
    )
    one_thread = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # as fast as tesseract goes alone
    return seconds + _time(["tesseract", f"{prefix}.png", str(prefix), "-l", "vie"], one_thread)


def _time(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, cwd=ROOT, env=env)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
