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

if TYPE_CHECKING:
    from planwriter.tui.session import Session


def _provider(name: str) -> type:
    """The palette's providers, imported when the palette opens (not on the start path)."""
    from planwriter.tui import palette

    return getattr(palette, name)  # type: ignore[no-any-return]


class PlanwriterApp(App[None]):
    """``path``: a plan to open at once; ``workdir``: where recent plans are listed."""

    CSS_PATH = "app.tcss"
    TITLE = "planwriter"
    BINDINGS = [
        Binding("f1,question_mark", "help", "Trợ giúp", id="help", key_display="F1"),
        Binding("ctrl+q", "quit", "Thoát", id="quit", priority=True),
        Binding("ctrl+p", "command_palette", "Lệnh", show=False, priority=True,
                id="palette"),
    ]

    COMMANDS = {lambda: _provider("VietnameseCommands"), lambda: _provider("PlanItems")}

    def __init__(self, path: Path | None = None, workdir: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.workdir = workdir or Path.cwd()

    def get_default_screen(self) -> Screen[object]:
        """The start screen itself when no plan is given: one screen is laid out and painted
        at start, not a blank one first and the start screen over it."""
        if self.path is None:
            from planwriter.tui.screens.start import StartScreen

            return StartScreen(self.workdir)
        return super().get_default_screen()

    def on_mount(self) -> None:
        if self.path is not None:
            self.open_plan(self.path)

    def open_plan(self, path: Path, select: str | None = None) -> None:
        """Open ``path`` in the editor, first offering to recover unsaved work if a journal
        that differs from the plan is beside it (with both times, even when the plan is the
        newer one); a journal that cannot be read is set aside with a message."""
        from planwriter import journal  # plan files need tomlkit: not on the start path

        try:
            found = journal.pending(path)
            problem = journal.readable(path) if found is not None else None
        except PlanwriterError as exc:  # not UTF-8, not a file: set aside, never a crash
            found, problem = journal.journal_path(path), exc.message
        if found is None:
            self._load(path, recovered=False, select=select)
            return
        if problem is not None:
            kept = journal.set_aside(path, "hong")
            where = kept.name if kept else found.name
            self.notify(f"Bản tự lưu của {path.name} không đọc được ({problem}); đã để riêng "
                        f"thành {where}, mở bản đã lưu.", severity="warning", timeout=12)
            self._load(path, recovered=False, select=select)
            return
        written, saved = journal.times(path)

        def chosen(answer: str | None) -> None:
            if answer == "saved":
                kept = journal.set_aside(path)
                if kept is not None:
                    self.notify(f"Bản tự lưu được giữ lại trong {kept.name}.")
            self._load(path, recovered=answer != "saved", select=select)

        when = "%H:%M:%S ngày %d/%m/%Y"
        said = (f"Lần trước, {path.name} được sửa nhưng chưa lưu (chương trình bị tắt đột "
                f"ngột?).\nBản tự lưu: {written.strftime(when)}.")
        if saved is not None:
            said += f"\nTệp kế hoạch: {saved.strftime(when)}."
            if saved > written:
                said += ("\nTệp kế hoạch đã được sửa SAU bản tự lưu (bằng lệnh hoặc người "
                         "khác): khôi phục sẽ thay những thay đổi đó bằng bản tự lưu.")
        from planwriter.tui.screens.choice import ChoiceDialog

        self.push_screen(ChoiceDialog(
            "Có thay đổi chưa lưu", said,
            [("recover", "Khôi phục bản tự lưu"), ("saved", "Mở bản đã lưu")],
            default="recover" if saved is None or written >= saved else "saved"), chosen)

    def back_to_start(self) -> None:
        """Leave the editor (already saved) for the start screen, to open another plan."""
        from planwriter.tui.screens.start import StartScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, StartScreen):
            self.pop_screen()
        if not isinstance(self.screen, StartScreen):
            self.push_screen(StartScreen(self.workdir))
        else:
            self.screen.refresh_recent()

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from planwriter.tui.palette import PLACEHOLDER

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=PLACEHOLDER))

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
        from planwriter.tui.screens.choice import HelpScreen  # not on the start path

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
        """The app's own commands in Vietnamese, then those of the screen below the palette."""
        yield SystemCommand("trợ giúp: phím và ký hiệu", "Các phím, ký hiệu trong dàn ý (F1, ?)",
                            self.action_help)
        yield SystemCommand("giao diện: đổi màu", "Chọn bảng màu khác", self.action_change_theme)
        if screen.query("HelpPanel"):
            yield SystemCommand("giao diện: ẩn bảng phím", "Ẩn bảng phím bên phải",
                                self.action_hide_help_panel)
        else:
            yield SystemCommand("giao diện: hiện bảng phím",
                                "Hiện các phím dùng được ở ô đang chọn",
                                self.action_show_help_panel)
        yield SystemCommand("tệp: thoát", "Lưu và thoát chương trình (Ctrl+Q)", self.action_quit)
        for candidate in reversed(self.screen_stack):
            commands = getattr(candidate, "palette_commands", None)
            if commands is not None:
                for title, help_text, callback in commands():
                    yield SystemCommand(title, help_text, callback)
                break
