"""Comparing a child's target with its parent's: raised, kept, lowered or dropped.

Shared by ``planwriter check`` (weaker targets are findings) and ``planwriter diff`` (the
indicator table). A higher value is more ambitious unless the indicator says
``direction = "down"``; at equal values a strict comparator ("trên") beats an inclusive one
("đạt", "tối thiểu") which beats a vague one ("khoảng", "phấn đấu").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from planwriter.model import Direction, Indicator, Item, Plan


class Change(StrEnum):
    RAISED = "raised"
    KEPT = "kept"
    LOWERED = "lowered"
    DROPPED = "dropped"
    ADDED = "added"


_STRICT = ("trên", "hơn", ">", "vượt")
_VAGUE = ("khoảng", "phấn đấu", "hướng tới", "gần")


def comparator_strength(comparator: str) -> int:
    text = comparator.strip().lower()
    if any(text.startswith(w) or text == w for w in _STRICT):
        return 2
    if any(w in text for w in _VAGUE) and "tối thiểu" not in text:
        return 0
    return 1


def compare(parent: Indicator, child: Indicator | None) -> Change:
    if child is None:
        return Change.DROPPED
    sign = 1 if parent.direction is Direction.UP else -1
    if child.value != parent.value:
        return Change.RAISED if sign * (child.value - parent.value) > 0 else Change.LOWERED
    if parent.unit and child.unit and parent.unit != child.unit:
        return Change.KEPT
    a, b = comparator_strength(parent.comparator), comparator_strength(child.comparator)
    if b == a:
        return Change.KEPT
    return Change.RAISED if b > a else Change.LOWERED


@dataclass
class IndicatorRow:
    """One line of the indicator table: a parent target and what the child made of it."""

    indicator_id: str
    parent_item: Item | None
    parent: Indicator | None
    child_item: Item | None
    child: Indicator | None
    change: Change


def indicator_rows(
    child: Plan, parent: Plan, same: dict[str, str] | None = None
) -> Iterator[IndicatorRow]:
    """Every target of the parent matched with the child's by indicator id (or, for a child
    whose ids are its own, by ``same``: child id → parent id), then targets only the child
    has. A target under a dropped item counts as dropped."""
    same = same or {}
    child_by_id: dict[str, tuple[Item, Indicator]] = {}
    for item, indicator in child.indicators():
        child_by_id[same.get(indicator.id, indicator.id)] = (item, indicator)
    for item, indicator in parent.indicators():
        found = child_by_id.pop(indicator.id, None)
        if found is None or found[0].dropped:
            yield IndicatorRow(
                indicator.id,
                item,
                indicator,
                found[0] if found else None,
                found[1] if found else None,
                Change.DROPPED,
            )
        else:
            yield IndicatorRow(
                indicator.id, item, indicator, found[0], found[1], compare(indicator, found[1])
            )
    for child_item, indicator in child_by_id.values():
        if not child_item.dropped:
            yield IndicatorRow(indicator.id, None, None, child_item, indicator, Change.ADDED)
