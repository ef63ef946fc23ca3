# ruff: noqa: E501  (test data: sentences of real documents, kept whole)
"""Import: the OCR seeds give the bundled plans' structure; export → import gives back every
bundled plan; each recognizer rule; nothing in the input is silently lost or changed."""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from shared import source

from planwriter import planfile
from planwriter.diff import compare
from planwriter.errors import DocumentImportError
from planwriter.export import export_docx
from planwriter.importer import import_file
from planwriter.importer.figures import indicators_in
from planwriter.importer.header import parse_closing, parse_header
from planwriter.importer.paragraphs import LABEL, join_lines
from planwriter.importer.source import Line
from planwriter.model import Family, Item, Kind, Level, Meta, Plan
from planwriter.numbering import labels
from planwriter.text import fold

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted(
    [*ROOT.glob("planwriter/bundled/templates/**/*.toml"), *ROOT.glob("examples/*.toml")]
)
EXPORT_FIXTURES = sorted((Path(__file__).parent / "fixtures" / "export").glob("*.toml"))
SEEDS = [
    ("seed-11-KH-TU.ocr.txt", "planwriter/bundled/templates/lai-chau/11-KH-TU.toml"),
    ("seed-363-KH-HU.ocr.txt", "examples/363-KH-HU.toml"),
]


def lines(text: str) -> list[Line]:
    return [Line(n, raw) for n, raw in enumerate(text.splitlines(), start=1)]


def tree(plan: Plan) -> list[tuple[object, ...]]:
    return [
        (i.kind, i.title, i.text, depth, i.lead, i.partners, i.deadline, i.output)
        for i, _, depth in plan.walk(include_dropped=False)
    ]


# --- the round trip -----------------------------------------------------------------------


@pytest.mark.parametrize("path", BUNDLED + EXPORT_FIXTURES, ids=lambda p: p.name)
def test_export_then_import_gives_the_plan_back(path: Path, tmp_path: Path) -> None:
    original = planfile.load(path, check_origins=False).plan
    export_docx(original, tmp_path / "plan.docx")
    result = import_file(tmp_path / "plan.docx")
    back = result.plan
    assert result.unclassified == []
    for key in (
        "level",
        "family",
        "doc_type",
        "number",
        "issuer_symbol",
        "superior_body",
        "issuing_body",
        "place",
        "date",
        "recipients",
        "signature",
    ):
        assert getattr(back.meta, key) == getattr(original.meta, key), key
    # The export breaks a long trích yếu into balanced lines; import keeps those breaks.
    assert Meta.one_line(back.meta.summary) == Meta.one_line(original.meta.summary)
    assert tree(back) == tree(original)
    # every target the paper states is read back, on the same item
    for (item, _, _), (again, _, _) in zip(original.walk(False), back.walk(), strict=True):
        found = {(i.comparator, i.value, i.unit) for i in again.indicators}
        for indicator in item.indicators:
            if indicator.figure().split()[0] in item.text or f"0{indicator.figure()}" in item.text:
                assert (indicator.comparator, indicator.value, indicator.unit) in found, item.id


# --- the OCR seeds --------------------------------------------------------------------------


@pytest.mark.parametrize(("seed", "bundled"), SEEDS, ids=[s for s, _ in SEEDS])
def test_seed_imports_to_the_structure_of_the_bundled_plan(seed: str, bundled: str) -> None:
    imported = import_file(source(seed)).plan
    plan = planfile.load(ROOT / bundled, check_origins=False).plan

    def shape(p: Plan) -> list[tuple[str, int, bool]]:
        numbers = labels(p)
        return [(numbers[i.id], d, i.kind is Kind.SECTION) for i, _, d in p.walk()]

    assert shape(imported) == shape(plan)
    titles = [
        (fold(a.title), fold(b.title))
        for (a, _, _), (b, _, _) in zip(imported.walk(), plan.walk(), strict=True)
        if b.kind is Kind.SECTION and b.title
    ]
    for got, want in titles:
        assert difflib.SequenceMatcher(None, got, want, autojunk=False).ratio() > 0.6, (got, want)
    # every target of the bundled plan, in order (the import may find a figure more, such as
    # "hoàn thành 100% nhiệm vụ" in the requirements)
    wanted = iter((i.value, fold(i.unit)) for _, i in imported.indicators())
    assert all(
        target in wanted for target in ((i.value, fold(i.unit)) for _, i in plan.indicators())
    )
    m = imported.meta
    assert (m.number, m.doc_type, m.issuer_symbol, m.date) == (
        plan.meta.number,
        plan.meta.doc_type,
        plan.meta.issuer_symbol,
        plan.meta.date,
    )
    assert [fold(r) for r in m.recipients][-1] == fold(plan.meta.recipients[-1])
    assert len(m.recipients) == len(plan.meta.recipients)


@pytest.mark.parametrize(("seed", "bundled"), SEEDS, ids=[s for s, _ in SEEDS])
def test_diff_of_the_seed_import_aligns_every_item(seed: str, bundled: str) -> None:
    summary = compare(
        import_file(source(seed)).plan, planfile.load(ROOT / bundled, check_origins=False).plan
    ).summary
    assert (summary.dropped, summary.added, summary.moved, summary.split, summary.merged) == (
        0,
    ) * 5
    assert (summary.targets_dropped, summary.targets_lowered, summary.targets_raised) == (0, 0, 0)


def test_every_line_of_the_seed_is_in_the_plan_or_the_report() -> None:
    for seed, _ in SEEDS:
        result = import_file(source(seed))
        plan = result.plan
        m = plan.meta
        parts = [
            m.superior_body,
            m.issuing_body,
            m.number_line(),
            m.place_date(),
            m.summary,
            m.type_name,
            *m.recipients,
            *m.signature.lines(),
            m.signature.name,
        ]
        parts += [f"{i.title} {i.text}" for i, _, _ in plan.walk()]
        parts += [u.text for u in result.unclassified]
        have = set(re.findall(r"\w+", fold(" ".join(parts))))
        for number, raw in enumerate((source(seed)).read_text("utf-8").splitlines(), 1):
            raw = LABEL.sub("", raw.strip())  # labels are derived again, not kept
            # the motto becomes the family; "Số", "ngày", "Nơi nhận" are written again
            read_as_form = {
                "dang",
                "dpang",
                "pang",
                "cong",
                "san",
                "viet",
                "nam",
                "so",
                "ngay",
                "thang",
                "noi",
                "nhan",
                "nhen",
            }
            missing = set(re.findall(r"\w+", fold(raw))) - have - read_as_form
            assert not missing, f"{seed}:{number}: {raw!r} lost {missing}"


# --- recognizers ----------------------------------------------------------------------------


def test_header_with_interleaved_ocr_columns() -> None:
    header, end = parse_header(
        lines(
            "PANG BO TINH LAI CHAU DPANG CONG SAN VIET NAM\nHUYEN UY TAM PUONG\n*\n\n"
            ", Tam DPuong, ngay 23 thang 4 nam 2025\nS6 363-KH/HU\n\nKE HOACH\nthuc hién Nghi quyét\n"
            "vé dot pha\n\nThuc hién ..."
        )
    )
    assert (header.family, header.superior_body, header.issuing_body) == (
        Family.PARTY,
        "PANG BO TINH LAI CHAU",
        "HUYEN UY TAM PUONG",
    )
    assert (header.number, header.doc_type, header.issuer_symbol, header.level) == (
        "363",
        "KH",
        "HU",
        Level.DISTRICT,
    )
    assert (header.place, str(header.date)) == ("Tam DPuong", "2025-04-23")
    assert header.summary == "thuc hién Nghi quyét vé dot pha"


def test_header_of_a_state_document_and_a_blank_draft_date() -> None:
    header, _ = parse_header(
        lines(
            "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nSố: /KH-UBND\nLai Châu, ngày     tháng     năm\n\nKẾ HOẠCH\n"
            "Chuyển đổi số năm 2026"
        )
    )
    assert (header.family, header.doc_type, header.issuer_symbol, header.number) == (
        Family.STATE,
        "KH",
        "UBND",
        "",
    )
    assert (header.superior_body, header.issuing_body) == ("ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU")
    assert (header.place, header.date, header.summary) == (
        "Lai Châu",
        None,
        "Chuyển đổi số năm 2026",
    )


def test_closing_with_columns_on_one_line() -> None:
    closing = parse_closing(
        lines(
            "Noi nhén: T/M BAN THUONG VU\n- TT. Tinh ay (B/c), PHO Bi THU\n"
            "- Céc ban bang, VP Tinh uy, \\\n- B/c Nguyen Ngoc Vinh - Uy vién BTV Tinh uy\n"
            "Cht nhi¢m UBKT Tinh uy,\n- Ban Bí thư Trung ương Đảng (để b/c),\n- Luu. Cao Trang Trong"
        )
    )
    assert closing.recipients == [
        "TT. Tinh ay (B/c)",
        "Céc ban bang, VP Tinh uy",
        "B/c Nguyen Ngoc Vinh - Uy vién BTV Tinh uy Cht nhi¢m UBKT Tinh uy",
        "Ban Bí thư Trung ương Đảng (để b/c)",
        "Luu",
    ]
    sig = closing.signature
    assert (sig.on_behalf, sig.title, sig.name) == (
        "T/M BAN THUONG VU",
        "PHO Bi THU",
        "Cao Trang Trong",
    )


def test_state_signature_with_acting_line() -> None:
    sig = parse_closing(
        lines(
            "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A"
        )
    ).signature
    assert (sig.on_behalf, sig.acting, sig.title, sig.name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tỷ lệ phủ sóng 5G trên địa bàn tỉnh đạt tối thiểu 45%.", [("tối thiểu", 45, "%")]),
        ("đạt trên 80%; đạt 80% giao dịch", [("trên", 80, "%"), ("đạt", 80, "%")]),
        ("bố trí ít nhất 03% tổng chi", [("ít nhất", 3, "%")]),
        ("Có ≥ 70% hồ sơ", [("≥", 70, "%")]),
        ("C6 > 70% ho so", [("≥", 70, "%")]),
        ("Quy mô kinh tế số đạt 6,5% GRDP.", [("đạt", 6.5, "% GRDP")]),
        ("đạt 10 người trên một vạn dân", [("đạt", 10, "người/vạn dân")]),
        ("phủ sóng đến 09/33 bản lõm sóng", [("đạt", 9, "bản")]),
        ("hướng tới tối thiểu đạt 25%.", [("hướng tới tối thiểu", 25, "%")]),
        ("Ty 18 phi1 song 5G tren dia ban tinh dat toi thieu 45%", [("tối thiểu", 45, "%")]),
        ("phủ sóng 5G, 6G; Nghị quyết số 57-NQ/TW năm 2030", []),
    ],
)
def test_indicator_forms(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(i.comparator, i.value, i.unit) for i in indicators_in(text)] == expected


def test_indicator_name_is_what_is_measured() -> None:
    found = indicators_in("Tỷ lệ phủ sóng 5G trên địa bàn tỉnh đạt tối thiểu 45%.")
    assert found[0].name == "Tỷ lệ phủ sóng 5G trên địa bàn tỉnh"


def test_broken_lines_page_numbers_and_noise_are_mended_and_reported() -> None:
    paragraphs, noise = join_lines(
        lines(
            "1. Mục đích\n\nLãnh đạo, chỉ đạo triển khai thực hiện hiệu quả các quan điểm, mục\n"
            "tiêu, nhiệm vụ tại Nghị quyết số 57-NQ/TW; Quyết định số 204-QĐ/TW;\n"
            "Kế hoạch số 02-KH/BCĐTW và các thông báo kết luận của Ban Chỉ đạo.\n\n"
            "- Bảo đảm sự lãnh đạo của cấp ủy, các tổ chức chính trị\n - xã hội và Nhân dân trong thực\n\n"
            "12\n\nhiện, giám sát.\n\nhttps://nq57.vn)./\n\n- Phát huy tinh thần chủ động, sáng tạo của các cấp; tăng cư-\n"
            "ờng phối hợp."
        )
    )
    assert [p.text for p in paragraphs] == [
        "1. Mục đích",
        "Lãnh đạo, chỉ đạo triển khai thực hiện hiệu quả các quan điểm, mục tiêu, nhiệm vụ tại "
        "Nghị quyết số 57-NQ/TW; Quyết định số 204-QĐ/TW; Kế hoạch số 02-KH/BCĐTW và các thông "
        "báo kết luận của Ban Chỉ đạo.",
        "- Bảo đảm sự lãnh đạo của cấp ủy, các tổ chức chính trị - xã hội và Nhân dân trong thực "
        "hiện, giám sát.",
        "- Phát huy tinh thần chủ động, sáng tạo của các cấp; tăng cường phối hợp.",
    ]
    assert [line.text for line in noise] == ["12", "https://nq57.vn)./"]


def test_labels_give_depth_headings_and_run_in_titles() -> None:
    result = import_file_text(
        "KẾ HOẠCH\nvề chuyển đổi số\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n\nCụ thể hóa các chủ trương.\n\n"
        "II. NỘI DUNG\n1. Nhiệm vụ\n1.1. Nâng cao nhận thức\n\na) Ban Tuyên giáo chủ trì tuyên truyền.\n\n"
        "- Tuyên truyền sâu rộng.\n+ Trên báo chí.\n\n2. Nhiệm vụ cụ thể: Có Phụ lục kèm theo.\n\n"
        "3. UBND huyện xây dựng kế hoạch thực hiện, định kỳ báo cáo kết quả thực hiện với Ban Thường vụ."
    )
    numbers = labels(result.plan)
    got = [(numbers[i.id], d, i.kind.value, i.title, i.text) for i, _, d in result.plan.walk()]
    assert got == [
        ("I.", 0, "section", "MỤC ĐÍCH, YÊU CẦU", ""),
        ("1.", 1, "section", "Mục đích", ""),
        ("", 2, "paragraph", "", "Cụ thể hóa các chủ trương."),
        ("II.", 0, "section", "NỘI DUNG", ""),
        ("1.", 1, "section", "Nhiệm vụ", ""),
        ("1.1.", 2, "section", "Nâng cao nhận thức", ""),
        ("a)", 3, "section", "", "Ban Tuyên giáo chủ trì tuyên truyền."),
        ("-", 4, "bullet", "", "Tuyên truyền sâu rộng."),
        ("+", 5, "bullet", "", "Trên báo chí."),
        ("2.", 1, "section", "Nhiệm vụ cụ thể", "Có Phụ lục kèm theo."),
        (
            "3.",
            1,
            "section",
            "",
            "UBND huyện xây dựng kế hoạch thực hiện, định kỳ báo cáo kết quả "
            "thực hiện với Ban Thường vụ.",
        ),
    ]


def import_file_text(text: str) -> object:
    from planwriter.importer import import_lines

    return import_lines(lines(text))


# --- other documents -------------------------------------------------------------------------


def test_a_complete_party_plan_from_elsewhere() -> None:
    plan = import_file(source("3260-KH-DDQH15.txt")).plan
    m = plan.meta
    assert (m.number_line(), m.level, m.issuing_body, m.place, str(m.date)) == (
        "Số 3260-KH/ĐĐQH15",
        Level.CENTRAL,
        "ĐẢNG ĐOÀN QUỐC HỘI",
        "Hà Nội",
        "2025-01-10",
    )
    assert m.summary.startswith("khai thực hiện Nghị quyết số 57-NQ/TW")
    assert (m.recipients[0], m.recipients[-1]) == (
        "Ban Bí thư Trung ương Đảng (để b/c)",
        "Lưu VPĐĐQH, Vụ KHCNMT",
    )
    assert (m.signature.on_behalf, m.signature.title, m.signature.name) == (
        "T/M ĐẢNG ĐOÀN QUỐC HỘI",
        "BÍ THƯ",
        "Trần Thanh Mẫn",
    )
    numbers = labels(plan)
    parts = [numbers[i.id] + " " + i.title for i in plan.items if i.kind is Kind.SECTION]
    assert parts == ["I. MỤC ĐÍCH, YÊU CẦU", "II. PHÂN CÔNG NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN"]
    letters = [numbers[i.id] for i, _, d in plan.walk() if numbers[i.id].endswith(")")]
    assert letters[:6] == ["a)", "b)", "c)", "d)", "đ)", "e)"]


def test_a_state_programme_and_a_body_without_header() -> None:
    state = import_file(source("03-NQ-CP.txt")).plan.meta
    assert (
        state.family,
        state.doc_type,
        state.number,
        state.issuer_symbol,
        state.issuing_body,
    ) == (Family.STATE, "NQ", "03", "CP", "CHÍNH PHỦ")
    plan = import_file(source("03-NQ-CP.txt")).plan
    # the resolution's own closing, then the programme it issues
    sig = plan.meta.signature
    assert (sig.on_behalf, sig.acting, sig.title, sig.name) == (
        "TM. CHÍNH PHỦ",
        "KT. THỦ TƯỚNG",
        "PHÓ THỦ TƯỚNG",
        "Nguyễn Hòa Bình",
    )
    assert len(plan.meta.recipients) == 15 and plan.meta.recipients[-1] == "Lưu: VT, KGVX (2b)"
    tasks = [i for i, _, _ in plan.walk() if i.kind is Kind.TASK]
    assert plan.meta.tasks_in_appendix and len(tasks) >= 140
    first = tasks[0]
    assert first.text.startswith(
        "Xây dựng, trình Thủ tướng Chính phủ ban hành và tổ chức triển khai"
    )
    assert (first.lead, first.deadline, first.output) == (
        "Bộ Thông tin và Truyền thông",
        "6/2025",
        "Quyết định của Thủ tướng Chính phủ",
    )
    assert sum(1 for t in tasks if t.lead and t.deadline) >= 130
    targets = [i for i, _, _ in plan.walk() if i.kind is Kind.OBJECTIVE and i.indicators]
    assert any(
        i.text.startswith("Chi ngân sách hàng năm")
        and (i.indicators[0].comparator, i.indicators[0].value) == ("≥", 3)
        for i in targets
    )
    bare = import_file(source("57-NQ-TW.txt")).plan
    assert bare.meta.issuing_body == "" and len(bare.items) > 3


# --- safety -----------------------------------------------------------------------------------


def test_import_never_changes_its_input(tmp_path: Path) -> None:
    given = tmp_path / "seed.txt"
    given.write_bytes(source("seed-363-KH-HU.ocr.txt").read_bytes())
    before = (given.read_bytes(), given.stat().st_mtime_ns)
    import_file(given)
    assert (given.read_bytes(), given.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("plan.docx", b"Thuc hien Nghi quyet", "is not a Word .docx file (not a zip package)"),
        ("plan.txt", b"PK\x03\x04\x00\x00binary", "is a binary file, not text (a .docx renamed?)"),
        ("plan.txt", "Kế hoạch".encode("utf-16"), "is a binary file, not text (a .docx renamed?)"),
        ("plan.txt", b"K\xea\xd5 ho\xb9ch (TCVN3)", "not UTF-8 text (line 1); save it as UTF-8"),
        (
            "plan.rtf",
            b"{\\rtf1 Thuc hien",
            "cannot import a '.rtf' file (expected .docx, .txt, .pdf or a scanned page "
            ".png/.jpg/.tif)",
        ),
    ],
)
def test_a_file_that_is_not_what_its_name_says(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentImportError) as info:
        import_file(path)
    assert str(info.value) == f"{path}: {message}"


def test_cli_imports_as_a_template_that_new_drafts_from(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PLANWRITER_LIBRARY=str(tmp_path / "lib"))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "planwriter", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )

    imported = run("import", str(source("3260-KH-DDQH15.txt")), "--as-template", "qh/3260")
    assert imported.returncode == 0, imported.stderr
    assert (tmp_path / "lib" / "templates" / "qh" / "3260.toml").is_file()
    drafted = run(
        "new", "--template", "qh/3260", "--profile", "lai-chau/tam-duong", "-o", "kh.toml"
    )
    assert drafted.returncode == 0, drafted.stderr
    again = run("import", str(source("3260-KH-DDQH15.txt")), "--as-template", "qh/3260")
    assert again.returncode == 2 and "already has a template 'qh/3260'" in again.stderr
    bad = run("import", str(tmp_path / "nowhere.docx"))
    assert (bad.returncode, bad.stderr) == (
        2,
        f"planwriter: {tmp_path / 'nowhere.docx'}: no such file\n",
    )


# --- appendices the plan holds, export → import ---------------------------------------------


def _held_appendices() -> list[Item]:
    def task(text: str, lead: str) -> Item:
        return Item(id="", kind=Kind.TASK, text=text, lead=lead, partners=["Sở Tài chính"],
                    deadline="Quý I/2026", output="Báo cáo")

    nested = Item(id="pl1-muc1", kind=Kind.SECTION, title="NHÓM NHIỆM VỤ VỀ THỂ CHẾ", children=[
        task("Rà soát quy định về thủ tục hành chính.", "Sở Tư pháp"),
        Item(id="pl1-muc1-1", kind=Kind.SECTION, title="Cải cách thủ tục", children=[
            task("Cắt giảm thời gian giải quyết hồ sơ.", "Văn phòng UBND"),
        ]),
        task("Tổng kết việc thực hiện.", "Sở Nội vụ"),  # after the subsection: its parent's
    ])
    empty = Item(id="pl1-muc2", kind=Kind.SECTION, title="NHÓM NHIỆM VỤ CHƯA GIAO", children=[])
    deep = Item(id="pl1-muc3", kind=Kind.SECTION, title="NHÓM NHIỆM VỤ VỀ HẠ TẦNG", children=[
        Item(id="pl1-muc3-1", kind=Kind.SECTION, title="Hạ tầng số", children=[
            task("Nâng cấp trung tâm dữ liệu.", "Sở Khoa học và Công nghệ"),
        ]),
    ])
    for stem, item in (("a", nested), ("b", empty), ("c", deep)):
        for index, (child, _, _) in enumerate(Plan(items=[item]).walk()):
            child.id = child.id or f"{stem}-{index}"
    tasks = Item(id="phu-luc-1", kind=Kind.APPENDIX, title="PHỤ LỤC I",
                 text="DANH MỤC NHIỆM VỤ CỤ THỂ",
                 attached="(Kèm theo Kế hoạch số 11-KH/TU ngày 17/10/2025 của Tỉnh ủy)",
                 children=[nested, empty, deep])
    form = Item(id="phu-luc-2", kind=Kind.APPENDIX, title="PHỤ LỤC II", children=[
        Item(id="pl2-p1", kind=Kind.PARAGRAPH, text="Mẫu báo cáo kết quả thực hiện."),
        Item(id="pl2-bang1", kind=Kind.TABLE, header=[["TT", "Đơn vị", "Kết quả"]],
             rows=[["1", "", "Chưa báo cáo"], ["2", "Xã B", "Đạt"]]),
    ])
    return [tasks, form]


def test_held_appendices_come_back_beside_the_task_register(tmp_path: Path) -> None:
    """A plan whose body tasks go in the generated register, with two appendices of its own:
    one of tasks in sections two deep (a section with no task, tasks of a section after its
    subsection), one a form without heading or "(Kèm theo …)" line. Each comes back in its
    place: the register's tasks under the body's sections, the appendices' in the
    appendices."""
    original = planfile.load(EXPORT_FIXTURES[0], check_origins=False).plan
    assert EXPORT_FIXTURES[0].name == "appendix.toml" and original.meta.tasks_in_appendix
    original.items += _held_appendices()
    export_docx(original, tmp_path / "plan.docx")
    result = import_file(tmp_path / "plan.docx")
    back = result.plan
    assert result.unclassified == []
    assert tree(Plan(items=back.body())) == tree(Plan(items=original.body()))
    assert [(a.title, a.text, a.attached) for a in back.appendices()] == [
        (a.title, a.text, a.attached) for a in original.appendices()
    ]
    assert tree(Plan(items=back.appendices())) == tree(Plan(items=original.appendices()))
    table = back.appendices()[1].children[1]
    assert (table.kind, table.header, table.rows) == (
        Kind.TABLE,
        [["TT", "Đơn vị", "Kết quả"]],
        [["1", "", "Chưa báo cáo"], ["2", "Xã B", "Đạt"]],
    )
    numbers = labels(back)
    assert [numbers[s.id] for s in back.appendices()[0].children] == ["I.", "II.", "III."]


def test_a_held_appendix_writes_every_section_as_a_group_row() -> None:
    from planwriter.export.appendix import task_rows

    plan = Plan(items=_held_appendices())
    rows = task_rows(plan, plan.items[0].children, outline=True)
    assert [(r.group, r.number, r.task[:20]) for r in rows] == [
        (True, "I.", "NHÓM NHIỆM VỤ VỀ THỂ"),
        (False, "1", "Rà soát quy định về "),
        (True, "1.", "Cải cách thủ tục"),
        (False, "1", "Cắt giảm thời gian g"),
        (True, "I.", "NHÓM NHIỆM VỤ VỀ THỂ"),
        (False, "1", "Tổng kết việc thực h"),
        (True, "II.", "NHÓM NHIỆM VỤ CHƯA G"),
        (True, "III.", "NHÓM NHIỆM VỤ VỀ HẠ "),
        (True, "1.", "Hạ tầng số"),
        (False, "1", "Nâng cấp trung tâm d"),
    ]
    # the register of the body (and the CSV/XLSX) keeps one group row per section of tasks
    assert [r.number for r in task_rows(plan, plan.items[0].children) if r.group] == [
        "I.", "1.", "I.", "1."]
