"""Boilerplate every local plan repeats (the preamble citing the parent, the summary, the
purpose and requirements, the opening of "Tổ chức thực hiện"), rendered from Jinja2
templates in ``planwriter/boilerplate/``.

Templates are shared between offices, so an office may put its own in a ``boilerplate/``
folder beside ``templates/`` in any library root (see ``planwriter.library.roots``); those
override the packaged ones by file name. Every template renders in Jinja2's immutable
sandbox with undefined names as errors and no autoescaping (the output is plain text), and
sees only plain strings, lists and dicts. Anything that goes wrong in a template, from a
syntax error to an attempt to reach Python internals, is a ``TemplateError`` naming the
template file and line.
"""

from __future__ import annotations

import re
import traceback
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planwriter import library
from planwriter.errors import TemplateError

if TYPE_CHECKING:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

_BEFORE_PUNCT = re.compile(r" ([,.;:)])")
PACKAGED = Path(__file__).resolve().parent.parent / "boilerplate"


def search_path() -> list[Path]:
    """Folders templates are looked up in, the office's own first, the packaged ones last."""
    folders = [root / "boilerplate" for root in library.roots()]
    return [f for f in folders if f.is_dir() and f.resolve() != PACKAGED] + [PACKAGED]


def environment(folders: list[Path] | None = None) -> ImmutableSandboxedEnvironment:
    """A sandboxed environment over ``folders`` (default: ``search_path()``)."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(
        loader=FileSystemLoader([str(f) for f in folders or search_path()], encoding="utf-8"),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
    )


def exists(name: str, folders: list[Path] | None = None) -> bool:
    return any((folder / name).is_file() for folder in folders or search_path())


def render(name: str, context: dict[str, Any], folders: list[Path] | None = None) -> str:
    """Render template ``name`` with ``context`` as one NFC line of text: line breaks and runs
    of spaces collapse to one space, and none is left before "," "." ";" ":" ")" or after "("
    (templates wrap their sentences freely)."""
    import jinja2

    folders = folders or search_path()
    env = environment(folders)
    try:
        template = env.get_template(name)
        text = template.render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template syntax: {exc.message}", _path(exc.filename, name, folders),
                            exc.lineno) from None
    except jinja2.TemplateNotFound as exc:
        path, line = _where(exc, name, folders)
        raise TemplateError(f"template not found: {exc.name}", path, line) from None
    except Exception as exc:  # noqa: BLE001 - a template is user input: any failure is its fault
        path, line = _where(exc, name, folders)
        raise TemplateError(f"template failed: {_describe(exc)}", path, line) from None
    text = _BEFORE_PUNCT.sub(r"\1", " ".join(text.split())).replace("( ", "(")
    return unicodedata.normalize("NFC", text)


def _describe(exc: Exception) -> str:
    from jinja2.exceptions import SecurityError, UndefinedError

    if isinstance(exc, SecurityError):
        return f"not allowed in the sandbox ({exc})"
    if isinstance(exc, UndefinedError):
        return f"undefined name ({exc})"
    return f"{type(exc).__name__}: {exc}"


def _path(filename: str | None, name: str, folders: list[Path]) -> Path:
    if filename:
        return Path(filename)
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    return Path(name)


def _where(exc: BaseException, name: str, folders: list[Path]) -> tuple[Path, int | None]:
    """The template file and line an exception was raised from: Jinja2 rewrites its frames
    so they carry the template's file name and line."""
    found: tuple[Path, int | None] = (_path(None, name, folders), None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(".j2"):
            found = (Path(frame.filename), frame.lineno)
    return found
