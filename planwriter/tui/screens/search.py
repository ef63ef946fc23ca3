"""Search across the plan: type words, pick an item, the outline jumps to it."""

from __future__ import annotations

import unicodedata

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from planwriter.model import Plan
from planwriter.numbering import labels


def fold(text: str) -> str:
    """Lower case without diacritics, so "dong bo" finds "đồng bộ"."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(plan: Plan, query: str, limit: int = 200) -> list[tuple[str, str]]:
    """(item id, label and text) of items whose text has every word of ``query``."""
    words = fold(query).split()
    if not words:
        return []
    numbers = labels(plan)
    out = []
    for item, _, _ in plan.walk():
        haystack = fold(" ".join([item.content(), item.lead, " ".join(item.partners),
                                  item.deadline, *(i.name for i in item.indicators)]))
        if all(w in haystack for w in words):
            label = numbers.get(item.id, "×")
            out.append((item.id, f"{label} {item.content()}".strip()))
            if len(out) >= limit:
                break
    return out


class SearchDialog(ModalScreen[str | None]):
    """Returns the id of the item picked, or None."""

    BINDINGS = [Binding("escape", "cancel", "Hủy", id="cancel"),
                Binding("down", "to_results", "Kết quả", id="to-results", show=False)]

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog search"):
            yield Label("Tìm trong kế hoạch (không cần gõ dấu)", classes="title")
            yield Input(placeholder="Từ cần tìm", id="query", compact=True)
            yield OptionList(id="results")

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        results = self.query_one("#results", OptionList)
        results.clear_options()
        results.add_options([Option(text, id=item_id) for item_id, text in
                             matches(self.plan, event.value)])

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        results = self.query_one("#results", OptionList)
        if results.option_count:
            option = results.get_option_at_index(results.highlighted or 0)
            self.dismiss(option.id)

    @on(OptionList.OptionSelected, "#results")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_to_results(self) -> None:
        self.query_one("#results", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
