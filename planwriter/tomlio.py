"""Reading TOML files, and finding the line a key or table stands on.

Paths that never write back parse with the standard ``tomllib`` (fast, strict); a file
that is edited is parsed again with tomlkit, which keeps comments and layout. Neither says
where a value came from, so errors find their line from the text: a ``Locator`` indexes
every table header and the keys under it in one pass.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planwriter.errors import PlanFileError

if TYPE_CHECKING:  # tomlkit is imported only by the paths that write a file back
    from tomlkit.toml_document import TOMLDocument

try:
    import rtoml
except ImportError:  # pragma: no cover - a platform without its wheel: tomllib is used
    rtoml = None  # type: ignore[assignment]
from planwriter.fsutil import read_input

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*(\]\]?)\s*(#.*)?$")
_KEY = re.compile(r'^\s*"?([A-Za-z0-9_\-]+)"?\s*=')
_RTOML_PLACE = re.compile(r"\s*at line (\d+) column \d+")
_TOMLLIB_PLACE = re.compile(r"\s*\(at line (\d+), column \d+\)$|\s*\(at end of document\)$")
# Control characters (Unicode category Cc) are exactly these two ranges.
# What no stored text may hold (a line break included: one value is one paragraph).
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
BOM = "\ufeff"
# A plan file larger than this is not a plan (the 140-task appendix of 03/NQ-CP is ~200 kB).
MAX_BYTES = 64 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file; a FIFO, device or folder is refused, never opened."""
    return read_input(path, PlanFileError, MAX_BYTES)


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text (a leading byte-order mark is read and dropped), or one line saying where
    it is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PlanFileError("not UTF-8 text", path, line) from None
    return text[1:] if text.startswith(BOM) else text


def read_text(path: Path) -> str:
    return decode(path, read_bytes(path))


def parse(path: Path, text: str) -> TOMLDocument:
    """The tomlkit document of ``text`` (for files that are edited and written back)."""
    import tomlkit
    from tomlkit.exceptions import KeyAlreadyPresent, ParseError

    try:
        return tomlkit.parse(text)
    except ParseError as exc:
        message = str(exc)
        # tomlkit appends " at line L col C"; we say the line our own way.
        message = re.sub(r" at line \d+ col \d+$", "", message)
        raise PlanFileError(
            f"TOML syntax: {message[:1].lower()}{message[1:]}", path, exc.line
        ) from None
    except KeyAlreadyPresent as exc:
        raise PlanFileError(f"TOML syntax: {_duplicate(str(exc))}", path) from None
    except RecursionError:
        raise PlanFileError("TOML syntax: values nested too deeply", path) from None


def parse_fast(path: Path, text: str) -> dict[str, Any]:
    """The plain tables of ``text`` for paths that never write back: read with ``rtoml`` (a
    compiled parser, ~40× faster than tomllib on a 10,000-item plan) where it is installed,
    else with the standard ``tomllib``."""
    if rtoml is not None:
        try:
            return dict(rtoml.loads(text))
        except rtoml.TomlParsingError as exc:
            message = " ".join(str(exc).split())
            found = _RTOML_PLACE.search(message)
            line = int(found.group(1)) if found else None
            message = _RTOML_PLACE.sub("", message).strip()
            if message.startswith("duplicate key") and line:
                message = _twice(text, line)
            raise PlanFileError(f"TOML syntax: {message}", path, line) from None
        except RecursionError:
            raise PlanFileError("TOML syntax: values nested too deeply", path) from None
    import tomllib  # only where rtoml has no wheel

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOMLLIB_PLACE.search(message)
        line = int(match.group(1)) if match and match.group(1) else None
        message = _TOMLLIB_PLACE.sub("", message)
        if message.startswith("Cannot overwrite a value") or message.startswith(
            "Cannot declare"
        ):
            message = _twice(text, line)
        raise PlanFileError(
            f"TOML syntax: {message[:1].lower()}{message[1:]}", path, line
        ) from None
    except RecursionError:
        raise PlanFileError("TOML syntax: values nested too deeply", path) from None


def _twice(text: str, line: int | None) -> str:
    """What a duplicate-key error says: the key (or table) on ``line`` is defined twice."""
    lines = text.splitlines()
    source = lines[line - 1] if line and line <= len(lines) else ""
    header = _HEADER.match(source)
    if header:
        return f"table [{header.group(2)}] is defined twice"
    key = _KEY.match(source)
    return f"key '{key.group(1)}' is defined twice" if key else "a key is defined twice"


def _duplicate(message: str) -> str:
    found = re.search(r'Key "(.*)" already exists', message)
    return f"key '{found.group(1)}' is defined twice" if found else message


class Locator:
    """Finds the line (1-based) of tables and keys in the text a document was parsed from.

    Built once in one pass over the text; every look-up is then a dictionary access or a
    binary search, so locating is linear in the file, however many items it has."""

    indexed = True

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.headers: list[tuple[int, str]] = []
        self._by_name: dict[str, list[int]] = {}
        self._keys: dict[int, dict[str, int]] = {0: {}}
        section = self._keys[0]
        for number, line in enumerate(self.lines, start=1):
            stripped = line.lstrip()
            if stripped.startswith("["):
                match = _HEADER.match(line)
                if match and match.group(1) in ("[", "[["):
                    name = match.group(2).replace(" ", "").replace('"', "")
                    self.headers.append((number, name))
                    self._by_name.setdefault(name, []).append(number)
                    section = self._keys[number] = {}
                    continue
            found = _KEY.match(line)
            if found:
                section.setdefault(found.group(1), number)

    def table(self, name: str, occurrence: int = 0, after: int = 0) -> int | None:
        """The line of the ``occurrence``-th ``[name]`` or ``[[name]]`` header after ``after``."""
        lines = self._by_name.get(name, [])
        start = bisect.bisect_right(lines, after)
        index = start + occurrence
        return lines[index] if index < len(lines) else None

    def key(self, key: str, table_line: int | None) -> int | None:
        """The line of ``key = …`` in the table whose header is at ``table_line`` (None: top)."""
        return self._keys.get(table_line or 0, {}).get(key, table_line)


class NoLines(Locator):
    """A locator that knows no lines, for the first, optimistic reading of a file: most files
    are valid, and only a file with a problem needs its lines found (then it is read again
    with a real ``Locator``, which raises the same error with its line)."""

    indexed = False

    def __init__(self) -> None:
        self.lines = []
        self.headers = []

    def table(self, name: str, occurrence: int = 0, after: int = 0) -> int | None:
        return None

    def key(self, key: str, table_line: int | None) -> int | None:
        return table_line


def plain(value: Any) -> Any:
    """A tomlkit item as plain Python (str, int, list, dict, date…)."""
    unwrap = getattr(value, "unwrap", None)
    return unwrap() if unwrap is not None else value


def text_problem(value: str) -> str | None:
    """Why a string may not be stored, or None: it must be NFC and hold no control characters."""
    if not unicodedata.is_normalized("NFC", value):
        return "text is not Unicode NFC (decomposed diacritics); normalise it to NFC"
    found = CONTROL.search(value)
    if found:
        char = found.group()
        if char == "\n":
            return "text holds a line break (one value is one paragraph)"
        return f"text holds a control character U+{ord(char):04X}"
    return None
