"""The autosave journal: a snapshot of a plan being edited, kept beside its file.

While a plan is edited, every change is written (atomically) to ``<plan>.pw-journal``
within two seconds, even while typing goes on. The journal holds the plan's whole TOML text,
so recovering after a crash or ``kill -9`` is reading one file. Saving the plan removes its
journal; a journal that differs from its plan at start-up means work that was never saved
(offered back with both times, even when the plan was changed since).

Pure Python: no Textual, usable from any front end.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planwriter.errors import PlanwriterError
from planwriter.fsutil import atomic_write_text
from planwriter.planfile import PlanFile, loads, parse_doc
from planwriter.tomlio import read_text

SUFFIX = ".pw-journal"


def journal_path(plan_path: Path | str) -> Path:
    """``plans/363-KH-HU.toml`` → ``plans/363-KH-HU.toml.pw-journal``."""
    path = Path(plan_path)
    return path.with_name(path.name + SUFFIX)


def write(plan_path: Path | str, text: str) -> Path:
    """Write the plan's current text to its journal (atomically) and return the journal's path."""
    target = journal_path(plan_path)
    atomic_write_text(target, text)
    return target


def discard(plan_path: Path | str) -> None:
    """Forget the journal (after a save, or when the user chose not to recover)."""
    journal_path(plan_path).unlink(missing_ok=True)


def pending(plan_path: Path | str) -> Path | None:
    """The journal of ``plan_path`` if it may hold work the plan file does not: it exists and
    its text differs from the plan's. A journal older than the plan (the file was changed by
    a command or a colleague since) is still returned: the user chooses, seeing both times
    (``times``). A journal that cannot be read is returned too (``readable`` says so)."""
    plan = Path(plan_path)
    journal = journal_path(plan)
    if not journal.is_file():
        return None
    journal_text = read_text(journal)  # one line if it is not UTF-8 or not a regular file
    if not plan.is_file():
        return journal
    try:
        if read_text(plan) == journal_text:
            return None
    except PlanwriterError:
        return journal
    return journal


def times(plan_path: Path | str) -> tuple[dt.datetime, dt.datetime | None]:
    """When the journal and the plan file were last written (the plan: None if missing)."""
    plan = Path(plan_path)
    written = dt.datetime.fromtimestamp(journal_path(plan).stat().st_mtime)
    saved = dt.datetime.fromtimestamp(plan.stat().st_mtime) if plan.is_file() else None
    return written, saved


def readable(plan_path: Path | str) -> str | None:
    """None if the journal reads as a plan, else the reason it does not (one line)."""
    journal = journal_path(plan_path)
    try:
        loads(journal.read_text(encoding="utf-8"), journal)
    except UnicodeDecodeError:
        return f"{journal.name}: không phải văn bản UTF-8"
    except OSError as exc:
        return f"{journal.name}: {exc.strerror or exc}"
    except PlanwriterError as exc:
        return str(exc)
    return None


def set_aside(plan_path: Path | str, tag: str = "") -> Path | None:
    """Keep a journal that is not recovered under another name beside the plan (nothing is
    ever deleted): ``363-KH-HU.toml.20251201-201500[.tag].pw-journal``."""
    source = journal_path(plan_path)
    if not source.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    middle = f"{stamp}.{tag}" if tag else stamp
    target = source.with_name(f"{Path(plan_path).name}.{middle}{SUFFIX}")
    n = 1
    while target.exists():
        n += 1
        target = source.with_name(f"{Path(plan_path).name}.{middle}-{n}{SUFFIX}")
    source.replace(target)
    return target


def recover(plan_path: Path | str) -> PlanFile:
    """The plan as its journal has it, to be saved over ``plan_path``.

    The returned file remembers the plan file's current text, so a save writes the recovered
    plan without reporting the file as changed by someone else."""
    plan = Path(plan_path)
    journal = journal_path(plan)
    text = read_text(journal)
    recovered = loads(text, journal)
    on_disk = read_text(plan) if plan.is_file() else ""
    return PlanFile(path=plan, plan=recovered, doc=parse_doc(text, journal), text=on_disk)
