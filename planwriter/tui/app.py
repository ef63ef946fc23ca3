"""The planwriter application: opens the start screen or a plan; the work is in screens."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from planwriter.errors import PlanwriterError
from planwriter.tui.screens.choice import ChoiceDialog, HelpScreen

if TYPE_CHECKING:
    from planwriter.tui.session import Session


class PlanwriterApp(App[None]):
    """``path``: a plan to open at once; ``workdir``: where recent plans are listed."""

    CSS_PATH = "app.tcss"
    TITLE = "planwriter"
    BINDINGS = [
        Binding("f1", "help", "Trợ giúp", id="help"),
        Binding("ctrl+q", "quit", "Thoát", id="quit", priority=True),
    ]

    def __init__(self, path: Path | None = None, workdir: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.workdir = workdir or Path.cwd()

    def on_mount(self) -> None:
        if self.path is not None:
            self.open_plan(self.path)
        else:
            from planwriter.tui.screens.start import StartScreen

            self.push_screen(StartScreen(self.workdir))

    def open_plan(self, path: Path, select: str | None = None) -> None:
        """Open ``path`` in the editor, first offering to recover unsaved work if a journal
        newer than the plan is beside it."""
        from planwriter import journal  # plan files need tomlkit: not on the start path
        from planwriter.tui.session import set_aside_journal

        found = journal.pending(path)
        if found is None:
            self._load(path, recovered=False, select=select)
            return

        def chosen(answer: str | None) -> None:
            if answer == "saved":
                kept = set_aside_journal(path)
                if kept is not None:
                    self.notify(f"Bản tự lưu được giữ lại trong {kept.name}.")
            self._load(path, recovered=answer != "saved", select=select)

        self.push_screen(ChoiceDialog(
            "Có thay đổi chưa lưu",
            f"Lần trước, {path.name} được sửa nhưng chưa lưu (chương trình bị tắt đột ngột?). "
            "Bản tự lưu đang ở cạnh tệp kế hoạch.",
            [("recover", "Khôi phục thay đổi"), ("saved", "Mở bản đã lưu")],
            default="recover"), chosen)

    @work(thread=True, group="open")
    def _load(self, path: Path, recovered: bool, select: str | None) -> None:
        from planwriter.tui.session import Session

        try:
            session = Session.open(path, recovered=recovered)
        except PlanwriterError as exc:
            self.call_from_thread(self._not_opened, str(exc))
            return
        self.call_from_thread(self.show_editor, session, select)

    def _not_opened(self, message: str) -> None:
        self.notify(message, severity="error", title="Không mở được kế hoạch", timeout=10)
        if len(self.screen_stack) == 1:  # nothing else to show: the start screen
            from planwriter.tui.screens.start import StartScreen

            self.push_screen(StartScreen(self.workdir))

    def show_editor(self, session: Session, select: str | None = None) -> None:
        from planwriter.tui.screens.editor import EditorScreen

        self.push_screen(EditorScreen(session, select=select))
        if session.dirty:
            self.notify("Đã khôi phục thay đổi chưa lưu. Nhấn Ctrl+S để lưu vào tệp.")

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        """Save what is safe to save, keep the journal for the rest; never ask."""
        from planwriter.tui.screens.editor import EditorScreen
        from planwriter.tui.screens.saving import save_on_quit

        lines = [save_on_quit(s) for s in self.screen_stack if isinstance(s, EditorScreen)]
        message = "\n".join(line for line in lines if line)
        self.exit(message=message or None)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for candidate in reversed(self.screen_stack):
            commands = getattr(candidate, "palette_commands", None)
            if commands is not None:
                for title, help_text, callback in commands():
                    yield SystemCommand(title, help_text, callback)
                break
