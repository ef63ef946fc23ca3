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
from collections.abc import Iterable, Iterator
from typing import Any

from planwriter import docstyles
from planwriter.export import styles as st
from planwriter.export.layout import Layout
from planwriter.model import Item, Kind, Plan
from planwriter.numbering import labels
from planwriter.render import item_line

Segment = tuple[str, str | None]  # text and the run template's key (None: as the style says)


def body_paragraphs(plan: Plan | list[Item], *, skip_tasks: bool,
                    numbers: dict[str, str] | None = None
                    ) -> Iterator[tuple[str, list[Segment]] | Item]:
    """(style name, segments) of every paragraph of the body, in document order; a table
    (Kind.TABLE) is yielded as its item, for the writer to lay out as a table.

    ``plan`` may be a list of items (an appendix's children), numbered by ``numbers``."""
    if isinstance(plan, Plan):
        numbers = labels(plan)
        items = plan.body()
    else:
        items = plan
    assert numbers is not None

    def visit(items: list[Item], section_depth: int, bullet_depth: int
              ) -> Iterator[tuple[str, list[Segment]] | Item]:
        for item in items:
            if item.dropped or (skip_tasks and item.kind is Kind.TASK):
                continue
            label = numbers[item.id]
            if item.kind is Kind.TABLE:
                yield item
                continue
            if item.kind is Kind.SECTION:
                yield section_style(item, section_depth), section_segments(item, label,
                                                                           section_depth)
                yield from visit(item.children, section_depth + 1, 0)
                continue
            yield item_paragraph(item, label, bullet_depth)
            yield from visit(item.children, section_depth, nested_depth(item, bullet_depth))

    yield from visit(items, 0, 0)


def item_paragraph(item: Item, label: str, bullet_depth: int) -> tuple[str, list[Segment]]:
    """The paragraph of an item that is neither a section nor a table: its kind's style (a
    bullet under a bullet the second level's) and segments."""
    style = docstyles.KIND_STYLES.get(item.kind, docstyles.BODY)
    if item.kind is Kind.BULLET and bullet_depth > 0:
        style = docstyles.BULLET_2
    return style, item_segments(item, label)


def nested_depth(item: Item, bullet_depth: int) -> int:
    """The bullet depth of ``item``'s children: a paragraph's sit at its own level."""
    return bullet_depth if item.kind is Kind.PARAGRAPH else bullet_depth + 1


def section_style(item: Item, depth: int) -> str:
    """A heading when the section is a title standing alone; body text (its label or title a
    bold run) when it runs on as a sentence."""
    return docstyles.heading(depth) if item.title and not item.text else docstyles.section_text(
        depth)


def section_segments(item: Item, label: str, depth: int = 0) -> list[Segment]:
    """A heading: label and title as the heading style shows them. A numbered sentence
    ("2.7. Các chi, đảng bộ …"): the label in the heading's type, the text regular. A run-in
    title ("1. Mục đích: …"): label and title in the heading's type, then the text."""
    head_run = f"head{min(depth, 8)}"
    if not item.title:
        return [(f"{label} ", head_run), (item.text, "plain")] if label else [(item.text, None)]
    head = f"{label} {item.title}".strip()
    if item.text:
        sep = " " if item.title.endswith((":", ".")) else ": "
        return [(head, head_run), (sep + item.text, "plain")]
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

    def __init__(self, document: Any, style_ids: dict[str, str], layout: Layout | None = None):
        from planwriter.export.layout import PARTY

        layout = layout or PARTY
        self._document = document
        self._layout = layout
        body = document.element.body
        self._anchor = body.find(st.q("sectPr"))
        self._body = body
        self._style_ids = style_ids
        self._runs = {
            "bold": run_template(bold=True),
            "plain": run_template(bold=False, caps=False),
        }
        for depth in range(9):
            font = layout.heading(depth)
            self._runs[f"head{depth}"] = run_template(bold=font.bold, caps=font.caps,
                                                      italic=font.italic)
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
        """Write the whole body; return the number of paragraphs. The last paragraph keeps
        with the signature block that follows (a signature alone on a page, with nothing of
        the text above it, is not ready to sign)."""
        count = self.write_items(body_paragraphs(plan, skip_tasks=skip_tasks))
        if self.last is not None:
            keep_with_next(self.last)
        return count

    def write_items(self, entries: Iterable[tuple[str, list[Segment]] | Item]) -> int:
        """Write paragraphs and tables in order; return the number of paragraphs."""
        from planwriter.export.tables import add_table

        count = 0
        for entry in entries:
            if isinstance(entry, Item):
                add_table(self._document, entry.header, entry.rows, self._layout,
                          self.text_width_mm())
                self.last = None
                continue
            style, segments = entry
            self.paragraph(style, segments)
            count += 1
        return count

    def text_width_mm(self) -> float:
        """The width between the margins of the section being written."""
        section = self._document.sections[-1]
        return float(section.page_width - section.left_margin - section.right_margin) / 36000


def keep_with_next(p: Any) -> None:
    """Give paragraph element ``p`` keep-with-next (once, where the schema puts it)."""
    ppr = p.find(st.q("pPr"))
    if ppr is None:
        ppr = st.make("pPr")
        p.insert(0, ppr)
    if ppr.find(st.q("keepNext")) is None:
        keep = st.make("keepNext")
        style = ppr.find(st.q("pStyle"))
        if style is not None:
            style.addnext(keep)
        else:
            ppr.insert(0, keep)


def run_template(*, bold: bool, caps: bool | None = None, italic: bool = False) -> Any:
    """<w:rPr> turning bold on or off (and italics to ``italic``, capitals off) for one run."""
    rpr = st.make("rPr")
    for tag in ("b", "bCs"):
        st.sub(rpr, st.q(tag)).set(st.q("val"), "1" if bold else "0")
    if not bold or italic:
        for tag in ("i", "iCs"):
            st.sub(rpr, st.q(tag)).set(st.q("val"), "1" if italic else "0")
    if caps is not None:
        st.sub(rpr, st.q("caps")).set(st.q("val"), "1" if caps else "0")
    return rpr
