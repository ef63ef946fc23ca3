"""Collecting the children of a review: files and folders given on the command line, each
read as a plan file or imported from Word, PDF or text, with what import could not place.

Reading one child never raises: a child that cannot be read becomes a ``ChildReview`` with
status ``failed`` and its one-line error, and the review goes on with the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from planwriter.errors import PlanwriterError
from planwriter.model import Family, Plan

PLAN_SUFFIXES = (".toml",)
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".txt")
SUFFIXES = PLAN_SUFFIXES + DOCUMENT_SUFFIXES
NOTES_KEPT = 5  # import notes kept per child: the first few say what kind of trouble it had


@dataclass
class Loaded:
    """A child read into a plan, or the reason it could not be."""

    plan: Plan | None
    imported: bool = False
    notes: list[str] | None = None
    error: str = ""


def expand(paths: list[Path], exclude: list[Path] | None = None) -> list[Path]:
    """The child files: each file as given, each folder's plan files and documents (sorted,
    not recursive, hidden and temporary "~$" files skipped), ``exclude`` (the parent, the
    outputs) left out, each file once."""
    skip = {_key(p) for p in exclude or []}
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not p.name.startswith((".", "~$"))
            )
        else:
            found = [path]
        for candidate in found:
            key = _key(candidate)
            if key in skip or key in seen:
                continue
            seen.add(key)
            out.append(candidate)
    return out


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def read_parent(given: str) -> tuple[Plan, str]:
    """The parent: a plan file, a library template key, or a document to import. Raises
    ``PlanwriterError`` (the review cannot go on without it); returns the plan and a note
    when it was imported."""
    from planwriter import library
    from planwriter.planfile import load

    path = Path(given)
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        loaded = read_child(path)
        if loaded.plan is None:
            raise PlanwriterError(loaded.error.removeprefix(f"{path}: "), path)
        return loaded.plan, f"nhập từ {path.name}: kết quả so sánh phụ thuộc vào việc nhập"
    if path.suffix.lower() != ".toml":
        path = library.template_path(given)
    return load(path, check_origins=False).plan, ""


_PARTY_SYMBOL = re.compile(r"^(\d+)-([^\W\d_]+)/(\S+)$")  # 57-NQ/TW
_STATE_SYMBOL = re.compile(r"^(\d+)/([^\W\d_]+)-(\S+)$")  # 45/KH-UBND, 16/KH-MTTQ-BTT


def set_number(plan: Plan, symbol: str) -> None:
    """Give ``plan`` the number the reviewer states ("57-NQ/TW", "16/KH-MTTQ-BTT") when its
    import could not read one; ``PlanwriterError`` if it is not written as documents cite."""
    text = "".join(symbol.split())
    party, state = _PARTY_SYMBOL.match(text), _STATE_SYMBOL.match(text)
    found = party or state
    if found is None:
        raise PlanwriterError(
            f"--parent-number '{symbol}': write it as documents cite it (57-NQ/TW, 45/KH-UBND)"
        )
    meta = plan.meta
    meta.number, meta.doc_type, meta.issuer_symbol = found.groups()
    meta.family = Family.PARTY if party else (
        meta.family if meta.family is not Family.PARTY else Family.STATE)


def read_child(path: Path) -> Loaded:
    """One child, as a plan: never raises for anything the file can cause."""
    suffix = path.suffix.lower()
    try:
        if not path.exists():
            return Loaded(None, error=f"{path}: không có tệp này")
        if suffix in PLAN_SUFFIXES:
            from planwriter.planfile import load

            return Loaded(load(path, check_origins=False).plan)
        if suffix in DOCUMENT_SUFFIXES:
            from planwriter.importer import import_file

            result = import_file(path)
            notes = [f"{u.where}: {u.why}" for u in result.unclassified]
            if len(notes) > NOTES_KEPT:
                notes = notes[:NOTES_KEPT] + [f"… và {len(notes) - NOTES_KEPT} dòng khác"]
            return Loaded(result.plan, imported=True, notes=notes)
        return Loaded(
            None, error=f"{path}: không phải kế hoạch (.toml) hay văn bản (.docx, .pdf, .txt)"
        )
    except PlanwriterError as exc:
        return Loaded(None, error=_one_line(str(exc), path))
    except (OSError, UnicodeError, ValueError, KeyError) as exc:
        # A corrupt .docx (bad zip, broken XML) surfaces from python-docx as one of these.
        return Loaded(None, error=_one_line(f"{path}: không đọc được: {exc}", path))


def _one_line(message: str, path: Path) -> str:
    text = " ".join(message.split())
    return text if text.startswith(str(path)) else f"{path}: {text}"
