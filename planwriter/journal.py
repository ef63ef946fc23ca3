"""The autosave journal: a snapshot of a plan being edited, kept beside its file.

While a plan is edited, every change is written (atomically) to ``<plan>.pw-journal``
within a couple of seconds. The journal holds the plan's whole TOML text, so recovering
after a crash or ``kill -9`` is reading one file. Saving the plan removes its journal; a
journal newer than its plan at start-up means work that was never saved.

Pure Python: no Textual, usable from any front end.
"""

from __future__ import annotations

from pathlib import Path

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
    """The journal of ``plan_path`` if it holds work the plan file does not: it exists, it is
    not older than the plan, and its text differs from the plan's."""
    plan = Path(plan_path)
    journal = journal_path(plan)
    if not journal.is_file():
        return None
    journal_text = read_text(journal)  # one line if it is not UTF-8 or not a regular file
    if not plan.is_file():
        return journal
    if journal.stat().st_mtime < plan.stat().st_mtime:
        return None
    if read_text(plan) == journal_text:
        return None
    return journal


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
