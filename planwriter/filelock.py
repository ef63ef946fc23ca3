"""One writer at a time: an advisory lock around every read-modify-write of a file.

``locked(path)`` holds an exclusive ``flock`` on a lock file beside the file
(``.NAME.pw-lock``, removed again on release) for as long as the ``with`` block runs; a
second planwriter waits for it (up to ``timeout`` seconds, then says who holds it). The
path is resolved first, so an edit through a symlink locks, and writes, the target.

``edit``, ``new --force``, ``import`` and the TUI's save take the lock; ``PlanFile.save``
also compares the file with what it read (compare-and-swap), so a writer that takes no lock
is still detected, never silently overwritten.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from planwriter.errors import PlanwriterError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no advisory locks, the CAS check remains
    fcntl = None  # type: ignore[assignment]


_held = threading.local()


class LockedError(PlanwriterError):
    """Another process holds the file's lock for longer than we wait."""


def target(path: Path | str) -> Path:
    """The file a write to ``path`` lands on: symlinks followed, even if it does not exist."""
    return Path(os.path.realpath(path))


def lock_path(path: Path | str) -> Path:
    real = target(path)
    return real.with_name(f".{real.name}.pw-lock")


@contextlib.contextmanager
def locked(path: Path | str, timeout: float = 30.0) -> Iterator[Path]:
    """Hold the exclusive lock of ``path`` (yields the resolved path to read and write)."""
    real = target(path)
    held: set[Path] = _held.__dict__.setdefault("paths", set())
    if fcntl is None or real in held:  # re-entered by the same thread: already ours
        yield real
        return
    lock = lock_path(real)
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise PlanwriterError(f"cannot lock for writing: {exc.strerror}", real) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise PlanwriterError(f"cannot lock for writing: {exc.strerror}", real) from None
            if time.monotonic() > deadline:
                raise LockedError(
                    f"another planwriter has been writing this file for {timeout:.0f} s "
                    f"(lock {lock.name}); try again", real
                ) from None
            time.sleep(0.01)
            continue
        # The holder before us may have removed the lock file after we opened it: then our
        # lock is on a file nobody else sees, so start again on the current one.
        try:
            same = os.fstat(fd).st_ino == os.stat(lock).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    held.add(real)
    try:
        yield real
    finally:
        held.discard(real)
        with contextlib.suppress(OSError):
            os.unlink(lock)
        os.close(fd)
