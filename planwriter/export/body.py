"""The body: one paragraph per item, built as XML and appended at a constant cost.

python-docx's ``Document.add_paragraph`` looks the style up and finds the end of the body
for every paragraph, so a long plan takes superlinear time. Here each paragraph is built
from prepared pieces (style ids resolved once, run properties copied from templates) and
inserted just before the body's final ``sectPr``, which lxml does in constant time.

Labels are plain text at the start of each paragraph; a bold run-in title is its own run;
every paragraph carries the named style of what it is (docstyles.py), so import reads the
tree back from the styles.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Iterator
from typing import Any

from planwriter import docstyles
from planwriter.export import styles as st
from planwriter.model import Item, Kind, Plan
from planwriter.numbering import labels
from planwriter.render import item_line

Segment = tuple[str, str | None]  # text and the run template's key (None: as the style says)


def body_paragraphs(plan: Plan, *, skip_tasks: bool) -> Iterator[tuple[str, list[Segment]]]:
    """(style name, segments) of every paragraph of the body, in document order."""
    numbers = labels(plan)

    def visit(items: list[Item], section_depth: int, bullet_depth: int
              ) -> Iterator[tuple[str, list[Segment]]]:
        for item in items:
            if item.dropped or (skip_tasks and item.kind is Kind.TASK):
                continue
            label = numbers[item.id]
            if item.kind is Kind.SECTION:
                yield docstyles.heading(section_depth), section_segments(item, label)
                yield from visit(item.children, section_depth + 1, 0)
                continue
            style = docstyles.KIND_STYLES[item.kind]
            if item.kind is Kind.BULLET and bullet_depth > 0:
                style = docstyles.BULLET_2
            yield style, item_segments(item, label)
            nested = bullet_depth if item.kind is Kind.PARAGRAPH else bullet_depth + 1
            yield from visit(item.children, section_depth, nested)

    yield from visit(plan.items, 0, 0)


def section_segments(item: Item, label: str) -> list[Segment]:
    """A heading: label and title as the heading style shows them; text running on after
    the title in regular type (the one run whose formatting differs from its paragraph)."""
    if not item.title:
        # A numbered sentence ("1. Các chi, đảng bộ cơ sở tổ chức quán triệt …") is body text
        # in regular type; only its label reads as the heading level's.
        return [(f"{label} ", None), (item.text, "plain")] if label else [(item.text, "plain")]
    head = f"{label} {item.title}".strip()
    if item.text:
        sep = " " if item.title.endswith((":", ".")) else ": "
        return [(head, None), (sep + item.text, "plain")]
    return [(head, None)]


def item_segments(item: Item, label: str) -> list[Segment]:
    """A paragraph, bullet, objective or task: its label, a bold run-in title if it has one,
    then its text (and a task's lead, partners, deadline and output as render.py reads)."""
    line = item_line(item, label)
    if not item.title:
        return [(line, None)]
    prefix = f"{label} " if label else ""
    rest = line[len(prefix) + len(item.title):]
    segments: list[Segment] = [(prefix, None)] if prefix else []
    return segments + [(item.title, "bold"), (rest, None)]


class BodyWriter:
    """Appends paragraphs to a document's body before its final section properties."""

    def __init__(self, document: Any, style_ids: dict[str, str]):
        body = document.element.body
        self._anchor = body.find(st.q("sectPr"))
        self._body = body
        self._style_ids = style_ids
        self._runs = {
            "bold": run_template(bold=True),
            "plain": run_template(bold=False, caps=False),
        }
        self._p, self._ppr, self._pstyle = st.q("p"), st.q("pPr"), st.q("pStyle")
        self._r, self._t, self._val = st.q("r"), st.q("t"), st.q("val")
        self._space = "{http://www.w3.org/XML/1998/namespace}space"
        from docx.oxml.parser import oxml_parser

        self._make = oxml_parser.makeelement
        self.last: Any = None  # the latest paragraph written

    def paragraph(self, style: str, segments: list[Segment]) -> Any:
        """Build one paragraph and insert it; return the element."""
        make = self._make
        p = make(self._p)
        ppr = make(self._ppr)
        p.append(ppr)
        pstyle = make(self._pstyle)
        pstyle.set(self._val, self._style_ids[style])
        ppr.append(pstyle)
        for text, run_key in segments:
            if not text:
                continue
            r = make(self._r)
            p.append(r)
            if run_key is not None:
                r.append(copy.copy(self._runs[run_key]))
            t = make(self._t)
            r.append(t)
            t.text = unicodedata.normalize("NFC", text)
            t.set(self._space, "preserve")
        if self._anchor is not None:
            self._anchor.addprevious(p)
        else:
            self._body.append(p)
        self.last = p
        return p

    def write_plan(self, plan: Plan, *, skip_tasks: bool) -> int:
        """Write the whole body; return the number of paragraphs."""
        count = 0
        for style, segments in body_paragraphs(plan, skip_tasks=skip_tasks):
            self.paragraph(style, segments)
            count += 1
        if self.last is not None:
            # The closing sentence goes with the signature block: a signature alone on a
            # page, with nothing of the text above it, is not signed-ready.
            self.last[0].append(self._make(st.q("keepNext")))
        return count


def run_template(*, bold: bool, caps: bool | None = None) -> Any:
    """<w:rPr> turning bold on or off (and capitals off) for one run."""
    rpr = st.make("rPr")
    for tag in ("b", "bCs"):
        st.sub(rpr, st.q(tag)).set(st.q("val"), "1" if bold else "0")
    if not bold:
        for tag in ("i", "iCs"):
            st.sub(rpr, st.q(tag)).set(st.q("val"), "0")
    if caps is not None:
        st.sub(rpr, st.q("caps")).set(st.q("val"), "1" if caps else "0")
    return rpr
