"""The document's own particulars: its number and date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planwriter.model import Plan
from planwriter.operations.base import Operation
from planwriter.planfile.rules import clean_text


@dataclass
class SetMeta(Operation):
    """Fill in the document's number and date (None: leave as is), as a clerk does once the
    plan is registered; ``clear_date`` empties the date again."""

    number: str | None = None
    date: dt.date | None = None
    clear_date: bool = False

    @property
    def description(self) -> str:  # type: ignore[override]
        return "đặt số, ngày văn bản"

    def apply(self, plan: Plan) -> None:
        number = None if self.number is None else clean_text(self.number.strip(), "number")
        self._before = (plan.meta.number, plan.meta.date)
        if number is not None:
            plan.meta.number = number
        if self.clear_date:
            plan.meta.date = None
        elif self.date is not None:
            plan.meta.date = self.date

    def revert(self, plan: Plan) -> None:
        plan.meta.number, plan.meta.date = self._before
