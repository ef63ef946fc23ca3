"""The review's workbook and report, opened as a user would: openpyxl for the workbook's
colours, panes, filters and print setup; python-docx and LibreOffice (rendered once per
module) for the report."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from planwriter import library
from planwriter.review import Verdict, run_review
from planwriter.review.generate import generate, write_children
from planwriter.review.jsonout import SCHEMA, review_json
from planwriter.review.report_docx import write_report
from planwriter.review.xlsx import FILLS, write_xlsx

PARENT = "lai-chau/63-CTr-TU"
PROFILES = sorted(library.profiles())


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory):
    from planwriter.drafting import load_template

    folder = tmp_path_factory.mktemp("review")
    children = generate(PARENT, PROFILES, 5, seed=21)
    paths = write_children(folder / "children", children)
    bad = folder / "children" / "hong.toml"
    bad.write_text("schema = 1\n[plan\n", encoding="utf-8")
    _, parent = load_template(PARENT)
    review = run_review(parent, PARENT, [*paths, bad], jobs=1)
    xlsx = write_xlsx(review, folder / "ma-tran.xlsx")
    docx = write_report(review, folder / "ra-soat.docx")
    return review, children, xlsx, docx


def test_json_schema_and_documented_fields(made) -> None:
    review, children, _, _ = made
    data = review_json(review)
    assert data["schema"] == SCHEMA == "planwriter-review/1"
    doc = (Path(__file__).parent.parent / "docs" / "review-json.md").read_text(encoding="utf-8")
    assert SCHEMA in doc
    for key in [*data, *data["summary"], *data["children"][0], *data["items"][0]]:
        assert f"`{key}`" in doc, key
    json.dumps(data)
    failed = data["children"][-1]
    assert failed["status"] == "failed" and "hong.toml" in failed["message"]


def test_workbook_matrix_colours_panes_filters_and_print_setup(made) -> None:
    from openpyxl import load_workbook

    review, children, xlsx, _ = made
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Ma trận", "Tổng hợp", "Chú giải"]
    sheet = book["Ma trận"]
    assert sheet.freeze_panes == "D4"
    assert sheet.auto_filter.ref == f"A3:H{3 + len(review.rows) + len(review.targets)}"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.print_title_rows == "$1:$3" and sheet.print_title_cols == "$A:$C"
    header = [c.value for c in sheet[3]]
    assert header[:3] == ["Mục", "Loại", "Nội dung"]
    # the failed child is in the summary sheet, not a column
    assert header[3:] == [f"{name}.toml" for name, _, _ in children]
    ids = [r.id for r in review.rows]
    for column, (_name, _, record) in enumerate(children, start=4):
        for item_id, reason in record.dropped.items():
            cell = sheet.cell(4 + ids.index(item_id), column)
            assert cell.value == f"bỏ: {reason}"
            assert cell.fill.fgColor.rgb.endswith(FILLS[Verdict.DROPPED])
        for item_id in record.missing:
            cell = sheet.cell(4 + ids.index(item_id), column)
            assert cell.value == "thiếu" and cell.fill.fgColor.rgb.endswith(FILLS[Verdict.MISSING])
        target_ids = [t.id for t in review.targets]
        for target_id, value in record.weakened.items():
            cell = sheet.cell(4 + len(ids) + target_ids.index(target_id), column)
            assert cell.value == f"hạ chỉ tiêu: {value}"
            assert cell.fill.fgColor.rgb.endswith(FILLS[Verdict.WEAKENED])
    summary = book["Tổng hợp"]
    assert summary.freeze_panes == "B2" and summary.auto_filter.ref.startswith("A1:")
    rows = list(summary.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [*(f"{n}.toml" for n, _, _ in children), "hong.toml"]
    assert rows[-1][3] == "không đọc được" and "TOML" in rows[-1][-1]


def test_report_structure_and_properties(made) -> None:
    import docx

    review, children, _, path = made
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "I. TỔNG HỢP", "II. CÁC MỤC BỊ BỎ, THIẾU HOẶC HẠ CHỈ TIÊU NHIỀU NHẤT",
        "III. TỪNG KẾ HOẠCH", "IV. KẾ HOẠCH CHƯA RÀ SOÁT ĐƯỢC",
    ]
    assert "BÁO CÁO" in texts
    assert any("Kết quả rà soát kế hoạch thực hiện" in t and "63-CTr/TU" in t for t in texts)
    header = document.tables[0].rows[0].cells[0].text
    assert "TỈNH ỦY LAI CHÂU" in header.upper()
    for _, _, record in children:
        for reason in record.dropped.values():
            assert any(f"lý do: {reason}" in t for t in texts)
    props = document.core_properties
    assert props.language == "vi-VN" and props.author and "rà soát" in props.title
    assert document.sections[0].different_first_page_header_footer


@pytest.fixture(scope="module")
def pdfs(made, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """Both files through LibreOffice once, as text (pdftotext)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) and poppler-utils are needed to render")
    _, _, xlsx, docx = made
    out = tmp_path_factory.mktemp("pdf")
    subprocess.run([soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(xlsx), str(docx)],
                   check=False, capture_output=True, timeout=300)
    texts = []
    for source in (xlsx, docx):
        pdf = out / f"{source.stem}.pdf"
        if not pdf.exists():  # LibreOffice without Calc (libreoffice-calc-nogui) loads no .xlsx
            texts.append("")
            continue
        done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"],
                              check=True, capture_output=True, text=True)
        texts.append(" ".join(done.stdout.split()))
    return texts[0], texts[1]


def test_the_workbook_prints_with_its_title_rows_on_every_page(pdfs) -> None:
    text, _ = pdfs
    if not text:
        pytest.skip("LibreOffice Calc is not installed (Debian: libreoffice-calc-nogui)")
    assert "Mục Loại Nội dung" in text and "bỏ:" in text and "Trang 1/" in text
    pages = text.count("Mục Loại Nội dung")  # the header row, on every page of the matrix
    assert pages >= 2 and text.count("Rà soát 6 kế hoạch thực hiện 63-CTr/TU") == pages


def test_the_report_prints_in_the_export_layout(pdfs) -> None:
    _, text = pdfs
    assert "BÁO CÁO" in text and "TỪNG KẾ HOẠCH" in text and "hong.toml" in text
    assert "Độc lập" not in text  # a party body's report: the party motto, not the state's
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text


@pytest.mark.parametrize("width", [80, 120])
def test_the_terminal_summary_fits_the_terminal(made, width: int) -> None:
    import io

    from rich.console import Console

    from planwriter.review.terminal import render

    review, children, _, _ = made
    out = io.StringIO()
    render(review, Console(file=out, width=width, color_system=None))
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    text = " ".join(" ".join(lines).split())
    for name, _, _ in children:
        assert f"{name}.toml" in text
    assert "hong.toml: không đọc được" in text
    assert ("Đơn vị" in text) is (width >= 110)
