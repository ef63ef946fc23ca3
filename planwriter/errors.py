"""Errors a user can cause, each carrying the place it happened.

The CLI and the TUI turn a ``PlanwriterError`` into one line of text; nothing else
is shown to the user, and no traceback.
"""

from __future__ import annotations

from pathlib import Path


class PlanwriterError(Exception):
    """An error caused by input: a file, a template, an argument."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"


class PlanFileError(PlanwriterError):
    """A plan, template or profile file that cannot be read as one."""


class TemplateError(PlanwriterError):
    """A Jinja2 boilerplate template that fails to compile or render, or escapes its sandbox."""


class OperationError(PlanwriterError):
    """An editing operation refused (a drop without a reason, an unknown item id, …)."""


class OutputError(PlanwriterError):
    """An output path the command refuses: one of its inputs, or a file of another kind."""


class ExportError(PlanwriterError):
    """An export that could not be written."""


class DocumentImportError(PlanwriterError):
    """An input document that cannot be imported (wrong type, unreadable)."""


class WriteError(OutputError, OSError):
    """A write the system refused (disk full, no permission, a folder in the way), naming the
    file. Also an ``OSError``, so code that handles those handles this one."""

    def __init__(self, reason: str, path: Path | str, code: int | None = None):
        OutputError.__init__(self, f"cannot write: {reason}", path)
        self.errno = code
        self.strerror = reason
        self.filename = str(path)
