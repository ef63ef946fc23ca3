"""Aligning a child plan's items with its parent's, claiming only what evidence shows.

Two items are one item when the child names the parent item as its origin, when their text
is the same once case and diacritics are folded, or when they share enough content words
(``evidence.FLOOR``, weighted by rarity). In that order: origins; identical text through a
hash table; then each child item right after an aligned one against the parent item at the
same place; then candidates from an inverted index of each item's rarest content words (so
the cost grows with the plan, not with its square); last the parts of a split or a merge,
each of which must hold most of its content inside the whole. Whatever is left is dropped
(parent) or added (child): no pair is made on position or numbering alone."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain

from planwriter.diff.evidence import (
    CONTAINED,
    FLOOR,
    FLOOR_KIND,
    GARBLED,
    GARBLED_ALONE,
    HINT,
    Weights,
    content_words,
    garbled,
    is_caps_heading,
)
from planwriter.diff.model import Basis
from planwriter.model import Disposition, Item, Kind, Plan
from planwriter.numbering import labels
from planwriter.text import fold

PLACE_PASSES = 4  # passes of in-place alignment after the index one
SHORT_HEADING = 8  # a section of at most this many words is a heading, not a sentence
NEW_WORDS = 0.3  # share of a part's content its container has and the container's pair lacks
MIN_PART = 10  # a part with fewer content words than this is too short to place in a whole
RARE_WORDS = 16  # candidate generation looks up each item's rarest words only
MAX_POSTING = 256  # a word in more items than this says nothing about which item it is
MAX_CANDIDATES = 16  # only the items sharing most rare words are scored


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why two items are one: the basis and the content score (0..1) it rests on."""

    basis: Basis
    score: float


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
    caps: list[bool] = field(default_factory=list)  # a heading (in capitals, or short)
    subject: frozenset[str] = frozenset()  # the content words of the plan's summary
    _bags: dict[int, frozenset[str]] = field(default_factory=dict)
    _folded: dict[int, str] = field(default_factory=dict)

    def bag(self, index: int) -> frozenset[str]:
        """The item's content words, found when first asked for: most items are aligned
        by their identical text before anyone asks."""
        found = self._bags.get(index)
        if found is None:
            found = self._bags[index] = content_words(self.text[index])
        return found

    words = bag

    def folded(self, index: int) -> str:
        """The item's text folded (case and diacritics), kept: a parent side prepared once
        is compared with many children."""
        found = self._folded.get(index)
        if found is None:
            found = self._folded[index] = fold(self.text[index])
        return found


def side(plan: Plan, include_dropped: bool, numbers: dict[str, str] | None = None) -> Side:
    """Collect a plan's items; an item under a dropped item counts as dropped with its reason.
    ``numbers``: the plan's ``labels`` when the caller has them already."""
    out = Side([], [], [], [], [], subject=content_words(plan.meta.one_line(plan.meta.summary)))
    reason_of: dict[str, str] = {}
    if numbers is None:
        numbers = labels(plan)
    # One pass over every item of both plans: the lists and lookups are held in locals.
    pos, items, under, texts = out.pos, out.items, out.under, out.text
    caps, dropped_, reasons, own_labels = out.caps, out.dropped, out.reasons, out.labels
    number_of, section, gone = numbers.get, Kind.SECTION, Disposition.DROPPED
    for item, parent in preorder(plan, include_dropped):
        item_id = item.id
        inherited = reason_of.get(parent.id) if parent is not None else None
        own = item.disposition is gone
        dropped = own or inherited is not None
        if dropped:
            reason_of[item_id] = item.reason if own else (inherited or "")
        pos[item_id] = len(items)
        items.append(item)
        under.append(parent.id if parent is not None else None)
        text = item.content()
        texts.append(text)
        caps.append(
            is_caps_heading(text) or (item.kind is section and len(text.split()) <= SHORT_HEADING)
        )
        dropped_.append(dropped)
        reasons.append(reason_of[item_id] if dropped else "")
        own_labels.append(number_of(item_id, ""))
    return out


def preorder(plan: Plan, include_dropped: bool) -> list[tuple[Item, Item | None]]:
    """``plan.walk`` without the depth, as a list (the diff goes over it several times)."""
    return [(item, parent) for item, parent, _ in plan.walk(include_dropped)]


_SAME_TEXT = Evidence(Basis.TEXT, 1.0)


@dataclass
class Links:
    """Aligned (parent index, child index) pairs and their evidence; ``gone`` holds parent
    items the child keeps only as a dropped record, with that record's index."""

    pairs: dict[tuple[int, int], Evidence] = field(default_factory=dict)
    gone: dict[int, int] = field(default_factory=dict)
    by_parent: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_child: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    # A parent item left over → the child item left over it may be, and their score (below
    # what a pair needs): not a pair, told to the reviewer (``_maybe``).
    maybe: dict[int, tuple[int, float]] = field(default_factory=dict)

    def add(self, p: int, c: int, basis: Basis, score: float) -> None:
        if (p, c) not in self.pairs:
            same = basis is Basis.TEXT and score == 1.0  # most pairs: one shared record
            self.pairs[(p, c)] = _SAME_TEXT if same else Evidence(basis, score)
            self.by_parent[p].append(c)
            self.by_child[c].append(p)


@dataclass
class Aligner:
    parent: Side
    child: Side
    weights: Weights
    links: Links = field(default_factory=Links)

    def score(self, p: int, c: int) -> float:
        return self.weights.dice(self.parent.bag(p), self.child.bag(c))

    def floor(self, p: int, c: int) -> float:
        """A heading against a sentence needs more: "MỤC ĐÍCH, YÊU CẦU" is not "Giới thiệu về
        mục đích, yêu cầu của hội nghị", nor "Hội nghị hiệp thương lần thứ hai" the sentence
        on that conference's members, though every word of the heading is there."""
        return FLOOR if self.parent.caps[p] is self.child.caps[c] else FLOOR_KIND


def align(parent: Side, child: Side) -> Links:
    """Every alignment between the two sides (see the module's docstring for the order)."""
    links = Links()
    free_p, free_c = _by_origin_and_text(parent, child, links)
    run = Aligner(parent, child, weights(parent, child, free_p, free_c), links)
    for (p, c), evidence in list(links.pairs.items()):
        if evidence.basis is Basis.ORIGIN:  # the content score, for the reader's information
            same = parent.text[p] == child.text[c]
            links.pairs[(p, c)] = Evidence(Basis.ORIGIN, 1.0 if same else run.score(p, c))
    if free_p and free_c:
        free_p, free_c = _in_place(run, free_p, free_c)
        free_p, free_c = _similar(run, free_p, free_c)
        for _ in range(PLACE_PASSES):  # a run of garbled items is taken from both ends
            before = len(free_c)
            free_p, free_c = _in_place(run, free_p, free_c)
            if len(free_c) == before:
                break
    if free_c or free_p:
        _parts(run, free_p, free_c)
    _maybe(run)
    return links


def weights(parent: Side, child: Side, free_p: list[int], free_c: list[int]) -> Weights:
    """How rare each content word is among the items still to be told apart (those the
    origins and identical texts left), and the plans' subject."""
    return Weights(
        [parent.bag(p) for p in free_p],
        [child.bag(c) for c in free_c],
        subject=parent.subject | child.subject,
    )


def scorer(parent: Side, child: Side) -> Aligner:
    """The content score the alignment uses for these two plans (``Aligner.score``)."""
    links = Links()
    free_p, free_c = _by_origin_and_text(parent, child, links)
    return Aligner(parent, child, weights(parent, child, free_p, free_c), links)


def _by_origin_and_text(parent: Side, child: Side, links: Links) -> tuple[list[int], list[int]]:
    """Origins, then identical folded texts; the items left on each side."""
    for c, item in enumerate(child.items):
        for origin in item.origin:
            p = parent.pos.get(origin)
            if p is None:
                continue
            if child.dropped[c]:
                links.gone.setdefault(p, c)
            else:
                links.add(p, c, Basis.ORIGIN, 0.0)  # scored below, once the weights are known
    free_c = [
        c
        for c in range(len(child.items))
        if not child.dropped[c]
        and c not in links.by_child
        and not (child.items[c].origin and any(o in parent.pos for o in child.items[c].origin))
    ]
    free_p = [
        p for p in range(len(parent.items)) if p not in links.by_parent and p not in links.gone
    ]
    return _exact(parent, child, links, free_p, free_c)


def _exact(
    parent: Side, child: Side, links: Links, free_p: list[int], free_c: list[int]
) -> tuple[list[int], list[int]]:
    # Identical text first (no folding needed: most items are), then folded text.
    for key_p, key_c in ((parent.text.__getitem__, child.text.__getitem__),
                         (parent.folded, child.folded)):
        table: dict[str, list[int]] = defaultdict(list)
        for p in reversed(free_p):
            table[key_p(p)].append(p)
        left_c = []
        for c in free_c:
            stack = table.get(key_c(c))
            if stack:
                links.add(stack.pop(), c, Basis.TEXT, 1.0)
            else:
                left_c.append(c)
        free_p, free_c = [p for p in free_p if p not in links.by_parent], left_c
    return free_p, free_c


def _in_place(run: Aligner, free_p: list[int], free_c: list[int]) -> tuple[list[int], list[int]]:
    """Most edits are in place: a child item right after (or before) an aligned one is
    compared with the parent item next to that one's counterpart. Its place is support, not
    proof: the pair must still share content above the floor."""
    links, open_p = run.links, set(free_p)
    left_c = []
    for c in free_c:
        found: tuple[int, float, Basis] | None = None
        for near, step in ((c - 1, 1), (c + 1, -1)):
            partners = links.by_child.get(near)
            if not partners:
                continue
            p = (partners[-1] if step > 0 else partners[0]) + step
            if p in open_p and run.parent.items[p].kind is run.child.items[c].kind:
                score = run.score(p, c)
                if score >= run.floor(p, c):
                    found = (p, score, Basis.PLACE)
                    break
                same = garbled(run.parent.text[p], run.child.text[c], at_least=GARBLED)
                if same >= GARBLED_ALONE or (same >= GARBLED and _sandwiched(links, p, c)):
                    found = (p, same, Basis.GARBLED)
                    break
        if found is None:
            left_c.append(c)
            continue
        links.add(found[0], c, found[2], found[1])
        open_p.discard(found[0])
    return [p for p in free_p if p in open_p], left_c


def _sandwiched(links: Links, p: int, c: int) -> bool:
    """Whether the items before and after ``c`` are aligned with those around ``p``."""
    return (p - 1) in links.by_child.get(c - 1, ()) and (p + 1) in links.by_child.get(c + 1, ())


def _candidates(index: dict[str, list[int]], query: frozenset[str]) -> list[int]:
    """The items sharing most of the query's rarest words (at most MAX_CANDIDATES)."""
    postings = [found for found in map(index.get, query) if found is not None]
    postings.sort(key=len)
    rare = postings[:RARE_WORDS]
    for n, found in enumerate(rare):
        if len(found) > MAX_POSTING:
            del rare[n:]
            break
    hits = Counter(chain.from_iterable(rare))  # counted in C, in the order first met
    if len(hits) <= MAX_CANDIDATES:
        return list(hits)
    return heapq.nlargest(MAX_CANDIDATES, hits, key=hits.__getitem__)


def _index(side_: Side, members: list[int]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i in members:
        for word in side_.bag(i):
            index[word].append(i)
    return index


def same_place(parent: Side, child: Side, p: int, c: int, links: Links) -> bool:
    """Whether the two items sit under items already aligned with each other."""
    p_under, c_under = parent.under[p], child.under[c]
    if p_under is None or c_under is None:
        return p_under is c_under
    return child.pos[c_under] in links.by_parent.get(parent.pos[p_under], ())


def _similar(run: Aligner, free_p: list[int], free_c: list[int]) -> tuple[list[int], list[int]]:
    parent, child, links = run.parent, run.child, run.links
    index = _index(parent, free_p)
    scored: list[tuple[float, int, int]] = []
    for c in free_c:
        for p in _candidates(index, child.bag(c)):
            score = run.score(p, c)
            if score >= run.floor(p, c):
                scored.append((score, p, c))
    # Best first; ties go to the nearest position, so repeated boilerplate pairs in order.
    scored.sort(key=lambda t: (-t[0], abs(t[1] - t[2]), t[1]))
    used_p: set[int] = set()
    used_c: set[int] = set()
    for score, p, c in scored:
        if p not in used_p and c not in used_c:
            used_p.add(p)
            used_c.add(c)
            links.add(p, c, Basis.WORDS, score)
    return [p for p in free_p if p not in used_p], [c for c in free_c if c not in used_c]


def _parts(run: Aligner, free_p: list[int], free_c: list[int]) -> None:
    """A child item left over whose content lies inside a parent item is a part of a split;
    a parent item left over whose content lies inside a child item was merged into it."""
    parent, child, links = run.parent, run.child, run.links
    textual = [pc for pc, ev in links.pairs.items() if ev.basis in (Basis.WORDS, Basis.PLACE)]
    if free_c:
        # Only an item already aligned can be split: a part alone with a free item is a
        # one-to-one pair, and that needed the floor (which it did not reach).
        pool = sorted({p for p, _ in textual})
        index = _index(parent, pool)
        for c in free_c:
            best = _best_container(
                run, child.bag(c), child.items[c].kind, index, parent,
                lambda p: [child.bag(x) for x in links.by_parent.get(p, [])],
            )
            if best is not None:
                links.add(best[0], c, Basis.WORDS, best[1])
    if free_p:
        pool = sorted({c for _, c in textual})
        index = _index(child, pool)
        for p in free_p:
            if p in links.by_parent:
                continue
            best = _best_container(
                run, parent.bag(p), parent.items[p].kind, index, child,
                lambda c: [parent.bag(x) for x in links.by_child.get(c, [])],
            )
            if best is not None:
                links.add(p, best[0], Basis.WORDS, best[1])


def _maybe(run: Aligner) -> None:
    """A parent item and a child item that are both left over and share content above
    ``HINT``, each the other's best, a heading only with a heading: perhaps one item
    rewritten beyond what the floor accepts. Recorded in ``links.maybe``, never aligned."""
    parent, child, links = run.parent, run.child, run.links
    left_p = [p for p in range(len(parent.items))
              if p not in links.by_parent and p not in links.gone]
    left_c = [c for c in range(len(child.items))
              if not child.dropped[c] and c not in links.by_child]
    if not left_p or not left_c:
        return
    index = _index(parent, left_p)
    best_p: dict[int, tuple[int, float]] = {}
    best_c: dict[int, tuple[int, float]] = {}
    for c in left_c:
        for p in _candidates(index, child.bag(c)):
            if parent.caps[p] is not child.caps[c]:
                continue
            score = run.score(p, c)
            if score < HINT:
                continue
            if score > best_c.get(c, (-1, 0.0))[1]:
                best_c[c] = (p, score)
            if score > best_p.get(p, (-1, 0.0))[1]:
                best_p[p] = (c, score)
    for p, (c, score) in best_p.items():
        if best_c[c][0] == p:
            links.maybe[p] = (c, score)


def _best_container(
    run: Aligner,
    part: frozenset[str],
    kind: Kind,
    index: dict[str, list[int]],
    other: Side,
    partners: Callable[[int], list[frozenset[str]]],
) -> tuple[int, float] | None:
    """The item that holds most of ``part``'s content, provided ``part`` also brings content
    the container has and its aligned partners lack (else it is a repeat, not a part). A
    heading is never part of a sentence, nor a sentence of a heading."""
    if len(part) < MIN_PART:
        return None
    best: tuple[int, float] | None = None
    heading = kind is Kind.SECTION
    for candidate in sorted(_candidates(index, part)):
        if (other.items[candidate].kind is Kind.SECTION) is not heading:
            continue
        whole = other.bag(candidate)
        score = run.weights.contained(part, whole)
        if score < CONTAINED or (best is not None and score <= best[1]):
            continue
        missing = whole.difference(*partners(candidate))
        if run.weights.sum(part & missing) >= NEW_WORDS * run.weights.total(part):
            best = (candidate, score)
    return best
