"""The bundled district plan 363-KH/HU and the reconstructed provincial programme 63-CTr/TU.

363-KH/HU is checked against its OCR seed (every word, in order); every item names its
origin in 63-CTr/TU, and its disposition is what the text shows: "adopted" exactly when the
district text is the provincial text localized with the Tam Đường profile, else "adapted".
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
from sourcetext import longest_gap, plan_text, reference_vocabulary, seed_words, words

from planwriter import planfile
from planwriter.check import check_plan
from planwriter.drafting.localize import Localizer
from planwriter.model import Disposition, Level, Plan
from planwriter.numbering import labels
from planwriter.profile import load_profile

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "363-KH-HU.toml"
TEMPLATE = ROOT / "planwriter" / "bundled" / "templates" / "lai-chau" / "63-CTr-TU.toml"
SEED = "seed-363-KH-HU.ocr.txt"


@pytest.fixture(scope="module")
def child() -> Plan:
    return planfile.load(EXAMPLE).plan  # also checks every origin names an item of 63-CTr/TU


@pytest.fixture(scope="module")
def parent() -> Plan:
    return planfile.load(TEMPLATE).plan


def test_header_and_parent(child: Plan) -> None:
    m = child.meta
    assert (m.level, m.number_line(), m.superior_body, m.issuing_body) == (
        Level.DISTRICT,
        "Số 363-KH/HU",
        "ĐẢNG BỘ TỈNH LAI CHÂU",
        "HUYỆN ỦY TAM ĐƯỜNG",
    )
    assert m.place_date() == "Tam Đường, ngày 23 tháng 4 năm 2025"
    assert m.parent is not None and (m.parent.ref, m.parent.number) == (
        "lai-chau/63-CTr-TU",
        "63-CTr/TU",
    )
    assert m.recipients[0] == "TT. Tỉnh ủy (B/c)" and m.recipients[-1] == "Lưu"
    assert m.signature.lines() == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]


def test_reconstruction_says_so(parent: Plan) -> None:
    m = parent.meta
    assert (m.level, m.symbol(), str(m.date)) == (Level.PROVINCE, "63-CTr/TU", "2025-02-27")
    assert m.source.startswith("TÁI DỰNG, không phải văn bản chính thức.")
    assert "363-KH/HU" in m.source and "57-NQ/TW" in m.source
    assert m.signature.name == ""  # unknown, not invented


def test_sections_in_order(child: Plan) -> None:
    numbers = labels(child)
    sections = [(numbers[i.id], i.title) for i, _, _ in child.walk() if i.kind.value == "section"]
    assert [label for label, _ in sections] == [
        "I.",
        "1.",
        "2.",
        "II.",
        "1.",
        "1.1.",
        "1.2.",
        "1.3.",
        "2.",
        "2.1.",
        "2.2.",
        "2.3.",
        "2.4.",
        "2.5.",
        "2.6.",
        "2.7.",
        "III.",
        "1.",
        "2.",
        "3.",
        "4.",
        "5.",
        "6.",
    ]
    assert sections[:8] == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("1.", "Mục đích"),
        ("2.", "Yêu cầu"),
        ("II.", "NỘI DUNG"),
        ("1.", "Mục tiêu"),
        ("1.1.", "Mục tiêu chung"),
        ("1.2.", "Mục tiêu cụ thể đến năm 2030"),
        ("1.3.", "Tầm nhìn đến năm 2045"),
    ]
    assert sections[16] == ("III.", "TỔ CHỨC THỰC HIỆN")


def test_indicators(child: Plan, parent: Plan) -> None:
    got = [(i.id, i.comparator, i.value, i.unit) for _, i in child.indicators()]
    assert got == [
        ("ti-le-dvc-truc-tuyen", "trên", 80, "%"),
        ("giao-dich-khong-tien-mat", "đạt", 80, "%"),
        ("doanh-nghiep-doi-moi-sang-tao", "trên", 40, "%"),
        ("chi-ngan-sach-khcn", "ít nhất", 3, "%"),
        ("nhan-luc-nghien-cuu", "đạt", 10, "người/vạn dân"),
        ("doanh-nghiep-ung-dung-cong-nghe-so", "đạt", 100, "%"),
        ("so-hoa-3d-du-lich-cong-dong", "đạt", 100, "%"),
        ("kinh-te-so-nganh-linh-vuc", "tối thiểu", 70, "%"),
    ]
    # The 3D digitisation of community tourism sites is Tam Đường's own target.
    assert {i.id for _, i in child.indicators()} - {i.id for _, i in parent.indicators()} == {
        "so-hoa-3d-du-lich-cong-dong"
    }


def test_figures_of_the_seed_are_kept(child: Plan) -> None:
    text = plan_text(child)
    for figure in (
        "03%",
        "trên 80%",
        "trên 40%",
        "10 người trên một vạn dân",
        "5G",
        "6G",
        "3D",
        "tối thiểu 70%",
        "(IoT)",
        "(Big Data)",
        "(R&D)",
        "(FDI)",
        "27/02/2025",
        "22/12/2024",
    ):
        assert figure in text, figure


def test_every_parent_item_is_accounted_for_and_dispositions_are_true(
    child: Plan, parent: Plan
) -> None:
    profile = load_profile(
        ROOT / "planwriter" / "bundled" / "profiles" / "lai-chau" / "tam-duong.toml"
    )
    localize = Localizer.for_profile(profile).localize
    sources = parent.index()
    assert {o for item, _, _ in child.walk() for o in item.origin} == set(sources)
    counts = collections.Counter()
    for item, _, _ in child.walk():
        assert item.disposition is not None and len(item.origin) == 1
        source = sources[item.origin[0]]
        localized = (localize(source.title), localize(source.text), source.indicators)
        expected = (
            Disposition.ADOPTED
            if localized == (item.title, item.text, item.indicators)
            else Disposition.ADAPTED
        )
        assert item.disposition is expected, item.id
        counts[item.disposition] += 1
    assert counts == {Disposition.ADOPTED: 47, Disposition.ADAPTED: 10}


def test_check_passes_with_nothing_to_report(child: Plan, parent: Plan) -> None:
    assert check_plan(child, parent) == []


def test_plan_covers_the_seed_in_order(child: Plan) -> None:
    vocabulary = reference_vocabulary()
    seed = seed_words(SEED, vocabulary, "thuc hien chuong trinh", "noi nh")
    have = collections.Counter(words(plan_text(child)))
    counted = collections.Counter(seed)
    covered = sum(min(n, have[w]) for w, n in counted.items()) / sum(counted.values())
    assert covered >= 0.95, f"only {covered:.1%} of the seed's words are in the plan"
    gap, missing = longest_gap(seed, plan_text(child), vocabulary)
    assert gap <= 3, f"missing from the plan: {missing}"
    # and the check catches a missing bullet
    bullet = child.find("nv-chuyen-doi-so-2")
    assert bullet is not None
    assert longest_gap(seed, plan_text(child).replace(bullet.text, ""), vocabulary)[0] > 3
