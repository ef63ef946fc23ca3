"""The plan model: a document's metadata and its tree of items.

Pure Python, no I/O and no UI. Every other part of planwriter (files, drafting, diff,
export, import, TUI) reads and changes plans through these classes.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    """Where in the hierarchy a plan's issuing body sits."""

    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


class Family(StrEnum):
    """Which presentation rules a document follows."""

    PARTY = "party"  # Hướng dẫn 36-HD/VPTW
    STATE = "state"  # Nghị định 30/2020/NĐ-CP
    # Ủy ban MTTQ and other mass organisations: the state layout (national motto, "Số: 16/KH-…")
    # with the organisation's own body lines ("ỦY BAN MTTQ VIỆT NAM / XÃ LƯƠNG MINH / BAN
    # THƯỜNG TRỰC") and "TM. BAN THƯỜNG TRỰC" (../shared/FORMAT.md, mass-organisation section).
    MASS = "mass"


class Kind(StrEnum):
    """What an item is. Only sections are numbered; bullets, objectives and tasks get "-"."""

    SECTION = "section"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    OBJECTIVE = "objective"
    TASK = "task"
    # A "Phụ lục" after the signature: ``title`` its label ("PHỤ LỤC I"), ``text`` its heading
    # ("DANH MỤC NHIỆM VỤ …"), ``attached`` its "(Kèm theo …)" line; its children (sections,
    # tasks, paragraphs, tables) are numbered afresh. Only at the top level, after the body.
    APPENDIX = "appendix"
    # A table that is not a task register (a form, a list of units): ``header`` and ``rows``.
    TABLE = "table"


class Disposition(StrEnum):
    """What a child plan did with an item of its parent."""

    ADOPTED = "adopted"  # the parent's text unchanged
    LOCALIZED = "localized"  # changed only by the profile's vocabulary (tỉnh → xã …)
    ADAPTED = "adapted"  # changed by the drafter (or by boilerplate, parent text kept)
    DROPPED = "dropped"
    ADDED = "added"


class Direction(StrEnum):
    """Whether a higher target value is more ambitious (most are) or less."""

    UP = "up"
    DOWN = "down"


DOC_TYPE_NAMES: dict[str, str] = {
    "KH": "KẾ HOẠCH",
    "CTr": "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "NQ": "NGHỊ QUYẾT",
    "HD": "HƯỚNG DẪN",
    "TB": "THÔNG BÁO",
    "QĐ": "QUYẾT ĐỊNH",
    "BC": "BÁO CÁO",
    "CV": "CÔNG VĂN",
    "KL": "KẾT LUẬN",
    "CT": "CHỈ THỊ",
}


DEFAULT_NUMBERING = ("I.", "1.", "1.1.", "a)")


@dataclass(slots=True)
class Indicator:
    """A measured target: "Tỷ lệ phủ sóng 5G … đạt tối thiểu 45%"."""

    id: str
    name: str
    value: float | int
    unit: str = ""
    comparator: str = "đạt"
    year: int | None = None
    direction: Direction = Direction.UP

    def figure(self) -> str:
        """The value as a Vietnamese document writes it: 6,5% GRDP or 10 người/vạn dân."""
        if not self.unit or self.unit.startswith("%"):
            return format_number(self.value) + self.unit
        return f"{format_number(self.value)} {self.unit}"


def join_partners(partners: list[str]) -> str:
    """Partner agencies as one line, "; " between them: an agency's own name may hold commas
    ("các bộ, ngành, địa phương"), so that ``split_partners`` gives the list back."""
    return "; ".join(partners)


def split_partners(text: str) -> list[str]:
    """The list ``join_partners`` wrote (a line without "; " is one entry, as written)."""
    return [p.strip() for p in text.split("; ") if p.strip()]


def format_number(value: float | int) -> str:
    """6.5 → "6,5"; 80.0 → "80" (Vietnamese decimal comma)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


@dataclass(slots=True)
class Item:
    """One element of a plan's tree: a numbered section, a paragraph, a bullet, an objective
    with its indicators, or a task with its lead agency and deadline."""

    id: str
    kind: Kind
    title: str = ""
    text: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    lead: str = ""
    partners: list[str] = field(default_factory=list)
    deadline: str = ""
    output: str = ""
    attached: str = ""  # an appendix's "(Kèm theo Kế hoạch số … của …)" line
    header: list[list[str]] = field(default_factory=list)  # a table's header rows
    rows: list[list[str]] = field(default_factory=list)  # a table's body rows
    origin: list[str] = field(default_factory=list)
    disposition: Disposition | None = None
    reason: str = ""
    children: list[Item] = field(default_factory=list)

    @property
    def dropped(self) -> bool:
        return self.disposition is Disposition.DROPPED

    @property
    def numbered(self) -> bool:
        return self.kind is Kind.SECTION

    @property
    def kept(self) -> bool:
        """Taken over from the parent, as written or localized only."""
        return self.disposition in (Disposition.ADOPTED, Disposition.LOCALIZED)

    def content(self) -> str:
        """Title and text as one line of prose, the way the document reads."""
        if self.title and self.text:
            sep = " " if self.title.endswith((":", ".")) else ": "
            return f"{self.title}{sep}{self.text}"
        return self.title or self.text


@dataclass
class Signature:
    """The signature block: "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", the signer's name.

    A state document signed by a deputy adds the authority line between the two:
    "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" (``acting``), "PHÓ CHỦ TỊCH"."""

    on_behalf: str = ""
    acting: str = ""
    title: str = ""
    name: str = ""

    def lines(self) -> list[str]:
        """The block's lines above the signer's name, in order, skipping empty ones."""
        return [x for x in (self.on_behalf, self.acting, self.title) if x]


@dataclass
class ParentRef:
    """The document a plan implements: where to find it and how to cite it."""

    ref: str = ""
    number: str = ""
    date: dt.date | None = None
    issuer: str = ""
    title: str = ""


@dataclass
class Meta:
    """Everything about a plan that is not its body.

    ``superior_body``, ``issuing_body`` and ``summary`` may hold line breaks (a newline) where the
    document breaks them (an MTTQ body's three lines, a trích yếu the drafter balanced); the
    plan file stores such a value as an array of lines. Use ``one_line`` for prose.
    """

    level: Level = Level.PROVINCE
    family: Family = Family.PARTY
    doc_type: str = "KH"
    number: str = ""
    issuer_symbol: str = ""
    superior_body: str = ""
    issuing_body: str = ""
    place: str = ""
    date: dt.date | None = None
    summary: str = ""
    parent: ParentRef | None = None
    recipients: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)  # a letter's "Kính gửi:" lines
    signature: Signature = field(default_factory=Signature)
    tasks_in_appendix: bool = False
    numbering: list[str] = field(default_factory=lambda: list(DEFAULT_NUMBERING))
    source: str = ""
    profile: str = ""  # the profile key a child plan was drafted with (for restore and check)

    @staticmethod
    def one_line(value: str) -> str:
        """A multi-line header value as one line of prose."""
        return " ".join(part.strip() for part in value.split("\n") if part.strip())

    @property
    def type_name(self) -> str:
        return DOC_TYPE_NAMES.get(self.doc_type, self.doc_type.upper())

    def number_line(self) -> str:
        """ "Số 363-KH/HU" (party) or "Số: 45/KH-UBND" (state); blanks left for a draft. A
        state or MTTQ letter (Công văn) names no type: "Số: 174/UBND-NNMT"; a party letter
        does: "Số 12-CV/TU"."""
        number = self.number or "    "
        if self.family is not Family.PARTY:
            return f"Số: {number}/{self._state_symbol()}"
        return f"Số {number}-{self.doc_type}/{self.issuer_symbol}"

    def symbol(self) -> str:
        """ "363-KH/HU", "45/KH-UBND", "174/UBND-NNMT": the form other documents cite."""
        if self.family is not Family.PARTY:
            return f"{self.number}/{self._state_symbol()}"
        return f"{self.number}-{self.doc_type}/{self.issuer_symbol}"

    def _state_symbol(self) -> str:
        """What follows the number in a state or MTTQ document: its type and the issuer
        ("KH-UBND"); the issuer alone for a letter (Nghị định 30/2020/NĐ-CP, Phụ lục III:
        "Số: …/UBND-VP"), whose ``issuer_symbol`` is all it writes after "/" (a letter
        that does write "CV-BCĐ" keeps that there)."""
        if self.doc_type == "CV" or not self.doc_type:
            return self.issuer_symbol
        return f"{self.doc_type}-{self.issuer_symbol}"

    def place_date(self) -> str:
        """ "Tam Đường, ngày 23 tháng 4 năm 2025" (day below 10 and months 1–2 with a zero)."""
        if self.date is None:
            return f"{self.place}, ngày     tháng     năm"
        day = f"{self.date.day:02d}"
        month = f"{self.date.month:02d}" if self.date.month < 3 else str(self.date.month)
        return f"{self.place}, ngày {day} tháng {month} năm {self.date.year}"


@dataclass
class Plan:
    """A plan, programme or other document: metadata plus a tree of items."""

    meta: Meta = field(default_factory=Meta)
    items: list[Item] = field(default_factory=list)

    def walk(self, include_dropped: bool = True) -> Iterator[tuple[Item, Item | None, int]]:
        """Every item in document order with its parent item and its depth. One loop over a
        stack of levels, not a generator per level that each item is passed up through (a
        10,000-item plan is walked several times a command)."""
        stack: list[tuple[Iterator[Item], Item | None, int]] = [(iter(self.items), None, 0)]
        while stack:
            items, parent, depth = stack[-1]
            item = next(items, None)
            if item is None:
                stack.pop()
                continue
            if not include_dropped and item.dropped:
                continue
            yield item, parent, depth
            if item.children:  # looked at once the caller is done with the item, as before
                stack.append((iter(item.children), item, depth + 1))

    def body(self) -> list[Item]:
        """The top-level items before the signature (everything but the appendices)."""
        return [item for item in self.items if item.kind is not Kind.APPENDIX]

    def appendices(self) -> list[Item]:
        """The "Phụ lục" that follow the signature, in order."""
        return [item for item in self.items if item.kind is Kind.APPENDIX]

    def find(self, item_id: str) -> Item | None:
        for item, _, _ in self.walk():
            if item.id == item_id:
                return item
        return None

    def index(self) -> dict[str, Item]:
        return {item.id: item for item, _, _ in self.walk()}

    def parent_of(self, item_id: str) -> Item | None:
        for item, parent, _ in self.walk():
            if item.id == item_id:
                return parent
        return None

    def siblings_of(self, item_id: str) -> list[Item]:
        """The list that holds the item (the plan's top level or a parent's children)."""
        parent = self.parent_of(item_id)
        return self.items if parent is None else parent.children

    def indicators(self) -> Iterator[tuple[Item, Indicator]]:
        for item, _, _ in self.walk():
            for indicator in item.indicators:
                yield item, indicator

    def clone(self) -> Plan:
        return copy.deepcopy(self)
