# ruff: noqa: E501  (test data: the documents' own words, kept whole)
"""Import of the real documents in ../shared/real and the references: the facts of each
header, closing and appendix as the originals give them (read from the Word files rendered
by LibreOffice and from the texts, not from what the importer prints), every line of the
input in the plan or the report, and at least 0.97 of its characters in the plan.

Where the original leaves a fact blank (a draft's number, a day not yet filled in), the
expected value is blank: nothing is invented."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from shared import shared, source

from planwriter import planfile
from planwriter.importer import ImportResult, import_file
from planwriter.importer.coverage import plan_text, words
from planwriter.importer.paragraphs import LABEL
from planwriter.importer.source import read_lines
from planwriter.model import Family, Item, Kind, Level, Plan
from planwriter.numbering import labels
from planwriter.render import plan_text as show_text

MTTQ_LM = "ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC"
LAN = ("TM. BAN THƯỜNG TRỰC", "", "CHỦ TỊCH", "Lan Thị Vân")

# file → (type, number, symbol, date, place, issuing body, level, family,
#         (on_behalf, acting, title, name), appendix titles)
FACTS: dict[str, tuple[object, ...]] = {
    "docx/BCR-KH-kiem-tra-giam-sat.docx": (
        "KH",
        "",
        "MTTQ-BTT",
        None,
        "Bắc Cam Ranh",
        "UỶ BAN MTTQ VIỆT NAM\nPHƯỜNG BẮC CAM RANH\nBAN THƯỜNG TRỰC",
        Level.COMMUNE,
        Family.MASS,
        ("TM. BAN THƯỜNG TRỰC", "", "CHỦ TỊCH", "Phạm Thị Thúy"),
        [],
    ),
    "docx/LM-HD-MTTQ-xa-bau-cu.docx": (
        "HD",
        "",
        "MTTQ-BTT",
        None,
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        [],
    ),
    "docx/LM-HD-gioi-thieu-ung-cu-HDND-xa.docx": (
        "HD",
        "",
        "MTTQ-BTT",
        dt.date(2025, 12, 22),
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        ["PHỤ LỤC", "PHỤ BIỂU", "PHỤ LỤC"],
    ),
    "docx/LM-KH-16-bau-cu.docx": (
        "KH",
        "16",
        "MTTQ-BTT",
        dt.date(2025, 11, 18),
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        [],
    ),
    "docx/LM-KH-hiep-thuong-lan-2.docx": (
        "KH",
        "",
        "MTTQ-BTT",
        None,
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        [],
    ),
    "docx/LM-KH-hiep-thuong.docx": (
        "KH",
        "",
        "MTTQ-BTT",
        dt.date(2025, 11, 25),
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        ["PHỤ LỤC"],
    ),
    "docx/LM-KH-kiem-tra-giam-sat.docx": (
        "KH",
        "",
        "MTTQ-BTT",
        dt.date(2025, 12, 10),
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        [],
    ),
    "docx/LM-KH-lay-y-kien-cu-tri.docx": (
        "KH",
        "",
        "MTTQ-BTT",
        dt.date(2026, 1, 12),
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        [],
    ),
    "docx/LM-KH-tiep-cong-dan.docx": (
        "KH",
        "",
        "MTTQ-BTT",
        dt.date(2025, 12, 10),
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        [],
    ),
    "docx/LM-KH-tieu-ban-tuyen-truyen.docx": (
        "KH",
        "01",
        "TBTTKT",
        dt.date(2025, 12, 10),
        "Phố Bảng",
        "TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT",
        Level.COMMUNE,
        Family.STATE,
        ("TM. TIỂU BAN", "", "TRƯỞNG TIỂU BAN", "Nguyễn Văn Hoàn"),
        [],
    ),
    "docx/LM-QD-to-tiep-cong-dan.docx": (
        "QĐ",
        "",
        "MTTQ-BTT",
        dt.date(2026, 1, 12),
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        [],
    ),
    "docx/QN-HD-hiep-thuong-MTTQ-tinh-draft.docx": (
        "HD",
        "",
        "MTTQ-BTT",
        None,
        "Quảng Ninh",
        "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH QUẢNG NINH\nBAN THƯỜNG TRỰC",
        Level.PROVINCE,
        Family.MASS,
        ("TM. BAN THƯỜNG TRỰC", "", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Nguyễn Chí Thành"),
        [],
    ),
    "text/CV-174-BCD.txt": (  # no header in the source: the appendix's "(Kèm theo …)" says it
        "CV",
        "174",
        "CV-BCĐ",  # a letter's symbol is what it writes after "/": "Số: 174/CV-BCĐ"
        dt.date(2025, 12, 2),
        "",
        "Ban Chỉ đạo",
        Level.CENTRAL,
        Family.STATE,
        ("", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC PHÓ THỦ TƯỚNG", "Phạm Thị Thanh Trà"),
        ["PHỤ LỤC"],
    ),
    "text/CV-UBND-HN-2530.txt": (  # no header; "(kèm theo văn bản số: /UBND-NNMT … của UBND Thành phố)"
        "CV",
        "",
        "UBND-NNMT",
        None,
        "",
        "UBND Thành phố",
        Level.PROVINCE,
        Family.STATE,
        ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Mạnh Quyền"),
        ["PHỤ LỤC"],
    ),
    "text/HD-HiepThuong-MTTQ-QuangNinh-draft.txt": (
        "HD",
        "",
        "MTTQ-BTT",
        None,
        "Quảng Ninh",
        "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH QUẢNG NINH\nBAN THƯỜNG TRỰC",
        Level.PROVINCE,
        Family.MASS,
        ("TM. BAN THƯỜNG TRỰC", "", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Nguyễn Chí Thành"),
        [],
    ),
    "text/KH-16-MTTQ-LuongMinh.txt": (
        "KH",
        "16",
        "MTTQ-BTT",
        dt.date(2025, 11, 18),
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        [],
    ),
    "text/KH-HiepThuong-MTTQ-LuongMinh.txt": (
        "KH",
        "",
        "MTTQ-BTT",
        dt.date(2025, 11, 25),
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        ["PHỤ LỤC"],
    ),
    "text/KH-KTGS-MTTQ-BacCamRanh.txt": (
        "KH",
        "",
        "MTTQ-BTT",
        None,
        "Bắc Cam Ranh",
        "UỶ BAN MTTQ VIỆT NAM\nPHƯỜNG BẮC CAM RANH\nBAN THƯỜNG TRỰC",
        Level.COMMUNE,
        Family.MASS,
        ("TM. BAN THƯỜNG TRỰC", "", "CHỦ TỊCH", "Phạm Thị Thúy"),
        [],
    ),
    "text/KH-KTGS-MTTQ-LuongMinh.txt": (
        "KH",
        "",
        "MTTQ-BTT",
        dt.date(2025, 12, 10),
        "Lương Minh",
        MTTQ_LM,
        Level.COMMUNE,
        Family.MASS,
        LAN,
        [],
    ),
    "text/KL-221-TW.txt": (
        "KL",
        "221",
        "TW",
        dt.date(2025, 11, 28),
        "Hà Nội",
        "BAN CHẤP HÀNH TRUNG ƯƠNG",
        Level.CENTRAL,
        Family.PARTY,
        ("T/M BỘ CHÍNH TRỊ", "", "", "Trần Cẩm Tú"),
        [],
    ),
    "text/QD-2530-TTg.txt": (
        "QĐ",
        "2530",
        "TTg",
        dt.date(2025, 11, 19),
        "Hà Nội",
        "THỦ TƯỚNG CHÍNH PHỦ",
        Level.CENTRAL,
        Family.STATE,
        ("", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Trần Hồng Hà"),
        ["PHỤ LỤC I", "PHỤ LỤC II"],
    ),
}
REFERENCES = ["57-NQ-TW.txt", "3260-KH-DDQH15.txt", "03-NQ-CP.txt"]

_cache: dict[str, ImportResult] = {}


def imported(relative: str) -> ImportResult:
    if relative not in _cache:
        path = shared(f"real/{relative}") if "/" in relative else source(relative)
        _cache[relative] = import_file(path)
    return _cache[relative]


@pytest.mark.parametrize("relative", list(FACTS), ids=lambda r: r.split("/")[-1])
def test_the_facts_of_each_real_document(relative: str) -> None:
    doc_type, number, symbol, date, place, body, level, family, sign, appendices = FACTS[relative]
    m = imported(relative).plan.meta
    assert (m.doc_type, m.number, m.issuer_symbol, m.date, m.place) == (
        doc_type,
        number,
        symbol,
        date,
        place,
    )
    assert (m.issuing_body, m.level, m.family) == (body, level, family)
    s = m.signature
    assert (s.on_behalf, s.acting, s.title, s.name) == sign
    assert [a.title for a in imported(relative).plan.appendices()] == appendices


@pytest.mark.parametrize("relative", [*FACTS, *REFERENCES], ids=lambda r: r.split("/")[-1])
def test_every_line_is_in_the_plan_or_the_report_and_097_of_the_characters(
    relative: str,
) -> None:
    result = imported(relative)
    assert result.coverage is not None and result.coverage.share >= 0.97, result.coverage
    have = words(
        plan_text(result) + "\n".join(u.text for u in [*result.unclassified, *result.warnings])
    )
    path = shared(f"real/{relative}") if "/" in relative else source(relative)
    lost = []
    for line in read_lines(path):
        text = LABEL.sub("", line.text.strip())  # labels are derived again, not kept
        wanted = words(text)
        chars = sum(len(w) * n for w, n in wanted.items())
        missing = sum(len(w) * max(0, n - have.get(w, 0)) for w, n in wanted.items())
        if chars and missing > 0.1 * chars:
            lost.append(f"{line.where}: {text[:80]}")
    assert not lost, lost


def test_the_letters_their_addressees_and_the_acts_they_implement() -> None:
    hn = imported("text/CV-UBND-HN-2530.txt").plan.meta
    assert hn.addressees[1:] == [
        "Công an Thành phố",
        "UBND các phường, xã",
        "Các đơn vị thực hiện công tác vệ sinh môi trường",
    ]
    assert hn.addressees[0].startswith("Các sở: Nông nghiệp và Môi trường, Xây dựng")
    assert hn.parent is not None and (hn.parent.number, hn.parent.date) == (
        "2530/QĐ-TTg",
        dt.date(2025, 11, 19),
    )
    bcd = imported("text/CV-174-BCD.txt").plan
    assert bcd.meta.addressees == ["Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ"]
    # the crawl joined "Kính gửi" and the first paragraph: the paragraph is not lost
    assert bcd.items[0].text.startswith("Thực hiện Kết luận số 192-KL/TW, ngày 19/9/2025")
    assert bcd.meta.parent is not None and bcd.meta.parent.number == "192-KL/TW"
    child = imported("text/KH-HiepThuong-MTTQ-LuongMinh.txt").plan.meta.parent
    assert child is not None and (child.number, child.date) == (
        "16/KH-MTTQ-BTT",
        dt.date(2025, 11, 18),
    )
    word = imported("docx/LM-KH-hiep-thuong.docx").plan.meta.parent
    assert word is not None and word.number == "16/KH-MTTQ-BTT"
    assert imported("docx/LM-KH-kiem-tra-giam-sat.docx").plan.meta.parent.number == "04/KH-MTTQ-BTT"  # type: ignore[union-attr]
    assert imported("text/KL-221-TW.txt").plan.meta.parent is None


def test_recipients_read_even_when_they_wrap() -> None:
    m = imported("docx/LM-KH-16-bau-cu.docx").plan.meta
    assert m.recipients[5] == "Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng, VP Đảng uỷ"
    assert m.recipients[8] == "Bí thư Chi bộ, Trưởng thôn, Ban công tác MT thôn"
    assert (len(m.recipients), m.recipients[-1]) == (10, "Lưu: MTTQ")
    text = imported("text/KH-16-MTTQ-LuongMinh.txt").plan.meta
    assert text.recipients == m.recipients
    kl = imported("text/KL-221-TW.txt").plan.meta
    assert (len(kl.recipients), kl.recipients[-1]) == (6, "Lưu Văn phòng Trung ương Đảng")


def test_summaries_keep_the_drafters_line_breaks_in_word() -> None:
    assert imported("docx/LM-KH-16-bau-cu.docx").plan.meta.summary == (
        "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI\n"
        "và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031"
    )
    assert imported("text/KH-16-MTTQ-LuongMinh.txt").plan.meta.summary == (
        "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI "
        "và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031"
    )
    assert imported("text/KL-221-TW.txt").plan.meta.summary.startswith(
        "CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ TÌNH HÌNH, KẾT QUẢ HOẠT ĐỘNG"
    )


def test_appendices_survive_with_their_tables_tasks_and_forms() -> None:
    qd = imported("text/QD-2530-TTg.txt").plan
    first, second = qd.appendices()
    assert first.text.startswith("BẢNG PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP")
    assert first.attached.startswith("(Kèm theo Quyết định số 2530/QĐ-TTg")
    tasks = [i for i, _, _ in qd.walk() if i.kind is Kind.TASK]
    assert len(tasks) > 40 and tasks[0].lead == "Bộ Nông nghiệp và Môi trường"
    # a row whose first cells Word merged downwards keeps the lead of the row above
    assert tasks[1].text.startswith("- Rà soát, cập nhật các hướng dẫn kỹ thuật")
    assert tasks[1].lead == "Bộ Nông nghiệp và Môi trường"
    assert any(t.text.startswith("Xây dựng, nâng cấp và vận hành Hệ thống Cảnh báo") for t in tasks)
    assert second.title == "PHỤ LỤC II"
    bcd = imported("text/CV-174-BCD.txt").plan.appendices()[0]
    (table,) = bcd.children
    assert table.kind is Kind.TABLE
    assert table.header == [
        ["TT", "Tỉnh kiến nghị", "Thông tin đề xuất", "Bộ phụ trách tiếp nhận, xử lý"]
    ]
    assert len(table.rows) == 50 and table.rows[0][:2] == ["1", "Lào Cai"]
    hn = imported("text/CV-UBND-HN-2530.txt").plan.appendices()[0]
    assert (
        hn.text
        == "DANH SÁCH CÁC ĐƠN VỊ THỰC HIỆN DỊCH VỤ, THU GOM, VẬN CHUYỂN, XỬ LÝ CHẤT THẢI RẮN SINH HOẠT"
    )
    assert len(hn.children) == 21
    word = imported("docx/LM-HD-gioi-thieu-ung-cu-HDND-xa.docx").plan.appendices()
    assert [a.text for a in word] == [
        "HƯỚNG DẪN TRÌNH TỰ THỰC HIỆN (BƯỚC 2)",
        "Thành phần, Cơ cấu, số lượng giới thiệu người ứng cử của các tổ chức, cơ quan, đơn vị trên địa bàn xã",
        "Mẫu các loại biên bản, phiếu ý kiến",
    ]
    assert (
        word[0].attached
        == "(Kèm theo Hướng dẫn số   /HD-MTTQ-BTT ngày 20/12/2025 của BTT ủy ban MTTQ xã Lương Minh)"
    )
    (form,) = [c for c in word[1].children if c.kind is Kind.TABLE]
    assert ["", "Tổng số", "45", "16", "14", "5", "7", "-"] in form.rows
    forms = imported("docx/LM-KH-hiep-thuong.docx").plan.appendices()[0]
    assert forms.attached.startswith("ban hành kèm theo Kế hoạch tổ chức các hội nghị hiệp thương")
    texts = [i.content() for i in forms.children]
    assert "Mẫu số 01/HNCT" in texts


def test_word_numbering_gives_the_labels_a_reader_sees() -> None:
    # QN-HD numbers its points with Word's automatic numbering (216 paragraphs); rendered by
    # LibreOffice they read "I. THÀNH PHẦN HỘI NGHỊ", "1. Hội nghị cử chủ tọa …", "2.5.2. Thư ký …"
    lines = [
        line.text for line in read_lines(shared("real/docx/QN-HD-hiep-thuong-MTTQ-tinh-draft.docx"))
    ]
    assert "I. THÀNH PHẦN HỘI NGHỊ" in lines
    assert any(t.startswith("1. Hội nghị cử chủ tọa") for t in lines)
    assert any(t.startswith("2.5.2. Thư ký hội nghị đọc tiểu sử") for t in lines)
    plan = imported("docx/QN-HD-hiep-thuong-MTTQ-tinh-draft.docx").plan
    numbers = labels(plan)
    shown = [
        (numbers[i.id], i.title or i.text) for i, _, _ in plan.walk() if i.kind is Kind.SECTION
    ]
    assert ("I.", "THÀNH PHẦN HỘI NGHỊ") in shown
    # the text version of the same file lost those labels: its "1." points are paragraphs
    text = [
        line.text for line in read_lines(shared("real/text/HD-HiepThuong-MTTQ-QuangNinh-draft.txt"))
    ]
    assert not any(t.startswith("2.5.2.") for t in text)


def test_irregular_numbering_is_kept_as_a_warning() -> None:
    result = imported("docx/LM-KH-16-bau-cu.docx")
    whys = [w.why for w in result.warnings]
    assert any("'3.2.'" in w and "'3.3.'" in w for w in whys)  # "3.2." written twice
    assert any("'5.'" in w and "'4.'" in w for w in whys)  # "4." skipped
    assert any("NFC" in note for note in result.notes)  # the file holds NFD letters


def test_show_reads_as_the_original(tmp_path: Path) -> None:
    plan = imported("text/QD-2530-TTg.txt").plan
    text = show_text(plan)
    order = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "THỦ TƯỚNG CHÍNH PHỦ",
        "Số: 2530/QĐ-TTg",
        "Hà Nội, ngày 19 tháng 11 năm 2025",
        "QUYẾT ĐỊNH",
        "Nơi nhận:",
        "KT. THỦ TƯỚNG",
        "Trần Hồng Hà",
        "PHỤ LỤC I",
        "PHỤ LỤC II",
    ]
    at = [text.index(part) for part in order]
    assert at == sorted(at)
    kh = show_text(imported("docx/LM-KH-16-bau-cu.docx").plan)
    assert kh.startswith(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        + MTTQ_LM
        + "\nSố: 16/KH-MTTQ-BTT\nLương Minh, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
    )
    assert "\nLan Thị Vân\n" in kh
    letter = show_text(imported("text/CV-UBND-HN-2530.txt").plan)
    assert "Kính gửi:\n- Các sở: Nông nghiệp" in letter


def test_the_cli_writes_the_plan_once_and_ends_with_the_share(tmp_path: Path) -> None:
    target = tmp_path / "kh16.toml"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "planwriter",
            "import",
            str(shared("real/docx/LM-KH-16-bau-cu.docx")),
            "-o",
            str(target),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert (
        run.stdout.strip()
        .splitlines()[-1]
        .startswith("Tỷ lệ ký tự của văn bản gốc đã vào kế hoạch: ")
    )
    assert "LM-KH-16-bau-cu.docx: đoạn 72: xem lại: số thứ tự" in run.stderr
    back = planfile.load(target, check_origins=False).plan
    assert back.meta.issuing_body == MTTQ_LM and back.meta.signature.name == "Lan Thị Vân"


def test_a_broken_word_file_names_the_input_and_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "hỏng.docx"
    data = shared("real/docx/LM-KH-16-bau-cu.docx").read_bytes()
    broken.write_bytes(data[: len(data) // 2])  # a download cut off half way
    target = tmp_path / "out.toml"
    run = subprocess.run(
        [sys.executable, "-m", "planwriter", "import", str(broken), "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and str(broken) in lines[0] and "Traceback" not in run.stderr
    assert not target.exists()


def _shape(items: list[Item]) -> list[tuple[object, ...]]:
    """Every field an export writes, of ``items`` and all under them, in order."""
    return [
        (i.kind, i.title, i.text, i.attached, i.lead, i.partners, i.deadline, i.output,
         i.header, i.rows, _shape(i.children))
        for i in items
        if not i.dropped
    ]


def _outline(appendix: Item) -> list[tuple[object, ...]]:
    """The sections and tasks of an appendix with their depth and fields."""
    out = []
    for item, _, depth in Plan(items=[appendix]).walk(include_dropped=False):
        if item.kind in (Kind.SECTION, Kind.TASK):
            out.append((depth, item.kind, item.title, item.text, item.lead, item.partners,
                        item.deadline, item.output))
    return out


def test_export_then_import_keeps_the_appendices(tmp_path: Path) -> None:
    from planwriter.export import export_docx

    plan = imported("text/QD-2530-TTg.txt").plan
    export_docx(plan, tmp_path / "qd.docx")
    result = import_file(tmp_path / "qd.docx")
    back = result.plan
    assert [a.title for a in back.appendices()] == ["PHỤ LỤC I", "PHỤ LỤC II"]
    assert result.unclassified == []
    for want, got in zip(plan.appendices(), back.appendices(), strict=True):
        assert got.text.startswith(("BẢNG PHÂN CÔNG THỰC HIỆN", "DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN"))
        assert (got.text, got.attached, len(got.children)) == (
            want.text,
            want.attached,
            len(want.children),
        )
        assert got.attached.startswith("(Kèm theo Quyết định số 2530/QĐ-TTg")
        # every section (those holding no task directly too) and task, at its depth
        assert _outline(got) == _outline(want)
        assert sum(1 for row in _outline(got) if row[1] is Kind.TASK) > 10
    # the body is the body: nothing of the appendices in it, nothing of it in them
    assert _shape(back.body()) == _shape(plan.body())
    body_text = " ".join(i.content() for i, _, _ in Plan(items=back.body()).walk())
    assert "PHỤ LỤC" not in body_text and "Kèm theo Quyết định" not in body_text
    assert not any(i.kind is Kind.APPENDIX for i, _, _ in Plan(items=back.body()).walk())
    # numbered afresh: the appendices' sections start again at the top style
    numbers = labels(back)
    assert [numbers[a.children[0].id] for a in back.appendices()] == [
        numbers[plan.appendices()[0].children[0].id],
        numbers[plan.appendices()[1].children[0].id],
    ]


@pytest.mark.parametrize(
    "relative",
    [
        "docx/LM-HD-gioi-thieu-ung-cu-HDND-xa.docx",  # three appendices: forms, lists
        "docx/LM-KH-hiep-thuong.docx",
        "text/CV-174-BCD.txt",
    ],
    ids=lambda r: r.split("/")[-1],
)
def test_a_real_documents_appendices_come_back_whole(relative: str, tmp_path: Path) -> None:
    from planwriter.export import export_docx

    plan = imported(relative).plan
    assert plan.appendices()
    export_docx(plan, tmp_path / "out.docx")
    result = import_file(tmp_path / "out.docx")
    back = result.plan
    assert result.unclassified == []
    assert _shape(back.appendices()) == _shape(plan.appendices())
    assert _shape(back.body()) == _shape(plan.body())


def test_a_letter_whose_header_has_no_type_line() -> None:
    from planwriter.importer import import_lines
    from planwriter.importer.source import Line

    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 1234/UBND-NNMT\n"
        "V/v thực hiện các nhiệm vụ trọng tâm\ncải thiện chất lượng không khí\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 27 tháng 11 năm 2025\n\nKính gửi:\n- Các sở, ban, ngành Thành phố;\n"
        "- UBND các phường, xã.\n\nThực hiện Quyết định số 2530/QĐ-TTg ngày 19/11/2025 của "
        "Thủ tướng Chính phủ, UBND Thành phố yêu cầu:\n1. Sở Nông nghiệp và Môi trường:\n"
        "- Chủ trì cập nhật thông tin về chất lượng không khí.\n"
    )
    lines = [Line(n, raw) for n, raw in enumerate(text.splitlines(), start=1)]
    m = import_lines(lines).plan.meta
    assert (m.doc_type, m.number, m.issuer_symbol, m.date) == (
        "CV",
        "1234",
        "UBND-NNMT",
        dt.date(2025, 11, 27),
    )
    assert (m.superior_body, m.issuing_body, m.level) == (
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ HÀ NỘI",
        Level.PROVINCE,
    )
    assert m.summary == "V/v thực hiện các nhiệm vụ trọng tâm cải thiện chất lượng không khí"
    assert m.addressees == ["Các sở, ban, ngành Thành phố", "UBND các phường, xã"]
    assert m.parent is not None and m.parent.number == "2530/QĐ-TTg"


@pytest.mark.parametrize(
    ("number", "symbol"),
    [
        ("Số: 1234/UBND-NNMT", "UBND-NNMT"),  # Nghị định 30/2020, Phụ lục III: no type
        ("Số: 256/UBND", "UBND"),  # one part only
        ("Số: 174/CV-BCĐ", "CV-BCĐ"),  # a letter that does write "CV"
        ("Số:     /UBND-VP", "UBND-VP"),  # a draft: the number left blank
    ],
)
def test_a_state_letters_number_line_prints_back_as_written(
    number: str, symbol: str, tmp_path: Path
) -> None:
    from planwriter.export import export_docx
    from planwriter.importer import import_lines
    from planwriter.importer.source import Line
    from planwriter.importer.wordread import document_text

    text = (
        f"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n{number}\nV/v thực hiện nhiệm vụ\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 27 tháng 11 năm 2025\n\nKính gửi:\n- Các sở, ban, ngành Thành phố.\n\n"
        "UBND Thành phố yêu cầu:\n1. Sở Nông nghiệp và Môi trường:\n- Chủ trì theo dõi.\n"
    )
    plan = import_lines([Line(n, raw) for n, raw in enumerate(text.splitlines(), start=1)]).plan
    m = plan.meta
    assert (m.doc_type, m.issuer_symbol, m.family) == ("CV", symbol, Family.STATE)
    assert " ".join(m.number_line().split()) == " ".join(number.split())
    export_docx(plan, tmp_path / "cv.docx")
    lines = document_text((tmp_path / "cv.docx").read_bytes()).splitlines()
    assert m.number_line() in lines and not any("/CV-UBND" in line for line in lines)
    back = import_file(tmp_path / "cv.docx").plan.meta
    assert (back.doc_type, back.number, back.issuer_symbol) == (m.doc_type, m.number, symbol)


@pytest.mark.parametrize(
    ("relative", "line", "cited"),
    [
        ("text/CV-174-BCD.txt", "Số: 174/CV-BCĐ", "(Kèm theo Công văn số 174/CV-BCĐ ngày 02"),
        ("text/CV-UBND-HN-2530.txt", "Số:     /UBND-NNMT", ""),
    ],
    ids=["CV-174", "CV-UBND-HN"],
)
def test_a_real_letter_exports_its_number_as_it_reads(
    relative: str, line: str, cited: str, tmp_path: Path
) -> None:
    """The real letters read back from their exported .docx: the number line in the header
    as the source writes it (CV-174's appendix cites "174/CV-BCĐ"; the Hà Nội letter's
    "(kèm theo văn bản số: /UBND-NNMT …)"), never a "CV-" the source does not write."""
    from planwriter.export import export_docx
    from planwriter.importer.wordread import document_text

    plan = imported(relative).plan
    assert plan.meta.number_line() == line
    export_docx(plan, tmp_path / "cv.docx")
    lines = document_text((tmp_path / "cv.docx").read_bytes()).splitlines()
    assert line in lines
    assert not any("/CV-UBND" in text for text in lines)
    if cited:
        assert any(text.startswith(cited) for text in lines)
    back = import_file(tmp_path / "cv.docx").plan.meta
    assert back.number_line() == line and back.symbol() == plan.meta.symbol()
