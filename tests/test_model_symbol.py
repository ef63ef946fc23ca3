"""A document's number and symbol as its family writes them (model.Meta)."""

from __future__ import annotations

import pytest

from planwriter.model import Family, Meta


@pytest.mark.parametrize(
    ("family", "doc_type", "number", "issuer", "line", "symbol"),
    [
        # Nghị định 30/2020/NĐ-CP, Phụ lục III: a state letter's symbol names no type
        (Family.STATE, "CV", "174", "UBND-NNMT", "Số: 174/UBND-NNMT", "174/UBND-NNMT"),
        (Family.MASS, "CV", "8", "MTTQ-BTT", "Số: 8/MTTQ-BTT", "8/MTTQ-BTT"),
        (Family.STATE, "CV", "", "UBND-VP", "Số:     /UBND-VP", "/UBND-VP"),  # a draft
        # a party letter does, and so does every other document
        (Family.PARTY, "CV", "12", "TU", "Số 12-CV/TU", "12-CV/TU"),
        (Family.STATE, "KH", "45", "UBND", "Số: 45/KH-UBND", "45/KH-UBND"),
        (Family.MASS, "KH", "16", "MTTQ-BTT", "Số: 16/KH-MTTQ-BTT", "16/KH-MTTQ-BTT"),
        (Family.PARTY, "KH", "363", "HU", "Số 363-KH/HU", "363-KH/HU"),
    ],
)
def test_number_line_and_symbol(
    family: Family, doc_type: str, number: str, issuer: str, line: str, symbol: str
) -> None:
    meta = Meta(family=family, doc_type=doc_type, number=number, issuer_symbol=issuer)
    assert (meta.number_line(), meta.symbol()) == (line, symbol)
