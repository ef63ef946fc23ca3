"""Recognizing the parts of a document around its body: the header (bodies, number, place
and date), the document type and summary, and the closing block (recipients, signature).

Matching is done on folded text (lower case, no diacritics, đ → d) with patterns tolerant of
OCR ("S6 363-KH/HU" is "Số 363-KH/HU", "PANG CONG SAN" is "ĐẢNG CỘNG SẢN"); what is kept is
always cut from the original text, never rebuilt from the folded one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from planwriter import docstyles
from planwriter.importer.source import Line
from planwriter.model import DOC_TYPE_NAMES, Family, Level, Signature
from planwriter.text import fold_chars

# Folded document type line → symbol ("chuong trinh hanh dong" → "CTr").
TYPES = {fold_chars(name): symbol for symbol, name in DOC_TYPE_NAMES.items()}
_PARTY = re.compile(r"[dp]+\s*ang\s+cong\s+san\s+viet\s+nam")
_STATE = re.compile(r"cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam")
_MOTTO = re.compile(r"doc\s+lap\s*-\s*tu\s+do\s*-\s*hanh\s+phuc")
_PARTY_NUMBER = re.compile(
    r"\bs[o6ốô]\s*:?\s*(?P<num>\d*)\s*-\s*(?P<type>[a-zđ]+)\s*/\s*(?P<iss>[a-zđ][a-zđ0-9]*)", re.I
)
_STATE_NUMBER = re.compile(
    r"\bs[o6ốô]\s*:\s*(?P<num>\d*)\s*/\s*(?P<type>[a-zđ]+)\s*-\s*(?P<iss>[a-zđ][a-zđ0-9]*)", re.I
)
# A draft leaves the date blank: "Lai Châu, ngày     tháng     năm".
_DATE = re.compile(r"ngay\s*(\d{1,2})?\s+thang\s*(\d{1,2})?\s+nam\s*(\d{4})?")
_LEVELS = {
    "tw": Level.CENTRAL,
    "tu": Level.PROVINCE,
    "hu": Level.DISTRICT,
    "thu": Level.DISTRICT,
    "du": Level.COMMUNE,
}
# Where the signature column starts on an OCR line that also holds a recipient.
_SIGN_START = re.compile(
    r"\b(t\s*/\s*m|tm\.|kt\.|q\.|pho bi thu|bi thu|pho chu tich|chu tich)(?=\s|$)"
)
_SIGN_TITLES = re.compile(
    r"^(kt\.\s*)?(pho\s+)?(bi\s+thu|chu\s+tich|truong\s+ban|chanh\s+van\s+phong|thu\s+tuong"
    r"|bo\s+truong|giam\s+doc|truong\s+phong)$"
)


@dataclass
class Header:
    """What the first page says about the document."""

    family: Family = Family.PARTY
    superior_body: str = ""
    issuing_body: str = ""
    number: str = ""
    doc_type: str = "KH"
    issuer_symbol: str = ""
    place: str = ""
    date: dt.date | None = None
    summary: str = ""
    used: set[int] = field(default_factory=set)  # line numbers consumed

    @property
    def level(self) -> Level:
        found = _LEVELS.get(fold_chars(self.issuer_symbol))
        if found is not None:
            return found
        if "trung uong" in fold_chars(self.superior_body):  # under Ban Chấp hành Trung ương
            return Level.CENTRAL
        body = fold_chars(self.issuing_body)
        if " xa " in f" {body} " or " phuong " in f" {body} ":
            return Level.COMMUNE
        return Level.DISTRICT if " huyen " in f" {body} " else Level.PROVINCE


def find_type_line(lines: list[Line]) -> int | None:
    """Index of the document type line ("KẾ HOẠCH") within the first lines, if any."""
    for index, line in enumerate(lines[:40]):
        if fold_chars(line.text).strip(" .:") in TYPES:
            return index
    return None


def parse_header(lines: list[Line]) -> tuple[Header, int]:
    """The header and title block; the index of the first line after the summary."""
    header = Header()
    lines = [line for line in lines if line.text.strip()]
    type_at = find_type_line(lines)
    if type_at is None:
        return header, 0
    bodies: list[str] = []
    for line in lines[:type_at]:
        text = line.text.strip()
        folded = fold_chars(text)
        header.used.add(line.number)
        for pattern, family in ((_PARTY, Family.PARTY), (_STATE, Family.STATE)):
            found = pattern.search(folded)
            if found:
                header.family = family
                text, folded = (
                    text[: found.start()] + text[found.end() :],
                    folded[: found.start()] + folded[found.end() :],
                )
        found = _MOTTO.search(folded)
        if found:
            text, folded = (
                text[: found.start()] + text[found.end() :],
                folded[: found.start()] + folded[found.end() :],
            )
        for pattern in (_STATE_NUMBER, _PARTY_NUMBER):
            number = pattern.search(text)
            if number:
                header.number = number.group("num")
                header.doc_type = _symbol(number.group("type"))
                header.issuer_symbol = number.group("iss")
                text, folded = (
                    text[: number.start()] + text[number.end() :],
                    folded[: number.start()] + folded[number.end() :],
                )
                break
        date = _DATE.search(folded)
        if date:
            if all(date.groups()):
                day, month, year = (int(g) for g in date.groups())
                try:
                    header.date = dt.date(year, month, day)
                except ValueError:
                    header.date = None
            header.place = text[: date.start()].strip(" ,.")
            text = ""
        text = text.strip(" ,.*-\t")
        if text and any(c.isalpha() for c in text):
            bodies.append(text)
    if len(bodies) >= 2:
        header.superior_body, header.issuing_body = bodies[-2], bodies[-1]
    elif bodies:
        header.issuing_body = bodies[0]
    type_line = lines[type_at]
    header.used.add(type_line.number)
    header.doc_type = (
        TYPES[fold_chars(type_line.text).strip(" .:")]
        if not header.issuer_symbol
        else header.doc_type
    )
    summary: list[str] = []
    end = type_at + 1
    previous = lines[type_at]
    if end < len(lines) and not lines[end].style:
        previous = Line(lines[end].number - 1, "")  # a blank line under the type is allowed
    while end < len(lines) and _is_summary(
        lines[end], previous if not summary else lines[end - 1], len(summary)
    ):
        summary.append(lines[end].text.strip())
        header.used.add(lines[end].number)
        end += 1
    header.summary = " ".join(summary)
    return header, end


def _symbol(found: str) -> str:
    for symbol in DOC_TYPE_NAMES:
        if fold_chars(symbol) == fold_chars(found):
            return symbol
    return found


def _is_summary(line: Line, previous: Line, count: int) -> bool:
    if line.style:  # a .docx: the summary is the paragraph styled so
        return line.style == "Subtitle"
    # In text, the summary runs to the first blank line (a gap in the line numbers).
    return count < 6 and line.number == previous.number + 1


@dataclass
class Closing:
    recipients: list[str] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)
    used: set[int] = field(default_factory=set)


def find_closing(lines: list[Line]) -> int | None:
    """Index of the "Nơi nhận:" line or, with no recipients, of the signature block's first
    line ("T/M BAN THƯỜNG VỤ") among the last lines; None if neither is there."""
    for index in range(len(lines) - 1, -1, -1):
        if fold_chars(lines[index].text).lstrip(" *_").startswith("noi nh"):  # "*Nơi nhận:*"
            return index
    for index in range(max(0, len(lines) - 8), len(lines)):
        line = lines[index]
        if line.style in (docstyles.SIGNATURE, docstyles.SIGNER) or (
            not line.style and re.match(r"\s*(t\s*/\s*m|tm\.)\s", fold_chars(line.text))
        ):
            return index
    return None


def parse_closing(lines: list[Line]) -> Closing:
    """Recipients and signature from the lines from "Nơi nhận:" on (columns may share lines)."""
    closing = Closing()
    signs: list[str] = []
    ended = True  # whether the last recipient's line ended with its "," or "."
    for line in lines:
        closing.used.add(line.number)
        text = line.text.strip()
        folded = fold_chars(text)
        text, folded = text.strip("*_ "), folded.strip("*_ ")
        if folded.startswith("noi nh"):
            text = text[text.find(":") + 1 :].strip() if ":" in text[:12] else text[9:].strip()
            folded = fold_chars(text)
        split = _SIGN_START.search(folded)
        if split and split.start() > 0 and not _capitals(text[split.start() :]):
            split = None  # "- Ban Bí thư Trung ương Đảng": a recipient, not the signature column
        if split and (split.start() > 0 or not text.startswith("-")):
            signs.append(text[split.start() :].strip())
            text = text[: split.start()].strip()
        text = text.strip(" \\|")
        if not text:
            continue
        if text.startswith(("-", "+")):
            recipient = text.lstrip("-+ ").strip()
            luu = re.match(r"(?i)(l[ưu]u(?:\s+[A-ZĐ][\w.]*)?)\.\s+(\S.*)$", recipient)
            if luu:  # "- Lưu. Cao Trang Trọng": the name shares the last recipient's line
                recipient, name = luu.group(1), luu.group(2)
                signs.append(name)
            closing.recipients.append(recipient.rstrip(" ,.;"))
            ended = recipient.rstrip().endswith((",", ".", ";")) or bool(luu)
        elif closing.recipients and not ended:
            closing.recipients[-1] = f"{closing.recipients[-1]} {text}".rstrip(" ,.;")
            ended = text.endswith((",", ".", ";"))
        else:
            signs.append(text)
    _signature(closing.signature, signs)
    return closing


def closing_end(lines: list[Line], start: int) -> int:
    """Where the closing block that begins at ``start`` ends: after the signer's name when a
    document follows it (a resolution's closing, then the programme it issues); else the end."""
    signed = False
    for index in range(start + 1, len(lines)):
        text = lines[index].text.strip().strip("*_ ")
        folded = fold_chars(text)
        if text.startswith(("-", "+")) or not text:
            continue
        if (
            re.match(r"(t\s*/\s*m|tm\.|kt\.|q\.)\s", folded)
            or _SIGN_TITLES.match(folded)
            or re.fullmatch(r"[\[(]\s*đã ký\s*[\])]", text.lower())
        ):
            signed = True
            continue
        if signed:
            rest = lines[index + 1 :]
            follows = any(
                fold_chars(r.text).strip(" .:*") in TYPES or re.match(r"[IVX]+[.\-]\s", r.text)
                for r in rest[:6]
            )
            return index + 1 if follows else len(lines)
    return len(lines)


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def _signature(signature: Signature, parts: list[str]) -> None:
    rest = []
    for part in parts:
        folded = fold_chars(part)
        if re.match(r"t\s*/\s*m|tm\.", folded) and not signature.on_behalf:
            signature.on_behalf = part
        elif folded.startswith("kt.") and not signature.acting:
            signature.acting = part
        elif _SIGN_TITLES.match(folded.strip()) and not signature.title:
            signature.title = part
        else:
            rest.append(part)
    if rest:
        signature.name = rest[-1]
