"""Export a plan to a .docx ready for signature (and a PDF through LibreOffice).

``export_docx`` builds the whole document in memory, then writes it atomically: a failure
at any point leaves the previous export untouched and no half-written file behind.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planwriter.errors import ExportError
from planwriter.export.clean import clean_package, set_properties
from planwriter.export.closing import add_closing, add_page_numbers
from planwriter.export.header import add_header, borderless_table
from planwriter.export.layout import Layout, layout_for
from planwriter.export.pdf import check_pdf_fonts
from planwriter.export.styles import install_styles
from planwriter.export.tables import add_table
from planwriter.fsutil import atomic_write_bytes
from planwriter.model import Plan

__all__ = [
    # Whole exports.
    "ExportResult", "build_document", "docx_bytes", "export_docx",
    # Building blocks other reports (diff, review) reuse: the page, styles and header.
    "Layout", "layout_for", "new_document", "setup_page", "install_styles", "add_header",
    "add_closing", "add_page_numbers", "borderless_table", "add_table", "clean_package",
    "set_properties", "check_pdf_fonts",
]


@dataclass
class ExportResult:
    """What an export wrote, and a one-line message for the user (with a second line
    warning of fallback fonts in the PDF, when there were any)."""

    docx: Path
    pdf: Path | None
    message: str
    warnings: list[str] = field(default_factory=list)


def setup_page(section: Any, layout: Layout) -> None:
    """A4 portrait with the family's margins."""
    from docx.shared import Mm

    section.page_width, section.page_height = Mm(layout.page_width), Mm(layout.page_height)
    section.top_margin, section.bottom_margin = Mm(layout.margin_top), Mm(layout.margin_bottom)
    section.left_margin, section.right_margin = Mm(layout.margin_left), Mm(layout.margin_right)


def new_document(layout: Layout) -> tuple[Any, dict[str, str]]:
    """An empty document with the family's page, page numbers from the second page, every
    style of an export, and none of python-docx's template leftovers; with its style ids."""
    from docx import Document

    from planwriter.export.clean import clean_package as clean
    from planwriter.export.closing import add_page_numbers as numbers
    from planwriter.export.styles import install_styles as install
    from planwriter.model import Plan as _Plan

    document = Document()
    setup_page(document.sections[0], layout)
    style_ids = install(document, layout)
    numbers(document.sections[0], layout)
    clean(document, _Plan())
    return document, style_ids


def build_document(plan: Plan, layout: Layout | None = None, *,
                   tasks_in_appendix: bool | None = None) -> Any:
    """The python-docx Document of ``plan``, laid out by its family's rules. Tasks go in a
    generated "Phụ lục" when ``tasks_in_appendix`` (default: the plan's own choice) and the
    body has any; otherwise inline, each with its lead, partners, deadline and output."""
    from planwriter.export.appendix import add_appendix, add_plan_appendix, has_tasks
    from planwriter.export.body import BodyWriter
    from planwriter.export.closing import add_closing as closing_block

    layout = layout or layout_for(plan.meta.family)
    document, style_ids = new_document(layout)
    set_properties(document, plan)
    clean_package(document, plan)
    add_header(document, plan, layout)
    wanted = plan.meta.tasks_in_appendix if tasks_in_appendix is None else tasks_in_appendix
    appendix = wanted and has_tasks(plan.body())
    BodyWriter(document, style_ids, layout).write_plan(plan, skip_tasks=appendix)
    closing_block(document, plan, layout)
    if appendix:
        add_appendix(document, plan, layout)
    for item in plan.appendices():
        if not item.dropped:
            add_plan_appendix(document, plan, item, layout, style_ids)
    return document


def docx_bytes(plan: Plan, *, tasks_in_appendix: bool | None = None) -> bytes:
    """The .docx file of ``plan`` as bytes."""
    buffer = io.BytesIO()
    build_document(plan, tasks_in_appendix=tasks_in_appendix).save(buffer)
    return buffer.getvalue()


def export_docx(plan: Plan, path: Path, *, pdf: bool = False,
                tasks_in_appendix: bool | None = None) -> ExportResult:
    """Write ``plan`` to ``path`` (.docx) atomically; with ``pdf``, also ``path`` with a .pdf
    suffix through LibreOffice, or say how to install it when it is missing."""
    from planwriter.export.pdf import INSTALL_HINT, convert_to_pdf, find_soffice

    path = Path(path)
    data = docx_bytes(plan, tasks_in_appendix=tasks_in_appendix)
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
    layout = layout_for(plan.meta.family)
    warnings = check_pdf_fonts(pdf_path, layout.font_name)
    return ExportResult(path, pdf_path, f"{message} và {pdf_path}", warnings)
