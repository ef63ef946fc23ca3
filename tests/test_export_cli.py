"""``planwriter export``: atomic writes, the PDF through LibreOffice, and its absence."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

import planwriter.export as export
from planwriter.cli import main
from planwriter.export import export_docx
from planwriter.export.pdf import INSTALL_HINT
from planwriter.planfile import load

FIXTURES = Path(__file__).parent / "fixtures" / "export"


def test_cli_writes_docx_and_register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "11.docx"
    tasks = tmp_path / "11.csv"
    code = main(["export", str(FIXTURES / "appendix.toml"), "-o", str(out), "--tasks", str(tasks)])
    assert code == 0
    assert Document(str(out)).paragraphs
    assert "12 nhiệm vụ" in capsys.readouterr().out
    assert tasks.read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_refuses_a_wrong_suffix_in_one_line(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(FIXTURES / "party.toml"), "-o", str(tmp_path / "x.odt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".docx" in err
    assert not list(tmp_path.iterdir())


def test_failed_build_keeps_the_previous_export(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "363.docx"
    plan = load(FIXTURES / "party.toml").plan
    export_docx(plan, path)
    before = path.read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("build failed half-way")

    from planwriter.export import closing

    monkeypatch.setattr(closing, "add_closing", broken)
    with pytest.raises(RuntimeError):
        export_docx(plan, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["363.docx"]


def test_failed_write_leaves_nothing_half_written(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "363.docx"
    plan = load(FIXTURES / "party.toml").plan
    export_docx(plan, path)
    before = path.read_bytes()
    real_write = Path.write_bytes

    def half(self: Path, data: bytes) -> int:
        real_write(self, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", half)
    with pytest.raises(export.ExportError):
        export_docx(plan, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["363.docx"]


def test_folder_that_is_a_file_is_one_line(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert main(["export", str(FIXTURES / "party.toml"), "-o", str(blocker / "a.docx")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "không ghi được" in err
    assert blocker.read_text() == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_unwritable_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert main(["export", str(FIXTURES / "party.toml"), "-o", str(folder / "a.docx")]) == 2
    finally:
        folder.chmod(0o700)
    assert "không ghi được" in capsys.readouterr().err
    assert not list(folder.iterdir())


def test_pdf_without_libreoffice_prints_the_install_hint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "363.docx"
    assert main(["export", str(FIXTURES / "party.toml"), "-o", str(out), "--pdf"]) == 0
    printed = capsys.readouterr().out
    assert INSTALL_HINT in printed and "apt-get install libreoffice-writer" in printed
    assert printed.count("\n") == 1
    assert out.exists() and not out.with_suffix(".pdf").exists()


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed; .ci/run installs it")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is absent")
def test_libreoffice_pdf_has_the_whole_text_in_order(tmp_path: Path) -> None:
    plan = load(FIXTURES / "appendix.toml").plan
    result = export_docx(plan, tmp_path / "11.docx", pdf=True)
    assert result.pdf is not None and result.pdf.exists()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(result.pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", " ", text)
    expected = ["ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY LAI CHÂU", "Số 11-KH/TU",
                "Lai Châu, ngày 17 tháng 10 năm 2025", "KẾ HOẠCH",
                "I. NHIỆM VỤ, GIẢI PHÁP", "II. TỔ CHỨC THỰC HIỆN", "Nơi nhận:",
                "- Lưu VPTU.", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Sùng A Hồ", "PHỤ LỤC",
                "Cơ quan chủ trì", "Dự án Luật Năng lượng nguyên tử (sửa đổi)"]
    position = 0
    for phrase in expected:
        found = flat.find(phrase, position)
        assert found >= 0, f"{phrase!r} missing or out of order"
        position = found
    # Every body sentence is whole, diacritics intact.
    for item, _, _ in plan.walk():
        if item.kind.value == "paragraph" or (item.kind.value == "section" and item.text):
            assert re.sub(r"\s+", " ", item.text) in flat


def test_failed_conversion_is_one_line_and_keeps_the_old_pdf(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    out = tmp_path / "363.docx"
    out.with_suffix(".pdf").write_bytes(b"%PDF old")
    assert main(["export", str(FIXTURES / "party.toml"), "-o", str(out), "--pdf"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be loaded" in err
    assert out.exists() and out.with_suffix(".pdf").read_bytes() == b"%PDF old"
