"""The end of the document: recipients on the left, the signature block on the right, side
by side in a borderless table; and the page number in the header from the second page."""

from __future__ import annotations

from typing import Any

from planwriter import docstyles
from planwriter.export import styles as st
from planwriter.export.header import borderless_table, fill_cell
from planwriter.export.layout import Layout
from planwriter.model import Plan
from planwriter.render import recipient_lines


def add_closing(document: Any, plan: Plan, layout: Layout) -> Any:
    """Append the recipients and signature table."""
    meta = plan.meta
    spacer = document.add_paragraph(style="Normal")  # a line's space before the block
    spacer.paragraph_format.keep_with_next = True
    table = borderless_table(document, (layout.closing_left, layout.closing_right))
    fits = closing_height_mm(plan, layout) < CLOSING_SHARE * (
        layout.page_height - layout.margin_top - layout.margin_bottom)
    if fits:  # recipients and signature stay together on one page
        table.rows[0]._tr.get_or_add_trPr().append(st.make("cantSplit"))
    left, right = table.rows[0].cells
    if meta.recipients:
        lines = [(docstyles.RECIPIENTS_HEADING, "Nơi nhận:")]
        lines += [(docstyles.RECIPIENT, line) for line in recipient_lines(
            meta.recipients, layout.recipient_separator, layout.recipient_last)]
        fill_cell(left, lines)
    sign = [(docstyles.SIGNATURE, line) for line in meta.signature.lines()]
    # The name's style leaves room above it for the signature and the seal; an unsigned
    # draft keeps the room with an empty name line.
    sign.append((docstyles.SIGNER, meta.signature.name))
    fill_cell(right, sign)
    title = meta.signature.title
    if title and layout.signature_title_bold and not layout.signature.bold:
        for paragraph in right.paragraphs:
            if paragraph.text == title:
                for run in paragraph.runs:
                    run.bold = True
    # The whole block keeps with what precedes it: Word reads keep-with-next on the last body
    # paragraph and the spacer; LibreOffice also wants every paragraph of the table's row kept
    # with the next, or it may start the table on a page of its own.
    # A block too long for a page (a list of a hundred recipients) flows on from the text:
    # its row may split, and nothing in it asks to move to the next page.
    if fits:
        for cell in (left, right):
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    return table


# The closing block is kept in one piece when it takes at most this share of a page.
CLOSING_SHARE = 0.6


def closing_height_mm(plan: Plan, layout: Layout) -> float:
    """An estimate of the closing block's height: the taller of its two columns."""
    meta = plan.meta
    per_line = layout.closing_left / (layout.recipient.size * 0.5 * 25.4 / 72)  # characters
    lines = 1 + sum(max(1, -(-len(r) // max(int(per_line), 1))) for r in meta.recipients)
    left = lines * layout.recipient.size * 1.2 * 25.4 / 72
    right = (len(meta.signature.lines()) + 2) * layout.signature.size * 1.2 * 25.4 / 72
    right += layout.signature_room_pt * 25.4 / 72
    return max(left, right)


def add_page_numbers(section: Any, layout: Layout) -> None:
    """A centred PAGE field in the section's header, not shown on the first page."""
    section.different_first_page_header_footer = True
    # An explicit, empty first-page header: Word and LibreOffice then agree page 1 has none.
    section.first_page_header.is_linked_to_previous = False
    section.header_distance = _mm(layout.header_distance)
    paragraph = section.header.paragraphs[0]
    paragraph.style = st.PAGE_HEADER
    p = paragraph._p
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"),
                       ("end", None)):
        r = st.make("r")
        if kind is not None:
            field_char = st.make("fldChar")
            field_char.set(st.q("fldCharType"), kind)
            r.append(field_char)
        else:
            child = st.make("instrText" if text == " PAGE " else "t")
            child.text = text
            child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(child)
        p.append(r)


def _mm(value: float) -> Any:
    from docx.shared import Mm

    return Mm(value)
