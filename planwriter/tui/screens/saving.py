"""Saving without overwriting someone else's changes, and quitting without losing work."""

from __future__ import annotations

from planwriter.errors import PlanwriterError
from planwriter.tui.screens.choice import ChoiceDialog
from planwriter.tui.screens.host import EditorHost
from planwriter.tui.session import ChangedOnDisk

EditorScreen = EditorHost


def save_with_care(screen: EditorScreen) -> None:
    """Save; if the file changed on disk since it was opened, ask what to do."""
    session = screen.session
    if session.read_only:
        screen.notify(f"Chỉ đọc, không lưu được: {session.path.name} {session.locked_by}.",
                      severity="warning")
        return
    try:
        session.save()
    except ChangedOnDisk:
        screen.flush_journal()  # whatever is chosen, the work is on disk meanwhile

        def chosen(answer: str | None) -> None:
            if answer == "copy":
                target = session.save_copy()
                screen.notify(f"Đã lưu bản của bạn thành {target.name}; tệp gốc giữ nguyên.")
            elif answer == "overwrite":
                session.save(force=True)
                screen.saved()
            else:
                screen.notify("Chưa lưu. Thay đổi vẫn được giữ trong nhật ký tự lưu.")
            screen.show_title()

        screen.app.push_screen(ChoiceDialog(
            "Tệp đã bị thay đổi bên ngoài",
            f"{session.path.name} đã được sửa (bởi người khác hoặc chương trình khác) từ khi "
            "mở. Ghi đè sẽ làm mất các thay đổi đó.",
            [("copy", "Lưu thành tệp khác"), ("overwrite", "Ghi đè"), ("cancel", "Chưa lưu")],
            default="cancel"), chosen)
        return
    except (PlanwriterError, OSError) as exc:
        screen.notify(f"Không lưu được: {exc}", severity="error")
        return
    screen.saved()


def save_on_quit(screen: EditorScreen) -> str | None:
    """Quitting asks nothing: save when that is safe, otherwise keep the journal (the next
    start offers to recover it). Returns a line to print after exit, if any."""
    session = screen.session
    screen.commit_text()
    if not session.dirty or session.read_only:
        return None
    try:
        session.save()
        return f"planwriter: đã lưu {session.path}"
    except (ChangedOnDisk, PlanwriterError, OSError):
        screen.flush_journal()
        return (f"planwriter: {session.path} đã bị sửa bên ngoài; thay đổi của bạn được giữ "
                f"trong {session.path.name}.pw-journal và sẽ được đề nghị khôi phục lần sau")
