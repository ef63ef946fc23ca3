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
