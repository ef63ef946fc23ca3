"""The template and profile library: ``templates/`` (parent programmes) and ``profiles/``
(units), looked up in several folders, the office's own first:

1. the folders named in ``PLANWRITER_LIBRARY`` (``os.pathsep`` between them), e.g. a shared
   library an office keeps in git (``planwriter library init DIR``);
2. the folders named by ``library = [...]`` in the config file
   (``<user config dir>/planwriter/config.toml``);
3. the user library, ``<user data dir>/planwriter`` (platformdirs: ``~/.local/share/planwriter``
   on Linux), where ``import --as-template`` and ``profile new`` write unless 1. names one;
4. the library bundled with the package (``planwriter/bundled``).

A template is named by its path under ``templates/`` without ``.toml``
("lai-chau/63-CTr-TU"); a profile likewise under ``profiles/`` ("lai-chau/tam-duong"). An
entry found earlier shadows one of the same key found later.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from planwriter.errors import PlanwriterError

ENV = "PLANWRITER_LIBRARY"
KINDS = ("templates", "profiles")
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*")


@dataclass(frozen=True)
class Root:
    """One folder of the search path and why it is there."""

    path: Path
    origin: str  # "PLANWRITER_LIBRARY", "config", "user", "bundled"

    @property
    def label(self) -> str:
        """How ``planwriter templates`` names the origin, in Vietnamese."""
        return ORIGIN_NAMES.get(self.origin, self.origin)

    @property
    def short(self) -> str:
        """The origin in a word or two, for a table column."""
        return SHORT_NAMES.get(self.origin, self.origin)


ORIGIN_NAMES = {
    "PLANWRITER_LIBRARY": "thư viện chung (PLANWRITER_LIBRARY)",
    "config": "thư viện trong tệp cấu hình",
    "user": "thư viện của người dùng",
    "bundled": "kèm theo planwriter",
}


SHORT_NAMES = {
    "PLANWRITER_LIBRARY": "chung",
    "config": "cấu hình",
    "user": "người dùng",
    "bundled": "kèm theo",
}


def bundled_root() -> Path:
    """The library that ships inside the package (a real folder for any installed wheel,
    beside this module; found without importlib.resources, which costs every command
    more to import than the lookup it would do)."""
    return Path(__file__).parent / "bundled"


def user_root() -> Path:
    """The per-user library folder (it may not exist yet)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("planwriter", appauthor=False))


def config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("planwriter", appauthor=False)) / "config.toml"


def _config_roots() -> list[Path]:
    path = config_path()
    if not path.is_file():
        return []
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PlanwriterError(f"cannot read the config file: {exc}", path) from None
    folders = data.get("library", [])
    if isinstance(folders, str):
        folders = [folders]
    if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
        raise PlanwriterError("'library' must be a folder or an array of folders", path)
    return [(path.parent / Path(f).expanduser()) for f in folders]


def search_path() -> list[Root]:
    """Every folder the library is looked up in, most specific first, missing ones included
    (so that a listing can say where it looked)."""
    out: list[Root] = []
    env = os.environ.get(ENV)
    if env:
        out.extend(
            Root(Path(p).expanduser(), "PLANWRITER_LIBRARY") for p in env.split(os.pathsep) if p
        )
    out.extend(Root(p, "config") for p in _config_roots())
    out.append(Root(user_root(), "user"))
    out.append(Root(bundled_root(), "bundled"))
    seen: set[Path] = set()
    unique = []
    for root in out:
        resolved = root.path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            unique.append(root)
    return unique


def roots() -> list[Path]:
    """The folders of the search path that exist."""
    return [root.path for root in search_path() if root.path.is_dir()]


def writable_root() -> Root:
    """Where new templates and profiles go: the first PLANWRITER_LIBRARY folder when set,
    otherwise the user library."""
    for root in search_path():
        if root.origin in ("PLANWRITER_LIBRARY", "user"):
            return root
    return Root(user_root(), "user")  # pragma: no cover - search_path always has the user root


@dataclass(frozen=True)
class Entry:
    key: str
    path: Path
    root: Root


def entries(kind: str) -> dict[str, Entry]:
    """Every template or profile by key, with the folder it was found in."""
    found: dict[str, Entry] = {}
    for root in search_path():
        folder = root.path / kind
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.toml")):
            key = path.relative_to(folder).with_suffix("").as_posix()
            found.setdefault(key, Entry(key, path, root))
    return found


def templates() -> dict[str, Path]:
    return {key: entry.path for key, entry in entries("templates").items()}


def profiles() -> dict[str, Path]:
    return {key: entry.path for key, entry in entries("profiles").items()}


def template_path(key: str) -> Path:
    return _lookup("templates", key)


def profile_path(key: str) -> Path:
    return _lookup("profiles", key)


def _lookup(kind: str, key: str) -> Path:
    candidate = Path(key)
    if candidate.suffix == ".toml" and candidate.is_file():
        return candidate
    found = entries(kind)
    if key in found:
        return found[key].path
    names = ", ".join(sorted(found)) or "none"
    singular = kind[:-1]
    raise PlanwriterError(f"no {singular} named '{key}' (known: {names})")


def check_key(key: str) -> str:
    """A key a new entry may take: relative, without '..', of letters, digits, '.', '_', '-'
    and '/' between folders."""
    if not _KEY.fullmatch(key) or any(part in (".", "..") for part in key.split("/")):
        raise PlanwriterError(
            f"'{key}' is not a library key: use folder/name of letters, digits, '.', '_' "
            "and '-' (no '..', no absolute path), e.g. lai-chau/63-CTr-TU"
        )
    return key


def new_entry_path(kind: str, key: str, force: bool = False) -> Path:
    """The file a new template or profile ``key`` is written to, in the writable library.
    Refuses a key that an existing entry already has, unless ``force``."""
    check_key(key)
    existing = entries(kind).get(key)
    root = writable_root()
    target = root.path / kind / f"{key}.toml"
    if existing is not None and not force:
        raise PlanwriterError(
            f"the library already has a {kind[:-1]} '{key}' ({existing.root.label}: "
            f"{existing.path}); use --force to put yours before it",
            target,
        )
    return target


def resolve_parent(ref: str, child: Path) -> Path | None:
    """The file a plan's ``[plan.parent] ref`` names: a path relative to the child's folder
    when it ends in .toml, otherwise a template key."""
    if ref.endswith(".toml"):
        path = (child.parent / ref) if not Path(ref).is_absolute() else Path(ref)
        return path if path.is_file() else None
    entry = entries("templates").get(ref)
    return entry.path if entry else None


def template_key(path: Path) -> str | None:
    """The library key of a template file, if it is one."""
    resolved = path.resolve()
    for key, candidate in templates().items():
        if candidate.resolve() == resolved:
            return key
    return None
