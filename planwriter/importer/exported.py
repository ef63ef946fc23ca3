"""The appendices of a .docx planwriter exported, read back by their paragraph styles.

After the signature an export writes the generated task register ("Plan Appendix Title":
the body's tasks, which go back under their sections), then each appendix the plan holds
("Plan Appendix Heading" for its title and heading, "Plan Attached" for its "(Kèm theo …)"
line), its content in the body's styles and numbered afresh, its tasks in a task table
(``styledtables``). Each part is read only from its own lines: no task of an appendix goes
into the body, none of the register into an appendix.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planwriter.importer.appendix import (
    held_appendix_head,
    prefix_ids,
    read_appendix,
    split_held_appendices,
)
from planwriter.importer.body import Body, build
from planwriter.importer.paragraphs import Paragraph
from planwriter.importer.source import Line
from planwriter.model import Plan


@dataclass
class Exported:
    unused: list[Line] = field(default_factory=list)  # lines of the register not read
    bodies: list[tuple[str, Body]] = field(default_factory=list)  # each appendix's, by place


def read_exported(
    lines: list[Line],
    content: list[Line],
    register_at: int | None,
    held_at: int | None,
    plan: Plan,
) -> Exported:
    """Read the register starting at ``content[register_at]`` into ``plan``'s sections and
    append the appendices starting at ``content[held_at]`` to ``plan``. ``lines`` are all
    the lines, empty ones too (an empty cell keeps its column)."""
    out = Exported()
    starts = sorted(content[at].number for at in (register_at, held_at) if at is not None)

    def part(at: int, *, first: bool) -> list[Line]:
        begin = content[at].number
        stop = next((n for n in starts if n > begin), None)
        return [
            line
            for line in lines
            if (line.number >= begin if first else line.number > begin)
            and (stop is None or line.number < stop)
        ]

    if register_at is not None:
        out.unused = read_appendix(part(register_at, first=False), plan)
    if held_at is None:
        return out
    for number, chunk in enumerate(split_held_appendices(part(held_at, first=True)), start=1):
        head = held_appendix_head(chunk)
        appendix = head.item
        appendix.id = f"phu-luc-{number}"
        paragraphs = [
            Paragraph(line.text.strip(), [line.number], line)
            for line in chunk[head.used :]
            if line.text.strip()
        ]
        body = Body()
        build(body, paragraphs, styled=True, text_rows=False)
        appendix.children = body.items
        prefix_ids(appendix.children, f"pl{number}")
        plan.items.append(appendix)
        out.bodies.append((chunk[0].where, body))
    return out
