"""How a body's name reads in a sentence ("của Huyện ủy Tam Đường", "của Ban Thường trực Ủy
ban MTTQ Việt Nam xã Lương Minh"), from the capitals of a document's header."""

from __future__ import annotations

# Words always lower case after the first; unit words lower case unless an "ủy" or "bộ"
# follows ("tỉnh Lai Châu" but "Tỉnh ủy"); acronyms kept as written.
_LOWER = {"ỦY", "UỶ", "NHÂN", "DÂN", "VỤ", "TRỰC", "BỘ", "TRẬN", "QUỐC"}
_UNITS = {"TỈNH", "HUYỆN", "XÃ", "PHƯỜNG", "THỊ", "TRẤN", "THÀNH", "PHỐ", "QUẬN", "ĐẢNG",
          "ĐẶC", "KHU"}
_ACRONYMS = {"MTTQ", "UBND", "HĐND", "VN", "TW"}


def body_name(header: str) -> str:
    """ "HUYỆN ỦY TAM ĐƯỜNG" → "Huyện ủy Tam Đường", "BAN THƯỜNG VỤ TỈNH ỦY" → "Ban Thường vụ
    Tỉnh ủy". A header of several lines (``Meta.issuing_body``) whose last line is the
    body's organ ("ỦY BAN MTTQ VIỆT NAM / XÃ LƯƠNG MINH / BAN THƯỜNG TRỰC") names the organ
    first, as a sentence does: "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh". A name
    already in mixed case is kept as written."""
    lines = [line.strip() for line in header.split("\n") if line.strip()]
    if len(lines) > 1 and lines[-1].upper().startswith("BAN "):
        return f"{_name(lines[-1])} {_name(' '.join(lines[:-1]))}"
    return _name(" ".join(lines))


def _name(upper: str) -> str:
    if upper != upper.upper():
        return upper
    words = upper.split()
    out: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        previous = words[index - 1] if index else ""
        if word in _ACRONYMS:
            out.append(word)
        elif index == 0:
            out.append(word.capitalize())
        elif word == "QUỐC" and previous != "TỔ":
            out.append(word.capitalize())
        elif word in _LOWER or (word == "BAN" and previous in ("ỦY", "UỶ")):
            out.append(word.lower())
        elif word in _UNITS:
            out.append(word.capitalize() if following in ("ỦY", "UỶ", "BỘ") else word.lower())
        else:
            out.append(word.capitalize())
    return " ".join(out)
