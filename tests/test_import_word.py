# ruff: noqa: E501  (test data: Word XML kept one element a line)
"""Word files as Word makes them, built here with python-docx: automatic numbering (numPr on
the paragraph or its style, abstractNum levels "%1." "%1.%2." "%1)", start values, a list
restarted by lvlOverride/startOverride, bullets), NFD letters, tabs and line breaks inside
paragraphs and cells, localised style names."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml

from planwriter.importer import import_file
from planwriter.importer.source import read_lines

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMBERING = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8">
  <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="9">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="8"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="9"/></w:num>
</w:numbering>"""


def numbered(paragraph: object, num: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')
    )


def build(path: Path) -> None:
    document = Document()
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.paragraphs[0].text = "ỦY BAN MTTQ VIỆT NAM"
    left.add_paragraph("XÃ LƯƠNG MINH")
    left.add_paragraph("BAN THƯỜNG TRỰC")
    left.add_paragraph("Số: 16/KH-MTTQ-BTT")
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Lương Minh, ngày 18 tháng 11 năm 2025")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph(unicodedata.normalize("NFD", "Thực hiện công tác bầu cử"))
    document.add_paragraph("")
    document.add_paragraph("Căn cứ Kế hoạch số 33/KH-MTTQ-BTT ngày 14/11/2025 của Ban Thường trực;")
    for text, num, level in [
        ("MỤC ĐÍCH, YÊU CẦU", 1, 0),
        ("Mục đích", 1, 1),
        ("Bảo đảm dân chủ, đúng luật.", 4, 0),
        ("Yêu cầu", 1, 1),
        ("Chuẩn bị văn bản", 1, 2),
        ("Ban hành hướng dẫn.", 1, 3),
        ("Ban hành kế hoạch.", 1, 3),
        ("Tổ chức hội nghị", 1, 2),
        ("NỘI DUNG", 1, 0),
        ("Hiệp thương", 1, 1),
    ]:
        numbered(document.add_paragraph(text), num, level)
    for text in ("Lần thứ ba", "Lần thứ tư"):  # a list starting at 3
        numbered(document.add_paragraph(text), 2, 0)
    for text in ("Lần đầu", "Lần sau"):  # the same list restarted at 1
        numbered(document.add_paragraph(text), 3, 0)
    closing = document.add_table(rows=1, cols=2)
    recipients, sign = closing.rows[0].cells
    recipients.paragraphs[0].text = "Nơi nhận:"
    recipients.add_paragraph("- BTT Ủy ban MTTQ tỉnh;\t\t")
    recipients.add_paragraph("- Ủy ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng,")
    recipients.add_paragraph("VP Đảng uỷ;")
    last = recipients.add_paragraph("- Lưu: VT.")
    last.add_run().add_break()
    last.add_run("- Thường trực HĐND xã.")
    sign.paragraphs[0].text = "TM. BAN THƯỜNG TRỰC"
    sign.add_paragraph("CHỦ TỊCH")
    sign.add_paragraph("Lan Thị Vân")
    document.save(str(path))
    # the numbering part python-docx's template lacks: replace its content
    import zipfile

    temp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(temp, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/numbering.xml":
                data = NUMBERING.encode()
            new.writestr(item, data)
    temp.replace(path)


def test_word_numbering_nfd_tabs_and_breaks(tmp_path: Path) -> None:
    path = tmp_path / "kế-hoạch.docx"
    build(path)
    texts = [line.text for line in read_lines(path) if line.text]
    for label in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Bảo đảm dân chủ, đúng luật.",
        "2. Yêu cầu",
        "2.1. Chuẩn bị văn bản",
        "a) Ban hành hướng dẫn.",
        "b) Ban hành kế hoạch.",
        "2.2. Tổ chức hội nghị",
        "II. NỘI DUNG",
        "1. Hiệp thương",  # a deeper level starts again under a new part
        "3. Lần thứ ba",
        "4. Lần thứ tư",
        "1. Lần đầu",  # startOverride: the list restarted
        "2. Lần sau",
    ):
        assert label in texts, label
    result = import_file(path)
    m = result.plan.meta
    assert m.summary == "Thực hiện công tác bầu cử"  # NFC
    assert any("NFC" in note for note in result.notes)
    assert m.issuing_body == "ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC"
    assert m.recipients == [
        "BTT Ủy ban MTTQ tỉnh",
        "Ủy ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng, VP Đảng uỷ",
        "Lưu: VT",
        "Thường trực HĐND xã",  # after a line break in the same cell paragraph
    ]
    assert (m.signature.on_behalf, m.signature.title, m.signature.name) == (
        "TM. BAN THƯỜNG TRỰC",
        "CHỦ TỊCH",
        "Lan Thị Vân",
    )
    assert m.parent is not None and m.parent.number == "33/KH-MTTQ-BTT"
    sections = [i.title for i, _, _ in result.plan.walk() if i.kind.value == "section"]
    assert sections[:2] == ["MỤC ĐÍCH, YÊU CẦU", "Mục đích"]
    assert result.coverage is not None and result.coverage.share >= 0.97
