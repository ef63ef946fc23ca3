"""The sentence that closes a document's body ("Trên đây là Kế hoạch …") after its last
section belongs to the document, not to the last point of that section: so it is read from
a text, from a Word file anyone made, and from a .docx planwriter exported."""

from __future__ import annotations

from pathlib import Path

from shared import shared

from planwriter.export import export_docx
from planwriter.importer import import_file
from planwriter.model import Kind, Plan
from planwriter.planfile import load

ROOT = Path(__file__).resolve().parent
CLOSING = "Trên đây là Kế hoạch của Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh"


def _depth_of(plan: Plan, starts: str) -> int:
    return next(d for item, _, d in plan.walk(False) if item.content().startswith(starts))


def test_the_summing_up_after_the_last_section_is_the_document_s(tmp_path: Path) -> None:
    text = tmp_path / "kh.txt"
    text.write_text(
        "ỦY BAN MTTQ VIỆT NAM\n\nXÃ LƯƠNG MINH\n\nBAN THƯỜNG TRỰC\n\nSố:    /KH-MTTQ-BTT\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Lương Minh, ngày 25 tháng 11 năm 2025\n\nKẾ HOẠCH\n\n"
        "Tổ chức hội nghị hiệp thương\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Bảo đảm dân chủ, đúng luật.\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n\n1. Ban Thường trực chủ trì.\n\n"
        "2. Trên đây là những việc Ban Thường trực làm trước hội nghị.\n\n"
        "3. Các thôn phối hợp.\n\n"
        f"{CLOSING} về tổ chức hội nghị hiệp thương./.\n",
        encoding="utf-8",
    )
    plan = import_file(text).plan
    assert _depth_of(plan, "Trên đây là Kế hoạch") == 0
    # before the last section's end, the same words sum up a part and stay where they are
    assert _depth_of(plan, "Trên đây là những việc") == 1


def test_an_exported_plan_keeps_its_closing_sentence_at_the_top(tmp_path: Path) -> None:
    plan = load(ROOT / "fixtures" / "families" / "mass.toml").plan
    top = [i.content()[:40] for i in plan.items if i.kind is Kind.PARAGRAPH]
    out = tmp_path / "mass.docx"
    export_docx(plan, out)
    again = import_file(out).plan
    assert [i.content()[:40] for i in again.items if i.kind is Kind.PARAGRAPH] == top
    assert _depth_of(again, "Trên đây là Kế hoạch") == 0


def test_a_commune_s_word_file_closes_at_the_top() -> None:
    plan = import_file(shared("real/docx/LM-KH-16-bau-cu.docx")).plan
    assert _depth_of(plan, CLOSING) == 0
