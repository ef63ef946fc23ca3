"""The trích yếu's lines: as the drafter broke them ("\\n" in Meta.summary), or balanced.

A signed document breaks a long trích yếu into lines of similar length at word boundaries,
preferably after a comma or before "về", "và", "của"… ("thực hiện Nghị quyết số 57-NQ/TW,
ngày 22/12/2024 của Bộ Chính trị / về đột phá phát triển …"), never one long line and a
stub. ``balance`` chooses the breaks that make the lines most even for the fewest lines that
fit, with a bonus for the breaks a drafter prefers.
"""

from __future__ import annotations

import math
from functools import cache

from planwriter.export.header import text_width_mm

# Breaking before these words reads naturally ("… của Bộ Chính trị / về đột phá …").
GOOD_BEFORE = frozenset({"về", "và", "của", "thực", "giai", "nhiệm", "năm", "trên", "tại",
                         "đến", "tầm", "theo", "nhằm", "để", "trong"})
# A good break is worth a line this share of the target longer or shorter than even.
BREAK_BONUS_SHARE = 0.2
MAX_LINES = 8


def summary_lines(summary: str, size_pt: float, *, bold: bool, width_mm: float) -> list[str]:
    """The lines to print: the drafter's own breaks when the summary has any, else the
    balanced lines of ``balance``."""
    if "\n" in summary:
        return [line.strip() for line in summary.split("\n") if line.strip()]
    return balance(summary, size_pt, bold=bold, width_mm=width_mm)


def balance(text: str, size_pt: float, *, bold: bool, width_mm: float) -> list[str]:
    """``text`` broken at word boundaries into the fewest lines no wider than ``width_mm``,
    as even in length as possible, preferring breaks after punctuation."""
    words = text.split()
    if not words:
        return []
    space = text_width_mm(" ", size_pt, bold=bold)
    widths = [text_width_mm(w, size_pt, bold=bold) for w in words]
    total = sum(widths) + space * (len(words) - 1)
    if total <= width_mm:
        return [" ".join(words)]
    first = max(2, math.ceil(total / width_mm))
    for count in range(first, min(MAX_LINES, len(words)) + 1):
        lines = _best(words, widths, space, count, width_mm)
        if lines is not None:
            return lines
    return [" ".join(words)]  # a word wider than the line: let the word processor wrap it


def _best(words: list[str], widths: list[float], space: float, count: int, width_mm: float
          ) -> list[str] | None:
    """The split of ``words`` into exactly ``count`` lines with the least cost, or None."""
    n = len(words)
    target = (sum(widths) + space * (n - count)) / count

    def line_width(start: int, end: int) -> float:
        return sum(widths[start:end]) + space * (end - start - 1)

    def break_bonus(end: int) -> float:
        """How good a break after words[end - 1] is (0: an ordinary word boundary)."""
        if end >= n:
            return 0.0
        if words[end - 1].endswith((",", ";", ":")):
            return 1.0
        if words[end].lower() in GOOD_BEFORE:
            return 0.6
        return 0.0

    @cache
    def cost(start: int, lines_left: int) -> tuple[float, tuple[int, ...]] | None:
        if lines_left == 1:
            width = line_width(start, n)
            return ((width - target) ** 2, (n,)) if width <= width_mm else None
        best: tuple[float, tuple[int, ...]] | None = None
        for end in range(start + 1, n - lines_left + 2):
            width = line_width(start, end)
            if width > width_mm:
                break
            rest = cost(end, lines_left - 1)
            if rest is None:
                continue
            here = (width - target) ** 2 - (BREAK_BONUS_SHARE * target) ** 2 * break_bonus(end)
            total = here + rest[0]
            if best is None or total < best[0]:
                best = (total, (end, *rest[1]))
        return best

    found = cost(0, count)
    if found is None:
        return None
    out, start = [], 0
    for end in found[1]:
        out.append(" ".join(words[start:end]))
        start = end
    return out
