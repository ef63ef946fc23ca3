"""Aligning a child plan's items with its parent's.

By origin ids where the child names them; otherwise by text with case and diacritics
folded: first identical folded text through a hash table, then, among the few items left,
similar words, with candidates drawn from an inverted index of each item's rarest words (so
the cost grows with the plan, not with its square), and last the parts of a split or a
merge (an item whose words are mostly inside an already aligned one)."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from planwriter.diff.model import Basis
from planwriter.model import Item, Kind, Plan
from planwriter.numbering import labels
from planwriter.render import item_line
from planwriter.text import fold, words

SIMILAR = 0.5  # Dice coefficient of word sets above which two items are the same item
# An item found under another section must be more alike: without the evidence of its place,
# a dropped item and an added one on the same subject would otherwise pair up as "moved".
SIMILAR_ELSEWHERE = 0.7
IN_PLACE = 0.25  # the same, for an item right after an aligned one, in the same place
CONTAINED = 0.75  # share of an item's words found in another for a split or merge part
NEW_WORDS = 0.3  # share of a part's words its container has and the container's pair lacks
RARE_WORDS = 8  # candidate generation looks up each item's rarest words only
MAX_POSTING = 256  # a word in more items than this says nothing about which item it is
MAX_CANDIDATES = 8  # only the items sharing most rare words are scored


@dataclass
class Side:
    """One plan's items in reading order with what alignment needs to know of them."""

    items: list[Item]
    under: list[str | None]
    text: list[str]
    dropped: list[bool]
    reasons: list[str]
    labels: list[str] = field(default_factory=list)  # derived numbering labels
    pos: dict[str, int] = field(default_factory=dict)
    _words: dict[int, frozenset[str]] = field(default_factory=dict)

    def words(self, index: int) -> frozenset[str]:
        found = self._words.get(index)
        if found is None:
            found = self._words[index] = frozenset(words(self.text[index]))
        return found


def side(plan: Plan, include_dropped: bool) -> Side:
    """Collect a plan's items; an item under a dropped item counts as dropped with its reason."""
    out = Side([], [], [], [], [])
    reason_of: dict[str, str] = {}
    numbers = labels(plan)
    for item, parent, _ in plan.walk(include_dropped=include_dropped):
        inherited = reason_of.get(parent.id) if parent is not None else None
        dropped = item.dropped or inherited is not None
        if dropped:
            reason_of[item.id] = item.reason if item.dropped else (inherited or "")
        out.pos[item.id] = len(out.items)
        out.items.append(item)
        out.under.append(parent.id if parent is not None else None)
        out.text.append(item_line(item, ""))
        out.dropped.append(dropped)
        out.reasons.append(reason_of.get(item.id, ""))
        out.labels.append(numbers.get(item.id, ""))
    return out


@dataclass
class Links:
    """Aligned (parent index, child index) pairs and why; ``gone`` holds parent items the
    child keeps only as a dropped record, with that record's index."""

    pairs: dict[tuple[int, int], Basis] = field(default_factory=dict)
    gone: dict[int, int] = field(default_factory=dict)
    by_parent: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_child: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, p: int, c: int, basis: Basis) -> None:
        if (p, c) not in self.pairs:
            self.pairs[(p, c)] = basis
            self.by_parent[p].append(c)
            self.by_child[c].append(p)


def align(parent: Side, child: Side) -> Links:
    """Every alignment between the two sides (see the module's docstring for the order)."""
    links = Links()
    for c, item in enumerate(child.items):
        for origin in item.origin:
            p = parent.pos.get(origin)
            if p is None:
                continue
            if child.dropped[c]:
                links.gone.setdefault(p, c)
            else:
                links.add(p, c, Basis.ORIGIN)
    free_c = [
        c
        for c in range(len(child.items))
        if not child.items[c].origin
        or (
            c not in links.by_child
            and not child.dropped[c]
            and not any(o in parent.pos for o in child.items[c].origin)
        )
    ]
    free_c = [c for c in free_c if not child.dropped[c]]
    free_p = [
        p for p in range(len(parent.items)) if p not in links.by_parent and p not in links.gone
    ]
    free_p, free_c = _exact(parent, child, free_p, free_c, links)
    if free_p and free_c:
        free_p, free_c = _similar(parent, child, free_p, free_c, links)
    if free_c or free_p:
        _parts(parent, child, free_p, free_c, links)
        _sandwiched_sections(parent, child, free_p, free_c, links)
    return links


def _sandwiched_sections(
    parent: Side, child: Side, free_p: list[int], free_c: list[int], links: Links
) -> None:
    """Leftovers in place: a section whose neighbours on both sides are aligned, at the same
    numbered place as the parent's section there ("2. Yêu cầu" against an OCR'd "2. Y&u ciu"),
    is that section with its heading reworded or garbled; an item right after an aligned one
    that shares a quarter of its words with the parent's item there is that item, garbled."""
    open_p = {p for p in free_p if p not in links.by_parent}
    for c in free_c:
        before = links.by_child.get(c - 1)
        if c in links.by_child or not before or before[-1] + 1 not in open_p:
            continue
        p, item = before[-1] + 1, child.items[c]
        if item.kind is not parent.items[p].kind:
            continue
        if item.kind is Kind.SECTION:
            after = links.by_child.get(c + 1)
            ends = c + 1 == len(child.items) and p + 1 == len(parent.items)
            same = (parent.labels[p] == child.labels[c] != ""
                    and (ends or (after is not None and p + 1 in after)))
        else:  # garbled in place (OCR): a quarter of the words in common is enough here
            same = _dice(parent.words(p), child.words(c)) >= IN_PLACE
        if same:
            links.add(p, c, Basis.SIMILAR)
            open_p.discard(p)


def _exact(
    parent: Side, child: Side, free_p: list[int], free_c: list[int], links: Links
) -> tuple[list[int], list[int]]:
    # Identical text first (no folding needed: most items are), then folded text.
    for key in (str, fold):
        table: dict[str, list[int]] = defaultdict(list)
        for p in reversed(free_p):
            table[key(parent.text[p])].append(p)
        left_c = []
        for c in free_c:
            stack = table.get(key(child.text[c]))
            if stack:
                links.add(stack.pop(), c, Basis.EXACT)
            else:
                left_c.append(c)
        free_p, free_c = [p for p in free_p if p not in links.by_parent], left_c
    return free_p, free_c


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def _candidates(index: dict[str, list[int]], query: frozenset[str]) -> list[int]:
    """The items sharing most of the query's rarest words (at most MAX_CANDIDATES)."""
    postings = [found for found in map(index.get, query) if found is not None]
    postings.sort(key=len)
    hits: dict[int, int] = {}
    for found in postings[:RARE_WORDS]:
        if len(found) > MAX_POSTING:
            break
        for i in found:
            hits[i] = hits.get(i, 0) + 1
    if len(hits) <= MAX_CANDIDATES:
        return list(hits)
    return heapq.nlargest(MAX_CANDIDATES, hits, key=hits.__getitem__)


def _index(side_: Side, members: list[int]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i in members:
        for word in side_.words(i):
            index[word].append(i)
    return index


def _same_place(parent: Side, child: Side, p: int, c: int, links: Links) -> bool:
    """Whether the two items sit under items already aligned with each other."""
    p_under, c_under = parent.under[p], child.under[c]
    if p_under is None or c_under is None:
        return p_under is c_under
    return child.pos[c_under] in links.by_parent.get(parent.pos[p_under], ())


def _in_place(
    parent: Side, child: Side, free_p: list[int], free_c: list[int], links: Links
) -> tuple[list[int], list[int]]:
    """Most edits are in place: a child item between two aligned neighbours is first
    compared with the parent item between their counterparts, before any index lookup."""
    open_p = set(free_p)
    left_c = []
    for c in free_c:
        before = links.by_child.get(c - 1)
        p = before[-1] + 1 if before else None
        if p in open_p and _dice(parent.words(p), child.words(c)) >= SIMILAR:
            links.add(p, c, Basis.SIMILAR)
            open_p.discard(p)
        else:
            left_c.append(c)
    return [p for p in free_p if p in open_p], left_c


def _similar(
    parent: Side, child: Side, free_p: list[int], free_c: list[int], links: Links
) -> tuple[list[int], list[int]]:
    free_p, free_c = _in_place(parent, child, free_p, free_c, links)
    index = _index(parent, free_p)
    scored: list[tuple[float, int, int]] = []
    for c in free_c:
        cw = child.words(c)
        for p in _candidates(index, cw):
            score = _dice(parent.words(p), cw)
            if score >= (SIMILAR if _same_place(parent, child, p, c, links) else SIMILAR_ELSEWHERE):
                scored.append((score, p, c))
    # Best first; ties go to the nearest position, so repeated boilerplate pairs in order.
    scored.sort(key=lambda t: (-t[0], abs(t[1] - t[2]), t[1]))
    used_p: set[int] = set()
    used_c: set[int] = set()
    for _, p, c in scored:
        if p not in used_p and c not in used_c:
            used_p.add(p)
            used_c.add(c)
            links.add(p, c, Basis.SIMILAR)
    return [p for p in free_p if p not in used_p], [c for c in free_c if c not in used_c]


def _contained(part: frozenset[str], whole: frozenset[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _parts(parent: Side, child: Side, free_p: list[int], free_c: list[int], links: Links) -> None:
    """A child item left over whose words lie inside a parent item is a part of a split; a
    parent item left over whose words lie inside a child item was merged into it."""
    similar = [pc for pc, basis in links.pairs.items() if basis is Basis.SIMILAR]
    if free_c:
        pool = sorted({p for p, _ in similar} | set(free_p))
        index = _index(parent, pool)
        for c in free_c:
            best = _best_container(
                child.words(c),
                index,
                parent,
                lambda p: [child.words(x) for x in links.by_parent.get(p, [])],
            )
            if best is not None:
                links.add(best, c, Basis.SIMILAR)
    if free_p:
        pool = sorted({c for _, c in similar} | {c for c in free_c if c in links.by_child})
        index = _index(child, pool)
        for p in free_p:
            if p in links.by_parent:
                continue
            best = _best_container(
                parent.words(p),
                index,
                child,
                lambda c: [parent.words(x) for x in links.by_child.get(c, [])],
            )
            if best is not None:
                links.add(p, best, Basis.SIMILAR)


def _best_container(
    part: frozenset[str],
    index: dict[str, list[int]],
    other: Side,
    partners: Callable[[int], list[frozenset[str]]],
) -> int | None:
    """The item that holds most of ``part``'s words, provided ``part`` also brings words the
    container has and its aligned partners lack (else it is a repeat, not a part)."""
    if len(part) < 3:
        return None
    best, best_score = None, CONTAINED
    for candidate in sorted(_candidates(index, part)):
        whole = other.words(candidate)
        score = _contained(part, whole)
        if score < best_score:
            continue
        missing = whole.difference(*partners(candidate))
        if len(part & missing) >= NEW_WORDS * len(part):
            best, best_score = candidate, score
    return best
