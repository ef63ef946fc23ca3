"""Comparing bundled content with its OCR seed: fold diacritics away, then compare words."""

from __future__ import annotations

import difflib
import re
import unicodedata

from shared import source

from planwriter.model import Plan


def fold(text: str) -> str:
    """Lower case without diacritics, the way the OCR seeds read: "Đảng ủy" → "dang uy"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", fold(text))


def plan_text(plan: Plan) -> str:
    """The plan's words in document order: title block, body, recipients, signature."""
    parts = [plan.meta.issuing_body, plan.meta.number_line(), plan.meta.place, plan.meta.summary]
    for item, _, _ in plan.walk():
        parts.append(item.content())
    parts.extend(plan.meta.recipients)
    parts.extend(plan.meta.signature.lines() + [plan.meta.signature.name])
    return "\n".join(parts)


def reference_vocabulary() -> set[str]:
    """Every folded word of the clean reference texts: real Vietnamese syllables, so OCR
    debris ("chirc", "ctia") can be told apart from words the template must carry."""
    out: set[str] = set()
    for name in ("57-NQ-TW.txt", "3260-KH-DDQH15.txt", "03-NQ-CP.txt"):
        out.update(words(source(name).read_text(encoding="utf-8")))
    return out


def seed_words(seed: str, vocabulary: set[str], start: str, stop: str | None) -> list[str]:
    """The seed's real words (length ≥ 3) from the line starting ``start`` to ``stop``."""
    text = (source(seed)).read_text(encoding="utf-8")
    folded = fold(text)
    begin = folded.index(start)
    end = folded.index(stop, begin) if stop else len(folded)
    out = []
    for token in folded[begin:end].split():
        token = token.strip(".,;:()\"'/-")
        if token.isascii() and token.isalpha() and len(token) >= 3 and token in vocabulary:
            out.append(token)
    return out


def longest_gap(seed: list[str], text: str, vocabulary: set[str]) -> tuple[int, str]:
    ours = [w for w in words(text) if w in vocabulary and len(w) >= 3]
    matcher = difflib.SequenceMatcher(None, seed, ours, autojunk=False)
    gaps = [(i2 - i1, " ".join(seed[i1:i2])) for tag, i1, i2, _, _ in matcher.get_opcodes()
            if tag in ("delete", "replace")]
    return max(gaps, default=(0, ""))
