"""Test children for a review, made the way a unit makes them, with every change recorded.

Each child is drafted from a parent by ``planwriter new``'s path (``drafting.new_plan``) for
one unit profile, then changed at random — seeded, so the same seed gives the same children —
through the editing operations a drafter uses: items reworded (``AdaptText``), dropped with
a reason (``Drop``), targets lowered or raised (``SetIndicator``), and items simply deleted
as a drafter working in Word would (no operation allows that: the tree is cut directly).
``Recorded`` says what was done, by parent item and target id, for a test to compare with
what the review finds. ``enlarged`` makes a parent of any size from a bundled programme.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field
from pathlib import Path

from planwriter.model import Direction, Disposition, Indicator, Item, Plan
from planwriter.operations import AdaptText, Drop, Editor, SetIndicator
from planwriter.review.disposition import Verdict

REASONS = (
    "Nhiệm vụ không phát sinh trên địa bàn xã",
    "Đã hoàn thành trong năm 2024",
    "Thuộc thẩm quyền của cấp tỉnh",
    "Lồng ghép vào kế hoạch phát triển kinh tế - xã hội của địa phương",
    "Chưa đủ nguồn lực thực hiện trong giai đoạn này",
)
LOCAL_CLAUSE = ", phù hợp với điều kiện thực tế của địa phương"


@dataclass
class Recorded:
    """What the generator did to one child, by parent item and target id."""

    adapted: set[str] = field(default_factory=set)
    dropped: dict[str, str] = field(default_factory=dict)  # item id → reason
    missing: set[str] = field(default_factory=set)
    weakened: dict[str, str] = field(default_factory=dict)  # target id → the child's figure
    raised: dict[str, str] = field(default_factory=dict)
    target_items: dict[str, str] = field(default_factory=dict)  # target id → its item id

    def items(self, before: dict[str, Verdict]) -> dict[str, Verdict]:
        """Each parent item's verdict a review must find, given what it found on the child as
        drafted (``before``): the recorded changes over it."""
        out = dict(before)
        for target, item in self.target_items.items():
            out[item] = Verdict.WEAKENED if target in self.weakened else Verdict.ADAPTED
        out.update({item: Verdict.ADAPTED for item in self.adapted})
        out.update({item: Verdict.DROPPED for item in self.dropped})
        out.update({item: Verdict.MISSING for item in self.missing})
        return out

    def targets(self, before: dict[str, Verdict]) -> dict[str, tuple[Verdict, str]]:
        """Each parent target's verdict (and the child's figure when it changed)."""
        out = {key: (verdict, "") for key, verdict in before.items()}
        out.update({key: (Verdict.WEAKENED, value) for key, value in self.weakened.items()})
        out.update({key: (Verdict.RAISED, value) for key, value in self.raised.items()})
        return out


@dataclass(frozen=True)
class Changes:
    """How many of each change one child gets."""

    adapted: int = 3
    dropped: int = 2
    missing: int = 1
    weakened: int = 1
    raised: int = 1


def _figure(indicator: Indicator) -> str:
    return f"{indicator.comparator} {indicator.figure()}".strip()


def _untouched(plan: Plan) -> list[Item]:
    """Items a change can be recorded on: taken from the parent as they were (not rewritten
    by boilerplate), with no sub-items (a dropped section would drop its sub-items too)."""
    return [
        item
        for item, _, _ in plan.walk()
        if item.disposition is Disposition.ADOPTED and item.origin and not item.children
    ]


def _other_value(indicator: Indicator, weaker: bool) -> float | int | None:
    """A value less (or more) ambitious than the indicator's, or None if none makes sense
    (a share already at 100% cannot be raised)."""
    up = indicator.direction is Direction.UP
    lower = (indicator.value > 0) and (weaker == up)
    value = indicator.value
    whole = isinstance(value, int)
    if lower:
        new = value - max(1, round(value * 0.2)) if whole else round(value * 0.8, 1)
        return new if new > 0 else None
    new = value + max(1, round(value * 0.1)) if whole else round(value * 1.1, 1)
    if indicator.unit.startswith("%") and new > 100:
        return None
    return new


def _remove(plan: Plan, item_id: str) -> None:
    def cut(items: list[Item]) -> bool:
        for index, item in enumerate(items):
            if item.id == item_id:
                del items[index]
                return True
            if cut(item.children):
                return True
        return False

    cut(plan.items)


def change_child(plan: Plan, rng: random.Random, changes: Changes) -> Recorded:
    """Apply random changes to a freshly drafted ``plan`` and record them."""
    record = Recorded()
    editor = Editor(plan)
    pool = _untouched(plan)
    with_targets = [i for i in pool if i.indicators]
    plain = [i for i in pool if not i.indicators]
    rng.shuffle(with_targets)
    rng.shuffle(plain)
    for weaker, count, into in ((True, changes.weakened, record.weakened),
                                (False, changes.raised, record.raised)):
        done = 0
        while done < count and with_targets:
            item = with_targets.pop()
            indicator = rng.choice(item.indicators)
            value = _other_value(indicator, weaker)
            if value is None:
                continue
            before = item.text
            editor.apply(SetIndicator(item.id, indicator.id, value))
            if not weaker and item.text == before:
                # The figure could not be restated in the text: a reader would see no change,
                # so neither should the record. (A lowered target is weakened either way.)
                editor.undo()
                continue
            changed = next(i for i in item.indicators if i.id == indicator.id)
            into[indicator.id] = _figure(changed)
            record.target_items[indicator.id] = item.origin[0]
            done += 1
    for _ in range(min(changes.adapted, len(plain))):
        item = plain.pop()
        editor.apply(AdaptText(item.id, item.text.rstrip(" .;") + LOCAL_CLAUSE + "."))
        record.adapted.add(item.origin[0])
    for _ in range(min(changes.dropped, len(plain))):
        item = plain.pop()
        reason = rng.choice(REASONS)
        editor.apply(Drop(item.id, reason))
        record.dropped[item.origin[0]] = reason
    for _ in range(min(changes.missing, len(plain))):
        item = plain.pop()
        _remove(plan, item.id)
        record.missing.add(item.origin[0])
    return record


def generate(
    template: str, profiles: list[str], count: int, seed: int, changes: Changes | None = None
) -> list[tuple[str, Plan, Recorded]]:
    """``count`` children of ``template`` (a library key or .toml path), the profiles taken
    in turn, each drafted once per profile and then changed with its own seeded random
    choices. Returns (name, plan, what was changed) for each."""
    import datetime as dt

    from planwriter.drafting import new_plan

    drafts = {p: new_plan(template, p, date=dt.date(2025, 6, 1)) for p in profiles}
    rng = random.Random(seed)
    out: list[tuple[str, Plan, Recorded]] = []
    for index in range(count):
        profile = profiles[index % len(profiles)]
        plan = copy.deepcopy(drafts[profile])
        record = change_child(plan, random.Random(rng.random()), changes or Changes())
        name = f"{profile.rsplit('/', 1)[-1]}-{index + 1:03d}"
        out.append((name, plan, record))
    return out


def write_children(folder: Path, children: list[tuple[str, Plan, Recorded]]) -> list[Path]:
    """Each child as a plan file in ``folder`` (created), named after it."""
    from planwriter.fsutil import atomic_write_text
    from planwriter.planfile import dumps

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, plan, _ in children:
        path = folder / f"{name}.toml"
        atomic_write_text(path, dumps(plan))
        paths.append(path)
    return paths


def enlarged(parent: Plan, size: int) -> Plan:
    """A parent of at least ``size`` items: ``parent``'s top-level sections repeated, each
    copy's ids and indicator ids suffixed and its text marked with the copy's number (so no
    two items read the same)."""
    items: list[Item] = []
    total, copy_number = 0, 0
    while total < size:
        copy_number += 1
        for top in parent.items:
            item = copy.deepcopy(top)
            total += _renumber(item, copy_number)
            items.append(item)
            if total >= size:
                break
    return Plan(meta=copy.deepcopy(parent.meta), items=items)


def _renumber(item: Item, number: int) -> int:
    item.id = f"{item.id}-{number}"
    if item.text:
        item.text = f"{item.text} (đợt {number})"
    else:
        item.title = f"{item.title} (đợt {number})"
    for indicator in item.indicators:
        indicator.id = f"{indicator.id}-{number}"
    return 1 + sum(_renumber(child, number) for child in item.children)
