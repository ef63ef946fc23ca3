"""The comparison on the terminal (rich): the counts first, then every item, unified (one
line with deletions struck through and insertions underlined) or side by side."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from planwriter.diff.model import ItemChange, PlanDiff, Relation, Status, Summary, WordOp
from planwriter.indicators import Change
from planwriter.model import Meta
from planwriter.render import item_line

STATUS_NAMES = {
    Status.KEPT: "giữ nguyên",
    Status.ADAPTED: "điều chỉnh",
    Status.DROPPED: "bỏ",
    Status.ADDED: "bổ sung",
}
STATUS_STYLES = {
    Status.KEPT: "dim",
    Status.ADAPTED: "yellow",
    Status.DROPPED: "red",
    Status.ADDED: "green",
}
CHANGE_NAMES = {
    Change.RAISED: "nâng",
    Change.KEPT: "giữ",
    Change.LOWERED: "hạ",
    Change.DROPPED: "bỏ",
    Change.ADDED: "thêm",
}
DELETED = "red strike"
INSERTED = "green underline"


def summary_lines(s: Summary) -> tuple[str, str]:
    """ "Mục: giữ nguyên 12 · điều chỉnh 5 · …" and "Chỉ tiêu: nâng 2 · …" """
    items = (
        f"Mục: giữ nguyên {s.kept} · điều chỉnh {s.adapted} · bỏ {s.dropped} · "
        f"bổ sung {s.added} · di chuyển {s.moved}"
    )
    if s.localized:
        # Items changed only by the profile's vocabulary are not the drafter's own changes.
        items = items.replace(
            f"điều chỉnh {s.adapted}",
            f"điều chỉnh {s.adapted} (trong đó {s.localized} chỉ địa phương hóa)",
        )
    if s.split or s.merged:
        items += f" (tách {s.split} · gộp {s.merged})"
    targets = (
        f"Chỉ tiêu: nâng {s.targets_raised} · giữ {s.targets_kept} · hạ {s.targets_lowered}"
        f" · bỏ {s.targets_dropped} · thêm {s.targets_added}"
    )
    return items, targets


def symbol(meta: Meta) -> str:
    """ "363-KH/HU", or "dự thảo" for a plan that has no number yet."""
    return meta.symbol() if meta.number else "dự thảo"


def heading(diff: PlanDiff) -> str:
    """ "So sánh Kế hoạch 363-KH/HU (HUYỆN ỦY TAM ĐƯỜNG) với Chương trình hành động …" """

    def name(meta: Meta) -> str:
        kind = meta.type_name.lower()
        return f"{kind} {meta.symbol()}" if meta.number else f"dự thảo {kind}"

    child, parent = diff.child.meta, diff.parent.meta
    text = (
        f"so sánh {name(child)} ({child.issuing_body}) với {name(parent)} ({parent.issuing_body})"
    )
    return text[0].upper() + text[1:]


def status_text(change: ItemChange) -> str:
    """ "điều chỉnh, di chuyển, tách" — what happened to an item, in words."""
    parts = ["địa phương hóa" if change.localized else STATUS_NAMES[change.status]]
    if change.moved:
        parts.append("di chuyển")
    if change.relation is Relation.SPLIT:
        parts.append("tách")
    elif change.relation is Relation.MERGE:
        parts.append("gộp")
    return ", ".join(parts)


def where(change: ItemChange) -> str:
    """The item's place in both plans: "II. › 1. › - → II. › 2. › -"."""
    old = change.parent_label if change.parent is not None else ""
    new = (
        change.child_label
        if change.child is not None and change.status is not Status.DROPPED
        else ""
    )
    if old and new:
        return old if old == new else f"{old} → {new}"
    return old or new


def marked(ops: list[WordOp], side: str = "both", brackets: bool = False) -> Text:
    """The word changes as rich text: ``side`` "old" shows deletions only, "new" insertions.
    ``brackets`` adds git's [-deleted-]{+inserted+} marks for output without colour."""
    out = Text()
    for op in ops:
        if op.op == "equal":
            out.append(op.new)
            continue
        if op.old and side in ("both", "old"):
            out.append(f"[-{op.old}-]" if brackets else op.old, style=DELETED)
        if op.new and side in ("both", "new"):
            out.append(f"{{+{op.new}+}}" if brackets else op.new, style=INSERTED)
    return out


def _body(change: ItemChange, side: str, brackets: bool = False) -> Text:
    if change.status is Status.ADAPTED:
        return marked(change.words, side, brackets)
    if change.status is Status.DROPPED and change.parent is not None:
        text = Text(item_line(change.parent, ""), style=DELETED if side != "new" else "dim")
        return text if side != "new" else Text("")
    if change.status is Status.ADDED and change.child is not None:
        return Text(item_line(change.child, ""), style=INSERTED) if side != "old" else Text("")
    item = change.child or change.parent
    return Text(item_line(item, "") if item is not None else "")


def shown(diff: PlanDiff, changed_only: bool = False) -> list[tuple[ItemChange, int]]:
    """The changes to show, each with how many dropped items under it are folded into it:
    a dropped section is one entry ("bỏ cả 5 mục con"), not one per bullet."""
    out: list[tuple[ItemChange, int]] = []
    top: dict[str, int] = {}  # dropped parent item id → its entry in ``out``
    for change in diff.changes:
        if change.status is Status.DROPPED and change.parent is not None:
            at = top.get(change.parent_under or "")
            if at is not None:
                out[at] = (out[at][0], out[at][1] + 1)
                top[change.parent.id] = at
                continue
            top[change.parent.id] = len(out)
        if change.changed or not changed_only:
            out.append((change, 0))
    return out


def note(change: ItemChange, folded: int = 0) -> str:
    """The remark under an item: a dropped item's reason, a split or a merge."""
    if change.status is Status.DROPPED:
        also = f" Bỏ cả {folded} mục con." if folded else ""
        return (f"Lý do: {change.reason}" if change.reason else "Không nêu lý do bỏ.") + also
    if change.relation is Relation.SPLIT:
        return f"Một mục của văn bản cấp trên được tách thành {len(change.group) + 1} mục."
    if change.relation is Relation.MERGE:
        return f"{len(change.group) + 1} mục của văn bản cấp trên được gộp thành một mục."
    return ""


def render(
    diff: PlanDiff, console: Console, *, side_by_side: bool = False, changed_only: bool = False
) -> None:
    """Print the whole comparison: heading, counts, indicator table, items."""
    console.print(Text(heading(diff), style="bold"))
    for line in summary_lines(diff.summary):
        console.print(line)
    console.print()
    render_indicators(diff, console, changed_only)
    changes = shown(diff, changed_only)
    if side_by_side:
        table = Table(show_lines=True, expand=True)
        table.add_column(symbol(diff.parent.meta), ratio=1)
        table.add_column(symbol(diff.child.meta), ratio=1)
        for change, folded in changes:
            head = Text(
                f"{where(change)} [{status_text(change)}]\n", style=STATUS_STYLES[change.status]
            )
            remark = note(change, folded)
            left = head + _body(change, "old")
            right = _body(change, "new") + (
                Text(f"\n{remark}", style="italic") if remark else Text()
            )
            table.add_row(left, right)
        console.print(table)
        return
    # One Text printed once: rich's cost is per print call, and a large plan has thousands.
    out = Text()
    brackets = console.color_system is None
    for change, folded in changes:
        out.append(
            f"{where(change)} [{status_text(change)}]\n",
            style=STATUS_STYLES[change.status] + " bold",
        )
        out.append_text(_body(change, "both", brackets))
        remark = note(change, folded)
        if remark:
            out.append("\n" + remark, style="italic")
        out.append("\n\n")
    console.print(out, end="")


def render_indicators(diff: PlanDiff, console: Console, changed_only: bool = False) -> None:
    """The indicator table: every measured target, parent → child (only those not kept
    with ``changed_only``)."""
    rows = [r for r in diff.indicators if r.change is not Change.KEPT or not changed_only]
    if not rows:
        return
    table = Table(title="Chỉ tiêu", expand=True)
    table.add_column("Chỉ tiêu", ratio=3)
    table.add_column(symbol(diff.parent.meta), ratio=1)
    table.add_column(symbol(diff.child.meta), ratio=1)
    table.add_column("Thay đổi")
    for row in rows:
        ind = row.child or row.parent
        name = ind.name if ind is not None else row.indicator_id
        old = f"{row.parent.comparator} {row.parent.figure()}" if row.parent else "—"
        new = (
            f"{row.child.comparator} {row.child.figure()}"
            if row.child and row.change is not Change.DROPPED
            else "—"
        )
        style = {Change.RAISED: "green", Change.LOWERED: "red bold", Change.DROPPED: "red"}.get(
            row.change, ""
        )
        table.add_row(name, old, new, Text(CHANGE_NAMES[row.change], style=style))
    console.print(table)
    console.print()
