"""The named paragraph styles of an exported plan, defined once in styles.xml.

Every paragraph carries a style; runs carry direct formatting only where one run differs
from its paragraph (a bold run-in title followed by regular text). The names come from
planwriter/docstyles.py so import reads them back; the header lines get their own styles
("Plan Header …") so a clerk can restyle, say, the date line alone.
"""

from __future__ import annotations

from typing import Any

from planwriter import docstyles
from planwriter.export.layout import Font, Layout

# The header table's lines, each a style based on docstyles.HEADER.
HEADER_ISSUER = "Plan Header Issuer"
HEADER_NATIONAL = ("Plan Header National", "Plan Header Motto")
HEADER_NUMBER = "Plan Header Number"
HEADER_DATE = "Plan Header Date"
TABLE_HEADING = "Plan Table Heading"  # the appendix table's header row
TABLE_GROUP = "Plan Table Group"  # a group row: the section the tasks below sit in
RULE = "Plan Rule"  # an empty paragraph whose bottom border draws a short rule
PAGE_HEADER = "Header"  # Word's own style of the page header (the page number)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FLOW, CENTRE, LEFT = "flow", "center", "left"


def q(tag: str) -> str:
    """A WordprocessingML tag in Clark notation: q("p") → "{…main}p"."""
    return f"{{{W}}}{tag}"


def make(tag: str) -> Any:
    """A new WordprocessingML element made by python-docx's parser, so python-docx sees
    its own element classes wherever we insert it."""
    from docx.oxml.parser import oxml_parser

    return oxml_parser.makeelement(q(tag))


def sub(parent: Any, tag: str) -> Any:
    """A new element appended to ``parent``; ``tag`` already in Clark notation."""
    from docx.oxml.parser import oxml_parser

    child = oxml_parser.makeelement(tag)
    parent.append(child)
    return child


def fonts_element(name: str) -> Any:
    """<w:rFonts> naming the font for every script (Latin, East Asian, complex)."""
    el = make("rFonts")
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        el.set(q(attr), name)
    return el


def run_properties(font: Font, name: str | None = None, *, explicit: bool = True) -> Any:
    """<w:rPr> for ``font``; ``explicit`` also writes the emphases that are off, so a style
    does not inherit them from its base."""
    rpr = make("rPr")
    if name:
        rpr.append(fonts_element(name))
    for tag, on in (("b", font.bold), ("bCs", font.bold), ("i", font.italic),
                    ("iCs", font.italic), ("caps", font.caps)):
        if on or explicit:
            sub(rpr, q(tag)).set(q("val"), "1" if on else "0")
    half_points = str(round(font.size * 2))
    sub(rpr, q("sz")).set(q("val"), half_points)
    sub(rpr, q("szCs")).set(q("val"), half_points)
    if font.underline or explicit:  # the schema puts <w:u> after the sizes
        sub(rpr, q("u")).set(q("val"), "single" if font.underline else "none")
    return rpr


def paragraph_properties(layout: Layout, kind: str, *, before: float = 0,
                         keep_next: bool = False, after: float | None = None) -> Any:
    """<w:pPr> of a style: ``FLOW`` (justified body text), ``CENTRE`` or ``LEFT``."""
    ppr = make("pPr")
    if keep_next:
        sub(ppr, q("keepNext"))
    spacing = sub(ppr, q("spacing"))
    spacing.set(q("before"), str(round(before * 20)))
    if kind == FLOW:
        spacing.set(q("after"), str(round(layout.space_after_pt * 20)))
        spacing.set(q("line"), str(round(layout.line_spacing * 240)))
    else:
        spacing.set(q("after"), str(round((after or 0) * 20)))
        spacing.set(q("line"), "240")
    spacing.set(q("lineRule"), "auto")
    ind = sub(ppr, q("ind"))
    ind.set(q("left"), "0")
    ind.set(q("right"), "0")
    indent = round(layout.first_line_indent_cm / 2.54 * 1440) if kind == FLOW else 0
    ind.set(q("firstLine"), str(indent))
    sub(ppr, q("jc")).set(q("val"), {FLOW: "both", CENTRE: "center", LEFT: "left"}[kind])
    return ppr


def style_table(layout: Layout) -> list[tuple[str, Font, str, dict[str, Any]]]:
    """(name, font, paragraph kind, options) of every style an export uses."""
    d = docstyles
    rows: list[tuple[str, Font, str, dict[str, Any]]] = [
        ("Normal", layout.body, LEFT, {}),
        (d.BODY, layout.body, FLOW, {}),
        (d.BULLET, layout.body, FLOW, {}),
        (d.BULLET_2, layout.body, FLOW, {}),
        (d.OBJECTIVE, layout.body, FLOW, {}),
        (d.TASK, layout.body, FLOW, {}),
        (d.TITLE, layout.doc_type, CENTRE, {"before": 12}),
        (d.SUMMARY, layout.summary, CENTRE, {}),
        (RULE, Font(4), CENTRE, {}),
        (d.HEADER, layout.superior, CENTRE, {}),
        (HEADER_ISSUER, layout.issuing, CENTRE, {}),
        (HEADER_NUMBER, layout.number, CENTRE, {"before": layout.number_space_before_pt}),
        (d.LETTER_SUMMARY, layout.letter_summary, CENTRE, {"before": 3}),
        (d.ADDRESSEES, layout.addressees, CENTRE, {"before": 6, "after": 6}),
        (d.ATTACHED, layout.place_date, CENTRE, {}),
        (HEADER_DATE, layout.place_date, CENTRE, {"before": 6}),
        (d.RECIPIENTS_HEADING, layout.recipients_heading, LEFT, {}),
        (d.RECIPIENT, layout.recipient, LEFT, {}),
        (d.SIGNATURE, layout.signature, CENTRE, {}),
        (d.SIGNER, layout.signer, CENTRE, {"before": layout.signature_room_pt}),
        (d.APPENDIX_TITLE, layout.appendix_title, CENTRE, {}),
        (d.APPENDIX_HEADING, layout.appendix_title, CENTRE, {}),
        (d.TABLE_TEXT, layout.table_text, LEFT, {}),
        (TABLE_HEADING, Font(layout.table_text.size, bold=True), CENTRE, {}),
        (TABLE_GROUP, Font(layout.table_text.size, bold=True), LEFT, {}),
        (PAGE_HEADER, layout.page_number, CENTRE, {}),
    ]
    for name, (_, font) in zip(HEADER_NATIONAL, layout.national, strict=False):
        rows.append((name, font, CENTRE, {}))
    for depth in range(9):
        # A heading keeps with its first paragraph; a numbered sentence or a run-in title is
        # body text, its label or title a bold run, free to break across pages.
        rows.append((d.heading(depth), layout.heading(depth), FLOW, {"keep_next": True}))
        rows.append((d.section_text(depth), layout.body, FLOW, {}))
    return rows


def install_styles(document: Any, layout: Layout) -> dict[str, str]:
    """Define (or redefine) every style of ``style_table`` in ``document``; return a map
    from style name to style id for the fast builders."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = document.styles
    _set_defaults(styles.element, layout)
    ids: dict[str, str] = {}
    for name, font, kind, options in style_table(layout):
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        el = style.element
        for tag in ("pPr", "rPr", "numPr"):
            for old in el.findall(q(tag)):
                el.remove(old)
        if name != "Normal":
            style.base_style = styles["Normal"]
        style.hidden = False
        style.quick_style = True
        el.append(paragraph_properties(layout, kind, **options))
        el.append(run_properties(font, layout.font_name))
        ids[name] = style.style_id
        _match_linked_character_style(styles.element, el, font, layout)
    return ids


def _match_linked_character_style(styles_el: Any, style_el: Any, font: Font,
                                  layout: Layout) -> None:
    """Word pairs "Heading 1" with a character style "Heading 1 Char" (the template's in
    blue, theme fonts); give it the paragraph style's font so the two never disagree."""
    link = style_el.find(q("link"))
    if link is None:
        return
    for other in styles_el.findall(q("style")):
        if other.get(q("styleId")) == link.get(q("val")):
            for old in other.findall(q("rPr")):
                other.remove(old)
            other.append(run_properties(font, layout.font_name))


def _set_defaults(styles_el: Any, layout: Layout) -> None:
    """Name the font in docDefaults too (replacing the template's theme fonts), so text
    outside any of our styles — table cells Word adds, say — is Times New Roman as well."""
    rpr_default = styles_el.find(f"{q('docDefaults')}/{q('rPrDefault')}")
    if rpr_default is None:
        return
    for old in list(rpr_default):
        rpr_default.remove(old)
    rpr = run_properties(layout.body, layout.font_name, explicit=False)
    # Vietnamese, so Word and LibreOffice check spelling and hyphenate in the right language.
    lang = sub(rpr, q("lang"))
    for attr in ("val", "eastAsia"):
        lang.set(q(attr), "vi-VN")
    rpr_default.append(rpr)


def nfc(text: str) -> str:
    """``text`` in Unicode NFC, the form every string of an export is written in."""
    import unicodedata

    return unicodedata.normalize("NFC", text)
