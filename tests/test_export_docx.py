"""The exported .docx of a party plan, read back with python-docx, against FORMAT.md."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from planwriter import docstyles
from planwriter.export import export_docx
from planwriter.export import styles as st
from planwriter.planfile import load

FIXTURES = Path(__file__).parent / "fixtures" / "export"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def party(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("party") / "363.docx"
    export_docx(load(FIXTURES / "party.toml").plan, path)
    return Document(str(path))


def close(length: object, mm: float) -> bool:
    return abs(int(length) - Mm(mm)) < Mm(0.1)  # type: ignore[call-overload]


def test_page_is_a4_portrait_with_the_margins(party: Document) -> None:
    section = party.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert close(section.page_width, 210) and close(section.page_height, 297)
    assert close(section.top_margin, 20) and close(section.bottom_margin, 20)
    assert close(section.left_margin, 30) and close(section.right_margin, 15)


def test_every_style_names_times_new_roman_for_every_script(party: Document) -> None:
    names = [docstyles.BODY, docstyles.TITLE, docstyles.heading(0), docstyles.RECIPIENT,
             docstyles.HEADER, st.HEADER_NATIONAL[0], st.HEADER_DATE, docstyles.SIGNER]
    for name in names:
        fonts = party.styles[name].element.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None, name
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert fonts.get(f"{W}{attr}") == "Times New Roman", (name, attr)


def test_body_paragraphs_are_justified_14pt_indented_and_spaced(party: Document) -> None:
    body = party.styles[docstyles.BODY]
    assert body.font.size == Pt(14)
    fmt = body.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert Mm(10) <= fmt.first_line_indent <= Mm(12.7) + 10
    assert fmt.space_after >= Pt(6)
    assert 1.0 <= fmt.line_spacing <= 1.5
    assert party.styles[docstyles.BULLET].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_heading_levels(party: Document) -> None:
    h1, h2, h3, h4 = (party.styles[docstyles.heading(d)] for d in range(4))
    assert h1.font.bold and h1.font.all_caps and h1.font.size == Pt(14)
    assert h2.font.bold and not h2.font.all_caps
    assert h3.font.bold
    assert h4.font.italic and not h4.font.bold
    texts = {p.text: p.style.name for p in party.paragraphs}
    assert texts["I. MỤC ĐÍCH, YÊU CẦU"] == "Heading 1"
    assert texts["1. Mục đích"] == "Heading 2"
    assert texts["1.1. Mục tiêu chung"] == "Heading 3"
    assert texts["a) Đến năm 2030"] == "Heading 4"


def test_labels_are_text_and_kinds_have_their_styles(party: Document) -> None:
    styles = {p.text: p.style.name for p in party.paragraphs}
    objective = "- Tỷ lệ phủ sóng 5G trên địa bàn huyện đạt tối thiểu 45%."
    assert styles[objective] == docstyles.OBJECTIVE
    assert styles["+ Người đứng đầu cấp ủy, tổ chức đảng trực tiếp chỉ đạo."] == docstyles.BULLET_2
    task = next(p for p in party.paragraphs if p.text.startswith("- Xây dựng kế hoạch tuyên"))
    assert task.style.name == docstyles.TASK
    assert "Chủ trì: Ban Tuyên giáo và Dân vận Huyện ủy" in task.text
    opening = party.paragraphs[[p.text for p in party.paragraphs].index(
        next(t for t in styles if t.startswith("Thực hiện Chương trình")))]
    assert opening.style.name == docstyles.BODY


def test_runs_carry_formatting_only_where_a_run_differs(party: Document) -> None:
    for p in party.paragraphs:
        if len(p.runs) == 1:
            r = p.runs[0]._r
            assert r.find(f"{W}rPr") is None, p.text
    bullet = next(p for p in party.paragraphs if "Nâng cao nhận thức" in p.text)
    assert [r.text for r in bullet.runs][:2] == ["- ", "Nâng cao nhận thức"]
    assert bullet.runs[1].bold is True and bullet.runs[0].bold is None
    run_in = next(p for p in party.paragraphs if p.text.startswith("2. Yêu cầu"))
    # A run-in title is body text (no keep-with-next chain), its label and title a bold run.
    assert run_in.style.name == docstyles.section_text(1)
    assert run_in.style.paragraph_format.keep_with_next is not True
    assert run_in.runs[0].text == "2. Yêu cầu" and run_in.runs[0].bold is True
    assert run_in.runs[1].text.startswith(": Kế hoạch") and run_in.runs[1].bold is False


def test_header_table_is_borderless_with_the_party_lines(party: Document) -> None:
    table = party.tables[0]
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert borders is not None and {b.get(f"{W}val") for b in borders} == {"none"}
    left, right = table.rows[0].cells
    assert [(p.text, p.style.name) for p in left.paragraphs] == [
        ("ĐẢNG BỘ TỈNH LAI CHÂU", docstyles.HEADER),
        ("HUYỆN ỦY TAM ĐƯỜNG", st.HEADER_ISSUER),
        ("*", docstyles.HEADER),
        ("Số 363-KH/HU", st.HEADER_NUMBER),
    ]
    assert party.styles[docstyles.HEADER].font.bold is False
    assert party.styles[docstyles.HEADER].font.size == Pt(14)
    assert party.styles[st.HEADER_ISSUER].font.bold is True
    national, date = right.paragraphs
    assert national.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert party.styles[national.style.name].font.size == Pt(15)
    assert party.styles[national.style.name].font.bold is True
    rule = national._p.find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert rule is not None and rule.get(f"{W}val") == "single"
    # The rule is as long as the line: the paragraph is indented, not full width.
    assert Mm(3) < national.paragraph_format.left_indent < Mm(10)
    assert date.text == "Tam Đường, ngày 23 tháng 4 năm 2025"
    assert party.styles[date.style.name].font.italic is True
    for p in left.paragraphs + right.paragraphs:
        assert party.styles[p.style.name].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_title_block(party: Document) -> None:
    title = next(p for p in party.paragraphs if p.style.name == docstyles.TITLE)
    assert title.text == "KẾ HOẠCH"
    style = party.styles[docstyles.TITLE]
    assert style.font.bold and 15 <= style.font.size.pt <= 16
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    summary = next(p for p in party.paragraphs if p.style.name == docstyles.SUMMARY)
    assert summary.text.startswith("thực hiện Nghị quyết số 57-NQ/TW")
    assert party.styles[docstyles.SUMMARY].font.bold
    assert party.styles[docstyles.SUMMARY].font.size == Pt(14)
    paragraphs = list(party.paragraphs)
    after = paragraphs[[p._p for p in paragraphs].index(summary._p) + 1]
    assert after.text == "" and after._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None


def test_recipients_and_signature_side_by_side(party: Document) -> None:
    table = party.tables[-1]
    assert {b.get(f"{W}val") for b in table._tbl.tblPr.find(f"{W}tblBorders")} == {"none"}
    assert table.rows[0]._tr.trPr.find(f"{W}cantSplit") is not None
    left, right = table.rows[0].cells
    texts = [p.text for p in left.paragraphs]
    assert texts[0] == "Nơi nhận:" and texts[1] == "- TT. Tỉnh ủy (b/c),"
    assert texts[-1] == "- Lưu VPHU."
    assert all(t.endswith(",") for t in texts[1:-1])
    heading = party.styles[docstyles.RECIPIENTS_HEADING]
    assert heading.font.underline is True and heading.font.size == Pt(14)
    assert party.styles[docstyles.RECIPIENT].font.size == Pt(12)
    assert [(p.text, p.style.name) for p in right.paragraphs] == [
        ("T/M BAN THƯỜNG VỤ", docstyles.SIGNATURE),
        ("PHÓ BÍ THƯ", docstyles.SIGNATURE),
        ("", docstyles.SIGNER),
    ]
    assert party.styles[docstyles.SIGNATURE].font.bold
    signer = party.styles[docstyles.SIGNER]
    assert signer.font.bold and signer.paragraph_format.space_before >= Pt(60)


def test_page_number_field_from_the_second_page(party: Document) -> None:
    section = party.sections[0]
    assert section.different_first_page_header_footer is True
    header = section.header
    assert not header.is_linked_to_previous
    xml = header._element.xml
    assert "PAGE" in xml and 'fldCharType="begin"' in xml
    assert header.paragraphs[0].style.name == "Header"
    assert party.styles["Header"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert 13 <= party.styles["Header"].font.size.pt <= 14
    assert section.first_page_header.paragraphs[0].text == ""


def test_all_text_is_nfc(tmp_path: Path) -> None:
    plan = load(FIXTURES / "party.toml").plan
    plan.items[0].text = unicodedata.normalize("NFD", plan.items[0].text)
    path = tmp_path / "nfd.docx"
    export_docx(plan, path)
    for p in Document(str(path)).paragraphs:
        assert unicodedata.normalize("NFC", p.text) == p.text


def test_file_properties_and_language(party: Document) -> None:
    props = party.core_properties
    assert props.author == "HUYỆN ỦY TAM ĐƯỜNG" and props.subject == "363-KH/HU"
    assert props.title.startswith("KẾ HOẠCH thực hiện Nghị quyết")
    assert "python-docx" not in (props.comments or "")
    lang = party.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None and lang.get(f"{W}val") == "vi-VN"
    char = next(s for s in party.styles if s.name == "Heading 1 Char")
    assert char.font.name == "Times New Roman" and char.font.color.rgb is None


def test_the_bundled_363_exports_whole(tmp_path: Path) -> None:
    source = Path(__file__).parent.parent / "examples" / "363-KH-HU.toml"
    plan = load(source).plan
    path = tmp_path / "363.docx"
    export_docx(plan, path)
    document = Document(str(path))
    left = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
    assert left == ["ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY TAM ĐƯỜNG", "*", "Số 363-KH/HU"]
    shown = sum(1 for _ in plan.walk(include_dropped=False))
    body = [p for p in document.paragraphs
            if p.style.name in docstyles.STYLE_KINDS or docstyles.heading_depth(p.style.name)
            is not None]
    assert len(body) == shown
    signer = document.tables[-1].rows[0].cells[1].paragraphs[-1]
    assert signer.style.name == docstyles.SIGNER and signer.text == plan.meta.signature.name


def test_closing_sentence_keeps_with_the_signature_block(tmp_path: Path) -> None:
    from docx import Document as open_docx

    from planwriter import planfile
    from planwriter.export import export_docx

    example = Path(__file__).resolve().parent.parent / "examples" / "363-KH-HU.toml"
    plan = planfile.load(example).plan
    export_docx(plan, tmp_path / "363.docx")
    body = open_docx(str(tmp_path / "363.docx")).paragraphs
    spacer = max(i for i, p in enumerate(body) if p.style.name == "Normal")
    last_text = body[spacer - 1]
    assert last_text.text.startswith("6. Ủy ban Kiểm tra Huyện ủy")
    assert last_text.paragraph_format.keep_with_next
    assert body[spacer].paragraph_format.keep_with_next
