"""What the comparison report and the redline share in Word: export's page and styles, and
tracked-change runs (w:ins / w:del)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planwriter.errors import ExportError
from planwriter.fsutil import atomic_write_with
from planwriter.model import Family

if TYPE_CHECKING:  # python-docx is imported only when a .docx is written
    from docx.document import Document
    from docx.text.paragraph import Paragraph

AUTHOR = "planwriter"


def new_document(family: Family = Family.PARTY) -> Document:
    """An empty A4 document with the page, fonts and paragraph styles of an exported plan
    (planwriter.export: FORMAT.md's margins, Times New Roman 14 pt, docstyles names)."""
    import docx
    from docx.shared import Mm

    from planwriter.export.layout import layout_for
    from planwriter.export.styles import install_styles

    layout = layout_for(family)
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(layout.page_width), Mm(layout.page_height)
    section.top_margin, section.bottom_margin = Mm(layout.margin_top), Mm(layout.margin_bottom)
    section.left_margin, section.right_margin = Mm(layout.margin_left), Mm(layout.margin_right)
    install_styles(document, layout)
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

    def run(self, paragraph: Paragraph, text: str, kind: str = "") -> None:
        """Append ``text``: plain (kind ""), an insertion ("ins") or a deletion ("del")."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        if not text:
            return
        r = OxmlElement("w:r")
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


def save(document: Document, path: Path) -> Path:
    """Save atomically; a folder that is missing or read-only is one error with its path."""
    try:
        atomic_write_with(path, lambda tmp: document.save(str(tmp)))
    except OSError as exc:
        raise ExportError(f"không ghi được tệp: {exc.strerror or exc}", path) from exc
    return path
