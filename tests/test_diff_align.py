"""Alignment: exact expected pairs for origin-based and text-only children (moved, split,
merged), an unaccented copy aligning every item, and word diffs on Vietnamese tokens."""

from __future__ import annotations

import random
from pathlib import Path

from planwriter.diff import Basis, PlanDiff, Relation, Status, compare
from planwriter.diff.words import word_diff
from planwriter.model import Item, Plan
from planwriter.planfile import load
from planwriter.text import fold, tokens

HERE = Path(__file__).parent / "fixtures" / "diff"
ROOT = Path(__file__).parent.parent


def parent() -> Plan:
    return load(HERE / "parent.toml").plan


def text_only(plan: Plan) -> Plan:
    """A copy without origin ids and with fresh item ids, as an imported Word file has."""
    copy = plan.clone()
    for item, _, _ in copy.walk():
        item.id, item.origin, item.disposition = "c-" + item.id, [], None
    return copy


def pairs(diff: PlanDiff) -> set[tuple[str | None, str | None, str]]:
    """(parent id, child id, what happened) for every line of the comparison."""
    out = set()
    for c in diff.changes:
        what = (
            c.status.value
            + ("+moved" if c.moved else "")
            + (f"+{c.relation.value}" if c.relation is not Relation.ONE else "")
        )
        child = c.child.id if c.child is not None and c.status is not Status.DROPPED else None
        out.add((c.parent.id if c.parent else None, child, what))
    return out


def take(plan: Plan, item_id: str) -> Item:
    item = plan.find(item_id)
    assert item is not None
    plan.siblings_of(item_id).remove(item)
    return item


def kept(*ids: str) -> set[tuple[str | None, str | None, str]]:
    return {(i, "c-" + i, "kept") for i in ids}


ALL = [
    "quan-diem",
    "qd-1",
    "qd-2",
    "muc-tieu",
    "5g",
    "nhiem-vu",
    "nv-1",
    "nv-1-a",
    "nv-1-b",
    "nv-1-c",
    "nv-2",
    "nv-2-a",
    "nv-2-b",
    "nv-2-c",
]


def test_identical_text_only_copy_keeps_everything() -> None:
    diff = compare(text_only(parent()), parent())
    assert pairs(diff) == kept(*ALL)
    assert {c.basis for c in diff.changes} == {Basis.EXACT}


def test_moved_item_is_moved_not_dropped_and_added() -> None:
    child = text_only(parent())
    item = take(child, "c-nv-1-c")
    target = child.find("c-nv-2")
    assert target is not None
    target.children.insert(0, item)
    diff = compare(child, parent())
    rest = [i for i in ALL if i != "nv-1-c"]
    assert pairs(diff) == kept(*rest) | {("nv-1-c", "c-nv-1-c", "kept+moved")}
    assert diff.summary.moved == 1 and diff.summary.dropped == 0 and diff.summary.added == 0


def test_split_by_text() -> None:
    child = text_only(parent())
    whole = child.find("c-nv-1-b")
    assert whole is not None
    first, second = whole.text.split(". ", 1)
    whole.text = first + "."
    siblings = child.siblings_of("c-nv-1-b")
    siblings.insert(siblings.index(whole) + 1, Item("c-new", whole.kind, text=second))
    diff = compare(child, parent())
    rest = [i for i in ALL if i != "nv-1-b"]
    assert pairs(diff) == kept(*rest) | {
        ("nv-1-b", "c-nv-1-b", "adapted+split"),
        ("nv-1-b", "c-new", "adapted+split"),
    }
    assert diff.summary.split == 1


def test_merge_by_text() -> None:
    child = text_only(parent())
    a, b = child.find("c-nv-2-a"), take(child, "c-nv-2-b")
    assert a is not None
    a.text = a.text.rstrip(".") + "; " + b.text[0].lower() + b.text[1:]
    diff = compare(child, parent())
    rest = [i for i in ALL if i not in ("nv-2-a", "nv-2-b")]
    assert pairs(diff) == kept(*rest) | {
        ("nv-2-a", "c-nv-2-a", "adapted+merge"),
        ("nv-2-b", "c-nv-2-a", "adapted+merge"),
    }
    assert diff.summary.merged == 1


def test_edited_dropped_and_added_by_text() -> None:
    child = text_only(parent())
    take(child, "c-qd-2")
    item = child.find("c-nv-2-c")
    assert item is not None
    item.text = item.text.replace("trong xã hội", "cho cán bộ, đảng viên")
    section = child.find("c-nv-2")
    assert section is not None
    section.children.append(
        Item("c-added", item.kind, text="Xây dựng kế hoạch chuyển đổi số của huyện.")
    )
    diff = compare(child, parent())
    rest = [i for i in ALL if i not in ("qd-2", "nv-2-c")]
    assert pairs(diff) == kept(*rest) | {
        ("qd-2", None, "dropped"),
        ("nv-2-c", "c-nv-2-c", "adapted"),
        (None, "c-added", "added"),
    }
    assert diff.summary.dropped == 1 and diff.summary.added == 1 and diff.summary.adapted == 1


def test_origin_based_alignment() -> None:
    diff = compare(load(HERE / "child-origins.toml").plan, parent())
    same = {(i, i, "kept") for i in ALL if i not in ("qd-2", "5g", "nv-1-b", "nv-2-a", "nv-2-b")}
    assert pairs(diff) == same | {
        ("qd-2", None, "dropped"),
        ("5g", "5g", "adapted"),
        ("nv-1-b", "nv-1-b1", "adapted+split"),
        ("nv-1-b", "nv-1-b2", "adapted+split"),
        ("nv-2-a", "nv-2-ab", "adapted+merge"),
        ("nv-2-b", "nv-2-ab", "adapted+merge"),
        (None, "t-01", "added"),
    }
    dropped = next(c for c in diff.changes if c.status is Status.DROPPED)
    assert dropped.reason == "Thuộc thẩm quyền của Trung ương."
    assert {c.basis for c in diff.changes if c.parent and c.child} == {Basis.ORIGIN}
    # Reading order: the dropped item stands where the child records it.
    order = [(c.parent or c.child).id for c in diff.changes]  # type: ignore[union-attr]
    assert order.index("qd-2") == order.index("qd-1") + 1
    [row] = diff.indicators
    assert (row.change.value, row.parent.value if row.parent else None) == ("raised", 45)


def _unaccented(plan: Plan) -> Plan:
    copy = text_only(plan)
    for item, _, _ in copy.walk():
        item.title, item.text = fold(item.title), fold(item.text)
    return copy


def test_unaccented_copy_aligns_every_item() -> None:
    for path in (
        HERE / "parent.toml",
        ROOT / "planwriter/bundled/templates/lai-chau/11-KH-TU.toml",
    ):
        plan = load(path).plan
        diff = compare(_unaccented(plan), plan)
        assert diff.summary.dropped == diff.summary.added == diff.summary.moved == 0
        assert all(
            c.child is not None and c.parent is not None and c.child.id == "c-" + c.parent.id
            for c in diff.changes
        )
        assert len(diff.changes) == sum(1 for _ in plan.walk())


def test_unaccented_generated_plan_aligns_every_item() -> None:
    from bench.diff import generate

    plan, _ = generate(400, seed=3)
    rng = random.Random(3)
    copy = _unaccented(plan)
    for item, _, _ in copy.walk():  # an OCR'd copy also loses the odd character
        if rng.random() < 0.2 and len(item.text) > 20:
            at = rng.randrange(len(item.text))
            item.text = item.text[:at] + item.text[at + 1 :]
    diff = compare(copy, plan)
    assert all(
        c.child is not None
        and c.parent is not None
        and c.child.id == "c-" + c.parent.id
        and not c.moved
        for c in diff.changes
    )


def test_tokens_keep_numbers_with_their_percent() -> None:
    assert tokens("đạt tối thiểu 45%, 6,5% GRDP") == [
        "đạt",
        " ",
        "tối",
        " ",
        "thiểu",
        " ",
        "45%",
        ",",
        " ",
        "6,5%",
        " ",
        "GRDP",
    ]
    assert fold("Đảng ủy huyện Tam Đường") == "dang uy huyen tam duong"


def test_word_diff_percent_is_one_replacement() -> None:
    ops = word_diff("Tỷ lệ phủ sóng 5G đạt 45% năm 2030.", "Tỷ lệ phủ sóng 5G đạt 100% năm 2030.")
    assert [(o.op, o.old, o.new) for o in ops if o.op != "equal"] == [("replace", "45%", "100%")]
    ops = word_diff("trên địa bàn tỉnh đạt", "trên địa bàn huyện Tam Đường đạt")
    assert [(o.op, o.old, o.new) for o in ops if o.op != "equal"] == [
        ("replace", "tỉnh", "huyện Tam Đường")
    ]
    old, new = "Có cơ chế đặc thù.", "Xây dựng cơ chế đặc thù về đào tạo."
    ops = word_diff(old, new)
    assert "".join(o.old for o in ops) == old and "".join(o.new for o in ops) == new


def test_rewritten_item_is_old_then_new_not_word_soup() -> None:
    old = "Bám sát các quan điểm, mục tiêu, nhiệm vụ và giải pháp của Nghị quyết số 57-NQ/TW."
    new = "Cụ thể hóa bằng các chương trình, kế hoạch của huyện."
    assert [(o.op, o.old, o.new) for o in word_diff(old, new)] == [("replace", old, new)]


def test_diff_core_never_imports_the_terminal_ui() -> None:
    import subprocess
    import sys

    code = (
        "import sys, planwriter.diff, planwriter.diff.redline, planwriter.diff.report_docx, "
        "planwriter.diff.jsonout, planwriter.commands.diff; "
        "assert 'textual' not in sys.modules and 'docx' not in sys.modules"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)}
    )


def test_a_cited_act_or_date_is_one_change() -> None:
    assert [
        t for t in tokens("số 57-NQ/TW, ngày 22/12/2024; Số: 45/KH-UBND") if not t.isspace()
    ] == ["số", "57-NQ/TW", ",", "ngày", "22/12/2024", ";", "Số", ":", "45/KH-UBND"]
    tail = " về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn"
    ops = word_diff(
        "Quán triệt các nhiệm vụ tại Nghị quyết số 57-NQ/TW" + tail,
        "Quán triệt các nhiệm vụ tại Nghị quyết số 71/NQ-CP" + tail,
    )
    assert [(o.old, o.new) for o in ops if o.op != "equal"] == [("57-NQ/TW", "71/NQ-CP")]
