"""What changed in an aligned pair, by kind: the profile's vocabulary only (localisation),
wording, a figure or target, a task's assignment (lead, partners, deadline, output — field
by field), or the substance. A reviewer reads the substantive kinds first; localisation and
wording change no commitment."""

from __future__ import annotations

import re
from collections.abc import Callable

from planwriter.diff.evidence import content_words
from planwriter.diff.model import ChangeKind, FieldChange, WordOp
from planwriter.model import Item
from planwriter.text import fold

# A change adding or removing more content syllables than this (names and cited acts not
# counted) changes what the item says: substance, not wording.
NEW_CONTENT = 4
# A figure: a number or percentage standing alone, not part of a cited act ("57-NQ/TW") or
# a date ("27/02/2025"), which are wording (a citation changed) rather than a target.
_FIGURE = re.compile(r"(?<![\w/.,-])\d+(?:[.,]\d+)*\s?%?(?![\w/-]|[.,]\d)")
FIELD_NAMES = {
    "lead": "cơ quan chủ trì",
    "partners": "cơ quan phối hợp",
    "deadline": "thời hạn",
    "output": "sản phẩm",
}


def _syllables(text: str) -> frozenset[str]:
    return _syllables_of(content_words(text))


def _syllables_of(words: frozenset[str]) -> frozenset[str]:
    return frozenset(word for word in words if " " not in word)


def field_changes(parent: Item, child: Item) -> list[FieldChange]:
    """The task fields that differ, compared with case and diacritics folded (so a retyped
    "UBND xã" is not a change), in the order lead, partners, deadline, output."""
    out: list[FieldChange] = []
    if (parent.lead, parent.partners, parent.deadline, parent.output) == (
        child.lead, child.partners, child.deadline, child.output
    ):
        return out  # most pairs: nothing to look at field by field
    for name in FIELD_NAMES:
        old, new = getattr(parent, name), getattr(child, name)
        if old == new:
            continue
        if isinstance(old, list):
            old, new = "; ".join(old), "; ".join(new)
        if fold(old) != fold(new):
            out.append(FieldChange(name, old, new))
    return out


def _figures(item: Item) -> list[tuple[str, float | None, str]]:
    return sorted((i.comparator, i.value, fold(i.unit)) for i in item.indicators)


def classify(
    parent: Item,
    child: Item,
    old: str,
    new: str,
    ops: list[WordOp],
    localize: Callable[[str], str] | None,
    content: tuple[frozenset[str], frozenset[str]] | None = None,
) -> tuple[list[ChangeKind], list[FieldChange]]:
    """The kinds of change from ``parent`` to ``child`` (texts ``old`` → ``new`` with their
    word diff ``ops``), and the task fields that changed."""
    kinds: list[ChangeKind] = []
    fields = field_changes(parent, child)
    if old != new:
        changed = [op for op in ops if op.op != "equal"]
        if localize is not None and (
            localize(old) == new or all(localize(op.old) == op.new for op in changed if op.old)
            and all(op.old for op in changed)
        ):
            kinds.append(ChangeKind.LOCALIZED)
        elif any(_FIGURE.findall(op.old) != _FIGURE.findall(op.new) for op in changed):
            kinds.append(ChangeKind.FIGURE)
        else:
            a, b = (
                (_syllables_of(content[0]), _syllables_of(content[1]))
                if content is not None
                else (_syllables(old), _syllables(new))
            )
            kinds.append(
                ChangeKind.WORDING if len(a ^ b) <= NEW_CONTENT else ChangeKind.SUBSTANCE
            )
    if (
        (parent.indicators or child.indicators)
        and ChangeKind.FIGURE not in kinds
        and _figures(parent) != _figures(child)
    ):
        kinds.append(ChangeKind.FIGURE)
    if fields:
        kinds.append(ChangeKind.ASSIGNMENT)
    return kinds, fields
