"""``compare(child, parent)``: align the two plans and describe every item's fate in the
child's reading order, with the parent's dropped items where they stood."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planwriter.collector import collector_paused
from planwriter.diff.align import Evidence, Links, Side, align, preorder, side
from planwriter.diff.kinds import classify
from planwriter.diff.model import (
    Basis,
    ChangeKind,
    ItemChange,
    Maybe,
    PlanDiff,
    Relation,
    Status,
    WordOp,
    summarize,
)
from planwriter.diff.words import word_diff
from planwriter.errors import PlanwriterError
from planwriter.indicators import indicator_rows
from planwriter.model import Kind, Level, Plan
from planwriter.numbering import labels
from planwriter.text import fold


@dataclass(frozen=True)
class Prepared:
    """A parent's side of every comparison, made once (``prepare``) and reused for each of
    its children: a review compares one parent with a hundred. Only caches grow in it."""

    plan: Plan
    side: Side
    places: dict[str, str]


def prepare(parent: Plan) -> Prepared:
    """The parent's items, numbering and places, for ``compare(…, prepared=…)``."""
    own = labels(parent)
    return Prepared(parent, side(parent, include_dropped=False, numbers=own), places(parent, own))


def compare(child: Plan, parent: Plan, prepared: Prepared | None = None) -> PlanDiff:
    """How ``child`` differs from ``parent``: alignment, word changes, indicators, counts.
    ``prepared``: ``prepare(parent)``, when the parent is compared with many children (the
    parent must not have changed since)."""
    # Comparing allocates many small objects and no cycles; letting the cyclic collector
    # rescan two 10,000-item plans meanwhile costs a fifth of the time for nothing.
    with collector_paused():
        if prepared is None or prepared.plan is not parent:
            prepared = prepare(parent)
        p_side = prepared.side
        own = labels(child)
        c_side = side(child, include_dropped=True, numbers=own)
        links = align(p_side, c_side)
        changes = _changes(
            p_side, c_side, links, prepared.places, places(child, own), child.meta.profile,
            parent.meta.level,
        )
        rows = list(indicator_rows(child, parent, _same_targets(p_side, c_side, links)))
    return PlanDiff(child, parent, changes, rows, summarize(changes, rows))


def _same_targets(ps: Side, cs: Side, links: Links) -> dict[str, str]:
    """For a child whose indicators carry ids of its own (an imported Word file), the targets
    of aligned items are the same targets: matched in order, by unit first."""
    known = {i.id for item in ps.items for i in item.indicators}
    out: dict[str, str] = {}
    for (p, c) in links.pairs:
        mine = [i for i in cs.items[c].indicators if i.id not in known]
        theirs = list(ps.items[p].indicators)
        for indicator in mine:
            match = next((t for t in theirs if fold(t.unit) == fold(indicator.unit)), None)
            if match is not None:
                out[indicator.id] = match.id
                theirs.remove(match)
    return out


def _changes(
    ps: Side,
    cs: Side,
    links: Links,
    p_labels: dict[str, str],
    c_labels: dict[str, str],
    child_meta_profile: str = "",
    parent_level: Level | None = None,
) -> list[ItemChange]:
    def pair(p: int, c: int, evidence: Evidence) -> ItemChange:
        pi, ci = ps.items[p], cs.items[c]
        takers, sources = links.by_parent[p], links.by_child[c]
        if len(takers) > 1:
            relation, group = Relation.SPLIT, [cs.items[x].id for x in takers if x != c]
        elif len(sources) > 1:
            relation, group = Relation.MERGE, [ps.items[x].id for x in sources if x != p]
        else:
            relation, group = Relation.ONE, []
        old, new = ps.text[p], cs.text[c]
        same = old == new
        if same:
            ops: list[WordOp] = []
            kinds, fields = classify(pi, ci, old, new, ops, localize)
        else:
            ops = word_diff(old, new)
            kinds, fields = classify(pi, ci, old, new, ops, localize, (ps.bag(p), cs.bag(c)))
        return ItemChange(
            Status.KEPT if not kinds else Status.ADAPTED,
            pi,
            ci,
            p_labels.get(pi.id, ""),
            c_labels.get(ci.id, ""),
            ps.under[p],
            cs.under[c],
            p,
            c,
            _moved(ps, cs, links, p, c),
            relation,
            evidence.basis,
            1.0 if same else 0.0,
            group,
            ops,
            localized=kinds == [ChangeKind.LOCALIZED],
            score=evidence.score,
            kinds=kinds,
            fields=fields,
        )

    maybe_of_child = {c: (p, score) for p, (c, score) in links.maybe.items()}

    def maybe(other: Side, hint: tuple[int, float] | None, places_: dict[str, str]) -> Maybe | None:
        if hint is None:
            return None
        item = other.items[hint[0]]
        return Maybe(item.id, places_.get(item.id, ""), hint[1])

    def dropped(p: int, record: int | None) -> ItemChange:
        pi = ps.items[p]
        hint = links.maybe.get(p) if record is None else None
        return ItemChange(
            Status.DROPPED,
            pi,
            cs.items[record] if record is not None else None,
            p_labels.get(pi.id, ""),
            "",
            ps.under[p],
            None,
            p,
            record,
            basis=Basis.ORIGIN if record is not None else Basis.NONE,
            reason=cs.reasons[record] if record is not None else "",
            maybe=maybe(cs, hint, c_labels),
        )

    localize = _localizer(child_meta_profile, parent_level)
    # Parent items nobody took, placed after the nearest earlier parent item that is aligned.
    orphans: dict[int | None, list[int]] = {}
    anchor: int | None = None
    for p in range(len(ps.items)):
        if p in links.by_parent:
            anchor = min(links.by_parent[p])
        elif p not in links.gone:
            orphans.setdefault(anchor, []).append(p)
    out = [dropped(p, None) for p in orphans.get(None, [])]
    for c in range(len(cs.items)):
        if cs.dropped[c]:
            out += [
                dropped(p, c)
                for p, rec in links.gone.items()
                if rec == c and p not in links.by_parent
            ]
        elif c in links.by_child:
            out += [pair(p, c, links.pairs[(p, c)]) for p in sorted(links.by_child[c])]
        else:
            ci = cs.items[c]
            out.append(
                ItemChange(
                    Status.ADDED, None, ci, "", c_labels.get(ci.id, ""), None, cs.under[c], None, c,
                    maybe=maybe(ps, maybe_of_child.get(c), p_labels),
                )
            )
        out += [dropped(p, None) for p in orphans.get(c, [])]
    for change in out:
        if change.status is Status.ADAPTED and change.words:
            change.similarity = _ratio(change)
    return out


_LOCALIZERS: dict[tuple[str, str, int, int, Level | None], Callable[[str], str] | None] = {}


def _localizer(profile_key: str, parent_level: Level | None = None) -> Callable[[str], str] | None:
    """The child's profile vocabulary (what ``planwriter new`` applied), if it can be found:
    an item changed only by it is localized, not adapted by hand. Kept per profile file as
    long as the file is unchanged: a review's hundred children share a few profiles, and
    reading one took a tenth of each child's comparison."""
    if not profile_key:
        return None
    from planwriter.library import profile_path

    try:
        path = profile_path(profile_key)
    except PlanwriterError:
        return None
    try:
        stat = path.stat()
    except OSError:
        return _load_localizer(profile_key, path, parent_level)
    key = (profile_key, str(path), stat.st_mtime_ns, stat.st_size, parent_level)
    if key not in _LOCALIZERS:
        if len(_LOCALIZERS) >= 32:
            _LOCALIZERS.clear()
        _LOCALIZERS[key] = _load_localizer(profile_key, path, parent_level)
    return _LOCALIZERS[key]


def _load_localizer(
    profile_key: str, path: Path, parent_level: Level | None
) -> Callable[[str], str] | None:
    """The profile's vocabulary, if ``planwriter new`` applies it to a parent at this level
    (``Profile.translates``): else a change of those words was the drafter's."""
    from planwriter.drafting.localize import Localizer
    from planwriter.profile import load_profile

    try:
        profile = load_profile(path, profile_key)
    except PlanwriterError:
        return None
    if not profile.translates(parent_level):
        return None
    return Localizer.for_profile(profile).localize


def places(plan: Plan, own: dict[str, str] | None = None) -> dict[str, str]:
    """Each shown item's place as a reader cites it: "II.2.1" for a section, "II.2.1, ý 2"
    for the second point under it ("ý 2.1" for the first point under that one), "phần mở
    đầu, ý 1" before the first section. Never an internal id. ``own``: the plan's
    ``labels`` when the caller has them already."""
    if own is None:
        own = labels(plan)
    out: dict[str, str] = {}
    counts: dict[str | None, int] = {}

    def section_path(parent_path: list[str], label: str) -> list[str]:
        label = label.rstrip(".)").strip()
        if not label:
            return parent_path
        if parent_path and label.startswith(parent_path[-1] + "."):
            return parent_path[:-1] + [label]
        return parent_path + [label]

    paths: dict[str | None, list[str]] = {None: []}
    points: dict[str, str] = {}  # a point's own number, for the points under it
    for item, parent in preorder(plan, include_dropped=False):
        key = parent.id if parent is not None else None
        base = paths.get(key, [])
        if item.kind is Kind.SECTION and own.get(item.id, "").rstrip(".)"):
            paths[item.id] = section_path(base, own[item.id])
            out[item.id] = ".".join(paths[item.id])
            continue
        paths[item.id] = base
        counts[key] = counts.get(key, 0) + 1
        number = f"{points[key]}.{counts[key]}" if key in points else str(counts[key])
        points[item.id] = number
        where = ".".join(base) if base else "phần mở đầu"
        out[item.id] = f"{where}, ý {number}"
    return out


def _moved(ps: Side, cs: Side, links: Links, p: int, c: int) -> bool:
    """Moved: the child item sits under something other than what its parent item's
    enclosing item became."""
    p_under, c_under = ps.under[p], cs.under[c]
    if p_under is None:
        return c_under is not None
    home = ps.pos[p_under]
    if home not in links.by_parent:
        return True
    return c_under is None or cs.pos[c_under] not in links.by_parent[home]


def _ratio(change: ItemChange) -> float:
    same = sum(len(op.old) for op in change.words if op.op == "equal")
    total = max(sum(len(op.old) for op in change.words), sum(len(op.new) for op in change.words), 1)
    return round(same / total, 3)
