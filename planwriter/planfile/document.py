"""A plan file: the plan together with the text and TOML document it was read from, loaded
and saved as a whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import tomlkit
from tomlkit.toml_document import TOMLDocument

from planwriter.fsutil import atomic_write_text
from planwriter.model import Plan
from planwriter.planfile.reader import Reader
from planwriter.planfile.validate import check_origins_against_parent
from planwriter.planfile.writer import sync
from planwriter.tomlio import parse, read_text


@dataclass
class PlanFile:
    """A plan together with the TOML document it was read from (or will be written as)."""

    path: Path
    plan: Plan
    doc: TOMLDocument = field(default_factory=tomlkit.document)
    text: str = ""

    def dumps(self) -> str:
        """The file's text for the plan as it is now, changing only what changed."""
        sync(self.doc, self.plan)
        return tomlkit.dumps(self.doc)

    def save(self, path: Path | None = None) -> None:
        """Write the plan atomically; afterwards ``text`` is what the file holds."""
        target = Path(path) if path is not None else self.path
        text = self.dumps()
        atomic_write_text(target, text)
        self.path = target
        self.text = text

    def changed_on_disk(self) -> bool:
        """True if the file no longer holds what we last read or wrote."""
        try:
            return self.path.read_text(encoding="utf-8") != self.text
        except OSError:
            return True


def load(path: Path | str, check_origins: bool = True) -> PlanFile:
    """Read and validate a plan file; raise ``PlanFileError`` with file and line if invalid."""
    path = Path(path)
    text = read_text(path)
    doc = parse(path, text)
    reader = Reader(path, text)
    plan = reader.plan(doc)
    if check_origins:
        check_origins_against_parent(path, plan, reader.locator)
    return PlanFile(path=path, plan=plan, doc=doc, text=text)


def read_plan(path: Path | str) -> Plan:
    return load(path).plan


def new_file(plan: Plan, path: Path | str, header: str = "") -> PlanFile:
    """A PlanFile for a plan that has no file yet (saving it creates one)."""
    doc = tomlkit.document()
    for line in header.splitlines():
        doc.add(tomlkit.comment(line))
    return PlanFile(path=Path(path), plan=plan, doc=doc)


def dumps(plan: Plan) -> str:
    return new_file(plan, "plan.toml").dumps()


def parse_doc(text: str, path: Path | str = "<text>") -> TOMLDocument:
    return parse(Path(path), text)


def loads(text: str, path: Path | str = "<text>") -> Plan:
    path = Path(path)
    return Reader(path, text).plan(parse(path, text))


