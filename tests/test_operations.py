"""Editing operations: each one's effect, its refusals, and undo/redo returning the plan."""

from __future__ import annotations

import copy

import pytest
from editing import assert_undo_redo_round_trip
from hypothesis import given, settings
from hypothesis import strategies as st

from planwriter.errors import OperationError
from planwriter.model import Disposition, Indicator, Item, Kind, Plan
from planwriter.numbering import labels
from planwriter.operations import (
    AdaptText,
    Add,
    Delete,
    Drop,
    Editor,
    Move,
    Restore,
    SetIndicator,
    SetTaskFields,
)


def child_plan() -> Plan:
    def adopted(item_id: str, kind: Kind, **kw: object) -> Item:
        return Item(id=item_id, kind=kind, origin=[item_id], disposition=Disposition.ADOPTED, **kw)  # type: ignore[arg-type]

    goals = adopted(
        "muc-tieu",
        Kind.SECTION,
        title="Mục tiêu",
        children=[
            adopted(
                "5g",
                Kind.OBJECTIVE,
                text="Tỷ lệ phủ sóng 5G trên địa bàn huyện đạt tối thiểu 45%.",
                indicators=[
                    Indicator(
                        id="phu-song-5g",
                        name="Tỷ lệ phủ sóng 5G",
                        value=45,
                        unit="%",
                        comparator="tối thiểu",
                    )
                ],
            ),
            adopted(
                "vneid", Kind.OBJECTIVE, text="Có ≥ 50% người dân có tài khoản định danh điện tử."
            ),
        ],
    )
    tasks = adopted(
        "nhiem-vu",
        Kind.SECTION,
        title="Nhiệm vụ",
        children=[
            adopted(
                "t1",
                Kind.TASK,
                text="Rà soát, kiện toàn Ban Chỉ đạo.",
                lead="Huyện ủy",
                deadline="Tháng 10/2025",
            ),
            adopted("t2", Kind.BULLET, text="Tuyên truyền sâu rộng Nghị quyết."),
        ],
    )
    return Plan(items=[goals, tasks])


def test_adapt_text_marks_adapted_and_undo_restores() -> None:
    editor = Editor(child_plan())
    before = copy.deepcopy(editor.plan)
    editor.apply(AdaptText("t2", "Tuyên truyền sâu rộng Nghị quyết tới Nhân dân các dân tộc."))
    item = editor.plan.find("t2")
    assert item is not None and item.disposition is Disposition.ADAPTED
    editor.undo()
    assert editor.plan == before
    editor.redo()
    assert editor.plan.find("t2").disposition is Disposition.ADAPTED  # type: ignore[union-attr]


def test_same_text_does_not_mark_adapted() -> None:
    editor = Editor(child_plan())
    editor.apply(AdaptText("t2", "Tuyên truyền sâu rộng Nghị quyết."))
    assert editor.plan.find("t2").disposition is Disposition.ADOPTED  # type: ignore[union-attr]


def test_set_indicator_changes_only_that_target() -> None:
    editor = Editor(child_plan())
    editor.apply(SetIndicator("5g", "phu-song-5g", 60))
    target = editor.plan.find("5g").indicators[0]  # type: ignore[union-attr]
    assert (target.value, target.comparator, target.unit) == (60, "tối thiểu", "%")
    with pytest.raises(OperationError, match="no indicator 'nope'"):
        editor.apply(SetIndicator("5g", "nope", 1))


def test_drop_needs_a_reason_and_hides_the_label() -> None:
    editor = Editor(child_plan())
    with pytest.raises(OperationError, match="needs a reason"):
        editor.apply(Drop("muc-tieu", "   "))
    assert not editor.can_undo
    editor.apply(Drop("muc-tieu", "Huyện không có chỉ tiêu riêng."))
    assert labels(editor.plan) == {"nhiem-vu": "I.", "t1": "-", "t2": "-"}


def test_added_items_are_deleted_not_dropped() -> None:
    editor = Editor(child_plan())
    editor.apply(
        Add(
            Item(id="moi", kind=Kind.BULLET, text="Số hóa 3D các điểm du lịch cộng đồng."),
            under="nhiem-vu",
            index=0,
        )
    )
    added = editor.plan.find("moi")
    assert added is not None and added.disposition is Disposition.ADDED
    with pytest.raises(OperationError, match="delete it instead"):
        editor.apply(Drop("moi", "không cần"))
    with pytest.raises(OperationError, match="drop it with a reason"):
        editor.apply(Delete("t1"))
    editor.apply(Delete("moi"))
    assert editor.plan.find("moi") is None


def test_move_renumbers_and_refuses_a_cycle() -> None:
    editor = Editor(child_plan())
    editor.apply(Move("nhiem-vu", None, 0))
    assert labels(editor.plan)["nhiem-vu"] == "I." and labels(editor.plan)["muc-tieu"] == "II."
    with pytest.raises(OperationError, match="inside itself"):
        editor.apply(Move("nhiem-vu", "t1"))


def test_restore_brings_back_the_parent_text() -> None:
    editor = Editor(child_plan())
    source = copy.deepcopy(editor.plan.find("t1"))
    editor.apply(AdaptText("t1", "Khác."))
    editor.apply(SetTaskFields("t1", lead="UBND huyện"))
    editor.apply(Restore("t1", source))  # type: ignore[arg-type]
    assert editor.plan.find("t1") == source


OPERATIONS = st.one_of(
    st.builds(
        AdaptText,
        st.sampled_from(["5g", "vneid", "t1", "t2", "muc-tieu", "nope"]),
        st.text(max_size=20),
        st.one_of(st.none(), st.text(max_size=10)),
    ),
    st.builds(SetIndicator, st.just("5g"), st.just("phu-song-5g"), st.integers(0, 100)),
    st.builds(
        SetTaskFields,
        st.sampled_from(["t1", "t2"]),
        st.one_of(st.none(), st.text(max_size=10)),
        st.one_of(st.none(), st.lists(st.text(max_size=5), max_size=2)),
        st.one_of(st.none(), st.text(max_size=10)),
    ),
    st.builds(
        Drop,
        st.sampled_from(["5g", "vneid", "t1", "t2", "muc-tieu", "nhiem-vu"]),
        st.sampled_from(["", "Không phù hợp với huyện."]),
    ),
    st.builds(
        Add,
        st.builds(
            Item,
            st.sampled_from(["a1", "a2"]),
            st.sampled_from(list(Kind)),
            text=st.text(max_size=10),
        ),
        st.sampled_from([None, "muc-tieu", "nhiem-vu", "t1"]),
        st.one_of(st.none(), st.integers(0, 4)),
    ),
    st.builds(Delete, st.sampled_from(["a1", "a2", "t1"])),
    st.builds(
        Move,
        st.sampled_from(["5g", "t1", "muc-tieu", "nhiem-vu", "a1"]),
        st.sampled_from([None, "muc-tieu", "nhiem-vu", "t1", "a2"]),
        st.one_of(st.none(), st.integers(0, 3)),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(OPERATIONS, max_size=12))
def test_any_sequence_undone_returns_the_original_and_redone_returns_the_result(
    ops: list[object],
) -> None:
    assert_undo_redo_round_trip(Editor(child_plan()), ops)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "old", "new", "expected"),
    [
        (
            "đạt trên 80%; đạt 80% giao dịch không dùng tiền mặt.",
            (80, "trên"),
            (85, "trên"),
            "đạt trên 85%; đạt 80% giao dịch không dùng tiền mặt.",
        ),
        (
            "đạt trên 80%; đạt 80% giao dịch không dùng tiền mặt.",
            (80, "đạt"),
            (90, "đạt"),
            "đạt trên 80%; đạt 90% giao dịch không dùng tiền mặt.",
        ),
        (
            "bố trí ít nhất 03% tổng chi",
            (3, "ít nhất"),
            (5, "tối thiểu"),
            "bố trí tối thiểu 05% tổng chi",
        ),
        ("chiếm 45% và 45% nữa", (45, "đạt"), (50, "đạt"), "chiếm 45% và 45% nữa"),
    ],
)
def test_setting_a_target_restates_its_figure_in_the_text(
    text: str, old: tuple[int, str], new: tuple[int, str], expected: str
) -> None:
    item = Item(
        id="x",
        kind=Kind.OBJECTIVE,
        text=text,
        origin=["x"],
        disposition=Disposition.ADOPTED,
        indicators=[Indicator(id="i", name="chỉ tiêu", value=old[0], unit="%", comparator=old[1])],
    )
    editor = Editor(Plan(items=[item]))
    editor.apply(SetIndicator("x", "i", new[0], comparator=new[1]))
    assert editor.plan.items[0].text == expected
    editor.undo()
    assert editor.plan.items[0].text == text


def test_units_the_text_spells_out_still_follow() -> None:
    item = Item(
        id="x",
        kind=Kind.OBJECTIVE,
        text="đạt 10 người trên một vạn dân.",
        indicators=[Indicator(id="i", name="nhân lực", value=10, unit="người/vạn dân")],
    )
    editor = Editor(Plan(items=[item]))
    editor.apply(SetIndicator("x", "i", 12))
    assert editor.plan.items[0].text == "đạt 12 người trên một vạn dân."
