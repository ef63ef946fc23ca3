"""The numbered structure: paragraphs with their labels become the tree of items.

A label gives a section's depth: a part ("I.", "II.", "I-", OCR's "|." and "I11.", or "1."
before an upper-case title), "1." below it, "1.1." one level per number, "a)" below the
last numbered level. "-" is a bullet, "+" a bullet under the previous one. A labelled line
with no final punctuation is a heading; one that is a full sentence is a numbered item
with text; "Title: text" runs a title into its text. An exported .docx says all this with
its paragraph styles (planwriter.docstyles), which are used when present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwriter import docstyles
from planwriter.importer.figures import indicators_in
from planwriter.importer.paragraphs import LABEL, Paragraph
from planwriter.model import Item, Kind, split_partners
from planwriter.text import fold_chars

_END = (".", ";", "!", "?", "…")
# What render.item_line adds to a task (or any item given an assignment), in its order;
# any of the four may be the first when the ones before it are not set.
_TASK_FIELDS = re.compile(r"\s\(((?:Chủ trì|Phối hợp|Thời gian|Sản phẩm): .*?)\)$")
_FIELD_NAMES = {
    "Chủ trì": "lead",
    "Phối hợp": "partners",
    "Thời gian": "deadline",
    "Sản phẩm": "output",
}


@dataclass
class _Open:
    item: Item
    depth: int  # section depth (0: part); bullets use 100 + bullet level


class TreeBuilder:
    """Appends items in document order, keeping the stack of open sections and bullets."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self._stack: list[_Open] = []
        self._ids: dict[str, int] = {}
        self._numeric_depth = 0
        # The groups (label style, label + title, section) a task table left open: an
        # appendix's table broken by a paragraph goes on under them (importer/styledtables).
        self.task_groups: list[tuple[str, str, Item]] = []

    def add(self, item: Item, depth: int | None, bullet: int | None = None) -> None:
        """Place ``item``: a section at ``depth``, a bullet at level ``bullet`` (0 "-", 1 "+"),
        or (both None) a paragraph in the current section."""
        level = depth if depth is not None else (100 + bullet if bullet is not None else 1000)
        while self._stack and (
            self._stack[-1].depth >= level
            or (depth is None and bullet is None and self._stack[-1].depth >= 100)
        ):
            self._stack.pop()
        parent = self._stack[-1].item if self._stack else None
        item.id = self._unique(item.id or self._id_for(item, parent))
        (parent.children if parent else self.items).append(item)
        if depth is not None or bullet is not None:
            self._stack.append(_Open(item, level))

    def close_all(self) -> None:
        self._stack.clear()

    def reopen(self, item: Item) -> None:
        """Go back to open section ``item`` (what follows goes under it again)."""
        while self._stack and self._stack[-1].item is not item:
            self._stack.pop()

    def _id_for(self, item: Item, parent: Item | None) -> str:
        stem = parent.id if parent else ""
        kind = {
            Kind.SECTION: "",
            Kind.PARAGRAPH: "p",
            Kind.BULLET: "y",
            Kind.OBJECTIVE: "y",
            Kind.TASK: "nv",
            Kind.TABLE: "bang",
            Kind.APPENDIX: "pl",
        }[item.kind]
        siblings = len(parent.children if parent else self.items) + 1
        return f"{stem}-{kind}{siblings}".strip("-") if stem else f"{kind or 'muc'}{siblings}"

    def _unique(self, wanted: str) -> str:
        n = self._ids.get(wanted, 0)
        self._ids[wanted] = n + 1
        return wanted if n == 0 else f"{wanted}-{n + 1}"


def section_depth(label: str, title: str, numeric_depth: int) -> int:
    """The depth of a section with ``label`` (see the module's docstring)."""
    if label.endswith(")") or re.fullmatch(r"[a-zđ]\.", label):
        return numeric_depth + 1
    if re.fullmatch(r"[IVXLl|][IVXLl|1]{0,4}[.\-]", label) and not label[:-1].isdigit():
        return 0
    numbers = label.rstrip(".").split(".")
    if len(numbers) == 1 and _upper(title):
        return 0
    return len(numbers)


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def split_title(body: str) -> tuple[str, str]:
    """(title, text) of a labelled line: a heading, a sentence, or "Title: text"."""
    head, colon, rest = body.partition(": ")
    if colon and len(head) <= 160 and not head.rstrip().endswith(_END) and rest:
        return head.strip(), rest.strip()
    if body.rstrip().endswith(_END):  # a sentence, not a heading
        return "", body.strip()
    return body.strip(), ""


def text_item(paragraph: Paragraph, builder: TreeBuilder) -> Item:
    """Place one paragraph of a text document; return the item made."""
    found = LABEL.match(paragraph.text)
    label = found.group("label") if found else ""
    body = paragraph.text[found.end() :] if found else paragraph.text
    if label in ("-", "•", "+"):
        kind = Kind.OBJECTIVE if indicators_in(body) else Kind.BULLET
        item = with_fields(Item(id="", kind=kind, text=body.strip()))
        builder.add(item, None, bullet=1 if label == "+" else 0)
    elif label:
        title, text = split_title(body)
        depth = section_depth(label, title or text, builder._numeric_depth)
        if not label.endswith(")") and not re.fullmatch(r"[a-zđ]\.", label):
            builder._numeric_depth = depth
        item = Item(id="", kind=Kind.SECTION, title=title, text=text)
        builder.add(item, depth)
    else:
        item = Item(id="", kind=Kind.PARAGRAPH, text=body.strip())
        builder.add(item, None)
    item.indicators = indicators_in(item.text, item.id) if item.kind is not Kind.SECTION else []
    return item


def styled_item(paragraph: Paragraph, builder: TreeBuilder) -> Item | None:
    """Place one paragraph of a .docx planwriter exported (styles say what it is)."""
    line = paragraph.line
    depth = docstyles.heading_depth(line.style)
    found = LABEL.match(line.text)
    if depth is not None:
        runs = [text for text, _ in line.runs]
        label = found.group("label") if found else ""
        if len(runs) > 1 and runs[0].strip() == label:  # numbered sentence: label, then text
            item = Item(id="", kind=Kind.SECTION, text="".join(runs[1:]).strip())
        elif len(runs) > 1:  # bold title running into regular text
            head = runs[0][found.end() :] if found else runs[0]
            rest = "".join(runs[1:])
            text = rest[2:] if rest.startswith(": ") else rest[1:] if rest.startswith(" ") else rest
            item = Item(id="", kind=Kind.SECTION, title=head.strip(), text=text.strip())
        else:
            item = Item(
                id="", kind=Kind.SECTION, title=line.text[found.end() :] if found else line.text
            )
        builder.add(item, depth)
        return item
    kind = docstyles.STYLE_KINDS.get(line.style)
    if kind is None:
        return None
    text = line.text[found.end() :] if found and found.group("label") in "-+" else line.text
    title = ""
    parts = [(t, bold) for t, bold in line.runs if t.strip()]
    if found and len(parts) >= 3 and parts[0][0].strip() == found.group("label") and parts[1][1]:
        # "- " label, a bold run-in title, then ": text"
        title, rest = (
            parts[1][0],
            "".join(t for t, _ in line.runs)[len(parts[0][0]) + len(parts[1][0]) :],
        )
        text = rest[2:] if rest.startswith(": ") else rest[1:] if rest.startswith(" ") else rest
    item = with_fields(Item(id="", kind=kind, title=title.strip(), text=text.strip()))
    if kind is Kind.PARAGRAPH:
        builder.add(item, None)
    else:
        # an objective or task under a bullet keeps its style; its "+" says the level
        under = line.style == docstyles.BULLET_2 or bool(found and found.group("label") == "+")
        builder.add(item, None, bullet=1 if under else 0)
    item.indicators = indicators_in(item.text, item.id)
    return item


def with_fields(item: Item) -> Item:
    """A task's "(Chủ trì: …; Phối hợp: …; Thời gian: …)" read back into its fields."""
    found = _TASK_FIELDS.search(item.text)
    if not found:
        return item
    item.kind = Kind.TASK
    item.text = item.text[: found.start()]
    for part in found.group(1).split("; "):
        name, _, value = part.partition(": ")
        key = _FIELD_NAMES.get(name)
        if key == "partners":
            item.partners = split_partners(value)
        elif key:
            setattr(item, key, value)
    return item


def listed_item(line: str) -> tuple[int, Item]:
    """A line of what a task lists in its cell of a task table (export/appendix.py): its
    level (1 for "- ", 2 for "+ " under the one before) and its item, a bullet, or a task
    when the line carries an assignment ("(Chủ trì: …; Thời gian: …)")."""
    level = 2 if line.startswith("+ ") else 1
    text = line[2:] if line.startswith(("- ", "+ ")) else line
    return level, with_fields(Item(id="", kind=Kind.BULLET, text=text.strip()))


def is_summing_up(text: str) -> bool:
    """ "Trên đây là Kế hoạch …", "Trên đây là một số nội dung trọng tâm …": the formula a
    document's body ends with, after its last section."""
    return fold_chars(text).startswith("tren day la ")


def is_closing_sentence(text: str) -> bool:
    """ "Ban Thường vụ Tỉnh ủy yêu cầu … nghiêm túc triển khai thực hiện Kế hoạch này." """
    folded = fold_chars(text)
    return folded.startswith(("ban thuong vu", "ban chap hanh", "uy ban nhan dan", "ubnd")) and (
        " yeu cau " in folded or " de nghi " in folded
    )
