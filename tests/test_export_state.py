"""The state layout (Nghị định 30/2020), the task appendix and the task register."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Pt

from planwriter import docstyles
from planwriter.errors import ExportError
from planwriter.export import export_docx
from planwriter.export import styles as st
from planwriter.export.appendix import COLUMNS, task_rows
from planwriter.export.register import write_register
from planwriter.planfile import load

FIXTURES = Path(__file__).parent / "fixtures" / "export"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("state") / "ubnd.docx"
    export_docx(load(FIXTURES / "state.toml").plan, path)
    return Document(str(path))


@pytest.fixture(scope="module")
def appendix(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("appendix") / "11.docx"
    export_docx(load(FIXTURES / "appendix.toml").plan, path)
    return Document(str(path))


def test_state_header_has_the_national_motto_and_short_rule(state: Document) -> None:
    left, right = state.tables[0].rows[0].cells
    motto = [p for p in right.paragraphs]
    assert motto[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert motto[1].text == "Độc lập - Tự do - Hạnh phúc"
    first, second = (state.styles[p.style.name].font for p in motto[:2])
    assert first.bold and 12 <= first.size.pt <= 13
    assert second.bold and 13 <= second.size.pt <= 14
    assert motto[1]._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None
    assert state.styles[motto[2].style.name].font.italic
    texts = [p.text for p in left.paragraphs]
    assert texts[0] == "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" and "*" not in texts
    assert state.styles[left.paragraphs[0].style.name].font.bold
    assert 12 <= state.styles[left.paragraphs[0].style.name].font.size.pt <= 13
    rule = left.paragraphs[1]
    assert rule.style.name == st.RULE and rule._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None
    assert texts[-1].startswith("Số: ") and texts[-1].endswith("/KH-UBND")


def test_state_closing(state: Document) -> None:
    left, right = state.tables[-1].rows[0].cells
    assert [p.text for p in right.paragraphs][:3] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    heading = state.styles[docstyles.RECIPIENTS_HEADING].font
    assert heading.bold and heading.italic and not heading.underline and heading.size == Pt(12)
    assert state.styles[docstyles.RECIPIENT].font.size == Pt(11)
    assert left.paragraphs[-1].text == "- Lưu: VT."


def test_task_rows_are_grouped_and_numbered_per_group() -> None:
    rows = task_rows(load(FIXTURES / "appendix.toml").plan)
    groups = [r for r in rows if r.group]
    assert [g.number for g in groups] == ["1.", "2."]
    numbers = [r.number for r in rows]
    assert numbers[:3] == ["1.", "1", "2"]
    second = numbers.index("2.")
    assert numbers[second + 1] == "1"
    assert sum(1 for r in rows if not r.group) == 12


def test_appendix_is_a_landscape_table_with_a_repeating_header(appendix: Document) -> None:
    assert len(appendix.sections) == 2
    portrait, landscape = appendix.sections
    assert portrait.orientation == WD_ORIENT.PORTRAIT
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    assert landscape.page_width > landscape.page_height
    table = appendix.tables[-1]
    header = table.rows[0]
    assert [c.text for c in header.cells] == list(COLUMNS)
    assert header._tr.trPr.find(f"{W}tblHeader") is not None
    for row in table.rows:
        assert row._tr.trPr.find(f"{W}cantSplit") is not None
    first_task = table.rows[2].cells
    assert first_task[0].text == "1"
    assert first_task[1].text.startswith("Xây dựng, trình Thủ tướng Chính phủ ban hành")
    assert first_task[2].text == "Bộ Thông tin và Truyền thông"
    assert first_task[4].text == "6/2025"
    assert first_task[5].text == "Quyết định của Thủ tướng Chính phủ"
    titles = [p.text for p in appendix.paragraphs if p.style.name == docstyles.APPENDIX_TITLE]
    assert titles[0] == "PHỤ LỤC" and titles[1].startswith("NHIỆM VỤ CỤ THỂ")


def test_tasks_leave_the_body_when_in_the_appendix(appendix: Document) -> None:
    styles = [p.style.name for p in appendix.paragraphs]
    assert docstyles.TASK not in styles
    assert "1. Nâng cao nhận thức" in " ".join(p.text for p in appendix.paragraphs)


def test_csv_register_has_a_bom_and_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    assert write_register(load(FIXTURES / "appendix.toml").plan, path) == 12
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    assert rows[2][1].startswith("Xây dựng, trình Thủ tướng")
    assert len(rows) == 1 + 12 + 2


def test_xlsx_register_has_a_bold_header_sized_and_wrapped(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "tasks.xlsx"
    write_register(load(FIXTURES / "appendix.toml").plan, path)
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    assert all(c.font.bold for c in sheet[1])
    assert sheet.column_dimensions["B"].width >= 50
    assert sheet["B3"].alignment.wrap_text
    assert sheet["C3"].value == "Bộ Thông tin và Truyền thông"


def test_register_refuses_another_suffix(tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        write_register(load(FIXTURES / "appendix.toml").plan, tmp_path / "tasks.txt")


def test_appendix_note_cites_the_plan(appendix: Document) -> None:
    notes = [p.text for p in appendix.paragraphs if p.text.startswith("(Kèm theo")]
    assert notes == ["(Kèm theo Kế hoạch số 11-KH/TU, ngày 17/10/2025 của Tỉnh ủy Lai Châu)"]


def test_a_layout_figure_is_a_one_place_change() -> None:
    from dataclasses import replace

    from docx.shared import Mm

    from planwriter.export import build_document
    from planwriter.export.layout import PARTY, Font

    plan = load(FIXTURES / "party.toml").plan
    layout = replace(PARTY, margin_left=35, margin_top=25, recipient=Font(13))
    document = build_document(plan, layout)
    assert abs(document.sections[0].left_margin - Mm(35)) < Mm(0.1)
    assert abs(document.sections[0].top_margin - Mm(25)) < Mm(0.1)
    assert document.styles[docstyles.RECIPIENT].font.size == Pt(13)
