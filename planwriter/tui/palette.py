"""The command palette in Vietnamese: its own commands named in Vietnamese, matched with
diacritics folded ("xuat" finds "xuất: văn bản"), and, in the editor, the plan's items found
by whole words ("ha tang" finds "hạ tầng", never "hàng … tăng"), each with its place."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from planwriter.tui.wording import fold

PLACEHOLDER = "Tìm lệnh hoặc nội dung (không cần gõ dấu)…"


def command_score(title: str, query: str) -> float:
    """How well ``query`` names a command: each folded word of the query must begin a word of
    the folded title (so "xuat" and "xu" find "xuất"); 0 when one does not."""
    words = fold(title).replace(":", " ").replace(",", " ").split()
    wanted = fold(query).split()
    if not wanted:
        return 0.0
    score = 0.0
    for w in wanted:
        best = max((len(w) / len(word) for word in words if word.startswith(w)), default=0.0)
        if best == 0:
            return 0.0
        score += best
    return score / len(wanted)


def highlighted(text: str, spans: Iterable[tuple[int, int]]) -> Text:
    out = Text(text)
    for start, end in spans:
        out.stylize("bold reverse", start, end)
    return out


def _prefix_spans(title: str, query: str) -> list[tuple[int, int]]:
    folded = fold(title)
    spans = []
    for w in fold(query).split():
        at = 0
        while (at := folded.find(w, at)) >= 0:
            if at == 0 or not folded[at - 1].isalnum():
                spans.append((at, at + len(w)))
                break
            at += 1
    return spans


class VietnameseCommands(Provider):
    """The app's and the current screen's commands (``App.get_system_commands``)."""

    async def discover(self) -> Hits:
        for title, help_text, callback, discover in self.app.get_system_commands(self.screen):
            if discover:
                yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        for title, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            score = max(command_score(title, query), 0.8 * command_score(help_text, query))
            if score > 0:
                yield Hit(score, highlighted(title, _prefix_spans(title, query)), callback,
                          text=title, help=help_text)


class PlanItems(Provider):
    """Items of the plan open in the editor whose text holds the query as whole words."""

    async def search(self, query: str) -> Hits:
        editor = _editor(self.app)
        if editor is None or len(fold(query).split()) == 0:
            return
        from planwriter.tui.screens.search import matches

        found = matches(editor.session.plan, query, limit=50)
        for n, match in enumerate(found):
            line = match.display()

            def go(item_id: str = match.item_id) -> None:
                editor.go_to(item_id)

            yield Hit(0.5 - n / 1000, line, go, text=line.plain,
                      help=f"nội dung kế hoạch · {match.count} chỗ")


def _editor(app: Any) -> Any:
    for screen in reversed(app.screen_stack):
        if type(screen).__name__ == "EditorScreen":
            return screen
    return None
