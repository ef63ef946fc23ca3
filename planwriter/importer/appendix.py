"""Appendices ("Phụ lục"). In any document: the "PHỤ LỤC …" titles after the signature, each
appendix's title, heading and "(Kèm theo …)" line (its body is built like the document's).
In a .docx planwriter exported: the task appendix ("PHỤ LỤC … NHIỆM VỤ CỤ THỂ"), a table of
group rows (the section the tasks sit in, by label and title) and task rows (STT, task, lead
agency, partners, deadline, output), whose tasks go back under their sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from planwriter import docstyles
from planwriter.importer.closing import is_recipients_heading
from planwriter.importer.source import Line
from planwriter.importer.structure import listed_item
from planwriter.model import Item, Kind, Plan, split_partners
from planwriter.numbering import labels
from planwriter.text import fold_chars


def find_appendix(lines: list[Line]) -> int | None:
    """Index of the appendix title, if the document has one."""
    for index, line in enumerate(lines):
        if line.style == docstyles.APPENDIX_TITLE:
            return index
    return None


def find_held_appendix(lines: list[Line]) -> int | None:
    """Index of the first title of an appendix the plan held, in a .docx planwriter
    exported ("Plan Appendix Heading")."""
    for index, line in enumerate(lines):
        if line.style == docstyles.APPENDIX_HEADING:
            return index
    return None


def split_held_appendices(lines: list[Line]) -> list[list[Line]]:
    """The lines of each appendix of a .docx planwriter exported: one starts at a "Plan
    Appendix Heading" paragraph (its title, "PHỤ LỤC I") that does not follow another one
    (the second is its heading)."""
    out: list[list[Line]] = []
    previous = ""
    for line in lines:
        if line.style == docstyles.APPENDIX_HEADING and previous != docstyles.APPENDIX_HEADING:
            out.append([line])
        elif out:
            out[-1].append(line)
        previous = line.style
    return out


def held_appendix_head(lines: list[Line]) -> AppendixHead:
    """The title, heading and "(Kèm theo …)" line an export writes at the start of an
    appendix, each in its style."""
    used = 1
    heading: list[str] = []
    attached: list[str] = []
    for style, into in ((docstyles.APPENDIX_HEADING, heading), (docstyles.ATTACHED, attached)):
        while used < len(lines) and lines[used].style == style and not lines[used].in_table:
            into.append(lines[used].text.strip())
            used += 1
    item = Item(
        id="",
        kind=Kind.APPENDIX,
        title=lines[0].text.strip(),
        text=" ".join(heading),
        attached=" ".join(attached),
    )
    return AppendixHead(item, used)


def read_appendix(lines: list[Line], plan: Plan) -> list[Line]:
    """Put the appendix's tasks under their sections in ``plan``; return the lines not used."""
    numbers = labels(plan)
    sections = {
        (numbers.get(item.id, ""), item.title or item.text): item
        for item, _, _ in plan.walk()
        if item.kind is Kind.SECTION
    }
    unused: list[Line] = []
    group: Item | None = None
    count = 0
    table_rows = [line for line in lines if line.in_table]
    for _, row in groupby(table_rows, key=lambda line: line.cell):
        cells = list(row)
        texts = [cell.text.strip() for cell in cells]
        style = cells[0].style
        columns: list[list[str]] = [[] for _ in range(max(cell.col for cell in cells) + 1)]
        for cell in cells:
            columns[cell.col].append(cell.text.strip())
        if style == docstyles.TABLE_TEXT and len(columns) == 6 and group is not None:
            # a task's cell: its text, then what it lists ("- ", and "+ " under those)
            task_lines = [text for text in columns[1] if text] or [""]
            lead, partners, deadline, output = (" ".join(c).strip() for c in columns[2:])
            count += 1
            task = Item(
                id=f"{group.id}-nv{count}",
                kind=Kind.TASK,
                text=task_lines[0],
                lead=lead,
                partners=split_partners(partners),
                deadline=deadline,
                output=output,
            )
            group.children.append(task)
            _listed(task, task_lines[1:])
        elif style == "Plan Table Group" and texts:
            label, _, title = (
                texts[0].partition(" ") if len(texts) == 1 else (texts[0], "", texts[1])
            )
            group, count = sections.get((label, title.strip())), 0
            if group is None:
                unused.extend(cells)
        elif style != "Plan Table Heading":
            unused.extend(cells)
    plan.meta.tasks_in_appendix = True
    return unused


def _listed(task: Item, lines: list[str]) -> None:
    """The bullets a task lists in its register cell: "- " under the task, "+ " under the
    "- " before it; one given a lead or a deadline comes back a task with its fields."""
    parent = task
    for line in lines:
        level, bullet = listed_item(line)
        under = level == 2 and parent is not task
        owner = parent if under else task
        bullet.id = f"{owner.id}-y{len(owner.children) + 1}"
        owner.children.append(bullet)
        if not under:
            parent = bullet


# --- appendices of any document ("PHỤ LỤC …" after the signature) ---------------------------

_TITLE = re.compile(r"^(phu luc|phu bieu)(\s+(so\s+)?(?:[ivxlc]+|\d+|[a-z])\b)?\.?\s*[:.\-–]?\s*")
_ATTACHED = re.compile(r"^\(?\s*(ban hanh\s+)?kem theo\b")


def is_appendix_title(text: str) -> bool:
    """ "PHỤ LỤC", "PHỤ LỤC I BẢNG PHÂN CÔNG …", "Phụ lục 02", "PHỤ BIỂU": the first line
    of an appendix (its label in capitals, or a short line)."""
    stripped = text.strip(" *_")
    found = _TITLE.match(fold_chars(stripped))
    if not found:
        return False
    head = stripped[: found.end(1)]
    return head.isupper() or len(stripped) <= 20


@dataclass
class AppendixHead:
    item: Item
    used: int  # lines of the appendix taken by its title, heading and "(Kèm theo …)" line


def appendix_head(lines: list[Line]) -> AppendixHead:
    """The title, heading and "(Kèm theo …)" line at the start of an appendix's lines."""
    first = lines[0].text.strip(" *_")
    found = _TITLE.match(fold_chars(first))
    assert found is not None
    title = first[: found.end(2) if found.group(2) else found.end(1)].strip()
    rest = first[found.end() :].strip()
    heading: list[str] = []
    attached = ""
    if rest:
        at = re.search(r"\((?:ban hành\s+)?kèm theo\b", rest, re.I)
        if at:
            rest, attached = rest[: at.start()].strip(), rest[at.start() :].strip()
        if rest:
            heading.append(rest)
    used = 1
    if not attached:
        # the heading runs to the "(Kèm theo …)" line when one comes within a few lines,
        # else it is the lines in capitals under the title
        ahead = [
            i
            for i, line in enumerate(lines[1:6], start=1)
            if _ATTACHED.match(fold_chars(line.text.strip(" *_")))
        ]
        if ahead:
            heading += [line.text.strip() for line in lines[1 : ahead[0]]]
            used = ahead[0]
            parts = [lines[used].text.strip(" *_")]
            used += 1
            while (
                "(" in parts[0][:2]
                and ")" not in " ".join(parts)
                and used < len(lines)
                and len(parts) < 4
            ):
                parts.append(lines[used].text.strip())
                used += 1
            attached = " ".join(parts)
        else:
            while used < len(lines) and _caps(lines[used].text) and not lines[used].in_table:
                heading.append(lines[used].text.strip())
                used += 1
    item = Item(id="", kind=Kind.APPENDIX, title=title, text=" ".join(heading), attached=attached)
    return AppendixHead(item, used)


def split_appendices(lines: list[Line]) -> list[list[Line]]:
    """The lines of each appendix, from one title to the next."""
    out: list[list[Line]] = []
    for line in lines:
        if is_appendix_title(line.text) and not line.in_table:
            out.append([line])
        elif out:
            out[-1].append(line)
    return out


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def first_appendix(content: list[Line], start: int) -> int | None:
    """Index of the first "PHỤ LỤC" title after the closing block begins."""
    closing = next(
        (i for i in range(start, len(content)) if is_recipients_heading(content[i].text)), None
    )
    if closing is None:
        return None
    for index in range(closing + 1, len(content)):
        if not content[index].in_table and is_appendix_title(content[index].text):
            return index
    return None


def prefix_ids(items: list[Item], stem: str) -> None:
    for item in items:
        old = item.id
        item.id = f"{stem}-{old}"
        for indicator in item.indicators:
            indicator.id = f"{stem}-{indicator.id}"
        prefix_ids(item.children, stem)
