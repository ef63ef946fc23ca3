"""../shared/FORMAT.md row by row, read back from exported .docx files: the page, the party
header, the title block, the body, the closing, page numbers, the state differences, and the
mass-organisation (MTTQ) section against the real Lương Minh file it was read from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from shared import shared

from planwriter import docstyles
from planwriter.export import export_docx
from planwriter.export.header import text_width_mm
from planwriter.planfile import load

FIXTURES = Path(__file__).parent / "fixtures" / "export"
FAMILIES = Path(__file__).parent / "fixtures" / "families"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Look:
    """How a paragraph's text prints: the effective formatting of its first visible run."""

    text: str
    size: float
    bold: bool
    italic: bool
    underline: bool
    caps: bool


def _default_size(doc: Document) -> float:
    sz = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
    return int(sz.get(f"{W}val")) / 2 if sz is not None else 10.0


def look(doc: Document, paragraph: object) -> Look:
    """Run formatting, else the paragraph style's (and its bases'), else the defaults."""
    runs = [r for r in paragraph.runs if r.text.strip()]  # type: ignore[attr-defined]
    run = runs[0] if runs else None

    def resolve(name: str) -> object:
        if run is not None:
            value = getattr(run.font, name) if name != "bold" else run.bold
            if name == "italic":
                value = run.italic
            if name == "underline":
                value = run.underline
            if value is not None:
                return value
        style = paragraph.style  # type: ignore[attr-defined]
        while style is not None:
            value = getattr(style.font, name)
            if value is not None:
                return value
            style = style.base_style
        return None

    size = resolve("size")
    return Look(
        text=paragraph.text,  # type: ignore[attr-defined]
        size=size.pt if size is not None else _default_size(doc),  # type: ignore[attr-defined]
        bold=bool(resolve("bold")),
        italic=bool(resolve("italic")),
        underline=bool(resolve("underline")),
        caps=bool(resolve("all_caps")),
    )


def lines(doc: Document, cell: object) -> list[Look]:
    return [look(doc, p) for p in cell.paragraphs if p.text.strip()]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    folder = tmp_path_factory.mktemp("format")
    out = {}
    for name in ("party", "state", "mass", "appendix"):
        path = folder / f"{name}.docx"
        folder_of = FAMILIES if name == "mass" else FIXTURES
        export_docx(load(folder_of / f"{name}.toml").plan, path)
        out[name] = Document(str(path))
    return out


# ---- Page and font (both families) ----

@pytest.mark.parametrize("name", ["party", "state", "mass"])
def test_page_a4_margins_and_font(docs: dict[str, Document], name: str) -> None:
    doc = docs[name]
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (section.top_margin, section.bottom_margin,
                                  section.left_margin, section.right_margin)] == [20, 20, 30, 15]
    fonts = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Times New Roman"
    assert doc.styles[docstyles.BODY].font.size.pt == 14
    text = "".join(p.text for p in doc.paragraphs)
    import unicodedata

    assert unicodedata.normalize("NFC", text) == text


# ---- Header of a party document ----

def test_party_header_rows(docs: dict[str, Document]) -> None:
    doc = docs["party"]
    left, right = doc.tables[0].rows[0].cells
    national, date = lines(doc, right)
    assert national == Look("ĐẢNG CỘNG SẢN VIỆT NAM", 15, True, False, False, False)
    rule = right.paragraphs[0]._p.find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert rule is not None  # "a horizontal rule under it as long as the line"
    indent = right.paragraphs[0].paragraph_format.left_indent.mm
    room = 90 - 2 * 1.905
    rule_length = room - 2 * indent
    assert abs(rule_length - text_width_mm(national.text, 15, bold=True)) < 2
    superior, issuing, star, number = lines(doc, left)
    assert superior == Look("ĐẢNG BỘ TỈNH LAI CHÂU", 14, False, False, False, False)
    assert issuing == Look("HUYỆN ỦY TAM ĐƯỜNG", 14, True, False, False, False)
    assert star.text == "*"
    assert number.text == "Số 363-KH/HU" and number.size == 14 and not number.bold
    assert date.text == "Tam Đường, ngày 23 tháng 4 năm 2025" and date.italic and date.size == 14


# ---- Title block ----

@pytest.mark.parametrize("name", ["party", "state", "mass"])
def test_title_block(docs: dict[str, Document], name: str) -> None:
    doc = docs[name]
    title = next(p for p in doc.paragraphs if p.style.name == docstyles.TITLE)
    t = look(doc, title)
    assert t.text == "KẾ HOẠCH" and t.bold and 14 <= t.size <= 16
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER or \
        title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    summary = next(p for p in doc.paragraphs if p.style.name == docstyles.SUMMARY)
    s = look(doc, summary)
    assert s.bold and s.size == 14 and not s.caps
    elements = [p._p for p in doc.paragraphs]
    after = doc.paragraphs[elements.index(summary._p) + 1]
    assert after._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None  # the short rule


# ---- Body ----

def test_body_rows(docs: dict[str, Document]) -> None:
    doc = docs["party"]
    body = doc.styles[docstyles.BODY].paragraph_format
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert 10 <= body.first_line_indent.mm <= 12.8
    assert body.space_after.pt >= 6 and 1.0 <= body.line_spacing <= 1.5
    part = look(doc, next(p for p in doc.paragraphs if p.text == "I. MỤC ĐÍCH, YÊU CẦU"))
    assert part.bold and part.caps
    one = look(doc, next(p for p in doc.paragraphs if p.text == "1. Mục đích"))
    assert one.bold and not one.caps
    sub = look(doc, next(p for p in doc.paragraphs if p.text == "1.1. Mục tiêu chung"))
    assert sub.bold
    bullets = [p for p in doc.paragraphs if p.style.name == docstyles.BULLET]
    assert bullets and all(p.text.startswith("- ") for p in bullets)
    assert all(p.text.startswith("+ ") for p in doc.paragraphs
               if p.style.name == docstyles.BULLET_2)
    assert doc.styles[docstyles.BULLET].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY


# ---- End of the document ----

def test_party_closing_rows(docs: dict[str, Document]) -> None:
    doc = docs["party"]
    table = doc.tables[-1]
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert {b.get(f"{W}val") for b in borders} == {"none"}
    left, right = table.rows[0].cells
    heading, *recipients = lines(doc, left)
    assert heading == Look("Nơi nhận:", 14, False, False, True, False)
    assert all(r.size == 12 and r.text.startswith("- ") for r in recipients)
    assert all(r.text.endswith(",") for r in recipients[:-1]) and recipients[-1].text.endswith(".")
    sign = lines(doc, right)
    assert sign[0].text == "T/M BAN THƯỜNG VỤ" and sign[0].bold and sign[0].size == 14
    name = right.paragraphs[-1]
    assert name.style.name == docstyles.SIGNER
    signer = doc.styles[docstyles.SIGNER].font
    assert signer.bold and signer.size.pt == 14
    assert name.style.paragraph_format.space_before.pt >= 3 * 14  # room for signature, seal


# ---- Page numbers ----

@pytest.mark.parametrize("name", ["party", "state", "mass"])
def test_page_numbers_from_the_second_page(docs: dict[str, Document], name: str) -> None:
    section = docs[name].sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert "PAGE" in header._p.xml and header.style.paragraph_format.alignment == \
        WD_ALIGN_PARAGRAPH.CENTER
    assert 13 <= header.style.font.size.pt <= 14
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()


# ---- State documents ----

def test_state_rows(docs: dict[str, Document]) -> None:
    doc = docs["state"]
    left, right = doc.tables[0].rows[0].cells
    motto, independence, date = lines(doc, right)
    assert motto.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and motto.bold
    assert 12 <= motto.size <= 13
    assert independence.text == "Độc lập - Tự do - Hạnh phúc" and independence.bold
    assert 13 <= independence.size <= 14
    assert date.italic and 13 <= date.size <= 14
    issuing, number = lines(doc, left)
    assert issuing.bold and 12 <= issuing.size <= 13 and "*" != number.text
    assert number.text.startswith("Số: ") and number.text.endswith("/KH-UBND")
    closing = doc.tables[-1].rows[0].cells
    heading, *recipients = lines(doc, closing[0])
    assert heading.bold and heading.italic and heading.size == 12
    assert all(r.size == 11 for r in recipients)
    sign = [x.text for x in lines(doc, closing[1])]
    assert sign[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


# ---- Mass-organisation documents, against the real Lương Minh file ----

@pytest.fixture(scope="module")
def real() -> Document:
    return Document(str(shared("real/docx/LM-KH-16-bau-cu.docx")))


def test_mass_header_matches_the_real_file(docs: dict[str, Document], real: Document) -> None:
    ours = docs["mass"]
    our_left, our_right = (lines(ours, c) for c in ours.tables[0].rows[0].cells)
    real_left, real_right = (lines(real, c) for c in real.tables[0].rows[0].cells)
    # body lines: one per line, 13, the organisation and place regular, the standing body bold
    body = [(x.text, x.size, x.bold) for x in our_left[:3]]
    assert body == [(x.text.strip(), x.size, x.bold) for x in real_left[:3]] == [
        ("ỦY BAN MTTQ VIỆT NAM", 13, False), ("XÃ LƯƠNG MINH", 13, False),
        ("BAN THƯỜNG TRỰC", 13, True)]
    # number: regular, "Số:" then number/type-issuer
    assert our_left[3].text == real_left[3].text.replace(" 16", "16").replace("Số:16",
                                                                              "Số: 16")
    assert our_left[3].text == "Số: 16/KH-MTTQ-BTT" and not our_left[3].bold
    assert 13 <= our_left[3].size <= 14
    # national motto: both lines bold 13, the rule under the second
    for ours_line, real_line in zip(our_right[:2], real_right[:2], strict=True):
        assert ours_line.text == real_line.text.strip()
        assert (ours_line.size, ours_line.bold) == (real_line.size, real_line.bold) == (13, True)
    assert ours.tables[0].rows[0].cells[1].paragraphs[1]._p.find(
        f"{W}pPr/{W}pBdr/{W}bottom") is not None
    # place and date: italic 13–14
    assert our_right[2].italic and real_right[2].italic and 13 <= our_right[2].size <= 14
    assert our_right[2].text == real_right[2].text.strip() == \
        "Lương Minh, ngày 18 tháng 11 năm 2025"


def test_mass_closing_matches_the_real_file(docs: dict[str, Document], real: Document) -> None:
    ours = docs["mass"]
    closing = next(t for t in ours.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    our_left, our_right = (lines(ours, c) for c in closing.rows[0].cells)
    real_cells = real.tables[-1].rows[0].cells
    real_left, real_right = lines(real, real_cells[0]), lines(real, real_cells[-1])
    for heading in (our_left[0], real_left[0]):
        assert (heading.text.strip(), heading.size, heading.bold, heading.italic) == (
            "Nơi nhận:", 12, True, True)
    assert all(r.size == 12 and r.text.startswith("- ") for r in our_left[1:])
    assert all(r.text.endswith(";") for r in our_left[1:-1])
    assert our_left[-1].text == real_left[-1].text.strip() == "- Lưu: MTTQ"
    ours_sign = [(x.text, x.size, x.bold) for x in our_right]
    real_sign = [(x.text.strip(), x.size, x.bold) for x in real_right]
    assert ours_sign == real_sign == [("TM. BAN THƯỜNG TRỰC", 14, False), ("CHỦ TỊCH", 14, True),
                                      ("Lan Thị Vân", 14, True)]
