"""A plan file: the plan together with the text and TOML document it was read from, loaded
and saved as a whole.

Loading reads the text once with the standard ``tomllib``; the tomlkit document that keeps
comments and layout is parsed only when the plan is written back. Saving checks the plan
against the rules the reader applies (``rules.check_plan``), so a save can never write a
file that load refuses, and refuses to overwrite a file someone changed since it was read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planwriter.collector import collector_paused
from planwriter.errors import PlanFileError
from planwriter.filelock import locked
from planwriter.fsutil import atomic_write_text
from planwriter.model import Plan
from planwriter.planfile.emit import emit
from planwriter.planfile.reader import Reader, read
from planwriter.planfile.rules import check_plan
from planwriter.planfile.validate import check_origins_against_parent
from planwriter.tomlio import parse, parse_fast, read_text

if TYPE_CHECKING:  # tomlkit is imported only when a file is written back
    from tomlkit.toml_document import TOMLDocument


class ChangedOnDisk(PlanFileError):
    """The file no longer holds what was read from it: another program wrote it."""


@dataclass
class PlanFile:
    """A plan together with the TOML document it was read from (or will be written as).

    ``text`` is what the file held when it was read or last written ("" for a new file);
    ``doc`` is None until needed, then parsed from ``text``."""

    path: Path
    plan: Plan
    doc: TOMLDocument | None = None
    text: str = ""
    header: str = ""  # comment lines on top of a new file

    def document(self) -> TOMLDocument:
        import tomlkit

        if self.doc is None:
            if self.text:
                self.doc = parse(self.path, self.text)
            else:
                self.doc = tomlkit.document()
                for line in self.header.splitlines():
                    self.doc.add(tomlkit.comment(line))
        return self.doc

    def dumps(self) -> str:
        """The file's text for the plan as it is now, changing only what changed; refuses
        (``OperationError``, one line) a plan the reader would not accept. A new file is
        written straight to text (``emit``), byte for byte what tomlkit would write."""
        check_plan(self.plan)
        if self.doc is None and not self.text:
            return emit(self.plan, self.header)
        import tomlkit

        from planwriter.planfile.writer import sync

        doc = self.document()
        sync(doc, self.plan)
        return tomlkit.dumps(doc)

    def save(self, path: Path | str | None = None, force: bool = False) -> None:
        """Write the plan atomically under the file's lock; afterwards ``text`` is what the
        file holds. Saving over the file it was read from refuses (``ChangedOnDisk``) if the
        file changed since, unless ``force``."""
        target = Path(path) if path is not None else self.path
        text = self.dumps()
        with locked(target):
            if not force and self.text and target == self.path and self.changed_on_disk():
                raise ChangedOnDisk(
                    "changed on disk since it was read (another program or planwriter wrote "
                    "it); nothing saved — read it again and repeat the change",
                    target,
                )
            atomic_write_text(target, text)
        self.path = target
        if self.doc is None or not self.text:
            self.doc = None  # parsed from the text again if the plan is saved once more
        self.text = text

    def changed_on_disk(self) -> bool:
        """True if the file no longer holds what we last read or wrote."""
        try:
            return read_text(self.path) != self.text
        except PlanFileError:
            return True


def load(path: Path | str, check_origins: bool = True) -> PlanFile:
    """Read and validate a plan file; raise ``PlanFileError`` with file and line if invalid."""
    path = Path(path)
    text = read_text(path)
    reader = _read(path, text)
    plan = reader.result
    assert plan is not None
    if check_origins:
        check_origins_against_parent(path, plan, reader.locator, reader.item_lines)
    return PlanFile(path=path, plan=plan, text=text)


def read_plan(path: Path | str) -> Plan:
    return load(path).plan


def new_file(plan: Plan, path: Path | str, header: str = "") -> PlanFile:
    """A PlanFile for a plan that has no file yet (saving it creates one)."""
    return PlanFile(path=Path(path), plan=plan, header=header)


def dumps(plan: Plan) -> str:
    return new_file(plan, "plan.toml").dumps()


def parse_doc(text: str, path: Path | str = "<text>") -> TOMLDocument:
    return parse(Path(path), text)


def loads(text: str, path: Path | str = "<text>") -> Plan:
    path = Path(path)
    plan = _read(path, text).result
    assert plan is not None
    return plan


def _read(path: Path, text: str) -> Reader:
    """``text`` parsed and read into a plan. The cyclic collector is held off meanwhile:
    neither the parser's tables nor the plan hold cycles, and rescanning them as they are
    made cost a fifth of the reading of a 10,000-item plan."""
    with collector_paused():
        return read(path, text, parse_fast(path, text))
