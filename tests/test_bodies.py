"""A body's name as a sentence writes it, from its header's capitals: one function for the
drafted citations ("của Ban Thường vụ Tỉnh ủy Lai Châu") and the exported appendix's
"(Kèm theo … của …)" line."""

from __future__ import annotations

import datetime as dt

import pytest

from planwriter.bodies import body_name
from planwriter.export.appendix import attached_line
from planwriter.model import Family, Meta, Plan


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("HUYỆN ỦY TAM ĐƯỜNG", "Huyện ủy Tam Đường"),
        ("TỈNH ỦY LAI CHÂU", "Tỉnh ủy Lai Châu"),
        ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
        ("ĐẢNG ỦY XÃ BÌNH LƯ", "Đảng ủy xã Bình Lư"),
        ("ĐẢNG ỦY ĐẶC KHU PHÚ QUỐC", "Đảng ủy đặc khu Phú Quốc"),
        ("ĐẢNG BỘ TỈNH LAI CHÂU", "Đảng bộ tỉnh Lai Châu"),
        ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU", "Ủy ban nhân dân tỉnh Lai Châu"),
        ("UBND TỈNH LAI CHÂU", "UBND tỉnh Lai Châu"),
        # The Front's header names the organ last; a sentence names it first.
        ("ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC",
         "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh"),
        ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH QUẢNG NINH\nBAN THƯỜNG TRỰC",
         "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ninh"),
        ("Đảng ủy xã Bình Lư", "Đảng ủy xã Bình Lư"),  # mixed case: as written
    ],
)
def test_a_body_is_named_as_a_sentence_names_it(header: str, name: str) -> None:
    assert body_name(header) == name


def test_the_appendix_line_names_the_front_s_standing_committee_first() -> None:
    meta = Meta(
        number="16", issuer_symbol="MTTQ-BTT", doc_type="KH", family=Family.MASS,
        issuing_body="ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC",
        date=dt.date(2025, 11, 18),
    )
    assert attached_line(Plan(meta)) == (
        "(Kèm theo Kế hoạch số 16/KH-MTTQ-BTT, ngày 18/11/2025 của Ban Thường trực Ủy ban MTTQ "
        "Việt Nam xã Lương Minh)"
    )
