"""Recognizing the header of a document: the bodies, the number, place and date, the
document type and the summary (trích yếu).

Matching is done on folded text (lower case, no diacritics, đ → d) with patterns tolerant of
OCR ("S6 363-KH/HU" is "Số 363-KH/HU", "PANG CONG SAN" is "ĐẢNG CỘNG SẢN"); what is kept is
always cut from the original text, never rebuilt from the folded one.

Three families of header: a party one ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 221-KL/TW"), a state
one (the national motto, "Số: 2530/QĐ-TTg") and a mass organisation's (Ủy ban MTTQ: the
motto too, its body on several lines kept as they are, "Số: 16/KH-MTTQ-BTT"). The motto and
the party line say the family; they are never the issuer. The header's lines may come in
any order (a .docx's header table is read cell by cell, an OCR's columns interleave).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from planwriter.importer.closing import (  # noqa: F401  (the importer's API)
    Closing,
    closing_end,
    find_closing,
    parse_closing,
)
from planwriter.importer.issuer import MASS as _MASS
from planwriter.importer.issuer import level_of
from planwriter.importer.paragraphs import LABEL
from planwriter.importer.source import Line
from planwriter.model import DOC_TYPE_NAMES, Family, Level
from planwriter.text import fold_chars

# Folded document type line → symbol ("chuong trinh hanh dong" → "CTr").
TYPES = {fold_chars(name): symbol for symbol, name in DOC_TYPE_NAMES.items()} | {
    "thong tri": "TT",
    "thong tu": "TT",
    "to trinh": "TTr",
    "quy dinh": "QyĐ",
    "quy che": "QC",
    "de an": "ĐA",
    "bien ban": "BB",
    "chuong trinh": "CTr",
}
_TYPE_START = re.compile(
    r"^(" + "|".join(sorted((re.escape(t) for t in TYPES), key=len, reverse=True)) + r")"
    r"(?=$|\s+(?:cua|ve|so|lien tich)\b)"
)
_PARTY = re.compile(r"[dp]+\s*ang\s+cong\s+san\s+viet\s+nam")
_STATE = re.compile(r"cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam")
_MOTTO = re.compile(r"doc\s+lap\s*[-–—]\s*tu\s+do\s*[-–—]\s*hanh\s+phuc")
_SYMBOL = r"[A-Za-zĐđ][\wĐđ]*(?:\s*-\s*[A-Za-zĐđ][\wĐđ]*)*"
_PARTY_NUMBER = re.compile(
    rf"\bs[o6ốô]\s*:?\s*(?P<num>\d*)\s*-\s*(?P<type>[a-zđ]+)\s*/\s*(?P<iss>{_SYMBOL})", re.I
)
_STATE_NUMBER = re.compile(
    rf"\bs[o6ốô]\s*:\s*(?P<num>\d*)\s*/\s*(?P<type>[a-zđ]+)\s*-\s*(?P<iss>{_SYMBOL})", re.I
)
# A state or MTTQ letter's symbol names no type: "Số: 256/UBND" (one part; "UBND-VP" reads
# as _STATE_NUMBER and the letter's header joins the two parts back).
_LETTER_NUMBER = re.compile(rf"\bs[o6ốô]\s*:\s*(?P<num>\d*)\s*/\s*(?P<iss>{_SYMBOL})", re.I)


# A draft leaves the date blank: "Lai Châu, ngày     tháng     năm".
_DATE = re.compile(r"ngay\s*(\d{1,2})?\s+thang\s*(\d{1,2})?\s+nam\s*(\d{4})?")
_PREAMBLE = re.compile(r"^(can cu|thuc hien|kinh gui|theo de nghi|tai phien hop|xet de nghi)\b")


@dataclass
class Header:
    """What the first page says about the document."""

    family: Family = Family.PARTY
    superior_body: str = ""
    issuing_body: str = ""
    number: str = ""
    doc_type: str = "KH"
    issuer_symbol: str = ""
    written_symbol: str = ""  # a state number's whole symbol as written after "/" ("KH-UBND")
    place: str = ""
    date: dt.date | None = None
    summary: str = ""
    used: set[int] = field(default_factory=set)  # line numbers consumed
    found: bool = False  # a type line was found
    noise: list[Line] = field(default_factory=list)  # rules ("-----") under the bodies
    doubts: list[tuple[Line, str]] = field(default_factory=list)  # read, but not as written

    @property
    def level(self) -> Level:
        return level_of(self.issuer_symbol, self.superior_body, self.issuing_body) or Level.PROVINCE


def type_of(text: str) -> str | None:
    """The symbol of a document type line ("KẾ HOẠCH", "KẾT LUẬN CỦA BỘ CHÍNH TRỊ"), or None.
    A type line is in capitals (a sentence starting "Kế hoạch này" is not one)."""
    stripped = text.strip(" .:*_")
    folded = fold_chars(stripped)
    found = _TYPE_START.match(folded)
    if not found:
        return None
    head = stripped[: found.end()]
    if not _capitals(head):
        return None
    return TYPES[found.group(1)]


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def find_type_line(lines: list[Line]) -> int | None:
    """Index of the document type line ("KẾ HOẠCH") within the first lines, if any."""
    for index, line in enumerate(lines[:40]):
        if type_of(line.text) is not None:
            if _opening(fold_chars(line.text.strip())):
                return None
            return index
        if index > 0 and _opening(fold_chars(line.text.strip())):
            return None  # the body has begun: a letter, or a body without header
    return None


def parse_header(lines: list[Line], broken_lines: bool = False) -> tuple[Header, int]:
    """The header and title block; the index of the first line after the summary.
    ``broken_lines``: each line is a line the drafter broke (a .docx paragraph), so a summary
    on several lines keeps its breaks; else (text wrapped by a page) they are joined."""
    header = Header()
    lines = [line for line in lines if line.text.strip()]
    type_at = find_type_line(lines)
    if type_at is None:
        return _letter_header(header, lines)
    header.found = True
    bodies: list[str] = []
    for line in lines[:type_at]:
        _header_line(header, line, bodies)
    mass = any(_MASS.search(fold_chars(body)) for body in bodies[:1])
    if mass:
        header.family = Family.MASS
        header.issuing_body = "\n".join(bodies)
    elif len(bodies) >= 2:
        header.superior_body, header.issuing_body = "\n".join(bodies[:-1]), bodies[-1]
    elif bodies:
        header.issuing_body = bodies[0]
    type_line = lines[type_at]
    header.used.add(type_line.number)
    symbol = type_of(type_line.text) or "KH"
    header.doc_type = symbol if not header.issuer_symbol else header.doc_type
    summary: list[str] = []
    rest = type_line.text.strip()
    found = _TYPE_START.match(fold_chars(rest))
    if found and rest[found.end() :].strip():  # "KẾT LUẬN CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ"
        summary.append(rest[found.end() :].strip())
    end = type_at + 1
    previous = lines[type_at]
    if end < len(lines) and not lines[end].style:
        previous = Line(lines[end].number - 1, "")  # a blank line under the type is allowed
    authority = fold_chars(" ".join(header.issuing_body.split()))
    gaps = [b.number - a.number for a, b in zip(lines[:20], lines[1:21], strict=False)]
    spaced = bool(gaps) and sum(1 for g in gaps if g == 2) >= 0.6 * len(gaps)
    while (
        end < len(lines)
        and _is_summary(
            lines[end], previous if end == type_at + 1 else lines[end - 1], len(summary), spaced
        )
        and not (authority and fold_chars(" ".join(lines[end].text.split())) == authority)
    ):
        summary.append(lines[end].text.strip())
        header.used.add(lines[end].number)
        end += 1
    if end < len(lines) and _is_rule(lines[end].text):
        header.noise.append(lines[end])
        header.used.add(lines[end].number)
        end += 1
    header.summary = ("\n" if broken_lines else " ").join(summary)
    return header, end


def _letter_header(header: Header, lines: list[Line]) -> tuple[Header, int]:
    """A letter (Công văn) has no type line: its header runs to "Kính gửi:", its summary is
    the "V/v …" line under the number, and its symbol names no type ("Số: 12/UBND-VP")."""
    at = next(
        (
            i
            for i, line in enumerate(lines[:30])
            if fold_chars(line.text).strip().startswith("kinh gui")
        ),
        None,
    )
    if not at:
        return header, 0
    bodies: list[str] = []
    summary: list[str] = []
    for line in lines[:at]:
        folded = fold_chars(line.text.strip())
        if re.match(r"(v/v|ve viec)\b", folded) or (summary and line.text[:1].islower()):
            summary.append(line.text.strip())
            header.used.add(line.number)
            continue
        _header_line(header, line, bodies, letter=True)
    if not header.number and not header.issuer_symbol and not header.date:
        return Header(), 0  # not a header after all
    header.found = True
    if header.written_symbol:
        # a state or MTTQ letter's symbol names no type ("Số: 1234/UBND-NNMT"): all it writes
        # after "/" is its issuer_symbol, so that it prints back as written ("CV-BCĐ" too)
        header.issuer_symbol = header.written_symbol
    elif not header.issuer_symbol and header.doc_type not in DOC_TYPE_NAMES:
        header.issuer_symbol = header.doc_type
    header.doc_type = "CV"
    if any(_MASS.search(fold_chars(body)) for body in bodies[:1]):
        header.family = Family.MASS
        header.issuing_body = "\n".join(bodies)
    elif len(bodies) >= 2:
        header.superior_body, header.issuing_body = "\n".join(bodies[:-1]), bodies[-1]
    elif bodies:
        header.issuing_body = bodies[0]
    header.summary = " ".join(summary)
    return header, at


def _header_line(header: Header, line: Line, bodies: list[str], letter: bool = False) -> None:
    text = line.text.strip()
    folded = fold_chars(text)
    header.used.add(line.number)
    if _is_rule(text):
        header.noise.append(line)
        return
    for pattern, family in ((_PARTY, Family.PARTY), (_STATE, Family.STATE)):
        found = pattern.search(folded)
        if found:
            header.family = family
            text, folded = _cut(text, folded, found.start(), found.end())
    found = _MOTTO.search(folded)
    if found:
        text, folded = _cut(text, folded, found.start(), found.end())
    for pattern in (_STATE_NUMBER, _PARTY_NUMBER, *([_LETTER_NUMBER] if letter else [])):
        number = pattern.search(text)
        if number:
            header.number = number.group("num")
            header.issuer_symbol = re.sub(r"\s+", "", number.group("iss"))
            if pattern is _LETTER_NUMBER:  # "Số: 256/UBND": a letter's, no type
                header.doc_type = "CV"
            else:
                header.doc_type = _symbol(number.group("type"))
            if pattern is not _PARTY_NUMBER:
                header.written_symbol = re.sub(r"\s+", "", number.group(0).partition("/")[2])
            written = number.group(0)
            if re.search(r"\S\s+[-/]|[-/]\s+\S", written.split(":", 1)[-1].strip()):
                header.doubts.append((line, "số và ký hiệu viết có dấu cách, đã bỏ dấu cách"))
            text, folded = _cut(text, folded, number.start(), number.end())
            break
    date = _DATE.search(folded)
    if date:
        if all(date.groups()):
            day, month, year = (int(g) for g in date.groups())
            try:
                header.date = dt.date(year, month, day)
            except ValueError:
                header.date = None
                header.doubts.append((line, "ngày không có thật, để trống"))
        elif any(date.groups()):
            header.doubts.append((line, "ngày chưa điền đủ (bản dự thảo): để trống"))
        header.place = text[: date.start()].strip(" ,.")
        text = ""
    text = text.strip(" ,.*-–\t/")
    if text and any(c.isalpha() for c in text):
        bodies.append(text)


def _cut(text: str, folded: str, start: int, end: int) -> tuple[str, str]:
    return text[:start] + text[end:], folded[:start] + folded[end:]


def _is_rule(text: str) -> bool:
    """ "-----", "_____": the rule drawn under a body or the title."""
    stripped = text.strip()
    return len(stripped) >= 3 and not stripped.strip("-–—_=*~ ")


def _symbol(found: str) -> str:
    for symbol in DOC_TYPE_NAMES:
        if fold_chars(symbol) == fold_chars(found):
            return symbol
    return found


def _opening(folded: str) -> bool:
    """The body's first words ("Căn cứ …", "Thực hiện Kế hoạch số 16/…"), not a summary's
    ("Thực hiện công tác bầu cử …")."""
    found = _PREAMBLE.match(folded)
    if not found:
        return False
    return found.group(1) != "thuc hien" or bool(re.search(r"\bso\s*:?\s*\d", folded))


def _is_summary(line: Line, previous: Line, count: int, spaced: bool = False) -> bool:
    if line.style:  # a .docx planwriter wrote: the summary is the paragraph styled so
        return line.style == "Subtitle"
    text = line.text.strip()
    folded = fold_chars(text)
    if _opening(folded) or _is_rule(text) or (count and type_of(text)):
        return False
    # The summary runs to the first blank line (a gap in the line numbers).
    # (Text with a blank line after every paragraph: to the body's opening words.)
    gap = line.number - previous.number
    if gap == 2 and count and (len(text) > 120 or text.endswith(".")):
        # Past the blank line, a long sentence is the body's first paragraph, not more
        # summary: 3260-KH/ĐĐQH15's "Ngày 22/12/2024, Bộ Chính trị đã ban hành …".
        return False
    return count < 6 and (gap == 1 or (spaced and gap == 2 and not LABEL.match(text)))
