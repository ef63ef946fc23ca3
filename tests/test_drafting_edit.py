"""planwriter edit: one operation per run, saved with comments kept, printed; and SetMeta
undone like every other operation."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from cli_run import planwriter
from editing import assert_undo_redo_round_trip
from hypothesis import given, settings
from hypothesis import strategies as st

from planwriter.drafting import new_plan
from planwriter.model import Disposition
from planwriter.operations import AdaptText, Drop, Editor, SetIndicator, SetMeta
from planwriter.planfile import load, new_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "drafting"




def drafted(tmp_path: Path) -> Path:
    path = tmp_path / "kh.toml"
    result = planwriter(
        "new",
        "-t",
        str(FIXTURES / "parent.toml"),
        "-p",
        str(FIXTURES / "district.toml"),
        "-o",
        str(path),
        "--date",
        "2025-04-23",
    )
    assert result.returncode == 0, result.stderr
    text = path.read_text("utf-8").replace(
        '[[item]]\nid = "mt-5g"', '# Chỉ tiêu 5G của huyện.\n[[item]]\nid = "mt-5g"'
    )
    path.write_text(text, encoding="utf-8")
    return path


def edit(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return planwriter("edit", str(path), *args)


def test_edit_round_trip(tmp_path: Path) -> None:
    path = drafted(tmp_path)
    pristine = load(path).plan

    r = edit(path, "target", "phu-song-5g", "60")
    assert r.returncode == 0, r.stderr
    # the figure in the text follows the target: the document prints the text
    line = ("- Tỷ lệ phủ sóng 5G trên địa bàn huyện đạt tối thiểu {0}%. "
            "[Tỷ lệ phủ sóng 5G trên địa bàn huyện")
    assert r.stdout.splitlines()[1:] == [f"- {line.format(45)}: tối thiểu 45%]",
                                         f"+ {line.format(60)}: tối thiểu 60%]"]
    r = edit(path, "adapt", "mt-5g", "Tỷ lệ phủ sóng 5G tại các xã, thị trấn đạt tối thiểu 60%.")
    assert r.returncode == 0 and r.stdout.splitlines()[-1].startswith("+ - Tỷ lệ phủ sóng 5G")
    plan = load(path).plan
    five_g = plan.find("mt-5g")
    assert five_g is not None and five_g.disposition is Disposition.ADAPTED
    assert five_g.indicators[0].value == 60
    assert "# Chỉ tiêu 5G của huyện." in path.read_text("utf-8")

    refused = edit(path, "drop", "mt-csdl", "  ")
    assert (refused.returncode, refused.stderr) == (
        2,
        f"planwriter: {path}: dropping item 'mt-csdl' needs a reason\n",
    )
    assert edit(path, "drop", "mt-csdl", "Huyện chưa có cơ sở dữ liệu riêng.").returncode == 0
    assert (
        edit(
            path,
            "add",
            "nv-3d",
            "--kind",
            "task",
            "--text",
            "Số hóa 3D các điểm du lịch cộng đồng.",
            "--under",
            "nhiem-vu",
            "--index",
            "0",
        ).returncode
        == 0
    )
    moved = edit(path, "move", "nv-3d", "--under", "muc-tieu")
    assert moved.returncode == 0 and moved.stdout.splitlines()[-1].endswith(
        "(trong muc-tieu, vị trí 4/4)"
    )
    assert (
        edit(path, "task", "nv-3d", "--lead", "UBND huyện", "--deadline", "Năm 2026").returncode
        == 0
    )
    assert edit(path, "number", "363", "--date", "2025-04-25").returncode == 0
    plan = load(path).plan
    assert (plan.meta.number, plan.meta.date) == ("363", dt.date(2025, 4, 25))
    added = plan.find("nv-3d")
    assert (
        added is not None and added.disposition is Disposition.ADDED and added.lead == "UBND huyện"
    )

    restored = edit(path, "restore", "mt-5g")
    assert restored.returncode == 0, restored.stderr
    assert edit(path, "restore", "mt-csdl").returncode == 0
    assert edit(path, "delete", "nv-3d").returncode == 0
    assert edit(path, "number", "").returncode == 0
    plan = load(path).plan
    plan.meta.date = pristine.meta.date
    assert plan == pristine
    assert "# Chỉ tiêu 5G của huyện." in path.read_text("utf-8")


def test_edit_refusals_are_one_line(tmp_path: Path) -> None:
    path = drafted(tmp_path)
    before = path.read_bytes()
    for args, message in [
        (("delete", "mt-5g"), "item 'mt-5g' comes from the parent: drop it with a reason instead"),
        (("target", "nope", "1"), "no indicator with id 'nope'"),
        (("adapt", "nope", "x"), "no item with id 'nope'"),
        (("move", "noi-dung", "--under", "mt-5g"), "cannot move item 'noi-dung' inside itself"),
    ]:
        r = edit(path, *args)
        assert (r.returncode, r.stderr) == (2, f"planwriter: {path}: {message}\n")
    assert path.read_bytes() == before


OPERATIONS = st.one_of(
    st.builds(
        SetMeta,
        st.one_of(st.none(), st.sampled_from(["", "363", " 45 "])),
        st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31))),
        st.booleans(),
    ),
    st.builds(AdaptText, st.sampled_from(["mt-5g", "can-cu", "nope"]), st.text(max_size=10)),
    st.builds(SetIndicator, st.just("mt-5g"), st.just("phu-song-5g"), st.integers(0, 100)),
    st.builds(
        Drop, st.sampled_from(["mt-5g", "nhiem-vu"]), st.sampled_from(["", "Không phù hợp."])
    ),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(OPERATIONS, max_size=8))
def test_set_meta_undoes_and_redoes_with_the_others(ops: list[object]) -> None:
    editor = Editor(
        new_plan(
            str(FIXTURES / "parent.toml"),
            str(FIXTURES / "district.toml"),
            date=dt.date(2025, 4, 23),
        )
    )
    assert_undo_redo_round_trip(editor, ops)  # type: ignore[arg-type]


def test_a_saved_draft_round_trips_byte_for_byte(tmp_path: Path) -> None:
    path = drafted(tmp_path)
    plan_file = load(path)
    assert plan_file.dumps() == path.read_text("utf-8")
    new_file(plan_file.plan, tmp_path / "again.toml").save()
    assert load(tmp_path / "again.toml").plan == plan_file.plan
