"""Real plans reviewed against a real parent (../shared): KH-16 of Lương Minh with its
sub-plans, 57-NQ/TW with 3260-KH/ĐĐQH15 and 03/NQ-CP. No crash, and nothing called "kept"
that the child does not contain."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwriter.review import ChildStatus, Verdict, run_review
from planwriter.review.collect import read_child, read_parent
from planwriter.text import words
from tests.shared import shared, source

KH16_CHILDREN = [
    "real/text/KH-HiepThuong-MTTQ-LuongMinh.txt",
    "real/text/KH-KTGS-MTTQ-LuongMinh.txt",
    "real/docx/LM-KH-hiep-thuong.docx",
    "real/docx/LM-KH-kiem-tra-giam-sat.docx",
    "real/docx/LM-KH-lay-y-kien-cu-tri.docx",
    "real/docx/LM-KH-tiep-cong-dan.docx",
    "real/docx/LM-KH-tieu-ban-tuyen-truyen.docx",
]


def _check_kept(parent_path: Path, review) -> None:
    """Every kept parent item's folded words are in the child item it was aligned with; a
    localised one differs from it only by vocabulary, so at least its numbers are there."""
    parent, _ = read_parent(str(parent_path))
    by_id = {item.id: item for item, _, _ in parent.walk()}
    for child in review.reviewed():
        plan = read_child(Path(child.path)).plan
        assert plan is not None
        mine = {item.id: item for item, _, _ in plan.walk()}
        for item_id, cell in child.items.items():
            if cell.verdict is Verdict.KEPT:
                theirs = set(words(mine[cell.child_id].content()))
                assert set(words(by_id[item_id].content())) <= theirs, (child.name, item_id)
            if cell.verdict in (Verdict.KEPT, Verdict.LOCALIZED, Verdict.ADAPTED):
                assert cell.child_id in mine


def test_kh16_with_its_sub_plans(tmp_path: Path) -> None:
    parent = shared("real/text/KH-16-MTTQ-LuongMinh.txt")
    children = [shared(p) for p in KH16_CHILDREN]
    plan, note = read_parent(str(parent))
    review = run_review(plan, str(parent), children, note=note)
    assert note and review.parent_symbol.startswith("16/KH-MTTQ")
    assert [c.name for c in review.children] == [p.name for p in children]
    by_name = {c.name: c for c in review.children}
    # KH-HiepThuong cites "Kế hoạch số 16/KH-MTTQ-BTT": a child, however little it carries
    hiep = by_name["KH-HiepThuong-MTTQ-LuongMinh.txt"]
    assert hiep.status is ChildStatus.REVIEWED and 0 < hiep.coverage < 0.5
    # KH-KTGS cites the province's 04/KH-MTTQ-BTT, not KH-16, and shares almost nothing
    ktgs = by_name["KH-KTGS-MTTQ-LuongMinh.txt"]
    assert ktgs.status is ChildStatus.OTHER_PARENT and "16/KH-MTTQ" in ktgs.message
    assert all(c.status is not ChildStatus.FAILED for c in review.children)
    _check_kept(parent, review)
    # the report lists a sub-plan's drops in full but not a hundred "thiếu" lines
    import docx

    from planwriter.review.report_docx import MISSING_LISTED, write_report

    report = write_report(review, tmp_path / "r.docx")
    texts = [p.text for p in docx.Document(str(report)).paragraphs]
    missing = hiep.count(Verdict.MISSING)
    assert missing > MISSING_LISTED
    assert any(t.startswith(f"- Và {missing - MISSING_LISTED} mục khác") for t in texts)


def test_57_nq_tw_with_3260_kh_and_03_nq_cp() -> None:
    parent = source("57-NQ-TW.txt")
    children = [source("3260-KH-DDQH15.txt"), source("03-NQ-CP.txt")]
    plan, note = read_parent(str(parent))
    review = run_review(plan, str(parent), children, note=note, jobs=2)
    assert len(review.targets) > 0
    for child in review.children:
        assert child.status is ChildStatus.REVIEWED, child.message
        # the import could not read 57-NQ/TW's number: a doubt is said, never "other parent"
        if not review.parent_symbol and child.coverage < 0.1:
            assert "cần xem lại" in child.note
    _check_kept(parent, review)


@pytest.mark.parametrize("name", ["LM-KH-16-bau-cu.docx"])
def test_the_parent_as_word_file_reviews_its_text_twin(name: str) -> None:
    parent = shared(f"real/docx/{name}")
    twin = shared("real/text/KH-16-MTTQ-LuongMinh.txt")
    plan, _ = read_parent(str(parent))
    review = run_review(plan, str(parent), [twin])
    child = review.children[0]
    assert child.status is ChildStatus.REVIEWED
    assert child.coverage > 0.5  # the same document, read from two sources
    _check_kept(parent, review)


def test_the_reviewer_states_the_number_import_could_not_read() -> None:
    from planwriter.errors import PlanwriterError
    from planwriter.review.collect import set_number

    parent = source("57-NQ-TW.txt")
    plan, note = read_parent(str(parent))
    assert plan.meta.number == ""
    set_number(plan, "57-NQ/TW")
    review = run_review(plan, str(parent), [source("3260-KH-DDQH15.txt")], note=note)
    assert review.parent_symbol == "57-NQ/TW"
    child = review.children[0]
    assert child.status is ChildStatus.REVIEWED and child.note == ""  # it cites 57-NQ/TW
    set_number(plan, "16/KH-MTTQ-BTT")
    assert plan.meta.symbol() == "16/KH-MTTQ-BTT"
    with pytest.raises(PlanwriterError, match="parent-number"):
        set_number(plan, "57 NQ")


def test_a_missing_item_the_child_may_have_rewritten_says_so() -> None:
    """KH-HiepThuong rewrites some of KH-16's items past what the diff aligns: their cells
    stay "missing" and name the child's item they may be, with the score, in the JSON and
    the workbook's words ("xem lại")."""
    from planwriter.review.jsonout import cell_json
    from planwriter.review.xlsx import cell_text

    parent = shared("real/text/KH-16-MTTQ-LuongMinh.txt")
    plan, note = read_parent(str(parent))
    child = shared("real/text/KH-HiepThuong-MTTQ-LuongMinh.txt")
    hiep = run_review(plan, str(parent), [child], note=note).children[0]
    hinted = [c for c in hiep.items.values() if c.maybe]
    assert hinted and all(c.verdict is Verdict.MISSING and not c.child_id for c in hinted)
    assert all(" (điểm 0," in c.maybe for c in hinted)
    assert cell_json(hinted[0])["maybe"] == hinted[0].maybe
    assert cell_text(hinted[0]).endswith("viết lại: xem lại")
