"""The template and profile library: ``templates/`` (parent programmes) and ``profiles/``
(units), in the folders named by ``PLANWRITER_LIBRARY``, the working folder, and the
library bundled with the package (``planwriter/bundled``, read with importlib.resources).

A template is named by its path under ``templates/`` without ``.toml``
("lai-chau/63-CTr-TU"); a profile likewise under ``profiles/`` ("lai-chau/tam-duong").
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from planwriter.errors import PlanwriterError


def bundled_root() -> Path:
    """The library that ships inside the package (a real folder for any installed wheel)."""
    return Path(str(resources.files("planwriter") / "bundled"))


def roots() -> list[Path]:
    """Folders that may hold ``templates/`` and ``profiles/``, most specific first."""
    out: list[Path] = []
    env = os.environ.get("PLANWRITER_LIBRARY")
    if env:
        out.extend(Path(p) for p in env.split(os.pathsep) if p)
    out.append(Path.cwd())
    out.append(bundled_root())
    seen: set[Path] = set()
    unique = []
    for root in out:
        resolved = root.resolve()
        if resolved not in seen:
            seen.add(resolved)
            unique.append(root)
    return unique


def _entries(kind: str) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in roots():
        folder = root / kind
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.toml")):
            key = path.relative_to(folder).with_suffix("").as_posix()
            found.setdefault(key, path)
    return found


def templates() -> dict[str, Path]:
    return _entries("templates")


def profiles() -> dict[str, Path]:
    return _entries("profiles")


def template_path(key: str) -> Path:
    return _lookup("templates", key)


def profile_path(key: str) -> Path:
    return _lookup("profiles", key)


def _lookup(kind: str, key: str) -> Path:
    candidate = Path(key)
    if candidate.suffix == ".toml" and candidate.is_file():
        return candidate
    entries = _entries(kind)
    if key in entries:
        return entries[key]
    names = ", ".join(sorted(entries)) or "none"
    singular = kind[:-1]
    raise PlanwriterError(f"no {singular} named '{key}' (known: {names})")


def resolve_parent(ref: str, child: Path) -> Path | None:
    """The file a plan's ``[plan.parent] ref`` names: a path relative to the child's folder
    when it ends in .toml, otherwise a template key."""
    if ref.endswith(".toml"):
        path = (child.parent / ref) if not Path(ref).is_absolute() else Path(ref)
        return path if path.is_file() else None
    return templates().get(ref)


def template_key(path: Path) -> str | None:
    """The library key of a template file, if it is one."""
    resolved = path.resolve()
    for key, candidate in templates().items():
        if candidate.resolve() == resolved:
            return key
    return None
