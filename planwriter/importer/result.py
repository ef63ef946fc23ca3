"""What an import gives: the plan, and the report on it (lines not placed, places to check,
notes on what was done to the text, the share of the input's characters in the plan)."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwriter.importer.coverage import Coverage
from planwriter.model import Plan


@dataclass
class Unclassified:
    """A line the importer did not place in the plan (or placed with a doubt), and why."""

    where: str  # "dòng 12" or "đoạn 40"
    text: str
    why: str


@dataclass
class ImportResult:
    plan: Plan
    unclassified: list[Unclassified] = field(default_factory=list)
    lines: int = 0  # lines (or paragraphs) read
    warnings: list[Unclassified] = field(default_factory=list)  # placed, but to check
    notes: list[str] = field(default_factory=list)  # what the import did to the text
    coverage: Coverage | None = None  # the share of the input's characters in the plan
