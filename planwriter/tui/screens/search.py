"""Search across the plan: type words (diacritics optional), see each item that holds them as
whole words with its place ("II.2.1, ý 2") and the words highlighted; pick one, the outline
jumps to it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from planwriter.model import Plan
from planwriter.tui.wording import fold, phrase_spans, places


@dataclass
class Match:
    """An item that holds the query: where, its text, where in the text, how many times."""

    item_id: str
    place: str
    text: str
    spans: list[tuple[int, int]]
    count: int

    def display(self, width: int = 200) -> Text:
        line = Text()
        if self.place:
            line.append(self.place, style="bold")
            line.append("  ")
        start = 0
        if self.spans and self.spans[0][0] > width // 2:  # keep the first hit in view
            start = self.spans[0][0] - 20
            line.append("…")
        body = Text(self.text[start:])
        for a, b in self.spans:
            if b > start:
                body.stylize("bold reverse", max(a - start, 0), b - start)
        line.append_text(body)
        return line


def matches(plan: Plan, query: str, limit: int = 200) -> list[Match]:
    """Items whose text, lead, partners, deadline or target names hold ``query`` as whole
    words, diacritics folded, in document order."""
    if not fold(query).split():
        return []
    spots = places(plan)
    out: list[Match] = []
    for item, _, _ in plan.walk():
        text = " ".join(item.content().split())
        spans = phrase_spans(text, query)
        extra = " · ".join(x for x in (item.lead, "; ".join(item.partners), item.deadline,
                                        *(i.name for i in item.indicators)) if x)
        more = phrase_spans(extra, query) if extra else []
        if not spans and not more:
            continue
        count = len(spans) + len(more)
        shown = text
        if not spans:  # found only in the task fields or targets: show those
            shown, offset = f"{text} [{extra}]", len(text) + 2
            spans = [(a + offset, b + offset) for a, b in more]
        out.append(Match(item.id, spots.get(item.id, ""), shown, spans, count))
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
            yield Label("Tìm trong kế hoạch (không cần gõ dấu, tìm trọn từ)", classes="title")
            yield Input(placeholder="Từ cần tìm, ví dụ: ha tang", id="query", compact=True)
            yield Label("", id="count")
            yield OptionList(id="results")

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        results = self.query_one("#results", OptionList)
        results.clear_options()
        found = matches(self.plan, event.value)
        results.add_options([Option(m.display(), id=m.item_id) for m in found])
        count = self.query_one("#count", Label)
        if not fold(event.value).split():
            count.update("")
        elif found:
            hits = sum(m.count for m in found)
            count.update(f"{hits} chỗ trong {len(found)} mục")
        else:
            count.update("Không tìm thấy (tìm trọn từ: “ha tang” tìm “hạ tầng”).")

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


__all__ = ["Match", "SearchDialog", "fold", "matches"]
