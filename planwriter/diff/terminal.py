"""The comparison on the terminal (rich): the counts first, then every item, unified (one
line with deletions struck through and insertions underlined) or side by side."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from planwriter.bodies import body_name
from planwriter.diff.kinds import FIELD_NAMES
from planwriter.diff.model import (
    Basis,
    ChangeKind,
    ItemChange,
    PlanDiff,
    Relation,
    Status,
    Summary,
    WordOp,
    maybe_text,
    provenance_note,
)
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
KIND_NAMES = {
    ChangeKind.LOCALIZED: "chỉ địa phương hóa",
    ChangeKind.WORDING: "chỉ sửa câu chữ",
    ChangeKind.FIGURE: "số liệu, chỉ tiêu",
    ChangeKind.ASSIGNMENT: "phân công",
    ChangeKind.SUBSTANCE: "nội dung",
}
SHORT_KIND_NAMES = {
    ChangeKind.LOCALIZED: "chỉ địa phương hóa",
    ChangeKind.WORDING: "chỉ câu chữ",
    ChangeKind.FIGURE: "số liệu",
    ChangeKind.ASSIGNMENT: "phân công",
    ChangeKind.SUBSTANCE: "nội dung",
}
BASIS_NAMES = {
    Basis.ORIGIN: "nguồn gốc ghi trong kế hoạch",
    Basis.TEXT: "cùng câu chữ",
    Basis.WORDS: "từ ngữ chung",
    Basis.PLACE: "cùng vị trí, từ ngữ chung",
    Basis.GARBLED: "cùng vị trí, chữ gần giống (bản quét)",
    Basis.NONE: "không có",
}
DELETED = "red strike"
INSERTED = "green underline"


def summary_lines(s: Summary) -> tuple[str, str]:
    """ "Mục: giữ nguyên 12 · điều chỉnh 5 · …" and "Chỉ tiêu: nâng 2 · …" """
    items = (
        f"Mục: giữ nguyên {s.kept} · điều chỉnh {s.adapted} · bỏ {s.dropped} · "
        f"bổ sung {s.added} · di chuyển {s.moved}"
    )
    if s.split or s.merged:
        items += f" (tách {s.split} · gộp {s.merged})"
    if s.maybe:
        items += f" · {s.maybe} cặp bỏ/bổ sung có thể là một mục: xem lại"
    targets = (
        f"Chỉ tiêu: nâng {s.targets_raised} · giữ {s.targets_kept} · hạ {s.targets_lowered}"
        f" · bỏ {s.targets_dropped} · thêm {s.targets_added}"
    )
    return items, targets


def kind_line(s: Summary) -> str:
    """ "Điều chỉnh: nội dung 2 · số liệu 1 · phân công 1 · chỉ câu chữ 6 · chỉ địa phương
    hóa 10" — the drafter's own changes first, the vocabulary's last."""
    counts = [
        (ChangeKind.SUBSTANCE, s.substance),
        (ChangeKind.FIGURE, s.figure),
        (ChangeKind.ASSIGNMENT, s.assignment),
        (ChangeKind.WORDING, s.wording),
        (ChangeKind.LOCALIZED, s.localized),
    ]
    return "Điều chỉnh: " + " · ".join(f"{SHORT_KIND_NAMES[k]} {n}" for k, n in counts)


def evidence_text(change: ItemChange) -> str:
    """ "căn cứ: từ ngữ chung 0,52" — why two items are shown as one."""
    if change.parent is None or change.child is None or change.status is Status.DROPPED:
        return ""
    score = f" {change.score:.2f}".replace(".", ",")
    return f"căn cứ: {BASIS_NAMES[change.basis]}" + ("" if change.basis is Basis.ORIGIN else score)


def field_lines(change: ItemChange) -> list[str]:
    """ "Cơ quan chủ trì: Sở Nội vụ → UBND xã" for each task field that changed."""
    out = []
    for f in change.fields:
        name = FIELD_NAMES[f.name]
        out.append(f"{name[0].upper()}{name[1:]}: {f.old or '(không ghi)'} → {f.new or '(bỏ)'}")
    return out


def symbol(meta: Meta) -> str:
    """ "363-KH/HU", or "dự thảo" for a plan that has no number yet."""
    return meta.symbol() if meta.number else "dự thảo"


def heading(diff: PlanDiff) -> str:
    """ "So sánh kế hoạch 363-KH/HU (Huyện ủy Tam Đường) với chương trình hành động …" """

    def name(meta: Meta) -> str:
        kind = meta.type_name.lower()
        own = f"{kind} {meta.symbol()}" if meta.number else f"dự thảo {kind}"
        body = body_name(meta.issuing_body)
        return f"{own} ({body})" if body else own

    text = f"so sánh {name(diff.child.meta)} với {name(diff.parent.meta)}"
    return text[0].upper() + text[1:]


def status_text(change: ItemChange) -> str:
    """ "điều chỉnh, di chuyển, tách" — what happened to an item, in words."""
    parts = [STATUS_NAMES[change.status]]
    if change.kinds == [ChangeKind.LOCALIZED]:
        parts = [KIND_NAMES[ChangeKind.LOCALIZED]]
    elif change.status is Status.ADAPTED and change.kinds:
        parts[0] += " (" + ", ".join(KIND_NAMES[k] for k in change.kinds) + ")"
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
    if change.status is Status.ADAPTED and change.words:
        return marked(change.words, side, brackets)
    if change.status is Status.DROPPED and change.parent is not None:
        text = Text(item_line(change.parent, ""), style=DELETED if side != "new" else "dim")
        return text if side != "new" else Text("")
    if change.status is Status.ADDED and change.child is not None:
        return Text(item_line(change.child, ""), style=INSERTED) if side != "old" else Text("")
    item = change.child or change.parent
    return Text(item_line(item, "") if item is not None else "")


def shown(
    diff: PlanDiff, changed_only: bool = False, substantive_only: bool = False
) -> list[tuple[ItemChange, int]]:
    """The changes to show, each with how many dropped items under it are folded into it:
    a dropped section is one entry ("bỏ cả 5 mục con"), not one per bullet. With
    ``substantive_only``, changes of wording or localisation only are left out too."""
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
        if substantive_only and (change.minor or not change.changed):
            continue
        if change.changed or not changed_only:
            out.append((change, 0))
    return out


def note(change: ItemChange, folded: int = 0, evidence: bool = False) -> str:
    """The remark under an item: a dropped item's reason, a split or a merge, the task
    fields that changed, and with ``evidence`` why the pair is one."""
    lines = [line for line in (_note(change, folded),) if line] + field_lines(change)
    if evidence and evidence_text(change):
        lines.append(evidence_text(change)[0].upper() + evidence_text(change)[1:] + ".")
    return "\n".join(lines)


def _note(change: ItemChange, folded: int = 0) -> str:
    if change.status is Status.DROPPED:
        also = f" Bỏ cả {folded} mục con." if folded else ""
        why = f"Lý do: {change.reason}" if change.reason else "Không nêu lý do bỏ."
        return why + also + maybe_text(change)
    if change.status is Status.ADDED:
        return maybe_text(change).lstrip()
    if change.relation is Relation.SPLIT:
        return f"Một mục của văn bản cấp trên được tách thành {len(change.group) + 1} mục."
    if change.relation is Relation.MERGE:
        return f"{len(change.group) + 1} mục của văn bản cấp trên được gộp thành một mục."
    return ""


def render(
    diff: PlanDiff,
    console: Console,
    *,
    side_by_side: bool = False,
    changed_only: bool = False,
    substantive_only: bool = False,
    evidence: bool = False,
) -> None:
    """Print the whole comparison: heading (and what the parent is, if not the issued
    document), counts, indicator table, items."""
    console.print(Text(heading(diff), style="bold"))
    warning = provenance_note(diff.parent)
    if warning:
        console.print(Text(warning, style="bold red"))
    items, targets = summary_lines(diff.summary)
    console.print(items)
    console.print(kind_line(diff.summary))
    console.print(targets)
    console.print()
    render_indicators(diff, console, changed_only or substantive_only)
    changes = shown(diff, changed_only or substantive_only, substantive_only)
    if side_by_side:
        table = Table(show_lines=True, expand=True)
        table.add_column(symbol(diff.parent.meta), ratio=1)
        table.add_column(symbol(diff.child.meta), ratio=1)
        for change, folded in changes:
            head = Text(
                f"{where(change)} [{status_text(change)}]\n", style=STATUS_STYLES[change.status]
            )
            remark = note(change, folded, evidence)
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
        remark = note(change, folded, evidence)
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
