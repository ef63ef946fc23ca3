"""One editor per plan: ``<plan>.pw-lock`` beside the file names the process editing it.

A second TUI opening the same plan finds the lock held by a live process and opens the plan
read-only, saying who holds it; a lock left by a process that no longer runs (a crash, a
``kill -9``) is taken over. No Textual here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".pw-lock"


def lock_path(plan_path: Path) -> Path:
    return plan_path.with_name(plan_path.name + SUFFIX)


@dataclass
class Holder:
    """Who holds a plan's lock."""

    pid: int
    host: str
    since: str

    def line(self) -> str:
        where = "máy này" if self.host == socket.gethostname() else f"máy {self.host}"
        return f"đang được mở để sửa ở {where} (tiến trình {self.pid}, từ {self.since})"


def _read(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), str(data.get("since", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(holder: Holder) -> bool:
    if holder.host != socket.gethostname():
        return True  # another machine's process: we cannot tell, so we respect it
    if holder.pid == os.getpid():
        return False
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def acquire(plan_path: Path) -> Holder | None:
    """Take the lock of ``plan_path``; return None when taken, or the live holder when some
    other process has it (the caller then opens read-only)."""
    target = lock_path(plan_path)
    me = {"pid": os.getpid(), "host": socket.gethostname(),
          "since": dt.datetime.now().strftime("%H:%M %d/%m/%Y")}
    for _ in range(2):
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = _read(target)
            if holder is not None and _alive(holder):
                return holder
            target.unlink(missing_ok=True)  # stale: its process is gone
            continue
        except OSError:
            return None  # a read-only folder: nobody can save there anyway
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(me, out)
        return None
    return _read(target)


def release(plan_path: Path) -> None:
    """Give the lock back, if it is ours."""
    target = lock_path(plan_path)
    holder = _read(target)
    if holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname():
        target.unlink(missing_ok=True)
