"""Word-level changes within an aligned pair: Vietnamese syllables, numbers with their
percent sign and punctuation are the tokens, so "45%" → "100%" is one replacement."""

from __future__ import annotations

from difflib import SequenceMatcher

from planwriter.diff.model import WordOp
from planwriter.text import tokens

REWRITTEN = 0.4  # below this share of unchanged text, an item counts as rewritten
KEPT_DIFFS = 20_000  # word diffs kept per process (then forgotten all at once)

_diffs: dict[tuple[str, str], tuple[WordOp, ...]] = {}


def word_diff(old: str, new: str) -> list[WordOp]:
    """The steps that turn ``old`` into ``new``; joining ``old`` of every step gives
    ``old`` back, joining ``new`` gives ``new``. Kept once found: the children of one
    profile reviewed against one parent change the same items the same way (its
    vocabulary), and the matcher is most of a comparison's time."""
    key = (old, new)
    found = _diffs.get(key)
    if found is None:
        if len(_diffs) >= KEPT_DIFFS:
            _diffs.clear()
        found = _diffs[key] = tuple(_word_diff(old, new))
    return list(found)


def _word_diff(old: str, new: str) -> list[WordOp]:
    if old == new:
        return [WordOp("equal", old, new)] if old else []
    a, b = tokens(old), tokens(new)
    # The common head and tail are most of an edited item: keep them out of the matcher,
    # whose cost grows with the square of what it is given.
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    raw: list[WordOp] = []
    if head:
        raw.append(WordOp("equal", "".join(a[:head]), "".join(b[:head])))
    # autojunk off: in a long item the common syllables ("của", "và") are not junk.
    mid_a, mid_b = a[head : len(a) - tail], b[head : len(b) - tail]
    matcher = SequenceMatcher(None, mid_a, mid_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        raw.append(WordOp(tag, "".join(mid_a[i1:i2]), "".join(mid_b[j1:j2])))
    if tail:
        raw.append(WordOp("equal", "".join(a[len(a) - tail :]), "".join(b[len(b) - tail :])))
    ops = _absorb_spaces(raw)
    # A rewritten item reads better as the old text then the new than as word soup.
    same = sum(len(op.old) for op in ops if op.op == "equal")
    if same < REWRITTEN * max(len(old), len(new)):
        return [WordOp("replace", old, new)] if old and new else _absorb_spaces(raw)
    return ops


def _absorb_spaces(ops: list[WordOp]) -> list[WordOp]:
    """Fold a run of white space (or one short connective) that sits between two changes
    into them, so "a b c" → "x y z" reads as one replacement, not three."""
    out: list[WordOp] = []
    for index, op in enumerate(ops):
        between = (
            0 < index < len(ops) - 1
            and ops[index - 1].op != "equal"
            and ops[index + 1].op != "equal"
        )
        if op.op == "equal" and between and not op.old.strip():
            _push(out, WordOp("replace", op.old, op.new))
        elif op.op == "equal":
            out.append(op)
        else:
            _push(out, op)
    return [_normalize(op) for op in out]


def _push(out: list[WordOp], op: WordOp) -> None:
    if out and out[-1].op != "equal":
        last = out.pop()
        out.append(WordOp("replace", last.old + op.old, last.new + op.new))
    else:
        out.append(op)


def _normalize(op: WordOp) -> WordOp:
    if op.op == "equal":
        return op
    if not op.old:
        return WordOp("insert", "", op.new)
    if not op.new:
        return WordOp("delete", op.old, "")
    return WordOp("replace", op.old, op.new)


def similarity(old: str, new: str) -> float:
    """How much of the two texts' tokens match, 0..1 (difflib's ratio on tokens)."""
    a, b = tokens(old), tokens(new)
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
