"""Every figure of the presentation rules, one layout per document family.

A correction to FORMAT.md is a one-line change here; the builders (header, body, closing,
appendix) read these values and never test the family themselves.

Sources read (``search`` tool, pages corpus, query "36-HD/VPTW thể thức kỹ thuật trình bày"):
- vpdangdoan.vinhuni.edu.vn/thong-bao-van-ban/seo/huong-dan-ve-the-thuc-va-ky-thuat-trinh-bay-
  van-ban-cua-dang-86250: Hướng dẫn 36-HD/VPTW (03/4/2018) — font TCVN 6909:2001, A4 paper.
- phonha.com/2021/01/huong-dan-11-hdvptw-ve-thuc-van-ban-cua.html (the 2004 guide 36-HD
  replaced): the rule under "ĐẢNG CỘNG SẢN VIỆT NAM" is "độ dài bằng độ dài tiêu đề", and its
  own date line reads "ngày 28 tháng 05 năm 2004" — a leading zero on the month, which our
  date rule (zero for day < 10 and months 1–2 only) follows for the months that matter.
- stdt.danguykhoibinhthuan.vn/sotay/cong-tac-van-phong-cap-uy/the-thuc-van-ban/ (a party
  committee's handbook, "Yêu cầu kỹ thuật trình bày văn bản"): party page numbers are Arabic,
  from the second page, 10 mm from the top edge, centred — confirming ``header_distance``
  and the first-page rule for the party family. The same page gives party margins of
  25 / 25 / 35 / 15 mm (top / bottom / left / right); FORMAT.md and the brief fix ours at
  20 / 20 / 30 / 15, inside Nghị định 30/2020's ranges, so we keep them: changing the four
  ``margin_*`` values of PARTY is the one-line correction if the office prefers 36-HD's.
Not confirmed by a source we could read (kept as FORMAT.md's reading, marked UNVERIFIED):
the style of "1.1." (bold, upright), of "a)" (italic, regular weight), and the signer's
title (bold, as Nghị định 30/2020 prescribes for state documents).
"""

from __future__ import annotations

from dataclasses import dataclass

from planwriter.model import Family


@dataclass(frozen=True)
class Font:
    """A text appearance: size in points and the three emphases."""

    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False


@dataclass(frozen=True)
class Layout:
    """The page, fonts and blocks of one document family."""

    family: Family
    # Page (mm): A4 portrait, margins top / bottom / left / right.
    page_width: float = 210
    page_height: float = 297
    margin_top: float = 20
    margin_bottom: float = 20
    margin_left: float = 30
    margin_right: float = 15
    header_distance: float = 10  # the page number sits in the top margin
    font_name: str = "Times New Roman"
    # Body paragraphs: 14 pt, justified, first-line indent 1.27 cm, 6 pt after, line 1.15.
    body: Font = Font(14)
    first_line_indent_cm: float = 1.27
    space_after_pt: float = 6
    line_spacing: float = 1.15
    # Section headings by depth: I. upper bold; 1. bold; 1.1. bold (UNVERIFIED); a) italic.
    headings: tuple[Font, ...] = (
        Font(14, bold=True, caps=True),
        Font(14, bold=True),
        Font(14, bold=True),
        Font(14, italic=True),
    )
    # Header table: column widths (mm) and its lines.
    left_column: float = 75
    right_column: float = 90
    national: tuple[tuple[str, Font], ...] = (("ĐẢNG CỘNG SẢN VIỆT NAM", Font(15, bold=True)),)
    superior: Font = Font(14)
    issuing: Font = Font(14, bold=True)
    # A body of several lines ("ỦY BAN MTTQ VIỆT NAM / XÃ LƯƠNG MINH / BAN THƯỜNG TRỰC"): only
    # its last line (the standing body) bold, the organisation and place in ``superior``.
    issuing_last_line_only_bold: bool = False
    asterisk: bool = True  # party: "*" under the issuing body
    issuing_rule_mm: float = 0  # state: a short rule under the issuing body instead
    number: Font = Font(14)
    number_space_before_pt: float = 0  # room between the short rule and "Số:"
    place_date: Font = Font(14, italic=True)
    # A letter (Công văn): no title; its trích yếu "V/v …" under the number; "Kính gửi:".
    letter_summary: Font = Font(12)
    addressees: Font = Font(14)
    # Title block.
    doc_type: Font = Font(15, bold=True)
    summary: Font = Font(14, bold=True)
    summary_rule_mm: float = 30
    # End of the document.
    recipients_heading: Font = Font(14, underline=True)
    recipient: Font = Font(12)
    recipient_separator: str = ","  # after every recipient but the last
    recipient_last: str = "."  # after the last ("- Lưu VPTU.")
    signature: Font = Font(14, bold=True)
    signature_title_bold: bool = True  # the title ("CHỦ TỊCH") bold when ``signature`` is not
    signer: Font = Font(14, bold=True)
    signature_room_pt: float = 80  # about four empty lines for the signature and the seal
    closing_left: float = 80
    closing_right: float = 85
    page_number: Font = Font(14)
    # Appendix (landscape): column widths (mm) of STT, task, lead, partners, deadline, output.
    appendix_margins: tuple[float, float, float, float] = (20, 20, 20, 15)
    appendix_columns: tuple[float, ...] = (12, 100, 40, 45, 28, 37)
    table_text: Font = Font(12)
    appendix_title: Font = Font(14, bold=True)

    def heading(self, depth: int) -> Font:
        """The heading font at section ``depth`` (the last one repeats below)."""
        return self.headings[min(depth, len(self.headings) - 1)]


PARTY = Layout(family=Family.PARTY)

# Nghị định 30/2020/NĐ-CP, Phụ lục I: motto 12–13 bold + 13–14 bold with a rule as long as
# the line, issuing body 12–13 with a short rule, "Nơi nhận:" bold italic 12, list 11.
STATE = Layout(
    family=Family.STATE,
    national=(
        # 12 of the allowed 12–13: at 13 the line (97.5 mm measured) overflows the column.
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Font(12, bold=True)),
        ("Độc lập - Tự do - Hạnh phúc", Font(14, bold=True)),
    ),
    left_column=67,
    right_column=98,
    superior=Font(13),
    issuing=Font(13, bold=True),
    asterisk=False,
    issuing_rule_mm=25,
    number=Font(13),
    doc_type=Font(14, bold=True),
    number_space_before_pt=6,
    recipients_heading=Font(12, bold=True, italic=True),
    recipient=Font(11),
    recipient_separator=";",
)

# Ủy ban MTTQ (FORMAT.md, mass-organisation section, read against the Lương Minh files): the
# state layout with the organisation's body lines at 13 (the standing body bold, a short rule
# under it as the real files draw), both motto lines bold 13, recipients 12 joined by ";"
# with the last ("- Lưu: MTTQ") left bare. The right column is wide enough for the motto at 13
# (99.5 mm printed; the real files' 97.5 mm column wraps it in LibreOffice).
MASS = Layout(
    family=Family.MASS,
    national=(
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Font(13, bold=True)),
        ("Độc lập - Tự do - Hạnh phúc", Font(13, bold=True)),
    ),
    left_column=62,
    right_column=106,
    superior=Font(13),
    issuing=Font(13, bold=True),
    issuing_last_line_only_bold=True,
    asterisk=False,
    issuing_rule_mm=30,
    number=Font(13),
    number_space_before_pt=6,
    doc_type=Font(14, bold=True),
    recipients_heading=Font(12, bold=True, italic=True),
    recipient=Font(12),
    recipient_separator=";",
    recipient_last="",
    # "TM. BAN THƯỜNG TRỰC" regular, "CHỦ TỊCH" bold (the real files: only the title's run bold).
    signature=Font(14),
)

LAYOUTS: dict[Family, Layout] = {Family.PARTY: PARTY, Family.STATE: STATE, Family.MASS: MASS}


def layout_for(family: Family) -> Layout:
    """The layout of a document family."""
    return LAYOUTS[family]
