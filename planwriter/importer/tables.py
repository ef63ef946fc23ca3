"""Tables written in text as "| … | … |" rows (a Word table pasted as text, or Markdown): the
task register of an appendix ("TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết
quả | Thời gian hoàn thành") and the list of targets ("TT | Chỉ tiêu | Đơn vị | Kết quả").

The header row says what each column is; a row whose number is a part ("I.") and which has
no other cells is a group; every other row is a task, or a target with its indicators.
"""

from __future__ import annotations

import re

from planwriter.importer.figures import indicators_in
from planwriter.importer.structure import TreeBuilder
from planwriter.model import Item, Kind, split_partners
from planwriter.text import fold_chars

# folded words in a header cell → the field that column holds
_COLUMNS = [
    ("phoi hop", "partners"),
    ("chu tri", "lead"),
    ("thoi gian", "deadline"),
    ("san pham", "output"),
    ("ket qua", "output"),
    ("nhiem vu", "text"),
    ("chi tieu", "text"),
    ("don vi", "unit"),
    ("tt", "number"),
]


def cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.strip().strip("|").split("|")]


class TableReader:
    """Reads the rows of one text table after another, in document order."""

    def __init__(self, builder: TreeBuilder) -> None:
        self.builder = builder
        self.columns: dict[int, str] = {}
        self.targets = False
        self.found_tasks = False

    def row(self, text: str) -> None:
        values = cells(text)
        header = self._header(values)
        if header:
            self.columns = header
            self.targets = "unit" in header.values()
            return
        if not self.columns:  # a table with no header row: keep its text as a paragraph
            self.builder.add(Item(id="", kind=Kind.PARAGRAPH, text=text.strip()), None)
            return
        fields = {name: values[i] for i, name in self.columns.items() if i < len(values)}
        rest = [v for i, v in enumerate(values) if self.columns.get(i) not in ("number", "text")]
        if re.fullmatch(r"[IVXLC]+\.?", fields.get("number", "")) and not any(rest):
            section = Item(id="", kind=Kind.SECTION, title=fields.get("text", ""))
            self.builder.add(section, 1)
            return
        if self.targets:
            result = fields.get("output", "")
            item = Item(
                id="", kind=Kind.OBJECTIVE, text=f"{fields.get('text', '')}: {result}".strip(": ")
            )
            item.indicators = indicators_in(result)
            self.builder.add(item, None, bullet=0)
            item.indicators = indicators_in(result, item.id)
            return
        self.found_tasks = True
        item = Item(
            id="",
            kind=Kind.TASK,
            text=fields.get("text", ""),
            lead=fields.get("lead", ""),
            partners=split_partners(fields.get("partners", "")),
            deadline=fields.get("deadline", ""),
            output=fields.get("output", ""),
        )
        self.builder.add(item, None, bullet=0)

    @staticmethod
    def _header(values: list[str]) -> dict[int, str]:
        # A header row starts with "TT" (or "STT") and names its columns in a few words.
        if not values or fold_chars(values[0]) not in ("tt", "stt") or max(map(len, values)) > 60:
            return {}
        found: dict[int, str] = {0: "number"}
        for index, value in enumerate(values[1:], start=1):
            folded = fold_chars(value)
            for words, name in _COLUMNS:
                if (
                    folded == words if words == "tt" else words in folded
                ) and name not in found.values():
                    found[index] = name
                    break
        names = set(found.values())
        return found if "text" in names and ({"lead", "unit"} & names) else {}
