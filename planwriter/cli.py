"""The ``planwriter`` command: with no arguments the TUI, otherwise a subcommand.

Each subcommand lives in ``planwriter/commands/<name>.py`` with ``configure(parser)`` and
``run(args) -> int``. A ``PlanwriterError`` becomes one line on stderr and exit status 2;
nothing else the user can cause prints a traceback.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from planwriter.errors import PlanwriterError

# name → (module in planwriter.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "templates": ("library", "list the parent programmes in the template library"),
    "profiles": ("library", "list the unit profiles"),
    "show": ("show", "print a plan's text with its derived numbering"),
    "validate": ("validate", "check that plan files are well formed"),
    "new": ("new", "draft a local plan from a parent programme and a unit profile"),
    "edit": ("edit", "one editing operation on a plan file (adapt, drop, …)"),
    "check": ("check", "the drafter's checklist: what is missing, weaker or unlocalized"),
    "diff": ("diff", "compare a local plan with its parent"),
    "export": ("export", "write a .docx (and PDF) ready for signature"),
    "import": ("import_", "read a .docx or text document into a plan file"),
    "review": ("review", "review many child plans against their parent at once"),
    "tui": ("tui", "open the terminal interface (on a plan file, if given)"),
    "library": ("librarydir", "lay out a template library to keep in git (library init DIR)"),
    "profile": ("librarydir", "add a unit profile to the library (profile new KEY …)"),
    "gitdiff": ("gitdiff", "git's diff driver for plan files (see planwriter library init)"),
}


READ_ONLY = frozenset({"show", "validate", "diff", "gitdiff"})


class _Parser(argparse.ArgumentParser):
    """Argument errors as one line, like every other error the user can cause."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"planwriter: {self.prog}: {message} (see {self.prog} --help)\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser. With ``only`` (the command being run), only that command's
    module is imported and configured: a command starts without importing every other
    (Word, Jinja2, Textual…); the others are listed by name and help for ``--help``."""
    parser = _Parser(
        prog="planwriter",
        description="Draft, review and export local plans adapted from a provincial programme. "
        "With no command, opens the terminal interface.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        if only is not None and name != only:
            sub.add_parser(name, help=help_text, description=help_text)
            continue
        module_name = f"planwriter.commands.{module_name}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        command = sub.add_parser(name, help=help_text, description=help_text)
        module.configure(command, name)
        command.set_defaults(run=module.run)
    return parser


def _check_arguments(args: list[str]) -> None:
    """An argument the shell passed as bytes that are not UTF-8 (Python keeps them as lone
    surrogates) cannot name a file or be stored in a plan: say which one, once."""
    for number, arg in enumerate(args, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            raise PlanwriterError(
                f"argument {number} ({shown!r}) is not valid UTF-8 text; "
                "planwriter reads file names and text as UTF-8"
            ) from None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        _check_arguments(args_list)
        if not args_list:
            from planwriter.commands.tui import run_tui

            return run_tui(None)
        parser = build_parser(args_list[0] if args_list[0] in COMMANDS else None)
        args = parser.parse_args(args_list)
        if not getattr(args, "run", None):
            parser.print_help()
            return 0
        code = int(args.run(args))
        sys.stdout.flush()  # a failing output is reported here, not at exit
        return code
    except PlanwriterError as exc:
        print(f"planwriter: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("planwriter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of the output left (``| head``): nothing to say
        _drop_output()
        return 0
    except OSError as exc:
        # Plan files and documents are read and written through fsutil, which names them;
        # an OSError reaching here is the output itself (a full disk, a closed terminal).
        _drop_output()
        from planwriter.fsutil import os_reason

        if exc.filename:  # a file not read through fsutil: its name and what went wrong
            print(f"planwriter: {exc.filename}: {os_reason(exc)}", file=sys.stderr)
        else:
            print(f"planwriter: standard output: cannot write: {os_reason(exc)}",
                  file=sys.stderr)
        return 1


def _drop_output() -> None:
    """What is still buffered for an output that failed goes nowhere, so the interpreter's
    last flush at exit cannot fail again with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # not a real file (a test's capture): nothing is flushed at exit


def entry() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in READ_ONLY:
        # These commands read plans, compare them and print, then exit: the plans and the
        # comparison live until then and hold no cycles, and the cyclic collector would
        # only rescan them (each scan of two 10,000-item plans ~30 ms, several a diff). A
        # diff's --docx report leaves at most one document's objects until exit. Commands
        # that edit (tomlkit) or export, and the TUI, which runs all day, keep it.
        gc.disable()
        code = main()
        # Their output is flushed (``main``) and they hold no file open: the interpreter's
        # teardown would only free, one by one, objects the process is about to drop.
        try:
            sys.stderr.flush()
        finally:
            os._exit(code)
    sys.exit(main())


if __name__ == "__main__":
    entry()
