"""What a reviewer gets from `planwriter diff`: changes by kind (a task's assignment field by
field, localisation apart), the report as a document of the reviewing body, outputs that
never overwrite an input, and a parent that is a reconstruction or an import named first."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from rich.console import Console
from shared import shared

from planwriter import library
from planwriter.cli import main
from planwriter.diff import ChangeKind, Status, compare
from planwriter.diff.jsonout import to_dict
from planwriter.diff.report_docx import build, write_report
from planwriter.diff.terminal import render
from planwriter.model import Item, Kind, Meta, Plan
from planwriter.planfile import load

ROOT = Path(__file__).parent.parent
HERE = ROOT / "tests" / "fixtures" / "diff"
CHILD, PARENT = ROOT / "examples" / "363-KH-HU.toml", "lai-chau/63-CTr-TU"


def _tasks() -> tuple[Plan, Plan]:
    parent = Plan(Meta(number="5", issuer_symbol="KH-UBND", doc_type="KH", issuing_body="UBND"))
    parent.items = [
        Item("s", Kind.SECTION, title="Nhiệm vụ", children=[
            Item("t1", Kind.TASK, text="Rà soát thủ tục hành chính trên môi trường số.",
                 lead="Sở Nội vụ", partners=["Sở Tư pháp"], deadline="Quý I/2026",
                 output="Báo cáo"),
            Item("t2", Kind.TASK, text="Tập huấn kỹ năng số cho cán bộ, công chức cấp xã.",
                 lead="Sở Khoa học và Công nghệ", deadline="Năm 2026"),
        ]),
    ]
    child = parent.clone()
    child.meta = Meta(number="7", issuer_symbol="KH-UBND", issuing_body="UBND XÃ")
    for item, _, _ in child.walk():
        item.id, item.origin = "c-" + item.id, [item.id]
    t1 = child.find("c-t1")
    assert t1 is not None
    t1.lead, t1.deadline = "UBND xã", "Quý II/2026"
    t1.partners = ["Sở Tư pháp", "Công an xã"]
    t2 = child.find("c-t2")
    assert t2 is not None
    t2.lead = "sở khoa học và công nghệ"  # retyped, not changed
    return child, parent


def test_task_assignment_is_diffed_field_by_field() -> None:
    child, parent = _tasks()
    diff = compare(child, parent)
    t1 = next(c for c in diff.changes if c.child is not None and c.child.id == "c-t1")
    assert t1.status is Status.ADAPTED and t1.kinds == [ChangeKind.ASSIGNMENT]
    assert [(f.name, f.old, f.new) for f in t1.fields] == [
        ("lead", "Sở Nội vụ", "UBND xã"),
        ("partners", "Sở Tư pháp", "Sở Tư pháp; Công an xã"),
        ("deadline", "Quý I/2026", "Quý II/2026"),
    ]
    t2 = next(c for c in diff.changes if c.child is not None and c.child.id == "c-t2")
    assert t2.status is Status.KEPT and not t2.fields
    assert diff.summary.assignment == 1
    item = next(i for i in to_dict(diff)["items"] if i["child"] and i["child"]["id"] == "c-t1")
    assert item["kinds"] == ["assignment"] and item["fields"][0] == {
        "name": "lead", "old": "Sở Nội vụ", "new": "UBND xã"}
    assert item["child"]["assignment"]["lead"] == "UBND xã"
    console = Console(record=True, width=120, file=io.StringIO(), color_system=None)
    render(diff, console, changed_only=True)
    text = console.export_text()
    assert "[điều chỉnh (phân công)]" in text
    assert "Cơ quan chủ trì: Sở Nội vụ → UBND xã" in text
    assert "Thời hạn: Quý I/2026 → Quý II/2026" in text


def test_substantive_only_leaves_wording_and_localisation_out() -> None:
    diff = compare(load(CHILD).plan, load(library.template_path(PARENT)).plan)

    def shown(**options: bool) -> str:
        console = Console(record=True, width=200, file=io.StringIO(), color_system=None)
        render(diff, console, **options)
        return console.export_text()

    changed, substantive = shown(changed_only=True), shown(substantive_only=True)
    assert "[chỉ địa phương hóa]" in changed and "[chỉ địa phương hóa]" not in substantive
    assert "(chỉ sửa câu chữ)" in changed and "(chỉ sửa câu chữ)" not in substantive
    assert "(số liệu, chỉ tiêu)" in substantive and "(nội dung)" in substantive
    evidence = shown(changed_only=True, evidence=True)
    assert "Căn cứ: nguồn gốc ghi trong kế hoạch." in evidence
    assert "Điều chỉnh: nội dung 2 · số liệu 1 · phân công 0 · chỉ câu chữ 7 · " \
        "chỉ địa phương hóa 10" in evidence


def test_cli_names_a_reconstructed_or_imported_parent_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", str(CHILD)]) == 0
    head = "\n".join(capsys.readouterr().out.splitlines()[:4])
    assert "bản TÁI DỰNG, không phải văn bản chính thức" in head
    child = shared("real/text/KH-HiepThuong-MTTQ-LuongMinh.txt")
    parent = shared("real/text/KH-16-MTTQ-LuongMinh.txt")
    assert main(["diff", str(child), str(parent), "--changed-only"]) == 0
    head = "\n".join(capsys.readouterr().out.splitlines()[:4])
    assert "nhập tự động từ tệp KH-16-MTTQ-LuongMinh.txt" in head
    assert main(["diff", str(child), str(parent), "--json"]) == 0
    import json

    assert json.loads(capsys.readouterr().out)["parent"]["provenance"] == "import"


def test_outputs_never_overwrite_an_input_or_another_kind_of_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    child = tmp_path / "ke-hoach.toml"
    child.write_text(CHILD.read_text(encoding="utf-8"), encoding="utf-8")
    before = child.read_bytes()
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("của tôi", encoding="utf-8")
    parent = library.template_path(PARENT)
    for option in ("--docx", "--redline"):
        for target in (child, parent, notes, tmp_path):
            assert main(["diff", str(child), PARENT, option, str(target)]) == 2
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and str(target) in err
    both = tmp_path / "a.docx"
    assert main(["diff", str(child), "--docx", str(both), "--redline", str(both)]) == 2
    assert capsys.readouterr().err.count("\n") == 1 and not both.exists()
    assert child.read_bytes() == before and notes.read_text(encoding="utf-8") == "của tôi"
    # An existing .docx is replaced, atomically, by a whole new file.
    report = tmp_path / "so-sanh.docx"
    report.write_bytes(b"old")
    assert main(["diff", str(child), "--docx", str(report)]) == 0
    assert zipfile.is_zipfile(report)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".") or "tmp" in p.name]


def test_report_is_a_document_of_the_reviewing_body() -> None:
    diff = compare(load(CHILD).plan, load(library.template_path(PARENT)).plan)
    now = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
    document = build(diff, now=now)
    header = document.tables[0]
    cells = "\n".join(c.text for c in header.rows[0].cells)
    assert "TỈNH ỦY LAI CHÂU" in cells and "ĐẢNG CỘNG SẢN VIỆT NAM" in cells
    assert "ngày 01 tháng 12 năm 2026" in cells
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "I. TỔNG HỢP",
        "II. CÁC MỤC BỎ VÀ LÝ DO",
        "III. CHỈ TIÊU BỊ HẠ HOẶC BỎ",
        "IV. THAY ĐỔI VỀ NỘI DUNG, SỐ LIỆU, VỊ TRÍ",
        "V. THAY ĐỔI PHÂN CÔNG NHIỆM VỤ",
        "VI. CÁC MỤC BỔ SUNG",
        "VII. THAY ĐỔI CHỈ VỀ CÂU CHỮ HOẶC ĐỊA PHƯƠNG HÓA",
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text and "TÁI DỰNG" in text
    # Places as a person cites them; never an internal id.
    assert "II.1.2, ý 5 — điều chỉnh (số liệu, chỉ tiêu)" in text
    ids = {i.id for i, _, _ in diff.child.walk()} | {i.id for i, _, _ in diff.parent.walk()}
    tables = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    words = set((text + "\n" + tables).replace(",", " ").split())
    assert not ids & words
    closing = document.tables[-1]
    assert closing.rows[0].cells[0].text == "Vị trí" and len(closing.rows) == 1 + 17
    props = document.core_properties
    assert props.title.startswith("Báo cáo so sánh kế hoạch 363-KH/HU")
    assert props.author == "TỈNH ỦY LAI CHÂU" and props.language == "vi-VN"
    assert props.created == now and props.comments == ""
    # The page number from the second page, as export does it.
    xml = document.sections[0].header._element.xml
    assert "PAGE" in xml and document.sections[0].different_first_page_header_footer
    leaner = build(diff, substantive_only=True, now=now)
    assert "VII. THAY ĐỔI CHỈ VỀ CÂU CHỮ HOẶC ĐỊA PHƯƠNG HÓA" not in [
        p.text for p in leaner.paragraphs]


def test_report_file_has_no_python_docx_defaults(tmp_path: Path) -> None:
    diff = compare(load(CHILD).plan, load(library.template_path(PARENT)).plan)
    path = write_report(diff, tmp_path / "so-sanh.docx")
    core = zipfile.ZipFile(path).read("docProps/core.xml").decode()
    assert "python-docx" not in core and "vi-VN" in core
    assert dt.date.today().isoformat() in core


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_report_renders_with_header_and_page_numbers(tmp_path: Path) -> None:
    diff = compare(load(CHILD).plan, load(library.template_path(PARENT)).plan)
    path = write_report(diff, tmp_path / "so-sanh.docx")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=300,
    )
    pages = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "so-sanh.pdf"), "-"],
        check=True, capture_output=True, text=True,
    ).stdout.split("\f")
    assert len([p for p in pages if p.strip()]) >= 3
    assert "TỈNH ỦY LAI CHÂU" in pages[0] and "BÁO CÁO" in pages[0]
    assert pages[1].strip().splitlines()[0].strip() == "2"  # page number, top of page 2
