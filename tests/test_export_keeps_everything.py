"""Nothing a user wrote is lost in an export, nor written twice: for each plan of a set (the
real documents with appendices, QĐ 2530 imported from its text, a made-up plan holding
paragraphs, bullets and a table inside the sections of a task-holding appendix), the .docx,
read back with python-docx, holds the text of every item not dropped (title, text, task
fields, table cells) as many times as the plan does, and nothing of a dropped item."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from exportcheck import document_units, problems
from shared import real_docx, shared

from planwriter.export import export_docx
from planwriter.importer import import_file
from planwriter.model import Disposition, Item, Kind, Meta, Plan, Signature

DROPPED = "Nội dung đã bỏ, không được có trong văn bản xuất ra"


def _task(id_: str, text: str, lead: str, *children: Item, **fields: object) -> Item:
    return Item(id=id_, kind=Kind.TASK, text=text, lead=lead, children=list(children),
                **fields)  # type: ignore[arg-type]


def made_up() -> Plan:
    """A plan whose appendix holds tasks and, inside its sections, what is not a task; its
    body's tasks go to the generated register (tasks_in_appendix), with what they list."""
    p, b = Kind.PARAGRAPH, Kind.BULLET
    body = [
        Item(id="muc1", kind=Kind.SECTION, title="MỤC ĐÍCH, YÊU CẦU", children=[
            Item(id="muc1-p1", kind=p, text="Quán triệt đầy đủ chủ trương của cấp trên."),
        ]),
        Item(id="muc2", kind=Kind.SECTION, title="NHIỆM VỤ CỤ THỂ", children=[
            _task("muc2-nv1", "Tổ chức hội nghị triển khai kế hoạch", "Ban Thường trực",
                  Item(id="muc2-nv1-y1", kind=b, text="Chuẩn bị tài liệu hội nghị đầy đủ",
                       children=[Item(id="muc2-nv1-y1-y1", kind=b,
                                      text="In ấn tài liệu gửi đại biểu dự họp")]),
                  _task("muc2-nv1-nv2", "Gửi giấy mời các đơn vị trực thuộc",
                        "Văn phòng cơ quan", deadline="Trước ngày 10/3/2026"),
                  partners=["Các ban chuyên môn"], deadline="Tháng 3/2026",
                  output="Báo cáo kết quả hội nghị"),
            Item(id="muc2-p1", kind=p, text="Các đơn vị chủ động thực hiện nhiệm vụ sau:",
                 children=[_task("muc2-p1-nv1", "Rà soát danh sách hộ nghèo trên địa bàn",
                                 "Ban Công tác Mặt trận")]),
            Item(id="muc2-bang1", kind=Kind.TABLE, header=[["Đơn vị", "Số lượng đăng ký"]],
                 rows=[["Thôn Bản Lang", "Mười hai người"]]),
            Item(id="muc2-p2", kind=p, text=DROPPED, disposition=Disposition.DROPPED),
        ]),
    ]
    appendix = Item(
        id="phu-luc-1", kind=Kind.APPENDIX, title="PHỤ LỤC I",
        text="DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2026",
        attached="(Kèm theo Kế hoạch số 05/KH-MTTQ-BTT ngày 02/3/2026)",
        children=[
            Item(id="pl1-p1", kind=p, text="Danh mục gồm các nhóm nhiệm vụ dưới đây."),
            Item(id="pl1-muc1", kind=Kind.SECTION, title="Công tác tuyên truyền",
                 text="vận động nhân dân thực hiện chủ trương", children=[
                     Item(id="pl1-muc1-p1", kind=p,
                          text="Nhóm nhiệm vụ này do Ban Thường trực trực tiếp chỉ đạo."),
                     Item(id="pl1-muc1-y1", kind=b, text="Bám sát tình hình thực tế cơ sở",
                          children=[Item(id="pl1-muc1-y1-y1", kind=b,
                                         text="Lắng nghe ý kiến của đoàn viên, hội viên")]),
                     _task("pl1-muc1-nv1", "Tuyên truyền trên hệ thống loa truyền thanh",
                           "Ban Tuyên giáo", deadline="Thường xuyên"),
                     _task("pl1-muc1-nv2", "Biên soạn tài liệu hỏi đáp cho tổ dân phố",
                           "Ban Dân chủ - Pháp luật"),
                     Item(id="pl1-muc1-bang1", kind=Kind.TABLE,
                          header=[["Hình thức", "Số buổi dự kiến"]],
                          rows=[["Hội nghị tại nhà văn hóa thôn", "Hai mươi buổi"]]),
                     _task("pl1-muc1-nv3", "Tổng hợp ý kiến phản ánh của cử tri",
                           "Văn phòng cơ quan", output="Báo cáo tổng hợp hằng quý"),
                     Item(id="pl1-muc1-1", kind=Kind.SECTION, title="Tại khu dân cư",
                          children=[
                              _task("pl1-muc1-1-nv1", "Tổ chức ngày hội đại đoàn kết",
                                    "Ban Công tác Mặt trận thôn"),
                              Item(id="pl1-muc1-1-p1", kind=p,
                                   text="Kinh phí do khu dân cư tự cân đối."),
                          ]),
                     Item(id="pl1-muc1-y2", kind=b, text=DROPPED,
                          disposition=Disposition.DROPPED),
                 ]),
            Item(id="pl1-muc2", kind=Kind.SECTION, title="Công tác giám sát", children=[
                Item(id="pl1-muc2-p1", kind=p,
                     text="Thực hiện theo chương trình giám sát riêng của năm."),
            ]),
            Item(id="pl1-p2", kind=p, text="Ghi chú: các mốc thời gian có thể điều chỉnh."),
        ])
    meta = Meta(
        doc_type="KH", number="05", issuer_symbol="MTTQ-BTT",
        issuing_body="ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC",
        place="Lương Minh", date=dt.date(2026, 3, 2),
        summary="Thực hiện nhiệm vụ trọng tâm năm 2026", recipients=["Lưu VP"],
        signature=Signature("TM. BAN THƯỜNG TRỰC", "", "CHỦ TỊCH", "Lan Thị Vân"),
        tasks_in_appendix=True)
    return Plan(meta=meta, items=[*body, appendix])


def _plans() -> list[tuple[str, object]]:
    """(name, how to get the plan): imports are done in the test, so a missing ../shared
    skips that case only."""
    cases: list[tuple[str, object]] = [("made-up", made_up),
                                       ("QD-2530-TTg.txt", "text/QD-2530-TTg.txt")]
    cases += [(path.name, f"docx/{path.name}") for path in real_docx()]
    return cases


def _plan(how: object) -> Plan:
    if callable(how):
        plan = how()
        assert isinstance(plan, Plan)
        return plan
    assert isinstance(how, str)
    return import_file(shared(f"real/{how}")).plan


@pytest.mark.parametrize("tasks_in_appendix", [False, True], ids=["inline", "register"])
@pytest.mark.parametrize(("name", "how"), _plans(), ids=[n for n, _ in _plans()])
def test_every_item_is_in_the_export_once(name: str, how: object,
                                          tasks_in_appendix: bool,
                                          tmp_path: Path) -> None:
    plan = _plan(how)
    out = tmp_path / "out.docx"
    export_docx(plan, out, tasks_in_appendix=tasks_in_appendix)
    assert problems(plan, out) == []
    text = "\n".join(document_units(out))
    assert DROPPED not in text


def test_the_set_holds_appendices_with_tasks_and_prose_in_their_sections() -> None:
    """The cases above would pass on a set without the shape that was lost."""
    for how in ("text/QD-2530-TTg.txt", "docx/LM-HD-gioi-thieu-ung-cu-HDND-xa.docx",
                "docx/LM-KH-hiep-thuong.docx"):
        assert _plan(how).appendices(), how
    qd = _plan("text/QD-2530-TTg.txt")
    footnotes = [i for i, _, _ in Plan(items=qd.appendices()).walk()
                 if i.kind is Kind.PARAGRAPH and i.text.startswith("[4] Từ 0h sáng")]
    assert footnotes  # the import puts Phụ lục II's footnotes inside its last section


def test_the_appendix_reads_in_the_plans_order(tmp_path: Path) -> None:
    """A section's paragraph, bullets and table stand among its tasks where the plan has
    them; the notes after the last section come after the table."""
    out = tmp_path / "out.docx"
    export_docx(made_up(), out)
    units = document_units(out)
    start = units.index("PHỤ LỤC I")
    order = ["Danh mục gồm các nhóm", "Công tác tuyên truyền: vận động",
             "Nhóm nhiệm vụ này do", "- Bám sát tình hình", "+ Lắng nghe ý kiến",
             "Tuyên truyền trên hệ thống loa", "Biên soạn tài liệu hỏi đáp", "Hình thức",
             "Hội nghị tại nhà văn hóa thôn", "Tổng hợp ý kiến phản ánh", "Tại khu dân cư",
             "Tổ chức ngày hội", "Kinh phí do khu dân cư", "Công tác giám sát",
             "Thực hiện theo chương trình", "Ghi chú: các mốc"]
    at = [next(i for i, u in enumerate(units[start:]) if want in u) for want in order]
    assert at == sorted(at)
    # the task after the table goes on with the group's numbering
    assert units[start + at[9] - 1] == "3"


def test_the_made_up_appendix_comes_back_whole(tmp_path: Path) -> None:
    """Export → import gives the appendix back as the plan holds it: a section's paragraphs,
    bullets and table where they stood, a section's title and text, the subsection after
    a break of the table at its depth. (Not the note after the last section: in any
    document a paragraph there reads as that section's, so the plan here ends without it.)"""
    from test_import_real import _shape

    plan = made_up()
    appendix = plan.appendices()[0]
    appendix.children = appendix.children[:-1]
    out = tmp_path / "out.docx"
    export_docx(plan, out)
    back = import_file(out).plan
    assert _shape(back.appendices()) == _shape(plan.appendices())


def test_the_registers_tasks_come_back_with_what_they_list(tmp_path: Path) -> None:
    """The body's tasks, written to the generated register (tasks_in_appendix), are read
    back under their sections with their fields and the bullets they list, at their level;
    no line of the register is left unread."""
    out = tmp_path / "out.docx"
    export_docx(made_up(), out)
    result = import_file(out)
    assert result.unclassified == []
    tasks = {i.text: i for i, _, _ in Plan(items=result.plan.body()).walk()
             if i.kind is Kind.TASK}
    first = tasks["Tổ chức hội nghị triển khai kế hoạch"]
    assert (first.lead, first.partners, first.deadline, first.output) == (
        "Ban Thường trực", ["Các ban chuyên môn"], "Tháng 3/2026", "Báo cáo kết quả hội nghị")
    assert [(c.text, [g.text for g in c.children]) for c in first.children] == [
        ("Chuẩn bị tài liệu hội nghị đầy đủ", ["In ấn tài liệu gửi đại biểu dự họp"]),
        ("Gửi giấy mời các đơn vị trực thuộc", []),
    ]
    # a task it holds is listed in its cell with its fields in its line, and comes back a task
    second = first.children[1]
    assert (second.kind, second.lead, second.deadline) == (
        Kind.TASK, "Văn phòng cơ quan", "Trước ngày 10/3/2026")
    assert tasks["Rà soát danh sách hộ nghèo trên địa bàn"].lead == "Ban Công tác Mặt trận"
