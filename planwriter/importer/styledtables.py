"""Tables of a .docx planwriter exported, read back by their paragraph styles: the task table
of an appendix (a header row naming the register's columns, group rows "Plan Table Group"
with a section's label and title, task rows with STT, task, lead agency, partners, deadline
and output) and any other table (``Kind.TABLE``: its "Plan Table Heading" rows are the
header, the rest its body rows).

A group row's label says where its section sits: a label of a kind already open ("2." while
"1." is open) is a sibling of that section, one of a new kind ("1." under "I.") a child, and
the row the export repeats for a section whose tasks go on after a subsection reopens it.
"""

from __future__ import annotations

from itertools import groupby

from planwriter import docstyles
from planwriter.importer.source import Line
from planwriter.importer.structure import TreeBuilder, listed_item
from planwriter.model import Item, Kind, split_partners

# The task table's header (export/appendix.py COLUMNS; not imported: import stays apart
# from export, and a renamed column there must show up as a failing round-trip test here).
TASK_COLUMNS = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                "Thời gian hoàn thành", "Sản phẩm"]
HEADING = "Plan Table Heading"
GROUP = "Plan Table Group"


Row = tuple[str, list[list[str]], list[Line]]  # first paragraph's style, columns, lines


def _rows(lines: list[Line]) -> list[Row]:
    """Each row of a table: its first paragraph's style, by column its paragraphs, and its
    lines. A row ends with its last cell that holds text, as in any other .docx import."""
    out = []
    for _, group in groupby(lines, key=lambda line: line.cell):
        row = list(group)
        width = max(line.col for line in row) + 1
        columns: list[list[str]] = [[] for _ in range(width)]
        for line in row:
            if line.text.strip():
                columns[line.col].append(line.text.strip())
        out.append((row[0].style, columns, row))
    return out


def _group_title(row: list[Line], title: str) -> tuple[str, str]:
    """A group row's title and text: a section with both is written as its title, then its
    text in a run that is not bold (export/appendix.py)."""
    line = next((line for line in row if line.col == 1), None)
    if line is None or len(line.runs) < 2 or line.runs[0][1] is False:
        return title, ""
    rest = next((i for i, (_, bold) in enumerate(line.runs) if bold is False), None)
    if rest is None:
        return title, ""
    head = "".join(text for text, _ in line.runs[:rest]).strip()
    tail = "".join(text for text, _ in line.runs[rest:])
    tail = tail[2:] if tail.startswith(": ") else tail
    return head, tail.strip()


def read_styled_table(lines: list[Line], builder: TreeBuilder) -> bool:
    """Place the table whose cells are ``lines`` (one table, in document order); return
    whether it was a task table."""
    rows = _rows(lines)
    if not rows:
        return False
    style, first, _ = rows[0]
    if style == HEADING and [" ".join(c) for c in first] == TASK_COLUMNS:
        _task_table(rows[1:], builder)
        return True
    header = [[" ".join(c) for c in cells] for style, cells, _ in rows if style == HEADING]
    body = [[" ".join(c) for c in cells] for style, cells, _ in rows if style != HEADING]
    builder.add(Item(id="", kind=Kind.TABLE, header=header, rows=body), None)
    return False


def _task_table(rows: list[Row], builder: TreeBuilder) -> None:
    from planwriter.importer.body import style_of

    # label style, label + title, section: those the table's previous part left open too
    open_groups = builder.task_groups
    for style, cells, lines in rows:
        texts = [" ".join(c) for c in cells]
        if style == GROUP:
            label, title = texts[0], " ".join(texts[1:]).strip()
            kind = style_of(label)
            kinds = [k for k, _, _ in open_groups]
            depth = len(kinds) - 1 - kinds[::-1].index(kind) if kind in kinds else len(kinds)
            key = f"{label} {title}"
            if depth < len(open_groups) and open_groups[depth][1] == key:
                section = open_groups[depth][2]  # the section's tasks go on after a subsection
                builder.reopen(section)
            else:
                head, text = _group_title(lines, title)
                section = Item(id="", kind=Kind.SECTION, title=head, text=text)
                builder.add(section, depth)
            open_groups[depth:] = [(kind, key, section)]
            continue
        if style != docstyles.TABLE_TEXT:
            continue
        cells = cells + [[] for _ in range(6 - len(cells))]
        task_lines = cells[1]
        task = Item(
            id="",
            kind=Kind.TASK,
            text=task_lines[0] if task_lines else "",
            lead=" ".join(cells[2]),
            partners=split_partners(" ".join(cells[3])),
            deadline=" ".join(cells[4]),
            output=" ".join(cells[5]),
        )
        builder.add(task, None, bullet=0)
        for line in task_lines[1:]:  # what the task lists, "- " lines, "+ " under them
            level, child = listed_item(line)
            builder.add(child, None, bullet=level)
