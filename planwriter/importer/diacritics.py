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
# Words, and the punctuation that ends a phrase: a run does not go on across a full stop in
# one text that the other does not have ("… chiến lược. Có …" is not "… chiến lược cơ …").
_TOKEN = re.compile(r"\w+|[.,;:!?()]")
_BREAK = "¶"  # between the parent's paragraphs, and at the input's blank lines


@dataclass
class Restored:
    """A line whose diacritics were restored: where, as read and as restored."""

    where: str
    before: str
    after: str
    words: int  # how many of its words changed


class _Parent:
    """The parent's words and punctuation, folded, indexed by their first three and by pairs."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.spellings: list[str] = []
        for text in texts:
            self.spellings += [m.group() for m in _TOKEN.finditer(_nfc(text))] + [_BREAK]
        self.keys = [fold(word) for word in self.spellings]
        self.forms: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
        for key, word in zip(self.keys, self.spellings, strict=True):
            self.forms.setdefault(key, set()).add(_form(word))
        self.runs: dict[tuple[str, ...], list[int]] = {}
        self.pairs: dict[tuple[str, str], list[int]] = {}
        for at in range(len(self.keys) - 1):
            self.runs.setdefault(tuple(self.keys[at : at + MIN_RUN]), []).append(at)
            self.pairs.setdefault((self.keys[at], self.keys[at + 1]), []).append(at)

    def longest_run(self, child: list[str], at: int) -> tuple[int, list[int]]:
        """The longest run of the parent equal to the child's tokens from ``at``, and every
        place in the parent it occurs at that length."""
        best, starts = 0, []
        keys = self.keys
        for start in self.runs.get(tuple(child[at : at + MIN_RUN]), [])[:_CANDIDATES]:
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

    def spells_beside(self, pair: tuple[str, str], which: int, spelled: set[str]) -> bool:
        """Whether wherever the parent has the folded ``pair``, its word ``which`` (0 or 1)
        is spelled as ``spelled`` says."""
        found = self.pairs.get(pair, [])
        theirs = {_form(self.spellings[at + which]) for at in found}
        return bool(found) and theirs == {_form(word) for word in spelled}


def restore_lines(lines: list[Line], parent: Sequence[str]) -> list[Restored]:
    """Restore ``lines`` in place from the ``parent`` text; the lines changed."""
    source = _Parent(parent)
    spots: list[tuple[int, re.Match[str] | None]] = []
    for number, line in enumerate(lines):
        if not line.text.strip():
            spots.append((number, None))
        spots += [(number, m) for m in _TOKEN.finditer(line.text)]
    child = [fold(m.group()) if m else _BREAK for _, m in spots]
    chosen: dict[int, set[str]] = {}  # the parent's spellings for a word of the input
    at = 0
    while at < len(child):
        length, starts = source.longest_run(child, at)
        if sum(_is_word(key) for key in child[at : at + length]) < MIN_RUN:
            at += 1
            continue
        for offset in range(length):
            here = at + offset
            if not _is_word(child[here]):
                continue
            spelled = {source.spellings[start + offset] for start in starts}
            if offset in (0, length - 1) and len(source.forms[child[here]]) > 1:
                if not _edge_holds(source, child, here, starts, offset, length, spelled):
                    continue
            chosen.setdefault(here, set()).update(spelled)
        # Runs overlap by two words, so a word at one run's edge is inside the next one.
        at += max(1, length - 2)
    new: dict[int, str] = {}
    for position, spelled in chosen.items():
        match = spots[position][1]
        if match is None or len({_form(word) for word in spelled}) != 1:
            continue  # the parent spells it two ways in this very context
        candidate = respell(match.group(), spelled.pop())
        if candidate != match.group():
            new[position] = candidate
    return _apply(lines, spots, new)


def _edge_holds(
    source: _Parent,
    child: list[str],
    here: int,
    starts: list[int],
    offset: int,
    length: int,
    spelled: set[str],
) -> bool:
    """Whether a word at a run's edge, which the parent spells more than one way, may take
    the run's spelling. It may begin the parent's next phrase ("công bố" / "Bộ Khoa học"), so
    only where both texts end the phrase there, or where the parent spells the word so beside
    the child's next word outside the run too."""
    step = -1 if offset == 0 else 1
    outside = here + step
    side = offset + step  # the same place, counted from a run's start in the parent
    if all(_bounded(child, outside) and _bounded(source.keys, s + side) for s in starts):
        return True
    if not 0 <= outside < len(child) or not _is_word(child[outside]):
        return False
    if step < 0:
        return source.spells_beside((child[outside], child[here]), 1, spelled)
    return source.spells_beside((child[here], child[outside]), 0, spelled)


def _is_word(key: str) -> bool:
    return key[:1].isalnum() or key[:1] == "_"


def _bounded(keys: list[str], at: int) -> bool:
    return at < 0 or at >= len(keys) or not _is_word(keys[at])


def _form(word: str) -> tuple[str, tuple[str, ...]]:
    """A word without regard to case or where its tone mark sits (hoà = Hòa)."""
    return fold(word), tuple(_marks(word.lower()))


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
    lines: list[Line], spots: list[tuple[int, re.Match[str] | None]], new: dict[int, str]
) -> list[Restored]:
    changed: dict[int, list[tuple[re.Match[str], str]]] = {}
    for position, spelled in new.items():
        number, match = spots[position]
        assert match is not None  # only words are respelled
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
