"""What an exported file holds besides the text: properties, package parts, the trích yếu's
lines, appendices the plan holds, the task register and the export command's options."""

from __future__ import annotations

import copy
import datetime as dt
import zipfile
from pathlib import Path

import pytest
from cli_run import planwriter
from docx import Document

from planwriter import docstyles
from planwriter.errors import ExportError
from planwriter.export import build_document, export_docx
from planwriter.export import styles as st
from planwriter.export.clean import PROPERTY_LIMIT, cut
from planwriter.export.header import text_width_mm
from planwriter.export.pdf import check_pdf_fonts, fallback_fonts
from planwriter.export.register import write_register
from planwriter.export.summary import balance, summary_lines
from planwriter.model import Family, Item, Kind, Plan
from planwriter.planfile import load

FIXTURES = Path(__file__).parent / "fixtures" / "export"
FAMILIES = Path(__file__).parent / "fixtures" / "families"  # a mass organisation, a letter
ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LONG = ("thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát "
        "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, ") * 3


def run_cli(*args: str) -> tuple[int, str, str]:
    done = planwriter(*args)
    return done.returncode, done.stdout, done.stderr


def party() -> Plan:
    return load(FIXTURES / "party.toml").plan


def exported(plan: Plan, tmp_path: Path, name: str = "out.docx") -> Path:
    path = tmp_path / name
    export_docx(plan, path)
    return path


def test_a_summary_longer_than_the_property_limit_is_cut_not_a_crash(tmp_path: Path) -> None:
    plan = party()
    plan.meta.summary = LONG
    plan.meta.issuing_body = "BAN THƯỜNG VỤ " * 30
    doc = Document(str(exported(plan, tmp_path)))
    props = doc.core_properties
    assert len(props.title) <= PROPERTY_LIMIT and props.title.endswith("…")
    assert props.title.startswith("KẾ HOẠCH thực hiện Nghị quyết số 57-NQ/TW")
    assert len(props.author) <= PROPERTY_LIMIT
    assert cut("a " * 200).endswith("…") and len(cut("a " * 200)) <= PROPERTY_LIMIT


def test_core_properties_are_the_documents_own(tmp_path: Path) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    doc = Document(str(exported(party(), tmp_path)))
    props = doc.core_properties
    assert props.author == "HUYỆN ỦY TAM ĐƯỜNG" == props.last_modified_by
    assert props.language == "vi-VN"
    assert props.subject == "363-KH/HU"
    for stamp in (props.created, props.modified):
        stamp = stamp.replace(tzinfo=None)
        assert before - dt.timedelta(seconds=5) <= stamp <= before + dt.timedelta(minutes=1)


def test_no_python_docx_template_leftovers(tmp_path: Path) -> None:
    path = exported(party(), tmp_path)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode()
        settings = z.read("word/settings.xml").decode()
        rels = z.read("_rels/.rels").decode()
    assert "Macintosh" not in app and "<Application>planwriter</Application>" in app
    assert "HUYỆN ỦY TAM ĐƯỜNG" in app
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" ' \
           'w:val="15"' in settings
    assert "savePreviewPicture" not in settings
    assert "thumbnail" not in rels
    # The part itself may stay in the zip unreferenced only if python-docx writes it; it
    # does not once its relationship is gone.
    assert not any("thumbnail" in n for n in names)


def test_the_drafters_line_breaks_are_kept(tmp_path: Path) -> None:
    plan = party()
    plan.meta.summary = ("thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị\n"
                         "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo\n"
                         "và chuyển đổi số quốc gia")
    doc = Document(str(exported(plan, tmp_path)))
    summary = next(p for p in doc.paragraphs if p.style.name == docstyles.SUMMARY)
    assert summary.text.split("\n") == plan.meta.summary.split("\n")
    assert "\n" not in doc.core_properties.title


def test_a_long_summary_is_balanced_at_word_boundaries() -> None:
    text = ("thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát "
            "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia")
    lines = balance(text, 14, bold=True, width_mm=150)
    assert " ".join(lines) == text and len(lines) == 3
    widths = [text_width_mm(line, 14, bold=True) for line in lines]
    assert max(widths) <= 150 and max(widths) - min(widths) < 25  # similar lengths
    assert lines[0].endswith(",") or lines[1].endswith(",")  # a break after punctuation
    short = "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI và bầu cử đại biểu Hội " \
            "đồng nhân dân các cấp nhiệm kỳ 2026-2031"
    assert balance(short, 14, bold=True, width_mm=150) == [
        "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI",
        "và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031"]
    assert balance("Kế hoạch năm 2025", 14, bold=True, width_mm=150) == ["Kế hoạch năm 2025"]
    assert summary_lines("a\n b \n\nc", 14, bold=True, width_mm=150) == ["a", "b", "c"]


def test_the_title_follows_the_type(tmp_path: Path) -> None:
    for doc_type, title in (("KL", "KẾT LUẬN"), ("QĐ", "QUYẾT ĐỊNH"), ("HD", "HƯỚNG DẪN")):
        plan = party()
        plan.meta.doc_type = doc_type
        doc = Document(str(exported(plan, tmp_path, f"{doc_type}.docx")))
        titles = [p.text for p in doc.paragraphs if p.style.name == docstyles.TITLE]
        assert titles == [title]
        number = doc.tables[0].rows[0].cells[0].paragraphs[-1].text
        assert number == f"Số 363-{doc_type}/HU"


def test_a_letter_has_no_title_its_summary_under_the_number_and_addressees(
        tmp_path: Path) -> None:
    doc = Document(str(exported(load(FAMILIES / "letter.toml").plan, tmp_path)))
    assert not [p for p in doc.paragraphs if p.style.name == docstyles.TITLE]
    left = doc.tables[0].rows[0].cells[0]
    texts = [p.text for p in left.paragraphs]
    number = texts.index("Số: 125/UBND-KTN")  # a state letter's symbol names no type
    vv = texts[number + 1:]
    assert vv[0].startswith("V/v triển khai") and " ".join(vv) == \
        "V/v triển khai nhiệm vụ chuyển đổi số năm 2025"
    assert all(p.style.name == docstyles.LETTER_SUMMARY for p in left.paragraphs[number + 1:])
    kinh = [p.text for p in doc.paragraphs if p.style.name == docstyles.ADDRESSEES]
    assert kinh == ["Kính gửi:\t- Các sở, ban, ngành tỉnh;",
                    "- Ủy ban nhân dân các xã, phường."]
    one = load(FAMILIES / "letter.toml").plan
    one.meta.addressees = ["Sở Khoa học và Công nghệ"]
    doc = Document(str(exported(one, tmp_path, "one.docx")))
    assert [p.text for p in doc.paragraphs if p.style.name == docstyles.ADDRESSEES] == [
        "Kính gửi: Sở Khoa học và Công nghệ."]


def test_the_plans_family_chooses_the_layout(tmp_path: Path) -> None:
    letter = load(FAMILIES / "letter.toml").plan
    for family, national in ((Family.PARTY, "ĐẢNG CỘNG SẢN VIỆT NAM"),
                             (Family.STATE, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                             (Family.MASS, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")):
        plan = copy.deepcopy(letter)
        plan.meta.family = family
        doc = build_document(plan)
        right = doc.tables[0].rows[0].cells[1]
        assert right.paragraphs[0].text == national
        left = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs]
        assert ("*" in left) is (family is Family.PARTY)


def test_appendices_the_plan_holds_follow_the_signature(tmp_path: Path) -> None:
    doc = Document(str(exported(load(FAMILIES / "mass.toml").plan, tmp_path)))
    body = list(doc.element.body)
    tables = [el for el in body if el.tag == f"{W}tbl"]
    closing, form = tables[1], tables[2]
    assert body.index(closing) < body.index(form)
    titles = [p.text for p in doc.paragraphs if p.style.name == docstyles.APPENDIX_HEADING]
    assert titles == ["PHỤ LỤC", "MẪU BIÊN BẢN HỘI NGHỊ"]
    attached = [p.text for p in doc.paragraphs if p.style.name == docstyles.ATTACHED]
    assert attached == ["(Kèm theo Kế hoạch số 16/KH-MTTQ-BTT ngày 18/11/2025 của Ban Thường "
                        "trực Ủy ban MTTQ Việt Nam xã)"]
    table = doc.tables[2]
    assert [c.text for c in table.rows[0].cells] == ["STT", "Họ và tên", "Chức vụ, đơn vị",
                                                     "Ký tên"]
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert [r.cells[0].text for r in table.rows[1:]] == ["1", "2", "3"]
    assert len(doc.sections) == 2  # the form's own page, portrait
    assert doc.sections[1].page_width < doc.sections[1].page_height


def test_an_appendix_of_tasks_is_the_task_table(tmp_path: Path) -> None:
    plan = load(FIXTURES / "appendix.toml").plan
    plan.meta.tasks_in_appendix = False
    tasks = [item for item, _, _ in plan.walk(False) if item.kind is Kind.TASK]
    appendix = Item(id="pl", kind=Kind.APPENDIX, title="PHỤ LỤC I", text="DANH MỤC NHIỆM VỤ",
                    attached="(Kèm theo Kế hoạch này)", children=copy.deepcopy(tasks[:2]))
    for index, child in enumerate(appendix.children):
        child.id = f"pl-{index}"
    plan.items.append(appendix)
    doc = Document(str(exported(plan, tmp_path)))
    table = doc.tables[-1]
    assert table.rows[0].cells[1].text == "Nhiệm vụ"
    assert [r.cells[0].text for r in table.rows[1:]] == ["1", "2"]
    assert doc.sections[-1].page_width > doc.sections[-1].page_height


def test_task_header_cells_are_as_wide_as_their_columns(tmp_path: Path) -> None:
    doc = Document(str(exported(load(FIXTURES / "appendix.toml").plan, tmp_path)))
    table = doc.tables[-1]
    grid = [int(c.get(f"{W}w")) for c in table._tbl.tblGrid.findall(f"{W}gridCol")]
    for row in table.rows[:2]:
        widths = [c.width for c in row.cells]
        assert all(w is not None for w in widths)
    header = [int(c.width.twips) for c in table.rows[0].cells]
    assert header == grid


def test_xlsx_register_numbers_freezes_and_prints_landscape(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "tasks.xlsx"
    write_register(load(FIXTURES / "appendix.toml").plan, path)
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    stt = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert 1 in stt and all(isinstance(v, int) for v in stt if not str(v).endswith("."))
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4) == 9
    assert sheet.print_title_rows == "$1:$1"


def test_a_plan_with_no_tasks_says_so_and_writes_no_register(tmp_path: Path) -> None:
    plan = load(FAMILIES / "mass.toml").plan
    with pytest.raises(ExportError, match="không có nhiệm vụ"):
        write_register(plan, tmp_path / "tasks.xlsx")
    assert not (tmp_path / "tasks.xlsx").exists()
    out = tmp_path / "out.docx"
    code, stdout, stderr = run_cli("export", str(FAMILIES / "mass.toml"), "-o", str(out),
                                   "--tasks", str(tmp_path / "tasks.csv"))
    assert code == 2 and "không có nhiệm vụ" in stderr and stderr.count("\n") == 1
    assert not out.exists() and not (tmp_path / "tasks.csv").exists()


def test_tasks_inline_or_in_the_appendix_chosen_at_export(tmp_path: Path) -> None:
    source = FIXTURES / "appendix.toml"  # tasks_in_appendix = true
    inline, appendix = tmp_path / "inline.docx", tmp_path / "appendix.docx"
    assert run_cli("export", str(source), "-o", str(inline), "--tasks-inline")[0] == 0
    assert run_cli("export", str(source), "-o", str(appendix), "--tasks-appendix")[0] == 0
    first = Document(str(inline))
    assert len(first.sections) == 1
    task = next(p.text for p in first.paragraphs if p.style.name == docstyles.TASK)
    assert "(Chủ trì: " in task
    assert len(Document(str(appendix)).sections) == 2
    code, stdout, _ = run_cli("export", str(FAMILIES / "mass.toml"), "-o",
                              str(tmp_path / "m.docx"), "--tasks-appendix")
    assert code == 0 and "không có nhiệm vụ nào" in stdout


def test_fallback_fonts_are_named_and_warned_in_one_line(tmp_path: Path) -> None:
    names = ["LiberationSerif", "LiberationSerif-Bold", "TimesNewRomanPS-BoldMT",
             "DejaVuSerif", "DejaVuSerif-Bold"]
    assert fallback_fonts(names, "Times New Roman") == ["DejaVuSerif", "DejaVuSerif-Bold"]
    assert fallback_fonts(names[:3], "Times New Roman") == []
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"")  # pdffonts finds no font in it: no warning, no crash
    assert check_pdf_fonts(pdf, "Times New Roman") == []


def test_rules_of_the_header_keep_their_styles() -> None:
    doc = build_document(load(FAMILIES / "mass.toml").plan)
    left = doc.tables[0].rows[0].cells[0]
    assert [p.style.name for p in left.paragraphs][:4] == [
        docstyles.HEADER, docstyles.HEADER, st.HEADER_ISSUER, st.RULE]


def test_building_blocks_for_other_reports_are_public() -> None:
    import planwriter.export as export
    from planwriter.export.layout import STATE

    for name in export.__all__:
        assert getattr(export, name) is not None, name
    document, style_ids = export.new_document(STATE)  # what diff and review build on
    assert docstyles.BODY in style_ids and round(document.sections[0].page_width.mm) == 210


def test_a_lead_and_deadline_given_to_a_bullet_reach_the_document(tmp_path: Path) -> None:
    """The bundled drafts hold no TASK items: a drafter assigns a bullet ("edit … task"), and
    what was assigned must be printed, never silently left out."""
    plan = tmp_path / "kh.toml"
    drafted = planwriter("new", "--template", "lai-chau/11-KH-TU", "--profile",
                         "lai-chau/binh-lu", "-o", str(plan))
    assert drafted.returncode == 0, drafted.stderr
    bullet = next(item for item, _, _ in load(plan).plan.walk() if item.kind is Kind.BULLET)
    edited = planwriter("edit", str(plan), "task", bullet.id, "--lead", "Văn phòng Đảng ủy",
                        "--partner", "UBND xã", "--deadline", "Quý IV/2025")
    assert edited.returncode == 0, edited.stderr
    out = tmp_path / "kh.docx"
    assert run_cli("export", str(plan), "-o", str(out))[0] == 0
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert any(t.startswith("- " + bullet.text[:30]) or bullet.text[:30] in t for t in texts)
    line = next(t for t in texts if bullet.text[:30] in t)
    assert "(Chủ trì: Văn phòng Đảng ủy; Phối hợp: UBND xã; Thời gian: Quý IV/2025)" in line
