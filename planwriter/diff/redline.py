"""``--redline``: the whole child plan, exactly as ``export`` lays it out (header table,
title block, body, recipients and signature, page numbers), with its differences from the
parent as Word tracked changes. "Accept all" gives the exported child, "reject all" the
exported parent (tests check both, through LibreOffice too).

Both plans are exported with ``planwriter.export.build_document``; the redline is the
child's document with each paragraph retracked against its counterpart in the parent's:
body paragraphs by the diff's alignment (an adapted item is one paragraph with its deleted
and inserted words, a dropped item a deleted paragraph where it stood, an added item an
inserted one, a moved item deleted where it stood and inserted where it now is); the
paragraphs around the body (header cells, title, summary, closing block) by their place and
style; tables by their order, rows by their order. What the parent has and the child lacks
goes back as a tracked deletion right after what precedes it in the parent: a paragraph (a
decision's title, an appendix heading), a table row or a whole table (w:del on each row's
w:trPr and on each of its paragraphs, as Word marks a deleted row); what only the child has
is inserted (w:ins likewise). Runs keep their line breaks and tabs (a trích yếu's lines),
and the parent's styles the child lacks are copied in. ``Redline.missing`` counts parent
paragraphs that still find no place (a cell of a row the child has but not that cell)."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from planwriter import docstyles
from planwriter.diff.docxbase import save
from planwriter.diff.model import PlanDiff, Relation, Status
from planwriter.diff.tracked import Tracker, q
from planwriter.model import Item, Kind, Plan

BODY_STYLES = frozenset(
    {docstyles.heading(depth) for depth in range(9)}
    | set(docstyles.KIND_STYLES.values())
    | {docstyles.BULLET_2}
)


def _body_items(plan: Plan) -> list[str]:
    """The ids of the items export writes as body paragraphs, in order (as
    ``export.body.body_paragraphs`` visits them)."""
    skip_tasks = plan.meta.tasks_in_appendix and any(
        i.kind is Kind.TASK for i, _, _ in plan.walk(include_dropped=False)
    )
    out: list[str] = []

    def visit(items: list[Item]) -> None:
        for item in items:
            if item.dropped or (skip_tasks and item.kind is Kind.TASK):
                continue
            if item.kind in (Kind.SECTION, *docstyles.KIND_STYLES):
                out.append(item.id)
            visit(item.children)

    visit(plan.items)
    return out


@dataclass
class Exported:
    """One plan's exported document and where its paragraphs are."""

    document: Any
    body: dict[str, Any] = field(default_factory=dict)  # item id → its body paragraph
    others: list[tuple[str, Any]] = field(default_factory=list)  # (place key, paragraph)


def export(plan: Plan) -> Exported:
    from planwriter.export import build_document

    document = build_document(plan)
    names = {s.style_id: s.name for s in document.styles}
    root = document.element.body
    ids = _body_items(plan)
    body_ps = [
        p
        for p in root.iterchildren(q("p"))
        if names.get(_style(p)) in BODY_STYLES
    ]
    out = Exported(document)
    if len(body_ps) == len(ids):
        out.body = dict(zip(ids, body_ps, strict=True))
    # Otherwise an export this module does not know: those paragraphs are compared by place.
    mapped = {id(p) for p in out.body.values()}
    for key, p in _places(root):
        if id(p) not in mapped:
            out.others.append((f"{key}|{names.get(_style(p), '')}", p))
    return out


def _style(p: Any) -> str:
    style = p.find(f"{q('pPr')}/{q('pStyle')}")
    return style.get(q("val"), "") if style is not None else ""


def _places(root: Any) -> Iterator[tuple[str, Any]]:
    """Every paragraph with the key of its container: "body" or "t2.r0.c1"."""
    tables = 0
    for child in root.iterchildren():
        if child.tag == q("p"):
            yield "body", child
        elif child.tag == q("tbl"):
            for r, row in enumerate(child.iterchildren(q("tr"))):
                for c, cell in enumerate(row.iterchildren(q("tc"))):
                    for p in cell.iterchildren(q("p")):
                        yield f"t{tables}.r{r}.c{c}", p
            tables += 1


class Placed:
    """What each parent element became in the redline (its counterpart or deleted copy);
    keeps the parent's elements alive so that their ids stay theirs."""

    def __init__(self) -> None:
        self._map: dict[int, tuple[Any, Any]] = {}

    def __setitem__(self, old: Any, new: Any) -> None:
        self._map[id(old)] = (old, new)

    def __getitem__(self, old: Any) -> Any:
        return self._map[id(old)][1]

    def __contains__(self, old: Any) -> bool:
        return id(old) in self._map


@dataclass
class Redline:
    document: Any
    missing: int = 0  # parent paragraphs with no place in the child's layout


def build(diff: PlanDiff, date: dt.datetime | None = None) -> Redline:
    """The redline document (python-docx), built as the module docstring says."""
    tracker = Tracker(date)
    new, old = export(diff.child), export(diff.parent)
    _copy_styles(old.document, new.document)
    old_within, new_within = _within_body(old), _within_body(new)
    pairing = _table_pairs(old, new, set(old_within), set(new_within))
    placed = Placed()
    _body(diff, new, old, tracker, placed)
    for j, c_p in new_within.items():  # a table among the body paragraphs: the parent's
        for i, o_p in old_within.items():  # after the paragraph its predecessor became
            if o_p in placed and placed[o_p] is c_p:
                pairing[j] = i
    old.others = [(_rekey(key, pairing), p) for key, p in old.others]
    missing = _around(new, old, tracker, placed)
    _tables(new, old, tracker, placed, pairing)
    _put_back(new, old, tracker, placed)
    return Redline(new.document, missing)


def _copy_styles(source: Any, target: Any) -> None:
    """The parent's styles the child's document lacks (a deleted paragraph keeps its own)."""
    have = {s.style_id for s in target.styles}
    root = target.styles.element
    for style in source.styles.element.iterchildren(q("style")):
        if style.get(q("styleId")) not in have:
            root.append(copy.deepcopy(style))


def _body(
    diff: PlanDiff, new: Exported, old: Exported, tracker: Tracker, placed: Placed
) -> None:
    """Body paragraphs: the child's in its order, each pair retracked, the parent's deleted
    paragraphs put back where they stood in the parent's order. A pair that crosses other
    pairs (the child reordered items) cannot be one paragraph and still reject to the
    parent's order: it is shown as moved, deleted where it stood and inserted where it is."""
    pairs: list[tuple[int, Any, Any]] = []  # (parent position, old paragraph, new paragraph)
    sequence: list[tuple[Any, int | None]] = []  # child order: (paragraph, pair index or None)
    deleted: list[tuple[int, Any]] = []  # (parent position, parent paragraph)
    seen_split: set[str] = set()
    for change in diff.changes:
        o_p = old.body.get(change.parent.id) if change.parent is not None else None
        c_p = None
        if change.child is not None and change.status is not Status.DROPPED:
            c_p = new.body.get(change.child.id)
        pos = change.parent_pos if change.parent_pos is not None else -1
        later_part = change.relation is Relation.SPLIT and change.parent is not None and (
            change.parent.id in seen_split
        )
        if change.relation is Relation.SPLIT and change.parent is not None:
            seen_split.add(change.parent.id)
        if c_p is not None and any(p is c_p for p, _ in sequence):
            c_p = None  # a merge's later parent items: the child paragraph is placed
        if o_p is not None and (c_p is None or change.moved or later_part):
            if not later_part:
                deleted.append((pos, o_p))
            o_p = None
        if c_p is not None and o_p is not None:
            sequence.append((c_p, len(pairs)))
            pairs.append((pos, o_p, c_p))
        elif c_p is not None:
            sequence.append((c_p, None))
    keep = _increasing([pos for pos, _, _ in pairs])
    out: list[tuple[Any, int | None]] = []  # (element, parent position of an anchor)
    for c_p, index in sequence:
        if index is not None and index in keep:
            pos, o_p, _ = pairs[index]
            placed[o_p] = c_p
            out.append((tracker.retrack(o_p, c_p), pos))
            continue
        if index is not None:  # crossing: moved
            deleted.append((pairs[index][0], pairs[index][1]))
        out.append((tracker.as_inserted(c_p), None))
    for pos, o_p in sorted(deleted, key=lambda t: t[0]):
        at = 0
        for i, (_, anchor) in enumerate(out):
            if anchor is not None and anchor < pos:
                at = i + 1
            elif anchor is not None and anchor > pos:
                break
        # After the deleted paragraphs already put in that gap, in the parent's order.
        while at < len(out) and out[at][1] is None and _is_deleted(out[at][0]):
            at += 1
        gone = tracker.as_deleted(copy.deepcopy(o_p))
        placed[o_p] = gone
        out.insert(at, (gone, None))
    anchor_el = _anchor(new)
    body = new.document.element.body
    mine = {id(p) for p in new.body.values()}
    # A table among the body paragraphs (a Kind.TABLE item) stays after the one before it.
    tables = [
        (t, t.getprevious()) for t in body.iterchildren(q("tbl"))
        if t.getprevious() is not None and id(t.getprevious()) in mine
    ]
    for p in new.body.values():
        if p.getparent() is not None:
            p.getparent().remove(p)
    for p, _ in out:
        if anchor_el is not None:
            anchor_el.addprevious(p)
        else:
            body.append(p)
    for table, before in tables:
        if table is not anchor_el:
            before.addnext(table)


def _is_deleted(p: Any) -> bool:
    return p.find(f"{q('pPr')}/{q('rPr')}/{q('del')}") is not None


def _increasing(values: list[int]) -> set[int]:
    """Indexes of a longest strictly increasing subsequence of ``values`` (n log n)."""
    import bisect

    tails: list[int] = []  # values
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        at = bisect.bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[at] = value
            tail_index[at] = i
        previous[i] = tail_index[at - 1] if at else -1
    out: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        out.add(i)
        i = previous[i]
    return out


def _anchor(new: Exported) -> Any:
    """The element the body paragraphs go before: what follows the last of them."""
    if not new.body:
        return None
    last = list(new.body.values())[-1]
    following = last.getnext()
    while following is not None and id(following) in {id(p) for p in new.body.values()}:
        following = following.getnext()
    return following


def _around(new: Exported, old: Exported, tracker: Tracker, placed: Placed) -> int:
    """Header, title, summary and closing paragraphs: the same text at the same place and
    style first, then what is left by place and style. A parent paragraph outside any table
    or in a table row the child lacks is left for ``_put_back``."""
    missing = 0
    after: dict[int, Any] = {}
    rows = {_row(k) for k, _ in new.others}

    def pair(o_p: Any, c_p: Any) -> None:
        placed[o_p] = c_p
        tracker.retrack(o_p, c_p)

    def text(p: Any) -> str:
        return "".join(t.text or "" for t in p.iter(q("t")))

    def match(i0: int, i1: int, j0: int, j1: int, exact: bool) -> None:
        nonlocal missing
        a = [(k, text(p) if exact else "") for k, p in old.others[i0:i1]]
        b = [(k, text(p) if exact else "") for k, p in new.others[j0:j1]]
        for tag, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            a1, a2, b1, b2 = a1 + i0, a2 + i0, b1 + j0, b2 + j0
            if tag == "equal":
                for k in range(a2 - a1):
                    pair(old.others[a1 + k][1], new.others[b1 + k][1])
                continue
            if exact:
                match(a1, a2, b1, b2, exact=False)
                continue
            pairs = 0
            if tag == "replace":  # the same table cell, another style: still that paragraph
                # (outside tables a paragraph of another style is another paragraph: a
                # letter's "Kính gửi:" is not the decision's "Căn cứ …").
                while pairs < min(a2 - a1, b2 - b1) and _container(
                    old.others[a1 + pairs][0]
                ) == _container(new.others[b1 + pairs][0]) != "body":
                    pairs += 1
            for k in range(pairs):
                pair(old.others[a1 + k][1], new.others[b1 + k][1])
            for k in range(b1 + pairs, b2):
                tracker.as_inserted(new.others[k][1])
            for k in range(a1 + pairs, a2):
                key, p = old.others[k]
                if _container(key) == "body" or _row(key) not in rows:
                    continue  # put back by _put_back, with its row or table
                # A parent paragraph with no counterpart goes, deleted, after the child's
                # paragraph before it in the same container.
                host = next(
                    (new.others[m][1] for m in range(b1 + pairs - 1, -1, -1)
                     if _container(new.others[m][0]) == _container(key)),
                    None,
                )
                if host is None:
                    missing += 1
                    continue
                gone = tracker.as_deleted(copy.deepcopy(p))
                after.get(id(host), host).addnext(gone)  # after those put there before
                after[id(host)] = gone

    match(0, len(old.others), 0, len(new.others), exact=True)
    return missing


def _container(key: str) -> str:
    return key.split("|")[0]


def _row(key: str) -> str:
    """"t2.r3" of "t2.r3.c1|style"; "body" for a paragraph outside tables."""
    return ".".join(_container(key).split(".")[:2])


def _signature(table: Any) -> tuple[int, str]:
    """What kind of table: its number of columns and its first paragraph's style (the
    header table, a task table, a form, the closing table)."""
    row = table.find(q("tr"))
    cells = list(row.iterchildren(q("tc"))) if row is not None else []
    first = table.find(f".//{q('p')}")
    return len(cells), _style(first) if first is not None else ""


def _within_body(doc: Exported) -> dict[int, Any]:
    """Table index → the body paragraph just before it, for tables among the body's."""
    mine = {id(p) for p in doc.body.values()}
    out = {}
    for index, table in enumerate(doc.document.element.body.iterchildren(q("tbl"))):
        before = table.getprevious()
        if before is not None and id(before) in mine:
            out[index] = before
    return out


def _table_pairs(old: Exported, new: Exported, skip_old: set[int], skip_new: set[int]
                 ) -> dict[int, int]:
    """Child table index → the parent table it is, tables of the same kind in order
    (those among the body paragraphs, ``skip_*``, are paired by their predecessor)."""
    a = [(i, _signature(t)) for i, t in enumerate(old.document.element.body.iterchildren(
        q("tbl"))) if i not in skip_old]
    b = [(i, _signature(t)) for i, t in enumerate(new.document.element.body.iterchildren(
        q("tbl"))) if i not in skip_new]
    out: dict[int, int] = {}
    matcher = SequenceMatcher(None, [s for _, s in a], [s for _, s in b], autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            for k in range(min(a2 - a1, b2 - b1)):
                out[b[b1 + k][0]] = a[a1 + k][0]
    return out


def _rekey(key: str, pairing: dict[int, int]) -> str:
    """A parent paragraph's place key in the child's table numbering ("x3…" for a parent
    table the child has no counterpart of)."""
    if not key.startswith("t"):
        return key
    index, rest = key[1:].split(".", 1)
    mine = {v: k for k, v in pairing.items()}
    return f"t{mine[int(index)]}.{rest}" if int(index) in mine else f"x{index}.{rest}"


def _tables(
    new: Exported, old: Exported, tracker: Tracker, placed: Placed, pairing: dict[int, int]
) -> None:
    """Tables as ``_table_pairs`` pairs them, rows by their order; a row (or table) only
    the child has is inserted (w:ins on its row), a row only the parent has is put back
    deleted (w:del on its row, each paragraph deleted) after the row before it; a whole
    parent table is put back by ``_put_back``."""
    old_tables = list(old.document.element.body.iterchildren(q("tbl")))
    new_tables = list(new.document.element.body.iterchildren(q("tbl")))
    for index, table in enumerate(new_tables):
        parent = old_tables[pairing[index]] if index in pairing else None
        if parent is not None:
            placed[parent] = table
        old_rows = list(parent.iterchildren(q("tr"))) if parent is not None else []
        new_rows = list(table.iterchildren(q("tr")))
        for r, row in enumerate(new_rows):
            if r < len(old_rows):
                placed[old_rows[r]] = row
            else:
                _mark_row(row, tracker, "ins")
        for r in range(len(new_rows), len(old_rows)):
            gone = _deleted_row(old_rows[r], tracker)
            placed[old_rows[r - 1]].addnext(gone) if r else table.append(gone)
            placed[old_rows[r]] = gone


def _mark_row(row: Any, tracker: Tracker, kind: str) -> None:
    from lxml import etree  # type: ignore[import-untyped]

    trpr = row.find(q("trPr"))
    if trpr is None:
        trpr = etree.Element(q("trPr"))
        after = row.find(q("tblPrEx"))
        if after is not None:
            after.addnext(trpr)
        else:
            row.insert(0, trpr)
    trpr.append(tracker.mark(kind))


def _deleted_row(row: Any, tracker: Tracker) -> Any:
    gone = copy.deepcopy(row)
    _mark_row(gone, tracker, "del")
    for p in gone.iter(q("p")):
        tracker.as_deleted(p)
    return gone


def _put_back(new: Exported, old: Exported, tracker: Tracker, placed: Placed) -> None:
    """The parent's paragraphs and tables outside tables that have no place yet go back,
    deleted, right after what the element before them in the parent became (so that
    rejecting gives the parent's order), the first before the child's first element."""
    body = new.document.element.body
    previous: Any = None
    for element in old.document.element.body.iterchildren(q("p"), q("tbl")):
        if element not in placed:
            if element.tag == q("p"):
                gone = tracker.as_deleted(copy.deepcopy(element))
            else:
                gone = copy.deepcopy(element)
                for row in gone.iterchildren(q("tr")):
                    _mark_row(row, tracker, "del")
                    for p in row.iter(q("p")):
                        tracker.as_deleted(p)
            if previous is not None:
                previous.addnext(gone)
            else:
                first = next(body.iterchildren(q("p"), q("tbl")), None)
                if first is not None:
                    first.addprevious(gone)
                else:
                    body.insert(0, gone)
            placed[element] = gone
        previous = placed[element]


def write_redline(diff: PlanDiff, path: Path, date: dt.datetime | None = None) -> Path:
    """Write the redline .docx atomically; return its path."""
    return save(build(diff, date).document, path)
