"""Measured targets in a sentence: "Tỷ lệ phủ sóng 5G … đạt tối thiểu 45%" is an indicator
named "Tỷ lệ phủ sóng 5G …", comparator "tối thiểu", value 45, unit "%".

Recognized: a percentage (with what follows it when that is part of the unit, "6,5% GRDP"),
"N người trên một vạn dân", and "09/33 bản" (nine of the 33 villages). The comparator is the
word before the figure ("trên", "tối thiểu", "ít nhất", "hướng tới tối thiểu", "≥", …), read
on folded text so an unaccented copy gives the same indicator; "đạt" when none is written.
"""

from __future__ import annotations

import re

from planwriter.model import Indicator
from planwriter.text import fold_chars

# Folded comparator → how a document writes it. Longest first.
_COMPARATORS = [
    ("huong toi toi thieu", "hướng tới tối thiểu"),
    ("phan dau dat", "phấn đấu đạt"),
    ("toi thieu", "tối thiểu"),
    ("it nhat", "ít nhất"),
    ("tren", "trên"),
    ("khoang", "khoảng"),
    ("duoi", "dưới"),
    ("dat", "đạt"),
    ("≥", "≥"),
    (">=", "≥"),
    (">", "≥"),
    ("≤", "≤"),
]
_CMP = "|".join(re.escape(folded) for folded, _ in _COMPARATORS)
_FIGURE = re.compile(
    rf"(?:(?P<cmp>{_CMP})\s*(?:dat\s+)?)?"
    r"(?<![\d,./])(?P<num>\d+(?:,\d+)?)"
    r"(?:(?P<pct>\s?%(?:\s?grdp)?)|(?P<of>/\d+\s+ban)\b|(?P<pop>\s+nguoi\s+tren\s+(?:mot|1)\s+van\s+dan))"
)
_WORDING = dict(_COMPARATORS)


def indicators_in(text: str, item_id: str = "") -> list[Indicator]:
    """The indicators ``text`` states, in order (ids from ``item_id``)."""
    folded = fold_chars(text)
    out: list[Indicator] = []
    for found in _FIGURE.finditer(folded):
        number = found.group("num")
        value: int | float = float(number.replace(",", ".")) if "," in number else int(number)
        if found.group("pct"):
            unit = text[found.start("pct") : found.end("pct")].strip()
            unit = "%" + unit[1:] if unit.startswith("%") else unit
            unit = unit if unit == "%" else "% " + unit[1:].strip()
        elif found.group("of"):
            unit = text[found.end("of") - 3 : found.end("of")]
        else:
            unit = "người/vạn dân"
        comparator = _WORDING[found.group("cmp")] if found.group("cmp") else "đạt"
        out.append(
            Indicator(
                id=f"{item_id or 'chi-tieu'}-{len(out) + 1}",
                name=_name(text, found.start(), found.end()),
                value=value,
                unit=unit,
                comparator=comparator,
            )
        )
    return out


def _name(text: str, start: int, end: int) -> str:
    """The clause around a figure, without the figure: what it measures."""
    left = max(text.rfind(mark, 0, start) for mark in (";", ". ", ": ")) + 1
    right = min(
        (i for i in (text.find(mark, end) for mark in (";", ". ")) if i >= 0), default=len(text)
    )
    before, after = text[left:start].strip(" ,."), text[end:right].strip(" ,.")
    before = re.sub(r"(?i)^(có|phấn đấu)(\s+|$)", "", before).strip()
    before = re.sub(r"\s+(đạt|chiếm|là)$", "", before).strip()
    name = before if len(before) >= 8 else f"{before} {after}".strip()
    return name[:160] or text[:160]
