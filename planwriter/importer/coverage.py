"""How much of the input reached the plan, counted apart from the importer's own account:
the input's words (each with its characters, punctuation around it left out) matched
against the words of everything the plan holds and shows (header, items, tables, closing,
the labels numbering gives and the lines its family prints), as multisets. And the last
pass before a plan is written: every string NFC, no control characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planwriter.model import Family, Item, Plan
from planwriter.numbering import labels

if TYPE_CHECKING:
    from planwriter.importer import ImportResult

_PUNCT = ".,;:!?()[]{}\"'“”‘’*_-–—…|/\\<>«»"
_FORMS = {
    Family.PARTY: ["ĐẢNG CỘNG SẢN VIỆT NAM"],
    Family.STATE: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ", "Độc lập - Tự do - Hạnh phúc"],
    Family.MASS: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ", "Độc lập - Tự do - Hạnh phúc"],
}


@dataclass
class Coverage:
    kept: int  # characters of the input's words found in the plan
    total: int  # characters of the input's words

    @property
    def share(self) -> float:
        return self.kept / self.total if self.total else 1.0

    def line(self) -> str:
        percent = f"{100 * self.share:.1f}".replace(".", ",")
        return (
            f"Tỷ lệ ký tự của văn bản gốc đã vào kế hoạch: {percent}% "
            f"({self.kept}/{self.total} ký tự)."
        )


def words(text: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for token in text.split():
        token = token.strip(_PUNCT)
        if token:
            out[token.lower()] += 1
    return out


def plan_text(result: ImportResult) -> str:
    plan = result.plan
    m = plan.meta
    parts = [
        m.superior_body,
        m.issuing_body,
        m.number_line(),
        m.place_date(),
        m.type_name,
        m.summary,
        "Nơi nhận:",
        "Kính gửi:",
        *m.recipients,
        *m.addressees,
        *m.signature.lines(),
        m.signature.name,
        *_FORMS[m.family],
    ]
    shown = labels(plan)
    for item, _, _ in plan.walk():
        parts += [shown.get(item.id, ""), *_item_text(item)]
    parts += [u.text for u in result.warnings]
    return "\n".join(parts)


def _item_text(item: Item) -> list[str]:
    out = [item.title, item.text, item.lead, *item.partners, item.deadline, item.output]
    out.append(item.attached)
    for row in [*item.header, *item.rows]:
        out += row
    return out


def measure(original: str, result: ImportResult) -> Coverage:
    """The share of ``original``'s characters (in words) that the plan holds."""
    wanted = words(original)
    have = words(plan_text(result))
    total = sum(len(w) * n for w, n in wanted.items())
    kept = sum(len(w) * min(n, have.get(w, 0)) for w, n in wanted.items())
    return Coverage(kept, total)


def _clean_text(value: str, lines: bool = False) -> str:
    value = unicodedata.normalize("NFC", value)
    if lines:
        return "\n".join(" ".join(part.split()) for part in value.split("\n") if part.strip())
    if any(unicodedata.category(c) == "Cc" for c in value):
        value = " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", value).split())
    return value


def clean(plan: Plan) -> None:
    """Every string of ``plan`` NFC without control characters ("\\n" only in the header
    values that keep their lines), so that the plan file is written as it is."""
    m = plan.meta
    for key in ("superior_body", "issuing_body", "summary"):
        setattr(m, key, _clean_text(getattr(m, key), lines=True))
    for key in ("doc_type", "number", "issuer_symbol", "place", "source"):
        setattr(m, key, _clean_text(getattr(m, key)))
    m.recipients = [_clean_text(r) for r in m.recipients]
    m.addressees = [_clean_text(r) for r in m.addressees]
    s = m.signature
    s.on_behalf, s.acting, s.title, s.name = (
        _clean_text(s.on_behalf),
        _clean_text(s.acting),
        _clean_text(s.title),
        _clean_text(s.name),
    )
    if m.parent is not None:
        m.parent.number, m.parent.issuer = (
            _clean_text(m.parent.number),
            _clean_text(m.parent.issuer),
        )
    for item, _, _ in plan.walk():
        for key in ("title", "text", "lead", "deadline", "output", "attached"):
            setattr(item, key, _clean_text(getattr(item, key)))
        item.partners = [_clean_text(p) for p in item.partners]
        item.header = [[_clean_text(c) for c in row] for row in item.header]
        item.rows = [[_clean_text(c) for c in row] for row in item.rows]
        for indicator in item.indicators:
            indicator.name = _clean_text(indicator.name)
