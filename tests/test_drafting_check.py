"""planwriter check: each finding, its label and id, and the exit status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cli_run import planwriter

from planwriter.check import Finding, check_plan
from planwriter.drafting import new_plan
from planwriter.drafting.localize import Localizer
from planwriter.model import Direction, Disposition, Item, Plan
from planwriter.planfile import load, new_file
from planwriter.profile import load_profile

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "drafting"
PARENT = FIXTURES / "parent.toml"


def draft(profile: str = "district.toml") -> Plan:
    plan = new_plan(str(PARENT), str(FIXTURES / profile), date=dt.date(2025, 4, 23))
    plan.meta.number = "363"
    return plan


def parent() -> Plan:
    return load(PARENT).plan


def localizer(profile: str = "district.toml") -> Localizer:
    return Localizer.for_profile(load_profile(FIXTURES / profile))


def findings(plan: Plan, **kw: object) -> list[tuple[str, str | None, str, str]]:
    out = check_plan(plan, parent(), localizer=localizer(), **kw)  # type: ignore[arg-type]
    return [(f.severity, f.item_id, f.label, f.code) for f in out]


def remove(plan: Plan, item_id: str) -> None:
    siblings = plan.siblings_of(item_id)
    siblings[:] = [s for s in siblings if s.id != item_id]


def item(plan: Plan, item_id: str) -> Item:
    found = plan.find(item_id)
    assert found is not None
    return found


@pytest.mark.parametrize("profile", ["district.toml", "commune.toml"])
def test_a_fresh_draft_has_no_finding(profile: str) -> None:
    plan = draft(profile)
    assert check_plan(plan, parent(), localizer=localizer(profile)) == []


def test_a_parent_item_not_accounted_for_is_an_error() -> None:
    plan = draft()
    remove(plan, "mt-ky-nang-so")
    [f] = check_plan(plan, parent(), localizer=localizer())
    assert (f.severity, f.code, f.item_id, f.label) == (
        "error",
        "missing",
        "mt-ky-nang-so",
        "II.1. ý 2",
    )
    assert f.message.startswith(
        "mục II.1. ý 2 (mt-ky-nang-so) của 63-CTr/TU chưa có trong kế hoạch"
    )


def test_dropping_a_section_accounts_for_what_it_holds() -> None:
    plan = draft()
    section = item(plan, "nhiem-vu")
    section.disposition, section.reason = Disposition.DROPPED, "Huyện giao trong kế hoạch riêng."
    section.children = []
    assert findings(plan) == []


def test_a_drop_without_a_reason_is_an_error() -> None:
    plan = draft()
    item(plan, "mt-csdl").disposition = Disposition.DROPPED
    assert findings(plan) == [("error", "mt-csdl", "II.1. ý 3", "drop-no-reason")]


def test_a_lower_target_is_an_error() -> None:
    plan = draft()
    item(plan, "mt-5g").indicators[0].value = 30
    [f] = check_plan(plan, parent(), localizer=localizer())
    assert (f.severity, f.code, f.item_id, f.label) == (
        "error",
        "weaker-target",
        "mt-5g",
        "II.1. ý 1",
    )
    assert "tối thiểu 30% thấp hơn cấp trên (tối thiểu 45%)" in f.message


def test_a_higher_target_or_a_lower_one_that_should_go_down_is_fine() -> None:
    plan = draft()
    item(plan, "mt-5g").indicators[0].value = 60
    assert findings(plan) == []
    p = parent()
    item(p, "mt-5g").indicators[0].direction = Direction.DOWN
    item(plan, "mt-5g").indicators[0].direction = Direction.DOWN
    item(plan, "mt-5g").indicators[0].value = 30
    assert check_plan(plan, p) == []


def test_a_target_dropped_while_its_item_is_kept_is_a_warning() -> None:
    plan = draft()
    item(plan, "mt-csdl").indicators = []
    assert findings(plan) == [("warning", "mt-csdl", "II.1. ý 3", "target-dropped")]


def test_a_task_without_lead_or_deadline_is_a_warning() -> None:
    plan = draft()
    item(plan, "nv-ke-hoach").lead = ""
    item(plan, "nv-bao-cao").deadline = " "
    assert findings(plan) == [
        ("warning", "nv-ke-hoach", "II.2. ý 1", "task-no-lead"),
        ("warning", "nv-bao-cao", "II.2. ý 2", "task-no-deadline"),
    ]


def test_an_inherited_unlocalized_word_is_a_warning_but_the_units_own_is_not() -> None:
    plan = draft()
    item(plan, "mt-5g").text = "Tỷ lệ phủ sóng 5G trên địa bàn tỉnh đạt tối thiểu 45%."
    [f] = check_plan(plan, parent(), localizer=localizer())
    assert (f.severity, f.code, f.item_id) == ("warning", "unlocalized", "mt-5g")
    assert '"trên địa bàn tỉnh"' in f.message
    # The district's own words about the province are legitimate.
    item(
        plan, "mt-5g"
    ).text = "Tỷ lệ phủ sóng 5G trên địa bàn huyện đạt tối thiểu 45%, đạt mức khá trong tỉnh."
    assert findings(plan) == []


def test_number_and_date_are_needed_before_export() -> None:
    plan = draft()
    plan.meta.number, plan.meta.date = "", None
    assert findings(plan) == [("warning", None, "", "no-number"), ("warning", None, "", "no-date")]
    assert findings(plan, for_export=True) == [
        ("error", None, "", "no-number"),
        ("error", None, "", "no-date"),
    ]


def test_a_plan_without_parent_checks_what_it_can() -> None:
    p = parent()
    item(p, "nv-ke-hoach").lead = ""
    out = check_plan(p, None)
    assert [(f.code, f.item_id) for f in out] == [("task-no-lead", "nv-ke-hoach")]
    assert all(isinstance(f, Finding) for f in out)


def exactly_three(plan: Plan, source: Plan) -> set[tuple[str, str]]:
    """Delete one adopted leaf item, lower one target, drop another item without a reason;
    return the (code, item id) each should be reported as."""
    kept = (Disposition.ADOPTED, Disposition.ADAPTED)
    leaves = [
        i
        for i, _, _ in plan.walk()
        if not i.children and len(i.origin) == 1 and not i.indicators and i.disposition in kept
    ]
    theirs = {ind.id for _, ind in source.indicators()}
    lowered = next(
        i
        for i, _, _ in plan.walk()
        if not i.dropped and i.indicators and i.indicators[0].id in theirs
    )
    target = lowered.indicators[0]
    target.value = target.value - 1 if target.direction is Direction.UP else target.value + 1
    deleted, dropped = leaves[0], leaves[-1]
    remove(plan, deleted.id)
    dropped.disposition, dropped.reason = Disposition.DROPPED, ""
    return {
        ("missing", deleted.origin[0]),
        ("weaker-target", lowered.id),
        ("drop-no-reason", dropped.id),
    }




def test_cli_exit_status_and_exactly_three_errors(tmp_path: Path) -> None:
    plan = draft()
    path = tmp_path / "kh.toml"
    plan.meta.parent.ref = str(PARENT)  # type: ignore[union-attr]
    plan.meta.profile = str(FIXTURES / "district.toml")
    new_file(plan, path).save()
    ok = planwriter("check", str(path))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "0 lỗi, 0 cảnh báo" in ok.stdout
    expected = exactly_three(plan, parent())
    new_file(plan, path).save()
    bad = planwriter("check", str(path))
    assert bad.returncode == 1
    reported = check_plan(load(path).plan, parent(), localizer=localizer())
    assert {(f.code, f.item_id) for f in reported if f.is_error} == expected
    assert len([f for f in reported if f.is_error]) == 3
    assert "3 lỗi" in bad.stdout
    for f in reported:
        assert f"{f.label} ({f.item_id})" in f.message


EXAMPLE = ROOT / "examples" / "363-KH-HU.toml"


@pytest.mark.skipif(not EXAMPLE.exists(), reason="examples/363-KH-HU.toml not merged yet")
def test_the_bundled_example_passes_and_its_damaged_copy_fails_with_exactly_three(
    tmp_path: Path,
) -> None:
    ok = planwriter("check", str(EXAMPLE))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    plan_file = load(EXAMPLE)
    plan = plan_file.plan
    from planwriter.library import resolve_parent

    assert plan.meta.parent is not None
    parent_path = resolve_parent(plan.meta.parent.ref, EXAMPLE)
    assert parent_path is not None
    expected = exactly_three(plan, load(parent_path).plan)
    copy = tmp_path / "363-KH-HU.toml"
    plan.meta.parent.ref = str(parent_path)
    plan_file.save(copy)
    bad = planwriter("check", str(copy))
    assert bad.returncode == 1
    reported = check_plan(load(copy).plan, load(parent_path).plan)
    assert {(f.code, f.item_id) for f in reported if f.is_error} == expected
    assert len([f for f in reported if f.is_error]) == 3


def test_without_a_localizer_the_plans_own_profile_is_used() -> None:
    plan = draft()
    assert plan.meta.profile == str(FIXTURES / "district.toml")
    item(
        plan, "nv-bao-cao"
    ).text = "Ban Chỉ đạo tỉnh tổng hợp, báo cáo Thường trực, Ban Thường vụ Huyện ủy."
    assert [(f.code, f.item_id) for f in check_plan(plan, parent())] == [
        ("unlocalized", "nv-bao-cao")
    ]
    plan.meta.profile = str(FIXTURES / "nowhere.toml")
    assert check_plan(plan, parent()) == []
