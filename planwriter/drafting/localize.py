"""Localizing a parent's text for a unit: the profile's vocabulary (tỉnh → huyện, Tỉnh ủy →
Huyện ủy, …) applied to whole words, longest rule first, keeping the case the text uses.

Some spans are never changed: the profile's ``keep`` phrases, document numbers and the acts
they cite ("Nghị quyết số 57-NQ/TW", "Chương trình hành động số 63-CTr/TU"), and the body named
as the author of a cited act ("… số 63-CTr/TU, ngày 27/02/2025 của Ban Thường vụ Tỉnh ủy"):
the province's act stays the province's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from planwriter.profile import Profile, VocabularyRule

# A word character: Python's \w is Unicode-aware, so "ỉ" and "Đ" count; text is NFC so
# diacritics are never separate combining marks.
_BEFORE = r"(?<!\w)"
_AFTER = r"(?!\w)"

# "57-NQ/TW", "63-CTr/TU", "71/NQ-CP", "02-KH/BCĐTW", "1670/NQ-UBTVQH15".
_SYMBOL = r"\d+(?:[-/][A-ZĐ][\wĐđ]*)+"
_ACT = (r"(?:Nghị quyết|Chương trình hành động|Chương trình|Kế hoạch|Quyết định|Thông báo|"
        r"Chỉ thị|Kết luận|Hướng dẫn|Công văn|Nghị định|Thông tư|Quy định|Đề án|Báo cáo)")
_DATE = r"(?:,?\s+ngày\s+\d{1,2}/\d{1,2}/\d{4})"
_CITATION = re.compile(rf"{_BEFORE}(?:{_ACT}\s+(?:số\s+)?)?{_SYMBOL}{_DATE}?")
_AUTHOR_LEAD = re.compile(r"\s+của\s+")


def case_variants(phrase: str) -> list[str]:
    """The phrase as written, with its first letter capitalized, and in capitals (headings)."""
    out = [phrase, phrase[:1].upper() + phrase[1:], phrase.upper()]
    return list(dict.fromkeys(out))


def _recase(target: str, source: str, found: str) -> str:
    """``target`` written in the case ``found`` shows for ``source``."""
    if found == source:
        return target
    if found == source.upper() and source.upper() != source:
        return target.upper()
    return target[:1].upper() + target[1:]


@dataclass(frozen=True)
class Match:
    """A place where a vocabulary rule applies: text[start:end] becomes ``replacement``."""

    start: int
    end: int
    found: str
    replacement: str


class Localizer:
    """A profile's vocabulary and protected phrases, compiled once."""

    def __init__(self, rules: list[VocabularyRule], keep: list[str] | None = None):
        self._targets: dict[str, tuple[str, str]] = {}
        # Sorted by length, so at any position the longest rule wins ("Tỉnh ủy" before "tỉnh").
        ordered = sorted(rules, key=lambda r: len(r.source), reverse=True)
        # A rule written exactly so beats another rule's capitalized variant.
        for rule in ordered:
            self._targets.setdefault(_nfc(rule.source), (_nfc(rule.target), _nfc(rule.source)))
        for rule in ordered:
            for variant in case_variants(_nfc(rule.source)):
                self._targets.setdefault(variant, (_nfc(rule.target), _nfc(rule.source)))
        self._pattern = _alternation(list(self._targets))
        self._sources = [_nfc(rule.source) for rule in rules]
        keep_variants = [v for phrase in keep or [] for v in case_variants(_nfc(phrase))]
        self._keep = _alternation(keep_variants)
        self._bodies = _alternation([v for s in self._sources for v in case_variants(s)])

    @classmethod
    def for_profile(cls, profile: Profile) -> Localizer:
        return cls(profile.vocabulary, profile.keep)

    def localize(self, text: str) -> str:
        """``text`` with every applicable rule applied (NFC in, NFC out)."""
        text = _nfc(text)
        out: list[str] = []
        last = 0
        for match in self.matches(text):
            out.append(text[last:match.start])
            out.append(match.replacement)
            last = match.end
        out.append(text[last:])
        return _nfc("".join(out))

    def matches(self, text: str) -> Iterator[Match]:
        """Every place in ``text`` outside protected spans where a rule applies, in order."""
        if self._pattern is None:
            return
        text = _nfc(text)
        position = 0
        for start, end in [*self.protected(text), (len(text), len(text))]:
            for m in self._pattern.finditer(text, position, start):
                target, source = self._targets[m.group(0)]
                yield Match(m.start(), m.end(), m.group(0), _recase(target, source, m.group(0)))
            position = max(position, end)

    def protected(self, text: str) -> list[tuple[int, int]]:
        """Spans never localized, sorted and merged: keep phrases, citations, their authors."""
        spans: list[tuple[int, int]] = []
        if self._keep is not None:
            spans += [m.span() for m in self._keep.finditer(text)]
        for m in _CITATION.finditer(text):
            end = m.end()
            lead = _AUTHOR_LEAD.match(text, end)
            if lead and self._bodies is not None:
                body = self._bodies.match(text, lead.end())
                if body:
                    end = body.end()
            spans.append((m.start(), end))
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


def _alternation(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    return re.compile(_BEFORE + "(?:" + "|".join(re.escape(p) for p in ordered) + ")" + _AFTER)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
