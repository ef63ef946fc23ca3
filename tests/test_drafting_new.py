"""planwriter new: header from the profile, parent cited, every item adopted and localized."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import planwriter

from planwriter import library
from planwriter.drafting import new_plan
from planwriter.drafting.localize import Localizer
from planwriter.model import Disposition, Family, Level
from planwriter.planfile import load
from planwriter.profile import load_profile
from planwriter.render import plan_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "drafting"
PARENT = str(FIXTURES / "parent.toml")




def test_header_parent_and_items() -> None:
    plan = new_plan(PARENT, str(FIXTURES / "district.toml"), date=dt.date(2025, 4, 23))
    m = plan.meta
    assert (m.level, m.family, m.doc_type, m.number, m.issuer_symbol) == (
        Level.DISTRICT,
        Family.PARTY,
        "KH",
        "",
        "HU",
    )
    assert (m.superior_body, m.issuing_body, m.place) == (
        "ĐẢNG BỘ TỈNH LAI CHÂU",
        "HUYỆN ỦY TAM ĐƯỜNG",
        "Tam Đường",
    )
    assert m.number_line() == "Số     -KH/HU" and m.date == dt.date(2025, 4, 23)
    assert (m.signature.title, m.signature.name) == ("PHÓ BÍ THƯ", "Cao Trang Trọng")
    assert m.recipients == ["TT. Tỉnh ủy (B/c)", "Lưu"]
    assert m.parent is not None
    assert (m.parent.number, m.parent.date, m.parent.issuer) == (
        "63-CTr/TU",
        dt.date(2025, 2, 27),
        "Ban Thường vụ Tỉnh ủy Lai Châu",
    )
    parent = load(PARENT).plan
    assert [i.id for i, _, _ in plan.walk()] == [i.id for i, _, _ in parent.walk()]
    for item, _, _ in plan.walk():
        assert item.origin == [item.id]
        assert item.disposition in (Disposition.ADOPTED, Disposition.ADAPTED)
    assert [ind.id for _, ind in plan.indicators()] == [ind.id for _, ind in parent.indicators()]
    five_g = plan.find("mt-5g")
    assert five_g is not None and five_g.disposition is Disposition.ADOPTED
    assert five_g.text == "Tỷ lệ phủ sóng 5G trên địa bàn huyện đạt tối thiểu 45%."
    assert five_g.indicators[0].name == "Tỷ lệ phủ sóng 5G trên địa bàn huyện"
    task = plan.find("nv-ke-hoach")
    assert task is not None and (task.lead, task.deadline) == ("UBND huyện", "Quý IV/2025")


def test_the_preamble_cites_the_parent_like_363_kh_hu() -> None:
    plan = new_plan(PARENT, str(FIXTURES / "district.toml"))
    first = plan.items[0]
    assert (first.id, first.disposition) == ("can-cu", Disposition.ADAPTED)
    assert first.text == (
        "Thực hiện Chương trình hành động số 63-CTr/TU, ngày 27/02/2025 của Ban Thường vụ Tỉnh ủy "
        "Lai Châu (gọi tắt là Chương trình hành động số 63-CTr/TU) về thực hiện Nghị quyết số "
        "57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị (gọi tắt là Nghị quyết số 57-NQ/TW) về đột phá "
        "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Ban Thường vụ "
        "Huyện ủy xây dựng kế hoạch thực hiện như sau:"
    )
    assert plan.meta.summary.startswith(
        "thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị"
    )


def test_a_commune_drafts_the_same_way() -> None:
    plan = new_plan(PARENT, str(FIXTURES / "commune.toml"), date=dt.date(2025, 8, 1))
    assert plan.meta.number_line() == "Số     -KH/ĐU"
    assert plan.meta.issuing_body == "ĐẢNG ỦY XÃ BÌNH LƯ" and plan.meta.level is Level.COMMUNE
    text = plan_text(plan)
    assert "Ban Thường vụ Đảng ủy xã xây dựng kế hoạch thực hiện như sau:" in text
    assert "Tỷ lệ phủ sóng 5G trên địa bàn xã đạt tối thiểu 45%." in text
    assert "(Chủ trì: Văn phòng Đảng ủy xã; Thời gian: Hằng tháng)" in text


def test_cli_writes_a_plan_that_loads_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "kh.toml"
    result = planwriter(
        "new",
        "--template",
        PARENT,
        "--profile",
        str(FIXTURES / "district.toml"),
        "-o",
        str(out),
        "--date",
        "2025-04-23",
    )
    assert result.returncode == 0, result.stderr
    plan = load(out).plan  # origins check against the parent, found through the relative ref
    assert plan.meta.parent is not None and not Path(plan.meta.parent.ref).is_absolute()
    assert plan.meta.profile == os.path.relpath(FIXTURES / "district.toml", tmp_path)
    before = out.read_bytes()
    again = planwriter("new", "-t", PARENT, "-p", str(FIXTURES / "commune.toml"), "-o", str(out))
    assert again.returncode == 2
    assert again.stderr == f"planwriter: {out}: already exists (use --force to overwrite it)\n"
    assert out.read_bytes() == before
    forced = planwriter(
        "new", "-t", PARENT, "-p", str(FIXTURES / "commune.toml"), "-o", str(out), "--force"
    )
    assert forced.returncode == 0 and load(out).plan.meta.issuer_symbol == "ĐU"
    assert dt.date.fromisoformat(re.search(r"date = (\S+)", out.read_text("utf-8")).group(1))  # type: ignore[union-attr]


def test_cli_bad_date_and_broken_template_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "kh.toml"
    bad = planwriter(
        "new",
        "-t",
        PARENT,
        "-p",
        str(FIXTURES / "district.toml"),
        "-o",
        str(out),
        "--date",
        "23/04/2025",
    )
    assert (bad.returncode, bad.stderr) == (
        2,
        "planwriter: --date '23/04/2025' is not a date (expected YYYY-MM-DD)\n",
    )
    monkeypatch.setenv("PLANWRITER_LIBRARY", str(tmp_path))  # an office's own boilerplate
    (tmp_path / "boilerplate").mkdir()
    (tmp_path / "boilerplate" / "preamble.j2").write_text(
        "Thực hiện\n{{ ''.__class__.__mro__ }}", encoding="utf-8"
    )
    broken = planwriter(
        "new", "-t", PARENT, "-p", str(FIXTURES / "district.toml"), "-o", str(out), cwd=tmp_path
    )
    assert broken.returncode == 2
    lines = broken.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in broken.stderr
    assert lines[0].startswith(
        f"planwriter: {tmp_path / 'boilerplate' / 'preamble.j2'}:2: template failed"
    )
    assert not out.exists()


def outside_protected(text: str, localizer: Localizer) -> str:
    """``text`` without the spans the profile protects (kept names, cited acts and authors)."""
    out, last = [], 0
    for start, end in localizer.protected(text):
        out.append(text[last:start])
        last = end
    return " ".join([*out, text[last:]])


@pytest.mark.parametrize("template", ["lai-chau/11-KH-TU", "lai-chau/63-CTr-TU"])
@pytest.mark.parametrize(
    "profile, unit", [("lai-chau/tam-duong", "huyện"), ("lai-chau/binh-lu", "xã")]
)
def test_bundled_programme_reads_as_a_local_plan(
    tmp_path: Path, template: str, profile: str, unit: str
) -> None:
    if template not in library.templates():
        pytest.skip(f"{template} not merged yet")
    out = tmp_path / "kh.toml"
    assert planwriter("new", "-t", template, "-p", profile, "-o", str(out)).returncode == 0
    shown = planwriter("show", str(out))
    assert shown.returncode == 0
    body = shown.stdout.split("KẾ HOẠCH", 1)[1].split("Nơi nhận:", 1)[0]
    # "tỉnh" remains only inside the province's names and acts, which the profile keeps.
    localizer = Localizer.for_profile(load_profile(library.profile_path(profile)))
    for line in body.splitlines():
        rest = outside_protected(line, localizer)
        assert not re.search(r"(?<!\w)tỉnh(?!\w)", rest, re.IGNORECASE), line
    assert f"trên địa bàn {unit}" in body
    check = planwriter("check", str(out))
    assert check.returncode == 0, check.stdout
    assert "unlocalized" not in check.stdout


def test_a_state_profile_issues_its_plan_as_a_state_body(tmp_path: Path) -> None:
    profile = tmp_path / "ubnd.toml"
    text = (FIXTURES / "district.toml").read_text("utf-8")
    text = text.replace('level = "district"', 'level = "province"\nfamily = "state"')
    text = text.replace(
        'issuing_body = "HUYỆN ỦY TAM ĐƯỜNG"', 'issuing_body = "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"'
    )
    text = text.replace('issuer_symbol = "HU"', 'issuer_symbol = "UBND"')
    text = text.replace(
        'committee = "Ban Thường vụ Huyện ủy"', 'committee = "Ủy ban nhân dân tỉnh"'
    )
    profile.write_text(text, encoding="utf-8")
    plan = new_plan(PARENT, str(profile))
    assert plan.meta.number_line() == "Số:     /KH-UBND"
    assert plan.items[0].text.endswith(
        ", Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:"
    )


def test_drafting_and_checking_import_neither_jinja_nor_textual_at_start() -> None:
    code = (
        "import sys\n"
        "import planwriter.check, planwriter.drafting, planwriter.operations\n"
        "import planwriter.commands.new, planwriter.commands.check, planwriter.commands.edit\n"
        "print(sorted(m for m in ('jinja2', 'textual') if m in sys.modules))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert (result.returncode, result.stdout) == (0, "[]\n"), result.stderr


def test_the_parent_naming_itself_becomes_this_plan() -> None:
    plan = new_plan(PARENT, str(FIXTURES / "district.toml"))
    item = plan.find("tcth-2")
    assert item is not None and item.disposition is Disposition.ADOPTED
    assert item.text == ("Ban Tuyên giáo và Dân vận Huyện ủy hướng dẫn quán triệt, tuyên truyền "
                         "Nghị quyết số 57-NQ/TW của Bộ Chính trị và nội dung Kế hoạch này.")
