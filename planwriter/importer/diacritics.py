"""Giving OCR text back the diacritics it lost ("Nghi quyet so 57-NQ/TW"), from the parent
document it follows, which says the same sentences properly.

Words are compared folded (no diacritics, đ → d, lower case). Where a run of at least
``MIN_RUN`` consecutive folded words of the input is also a run of the parent, each word of
the run takes the parent's spelling, keeping its own capitals. A lone word is never changed
("ban" may be bán, bạn, bàn or ban), nor a word the parent spells two ways in the same
context, nor one already written with the same marks (hoà and hòa are both right). Runs are
found anywhere in the parent, not in one monotonic alignment: a child plan takes the
parent's sentences in its own order. Every changed line is returned, before and after, for
the import report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from planwriter.importer.source import Line
from planwriter.model import Item, Plan
from planwriter.text import fold

MIN_RUN = 3
_CANDIDATES = 400  # places in the parent a run's first words may start at, looked at
_WORD = re.compile(r"\w+")


@dataclass
class Restored:
    """A line whose diacritics were restored: where, as read and as restored."""

    where: str
    before: str
    after: str
    words: int  # how many of its words changed


def restore_lines(lines: list[Line], parent: Sequence[str]) -> list[Restored]:
    """Restore ``lines`` in place from the ``parent`` text; the lines changed."""
    spellings = [m.group() for text in parent for m in _WORD.finditer(_nfc(text))]
    keys = [fold(word) for word in spellings]
    index: dict[tuple[str, ...], list[int]] = {}
    for at in range(len(keys) - MIN_RUN + 1):
        index.setdefault(tuple(keys[at : at + MIN_RUN]), []).append(at)
    spots = [
        (number, match) for number, line in enumerate(lines) for match in _WORD.finditer(line.text)
    ]
    child = [fold(match.group()) for _, match in spots]
    new: dict[int, str] = {}
    at = 0
    while at + MIN_RUN <= len(child):
        length, starts = _longest_run(child, at, keys, index)
        if not length:
            at += 1
            continue
        for offset in range(length):
            forms = {spellings[start + offset] for start in starts}
            word = spots[at + offset][1].group()
            if len(forms) == 1:  # the parent spells it one way here
                spelled = respell(word, forms.pop())
                if spelled != word:
                    new[at + offset] = spelled
        at += length
    return _apply(lines, spots, new)


def _longest_run(
    child: list[str], at: int, keys: list[str], index: dict[tuple[str, ...], list[int]]
) -> tuple[int, list[int]]:
    """The longest run of the parent equal to the child's words from ``at``, and every place
    in the parent it occurs at that length."""
    best, starts = 0, []
    for start in index.get(tuple(child[at : at + MIN_RUN]), [])[:_CANDIDATES]:
        length = MIN_RUN
        while (
            at + length < len(child)
            and start + length < len(keys)
            and child[at + length] == keys[start + length]
        ):
            length += 1
        if length > best:
            best, starts = length, [start]
        elif length == best:
            starts.append(start)
    return best, starts


def respell(word: str, parent: str) -> str:
    """``word`` spelled as ``parent`` (the same folded word), keeping ``word``'s capitals;
    ``word`` itself when it already carries the parent's marks, placed either way."""
    if word == parent or len(word) != len(parent):
        return word
    if _marks(word) and _marks(word) == _marks(parent):
        return word
    return "".join(
        p.upper() if c.isupper() else p.lower() for c, p in zip(word, parent, strict=True)
    )


def _marks(word: str) -> list[str]:
    """The diacritics of a word, wherever they sit (đ counts as one)."""
    decomposed = unicodedata.normalize("NFD", word)
    return sorted(c for c in decomposed if unicodedata.combining(c) or c in "đĐ")


def _apply(
    lines: list[Line], spots: list[tuple[int, re.Match[str]]], new: dict[int, str]
) -> list[Restored]:
    changed: dict[int, list[tuple[re.Match[str], str]]] = {}
    for position, spelled in new.items():
        number, match = spots[position]
        changed.setdefault(number, []).append((match, spelled))
    out: list[Restored] = []
    for number in sorted(changed):
        line = lines[number]
        text = line.text
        for match, spelled in sorted(changed[number], key=lambda pair: -pair[0].start()):
            text = text[: match.start()] + spelled + text[match.end() :]
        out.append(Restored(line.where, line.text, text, len(changed[number])))
        line.text = text
    return out


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def plan_text(plan: Plan) -> list[str]:
    """The text of a plan as a parent for ``restore_lines``: its header and every item."""
    meta = plan.meta
    out = [meta.superior_body, meta.issuing_body, meta.place, meta.summary, meta.type_name]
    out += [*meta.recipients, *meta.addressees, meta.signature.on_behalf, meta.signature.title]
    out.append(meta.signature.name)
    for item in plan.items:
        out.extend(_item_text(item))
    return [text for text in out if text]


def _item_text(item: Item) -> Iterator[str]:
    yield from (item.title, item.text, item.lead, *item.partners, item.deadline, item.output)
    yield item.attached
    for row in [*item.header, *item.rows]:
        yield from row
    for child in item.children:
        yield from _item_text(child)
