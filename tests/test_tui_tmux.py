"""The whole job driven in tmux at 80×24, as a drafter would with a keyboard (send-keys,
capture-pane): create a plan, fill the document information, adapt an item, set a lead and
deadline, drop an item with a reason, review (check, diff), export with the checklist, go back
to the start screen. Each screen is captured to ``tmux-screens/`` under the test's folder
(or ``$PW_TMUX_SCREENS``) to be read by a person; the test asserts what a drafter must see.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SESSION = f"pw-tmux-{os.getpid()}"


class Terminal:
    def __init__(self, folder: Path, screens: Path) -> None:
        self.folder = folder
        self.screens = screens
        self.count = 0

    def start(self) -> None:
        env = f"PYTHONPATH={ROOT}"
        command = f"cd {self.folder} && env {env} {sys.executable} -m planwriter; sleep 600"
        subprocess.run(["tmux", "new-session", "-d", "-s", SESSION, "-x", "80", "-y", "24",
                        command], check=True)

    def keys(self, *keys: str, literal: bool = False, pause: float = 0.3) -> None:
        for key in keys:
            args = ["tmux", "send-keys", "-t", SESSION] + (["-l"] if literal else []) + [key]
            subprocess.run(args, check=True)
            time.sleep(0.05)
        time.sleep(pause)

    def type(self, text: str) -> None:
        self.keys(text, literal=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", SESSION], check=True,
                              capture_output=True, text=True).stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"“{text}” never appeared; the screen:\n{self.screen()}")

    def capture(self, name: str) -> str:
        self.count += 1
        shown = self.screen()
        (self.screens / f"{self.count:02d}-{name}.txt").write_text(shown, encoding="utf-8")
        return shown

    def stop(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Terminal:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    screens = Path(os.environ.get("PW_TMUX_SCREENS", tmp_path / "tmux-screens"))
    screens.mkdir(parents=True, exist_ok=True)
    work = tmp_path / "ke-hoach"
    work.mkdir()
    term = Terminal(work, screens)
    term.start()
    yield term
    term.stop()


def test_the_whole_job_in_tmux_at_80x24(terminal: Terminal) -> None:
    t = terminal
    # The start screen; the programmes load after it is shown.
    t.wait_for("11-KH/TU")
    t.capture("start")
    t.keys("Enter")  # the highlighted programme (11-KH/TU) → the unit list
    t.keys("Down")  # Đảng ủy xã Bình Lư → Huyện ủy Tam Đường
    t.keys("Enter")
    form = t.wait_for("Tên tệp kế hoạch")
    assert "tam-duong-11-KH-TU.toml" in form and "Huyện ủy Tam Đường" in form
    assert list(t.folder.glob("*.toml")) == []  # nothing written yet
    t.capture("create-form")
    t.keys("Enter", "Enter")  # file name, folder: as suggested
    t.type("45")
    t.keys("Enter")
    t.type("05/05/2025")
    t.keys("Enter", pause=1.0)
    t.wait_for("KẾ HOẠCH 45-KH/HU")
    editor = t.wait_for("^s Lưu")
    assert (t.folder / "tam-duong-11-KH-TU.toml").exists()
    assert "x Xuất" in editor and "^s Lưu" in editor  # the essential keys at 80 columns
    t.capture("editor")

    # Thông tin văn bản.
    t.keys("d")
    t.wait_for("Thông tin văn bản")
    time.sleep(0.3)
    t.keys("Enter", "Enter", "Enter")  # number, date, place: as they are
    t.keys("Tab")  # the summary box, as drafted
    t.type("T/M BAN THƯỜNG VỤ")
    t.keys("Enter", "Enter")  # on whose behalf; no KT.
    t.type("PHÓ BÍ THƯ")
    t.keys("Enter")
    t.type("Nguyễn Văn Minh")
    t.keys("Enter")  # → the recipients, as drafted (copied from 363-KH/HU)
    t.keys("Down", "Down")  # "Đ/c Nguyễn Ngọc Vinh - Ủy viên BTV Tỉnh ủy …": not ours
    t.keys("Delete")
    t.keys("End", "Delete")  # a bare "Lưu": replaced below
    t.keys("Home", "Down", "]")  # "Các ban đảng, VP Tỉnh ủy" one place down
    t.keys("Tab")  # → the line that adds one
    t.type("Lưu Văn phòng Huyện ủy.")
    t.keys("Enter")
    info = t.capture("docinfo")
    assert "Lưu Văn phòng Huyện ủy." in info and "Nguyễn Ngọc Vinh" not in info
    t.keys("C-s")
    t.wait_for("Đã lưu thông tin văn bản")

    # Adapt an item: the first objective, text appended at the very end.
    t.keys("/")
    t.type("bang rong di dong")
    t.wait_for("chỗ trong")
    time.sleep(0.5)
    found = t.capture("search")
    assert "II.1, ý 3" in found
    t.keys("Enter")
    t.keys("e")
    t.keys("C-End")
    t.type(" Ưu tiên các bản vùng sâu, vùng xa.")
    t.keys("Escape", pause=0.8)
    t.capture("adapted")

    # A lead and a deadline for what the district's People's Committee does first.
    t.keys("/")
    t.type("ha tang so")
    t.wait_for("III.4, ý 1")
    t.keys("Enter")
    t.keys("t")
    t.wait_for("Cơ quan chủ trì")
    t.keys("C-u")
    t.type("Phòng Văn hóa, Khoa học và Thông tin")
    t.keys("Enter", "Enter")  # partners: none
    t.type("Quý IV/2025")
    t.keys("Enter")  # → the output
    t.keys("Enter", pause=0.8)  # the last field: saves
    lead = t.capture("lead-deadline")
    assert "Phòng Văn hóa, Khoa học" in lead

    # Drop an item with a reason.
    t.keys("/")
    t.type("an ninh mang")
    t.wait_for("II.1, ý 5")
    t.keys("Enter")
    t.keys("b")
    t.wait_for("Lý do không thực hiện")
    t.type("Huyện không xây dựng trung tâm riêng, dùng dịch vụ của tỉnh")
    t.keys("Enter", pause=0.8)
    dropped = t.capture("dropped")
    assert "×" in dropped

    # Review: the checklist, then the comparison with the parent.
    t.keys("k")
    check = t.wait_for("Kiểm tra", timeout=60)
    time.sleep(0.5)
    check = t.capture("check")
    assert "nv-" not in check and "(" + "them-" not in check  # places, never ids
    if "Kiểm tra:" in check:  # the findings window (else: "nothing to review")
        t.keys("Escape")
    t.keys("s")
    diff = t.wait_for("So sánh với văn bản cấp trên")
    time.sleep(1.5)  # the word-level comparison
    diff = t.capture("diff")
    assert "Huyện không xây dựng" in diff or "bỏ 1" in diff
    t.keys("g", pause=0.5)
    t.capture("diff-assignments")
    t.keys("Escape")

    # Export: the checklist first.
    t.keys("x")
    dialog = t.wait_for("Trước khi xuất")
    time.sleep(1.5)  # the plan's check, for open errors
    dialog = t.capture("export-checklist")
    assert "Phụ lục kèm theo" in dialog  # announced by II.2 and missing
    t.keys("Tab", "Tab", "Tab")  # number, date, signer → the first doubt
    for _ in range(dialog.count("Bỏ qua:")):
        t.keys("space", "Tab")  # skipped knowingly, one by one
    pdf = shutil.which("soffice") is not None
    t.keys("Enter", pause=1.0)  # in the file name: Xuất
    done = t.wait_for("Đã ghi", timeout=180)
    time.sleep(0.5)
    done = t.capture("exported")
    written = "tam-duong-11-KH-TU.docx, tam-duong-11-KH-TU.pdf" if pdf else \
        "tam-duong-11-KH-TU.docx"
    assert written in done and "Thư mục:" in done
    assert (t.folder / "tam-duong-11-KH-TU.docx").exists()
    assert (t.folder / "tam-duong-11-KH-TU.pdf").exists() == pdf
    t.keys("Escape")
    t.keys("q", pause=1.0)
    start = t.wait_for("Kế hoạch trong thư mục")
    t.capture("back-to-start")
    assert "tam-duong-11-KH-TU.toml" in start

    from planwriter.planfile import load

    plan = load(t.folder / "tam-duong-11-KH-TU.toml").plan
    meta = plan.meta
    assert meta.number == "45" and meta.signature.name == "Nguyễn Văn Minh"
    assert meta.signature.title == "PHÓ BÍ THƯ"
    assert meta.recipients == ["TT. Tỉnh ủy (B/c)", "Các chi, đảng bộ trực thuộc",
                               "Các ban đảng, VP Tỉnh ủy",
                               "Các cơ quan, ban, ngành, đoàn thể huyện",
                               "Các đồng chí Ủy viên BCH Đảng bộ huyện",
                               "Lưu Văn phòng Huyện ủy."]
    texts = [item.text for item, _, _ in plan.walk()]
    assert any(text.endswith("Ưu tiên các bản vùng sâu, vùng xa.") for text in texts)
    assert any(item.dropped and "dịch vụ của tỉnh" in item.reason for item, _, _ in plan.walk())
    assert any(item.lead.startswith("Phòng Văn hóa") and item.deadline == "Quý IV/2025"
               for item, _, _ in plan.walk())
    t.keys("C-q")
