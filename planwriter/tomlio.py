"""Reading TOML files with tomlkit, and finding the line a key or table stands on.

tomlkit keeps comments and layout but does not say where a value came from, so errors
find their line from the text: the n-th ``[[item]]`` header, then the key below it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import ParseError
from tomlkit.toml_document import TOMLDocument

from planwriter.errors import PlanFileError

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*(\]\]?)\s*(#.*)?$")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError("no such file", path) from None
    except IsADirectoryError:
        raise PlanFileError("is a directory, not a file", path) from None
    except OSError as exc:
        raise PlanFileError(f"cannot read: {exc.strerror}", path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PlanFileError("not UTF-8 text", path, line) from None


def parse(path: Path, text: str) -> TOMLDocument:
    try:
        return tomlkit.parse(text)
    except ParseError as exc:
        message = str(exc)
        # tomlkit appends " at line L col C"; we say the line our own way.
        message = re.sub(r" at line \d+ col \d+$", "", message)
        raise PlanFileError(
            f"TOML syntax: {message[:1].lower()}{message[1:]}", path, exc.line
        ) from None


class Locator:
    """Finds the line (1-based) of tables and keys in the text a document was parsed from."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.headers: list[tuple[int, str]] = []
        for number, line in enumerate(self.lines, start=1):
            match = _HEADER.match(line)
            if match and match.group(1) in ("[", "[["):
                self.headers.append((number, match.group(2).replace(" ", "").replace('"', "")))
        self.header_lines = {number for number, _ in self.headers}  # a key lookup's stop

    def table(self, name: str, occurrence: int = 0, after: int = 0) -> int | None:
        """The line of the ``occurrence``-th ``[name]`` or ``[[name]]`` header after ``after``."""
        seen = 0
        for number, header in self.headers:
            if number <= after or header != name:
                continue
            if seen == occurrence:
                return number
            seen += 1
        return None

    def key(self, key: str, table_line: int | None) -> int | None:
        """The line of ``key = …`` in the table whose header is at ``table_line`` (None: top)."""
        start = table_line or 0
        pattern = re.compile(rf'^\s*"?{re.escape(key)}"?\s*=')
        for index in range(start, len(self.lines)):
            number = index + 1
            if number > start and number in self.header_lines and number != table_line:
                break
            if pattern.match(self.lines[index]):
                return number
        return table_line


def plain(value: Any) -> Any:
    """A tomlkit item as plain Python (str, int, list, dict, date…)."""
    unwrap = getattr(value, "unwrap", None)
    return unwrap() if unwrap is not None else value


def text_problem(value: str) -> str | None:
    """Why a string may not be stored, or None: it must be NFC and hold no control characters."""
    if unicodedata.normalize("NFC", value) != value:
        return "text is not Unicode NFC (decomposed diacritics); normalise it to NFC"
    for char in value:
        if unicodedata.category(char) == "Cc":
            return f"text holds a control character U+{ord(char):04X}"
    return None
