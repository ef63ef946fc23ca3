"""Tables: a Word table's rows, or rows written as text ("| … | … |", or "1 | … | …" as a
crawl writes them). A task register ("TT | Nhiệm vụ | Cơ quan chủ trì | Phối hợp | Thời
hạn | Sản phẩm") becomes tasks; a list of targets ("TT | Chỉ tiêu | Đơn vị | Kết quả")
objectives with their indicators; any other table (a form, a list of units) stays a table
(``Kind.TABLE``: header rows and body rows, every cell as written).

The header row says what each column is; a row whose number is a part ("I.", "A.") and which
has no other cells is a group; a row with fewer cells than the header continues the task
above it (its first cells were merged down: same lead, same partners). A column a task has
no field for ("Tình trạng", "Nguồn lực") is kept in the task's text, "(Tình trạng: …)".
"""

from __future__ import annotations

import re

from planwriter.importer.figures import indicators_in
from planwriter.importer.structure import TreeBuilder
from planwriter.model import Item, Kind, split_partners
from planwriter.text import fold_chars

# folded words in a header cell → the field that column holds (the first rule that fits)
_COLUMNS = [
    ("thuoc nhom", "group"),
    ("phoi hop", "partners"),
    ("chu tri", "lead"),
    ("thoi gian", "deadline"),
    ("thoi han", "deadline"),
    ("tien do", "deadline"),
    ("san pham", "output"),
    ("ket qua", "output"),
    ("chi tieu dat", "output"),
    ("ten du an", "text"),
    ("ten nhiem vu", "text"),
    ("noi dung nhiem vu", "text"),
    ("nhiem vu", "text"),
    ("noi dung", "text"),
    ("chi tieu", "text"),
    ("don vi", "unit"),
    ("tt", "number"),
]
_GROUP = re.compile(r"[IVXLC]+\.?|[A-ZĐ]\.?")


def cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.strip().strip("|").split("|")]


def is_text_row(text: str) -> bool:
    """A table row written as text: "| a | b |", or "1 | a | b" (two cells at least)."""
    stripped = text.strip()
    if stripped.startswith("|"):
        return stripped.count("|") >= 3
    return " | " in stripped


class TableReader:
    """Reads the rows of one table after another, in document order."""

    def __init__(self, builder: TreeBuilder) -> None:
        self.builder = builder
        self.columns: dict[int, str] = {}
        self.width = 0
        self.targets = False
        self.found_tasks = False
        self.table: Item | None = None  # the table being filled, when it is not tasks
        self.last: Item | None = None  # the last task, for rows that continue it
        self.header_names: list[str] = []
        self.merged_columns = False  # a column with no task field was written into the text
        self.headers: list[list[str]] = []  # header rows of registers (their columns are fields)

    def end(self) -> None:
        """The table is over (a paragraph came): the next row starts a new table."""
        self.columns, self.table, self.last = {}, None, None

    def row(self, text: str) -> None:
        self.cells_row(cells(text))

    def cells_row(self, values: list[str]) -> None:
        if not any(values):
            return
        header = self._header(values)
        if header and self.table is None:
            self.columns, self.width, self.header_names = header, len(values), values
            self.headers.append(values)
            self.targets = "unit" in header.values()
            return
        if self.table is not None:
            self.table.rows.append(values)
            return
        if not self.columns:  # a table that is not a register: kept as a table
            self.table = Item(id="", kind=Kind.TABLE, header=[values])
            self.builder.add(self.table, None)
            return
        if len(values) < self.width and self.last is not None and not self.targets:
            self._continue(values)
            return
        fields = {name: values[i] for i, name in self.columns.items() if i < len(values)}
        rest = [v for i, v in enumerate(values) if self.columns.get(i) not in ("number", "text")]
        first = values[0] if "number" in self.columns.values() else fields.get("number", "")
        if _GROUP.fullmatch(first.strip()) and not any(rest[1:] if len(values) == 2 else rest):
            title = fields.get("text", "") or (values[1] if len(values) > 1 else "")
            self.builder.add(Item(id="", kind=Kind.SECTION, title=title), 1)
            self.last = None
            return
        if self.targets:
            result = fields.get("output", "")
            unit = fields.get("unit", "")
            if unit and unit not in result:  # "Thứ bậc", "%": kept beside the result
                result = f"{result} ({unit})".strip()
            item = Item(
                id="", kind=Kind.OBJECTIVE, text=f"{fields.get('text', '')}: {result}".strip(": ")
            )
            self.builder.add(item, None, bullet=0)
            item.indicators = indicators_in(result, item.id)
            return
        self._task(fields, values)

    def _task(self, fields: dict[str, str], values: list[str]) -> None:
        self.found_tasks = True
        if fields.get("group") and (self.last is None or fields["group"] != self._group):
            self._group = fields["group"]
            self.builder.add(Item(id="", kind=Kind.SECTION, title=fields["group"]), 2)
        item = Item(
            id="",
            kind=Kind.TASK,
            text=self._text(fields.get("text", ""), values, 0),
            lead=fields.get("lead", ""),
            partners=split_partners(fields.get("partners", "")),
            deadline=fields.get("deadline", ""),
            output=fields.get("output", ""),
        )
        self.builder.add(item, None, bullet=0)
        self.last = item

    def _continue(self, values: list[str]) -> None:
        """A row whose first cells were merged with the rows above: same lead and partners."""
        assert self.last is not None
        offset = self.width - len(values)
        fields = {name: values[i - offset] for i, name in self.columns.items() if i >= offset}
        item = Item(
            id="",
            kind=Kind.TASK,
            text=self._text(fields.get("text", ""), values, offset),
            lead=fields.get("lead", self.last.lead),
            partners=split_partners(fields["partners"])
            if "partners" in fields
            else list(self.last.partners),
            deadline=fields.get("deadline", ""),
            output=fields.get("output", ""),
        )
        self.builder.add(item, None, bullet=0)
        self.last = item

    _group = ""

    def _text(self, text: str, values: list[str], offset: int) -> str:
        extra = [
            f"{self.header_names[i]}: {value}"
            for i, value in enumerate(values, start=offset)
            if value and i < len(self.header_names) and i not in self.columns
        ]
        if extra:
            self.merged_columns = True
            return f"{text} ({'; '.join(extra)})".strip()
        return text

    @staticmethod
    def _header(values: list[str]) -> dict[int, str]:
        # A header row starts with "TT" (or "STT") and names its columns in a few words.
        if not values or fold_chars(values[0]).strip(" .") not in ("tt", "stt"):
            return {}
        if max(map(len, values)) > 80:
            return {}
        found: dict[int, str] = {0: "number"}
        for index, value in enumerate(values[1:], start=1):
            folded = " ".join(fold_chars(value).split())
            for words, name in _COLUMNS:
                if (
                    folded == words if words == "tt" else words in folded
                ) and name not in found.values():
                    found[index] = name
                    break
        names = set(found.values())
        return found if "text" in names and ({"lead", "unit"} & names) else {}
