"""The closing block of a document: "Nơi nhận:" and its recipients, and the signature
("T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", the title, the signer's name).

The two sit side by side: in a .docx as two columns of a table (told apart by the cell's
column), in text or OCR as lines that may hold both columns ("- TT. Tỉnh ủy (B/c), PHÓ BÍ
THƯ"). Lines wrap: a recipient goes on over the next line, and a crawl may join the
signature's lines ("T/M BỘ CHÍNH" / "TRỊ Trần Cẩm Tú" is T/M BỘ CHÍNH TRỊ and Trần Cẩm Tú;
"KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN THƯỜNG TRỰC" is the acting line and the title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planwriter import docstyles
from planwriter.importer.source import Line
from planwriter.model import Signature
from planwriter.text import fold_chars

# Where the signature column starts on an OCR line that also holds a recipient.
_SIGN_START = re.compile(
    r"\b(t\s*/\s*m|tm\.|kt\.|q\.|pho bi thu|bi thu|pho chu tich|chu tich)(?=\s|$)"
)
_SIGN_TITLES = re.compile(
    r"^(kt\.\s*)?(pho\s+)?(bi\s+thu|chu\s+tich|truong\s+ban|truong\s+tieu\s+ban|to\s+truong"
    r"|chanh\s+van\s+phong|thu\s+tuong|bo\s+truong|giam\s+doc|truong\s+phong|truong\s+doan"
    r"|chu\s+nhiem|thu\s+truong|tong\s+bi\s+thu|truong\s+\w+)\b"
)
_ON_BEHALF = re.compile(r"^(t\s*/\s*m|tm\.|tm\s)")
_SIGNED = re.compile(r"^[\[(]\s*(đã ký|ký|ký tên|ký, đóng dấu|ký, ghi rõ họ tên)[^\])]*[\])]$")


@dataclass
class Closing:
    recipients: list[str] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)
    used: set[int] = field(default_factory=set)
    extra: list[str] = field(default_factory=list)  # signature lines that fit no field


def is_recipients_heading(text: str) -> bool:
    return fold_chars(text).lstrip(" *_").startswith("noi nh")  # "*Nơi nhận:*"


def find_closing(lines: list[Line]) -> int | None:
    """Index of the "Nơi nhận:" line or, with no recipients, of the signature block's first
    line ("T/M BAN THƯỜNG VỤ") among the last lines; None if neither is there."""
    for index in range(len(lines) - 1, -1, -1):
        if is_recipients_heading(lines[index].text):
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
    final = False  # whether it ended with "." (the list's end)
    raw = ""  # the last recipient's line as written
    last = "recipient"  # what the last line held: a recipient, or a signature line of its own
    column = next(
        (line.col for line in lines if line.in_table and is_recipients_heading(line.text)), None
    )
    # recipients written "- …" (a line without the dash goes on with the one above) or not
    firsts = [line.text.strip() for line in lines[1:3] if line.text.strip()]
    dashed = bool(firsts) and firsts[0].startswith(("-", "+", "•"))
    for line in lines:
        closing.used.add(line.number)
        text = line.text.strip()
        if column is not None and line.in_table and line.col != column:
            signs.append(text.strip("*_ "))  # the signature's column of the closing table
            continue
        in_column = column is not None and line.in_table
        folded = fold_chars(text)
        text, folded = text.strip("*_ "), folded.strip("*_ ")
        heading = folded.startswith("noi nh")
        if heading:
            text = text[text.find(":") + 1 :].strip() if ":" in text[:12] else text[9:].strip()
            folded = fold_chars(text)
        split = None if in_column else _SIGN_START.search(folded)
        if split and split.start() > 0 and not _capitals(text[split.start() :]):
            split = None  # "- Ban Bí thư Trung ương Đảng": a recipient, not the signature column
        if split and (split.start() > 0 or not text.startswith("-")):
            signs.append(text[split.start() :].strip())
            if split.start() == 0 and not heading:
                last = "sign"
            text = text[: split.start()].strip()
        text = text.strip(" \\|")
        if not text:
            continue
        if text.startswith(("-", "+", "•")):
            recipient = text.lstrip("-+• ").strip()
            luu = re.match(r"(?i)(l[ưu]u(?:\s+[A-ZĐ][\w.]*)?)\.\s+(\S.*)$", recipient)
            if luu and not in_column:  # "- Lưu. Cao Trang Trọng": the name on the last line
                recipient, name = luu.group(1), luu.group(2)
                signs.append(name)
            closing.recipients.append(recipient.rstrip(" ,.;"))
            raw = recipient.rstrip()
            ended = recipient.rstrip().endswith((",", ".", ";")) or bool(luu)
            final = recipient.rstrip().endswith(".") or bool(luu)
            last = "recipient"
        elif (
            closing.recipients
            and last == "recipient"
            and (in_column or not ended or (dashed and not _name_like(text) and not final))
        ):
            joint = ", " if raw.endswith(",") else " "  # "Ban xây dựng Đảng," / "VP Đảng uỷ;"
            closing.recipients[-1] = f"{closing.recipients[-1]}{joint}{text}".rstrip(" ,.;")
            raw = text
            ended = text.endswith((",", ".", ";"))
        elif last == "recipient" and (in_column or (not dashed and text.upper() != text)):
            closing.recipients.append(text.rstrip(" ,.;"))  # recipients written without "-"
            raw = text
            ended = text.endswith((",", ".", ";"))
        else:
            signs.append(text)
            last = "sign"
    closing.extra = _signature(closing.signature, signs)
    return closing


def closing_end(lines: list[Line], start: int) -> int:
    """Where the closing block that begins at ``start`` ends: after the signer's name when a
    document follows it (a resolution's closing, then the programme it issues); else the end."""
    from planwriter.importer.header import TYPES

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


def _pieces(parts: list[str]) -> list[str]:
    """The signature's lines, with lines a crawl joined taken apart again: a title followed
    by the name ("PHÓ THỦ TƯỚNG Trần Hồng Hà"), "KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN", "TM. … KT. …"."""
    out: list[str] = []
    for part in parts:
        part = part.strip()
        if not part or _SIGNED.match(part.lower()):
            continue
        words = part.split()
        # the name: the trailing words written Title Case, after words in capitals
        cut = len(words)
        while cut > 0 and _title_case(words[cut - 1]):
            cut -= 1
        if 0 < cut < len(words) and _capitals(" ".join(words[:cut])):
            head, name = " ".join(words[:cut]), " ".join(words[cut:])
        else:
            head, name = part, ""
        folded = fold_chars(head)
        kt = re.search(r"\skt\.\s", f" {folded} ")
        if kt and kt.start() > 0 and _ON_BEHALF.match(folded):
            out += [head[: kt.start()].strip(), head[kt.start() :].strip()]
        elif folded.startswith("kt.") and re.search(r"\spho\s", folded):
            at = re.search(r"\spho\s", folded)
            assert at is not None
            out += [head[: at.start()].strip(), head[at.start() :].strip()]
        else:
            out.append(head)
        if name:
            out.append(name)
    return out


def _name_like(text: str) -> bool:
    """ "Sùng A Hồ": every word capitalized, no punctuation — a name, not a wrapped line."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(
        _title_case(w) or w.isupper() and len(w) == 1 for w in words
    )


def _title_case(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper() and any(c.islower() for c in letters[1:])


def _signature(signature: Signature, parts: list[str]) -> list[str]:
    """Fill ``signature`` from its lines; return the lines that fit none of its fields."""
    pieces = _pieces(parts)
    names = [i for i, p in enumerate(pieces) if not _capitals(p)]
    name_at = names[-1] if names else -1  # a draft has no name yet
    last = ""
    extra: list[str] = []
    for index, part in enumerate(pieces):
        folded = fold_chars(part).strip()
        if index == name_at:
            signature.name = part
            last = "name"
        elif _ON_BEHALF.match(folded) and not signature.on_behalf:
            signature.on_behalf, last = part, "on_behalf"
        elif folded.startswith("kt.") and not signature.acting:
            signature.acting, last = part, "acting"
        elif index > name_at >= 0 or last == "name":
            extra.append(part)  # a caption under the name ("TRƯỞNG BAN XÂY DỰNG ĐẢNG")
        elif _SIGN_TITLES.match(folded):
            signature.title = f"{signature.title} {part}".strip()
            last = "title"
        elif last in ("on_behalf", "acting", "title") and _capitals(part):  # wrapped
            setattr(signature, last, f"{getattr(signature, last)} {part}")
        elif not signature.title and _capitals(part):
            signature.title, last = part, "title"
        else:
            extra.append(part)
    return extra
