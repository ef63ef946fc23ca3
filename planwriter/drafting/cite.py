"""How a local plan names the documents it implements: "Chương trình hành động số
63-CTr/TU, ngày 27/02/2025 của Ban Thường vụ Tỉnh ủy Lai Châu"."""

from __future__ import annotations

import datetime as dt
import re

from planwriter.bodies import body_name
from planwriter.model import DOC_TYPE_NAMES, Family, Meta

# The words of a body's name before its place ("Tỉnh ủy" of "Tỉnh ủy Lai Châu", "Ủy ban
# nhân dân tỉnh" of "Ủy ban nhân dân tỉnh Lai Châu"): what follows them is a proper name.
_COMMON = {"ủy", "ban", "nhân", "dân", "tỉnh", "huyện", "xã", "phường", "thành", "phố", "thị",
           "trấn", "quận", "đặc", "khu", "bộ"}

_PARTY_SYMBOL = re.compile(r"^\d+-(?P<type>[^/]+)/")
_STATE_SYMBOL = re.compile(r"^\d+/(?P<type>[^-/]+)-")


def issuer(meta: Meta, with_place: bool = True) -> str:
    """Who issued a document, as a citation names it: a party committee's standing committee
    ("Ban Thường vụ Tỉnh ủy Lai Châu"; without the place, "Ban Thường vụ Tỉnh ủy"), or the
    state body itself."""
    name = body_name(meta.issuing_body)
    if not with_place:
        words = name.split()
        kept = words[:1] + [w for w in _common_prefix(words[1:])]
        name = " ".join(kept)
    if meta.family is Family.PARTY and name.split(" ")[:2] in (["Tỉnh", "ủy"], ["Huyện", "ủy"],
                                                                ["Thành", "ủy"], ["Đảng", "ủy"]):
        return f"Ban Thường vụ {name}"
    return name


def _common_prefix(words: list[str]) -> list[str]:
    out = []
    for word in words:
        if word not in _COMMON:
            break
        out.append(word)
    return out


def type_name(doc_type: str) -> str:
    """ "CTr" → "Chương trình hành động" (as a sentence names the kind of document)."""
    name = DOC_TYPE_NAMES.get(doc_type, doc_type)
    return name[:1] + name[1:].lower()


def symbol_type(symbol: str) -> str:
    """The document type in a symbol: "57-NQ/TW" → "NQ", "71/NQ-CP" → "NQ"."""
    for pattern in (_PARTY_SYMBOL, _STATE_SYMBOL):
        match = pattern.match(symbol)
        if match:
            return match.group("type")
    return ""


def citation(symbol: str, doc_type: str = "") -> str:
    """ "Nghị quyết số 57-NQ/TW"; just the symbol when its type is unknown."""
    kind = doc_type or symbol_type(symbol)
    return f"{type_name(kind)} số {symbol}" if kind in DOC_TYPE_NAMES else symbol


def short_date(date: dt.date | None) -> str:
    """ "27/02/2025", as a citation writes a date."""
    return date.strftime("%d/%m/%Y") if date else ""
