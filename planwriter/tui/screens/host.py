"""What the editor's helpers (``editor_actions``, ``findings``, ``saving``, ``docinfo``) need
of the screen they work for, as a Protocol: they depend on this, never on ``editor``, so
editor → actions → editor is no import circle."""

from __future__ import annotations

from typing import Any, Protocol

from planwriter.model import Item
from planwriter.tui.session import Session


class EditorHost(Protocol):
    """The editor screen as its helpers see it."""

    session: Session
    shown_id: str | None
    findings: dict[str, list[str]]

    @property
    def current(self) -> Item | None: ...

    @property
    def app(self) -> Any: ...

    def commit_text(self) -> None: ...

    def apply(self, operation: Any) -> bool: ...

    def show_item(self, item_id: str | None) -> None: ...

    def show_title(self) -> None: ...

    def go_to(self, item_id: str) -> None: ...

    def flush_journal(self) -> None: ...

    def saved(self) -> None: ...

    def say(self, message: str, severity: str = "information", title: str = "") -> None: ...

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...

    def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...

    def run_worker(self, work: Any, *args: Any, **kwargs: Any) -> Any: ...
