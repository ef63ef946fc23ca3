"""The selected item's details: the parent's text (read-only) and its properties."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from planwriter.model import Item

DISPOSITION_NAMES = {"adopted": "giữ nguyên như cấp trên",
                     "localized": "≈ địa phương hóa: chỉ đổi từ ngữ theo đơn vị, chưa sửa gì khác",
                     "adapted": "đã sửa cho phù hợp",
                     "dropped": "đã bỏ", "added": "thêm mới ở cấp này"}


def parent_text(item: Item, source: Item | None, has_parent: bool) -> RenderableType:
    """What the parent document says for this item, or why there is nothing to show."""
    if source is not None:
        return Text(source.content())
    if not has_parent:
        return Text("(Kế hoạch không có văn bản cấp trên.)", style="italic")
    if item.origin:
        return Text(f"(Không tìm thấy mục “{item.origin[0]}” trong văn bản cấp trên.)",
                    style="italic")
    return Text("(Mục thêm mới, văn bản cấp trên không có.)", style="italic")


def properties(item: Item, source: Item | None,
               localized: tuple[int, int] | None = None) -> RenderableType:
    """Disposition (a localized item's place among them: "3/12"), targets beside the
    parent's, lead, partners, deadline, output (changed ones marked against the parent)."""
    parts: list[RenderableType] = []
    status = DISPOSITION_NAMES.get(item.disposition.value if item.disposition else "", "")
    line = Text()
    line.append("Trạng thái: ", style="bold")
    line.append(status or "—")
    if item.dropped and item.reason:
        line.append(f" (lý do: {item.reason})")
    if localized is not None:
        line.append(f" — {localized[0]}/{localized[1]}, l: mục sau", style="italic")
    parts.append(line)
    if item.indicators:
        theirs = {i.id: i for i in source.indicators} if source else {}
        table = Table("Chỉ tiêu", "Cấp trên", "Kế hoạch", box=None, expand=True,
                      padding=(0, 1), header_style="bold")
        for ind in item.indicators:
            parent = theirs.get(ind.id)
            table.add_row(ind.name, f"{parent.comparator} {parent.figure()}" if parent else "—",
                          f"{ind.comparator} {ind.figure()}")
        parts.append(table)
    partners = "; ".join(source.partners) if source else None
    fields = [("Chủ trì", item.lead, source.lead if source else None),
              ("Phối hợp", "; ".join(item.partners), partners),
              ("Thời hạn", item.deadline, source.deadline if source else None),
              ("Sản phẩm", item.output, source.output if source else None)]
    task = item.kind.value == "task"
    for name, value, theirs in fields:
        if value or (task and name in ("Chủ trì", "Thời hạn")):
            row = Text()
            row.append(f"{name}: ", style="bold")
            row.append(value or "(chưa có — t: điền)", style="" if value else "italic")
            if theirs is not None and theirs != value and (value or theirs):
                row.append(f"  (cấp trên: {theirs or '—'})", style="dim")
            parts.append(row)
    return Group(*parts)
