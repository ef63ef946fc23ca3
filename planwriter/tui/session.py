"""A plan open for editing: its file, its editor (undo/redo), its parent and its journal.

No Textual here: screens hold a ``Session`` and call it; everything that changes the plan
goes through ``session.editor`` (planwriter/operations.py).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planwriter import journal
from planwriter.errors import PlanwriterError
from planwriter.library import resolve_parent
from planwriter.model import Item, Plan
from planwriter.operations import Editor
from planwriter.planfile import PlanFile, load


class ChangedOnDisk(PlanwriterError):
    """The plan file was changed by someone else since we read it."""


@dataclass
class Session:
    file: PlanFile
    editor: Editor = field(init=False)
    parent: Plan | None = None
    saved_version: int = 0
    _localizer: Any = None
    # Set when another live process holds the plan's lock: the plan opens read-only.
    locked_by: str = ""

    def __post_init__(self) -> None:
        self.editor = Editor(self.file.plan)

    @classmethod
    def open(cls, path: Path, recovered: bool = False) -> Session:
        """Open ``path`` (or, with ``recovered``, what its journal holds) and its parent."""
        from planwriter.tui import lock

        planfile = journal.recover(path) if recovered else open_file(path)
        session = cls(planfile, parent=_load_parent(planfile))
        if recovered:
            session.saved_version = -1  # the recovered work is not in the file yet
        holder = lock.acquire(path)
        if holder is not None:
            session.locked_by = holder.line()
        return session

    @property
    def read_only(self) -> bool:
        return bool(self.locked_by)

    def close(self) -> None:
        """Give back the plan's lock (the editor is leaving)."""
        from planwriter.tui import lock

        if not self.read_only:
            lock.release(self.path)

    @property
    def plan(self) -> Plan:
        return self.file.plan

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def dirty(self) -> bool:
        return self.editor.version != self.saved_version

    def parent_item(self, item: Item) -> Item | None:
        """The parent plan's item this item came from (its first origin)."""
        if self.parent is None or not item.origin:
            return None
        return self.parent.find(item.origin[0])

    def restore_source(self, item: Item) -> Item | None:
        """The parent's item in this unit's words (the profile's vocabulary, applied by
        drafting), which ``Restore`` puts back."""
        source = self.parent_item(item)
        if source is None:
            return None
        try:
            from planwriter.drafting import localize_item, localizer_for, profile_for
        except ImportError:  # drafting has not landed in this build: the parent's words
            return source
        if self._localizer is None:
            profile = profile_for(self.plan, self.path)
            self._localizer = localizer_for(profile, self.parent.meta) if profile else False
        return localize_item(source, self._localizer) if self._localizer else source

    def snapshot(self) -> str:
        """The plan's text for the journal, now (comments kept)."""
        return self.file.dumps()

    def write_journal(self) -> Path:
        """Snapshot the plan into its journal (the caller runs this off the UI thread)."""
        return journal.write(self.path, self.file.dumps())

    def save(self, force: bool = False) -> None:
        """Write the plan; refuse (``ChangedOnDisk``) if someone else changed the file."""
        if self.read_only:
            raise PlanwriterError(f"chỉ đọc: tệp {self.locked_by}", self.path)
        if self.path.exists() and self.file.changed_on_disk() and not force:
            raise ChangedOnDisk("tệp đã bị thay đổi bên ngoài từ khi mở", self.path)
        self.file.save(force=force)
        self.saved_version = self.editor.version
        journal.discard(self.path)

    def save_copy(self) -> Path:
        """Save our version beside the file someone else changed, leaving theirs alone."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.ban-sua-{stamp}.toml")
        self.file.save(target)
        self.saved_version = self.editor.version
        return target

    def new_item_id(self, stem: str = "them") -> str:
        """An item id not used yet in the plan: them-1, them-2, …"""
        used = set(self.plan.index())
        return next(f"{stem}-{n}" for n in itertools.count(1) if f"{stem}-{n}" not in used)


def _load_parent(planfile: PlanFile) -> Plan | None:
    ref = planfile.plan.meta.parent
    if ref is None or not ref.ref:
        return None
    path = resolve_parent(ref.ref, planfile.path)
    if path is None:
        return None
    return load(path, check_origins=False).plan


def open_file(path: Path) -> PlanFile:
    """The plan file (planfile.load reads it fast and keeps its comments for writing)."""
    return load(path)
