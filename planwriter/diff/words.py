"""Word-level changes within an aligned pair: Vietnamese syllables, numbers with their
percent sign and punctuation are the tokens, so "45%" → "100%" is one replacement."""

from __future__ import annotations

from difflib import SequenceMatcher

from planwriter.diff.model import WordOp
from planwriter.text import tokens


def word_diff(old: str, new: str) -> list[WordOp]:
    """The steps that turn ``old`` into ``new``; joining ``old`` of every step gives
    ``old`` back, joining ``new`` gives ``new``."""
    if old == new:
        return [WordOp("equal", old, new)] if old else []
    a, b = tokens(old), tokens(new)
    # autojunk off: in a long item the common syllables ("của", "và") are not junk.
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    raw: list[WordOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        raw.append(WordOp(tag, "".join(a[i1:i2]), "".join(b[j1:j2])))
    return _absorb_spaces(raw)


def _absorb_spaces(ops: list[WordOp]) -> list[WordOp]:
    """Fold a run of white space (or one short connective) that sits between two changes
    into them, so "a b c" → "x y z" reads as one replacement, not three."""
    out: list[WordOp] = []
    for index, op in enumerate(ops):
        between = 0 < index < len(ops) - 1 and ops[index - 1].op != "equal" and ops[index + 1].op != "equal"
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
