"""A plan as plain text, the way the document reads: header, title, numbered body,
recipients and signature. ``planwriter show`` prints it; diff and import compare with it."""

from __future__ import annotations

from planwriter.model import Family, Item, Kind, Meta, Plan, join_partners
from planwriter.numbering import labels


def header_lines(plan: Plan) -> list[str]:
    m = plan.meta
    lines = []
    if m.family is Family.PARTY:
        lines.append("ĐẢNG CỘNG SẢN VIỆT NAM")
    else:
        lines += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    for value in (m.superior_body, m.issuing_body):
        lines += [line.strip() for line in value.split("\n") if line.strip()]
    if m.family is Family.PARTY:
        lines.append("*")
    lines.append(m.number_line())
    summary = [line.strip() for line in m.summary.split("\n") if line.strip()]
    if m.doc_type == "CV":  # a letter: no title, its trích yếu under the number
        if summary:
            lines.append(f"V/v {Meta.one_line(m.summary)}" if not summary[0].lower().startswith(
                "v/v") else Meta.one_line(m.summary))
        lines += [m.place_date()]
    else:
        lines += [m.place_date(), "", m.type_name, *summary]
    if len(m.addressees) == 1:
        lines.append(f"Kính gửi: {m.addressees[0]}")
    elif m.addressees:
        lines += ["Kính gửi:", *(f"- {a}" for a in m.addressees)]
    return lines


def item_line(item: Item, label: str) -> str:
    """One item as a line of text: label, title and text."""
    body = item.content()
    # A task's assignment, and that of any other item the drafter gave a lead or a deadline
    # ("edit … task" works on a bullet too): what is set is never left out of the document.
    if item.kind is Kind.TASK or item.lead or item.partners or item.deadline or item.output:
        extras = []
        if item.lead:
            extras.append(f"Chủ trì: {item.lead}")
        if item.partners:
            extras.append("Phối hợp: " + join_partners(item.partners))
        if item.deadline:
            extras.append(f"Thời gian: {item.deadline}")
        if item.output:
            extras.append(f"Sản phẩm: {item.output}")
        if extras:
            body += " (" + "; ".join(extras) + ")"
    if item.kind is Kind.TABLE:
        body = "\n".join(" | ".join(row) for row in [*item.header, *item.rows])
    elif item.kind is Kind.APPENDIX:
        body = "\n".join(x for x in (item.title, item.text, item.attached) if x)
    return f"{label} {body}".strip() if label else body


def body_lines(plan: Plan, indent: str = "") -> list[str]:
    numbers = labels(plan)
    out = []
    for item, _, depth in plan.walk(include_dropped=False):
        out.append(indent * depth + item_line(item, numbers[item.id]))
    return out


def footer_lines(plan: Plan) -> list[str]:
    m = plan.meta
    lines = []
    if m.recipients:
        lines.append("Nơi nhận:")
        lines += recipient_lines(m.recipients)
    sig = m.signature
    lines += sig.lines() + ([sig.name] if sig.name else [])
    return lines


def recipient_lines(recipients: list[str], separator: str = ",", last: str = ".") -> list[str]:
    """ "- X," for each recipient, the last one ending with "." (party); a state or MTTQ
    document gives ";" and "." or nothing ("- Lưu: MTTQ")."""
    out = []
    for index, text in enumerate(recipients):
        text = text.strip().rstrip(",.;").lstrip("-+ ").strip()
        out.append(f"- {text}{last if index == len(recipients) - 1 else separator}")
    return out


def plan_text(plan: Plan) -> str:
    """The document as text; appendices ("Phụ lục") after the signature, as it is printed."""
    numbers = labels(plan)
    body: list[str] = []
    appendices: list[str] = []
    in_appendix = False
    for item, _, depth in plan.walk(include_dropped=False):
        if depth == 0:
            in_appendix = item.kind is Kind.APPENDIX
        target = appendices if in_appendix else body
        if item.kind is Kind.APPENDIX:
            target.append("")
        target.append(item_line(item, numbers[item.id]))
    parts = [header_lines(plan), [""], body, [""], footer_lines(plan), appendices]
    return "\n".join(line for part in parts for line in part) + "\n"
