"""Shared by the robustness tests: a plan to break, the state of a folder, and the check that
an error is one line naming the file, with nothing written."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from planwriter.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "363-KH-HU.toml"


def example(folder: Path) -> Path:
    """A copy of the bundled example child plan (its parent is a library template)."""
    path = folder / "363-KH-HU.toml"
    shutil.copy(EXAMPLE, path)
    return path


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by name with its content hash (symlinks as their target)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            out[str(path.relative_to(folder))] = "-> " + str(path.readlink())
        elif path.is_file():
            out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def refused(
    capsys: pytest.CaptureFixture[str], args: list[str], *expected: str
) -> str:
    """Run ``planwriter ARGS`` in process; assert exit 2 and one line on stderr holding every
    ``expected`` text, with no traceback. Returns the line."""
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("planwriter: "), err
    assert "Traceback" not in err
    for text in expected:
        assert text in err, err
    return err
