"""A document whose header the source does not give (a crawl that kept the body only): what
its appendix's "(Kèm theo Công văn số 174/CV-BCĐ ngày 02 tháng 12 năm 2025 của Ban Chỉ đạo)"
line says about it — number, symbol, date, issuer — taken as written and reported, and the
level from the issuer or, failing that, from the signer's title ("PHÓ THỦ TƯỚNG")."""

from __future__ import annotations

import datetime as dt
import re

from planwriter.importer.issuer import level_of
from planwriter.model import DOC_TYPE_NAMES, Family, Plan

_ATTACHED = re.compile(
    r"kèm theo\s+(?P<kind>[^\d(]*?)\s*số\s*:?\s*(?P<num>\d*)\s*/\s*(?P<sym>[A-Za-zĐđ][\wĐđ-]*)"
    r"(?P<rest>.*)",
    re.I,
)
_DATE = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", re.I
)
_ISSUER = re.compile(r"của\s+(?P<who>[^)]+?)\s*\)?\s*\.?\s*$", re.I)


def facts_from_attached(plan: Plan, notes: list[str]) -> None:
    meta = plan.meta
    for appendix in plan.appendices():
        found = _ATTACHED.search(appendix.attached)
        if not found:
            continue
        meta.family = Family.STATE
        meta.number = found.group("num")
        kind, _, issuer = found.group("sym").partition("-")
        if kind == "CV":  # a letter's symbol is all it writes after "/" ("CV-BCĐ")
            meta.doc_type, meta.issuer_symbol = kind, found.group("sym")
        elif kind in DOC_TYPE_NAMES and issuer:
            meta.doc_type, meta.issuer_symbol = kind, issuer
        else:
            meta.issuer_symbol = found.group("sym")
        rest = found.group("rest")
        date = _DATE.search(rest)
        if date:
            day, month, year = date.group(1, 2, 3) if date.group(1) else date.group(4, 5, 6)
            try:
                meta.date = dt.date(int(year), int(month), int(day))
            except ValueError:
                meta.date = None
        issuer = _ISSUER.search(rest)
        if issuer:
            meta.issuing_body = issuer.group("who").strip()
        notes.append(
            "Văn bản không có phần đầu (cơ quan, số, ngày): số, ký hiệu, ngày và cơ quan ban hành "
            f"lấy từ dòng “{appendix.attached}” của {appendix.title} (xem lại)."
        )
        break
    level = level_of("", "", meta.issuing_body, default=None)
    if level is None:
        s = meta.signature
        level = level_of("", "", " ".join([s.on_behalf, s.acting, s.title]), default=None)
    if level is not None:
        meta.level = level
    else:
        notes.append("Không rõ cấp của cơ quan ban hành (xem lại cấp: level).")
