"""``review --docx``: a report for the standing committee in the export layout (the page,
fonts, styles, header table and page numbers of ``planwriter.export``), issued in the name of
the body that issued the parent: the summary with one line per child, the parent items most
often dropped, missing or weakened, each child's gaps, and the plans that could not be
reviewed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from planwriter import docstyles
from planwriter.errors import ExportError
from planwriter.fsutil import atomic_write_with
from planwriter.model import Family, Meta, Plan
from planwriter.review.disposition import STATUS_NAMES, VERDICT_NAMES, Cell, ChildReview, Verdict
from planwriter.review.matrix import Review, gaps
from planwriter.review.terminal import ITEM_VERDICTS, percent

SHOWN = 15  # parent items listed as most often dropped, missing or weakened
PROBLEMS = (Verdict.DROPPED, Verdict.MISSING, Verdict.WEAKENED)
# Missing items listed per child; a sub-plan that takes up one part of its parent misses
# most of it, and a hundred lines of "thiếu" would hide its drops and weakened targets.
MISSING_LISTED = 20


def report_meta(review: Review, parent: Meta) -> Meta:
    """The report's own header: a Báo cáo of the parent's issuing body, dated today, number
    left blank for the office to fill."""
    kind = parent.type_name.capitalize() if parent.doc_type else "văn bản"
    symbol = f" số {review.parent_symbol}" if review.parent_symbol else ""
    return Meta(
        level=parent.level,
        family=parent.family if parent.family else Family.STATE,
        doc_type="BC",
        number="",
        issuer_symbol=parent.issuer_symbol,
        superior_body=parent.superior_body,
        issuing_body=parent.issuing_body,
        place=parent.place,
        date=dt.date.today(),
        summary=f"Kết quả rà soát kế hoạch thực hiện {kind}{symbol} của các đơn vị",
    )


def write_report(review: Review, path: Path) -> Path:
    """Write the report atomically to ``path`` (already guarded by the caller)."""
    document = build_report(review)
    try:
        atomic_write_with(path, lambda tmp: document.save(str(tmp)))
    except OSError as exc:
        raise ExportError(f"không ghi được tệp: {exc.strerror or exc}", path) from exc
    return path


def build_report(review: Review) -> Any:
    import docx
    from docx.shared import Mm

    from planwriter.export.closing import add_page_numbers
    from planwriter.export.header import add_header
    from planwriter.export.layout import layout_for
    from planwriter.export.styles import install_styles, nfc

    meta = report_meta(review, review.parent_meta)
    layout = layout_for(meta.family)
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(layout.page_width), Mm(layout.page_height)
    section.top_margin, section.bottom_margin = Mm(layout.margin_top), Mm(layout.margin_bottom)
    section.left_margin, section.right_margin = Mm(layout.margin_left), Mm(layout.margin_right)
    style_ids = install_styles(document, layout)
    add_page_numbers(section, layout)
    add_header(document, Plan(meta=meta), layout)
    props = document.core_properties
    props.title = nfc(f"Báo cáo {meta.summary}")
    props.author = props.last_modified_by = nfc(meta.one_line(meta.issuing_body) or "planwriter")
    props.language = "vi-VN"
    props.comments = ""
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    writer = _Writer(document, nfc, style_ids)
    writer.summary(review)
    writer.hotspots(review)
    writer.children(review)
    writer.not_reviewed(review)
    return document


class _Writer:
    def __init__(self, document: Any, nfc: Any, style_ids: dict[str, str]) -> None:
        self.document, self.nfc, self.style_ids = document, nfc, style_ids

    def styled(self, paragraph: Any, style: str) -> Any:
        """Set ``style`` by its id: python-docx's lookup by name walks every style each time,
        three quarters of the time of a hundred children's report."""
        paragraph._p.get_or_add_pPr().style = self.style_ids[style]
        return paragraph

    def para(self, text: str, style: str = docstyles.BODY) -> Any:
        paragraph = self.styled(self.document.add_paragraph(), style)
        if text:
            paragraph.add_run(self.nfc(text))
        return paragraph

    def table(self, headers: list[str], rows: list[list[str]], widths: list[int]) -> None:
        from docx.shared import Mm

        from planwriter.export import styles as st
        from planwriter.export.header import set_borders

        table = self.document.add_table(rows=1, cols=len(headers))
        table.autofit = False
        set_borders(table, "single")
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)  # the grid LibreOffice lays out by
        for index, row in enumerate([headers, *rows]):
            cells = table.rows[0].cells if index == 0 else table.add_row().cells
            for cell, text, width in zip(cells, row, widths, strict=True):
                cell.width = Mm(width)
                self.styled(cell.paragraphs[0],
                            st.TABLE_HEADING if index == 0 else docstyles.TABLE_TEXT)
                cell.paragraphs[0].add_run(self.nfc(text))
            tr_pr = table.rows[index]._tr.get_or_add_trPr()
            tr_pr.append(st.make("cantSplit"))
            if index == 0:
                tr_pr.append(st.make("tblHeader"))
        self.para("")

    def summary(self, review: Review) -> None:
        done = review.reviewed()
        self.para("I. TỔNG HỢP", docstyles.heading(0))
        parent = review.parent_symbol or review.parent_name
        self.para(
            f"Đã nhận {len(review.children)} kế hoạch thực hiện {parent}; rà soát được "
            f"{len(done)} kế hoạch đối chiếu với {len(review.rows)} mục và "
            f"{len(review.targets)} chỉ tiêu của văn bản cấp trên. Bao phủ trung bình "
            f"{percent(review.mean_coverage())} (tỷ lệ mục được giữ nguyên, địa phương hóa, "
            "điều chỉnh hoặc hạ chỉ tiêu)."
        )
        if review.parent_note:
            self.para(f"Lưu ý: văn bản cấp trên được {review.parent_note}.")
        if not done:
            return
        headers = ["Kế hoạch", "Bao phủ"] + [VERDICT_NAMES[v] for v in ITEM_VERDICTS]
        rows = [
            [f"{c.name}\n{c.unit}".strip(), percent(c.coverage),
             *[str(c.count(v)) for v in ITEM_VERDICTS]]
            for c in done
        ]
        self.table(headers, rows, [40, 14] + [18] * len(ITEM_VERDICTS))

    def hotspots(self, review: Review) -> None:
        self.para("II. CÁC MỤC BỊ BỎ, THIẾU HOẶC HẠ CHỈ TIÊU NHIỀU NHẤT", docstyles.heading(0))
        found = review.most_often(PROBLEMS, SHOWN)
        if not found:
            self.para("Không đơn vị nào bỏ, thiếu hay hạ chỉ tiêu của mục nào.")
        else:
            rows = []
            for row_id, _ in found:
                row, counts = review.row(row_id), review.row_counts(row_id)
                rows.append([row.label, row.text, *[str(counts[v]) for v in PROBLEMS]])
            self.table(["Mục", "Nội dung", "bỏ", "thiếu", "hạ chỉ tiêu"], rows,
                       [28, 85, 14, 14, 18])
        weakened = review.most_often((Verdict.WEAKENED, Verdict.DROPPED), SHOWN, target=True)
        for target_id, count in weakened:
            target = review.target(target_id)
            self.para(f"- Chỉ tiêu “{target.name}” ({target.figure}, mục {target.label}): "
                      f"{count} đơn vị hạ hoặc bỏ.", docstyles.BULLET)

    def children(self, review: Review) -> None:
        self.para("III. TỪNG KẾ HOẠCH", docstyles.heading(0))
        for number, child in enumerate(review.reviewed(), start=1):
            self.para(f"{number}. {child.name}" + (f" — {child.unit}" if child.unit else ""),
                      docstyles.heading(1))
            self.para(f"Bao phủ {percent(child.coverage)}; "
                      + "; ".join(f"{VERDICT_NAMES[v]} {child.count(v)}" for v in ITEM_VERDICTS)
                      + f"; bổ sung {child.added} mục.")
            if child.note:
                self.para(f"Lưu ý: {child.note}.")
            if child.import_notes:
                self.para("Nhập chưa trọn: " + "; ".join(child.import_notes))
            found = gaps(child)
            if not found:
                self.para("Không có mục nào bị bỏ, thiếu hay hạ chỉ tiêu.")
            missing = [(i, c) for i, c in found if c.verdict is Verdict.MISSING]
            listed = [(i, c) for i, c in found if c.verdict is not Verdict.MISSING]
            listed += missing[:MISSING_LISTED]
            order = {row.id: n for n, row in enumerate(review.rows)}
            for row_id, cell in sorted(listed, key=lambda pair: order[pair[0]]):
                self.para(self._gap(review, row_id, cell), docstyles.BULLET)
            if len(missing) > MISSING_LISTED:
                self.para(f"- Và {len(missing) - MISSING_LISTED} mục khác không có trong kế "
                          "hoạch (không nêu lý do): xem bảng tính ma trận rà soát.",
                          docstyles.BULLET)

    def _gap(self, review: Review, row_id: str, cell: Cell) -> str:
        row = review.row(row_id)
        text = f"- {row.label} “{row.text}”: {VERDICT_NAMES[cell.verdict]}"
        if cell.verdict is Verdict.DROPPED:
            text += f" — lý do: {cell.reason}" if cell.reason else " — không nêu lý do"
        elif cell.verdict is Verdict.WEAKENED and cell.value:
            text += f" — đơn vị đặt: {cell.value}"
        elif cell.maybe:
            text += f" — có thể là mục {cell.maybe} của kế hoạch, viết lại: xem lại"
        return text + "."

    def not_reviewed(self, review: Review) -> None:
        left = review.not_reviewed()
        if not left:
            return
        self.para("IV. KẾ HOẠCH CHƯA RÀ SOÁT ĐƯỢC", docstyles.heading(0))
        for child in left:
            self.para(_problem(child), docstyles.BULLET)


def _problem(child: ChildReview) -> str:
    return f"- {child.name}: {STATUS_NAMES[child.status]} — {child.message}."
