"""What the comparison report and the redline share in Word: an A4 page with the margins
and font of FORMAT.md, styled item paragraphs, and tracked-change runs (w:ins / w:del)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # python-docx is imported only when a .docx is written
    from docx.document import Document
    from docx.text.paragraph import Paragraph

AUTHOR = "planwriter"


def new_document() -> Document:
    """An empty A4 document: margins 20/20/30/15 mm, Times New Roman 14 pt (FORMAT.md)."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    for name in (
        "Normal",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Heading 4",
        "Title",
        "Body Text",
    ):
        style: Any = document.styles[name]
        style.font.name = "Times New Roman"
        style.font.size = Pt(14)
        style.font.color.rgb = None
        # East-Asian and complex-script slots too, or Word falls back to another font.
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(slot), "Times New Roman")
    return document


class Tracker:
    """Makes tracked-change elements with unique ids, all by ``AUTHOR`` at one date."""

    def __init__(self, date: dt.datetime | None = None) -> None:
        stamp = date or dt.datetime.now(dt.UTC).replace(microsecond=0)
        self.date = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        self._ids = itertools.count(1)

    def _mark(self, tag: str) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        element = OxmlElement(tag)
        element.set(qn("w:id"), str(next(self._ids)))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.date)
        return element

    def run(self, paragraph: Paragraph, text: str, kind: str = "", bold: bool = False) -> None:
        """Append ``text``: plain (kind ""), an insertion ("ins") or a deletion ("del")."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        if not text:
            return
        r = OxmlElement("w:r")
        if bold:
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:b"))
            r.append(rpr)
        t = OxmlElement("w:delText" if kind == "del" else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        if kind:
            wrapper = self._mark(f"w:{kind}")
            wrapper.append(r)
            paragraph._p.append(wrapper)
        else:
            paragraph._p.append(r)

    def mark_paragraph(self, paragraph: Paragraph, kind: str) -> None:
        """Track the paragraph mark itself, so a whole inserted/deleted paragraph appears or
        disappears on accept/reject instead of leaving an empty line."""
        from docx.oxml import OxmlElement

        ppr = paragraph._p.get_or_add_pPr()
        rpr = OxmlElement("w:rPr")
        rpr.append(self._mark(f"w:{kind}"))
        ppr.append(rpr)


def item_style(kind_depth: tuple[str, int]) -> str:
    """The paragraph style for an item: sections as Word headings, the rest as body text."""
    kind, depth = kind_depth
    if kind == "section":
        return f"Heading {min(depth + 1, 4)}"
    return "Body Text"
