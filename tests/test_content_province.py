"""The bundled provincial content: the Lai Châu profiles and the plan 11-KH/TU.

The plan is checked against its OCR seed (diacritics lost): after folding diacritics away,
the template must say everything the seed says, in the seed's order.
"""

from __future__ import annotations

import collections
import datetime as dt
import difflib
import re
import unicodedata
from pathlib import Path

import pytest
import sourcetext
from shared import source
from sourcetext import fold, longest_gap, plan_text, reference_vocabulary, words

from planwriter import planfile
from planwriter.model import Family, Kind, Level, Plan
from planwriter.numbering import labels
from planwriter.profile import Profile, load_profile

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "planwriter" / "bundled" / "templates" / "lai-chau" / "11-KH-TU.toml"
PROFILES = ROOT / "planwriter" / "bundled" / "profiles" / "lai-chau"
PROFILE_NAMES = ("tinh-uy", "tam-duong", "binh-lu", "ubnd-tinh")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return planfile.load(TEMPLATE).plan


@pytest.fixture(scope="module")
def profiles() -> dict[str, Profile]:
    return {name: load_profile(PROFILES / f"{name}.toml") for name in PROFILE_NAMES}


@pytest.fixture(scope="module")
def vocabulary() -> set[str]:
    return reference_vocabulary()


def seed_words(vocabulary: set[str], start: str, stop: str | None) -> list[str]:
    return sourcetext.seed_words("seed-11-KH-TU.ocr.txt", vocabulary, start, stop)


# --- files -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [TEMPLATE] + [PROFILES / f"{n}.toml" for n in PROFILE_NAMES], ids=lambda p: p.name
)
def test_every_bundled_file_is_nfc(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text


def test_profiles_load(profiles: dict[str, Profile]) -> None:
    assert {p.issuer_symbol for p in profiles.values()} == {"TU", "HU", "ĐU", "UBND"}
    levels = {name: p.level for name, p in profiles.items()}
    assert levels == {
        "tinh-uy": Level.PROVINCE,
        "tam-duong": Level.DISTRICT,
        "binh-lu": Level.COMMUNE,
        "ubnd-tinh": Level.PROVINCE,
    }
    for p in profiles.values():
        assert p.source, f"{p.key}: a profile says where its facts come from"


def test_tam_duong_is_the_unit_of_363(profiles: dict[str, Profile]) -> None:
    p = profiles["tam-duong"]
    assert (p.superior_body, p.issuing_body, p.place, p.unit, p.committee) == (
        "ĐẢNG BỘ TỈNH LAI CHÂU",
        "HUYỆN ỦY TAM ĐƯỜNG",
        "Tam Đường",
        "huyện Tam Đường",
        "Ban Thường vụ Huyện ủy",
    )
    assert p.recipients[2] == "Đ/c Nguyễn Ngọc Vinh - Ủy viên BTV Tỉnh ủy, Chủ nhiệm UBKT Tỉnh ủy"
    assert len(p.recipients) == 7
    assert (p.signature.on_behalf, p.signature.title) == ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ")
    assert "Cao Trang Trong" in p.source, "the doubtful reading of the signer is noted"


def test_commune_and_state_profiles(profiles: dict[str, Profile]) -> None:
    commune = profiles["binh-lu"]
    assert commune.issuing_body == "ĐẢNG ỦY XÃ BÌNH LƯ"
    assert commune.signature.name == "", "no source names the commune's signer"
    assert "1670/NQ-UBTVQH15" in commune.source
    assert not any("các phòng" in r.target for r in commune.vocabulary), "a commune has no phòng"
    state = profiles["ubnd-tinh"]
    assert state.family is Family.STATE
    assert (state.signature.on_behalf, state.signature.title, state.signature.name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "",
    )
    assert not profiles["tinh-uy"].vocabulary


# --- the plan 11-KH/TU -----------------------------------------------------------------------


def test_header(plan: Plan) -> None:
    m = plan.meta
    assert (
        m.level,
        m.doc_type,
        m.number,
        m.issuer_symbol,
        m.superior_body,
        m.issuing_body,
        m.place,
        m.date,
    ) == (
        Level.PROVINCE,
        "KH",
        "11",
        "TU",
        "",
        "TỈNH ỦY LAI CHÂU",
        "Lai Châu",
        dt.date(2025, 10, 17),
    )
    assert m.number_line() == "Số 11-KH/TU"
    assert m.summary.startswith(
        "thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị"
    )
    assert m.summary.endswith("quý IV năm 2025")
    assert m.parent is not None
    assert (m.parent.ref, m.parent.number, m.parent.date, m.parent.issuer) == (
        "",
        "57-NQ/TW",
        dt.date(2024, 12, 22),
        "Bộ Chính trị",
    )
    assert m.tasks_in_appendix and "Phụ lục" in m.source
    assert m.recipients[0] == "Văn phòng Trung ương Đảng" and m.recipients[-1] == "Lưu VPTU"
    assert (m.signature.on_behalf, m.signature.name) == ("T/M BAN THƯỜNG VỤ", "Sùng A Hồ")


def test_sections_in_order(plan: Plan) -> None:
    shown = labels(plan)
    sections = [
        (shown[item.id], item.title) for item, _, _ in plan.walk() if item.kind is Kind.SECTION
    ]
    assert sections == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("1.", "Mục đích"),
        ("2.", "Yêu cầu"),
        ("II.", "NỘI DUNG"),
        ("1.", "Mục tiêu"),
        ("2.", "Nhiệm vụ cụ thể"),
        ("III.", "TỔ CHỨC THỰC HIỆN"),
        ("1.", ""),
        ("2.", "Ban Chỉ đạo về thực hiện Nghị quyết số 57-NQ/TW tỉnh"),
        ("3.", "Các ban đảng tỉnh, Văn phòng Tỉnh ủy"),
        ("4.", "Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh"),
        ("5.", "Các đảng ủy xã, phường, đảng ủy trực thuộc"),
        ("6.", "Đảng ủy Mặt trận Tổ quốc"),
        ("7.", "Chế độ thông tin, báo cáo và thực hiện sơ kết, tổng kết"),
        ("8.", "Kinh phí thực hiện và nguồn lực hỗ trợ"),
    ]
    assert plan.items[0].kind is Kind.PARAGRAPH and plan.items[0].text.startswith(
        "Thực hiện Thông báo số 07-TB/CQTTBCĐ, ngày 15/10/2025"
    )
    assert plan.items[-1].kind is Kind.PARAGRAPH and plan.items[-1].text.startswith(
        "Ban Thường vụ Tỉnh ủy yêu cầu"
    )
    assert not [item for item, _, _ in plan.walk() if item.kind is Kind.TASK], (
        "the tasks are in the Phụ lục, which the seed does not contain"
    )


def test_indicators(plan: Plan) -> None:
    found = [(i.id, i.comparator, i.value, i.unit) for _, i in plan.indicators()]
    assert found == [
        ("ti-le-nhiem-vu-hoan-thanh", "đạt", 100, "%"),
        ("ti-le-xa-phuong-bao-cao-nq57", "đạt", 100, "%"),
        ("so-ban-lom-song-duoc-phu-song", "đạt", 9, "bản"),
        ("ti-le-phu-song-5g", "tối thiểu", 45, "%"),
        ("ti-le-chi-ngan-sach-khcn-cds", "≥", 3, "%"),
        ("ti-le-cbcc-cap-xa-boi-duong-ky-nang-so", "≥", 80, "%"),
        ("ti-le-cbcc-cap-tinh-boi-duong-ky-nang-so", "đạt", 100, "%"),
        ("ti-le-cbccvc-lam-chu-ky-nang-so", "đạt", 80, "%"),
        ("ti-le-dan-so-tiep-can-dich-vu-so", "đạt", 80, "%"),
        ("ti-le-ho-so-tthc-so-hoa", "≥", 70, "%"),
        ("ti-le-dvc-truc-tuyen-toan-trinh", "≥", 80, "%"),
        ("ti-le-ho-so-tthc-truc-tuyen", "≥", 70, "%"),
        ("ti-le-httt-dien-toan-dam-may", "≥", 40, "%"),
        ("ti-le-csdl-so-hoa-lien-thong", "≥", 50, "%"),
        ("ti-le-du-lieu-tich-hop-truc-lien-thong", "≥", 60, "%"),
        ("ti-le-dnvvn-ung-dung-cong-nghe-so", "≥", 30, "%"),
        ("ti-le-nguoi-dan-co-vneid", "≥", 50, "%"),
        ("ti-le-xa-phuong-dung-phan-mem-quan-tri", "≥", 60, "%"),
        ("quy-mo-kinh-te-so", "đạt", 6.5, "% GRDP"),
        ("ti-le-lanh-dao-chuyen-mon-khkt", "hướng tới tối thiểu", 25, "%"),
    ]
    for item, indicator in plan.indicators():
        assert item.kind is Kind.OBJECTIVE
        assert indicator.figure().split()[0].rstrip("%") in item.text, (
            f"{indicator.id}: the figure is the one the text states"
        )


def test_seed_figures_and_urls_are_kept(plan: Plan) -> None:
    text = plan_text(plan)
    for figure in (
        "09/33",
        "6,5% GRDP",
        "20/10/2025",
        "10/2025",
        "331-KH/TU",
        "334-KH/TU",
        "71/NQ-CP",
        "204-QĐ/TW",
        "02-KH/BCĐTW",
        "(https://nq57.vn).",
        "Quý III/2025",
    ):
        assert figure in text
    assert text.count("https://nq57.vn") == 1


def test_template_covers_the_seed(plan: Plan, vocabulary: set[str]) -> None:
    """≥ 95% of the seed's words (folded, real syllables, length ≥ 3) are in the template,
    counted with their repetitions (a missing paragraph of 6. brings it to 94%)."""
    seed = collections.Counter(seed_words(vocabulary, "thue hien nghi quyet", None))
    have = collections.Counter(words(plan_text(plan)))
    covered = sum(min(n, have[w]) for w, n in seed.items()) / sum(seed.values())
    assert covered >= 0.95, f"only {covered:.1%} of the seed's words are in the template"


def test_every_sentence_of_the_body_in_order(plan: Plan, vocabulary: set[str]) -> None:
    """The body (title to Nơi nhận) in the seed's order: no run of more than 3 of the seed's
    words is missing, so a dropped sentence or bullet fails; and the check does catch one."""
    seed = seed_words(vocabulary, "thue hien nghi quyet", "noi nhan")
    gap, missing = longest_gap(seed, plan_text(plan), vocabulary)
    assert gap <= 3, f"missing from the template: {missing}"
    bullet = plan.find("tc-kinh-phi-quan-ly")
    assert bullet is not None
    without = plan_text(plan).replace(bullet.text, "")
    assert longest_gap(seed, without, vocabulary)[0] > 3


# --- vocabulary of the district profile ------------------------------------------------------


def occurs(phrase: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def fuzzy_occurs(phrase: str, seed: list[str]) -> bool:
    """The folded phrase occurs in the OCR's word list, each word allowed OCR damage
    ("Huyện ủy" read "Huyen ty", "Đảng" read "Pang")."""
    wanted = re.findall(r"[a-z0-9]+", fold(phrase))
    for start in range(len(seed) - len(wanted) + 1):
        window = seed[start : start + len(wanted)]
        if all(
            w == s or difflib.SequenceMatcher(None, w, s).ratio() >= 0.5
            for w, s in zip(wanted, window, strict=True)
        ):
            return True
    return False


def test_district_vocabulary_has_no_dead_rule(profiles: dict[str, Profile]) -> None:
    """Each rule either changes a phrase a bundled provincial text uses, or produces the
    wording 363-KH/HU itself uses for the district."""
    templates = "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "planwriter" / "bundled" / "templates" / "lai-chau").glob("*.toml"))
    )
    seed = re.findall(
        r"[a-z0-9]+", fold((source("seed-363-KH-HU.ocr.txt")).read_text(encoding="utf-8"))
    )
    rules = profiles["tam-duong"].vocabulary
    assert len(rules) >= 15
    dead = [
        r.source
        for r in rules
        if not occurs(r.source, templates) and not fuzzy_occurs(r.target, seed)
    ]
    assert dead == []
    assert len({r.source for r in rules}) == len(rules), "one rule per phrase"
    for rule in rules:
        assert rule.source != rule.target
        assert "tỉnh" not in rule.target.lower(), f"{rule.source} → {rule.target}"


def test_fuzzy_match_is_not_anything_goes() -> None:
    seed = re.findall(
        r"[a-z0-9]+", fold((source("seed-363-KH-HU.ocr.txt")).read_text(encoding="utf-8"))
    )
    assert fuzzy_occurs("Ban Chấp hành Đảng bộ huyện", seed)
    assert not fuzzy_occurs("Ban Chấp hành Đảng bộ xã Bình Lư", seed)
    assert not fuzzy_occurs("các phòng, ban, ngành", seed)
