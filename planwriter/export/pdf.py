"""PDF through LibreOffice headless, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from planwriter.errors import ExportError
from planwriter.fsutil import atomic_write_with

INSTALL_HINT = (
    "Không tìm thấy LibreOffice nên chưa xuất PDF; cài đặt bằng "
    "\"apt-get install libreoffice-writer\" (Debian/Ubuntu) hoặc từ libreoffice.org, "
    "rồi chạy lại với --pdf."
)
TIMEOUT_S = 180


def find_soffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx: Path, pdf: Path, soffice: str) -> None:
    """Convert ``docx`` to ``pdf`` in a temporary folder (with its own LibreOffice profile,
    so a running LibreOffice does not block it), then move the result into place atomically."""
    with tempfile.TemporaryDirectory(prefix="planwriter-pdf-") as folder:
        work = Path(folder)
        source = work / "plan.docx"
        shutil.copyfile(docx, source)
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}",
                   "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S,
                                  check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ExportError(f"LibreOffice không chuyển được sang PDF: {exc}", pdf) from exc
        produced = work / "plan.pdf"
        if done.returncode != 0 or not produced.exists():
            detail = (done.stderr or done.stdout).strip().splitlines()
            reason = detail[-1] if detail else f"mã thoát {done.returncode}"
            raise ExportError(f"LibreOffice không chuyển được sang PDF: {reason}", pdf)
        atomic_write_with(pdf, lambda tmp: shutil.copyfile(produced, tmp))


# The fonts a PDF may show for a requested family: the family itself, or a font with its
# metrics (LibreOffice substitutes Liberation Serif for Times New Roman, line for line).
METRIC_EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "Times New Roman": ("TimesNewRoman", "LiberationSerif", "Tinos"),
    "Arial": ("Arial", "LiberationSans", "Arimo"),
}


def pdf_fonts(pdf: Path) -> list[str]:
    """The fonts embedded in (or named by) ``pdf``, as pdffonts lists them, without the
    subset prefix ("BAAAAA+LiberationSerif-Bold" → "LiberationSerif-Bold"); empty when
    pdffonts (poppler-utils) is not installed."""
    program = shutil.which("pdffonts")
    if program is None:
        return []
    done = subprocess.run([program, str(pdf)], capture_output=True, text=True, timeout=60,
                          check=False)
    names = []
    for line in done.stdout.splitlines()[2:]:
        if line.strip():
            name = line.split()[0]
            names.append(name.split("+", 1)[1] if "+" in name[:7] else name)
    return names


def fallback_fonts(names: list[str], family: str) -> list[str]:
    """The fonts among ``names`` that are neither ``family`` nor a metric equivalent."""
    allowed = METRIC_EQUIVALENTS.get(family, (family.replace(" ", ""),))
    out = []
    for name in names:
        base = name.split("-", 1)[0].replace(",", "")
        if not any(base.startswith(ok) for ok in allowed) and name not in out:
            out.append(name)
    return out


def check_pdf_fonts(pdf: Path, family: str) -> list[str]:
    """One warning line when the PDF used a font other than ``family`` or its metric
    substitute (a letter the font lacks fell back to, say, DejaVu Serif), else nothing."""
    others = fallback_fonts(pdf_fonts(pdf), family)
    if not others:
        return []
    return [f"Cảnh báo: {pdf} dùng phông thay thế {', '.join(others)} ngoài {family} — "
            "cài phông Times New Roman hoặc fonts-liberation2 (đủ chữ tiếng Việt) rồi xuất lại."]
