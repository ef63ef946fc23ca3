"""Saving a comparison document: atomically, a failure one error with its path."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from planwriter.errors import ExportError
from planwriter.fsutil import atomic_write_with

if TYPE_CHECKING:  # python-docx is imported only when a .docx is written
    from docx.document import Document


def save(document: Document, path: Path) -> Path:
    """Save atomically; a folder that is missing or read-only is one error with its path."""
    try:
        atomic_write_with(path, lambda tmp: document.save(str(tmp)))
    except OSError as exc:
        raise ExportError(f"không ghi được tệp: {exc.strerror or exc}", path) from exc
    return path
