"""Export a plan to a .docx ready for signature (and a PDF through LibreOffice).

``export_docx`` builds the whole document in memory, then writes it atomically: a failure
at any point leaves the previous export untouched and no half-written file behind.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planwriter.errors import ExportError
from planwriter.export.layout import Layout, layout_for
from planwriter.fsutil import atomic_write_bytes
from planwriter.model import Plan

__all__ = ["ExportResult", "build_document", "export_docx", "docx_bytes"]


@dataclass
class ExportResult:
    """What an export wrote, and a one-line message for the user."""

    docx: Path
    pdf: Path | None
    message: str


def build_document(plan: Plan, layout: Layout | None = None) -> Any:
    """The python-docx Document of ``plan``, laid out by its family's rules."""
    from docx import Document
    from docx.shared import Mm

    from planwriter.export.appendix import add_appendix
    from planwriter.export.body import BodyWriter
    from planwriter.export.closing import add_closing, add_page_numbers
    from planwriter.export.header import add_header
    from planwriter.export.styles import install_styles

    layout = layout or layout_for(plan.meta.family)
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(layout.page_width), Mm(layout.page_height)
    section.top_margin, section.bottom_margin = Mm(layout.margin_top), Mm(layout.margin_bottom)
    section.left_margin, section.right_margin = Mm(layout.margin_left), Mm(layout.margin_right)
    style_ids = install_styles(document, layout)
    _set_properties(document, plan)
    add_page_numbers(section, layout)
    add_header(document, plan, layout)
    appendix = plan.meta.tasks_in_appendix and _has_tasks(plan)
    BodyWriter(document, style_ids).write_plan(plan, skip_tasks=appendix)
    add_closing(document, plan, layout)
    if appendix:
        add_appendix(document, plan, layout)
    return document


def docx_bytes(plan: Plan) -> bytes:
    """The .docx file of ``plan`` as bytes."""
    buffer = io.BytesIO()
    build_document(plan).save(buffer)
    return buffer.getvalue()


def export_docx(plan: Plan, path: Path, *, pdf: bool = False) -> ExportResult:
    """Write ``plan`` to ``path`` (.docx) atomically; with ``pdf``, also ``path`` with a .pdf
    suffix through LibreOffice, or say how to install it when it is missing."""
    from planwriter.export.pdf import INSTALL_HINT, convert_to_pdf, find_soffice

    path = Path(path)
    data = docx_bytes(plan)
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise ExportError(f"không ghi được tệp: {exc.strerror or exc}", path) from exc
    message = f"Đã xuất {path}"
    if not pdf:
        return ExportResult(path, None, message)
    soffice = find_soffice()
    if soffice is None:
        return ExportResult(path, None, f"{message}. {INSTALL_HINT}")
    pdf_path = path.with_suffix(".pdf")
    try:
        convert_to_pdf(path, pdf_path, soffice)
    except OSError as exc:
        raise ExportError(f"không ghi được tệp: {exc.strerror or exc}", pdf_path) from exc
    return ExportResult(path, pdf_path, f"{message} và {pdf_path}")


def _set_properties(document: Any, plan: Plan) -> None:
    """File properties: the document's own title and author, not the template's."""
    from planwriter.export.styles import nfc

    meta = plan.meta
    props = document.core_properties
    # Word's core properties hold at most 255 characters (a long imported summary has more).
    props.title = nfc(f"{meta.type_name} {meta.summary}".strip())[:255]
    props.subject = nfc(meta.symbol()) if meta.number else ""
    props.author = props.last_modified_by = nfc(meta.issuing_body)
    props.comments = ""
    props.language = "vi-VN"
    import datetime as dt

    # The template's own dates are from 2013; the file is made now.
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)


def _has_tasks(plan: Plan) -> bool:
    from planwriter.model import Kind

    return any(item.kind is Kind.TASK for item, _, _ in plan.walk(include_dropped=False))
