"""The review on the terminal (rich): one line per child with its coverage and counts, the
parent items most often dropped or weakened, and the children that could not be reviewed."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from planwriter.review.disposition import (
    STATUS_NAMES,
    ChildReview,
    ChildStatus,
    Verdict,
)
from planwriter.review.matrix import Review

ITEM_VERDICTS = (
    Verdict.KEPT, Verdict.LOCALIZED, Verdict.ADAPTED, Verdict.WEAKENED, Verdict.DROPPED,
    Verdict.MISSING,
)
STYLES = {
    Verdict.KEPT: "green",
    Verdict.LOCALIZED: "green",
    Verdict.ADAPTED: "cyan",
    Verdict.RAISED: "cyan",
    Verdict.WEAKENED: "yellow",
    Verdict.DROPPED: "red",
    Verdict.MISSING: "magenta",
}
SHOWN = 10  # parent items listed under "most often dropped or weakened"
HOTSPOT_TEXT = 90  # characters of a parent item's text in that list


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def title_line(review: Review) -> str:
    parent = review.parent_symbol or review.parent_name
    line = f"Rà soát {len(review.children)} kế hoạch thực hiện {parent}"
    if review.parent_title:
        line += f" — {review.parent_title}"
    return line


SHORT = {
    Verdict.KEPT: "giữ",
    Verdict.LOCALIZED: "đ.phg",
    Verdict.ADAPTED: "đ.ch",
    Verdict.WEAKENED: "hạ",
    Verdict.DROPPED: "bỏ",
    Verdict.MISSING: "thiếu",
}
LEGEND = (
    "Số mục: giữ nguyên · đ.phg = địa phương hóa · đ.ch = điều chỉnh · hạ = giữ mục nhưng "
    "hạ chỉ tiêu · bỏ (có lý do) · thiếu (không nêu lý do); CT hạ = số chỉ tiêu bị hạ hoặc bỏ"
)
WIDE = 110  # columns from which the unit's name gets its own column


def children_table(review: Review, width: int = 80) -> Table:
    table = Table(title="Từng kế hoạch (B.phủ: bao phủ)", title_justify="left", caption=LEGEND,
                  caption_justify="left", padding=(0, 0 if width < WIDE else 1))
    table.add_column("Kế hoạch", no_wrap=True, overflow="ellipsis", ratio=1, min_width=10)
    wide = width >= WIDE
    if wide:
        table.add_column("Đơn vị", overflow="fold", ratio=1)
    table.add_column("B.phủ", justify="right", no_wrap=True, min_width=5)
    for verdict in ITEM_VERDICTS:
        table.add_column(SHORT[verdict], justify="right", style=STYLES[verdict], no_wrap=True,
                         min_width=max(3, len(SHORT[verdict])))
    table.add_column("CT hạ", justify="right", style="yellow", no_wrap=True, min_width=5)
    for child in review.children:
        unit = [child.unit] if wide else []
        if child.status is not ChildStatus.REVIEWED:
            table.add_row(
                child.name, *unit, Text("—", style="bold red"),
                *[""] * len(ITEM_VERDICTS), "",
            )
            continue
        table.add_row(
            child.name, *unit, percent(child.coverage),
            *[str(child.count(v)) for v in ITEM_VERDICTS],
            str(len(child.weakened_targets())),
        )
    return table


def hotspots(review: Review) -> Table:
    table = Table(title="Mục của văn bản cấp trên bị bỏ, thiếu hoặc hạ chỉ tiêu nhiều nhất",
                  title_justify="left")
    table.add_column("Mục")
    table.add_column("Nội dung", overflow="fold", ratio=1)
    table.add_column("bỏ", justify="right", style="red")
    table.add_column("thiếu", justify="right", style="magenta")
    table.add_column("hạ CT", justify="right", style="yellow")
    found = review.most_often((Verdict.DROPPED, Verdict.MISSING, Verdict.WEAKENED), SHOWN)
    for row_id, _ in found:
        row = review.row(row_id)
        counts = review.row_counts(row_id)
        text = row.text if len(row.text) <= HOTSPOT_TEXT else row.text[: HOTSPOT_TEXT - 1] + "…"
        table.add_row(
            row.label,
            text,
            str(counts[Verdict.DROPPED]),
            str(counts[Verdict.MISSING]),
            str(counts[Verdict.WEAKENED]),
        )
    return table


def problem_line(child: ChildReview) -> Text:
    return Text(f"{child.name}: {STATUS_NAMES[child.status]} — {child.message}", style="red")


def render(review: Review, console: Console) -> None:
    console.print(Text(title_line(review), style="bold"))
    if review.parent_note:
        console.print(Text(f"Văn bản cấp trên: {review.parent_note}", style="yellow"))
    done = review.reviewed()
    console.print(
        f"{len(review.rows)} mục, {len(review.targets)} chỉ tiêu của văn bản cấp trên; "
        f"{len(done)} kế hoạch đã rà soát, bao phủ trung bình {percent(review.mean_coverage())}"
        " (tỷ lệ mục được giữ, địa phương hóa, điều chỉnh hoặc hạ chỉ tiêu)"
    )
    console.print(children_table(review, console.width))
    if done and review.most_often((Verdict.DROPPED, Verdict.MISSING, Verdict.WEAKENED), 1):
        console.print(hotspots(review))
    imported = [c for c in done if c.import_notes]
    for child in imported:
        console.print(
            Text(f"{child.name}: nhập chưa trọn — {'; '.join(child.import_notes)}", style="dim")
        )
    for child in done:
        if child.note:
            console.print(Text(f"{child.name}: {child.note}", style="yellow"))
    for child in review.not_reviewed():
        console.print(problem_line(child))
