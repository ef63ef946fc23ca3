"""The document's own information: number, date, place, trích yếu, signer and recipients.

One operation, ``SetDocInfo``, sets any of these (None: leave as is) and remembers what it
replaced, so the TUI's "Thông tin văn bản" screen and ``planwriter edit PLAN info`` both go
through an ``Editor`` with undo and redo like every other change. ``DocInfo`` is the plain
record both fronts fill and compare.

Pure Python, no I/O and no UI.
"""

from __future__ import annotations

import copy
import datetime as dt
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any

from planwriter.errors import OperationError
from planwriter.model import Meta, Plan
from planwriter.operations import Operation


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _lines(text: str) -> str:
    """A multi-line value with each line trimmed and empty lines left out."""
    return "\n".join(line for line in (_clean(x) for x in text.split("\n")) if line)


@dataclass
class DocInfo:
    """What the "Thông tin văn bản" screen shows. ``summary`` may hold line breaks (the
    drafter's own breaks of the trích yếu); ``recipients`` are the "Nơi nhận" lines in order."""

    number: str = ""
    date: dt.date | None = None
    place: str = ""
    summary: str = ""
    on_behalf: str = ""
    acting: str = ""
    title: str = ""
    signer: str = ""
    recipients: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, meta: Meta) -> DocInfo:
        s = meta.signature
        return cls(number=meta.number, date=meta.date, place=meta.place, summary=meta.summary,
                   on_behalf=s.on_behalf, acting=s.acting, title=s.title, signer=s.name,
                   recipients=list(meta.recipients))

    def missing(self) -> list[str]:
        """What a document sent for signature cannot leave empty, in Vietnamese."""
        wanted = [("số văn bản", self.number), ("ngày ban hành", self.date),
                  ("người ký", self.signer)]
        return [name for name, value in wanted if not value]


# The plan's Meta/Signature attribute each DocInfo field is stored in.
_WHERE = {"number": ("meta", "number"), "date": ("meta", "date"), "place": ("meta", "place"),
          "summary": ("meta", "summary"), "recipients": ("meta", "recipients"),
          "on_behalf": ("signature", "on_behalf"), "acting": ("signature", "acting"),
          "title": ("signature", "title"), "signer": ("signature", "name")}

NAMES = {"number": "số", "date": "ngày", "place": "địa danh", "summary": "trích yếu",
         "on_behalf": "thẩm quyền ký", "acting": "ký thay", "title": "chức vụ người ký",
         "signer": "người ký", "recipients": "nơi nhận"}


@dataclass
class SetDocInfo(Operation):
    """Set any of the document's number, date, place, summary, signer and recipients.

    A field left None is not touched; ``clear_date`` empties the date. Text is NFC and trimmed;
    recipients are kept in the given order with empty lines left out."""

    number: str | None = None
    date: dt.date | None = None
    clear_date: bool = False
    place: str | None = None
    summary: str | None = None
    on_behalf: str | None = None
    acting: str | None = None
    title: str | None = None
    signer: str | None = None
    recipients: list[str] | None = None
    _before: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def between(cls, old: DocInfo, new: DocInfo) -> SetDocInfo | None:
        """The operation that turns ``old`` into ``new``, or None when nothing differs."""
        changes: dict[str, Any] = {}
        for f in fields(DocInfo):
            if getattr(old, f.name) != getattr(new, f.name):
                changes[f.name] = getattr(new, f.name)
        if not changes:
            return None
        if "date" in changes and changes["date"] is None:
            del changes["date"]
            changes["clear_date"] = True
        return cls(**changes)

    def wanted(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in _WHERE:
            value = getattr(self, name)
            if value is None:
                continue
            if name == "recipients":
                out[name] = [r for r in (_clean(x) for x in value) if r]
            elif name == "summary":
                out[name] = _lines(value)
            elif name == "date":
                out[name] = value
            else:
                out[name] = _clean(value)
        if self.clear_date:
            out["date"] = None
        return out

    @property
    def description(self) -> str:  # type: ignore[override]
        names = [NAMES[name] for name in _WHERE if name in self.wanted()]
        return "đặt " + ", ".join(names) if names else "thông tin văn bản"

    def apply(self, plan: Plan) -> None:
        wanted = self.wanted()
        if not wanted:
            raise OperationError("nothing to set: give a number, date, place, summary, "
                                 "signer or recipient")
        self._before = {}
        for name, value in wanted.items():
            holder = _holder(plan, name)
            attribute = _WHERE[name][1]
            self._before[name] = copy.deepcopy(getattr(holder, attribute))
            setattr(holder, attribute, value)

    def revert(self, plan: Plan) -> None:
        for name, value in self._before.items():
            setattr(_holder(plan, name), _WHERE[name][1], copy.deepcopy(value))


def _holder(plan: Plan, name: str) -> Any:
    return plan.meta if _WHERE[name][0] == "meta" else plan.meta.signature


def parse_date(text: str) -> dt.date | None:
    """ "23/04/2025", "23-04-2025" or "2025-04-23" → a date; anything else → None."""
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
