"""What the opening of a body says about the document: a letter's "Kính gửi:" lines, and the
document it implements ("Thực hiện Kế hoạch số 16/KH-MTTQ-BTT ngày 18/11/2025 của Ban Thường
trực …", or the last "Căn cứ" citing a programme, plan or guidance) as its parent reference.
"""

from __future__ import annotations

import datetime as dt
import re

from planwriter.importer.source import Line
from planwriter.model import ParentRef
from planwriter.text import fold_chars

_KINDS = (
    "Chương trình hành động|Chương trình|Kế hoạch|Hướng dẫn|Kết luận|Nghị quyết liên tịch"
    "|Nghị quyết|Quyết định|Chỉ thị|Thông tri|Công văn|Văn bản|Thông báo|Thông tư|Nghị định"
)
_CITE = re.compile(
    rf"(?P<kind>{_KINDS})\s+(?:số\s*:?\s*)(?P<num>\d+[\wĐđ/\-.]*[\wĐđ])",
    re.I,
)
_VERB = re.compile(r"^\W*(thuc hien|can cu)\b")
# What a plan implements when it says "Căn cứ": not a law, decree or circular.
_PARENT_KINDS = {
    "chuong trinh hanh dong",
    "chuong trinh",
    "ke hoach",
    "huong dan",
    "ket luan",
    "chi thi",
    "thong tri",
    "cong van",
}
# Among what a "Căn cứ" cites, a programme or plan is the parent sooner than a guidance.
_PLANS = {"chuong trinh hanh dong", "chuong trinh", "ke hoach", "ket luan", "chi thi"}
_DATE = re.compile(
    r"^[\s,]*(?:ngày|ngay)\s+(?:(\d{1,2})/(\d{1,2})/(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))",
    re.I,
)
_ISSUER = re.compile(r"^[\s,]*của\s+(?P<who>[^,;(]+?)(?=\s+(?:về|V/v|thực hiện)\s|[,;(.]|$)")


def addressees(lines: list[Line]) -> tuple[list[str], int, str]:
    """A letter's addressees from its first lines: the list, how many lines it took, and the
    text that shared the last line ("Kính gửi: Các Bộ trưởng Thực hiện Kết luận…" as a crawl
    joins them), to be read as the body's first paragraph ("" if none)."""
    if not lines or not fold_chars(lines[0].text).strip().startswith("kinh gui"):
        return [], 0, ""
    first = lines[0].text.strip()
    rest = first[first.find(":") + 1 :].strip() if ":" in first else first[8:].strip()
    out: list[str] = []
    remainder = ""
    if rest:
        joined = re.search(r"\s(Thực hiện|Căn cứ|Theo|Ngày)\s", rest)
        if joined:
            rest, remainder = rest[: joined.start()].strip(), rest[joined.start() :].strip()
        out.append(rest.lstrip("-+ ").rstrip(" ,.;"))
    used = 1
    while used < len(lines) and not remainder:
        text = lines[used].text.strip()
        if not text.startswith(("-", "+", "•")) or lines[used].number > lines[used - 1].number + 1:
            break
        out.append(text.lstrip("-+• ").rstrip(" ,.;"))
        used += 1
    return [a for a in out if a], used, remainder


def parent_reference(texts: list[str], own: str = "") -> tuple[ParentRef | None, list[str]]:
    """The document the body's opening says it implements: the first act a "Thực hiện …"
    paragraph cites; else, among the plans and guidance the "Căn cứ …" paragraphs cite, the
    last of the issuer's own organisation (``own``, its symbol: "MTTQ-BTT"), or the last."""
    doing: list[re.Match[str]] = []
    based: list[re.Match[str]] = []
    for text in texts:
        verb = _VERB.match(fold_chars(text).lower())
        if not verb:
            continue
        for found in _CITE.finditer(text):
            kind = fold_chars(found.group("kind")).lower()
            if verb.group(1) == "thuc hien" and kind not in ("thong tu", "nghi dinh"):
                doing.append(found)
            elif kind in _PARENT_KINDS:
                based.append(found)
    organisation = _organisation(own)
    mine = [m for m in based if organisation and _organisation(m.group("num")) == organisation]
    pool = mine or based
    plans = [m for m in pool if fold_chars(m.group("kind")).lower() in _PLANS]
    candidates = plans or pool
    if not doing and not candidates:
        return None, []
    chosen = doing[0] if doing else candidates[-1]
    others = [m.group("num") for m in doing + based if m is not chosen]
    after = chosen.string[chosen.end() :]
    ref = ParentRef(number=chosen.group("num"))
    date = _DATE.match(after)
    if date:
        day, month, year = date.group(1, 2, 3) if date.group(1) else date.group(4, 5, 6)
        try:
            ref.date = dt.date(int(year), int(month), int(day))
        except ValueError:
            ref.date = None
        after = after[date.end() :]
    issuer = _ISSUER.match(after)
    if issuer:
        ref.issuer = issuer.group("who").strip()
    return ref, others


def _organisation(symbol: str) -> str:
    """ "MT" for an MTTQ/MTTW symbol ("16/KH-MTTQ-BTT"), else its issuer's first part."""
    folded = fold_chars(symbol).lower()
    if "mttq" in folded or "mttw" in folded:
        return "mt"
    parts = re.split(r"[-/]", folded)
    return parts[-1] if len(parts) > 1 else ""
