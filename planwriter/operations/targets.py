"""Setting a target (chỉ tiêu): the indicator's figure, and the same figure in the text
the document prints."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from planwriter.errors import OperationError
from planwriter.model import Indicator, Item, format_number
from planwriter.operations.base import FieldsOperation
from planwriter.planfile.rules import number_problem


@dataclass
class SetIndicator(FieldsOperation):
    """Set an indicator's target (value, and comparator, unit or year if given)."""

    item_id: str
    indicator_id: str
    value: float | int
    comparator: str | None = None
    unit: str | None = None
    year: int | None = None

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"đặt chỉ tiêu {self.indicator_id}"

    def changes(self, item: Item) -> dict[str, Any]:
        problem = number_problem(self.value)
        if problem:
            raise OperationError(f"indicator '{self.indicator_id}': {problem}")
        indicators = copy.deepcopy(item.indicators)
        for indicator in indicators:
            if indicator.id == self.indicator_id:
                before = copy.deepcopy(indicator)
                indicator.value = self.value
                if self.comparator is not None:
                    indicator.comparator = self.comparator
                if self.unit is not None:
                    indicator.unit = self.unit
                if self.year is not None:
                    indicator.year = self.year
                # The document prints the text, not the indicator: the figure must follow.
                return {"indicators": indicators, "text": restate(item.text, before, indicator)}
        raise OperationError(f"item '{self.item_id}' has no indicator '{self.indicator_id}'")


def restate(text: str, old: Indicator, new: Indicator) -> str:
    """``text`` with the figure of ``old`` ("trên 80%", "ít nhất 03%") rewritten as ``new``'s.

    Patterns are tried from the most specific (comparator, number and unit) to the number
    alone; the first that occurs exactly once is rewritten: its number, and its comparator if
    it has one. If none is unambiguous the text is left as it is.
    """
    number = r"(?<![\d,.])0*" + re.escape(format_number(old.value)) + r"(?![\d,])"
    unit = r"\s?" + re.escape(old.unit) if old.unit else ""
    comparator = rf"(?P<cmp>{re.escape(old.comparator)})\s+" if old.comparator else None
    shapes = [rf"(?P<num>{number}){unit}", rf"(?P<num>{number})"]
    if comparator:
        shapes = [comparator + shapes[0], shapes[0], comparator + shapes[1], shapes[1]]
    for shape in shapes:
        found = list(re.finditer(shape, text))
        if len(found) != 1:
            continue
        match = found[0]
        figure = format_number(new.value)
        if match.group("num").startswith("0") and figure.isdigit():  # "03%" stays two digits
            figure = figure.zfill(len(match.group("num")))
        out = text[: match.start("num")] + figure + text[match.end("num") :]
        if "cmp" in match.groupdict() and match.group("cmp") is not None:
            out = out[: match.start("cmp")] + new.comparator + out[match.end("cmp") :]
        return out
    return text
