"""The vocabulary rules: whole words, case, longest first, protected phrases and citations."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from planwriter.drafting.localize import Localizer
from planwriter.profile import VocabularyRule, load_profile

FIXTURES = Path(__file__).parent / "fixtures" / "drafting"


@pytest.fixture(scope="module")
def district() -> Localizer:
    return Localizer.for_profile(load_profile(FIXTURES / "district.toml"))


@pytest.fixture(scope="module")
def commune() -> Localizer:
    return Localizer.for_profile(load_profile(FIXTURES / "commune.toml"))


def test_whole_word(district: Localizer) -> None:
    assert (
        district.localize("Tỷ lệ phủ sóng 5G trên địa bàn tỉnh đạt tối thiểu 45%.")
        == "Tỷ lệ phủ sóng 5G trên địa bàn huyện đạt tối thiểu 45%."
    )


def test_never_inside_another_word(district: Localizer) -> None:
    # Diacritics are word characters: "tỉnhx", "xtỉnh" and "tỉnh5" are other words.
    assert district.localize("tỉnhx xtỉnh tỉnh5 _tỉnh tỉnh") == "tỉnhx xtỉnh tỉnh5 _tỉnh huyện"


def test_case_is_kept(district: Localizer) -> None:
    assert district.localize("Tỉnh có 5G; tỉnh có 5G") == "Huyện có 5G; huyện có 5G"
    assert district.localize("Văn phòng Tỉnh ủy") == "Văn phòng Huyện ủy"
    assert district.localize("BAN THƯỜNG VỤ TỈNH ỦY") == "BAN THƯỜNG VỤ HUYỆN ỦY"


def test_longest_rule_first(district: Localizer) -> None:
    # "các đảng ủy trực thuộc Tỉnh ủy" is one rule; not "các đảng ủy trực thuộc" + "Tỉnh ủy".
    text = "Các đảng ủy trực thuộc Tỉnh ủy căn cứ chức năng, nhiệm vụ được giao"
    assert (
        district.localize(text)
        == "Các chi, đảng bộ trực thuộc Huyện ủy căn cứ chức năng, nhiệm vụ được giao"
    )


def test_rule_order_in_the_file_does_not_matter() -> None:
    rules = [
        VocabularyRule("tỉnh", "huyện"),
        VocabularyRule("trên địa bàn tỉnh", "trong địa phương"),
    ]
    assert Localizer(rules).localize("trên địa bàn tỉnh") == "trong địa phương"
    assert Localizer(rules[::-1]).localize("trên địa bàn tỉnh") == "trong địa phương"


def test_keep_phrases_are_left_alone(district: Localizer) -> None:
    assert (
        district.localize("Ban Thường vụ Tỉnh ủy Lai Châu chỉ đạo; Ban Thường vụ Tỉnh ủy chỉ đạo")
        == "Ban Thường vụ Tỉnh ủy Lai Châu chỉ đạo; Ban Thường vụ Huyện ủy chỉ đạo"
    )
    assert district.localize("Tỉnh Lai Châu và tỉnh Lai Châu") == "Tỉnh Lai Châu và tỉnh Lai Châu"


def test_document_numbers_and_their_authors_are_left_alone(district: Localizer) -> None:
    text = (
        "Thực hiện Chương trình hành động số 63-CTr/TU, ngày 27/02/2025 của Ban Thường vụ "
        "Tỉnh ủy, Ban Thường vụ Tỉnh ủy yêu cầu UBND tỉnh thực hiện Nghị quyết số 57-NQ/TW."
    )
    assert district.localize(text) == (
        "Thực hiện Chương trình hành động số 63-CTr/TU, ngày 27/02/2025 của Ban Thường vụ "
        "Tỉnh ủy, Ban Thường vụ Huyện ủy yêu cầu UBND huyện thực hiện Nghị quyết số 57-NQ/TW."
    )
    # A bare symbol cites an act too: "các kế hoạch: số 331-KH/TU, số 334-KH/TU của Tỉnh ủy".
    assert (
        district.localize("các kế hoạch: số 331-KH/TU, số 334-KH/TU của Tỉnh ủy")
        == "các kế hoạch: số 331-KH/TU, số 334-KH/TU của Tỉnh ủy"
    )
    # Not an act's author: localized.
    assert district.localize("báo cáo kết quả của Tỉnh ủy") == "báo cáo kết quả của Huyện ủy"


def test_nfc_in_and_out(district: Localizer) -> None:
    decomposed = unicodedata.normalize("NFD", "trên địa bàn tỉnh")
    out = district.localize(decomposed)
    assert out == "trên địa bàn huyện"
    assert unicodedata.is_normalized("NFC", out)


def test_commune_profile(commune: Localizer) -> None:
    assert (
        commune.localize("Ban Chỉ đạo tỉnh tổng hợp, báo cáo Thường trực, Ban Thường vụ Tỉnh ủy.")
        == "Ban Chỉ đạo xã tổng hợp, báo cáo Thường trực, Ban Thường vụ Đảng ủy xã."
    )
    assert commune.localize("Văn phòng Tỉnh ủy; UBND tỉnh") == "Văn phòng Đảng ủy xã; UBND xã"


def test_matches_report_what_would_change(district: Localizer) -> None:
    found = [
        (m.found, m.replacement) for m in district.matches("Tỉnh ủy và tỉnh Lai Châu; toàn tỉnh")
    ]
    assert found == [("Tỉnh ủy", "Huyện ủy"), ("tỉnh", "huyện")]


def test_a_place_rule_leaves_the_kept_province_names() -> None:
    rules = [VocabularyRule("tỉnh", "huyện"), VocabularyRule("Lai Châu", "Tam Đường")]
    localizer = Localizer(rules, ["tỉnh Lai Châu", "Tỉnh ủy Lai Châu"])
    assert (localizer.localize("thu hút người có tài năng về Lai Châu làm việc")
            == "thu hút người có tài năng về Tam Đường làm việc")
    assert (localizer.localize("Tỉnh ủy Lai Châu chỉ đạo các xã của tỉnh Lai Châu")
            == "Tỉnh ủy Lai Châu chỉ đạo các xã của tỉnh Lai Châu")
