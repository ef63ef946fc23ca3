"""Atomic writes (a reader sees the old file or the new one, never half of one) and the
guard every command puts before a write: an output never replaces one of its inputs, nor an
existing file of another kind."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from planwriter.errors import OutputError, PlanwriterError, WriteError


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and rename."""
    atomic_write_with(path, lambda tmp: tmp.write_bytes(data))


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_with(path: Path, write: Callable[[Path], object]) -> None:
    """Let ``write`` fill a temporary file beside ``path``; rename it over ``path`` only if it
    succeeded. On any failure the temporary file is removed and ``path`` is untouched.
    A symlink is followed: the file it points to is replaced, the link stays."""
    path = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder")
        import tempfile  # only commands that write need it (and shutil, random with it)

        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise WriteError(os_reason(exc), path, exc.errno) from None
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteError(f"{os_reason(exc)}; the file is unchanged", path, exc.errno) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(directory)


def os_reason(exc: OSError) -> str:
    """An OSError as the user can act on it: disk full, no permission, a folder…"""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is exceeded"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    if exc.errno == errno.ENOENT:
        return "no such folder"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    return exc.strerror or str(exc)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_input(path: Path | str, error: type[PlanwriterError], max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; a FIFO, device or folder is
    refused without being opened for reading (a FIFO would wait for a writer forever).
    Problems raise ``error`` naming the file."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise error("no such file", path) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path) from None
    if stat.S_ISDIR(info.st_mode):
        raise error("is a directory, not a file", path)
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        raise error(f"is {kind}, not a regular file; refusing to read it", path)
    if info.st_size > max_bytes:
        raise error(
            f"is {info.st_size / 2**20:.0f} MB, more than the {max_bytes // 2**20} MB "
            "planwriter reads", path
        )
    try:
        # O_NONBLOCK: were the file swapped for a FIFO after the check, open would not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise error("is not a regular file; refusing to read it", path)
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path) from None


def guard_output(
    output: Path | str, inputs: Iterable[Path | str | None], suffixes: Iterable[str]
) -> Path:
    """Refuse (``OutputError``, naming the file) to write ``output`` when it is one of
    ``inputs`` (through any symlink), a directory or other non-regular file, or an existing
    file whose suffix is not one of ``suffixes`` (".docx", ".pdf"…). Returns the path."""
    path = Path(output)
    allowed = {s.lower() for s in suffixes}
    try:
        target = path.resolve()
    except (OSError, RuntimeError) as exc:
        raise OutputError(f"cannot write here: {exc}", path) from None
    for given in inputs:
        if given is None:
            continue
        try:
            same = Path(given).resolve() == target
        except (OSError, RuntimeError):
            same = False
        if same:
            raise OutputError("is an input of this command; choose another output file", path)
    if path.is_dir():
        raise OutputError("is a folder; give a file name", path)
    if path.exists():
        if not path.is_file():
            raise OutputError("is not a regular file; refusing to write onto it", path)
        if path.suffix.lower() not in allowed:
            kinds = ", ".join(sorted(allowed))
            raise OutputError(
                f"exists and is not a {kinds} file; refusing to replace it", path
            )
    return path
