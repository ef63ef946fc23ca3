"""A profile's vocabulary reads the words of a parent at the level it was written for: "tỉnh"
in a province's programme is the province speaking of itself, and becomes "xã" in a
commune's plan; in another commune's plan "tỉnh" names the province above both, and changing
it would change a fact. Drafting, the diff and restoring an item agree on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwriter import planfile
from planwriter.diff import Status, compare
from planwriter.drafting import new_plan
from planwriter.errors import PlanFileError
from planwriter.model import Family, Item, Kind, Level, Meta, Plan
from planwriter.profile import load_profile

SENTENCE = "Triển khai sau khi Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh ban hành Hướng dẫn."


def _commune_template(folder: Path) -> Path:
    meta = Meta(level=Level.COMMUNE, family=Family.MASS, doc_type="KH", number="16",
                issuer_symbol="MTTQ-BTT", issuing_body="ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH")
    plan = Plan(meta, items=[Item("y1", Kind.BULLET, text=SENTENCE)])
    path = folder / "kh16.toml"
    path.write_text(planfile.dumps(plan), encoding="utf-8")
    return path


def _adopted(plan: Plan) -> Item:
    """The draft's item taken from the template's one item (drafting adds its opening)."""
    return next(i for i, _, _ in plan.walk() if i.origin == ["y1"])


def test_a_commune_s_plan_keeps_its_words_and_the_drafter_is_told(tmp_path: Path) -> None:
    notes: list[str] = []
    plan = new_plan(str(_commune_template(tmp_path)), "lai-chau/binh-lu", notes=notes)
    assert _adopted(plan).text == SENTENCE
    assert len(notes) == 1 and "cấp xã" in notes[0] and "không đổi từ ngữ" in notes[0]


def test_a_province_s_programme_is_localized_as_before() -> None:
    notes: list[str] = []
    plan = new_plan("lai-chau/63-CTr-TU", "lai-chau/binh-lu", notes=notes)
    texts = [i.content() for i, _, _ in plan.walk()]
    assert notes == []
    assert any(" xã " in t for t in texts)


def test_a_hand_change_of_those_words_is_the_drafter_s_not_localisation(tmp_path: Path) -> None:
    template = _commune_template(tmp_path)
    plan = new_plan(str(template), "lai-chau/binh-lu")
    _adopted(plan).text = SENTENCE.replace("Việt Nam tỉnh", "Việt Nam xã")
    change = next(c for c in compare(plan, planfile.load(template).plan).changes
                  if c.child is not None and c.child.origin == ["y1"])
    assert change.status is Status.ADAPTED and not change.localized


def test_a_profile_may_say_which_level_its_vocabulary_reads(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    head = ('schema = 1\n[profile]\nname = "Đảng ủy xã A"\nlevel = "commune"\n'
            'superior_body = "ĐẢNG BỘ TỈNH B"\nissuing_body = "ĐẢNG ỦY XÃ A"\n'
            'issuer_symbol = "ĐU"\nplace = "A"\n')
    path.write_text(head, encoding="utf-8")
    assert load_profile(path).vocabulary_from is Level.PROVINCE
    path.write_text(head + 'vocabulary_from = "district"\n', encoding="utf-8")
    assert load_profile(path).vocabulary_from is Level.DISTRICT
    path.write_text(head + 'vocabulary_from = "huyện"\n', encoding="utf-8")
    with pytest.raises(PlanFileError, match=r"p\.toml:9: 'vocabulary_from' in \[profile\]"):
        load_profile(path)
