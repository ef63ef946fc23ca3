"""The review on the terminal (rich): one line per child with its coverage and counts, the
parent items most often dropped or weakened, and the children that could not be reviewed."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from planwriter.review.disposition import (
    STATUS_NAMES,
    VERDICT_NAMES,
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


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def title_line(review: Review) -> str:
    parent = review.parent_symbol or review.parent_name
    line = f"Rà soát {len(review.children)} kế hoạch thực hiện {parent}"
    if review.parent_title:
        line += f" — {review.parent_title}"
    return line


def children_table(review: Review) -> Table:
    table = Table(title="Từng kế hoạch", title_justify="left", show_lines=False)
    table.add_column("Kế hoạch", overflow="fold")
    table.add_column("Đơn vị", overflow="fold")
    table.add_column("Bao phủ", justify="right")
    for verdict in ITEM_VERDICTS:
        table.add_column(VERDICT_NAMES[verdict], justify="right", style=STYLES[verdict])
    table.add_column("Hạ CT", justify="right", style="yellow")
    for child in review.children:
        if child.status is not ChildStatus.REVIEWED:
            table.add_row(
                child.name,
                child.unit,
                Text(STATUS_NAMES[child.status], style="bold red"),
                *[""] * (len(ITEM_VERDICTS) + 1),
            )
            continue
        table.add_row(
            child.name,
            child.unit,
            percent(child.coverage),
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
        table.add_row(
            row.label,
            row.text,
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
    console.print(children_table(review))
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
