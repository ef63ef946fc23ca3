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

    return _limited_class()(
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
        text = _bounded_render(template, context)
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


# Boilerplate is a paragraph or two: a template that runs longer or writes more than this is
# looping or multiplying out of control, and is stopped with a TemplateError.
MAX_SECONDS = 2.0
MAX_OUTPUT = 64 * 1024


class LimitExceeded(Exception):
    """A template ran past ``MAX_SECONDS`` or wrote past ``MAX_OUTPUT`` characters."""


def _limited_class() -> type[ImmutableSandboxedEnvironment]:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Limited(ImmutableSandboxedEnvironment):
        """The sandbox, with ``*`` and ``**`` refused when they would build a huge value."""

        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if isinstance(seq, str | list | tuple) and isinstance(times, int) and (
                        len(seq) * times > MAX_OUTPUT
                    ):
                        raise LimitExceeded(f"a value longer than {MAX_OUTPUT} characters")
            if operator == "**" and isinstance(right, int) and abs(right) > 1000:
                raise LimitExceeded(f"a power of {right}")
            return super().call_binop(context, operator, left, right)

    return Limited


def _bounded_render(template: Any, context: dict[str, Any]) -> str:
    """Render ``template`` with a deadline and an output limit. The deadline is checked on
    every line the template's compiled code runs (only template frames are traced), so it
    holds in any thread, unlike an alarm signal."""
    import sys
    import time

    deadline = time.monotonic() + MAX_SECONDS

    def local(frame: Any, event: str, arg: Any) -> Any:
        if time.monotonic() > deadline:
            raise LimitExceeded(f"it ran longer than {MAX_SECONDS:g} s")
        return local

    def trace(frame: Any, event: str, arg: Any) -> Any:
        name = frame.f_code.co_filename
        return local if name.endswith(".j2") or name == "<template>" else None

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        out: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise LimitExceeded(f"it wrote more than {MAX_OUTPUT} characters")
            out.append(chunk)
            if time.monotonic() > deadline:
                raise LimitExceeded(f"it ran longer than {MAX_SECONDS:g} s")
        return "".join(out)
    finally:
        sys.settrace(previous)


def _describe(exc: Exception) -> str:
    from jinja2.exceptions import SecurityError, UndefinedError

    if isinstance(exc, SecurityError):
        return f"not allowed in the sandbox ({exc})"
    if isinstance(exc, UndefinedError):
        return f"undefined name ({exc})"
    if isinstance(exc, LimitExceeded):
        return f"stopped: {exc} (boilerplate is limited to {MAX_SECONDS:g} s and "\
            f"{MAX_OUTPUT // 1024} kB)"
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
