"""Word automatic numbering: the label a reader sees before a numbered paragraph ("1.",
"II.", "a)", "2.1.", "-"), which the paragraph's own text does not hold.

A paragraph is numbered by its ``w:numPr`` (or its style's, following ``basedOn``): a list
instance (``w:num``, numId) of an abstract list (``w:abstractNum``) and a level (ilvl). Each
level has a start value, a format (decimal, upperRoman, lowerLetter, bullet…) and a text
("%1.", "%1.%2.", "%1)"). Counters run per abstract list in document order, as Word shows
them; a deeper level starts again when a shallower one moves on (or per ``w:lvlRestart``);
a list instance with ``w:lvlOverride/w:startOverride`` starts afresh the first time it is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planwriter.numbering import roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False  # w:isLgl: every number shown in decimal


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # ilvl → startOverride
    overrides: dict[int, _Level] = field(default_factory=dict)
    used: bool = False


def _val(element: Any, tag: str) -> str | None:
    found = element.find(W + tag) if element is not None else None
    return None if found is None else found.get(W + "val")


def _level(element: Any) -> _Level:
    level = _Level()
    start = _val(element, "start")
    level.start = int(start) if start and start.lstrip("-").isdigit() else 1
    level.fmt = _val(element, "numFmt") or "decimal"
    level.text = _val(element, "lvlText") or ""
    restart = _val(element, "lvlRestart")
    level.restart = int(restart) if restart and restart.isdigit() else None
    level.legal = element.find(W + "isLgl") is not None
    return level


def _format(fmt: str, n: int) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(max(n, 1))
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("lowerLetter", "upperLetter"):
        n = max(n, 1)
        letter = _LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _bullet(text: str) -> str:
    """A bullet level's text as a reader writes it: "-", "+" or "•"."""
    stripped = text.strip()
    if stripped in ("-", "–", "—", "‒", "−"):
        return "-"
    if stripped == "+":
        return "+"
    return "•" if stripped else ""


class Numbering:
    """The numbering of one document: ``label(paragraph_element)`` in document order."""

    def __init__(self, numbering_xml: Any | None, styles_xml: Any | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._style_num: dict[str, tuple[str | None, int | None]] = {}
        self._based_on: dict[str, str] = {}
        if numbering_xml is not None:
            for abstract in numbering_xml.iter(W + "abstractNum"):
                levels = {
                    int(lvl.get(W + "ilvl", "0")): _level(lvl) for lvl in abstract.iter(W + "lvl")
                }
                self._abstract[abstract.get(W + "abstractNumId", "")] = levels
            for num in numbering_xml.iter(W + "num"):
                entry = _Num(_val(num, "abstractNumId") or "")
                for override in num.iter(W + "lvlOverride"):
                    ilvl = int(override.get(W + "ilvl", "0"))
                    start = _val(override, "startOverride")
                    if start is not None and start.lstrip("-").isdigit():
                        entry.starts[ilvl] = int(start)
                    lvl = override.find(W + "lvl")
                    if lvl is not None:
                        entry.overrides[ilvl] = _level(lvl)
                self._nums[num.get(W + "numId", "")] = entry
        if styles_xml is not None:
            for style in styles_xml.iter(W + "style"):
                style_id = style.get(W + "styleId", "")
                based = _val(style, "basedOn")
                if based:
                    self._based_on[style_id] = based
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    level = _val(num_pr, "ilvl")
                    self._style_num[style_id] = (
                        _val(num_pr, "numId"),
                        int(level) if level and level.isdigit() else None,
                    )

    def _numpr(self, paragraph: Any) -> tuple[str, int] | None:
        num_id: str | None = None
        ilvl: int | None = None
        own = paragraph.find(f"{W}pPr/{W}numPr")
        if own is not None:
            num_id = _val(own, "numId")
            value = _val(own, "ilvl")
            ilvl = int(value) if value and value.isdigit() else None
        style = _val(paragraph.find(W + "pPr"), "pStyle")
        seen: set[str] = set()
        while style and style not in seen and (num_id is None or ilvl is None):
            seen.add(style)
            style_num, style_lvl = self._style_num.get(style, (None, None))
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_lvl
            style = self._based_on.get(style, "")
        if not num_id or num_id == "0" or num_id not in self._nums:
            return None
        return num_id, ilvl or 0

    def label(self, paragraph: Any) -> str:
        """The label Word shows before ``paragraph`` (a ``w:p`` element); "" if none. Call it
        once per paragraph, in document order: it advances the counters."""
        found = self._numpr(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        num = self._nums[num_id]
        levels = dict(self._abstract.get(num.abstract, {}))
        levels.update(num.overrides)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(num.abstract, {})
        if not num.used:
            num.used = True
            for over, start in num.starts.items():
                counters[over] = start - 1
                for deeper in [k for k in counters if k > over]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart and restart - 1 >= ilvl):
                del counters[deeper]
        if level.fmt == "bullet":
            return _bullet(level.text)
        text = level.text
        for index in range(9):
            mark = f"%{index + 1}"
            if mark not in text:
                continue
            shown = levels.get(index, _Level())
            value = counters.get(index, shown.start)
            fmt = "decimal" if level.legal and shown.fmt != "none" else shown.fmt
            text = text.replace(mark, _format(fmt, value))
        return text.strip()
