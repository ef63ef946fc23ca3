"""Who issues a document: the level its name gives (xã/phường → commune, tỉnh/thành phố →
province, Trung ương/Chính phủ/Thủ tướng → central) and whether it is a mass organisation
(Ủy ban MTTQ and the organisations under it)."""

from __future__ import annotations

import re

from planwriter.model import Level
from planwriter.text import fold_chars

_LEVELS = {
    "tw": Level.CENTRAL,
    "tu": Level.PROVINCE,
    "hu": Level.DISTRICT,
    "thu": Level.DISTRICT,
    "du": Level.COMMUNE,
}
# A mass organisation's body: Ủy ban MTTQ and the organisations under it.
MASS = re.compile(
    r"\b(mttq|mat tran to quoc|hoi lien hiep phu nu|hoi nong dan|hoi cuu chien binh"
    r"|doan thanh nien|lien doan lao dong|cong doan)\b"
)


def level_of(
    symbol: str, superior: str, body: str, default: Level | None = Level.PROVINCE
) -> Level | None:
    """The level of the issuer: a party symbol ("TU", "HU"), or the unit its name gives
    (xã/phường → commune, huyện → district, tỉnh/thành phố → province, Trung ương, Chính
    phủ, Thủ tướng, Bộ Chính trị, a ministry → central)."""
    found = _LEVELS.get(fold_chars(symbol).strip())
    if found is not None:
        return found
    for name in (body, superior):
        folded = f" {' '.join(fold_chars(name).split())} "
        if not folded.strip():
            continue
        if (
            any(f" {w} " in folded for w in ("xa", "phuong", "dac khu", "thi tran"))
            and " thi xa " not in folded
        ):
            return Level.COMMUNE
        if any(f" {w} " in folded for w in ("huyen", "quan", "thi xa")):
            return Level.DISTRICT
        if any(f" {w} " in folded for w in ("tinh", "thanh pho", "tp")):
            return Level.PROVINCE
        if any(
            f" {w} " in folded
            for w in (
                "trung uong",
                "chinh phu",
                "thu tuong",
                "bo chinh tri",
                "ban bi thu",
                "quoc hoi",
                "mttw",
                "chu tich nuoc",
            )
        ) or folded.strip().startswith("bo "):
            return Level.CENTRAL
    return default
