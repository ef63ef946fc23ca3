"""How the interface names things to a drafter: an item by its place in the document
("II.2.1, ý 2"), an operation in Vietnamese with that place, and any message with the plan's
internal ids replaced by places. No Textual here.
"""

from __future__ import annotations

import re
import unicodedata

from planwriter.model import Item, Kind, Plan
from planwriter.numbering import labels


def places(plan: Plan) -> dict[str, str]:
    """Each item's place as a reader finds it: a section's number ("II.2.1"), otherwise the
    enclosing section's and its place there ("II.2.1, ý 2"; "II.2.1, ý 2.1" for a point
    under it; "đoạn 3" at the top level); an appendix is named by its title."""
    own = labels(plan)
    out: dict[str, str] = {}

    def visit(items: list[Item], section: str, section_own: str, point: str) -> None:
        n = 0
        for item in items:
            label = own.get(item.id, "")
            if item.kind is Kind.SECTION and label:
                # "1." under "II." reads "II.1"; a decimal "2.1." already carries its "2.".
                if section_own and label.startswith(section_own) and section_own[0].isdigit():
                    label = label[len(section_own):]
                label = label.rstrip(".")
                here = f"{section}.{label}" if section else label
                out[item.id] = here
                visit(item.children, here, own[item.id], "")
                continue
            if item.kind is Kind.APPENDIX:
                name = " ".join(item.title.split()) or "Phụ lục"
                out[item.id] = name
                visit(item.children, name, "", "")
                continue
            n += 1
            if point:
                here = f"{point}.{n}"
            elif section:
                here = f"{section}, ý {n}"
            else:
                here = f"đoạn {n}"
            out[item.id] = here
            visit(item.children, section, section_own, here)

    visit(plan.items, "", "", "")
    return out


def place(plan: Plan, item_id: str) -> str:
    return places(plan).get(item_id, "")


def short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def name_item(plan: Plan, item: Item, width: int = 40) -> str:
    """ "II.2.1, ý 2 “Phát triển hạ tầng…”" — how a message names an item."""
    where = place(plan, item.id)
    said = short(item.content(), width)
    return f"{where} “{said}”" if where else f"“{said}”"


_VERBS = {"AdaptText": "sửa nội dung", "SetTaskFields": "sửa chủ trì, phối hợp, thời hạn",
          "SetIndicator": "đặt chỉ tiêu", "Drop": "bỏ", "Restore": "khôi phục theo cấp trên",
          "Add": "thêm", "Delete": "xóa", "Move": "chuyển"}


def describe(operation: object, plan: Plan) -> str:
    """An operation as a drafter reads it, naming its item by place and words (never by id)."""
    kind = type(operation).__name__
    if kind in ("SetDocInfo", "SetMeta"):
        return str(getattr(operation, "description", "")) or "thông tin văn bản"
    item_id = getattr(operation, "item_id", None)
    if item_id is None and hasattr(operation, "item"):
        item_id = operation.item.id
    item = plan.find(item_id) if isinstance(item_id, str) else None
    if item is None and kind == "Delete":
        removed = getattr(operation, "_item", None)
        if isinstance(removed, Item):
            return f"xóa “{short(removed.content())}”"
    verb = _VERBS.get(kind, "thay đổi")
    if kind == "SetIndicator" and item is not None:
        wanted = getattr(operation, "indicator_id", "")
        names = [i.name for i in item.indicators if i.id == wanted]
        if names:
            return f"đặt chỉ tiêu “{short(names[0])}”"
    return f"{verb} {name_item(plan, item)}" if item is not None else verb


_QUOTED_ID = re.compile(r"""['"‘“(]([A-Za-z0-9][\w.\-]*)['"’”)]""")


def scrub(message: str, plan: Plan) -> str:
    """``message`` with every quoted or bracketed item id replaced by the item's place (or
    left out, if the item has none), so no internal id reaches a drafter."""
    spots = places(plan)
    index = plan.index()

    def replace(match: re.Match[str]) -> str:
        item_id = match.group(1)
        if item_id not in index:
            return match.group(0)
        where = spots.get(item_id, "")
        if match.group(0).startswith("("):
            return ""
        return where or f"“{short(index[item_id].content(), 30)}”"

    out = _QUOTED_ID.sub(replace, message)
    return re.sub(r"\s{2,}", " ", out).replace(" :", ":").strip()


def fold(text: str) -> str:
    """Lower case without diacritics, so "dong bo" finds "đồng bộ"."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded_with_map(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each of its characters, the index in ``text`` it comes from."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        for c in fold(char):
            out.append(c)
            where.append(index)
    return "".join(out), where


def phrase_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where ``query`` occurs in ``text`` as whole words, diacritics folded: "ha tang" finds
    "hạ tầng" but not "hàng … tăng" nor "hạt". Spans are indices into ``text``."""
    words = fold(query).split()
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)")
    folded, where = folded_with_map(text)
    spans = []
    for match in pattern.finditer(folded):
        start, end = where[match.start()], where[match.end() - 1] + 1
        spans.append((start, end))
    return spans


def reconstructed(plan: Plan | None) -> bool:
    """Whether a (parent) document is a reconstruction, not the official text: its
    ``source`` says "TÁI DỰNG" (or "reconstruct")."""
    if plan is None:
        return False
    said = fold(plan.meta.source)
    return "tai dung" in said or "reconstruct" in said


def finding_text(message: str, plan: Plan) -> str:
    """A check finding's message for a list that already shows the place: ids scrubbed and
    the leading "mục II.1. ý 3:" left out."""
    return re.sub(r"^mục [^:]*:\s*", "", scrub(message, plan))
